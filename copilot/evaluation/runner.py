"""Run the question set through an answer engine and score every answer."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from copilot.answer import Answer, AnswerEngine
from copilot.errors import CopilotError
from copilot.evaluation.scoring import EvalQuestion, QuestionResult, score_answer, summarize
from copilot.sources import SourceLedger


def evaluate(
    engine: AnswerEngine,
    questions: Sequence[EvalQuestion],
    on_done: Callable[[EvalQuestion, QuestionResult], None] | None = None,
    records: Path | None = None,
) -> list[QuestionResult]:
    """Ask each question with a fresh citation ledger; provider errors are scored, not fatal."""
    results: list[QuestionResult] = []
    sink = records.open("w", encoding="utf-8") if records else None
    try:
        for question in questions:
            engine.deps.ledger = SourceLedger()
            engine.deps.as_of = None
            started = time.perf_counter()
            answer: Answer | None = None
            try:
                answer = engine.ask(question.question, as_of=question.as_of)
            except CopilotError as exc:
                result = score_answer(
                    question, "", [], citations_valid=False, share_verified=0.0,
                    seconds=time.perf_counter() - started, error=str(exc),
                )  # fmt: skip
            if answer is not None:
                v = answer.verification
                result = score_answer(
                    question, answer.text, [c.name for c in answer.tool_calls],
                    citations_valid=not v.invalid_citations, share_verified=v.share_verified,
                    seconds=answer.timings.get("total", time.perf_counter() - started),
                )  # fmt: skip
            results.append(result)
            if sink is not None:
                record = {"result": result.model_dump(mode="json"),
                          "answer": answer.model_dump(mode="json") if answer else None}  # fmt: skip
                sink.write(json.dumps(record) + "\n")
                sink.flush()
            if on_done is not None:
                on_done(question, result)
    finally:
        if sink is not None:
            sink.close()
    return results


def markdown_report(
    results: Sequence[QuestionResult], title: str, machine: str, command: str
) -> str:
    """The summary table plus one line per question, for benchmarks/results/."""
    summary = summarize(results)
    lines = [f"# {title}", "", f"Machine: {machine}. Command: `{command}`.", "",
             "| metric | value |", "|---|---|"]  # fmt: skip
    for key, value in summary.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"| {key} | {shown} |")
    lines += ["", "| id | kind | correct | facts | citations ok | verified | tools ok | s |",
              "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in results:
        facts = f"{r.facts_covered}/{r.facts_total}" if r.kind == "why" else ""
        lines.append(
            f"| {r.id} | {r.kind} | {'' if r.correct is None else r.correct} | {facts} | "
            f"{r.citations_valid} | {r.share_verified:.2f} | {r.tool_choice_ok} | "
            f"{r.seconds:.1f} |" + (f" error: {r.error}" if r.error else "")
        )
    return "\n".join(lines) + "\n"
