"""Planning: the model proposes a `ResearchPlan` as grammar-constrained JSON; code validates it.
A why-topic naming an instrument has its evidence planned by code, and the model writes only
the report's sub-questions (`plan_request`).

Each proposed step is validated on its own against its tool's argument model: a bad step is kept
aside as `rejected` (shown to the user, never run) instead of failing the whole plan. Then the
safeguards: a topic that names an instrument gets the answer engine's why-evidence (its move over
the topic's window — or the move that just happened — beside the S&P 500, the run of sessions it
beat it, and the news drivers around the move, from distinct articles); a topic that names none
gets the S&P 500's return over the prior month and a news search.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from copilot import prompts
from copilot.answering.why import why_calls
from copilot.hints import concept_hints, tool_menu
from copilot.llm.base import ChatMessage
from copilot.research.models import FEEDS, Budget, PlanStep, RejectedStep, ResearchPlan
from copilot.tools import TOOLS, ToolDeps
from copilot.understand import Catalog, understand
from copilot.understand.comparisons import asks_why

NEWS_TOOL = "search_news"
MAX_STEPS = 6
MAX_SUB_QUESTIONS = 3
# With a drivers step, the report's "What drove the move" answers the why itself (one model turn
# per article): one sub-question leaves the default budget's 12 calls room for five such turns.
SUB_QUESTIONS_WITH_DRIVERS = 1
NEWS_DAYS = 31
DRIVERS_TOOL = "news_drivers"
# The drivers' excerpts in prompt tokens: a report's sections share one evidence block of
# `writer.EVIDENCE_CHARS`, and the drivers sheet is the larger part of it.
DRIVERS_BUDGET_TOKENS = 800


def tool_names(deps: ToolDeps) -> list[str]:
    names = [n for n in TOOLS if n != "find_symbols"]
    return [n for n in names if n != NEWS_TOOL or deps.news is not None]


def system_message(deps: ToolDeps) -> ChatMessage:
    """The fixed system prompt of every call of every report (kept in the KV cache). The tool
    menu lives in the plan prompt: with it here, the small model answered writing tasks with
    JSON plans."""
    return {"role": "system", "content": prompts.render("research_system")}


def plan_schema(names: list[str]) -> dict[str, Any]:
    step = {
        "type": "object",
        "properties": {
            "tool": {"enum": names},
            "args": {"type": "object"},
            "feeds": {"enum": list(FEEDS)},
        },
        "required": ["tool", "args", "feeds"],
    }
    return {
        "type": "object",
        "properties": {
            "sub_questions": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "maxItems": MAX_SUB_QUESTIONS,
            },
            "steps": {"type": "array", "items": step, "maxItems": MAX_STEPS},
        },
        "required": ["sub_questions", "steps"],
    }


def questions_schema(most: int = MAX_SUB_QUESTIONS) -> dict[str, Any]:
    """The plan of a topic whose evidence code settled: only (at most `most`) sub-questions."""
    questions = {**plan_schema([])["properties"]["sub_questions"], "maxItems": most}
    return {"type": "object", "properties": {"sub_questions": questions},
            "required": ["sub_questions"]}  # fmt: skip


def plan_request(
    deps: ToolDeps, topic: str, as_of: date, data_latest: date | None
) -> tuple[list[ChatMessage], dict[str, Any]]:
    """The plan call's messages and JSON schema. A why-topic naming an instrument has its
    evidence planned by code (the move, the run, the news drivers: see `with_safeguards`), so
    the model is asked only for the report's sub-questions — a short reply instead of a
    JSON plan of every step (the plan call was a fifth of a report's time)."""
    why, _ = _why_steps(ResearchPlan(topic=topic, as_of=as_of), deps)
    if not why:
        return plan_messages(deps, topic, as_of, data_latest), plan_schema(tool_names(deps))
    steps = "; ".join(f"{_why_reason(tool, args)} ({args['start']} to {args['end']})"
                      if "start" in args and "end" in args else _why_reason(tool, args)
                      for tool, args in why)  # fmt: skip
    drivers = any(tool == DRIVERS_TOOL for tool, _ in why)
    most = SUB_QUESTIONS_WITH_DRIVERS if drivers else MAX_SUB_QUESTIONS
    asked = "one short sub-question" if most == 1 else f"{most} short sub-questions"
    user = prompts.render("research_questions", as_of=as_of, data_latest=data_latest or as_of,
                          topic=topic, steps=steps, asked=asked, drivers=drivers)  # fmt: skip
    return [system_message(deps), {"role": "user", "content": user}], questions_schema(most)


def plan_messages(
    deps: ToolDeps, topic: str, as_of: date, data_latest: date | None
) -> list[ChatMessage]:
    user = prompts.render(
        "research_plan", as_of=as_of, data_latest=data_latest or as_of,
        hints=concept_hints(deps, topic, as_of), topic=topic, max_steps=MAX_STEPS,
        tools=tool_menu(tool_names(deps)),
    )  # fmt: skip
    return [system_message(deps), {"role": "user", "content": user}]


def parse_plan(text: str, topic: str, as_of: date, budget: Budget, deps: ToolDeps) -> ResearchPlan:
    """The model's JSON → a validated plan (bad steps go to `rejected`), with safeguards."""
    try:
        payload = json.loads(text)
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    questions = [q.strip() for q in payload.get("sub_questions", []) if isinstance(q, str)]
    plan = ResearchPlan(
        topic=topic, as_of=as_of, budget=budget,
        sub_questions=[q for q in questions if q][:MAX_SUB_QUESTIONS] or [topic],
    )  # fmt: skip
    steps: list[PlanStep] = []
    rejected: list[RejectedStep] = []
    raw_steps = payload.get("steps", [])
    for raw in raw_steps if isinstance(raw_steps, list) else []:
        if not isinstance(raw, dict):
            rejected.append(RejectedStep(raw={"value": raw}, problem="not an object"))
            continue
        fields = {k: raw[k] for k in ("tool", "args", "feeds", "why") if k in raw}
        try:
            steps.append(PlanStep.model_validate({"id": f"s{len(steps) + 1}", **fields}))
        except ValidationError as exc:
            problem = "; ".join(str(e["msg"]) for e in exc.errors())
            rejected.append(RejectedStep(raw=raw, problem=problem))
    plan = plan.model_copy(update={"steps": steps[:MAX_STEPS], "rejected": rejected})
    return _fit_questions(with_safeguards(plan, deps))


def _fit_questions(plan: ResearchPlan) -> ResearchPlan:
    """With a drivers step, the report's drivers section answers why: a why sub-question is
    dropped (asked again, the model restated the topic and wrote the reasons a second time),
    and one is kept — code's on the move's size when none is left."""
    if not any(step.tool == DRIVERS_TOOL for step in plan.steps):
        return plan
    asked = [q for q in plan.sub_questions if not asks_why(q)] or _size_question(plan)
    return plan.model_copy(update={"sub_questions": asked[:SUB_QUESTIONS_WITH_DRIVERS]})


def _size_question(plan: ResearchPlan) -> list[str]:
    """Code's sub-question on the measured move: how large it was, against what."""
    for step in plan.steps:
        args = step.args
        if step.tool == "measure" and args.get("measure") == "return":
            versus = args.get("versus")
            names = [str(s) for s in args.get("symbols", []) if s != versus]
            against = f", and how did it compare with {versus}'s" if versus else ""
            return [f"How large was the move of {', '.join(names)}{against}?"]
    return []


def _has(plan: ResearchPlan, tool: str, **args: str) -> bool:
    """A step of `tool` whose arguments include `args` (symbols compared case-insensitively)."""
    return any(
        s.tool == tool and all(str(s.args.get(k, "")).upper() == v.upper() for k, v in args.items())
        for s in plan.steps
    )


def with_safeguards(plan: ResearchPlan, deps: ToolDeps) -> ResearchPlan:
    """The topic's why-evidence when it names an instrument, else the market's month and a news
    search — each added only when the plan lacks it."""
    why, note = _why_steps(plan, deps)
    if why:
        for tool, args in why:
            if not _has_call(plan, tool, args):
                plan = plan.add(tool, args, "analysis", _why_reason(tool, args))
        if note and note not in plan.notes:
            plan = plan.model_copy(update={"notes": [*plan.notes, note]})
        return plan
    start = _prior_month_end(plan.as_of)
    if deps.market is not None and not _has(plan, "price_return", symbol="SPY"):
        args = {"symbol": "SPY", "start": start.isoformat(), "end": plan.as_of.isoformat()}
        plan = plan.add("price_return", args, "analysis", "the S&P 500 over the period")
    if deps.news is not None and not _has(plan, NEWS_TOOL):
        since = plan.as_of - timedelta(days=NEWS_DAYS)
        news_args: dict[str, object] = {"query": plan.topic, "k": 4, "since": since.isoformat(),
                "until": plan.as_of.isoformat()}  # fmt: skip
        plan = plan.add(NEWS_TOOL, news_args, "analysis", "news behind the move")
    return plan


def _why_steps(plan: ResearchPlan, deps: ToolDeps) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """The answer engine's why-evidence for the topic's instruments (none when it names none),
    and code's note when the move ran against the topic's word for it ("GLD did not fall over
    the period asked about: it rose")."""
    if deps.market is None:
        return [], ""
    settled = understand(plan.topic, plan.as_of, Catalog.from_store(deps.market))
    if not settled.instruments:
        return [], ""
    as_of = deps.as_of
    deps.as_of = plan.as_of  # the move is found in data up to the plan's date
    try:
        calls = why_calls(deps, settled, DRIVERS_BUDGET_TOKENS)
    finally:
        deps.as_of = as_of
    note = settled.direction_note.replace(", as measured above.", ".")
    return [(c["tool"], c["args"]) for c in calls], note


def _has_call(plan: ResearchPlan, tool: str, args: dict[str, Any]) -> bool:
    return any(s.tool == tool and s.args == args for s in plan.steps)


def _why_reason(tool: str, args: dict[str, Any]) -> str:
    subjects = ", ".join(str(s) for s in args.get("symbols", []))
    if tool == DRIVERS_TOOL:
        return f"the news around the move of {subjects}"
    if args.get("measure") == "beat_streak":
        return f"sessions in a row {subjects} beat {args.get('versus')}"
    return f"the move of {subjects}"


def _prior_month_end(day: date) -> date:
    """The last weekday of the month before `day` (the tool moves a holiday to its session)."""
    last = day.replace(day=1) - timedelta(days=1)
    while last.weekday() >= 5:
        last -= timedelta(days=1)
    return last


def default_plan(deps: ToolDeps, topic: str, as_of: date, budget: Budget) -> ResearchPlan:
    """A plan without the model (used when the budget allows no planning call)."""
    plan = ResearchPlan(topic=topic, as_of=as_of, budget=budget, sub_questions=[topic])
    return _fit_questions(with_safeguards(plan, deps))
