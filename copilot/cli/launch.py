"""The command line's Typer app, made one way, and run with the errors meant for users caught
once."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from copilot.errors import CopilotError


def launch(app: typer.Typer) -> None:
    """Run `app`; expected errors become a message on stderr and exit code 1."""
    try:
        app()
    except (CopilotError, FileNotFoundError) as exc:
        # Messages carry paths, symbols and file contents: escaped, so `[/x]` prints as text.
        Console(stderr=True).print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(1)


def new_app() -> typer.Typer:
    """An empty `market-copilot` app (the full command set or `ask` alone is added to it)."""
    return typer.Typer(
        name="market-copilot",
        help="Market Copilot: market answers whose every figure is computed, cited and verified.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
