"""The CI slice of the generalization evaluation: 15 dev-half questions (every family, two of
them unanswerable) through `evaluate()` with the real answer engine (`copilot.agent.Copilot`)
over the real market store of ../shared/data, gated with the same `--fail-under` logic as
`market-copilot eval`.

The model is scripted, and it is a *faithful copier*, so the slice measures the code around the
model (question understanding, the market tools, verification, the refusal policy):

* a constrained-JSON call (the plan, or whatever the engine asks the model to fill) gets the
  smallest instance of the schema — `{"calls": []}` for today's plan: the copier settles
  nothing, every instrument, window and measure must come from code;
* a writing call (and a repair call) gets the first line of each evidence block the engine
  showed it, verbatim with its [n] — the figures exactly as the tools printed them;
* with no evidence it writes a plain refusal with no figure.

The number of model turns depends on the engine (plan, write, repair), so the copier has one
responder per possible turn and the test checks that every question reached the model, instead
of `assert_consumed()`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from copilot.agent import Copilot
from copilot.evaluation import failures, load_questions, parse_bar, summarize
from copilot.evaluation.runner import evaluate
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "eval" / "generalization" / "dev.jsonl"
# The first question of 15 dev templates: every family, and both unanswerable templates.
SLICE = [
    "vix-level-01", "oil-price-01", "month-to-date-01", "named-month-01", "last-week-01",
    "from-to-01", "gap-ytd-01", "sector-hit-hardest-01", "worst-day-01", "drawdown-01",
    "avg-vix-01", "bp-this-year-01", "streak-up-down-01", "up-down-days-month-01",
    "unknown-move-01",
]  # fmt: skip
SLICE_UNANSWERABLE_EXTRA = ["future-date-01"]
# The bars the slice must clear (the targets, a little below: 15 questions are few).
BARS = ["numeric_accuracy=0.8", "unanswerable_accuracy=1.0", "instrument_named=0.9",
        "zero_untraced_share=1.0"]  # fmt: skip
REFUSAL = "I cannot answer that from the market store: no tool produced the figures it needs."
TURNS_PER_QUESTION = 6
_EVIDENCE_LINE = re.compile(r"^\[(\d+)\]\s+(.+)$")


def minimal_instance(schema: dict[str, Any]) -> Any:
    """The smallest value a JSON schema accepts: required properties only, empty arrays."""
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return minimal_instance(schema[key][0])
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        props = schema.get("properties", {})
        return {name: minimal_instance(props.get(name, {})) for name in schema.get("required", [])}
    defaults: dict[str, Any] = {"array": [], "string": "", "integer": 0, "number": 0,
                                "boolean": False, "null": None}  # fmt: skip
    return defaults.get(kind)


def copied_answer(messages: list[ChatMessage]) -> str:
    """The first line of each evidence block in the latest message that holds any, with its
    [n] moved to the end of the sentence; a plain refusal when there is none."""
    for message in reversed(messages):
        if message["role"] != "user":
            continue
        lines = [_EVIDENCE_LINE.match(line.strip()) for line in message["content"].splitlines()]
        found = [f"{m.group(2).rstrip()} [{m.group(1)}]" for m in lines if m]
        if found:
            return " ".join(found[:4])
    return REFUSAL


def copier(llm_box: list[ScriptedLLM]) -> Callable[[list[ChatMessage]], str]:
    def respond(messages: list[ChatMessage]) -> str:
        schema = llm_box[0].json_schemas[-1]
        if schema is not None:
            return json.dumps(minimal_instance(schema))
        return copied_answer(messages)

    return respond


def test_the_copier_copies_evidence_and_refuses_without_it() -> None:
    shown: list[ChatMessage] = [
        {"role": "system", "content": "rules"},
        {"role": "user", "content": "Evidence:\n[2] XLV returned -3.64% over 5 sessions.\n"
                                    "Definition: x\n\nStep 2: answer, cite [n]."},
    ]  # fmt: skip
    assert copied_answer(shown) == "XLV returned -3.64% over 5 sessions. [2]"
    assert copied_answer([{"role": "user", "content": "(no evidence was found)"}]) == REFUSAL
    plan = {"type": "object", "properties": {"calls": {"type": "array"}}, "required": ["calls"]}
    assert minimal_instance(plan) == {"calls": []}


@pytest.mark.xfail(
    strict=True,
    reason="waits for issue #11 deliverables 1-2: question understanding in code and the "
    "composable measure tool. Today's engine leaves instruments, window and measure to the "
    "model's plan, so with a copier that plans nothing most questions get no evidence.",
)
def test_dev_slice_clears_the_bars(shared_deps: ToolDeps) -> None:
    by_id = {q.id: q for q in load_questions(DEV)}
    questions = [by_id[i] for i in SLICE + SLICE_UNANSWERABLE_EXTRA]
    assert {q.family for q in questions} >= {q.family for q in by_id.values()}
    box: list[ScriptedLLM] = []
    llm = ScriptedLLM([copier(box)] * (TURNS_PER_QUESTION * len(questions)), model_id="copier")
    box.append(llm)
    results = evaluate(Copilot(shared_deps, llm), questions)
    assert len(llm.calls) >= len(questions), "every question reached the model"
    assert not [r.error for r in results if r.error]
    summary = summarize(results)
    missed = failures([parse_bar(b, list(summary)) for b in BARS], {"slice": summary})
    assert not missed, "; ".join(missed)


def planner(llm_box: list[ScriptedLLM], plan: dict[str, Any], extra: str = "") -> Callable[
    [list[ChatMessage]], str
]:  # fmt: skip
    """A scripted model that plans `plan` when asked for JSON and otherwise copies the evidence,
    adding `extra` (a figure no tool printed) to what it writes."""

    def respond(messages: list[ChatMessage]) -> str:
        if llm_box[0].json_schemas[-1] is not None:
            return json.dumps(plan)
        return copied_answer(messages) + extra

    return respond


def month_to_date_question() -> tuple[Any, dict[str, Any]]:
    question = {q.id: q for q in load_questions(DEV)}["month-to-date-01"]
    assert (question.expected_symbols, question.as_of.isoformat()) == (["XLV"], "2025-05-07")
    # What a model that read the question right would plan: XLV from April's last close.
    call = {"tool": "price_return", "args": {"symbol": "XLV", "start": "2025-04-30",
                                             "end": "2025-05-07"}}  # fmt: skip
    return question, {"calls": [call]}


def test_a_right_plan_is_scored_correct_through_the_engine(shared_deps: ToolDeps) -> None:
    question, plan = month_to_date_question()
    box: list[ScriptedLLM] = []
    llm = ScriptedLLM([planner(box, plan)] * TURNS_PER_QUESTION)
    box.append(llm)
    [result] = evaluate(Copilot(shared_deps, llm), [question])
    assert result.correct is True and result.instrument_named is True
    assert result.untraced_figures == 0 and result.family == "move"


def test_a_figure_no_tool_printed_is_counted_untraced(shared_deps: ToolDeps) -> None:
    question, plan = month_to_date_question()
    box: list[ScriptedLLM] = []
    llm = ScriptedLLM([planner(box, plan, " It then rose 9.87% in a week [1].")] * 6)
    box.append(llm)
    [result] = evaluate(Copilot(shared_deps, llm), [question])
    assert result.untraced_figures >= 1
    summary = summarize([result])
    assert summary["zero_untraced_share"] == 0.0
    assert failures([parse_bar("zero_untraced_share=1", list(summary))], {"slice": summary})
