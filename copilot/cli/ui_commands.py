"""`market-copilot ui`: serve the browser app (`streamlit run ui/app.py`)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import typer

from copilot.errors import ConfigError
from copilot.safety.network import is_loopback
from copilot.settings import Settings


def app_path() -> Path:
    """The Streamlit script of the app: the installed `ui` package, else the source checkout's."""
    try:
        spec = importlib.util.find_spec("ui.app")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.origin is not None:
        return Path(spec.origin)
    checkout = Path(__file__).resolve().parents[2] / "ui" / "app.py"
    if checkout.is_file():
        return checkout
    raise ConfigError(
        "the `ui` package is not installed; reinstall with `pip install -e '.[dev]'`."
    )


def streamlit_command(
    host: str = "127.0.0.1", port: int = 8501, extra: list[str] | None = None
) -> list[str]:
    """The exact command line `ui` runs (also used by the tests and the benchmark)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(app_path()),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        *(extra or []),
    ]  # fmt: skip


def ui(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for a network)."),
    port: int = typer.Option(8501, help="Port to listen on."),
    streamlit_args: list[str] = typer.Argument(
        None, help="More `streamlit run` options after `--`, e.g. -- --theme.base dark"
    ),
) -> None:
    """Open Market Copilot in the browser: ask questions, see sources, checks and charts."""
    require_access_control(host, Settings())
    command = streamlit_command(host, port, streamlit_args)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    typer.echo(f"Market Copilot at http://{shown}:{port} (Ctrl+C to stop)", err=True)
    raise typer.Exit(serve(command))


def require_access_control(host: str, settings: Settings) -> None:
    """Beyond loopback the app must ask for a token: refuse to start without one."""
    if not is_loopback(host) and settings.ui_access_token is None:
        raise ConfigError(f"--host {host} needs COPILOT_UI_ACCESS_TOKEN set (see README).")


def serve(command: list[str]) -> int:
    """Run the server. On POSIX this process *becomes* it (exec), so a signal that stops
    `market-copilot ui` (Ctrl+C, a supervisor's SIGTERM) stops the server, never orphans it."""
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(command[0], command)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
