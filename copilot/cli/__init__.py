"""The `market-copilot` command line. Errors meant for users are caught here, once."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from copilot.cli import (
    ask_commands,
    chat_commands,
    check_commands,
    eval_commands,
    ingest_commands,
    market_commands,
    quick_exit,
    refresh_commands,
    research_commands,
    tool_commands,
    ui_commands,
)
from copilot.errors import CopilotError

app = typer.Typer(
    name="market-copilot",
    help="Market Copilot: market answers whose every figure is computed, cited and verified.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(ingest_commands.app, name="ingest")
app.add_typer(market_commands.app, name="market")
app.command("tool")(tool_commands.tool)
app.command("ask")(ask_commands.ask)
app.command("chat")(chat_commands.chat)
app.command("eval")(eval_commands.eval_command)
app.command("research")(research_commands.research)
app.command("refresh")(refresh_commands.refresh)
app.command("ui")(ui_commands.ui)
app.command("check")(check_commands.check)

_news_loaded = False
try:  # the news side registers its commands when its module is present
    from copilot.cli import news_commands

    ingest_commands.app.command("news")(news_commands.ingest_news)
    app.add_typer(news_commands.news_app, name="news")
    _news_loaded = True
except ImportError:  # pragma: no cover - only while the news module is absent
    pass


def main() -> None:
    """Entry point: run the app and turn expected errors into a message and exit code 1."""
    try:
        app()
    except (CopilotError, FileNotFoundError) as exc:
        # Messages carry paths, symbols and file contents: escaped, so `[/x]` prints as text.
        Console(stderr=True).print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(1)


def run() -> None:
    """The console entry point (`market-copilot`, `python -m copilot`): `main`, then the quick
    exit a finished `ask` asked for (see `quick_exit`); any other outcome exits as usual."""
    try:
        main()
    except SystemExit as done:
        if done.code in (0, None) and quick_exit.requested():
            quick_exit.leave(0)
        raise
