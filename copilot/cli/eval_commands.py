"""`market-copilot eval`: run evaluation question sets, record the scores, gate on them."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from copilot.answer import AnswerEngine
from copilot.cli.ask_commands import make_engine, make_llm_beside_news
from copilot.cli.common import load_settings
from copilot.evaluation import (
    Bar,
    EvalQuestion,
    QuestionResult,
    failures,
    load_questions,
    parse_bar,
    summarize,
)
from copilot.evaluation.runner import evaluate, markdown_report
from copilot.runtime import open_deps

console = Console()
GENERALIZATION = Path("benchmarks/eval/generalization")
SETS = {
    "legacy": Path("benchmarks/eval/questions.jsonl"),
    "dev": GENERALIZATION / "dev.jsonl",
    "test": GENERALIZATION / "test.jsonl",
}
FROZEN = {"test"}  # held out: scored in aggregate only, its questions never printed
METRICS = list(summarize([]))


def resolve_sets(questions: list[Path], names: list[str]) -> dict[str, Path]:
    """Set name -> file: the named sets, then each --questions file (named after a known set's
    file, else its stem); the legacy set when nothing is given."""
    unknown = [n for n in names if n not in SETS]
    if unknown:
        raise typer.BadParameter(
            f"unknown set {unknown[0]!r}: use {', '.join(SETS)}", param_hint="--set"
        )
    chosen = {name: SETS[name] for name in names}
    known = {path.resolve(): name for name, path in SETS.items()}
    for path in questions:
        chosen.setdefault(known.get(path.resolve(), path.stem), path)
    return chosen or {"legacy": SETS["legacy"]}


def select(
    questions: list[EvalQuestion], ids: list[str], kind: str | None, families: list[str],
    limit: int | None, per_template: int | None = None,
) -> list[EvalQuestion]:  # fmt: skip
    """The questions the filters keep: by id, kind and family, then at most `per_template` of
    each template (a quick run across every phrasing), then the first `limit`."""
    chosen = [q for q in questions if (not ids or q.id in ids) and (not kind or q.kind == kind)
              and (not families or q.family in families)]  # fmt: skip
    if per_template:
        taken: dict[str, int] = {}
        kept = []
        for q in chosen:
            taken[q.template] = taken.get(q.template, 0) + 1
            if taken[q.template] <= per_template:
                kept.append(q)
        chosen = kept
    return chosen[:limit] if limit else chosen


def parse_bars(texts: list[str]) -> list[Bar]:
    try:
        return [parse_bar(text, METRICS) for text in texts]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fail-under") from None


def eval_command(
    questions: list[Path] = typer.Option([], "--questions", help="A question set (JSON lines); "
                                         "repeatable."),
    sets: list[str] = typer.Option([], "--set", help="A named set: dev | test | legacy "
                                   "(repeatable). Default: legacy."),
    ids: list[str] = typer.Option([], "--id", help="Only these question ids (repeatable)."),
    limit: int | None = typer.Option(None, help="Only the first N questions of each set."),
    per_template: int | None = typer.Option(None, help="At most N questions per template."),
    kind: str | None = typer.Option(None, help="Only 'numeric', 'why' or 'unanswerable'."),
    families: list[str] = typer.Option([], "--family", help="Only this family (repeatable)."),
    provider: str | None = typer.Option(None, help="local | openai (default: settings)."),
    mode: str = typer.Option("pipeline", help="pipeline | agent."),
    records: Path | None = typer.Option(None, help="Write every answer as JSON lines here "
                                        "(not for the frozen test set)."),
    report: Path | None = typer.Option(None, help="Write a Markdown report here."),
    fail_under: list[str] = typer.Option([], "--fail-under", help="METRIC=VALUE or "
                                         "SET.METRIC=VALUE: exit 1 when a score is below it "
                                         "(repeatable)."),
) -> None:  # fmt: skip
    """Ask every question of the sets; report accuracy, refusals, instruments named, untraced
    figures, citations, verification and latency per set; gate on --fail-under."""
    bars = parse_bars(fail_under)
    chosen = resolve_sets(questions, sets)
    selected = {name: select(load_questions(path), ids, kind, families, limit, per_template)
                for name, path in chosen.items()}  # fmt: skip
    settings = load_settings()
    if provider:
        settings = settings.model_copy(update={"llm_provider": provider})
    results: dict[str, list[QuestionResult]] = {}
    with open_deps(settings) as deps:
        llm = make_llm_beside_news(settings, deps.news, quiet=False)
        engine = make_engine(mode, deps, llm)
        sink = records.open("w", encoding="utf-8") if records else None
        try:
            for name, batch in selected.items():
                results[name] = _run_set(engine, name, batch, None if name in FROZEN else sink)
        finally:
            if sink is not None:
                sink.close()
    summaries = {name: summarize(rs) for name, rs in results.items()}
    for name, summary in summaries.items():
        for key, value in summary.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            console.print(f"[{name}] {key}: {shown}", markup=False)
    if report:
        command = " ".join(["market-copilot eval", f"--mode {mode}",
                            *(f"--set {n}" for n in sets), *(f"--questions {p}" for p in questions),
                            *([f"--provider {provider}"] if provider else [])])  # fmt: skip
        write_report(report, results, mode, command, llm.model_id)
    missed = failures(bars, summaries)
    if missed:
        console.print(f"eval gate failed: {'; '.join(missed)}", markup=False, soft_wrap=True)
        raise typer.Exit(1)


def write_report(
    path: Path, results: dict[str, list[QuestionResult]], mode: str, command: str, model: str
) -> None:
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, model {model}"
    text = markdown_report(results, f"Evaluation ({mode})", machine, command, frozen=FROZEN)
    path.write_text(text, encoding="utf-8")
    console.print(f"Report written to {path}", markup=False)


def _run_set(
    engine: AnswerEngine, name: str, batch: list[EvalQuestion], sink: TextIO | None
) -> list[QuestionResult]:
    """One set through the engine, with a progress bar (no question ids for a frozen set)."""
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(),
        console=console,
    )
    with progress:
        task = progress.add_task(f"Evaluating {name}", total=len(batch), last="")

        def done(question: EvalQuestion, result: QuestionResult) -> None:
            shown = "" if name in FROZEN else f"{question.id}: {result.correct}"
            progress.update(task, advance=1, last=shown)

        return evaluate(engine, batch, on_done=done, records=sink, set_name=name)
