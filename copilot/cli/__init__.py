"""The `market-copilot` command line.

The full command set (`app`, `main`) is in `copilot.cli.commands`, imported on first use. The
console entry point (`run`) builds only the `ask` command for `market-copilot ask …`: a fresh
question skips the other commands' imports (~0.4 s of start-up on a 2-core machine).
"""

from __future__ import annotations

import sys
from typing import Any


def __getattr__(name: str) -> Any:
    """`app` and `main` from `copilot.cli.commands`, loaded when first asked for."""
    if name in ("app", "main"):
        from copilot.cli import commands

        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """The console entry point (`market-copilot`, `python -m copilot`): the command line, then
    the quick exit a finished `ask` asked for (see `quick_exit`); any other outcome exits as
    usual."""
    from copilot.cli import quick_exit
    from copilot.cli.launch import launch

    try:
        if sys.argv[1:2] == ["ask"]:
            from copilot.cli.ask_commands import ask_app

            launch(ask_app())
        else:
            from copilot.cli.commands import main

            main()
    except SystemExit as done:
        if done.code in (0, None) and quick_exit.requested():
            quick_exit.leave(0)
        raise
