"""The research plan as editable tables: rows out of a `ResearchPlan`, and back into one.

The conversion back is pure and all-or-nothing: every problem (invalid JSON, an unknown tool,
arguments the tool refuses, an unknown section) is collected and raised together as a
`PlanEditError`, and the edits stay in the table so nothing is lost while they are fixed.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import streamlit as st

from copilot.research.models import FEEDS, Budget, PlanStep, ResearchPlan, tool_args_problem
from ui.safe import escape_markdown

STEP_COLUMNS = ("id", "tool", "args", "feeds", "why")
QUESTION_COLUMN = "sub-question"
FEED_LABELS = {
    "analysis": "Integrated Analysis",
    "insights": "Key Insights",
    "time": "Time Sensitivity",
    "summary": "Key Information Summary",
}
BUDGET_FIELDS = {
    "max_llm_calls": ("Max LLM calls", 1, 1),
    "max_tokens": ("Max tokens", 100, 1000),
    "max_tool_calls": ("Max tool calls", 0, 1),
    "max_seconds": ("Max seconds", 1, 30),
}


class PlanEditError(ValueError):
    """The edited tables do not make a valid plan; `problems` says why, one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def step_rows(plan: ResearchPlan) -> list[dict[str, str]]:
    """One row per step; the arguments as JSON text."""
    return [
        {"id": s.id, "tool": s.tool, "args": json.dumps(s.args, ensure_ascii=False),
         "feeds": s.feeds, "why": s.why}
        for s in plan.steps
    ]  # fmt: skip


def question_rows(plan: ResearchPlan) -> list[dict[str, str]]:
    return [{QUESTION_COLUMN: q} for q in plan.sub_questions]


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _blank(row: Mapping[str, object]) -> bool:
    return not any(_text(row.get(c)) for c in ("tool", "args", "why"))


def parse_args(text: str, label: str) -> dict[str, Any]:
    """A step's arguments from JSON text ('' means none); PlanEditError when not an object."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanEditError([f"{label}: the arguments are not valid JSON ({exc.msg} at "
                             f"character {exc.pos + 1}): {text}"]) from None  # fmt: skip
    if not isinstance(value, dict):
        raise PlanEditError([f'{label}: the arguments must be a JSON object, e.g. '
                             f'{{"symbol": "IWM"}}; got: {text}'])  # fmt: skip
    return value


def _unused_id(used: set[str]) -> str:
    n = len(used) + 1
    while f"s{n}" in used:
        n += 1
    return f"s{n}"


def step_problem(tool: str, args: dict[str, Any], feeds: str) -> str | None:
    if not tool:
        return "choose a tool"
    if feeds not in FEEDS:
        return f"feeds must be one of {', '.join(FEEDS)}"
    return tool_args_problem(tool, args)  # an unknown tool, or arguments it refuses


def steps_from_rows(
    rows: Sequence[Mapping[str, object]], taken: Collection[str] = ()
) -> list[PlanStep]:
    """The steps of the edited table (blank added rows ignored). A new row gets an id no step
    had (`taken`: the plan's ids), so a dropped step's id never comes back as another step."""
    problems: list[str] = []
    kept = [r for r in rows if not _blank(r)]
    ids = [_text(r.get("id")) for r in kept]
    used = {i for i in ids if i} | set(taken)
    steps: list[PlanStep] = []
    for i, row in enumerate(kept):
        step_id = ids[i] if ids[i] and ids.count(ids[i]) == 1 else ""
        if not step_id:
            step_id = _unused_id(used)
            used.add(step_id)
        tool = _text(row.get("tool"))
        label = f"step {step_id}" + (f" ({tool})" if tool else "")
        feeds = _text(row.get("feeds")) or "analysis"
        try:
            args = parse_args(_text(row.get("args")), label)
        except PlanEditError as exc:
            problems += exc.problems
            continue
        problem = step_problem(tool, args, feeds)
        if problem:
            problems.append(f"{label}: {problem}")
            continue
        steps.append(PlanStep(id=step_id, tool=tool, args=args, feeds=feeds,
                              why=_text(row.get("why"))))  # fmt: skip
    if not problems and not steps:
        problems.append("the plan has no steps left: add one (a row at the bottom of the table)")
    if problems:
        raise PlanEditError(problems)
    return steps


def edited_plan(
    plan: ResearchPlan,
    steps: Sequence[Mapping[str, object]],
    questions: Sequence[Mapping[str, object]],
    budget: Budget,
) -> ResearchPlan:
    """`plan` with the edited steps, sub-questions (none left: the topic) and budget."""
    kept = [_text(q.get(QUESTION_COLUMN)) for q in questions]
    return plan.model_copy(
        update={
            "steps": steps_from_rows(steps, {s.id for s in plan.steps}),
            "sub_questions": [q for q in kept if q] or [plan.topic],
            "budget": budget,
        }
    )


def render_plan_editor(plan: ResearchPlan, tools: list[str], key: str) -> ResearchPlan | None:
    """The plan as tables to edit and the "Accept and run" button; the plan to run when it was
    clicked and the edits are valid (problems are shown, the edits kept)."""
    st.markdown("**Sub-questions** — each becomes a part of the Integrated Analysis.")
    questions = st.data_editor(
        question_rows(plan), key=f"{key}.questions", num_rows="dynamic", width="stretch",
        hide_index=True,
        column_config={QUESTION_COLUMN: st.column_config.TextColumn(width="large")},
    )  # fmt: skip
    st.markdown(
        "**Tool steps** — drop a row (select it, then the bin), add one at the bottom, or change "
        "the arguments (a JSON object)."
    )
    steps = st.data_editor(
        step_rows(plan), key=f"{key}.steps", num_rows="dynamic", width="stretch",
        hide_index=True, column_order=STEP_COLUMNS,
        column_config={
            "id": st.column_config.TextColumn("id", disabled=True, width="small"),
            "tool": st.column_config.SelectboxColumn("tool", options=tools, required=True),
            "args": st.column_config.TextColumn("arguments (JSON)", width="large"),
            "feeds": st.column_config.SelectboxColumn(
                "feeds", options=list(FEEDS), default="analysis",
                help="The section this evidence is for: "
                + ", ".join(f"{k} = {v}" for k, v in FEED_LABELS.items()),
            ),
            "why": st.column_config.TextColumn("why"),
        },
    )  # fmt: skip
    for rejected in plan.rejected:
        st.caption(
            escape_markdown(
                f"Not in the plan (invalid): {json.dumps(rejected.raw, default=str)} — "
                f"{rejected.problem}"
            )
        )
    budget = render_budget(plan.budget, key)
    if not st.button("Accept and run", key=f"{key}.accept", type="primary",
                     icon=":material/play_arrow:"):  # fmt: skip
        return None
    try:
        return edited_plan(plan, steps, questions, budget)
    except PlanEditError as exc:
        lines = "\n".join(f"- {escape_markdown(p)}" for p in exc.problems)
        st.error(f"**The plan was not run** — fix these in the tables above:\n\n{lines}",
                 icon=":material/error:")  # fmt: skip
        return None


def render_budget(budget: Budget, key: str) -> Budget:
    """The plan's budget (a hard stop for the run), from settings, adjustable."""
    st.markdown("**Budget** — the run stops, and the report says so, when any limit is reached.")
    values: dict[str, float] = {}
    for column, (name, (label, lowest, step)) in zip(
        st.columns(len(BUDGET_FIELDS)), BUDGET_FIELDS.items(), strict=True
    ):
        current = getattr(budget, name)
        values[name] = column.number_input(
            label, min_value=type(current)(lowest), value=current, step=type(current)(step),
            format="%.0f" if isinstance(current, float) else "%d", key=f"{key}.budget.{name}",
        )  # fmt: skip
    return Budget.model_validate(values)
