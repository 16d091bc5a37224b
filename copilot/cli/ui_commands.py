"""`market-copilot ui`: serve the browser app (`streamlit run ui/app.py`)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import typer

from copilot.errors import ConfigError


def app_path() -> Path:
    """The Streamlit script of the app, wherever the `ui` package is installed."""
    spec = importlib.util.find_spec("ui.app")
    if spec is None or spec.origin is None:
        raise ConfigError(
            "the `ui` package is not installed; reinstall with `pip install -e '.[dev]'`."
        )
    return Path(spec.origin)


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
    command = streamlit_command(host, port, streamlit_args)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    typer.echo(f"Market Copilot at http://{shown}:{port} (Ctrl+C to stop)", err=True)
    try:
        code = subprocess.call(command)
    except KeyboardInterrupt:
        code = 0
    raise typer.Exit(code)
