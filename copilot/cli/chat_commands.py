"""`market-copilot chat`: ask one question after another; follow-ups reuse what earlier turns
settled ("and QQQ?", "what about the week before?")."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from copilot.answering.memory import Memory
from copilot.cli.ask_commands import event_printer, make_engine, make_llm_beside_news, print_answer
from copilot.cli.common import load_settings, parse_day
from copilot.errors import CopilotError
from copilot.runtime import open_deps
from copilot.safety.answers import StreamingLinkFilter, safe_answer
from copilot.sources import SourceLedger

console = Console()
err = Console(stderr=True)
QUIT = {"", "exit", "quit", ":q"}


def chat(
    as_of: str | None = typer.Option(None, "--as-of", help="Answer as of YYYY-MM-DD."),
) -> None:
    """A conversation in the terminal: type a question, then follow-ups; an empty line quits."""
    settings = load_settings()
    day = parse_day(as_of, "--as-of") or settings.as_of
    memory = Memory()
    with open_deps(settings, day) as deps:
        engine = make_engine("pipeline", deps, make_llm_beside_news(settings, deps.news, False))
        while True:
            err.print("[bold]You:[/] ", end="")
            line = sys.stdin.readline()
            question = line.strip()
            if not line or question.lower() in QUIT:
                return
            deps.ledger = SourceLedger()  # each answer numbers its own sources from [1]
            links = StreamingLinkFilter()
            try:
                answer = engine.ask(question, day, event_printer(links), memory=memory)  # type: ignore[call-arg]
            except CopilotError as exc:  # one failed question does not end the conversation
                err.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
                continue
            sys.stdout.write(links.finish())
            print_answer(console, safe_answer(answer))
