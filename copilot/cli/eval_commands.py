"""`market-copilot eval`: run the evaluation question set and record the scores."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from copilot.cli.ask_commands import make_engine, make_llm_beside_news
from copilot.cli.common import load_settings
from copilot.evaluation import EvalQuestion, QuestionResult, load_questions, summarize
from copilot.evaluation.runner import evaluate, markdown_report
from copilot.runtime import open_deps

console = Console()
DEFAULT_QUESTIONS = Path("benchmarks/eval/questions.jsonl")


def eval_command(
    questions: Path = typer.Option(DEFAULT_QUESTIONS, help="Question set (JSON lines)."),
    ids: list[str] = typer.Option([], "--id", help="Only these question ids (repeatable)."),
    limit: int | None = typer.Option(None, help="Only the first N questions."),
    kind: str | None = typer.Option(None, help="Only 'numeric' or 'why' questions."),
    provider: str | None = typer.Option(None, help="local | openai (default: settings)."),
    mode: str = typer.Option("pipeline", help="pipeline | agent."),
    records: Path | None = typer.Option(None, help="Write every answer as JSON lines here."),
    report: Path | None = typer.Option(None, help="Write a Markdown report here."),
) -> None:
    """Ask every question of the set and report accuracy, citations, verification and latency."""
    settings = load_settings()
    if provider:
        settings = settings.model_copy(update={"llm_provider": provider})
    selected = load_questions(questions)
    if ids:
        selected = [q for q in selected if q.id in ids]
    if kind:
        selected = [q for q in selected if q.kind == kind]
    selected = selected[:limit] if limit else selected
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}", markup=False),  # question ids, not markup
        TimeElapsedColumn(),
        console=console,
    )
    with open_deps(settings) as deps:
        llm = make_llm_beside_news(settings, deps.news, quiet=False)
        engine = make_engine(mode, deps, llm)
        with progress:
            task = progress.add_task("Evaluating", total=len(selected), last="")

            def done(question: EvalQuestion, result: QuestionResult) -> None:
                progress.update(task, advance=1, last=f"{question.id}: {result.correct}")

            results = evaluate(engine, selected, on_done=done, records=records)
    for key, value in summarize(results).items():
        console.print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}",
                      markup=False)  # fmt: skip
    if report:
        machine = (
            f"{os.cpu_count()} cores, Python {platform.python_version()}, model {llm.model_id}"
        )
        command = f"market-copilot eval --mode {mode}" + (
            f" --provider {provider}" if provider else ""
        )
        report.write_text(markdown_report(results, f"Evaluation ({mode})", machine, command))
        console.print(f"Report written to {report}", markup=False)
