"""The CI slice of the generalization evaluation: 16 dev-half questions (every family; two of
them unanswerable) through `evaluate()` with the real answer engine (`copilot.agent.Copilot`)
over the real market store of ../shared/data, gated with the same `--fail-under` logic as
`market-copilot eval`.

The model is scripted, and it is a *faithful copier*, so the slice measures the code around the
model (question understanding, the market tools, verification, the refusal policy):

* a constrained-JSON call (a plan, or the slots the engine could not settle) gets the smallest
  instance of its schema (`{"calls": []}` for a plan): the copier settles nothing, so every
  instrument, window and measure must come from code;
* a writing or repair call gets the first line of each evidence block ("[n] ...") in the
  latest prompt that has any, verbatim, its [n] moved to the end (unless the line cites it
  already): the figures exactly as the tools printed them, and nothing else;
* with no evidence it writes a plain refusal with no figure.

How many turns the model gets depends on the engine (none for a question code declines), so the
copier has a responder for every possible turn and `assert_consumed()` does not apply.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from copilot.agent import Copilot
from copilot.answer import Answer, EventCallback, ToolCallRecord
from copilot.evaluation import EvalQuestion, failures, load_questions, parse_bar, summarize
from copilot.evaluation.runner import evaluate
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps, run_tool
from copilot.verify import verify_answer

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "eval" / "generalization" / "dev.jsonl"
# One question of 15 dev templates (the first, or "How did banks do last week?"): every family,
# and both unanswerable templates.
SLICE = [
    "vix-level-01", "oil-price-01", "month-to-date-01", "named-month-01", "casual-names-04",
    "from-to-01", "gap-ytd-01", "sector-hit-hardest-01", "worst-day-01", "drawdown-01",
    "avg-vix-01", "bp-this-year-01", "streak-up-down-01", "up-down-days-month-01",
    "unknown-move-01",
]  # fmt: skip
SLICE_UNANSWERABLE_EXTRA = ["future-date-01"]
# The bars the slice must clear (the targets, a little below: 16 questions are few).
BARS = ["numeric_accuracy=0.8", "unanswerable_accuracy=1.0", "instrument_named=0.9",
        "zero_untraced_share=1.0"]  # fmt: skip
REFUSAL = "I cannot answer that from the market store: no tool produced the figures it needs."
TURNS_PER_QUESTION = 6
_EVIDENCE_LINE = re.compile(r"^\[(\d+)\]\s+(.+)$")


# A known false positive of the claim checker (copilot/claims): in "over the 5 sessions from
# 2025-04-30 ... to 2025-05-07" the window length 5 is read with the base date as the window's
# start and marked contradicted against the fact 2025-05-01..2025-05-07 = 5 sessions.
CHECKER_WINDOW_LENGTH = (
    "claim checker false positive: a window length read with the base date as its start is "
    "marked contradicted; remove the mark when the checker binds it to the fact it states"
)


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
        found = [m.group(2).rstrip() if f"[{m.group(1)}]" in m.group(2)
                 else f"{m.group(2).rstrip()} [{m.group(1)}]" for m in lines if m]  # fmt: skip
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
    cited: list[ChatMessage] = [{"role": "user", "content": "[1] VIX: value 21.77 [1]."}]
    assert copied_answer(cited) == "VIX: value 21.77 [1]."
    assert copied_answer([{"role": "user", "content": "(no evidence was found)"}]) == REFUSAL
    plan = {"type": "object", "properties": {"calls": {"type": "array"}}, "required": ["calls"]}
    assert minimal_instance(plan) == {"calls": []}


def test_dev_slice_clears_the_bars(shared_deps: ToolDeps) -> None:
    by_id = {q.id: q for q in load_questions(DEV)}
    questions = [by_id[i] for i in SLICE + SLICE_UNANSWERABLE_EXTRA]
    assert {q.family for q in questions} >= {q.family for q in by_id.values()}
    box: list[ScriptedLLM] = []
    llm = ScriptedLLM([copier(box)] * (TURNS_PER_QUESTION * len(questions)), model_id="copier")
    box.append(llm)
    results = evaluate(Copilot(shared_deps, llm), questions)
    assert not [r.error for r in results if r.error]
    summary = summarize(results)
    missed = failures([parse_bar(b, list(summary)) for b in BARS], {"slice": summary})
    assert not missed, "; ".join(missed)


@dataclass
class OneToolEngine:
    """An `AnswerEngine` that runs one real tool on the real store and writes its first line
    (plus `extra`), checked by the real verifier: the runner and the scores, whatever the
    answer engine's planning looks like."""

    deps: ToolDeps
    tool: str
    args: dict[str, Any]
    extra: str = ""
    mode: str = "one-tool"

    def ask(
        self, question: str, as_of: date | None = None, on_event: EventCallback | None = None
    ) -> Answer:
        self.deps.as_of = as_of
        output = run_tool(self.deps, self.tool, self.args)
        text = copied_answer([{"role": "user", "content": output.text}]) + self.extra
        text, verification = verify_answer(text, self.deps.ledger, as_of, question)
        call = ToolCallRecord(name=self.tool, arguments=self.args, output=output.text,
                              error=output.error, sources=output.sources)  # fmt: skip
        return Answer(question=question, as_of=as_of, text=text, verification=verification,
                      tool_calls=[call])  # fmt: skip


def month_to_date_engine(deps: ToolDeps, extra: str = "") -> tuple[EvalQuestion, OneToolEngine]:
    question = {q.id: q for q in load_questions(DEV)}["month-to-date-01"]
    assert (question.expected_symbols, question.as_of.isoformat()) == (["XLV"], "2025-05-07")
    # The tool call that reads this question right: XLV from April's last close.
    args = {"symbol": "XLV", "start": "2025-04-30", "end": "2025-05-07"}
    return question, OneToolEngine(deps, "price_return", args, extra)


@pytest.mark.xfail(strict=True, reason=CHECKER_WINDOW_LENGTH)
def test_right_evidence_is_scored_correct_named_and_traced(shared_deps: ToolDeps) -> None:
    question, engine = month_to_date_engine(shared_deps)
    [result] = evaluate(engine, [question])
    assert result.correct is True and result.instrument_named is True
    assert result.untraced_figures == 0 and result.family == "move"


@pytest.mark.xfail(strict=True, reason=CHECKER_WINDOW_LENGTH)
def test_a_figure_no_tool_printed_is_counted_untraced(shared_deps: ToolDeps) -> None:
    question, engine = month_to_date_engine(shared_deps, " It then rose 9.87% in a week [1].")
    [result] = evaluate(engine, [question])
    assert result.correct is True and result.untraced_figures == 1
    summary = summarize([result])
    assert summary["zero_untraced_share"] == 0.0
    assert failures([parse_bar("zero_untraced_share=1", list(summary))], {"slice": summary})
