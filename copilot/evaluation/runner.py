"""Run question sets through an answer engine, score every answer, and write the report."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from copilot.answer import Answer, AnswerEngine
from copilot.errors import CopilotError
from copilot.evaluation.reasons import reason_counts
from copilot.evaluation.scoring import (
    EvalQuestion,
    QuestionResult,
    score_answer,
    summarize,
    summarize_families,
)
from copilot.sources import SourceLedger


def evaluate(
    engine: AnswerEngine,
    questions: Sequence[EvalQuestion],
    on_done: Callable[[EvalQuestion, QuestionResult], None] | None = None,
    records: Path | TextIO | None = None,
    set_name: str = "",
) -> list[QuestionResult]:
    """Ask each question with a fresh citation ledger; a question whose answer fails (a
    provider error, or a bug: its type is kept in the message) is scored as an error, not fatal.

    `records`: a path (rewritten) or an open text file (appended to) for one JSON line per
    answer, tagged with `set_name`."""
    results: list[QuestionResult] = []
    sink = records.open("w", encoding="utf-8") if isinstance(records, Path) else records
    try:
        for question in questions:
            answer, result = _ask(engine, question)
            results.append(result)
            if sink is not None:
                record = {"set": set_name, "result": result.model_dump(mode="json"),
                          "answer": answer.model_dump(mode="json") if answer else None}  # fmt: skip
                sink.write(json.dumps(record) + "\n")
                sink.flush()
            if on_done is not None:
                on_done(question, result)
    finally:
        if isinstance(records, Path) and sink is not None:
            sink.close()
    return results


def _ask(engine: AnswerEngine, question: EvalQuestion) -> tuple[Answer | None, QuestionResult]:
    engine.deps.ledger = SourceLedger()
    engine.deps.as_of = None
    started = time.perf_counter()
    try:
        answer = engine.ask(question.question, as_of=question.as_of)
    except Exception as exc:  # one question's failure is scored (as an error), not fatal
        error = str(exc) if isinstance(exc, CopilotError) else f"{type(exc).__name__}: {exc}"
        result = score_answer(
            question, "", [], citations_valid=False, share_verified=0.0,
            seconds=time.perf_counter() - started, error=error,
        )  # fmt: skip
        return None, result
    v = answer.verification
    result = score_answer(
        question, answer.text, [c.name for c in answer.tool_calls],
        citations_valid=not v.invalid_citations, share_verified=v.share_verified,
        seconds=answer.timings.get("total", time.perf_counter() - started),
        # Figures only: dates are checked but reported apart (copilot.claims).
        untraced_figures=sum(1 for n in v.unverified if n.kind == "figure"),
        reasons=reason_counts(answer),
    )  # fmt: skip
    return answer, result


def _shown(value: float | int | None) -> str:
    return "" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown_report(
    results: Sequence[QuestionResult] | Mapping[str, Sequence[QuestionResult]],
    title: str,
    machine: str,
    command: str,
    frozen: Collection[str] = (),
) -> str:
    """The summary table (a column per set), per-family rows, and one line per question, except
    for the `frozen` sets (a held-out half is reported in aggregate only)."""
    sets = results if isinstance(results, Mapping) else {"all": results}
    summaries = {name: summarize(rs) for name, rs in sets.items()}
    lines = [f"# {title}", "", f"Machine: {machine}. Command: `{command}`.", "",
             "| metric | " + " | ".join(sets) + " |", "|---|" + "---|" * len(sets)]  # fmt: skip
    for key in next(iter(summaries.values()), {}):
        lines.append(f"| {key} | " + " | ".join(_shown(s[key]) for s in summaries.values()) + " |")
    for name, rs in sets.items():
        lines += ["", f"## {name}: per family", "",
                  "| family | questions | correct | instrument named | no untraced figure |",
                  "|---|---|---|---|---|"]  # fmt: skip
        for family, row in summarize_families(rs).items():
            lines.append(f"| {family} | {row['questions']:.0f} | {_shown(row['correct'])} | "
                         f"{_shown(row['instrument_named'])} | "
                         f"{_shown(row['zero_untraced_share'])} |")  # fmt: skip
    for name, rs in sets.items():
        if name in frozen:
            note = f"Not listed: `{name}` is a frozen held-out set, reported in aggregate only."
            lines += ["", f"## {name}: questions", "", note]
            continue
        lines += ["", f"## {name}: questions", "",
                  "| id | kind | correct | named | untraced | facts | citations ok | verified "
                  "| tools ok | s |", "|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        lines += [_question_line(r) for r in rs]
    return "\n".join(lines) + "\n"


def _question_line(r: QuestionResult) -> str:
    facts = ""
    if r.kind == "why":  # key facts; the model's reason sentences cited and supported
        facts = (
            f"{r.facts_covered}/{r.facts_total}; {r.reasons_cited_supported}/{r.reason_sentences}"
        )
    correct = "" if r.correct is None else str(r.correct)
    named = "" if r.instrument_named is None else str(r.instrument_named)
    return (
        f"| {r.id} | {r.kind} | {correct} | {named} | {r.untraced_figures} | {facts} | "
        f"{r.citations_valid} | {r.share_verified:.2f} | {r.tool_choice_ok} | {r.seconds:.1f} |"
        + (f" error: {r.error}" if r.error else "")
    )
