"""`market-copilot ask "QUESTION"`: a streamed, cited and verified answer."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

from copilot.answer import AgentEvent, Answer, AnswerEngine
from copilot.cli import quick_exit
from copilot.cli.common import load_settings, parse_day
from copilot.render import (
    REMOVED_LABEL,
    check_lines,
    marked_text,
    sources_text,
    summary_line,
    warning_line,
)
from copilot.runtime import open_deps, preload_embedder
from copilot.safety import strip_controls
from copilot.safety.answers import StreamingLinkFilter, safe_answer
from copilot.settings import Settings
from copilot.tools import ToolDeps

if TYPE_CHECKING:
    from copilot.llm.base import LLM

console = Console()
err = Console(stderr=True)


def ask(
    question: str = typer.Argument(..., help="Your question, e.g. 'why did small caps rally?'"),
    as_of: str | None = typer.Option(None, "--as-of", help="Answer as of YYYY-MM-DD."),
    provider: str | None = typer.Option(
        None, help="local | openai | scripted (default: settings)."
    ),
    model: str | None = typer.Option(None, help="Model name for --provider openai."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    mode: str = typer.Option("pipeline", help="pipeline | agent (LangChain create_agent)."),
) -> None:
    """Answer a market question from the stored data and news, citing and checking every figure."""
    settings = load_settings()
    updates: dict[str, object] = {}
    if provider:
        updates["llm_provider"] = provider
    if model:
        updates["openai_model"] = model
    if updates:
        settings = settings.model_copy(update=updates)
    day = parse_day(as_of, "--as-of") or settings.as_of
    llm = make_llm_in_background(settings, quiet=as_json)  # loads while the stores open and
    with open_deps(settings, day) as deps:  # code understands the question and runs the tools
        preload_embedder(deps.news)  # the news search waits for it; the model's load goes on
        copilot = make_engine(mode, deps, llm)
        links = StreamingLinkFilter()
        on_event = (lambda _e: None) if as_json else event_printer(links)
        answer = safe_answer(copilot.ask(question, as_of=day, on_event=on_event))
    if as_json:
        typer.echo(answer_json(answer))
    else:
        sys.stdout.write(links.finish())
        print_answer(console, answer)
    quick_exit.request()  # everything is written and every store closed


def ask_app() -> typer.Typer:
    """`market-copilot ask` alone: what the console entry point runs for a question, without
    importing the other commands. A root callback keeps `ask` a subcommand, as in the full app."""
    from copilot.cli.launch import new_app

    app = new_app()
    app.command("ask")(ask)
    app.callback()(_no_options)
    return app


def _no_options() -> None:
    """Market Copilot: market answers whose every figure is computed, cited and verified."""


def answer_json(answer: Answer) -> str:
    """What `--json` prints (the answer already through `safe_answer`)."""
    return answer.model_dump_json(indent=2)


def print_answer(out: Console, answer: Answer) -> None:
    """The final answer as the terminal shows it (the answer already through `safe_answer`)."""
    out.print()
    out.rule("Answer (✓ verified · ↪ moved · ≈ derived · ✗ contradicted · ? no source)")
    warning = warning_line(answer)
    if warning:
        out.print(f"[bold red]⚠ {escape(warning)}[/]", highlight=False)
    out.print(marked_text(answer))
    for line in check_lines(answer):
        out.print(f"[dim]{escape(line)}[/]", highlight=False)
    for sentence in answer.removed:
        out.print(f"[yellow]{REMOVED_LABEL}:[/] {escape(sentence)}", highlight=False)
    for premise in answer.premises:
        note = f"{premise.text} — {premise.mark_note()}"
        out.print(f"[yellow]The question's figure, corrected:[/] {escape(note)}", highlight=False)
    out.print("\n[bold]Sources[/]")
    listed = sources_text(answer, only_cited=True) or "(none cited)"
    out.print(listed, highlight=False, markup=False)
    out.print(f"\n[dim]{escape(summary_line(answer))}[/]", highlight=False)
    out.print("[dim]Information, not investment advice.[/]")


def make_llm_beside_news(settings: Settings, news: Any, quiet: bool) -> LLM:
    """The model, with the news embedding model loading meanwhile (ready before it returns)."""
    preloading = preload_embedder(news)
    llm = make_llm_with_progress(settings, quiet)
    if preloading is not None:
        preloading.join()
    return llm


def make_llm_in_background(settings: Settings, quiet: bool) -> LLM:
    """The model, loading in a background thread: its first call waits for the load (a fresh
    `ask` spends the ~1 s of opening the stores, understanding and tools meanwhile)."""
    from copilot.llm.loading import LoadingLLM

    return LoadingLLM(lambda: make_llm_with_progress(settings, quiet))


def make_llm_with_progress(settings: Settings, quiet: bool) -> LLM:
    from copilot.llm import make_llm

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
                        console=err, transient=True)  # fmt: skip
    task = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            progress.start()
            task = progress.add_task("Preparing the local model (first run)", total=total)
        progress.update(task, completed=done)
        if done >= total:
            progress.stop()

    return make_llm(settings, on_model_progress=None if quiet else on_progress)


def make_engine(mode: str, deps: ToolDeps, llm: LLM) -> AnswerEngine:
    if mode == "agent":
        from copilot.agent_langchain import LangChainCopilot

        return LangChainCopilot(deps, llm)
    if mode != "pipeline":
        raise typer.BadParameter("use 'pipeline' or 'agent'.", param_hint="--mode")
    from copilot.agent import Copilot

    return Copilot(deps, llm)


def event_printer(links: StreamingLinkFilter) -> Callable[[AgentEvent], None]:
    """Progress to stderr; the answer's tokens to stdout as they come, through the link policy
    (links and images are cut while streaming; the final answer below keeps the allowed ones)."""

    def on_event(event: AgentEvent) -> None:
        if event.kind != "token":  # what was held back of the text so far goes out first
            sys.stdout.write(links.finish())
        if event.kind == "understood" and event.text:
            for line in event.text.splitlines():
                err.print(f"[dim]· {escape(line)}[/]", highlight=False)
        elif event.kind == "phase" and event.name == "write":
            err.print("[dim]writing…[/]")
        elif event.kind == "phase" and event.name == "repair":
            err.print("\n[dim]some figures did not check out: asking the model to fix them…[/]")
        elif event.kind == "tool_started":
            args = json.dumps(event.arguments, default=str)
            err.print(f"[dim]→ {escape(f'{event.name} {args}')}[/]", highlight=False)
        elif event.kind == "tool_finished" and event.error:
            err.print(f"[yellow]  {escape(event.text)}[/]", highlight=False)
        elif event.kind == "token":
            sys.stdout.write(links.feed(strip_controls(event.text, keep_layout=True)))
            sys.stdout.flush()

    return on_event
