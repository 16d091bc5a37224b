"""`market-copilot ui`: the exact `streamlit run` command, private and headless."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from copilot.cli import ui_commands


def test_command_runs_the_app_headless_without_usage_stats() -> None:
    command = ui_commands.streamlit_command("127.0.0.1", 8765, ["--theme.base", "dark"])
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert Path(command[4]) == Path(__file__).resolve().parents[2] / "ui" / "app.py"
    flags = dict(zip(command[5:-2:2], command[6:-2:2], strict=True))
    assert flags == {
        "--server.address": "127.0.0.1",
        "--server.port": "8765",
        "--server.headless": "true",
        "--browser.gatherUsageStats": "false",
    }
    assert command[-2:] == ["--theme.base", "dark"]


def test_the_app_config_keeps_it_private_too() -> None:
    import tomllib

    config = tomllib.loads((Path(ui_commands.app_path()).parent / ".streamlit/config.toml")
                           .read_text(encoding="utf-8"))  # fmt: skip
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["headless"] is True


def test_ui_command_passes_options_to_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def serve(command: list[str]) -> int:
        seen.append(command)
        return 3

    monkeypatch.setattr(ui_commands, "serve", serve)
    monkeypatch.setenv("COPILOT_UI_ACCESS_TOKEN", "a-token")  # required beyond loopback
    app = typer.Typer()
    app.command()(ui_commands.ui)
    result = CliRunner().invoke(app, ["--port", "9123", "--host", "0.0.0.0"])
    assert result.exit_code == 3
    assert seen and seen[0][seen[0].index("--server.port") + 1] == "9123"
    assert seen[0][seen[0].index("--server.address") + 1] == "0.0.0.0"


@pytest.mark.skipif(sys.platform == "win32", reason="exec is POSIX")
def test_the_cli_process_becomes_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """So stopping `market-copilot ui` stops Streamlit (no orphaned server)."""
    calls: list[tuple[str, list[str]]] = []

    class Replaced(Exception):
        """A real exec never returns: the process is now the server."""

    def execv(path: str, argv: list[str]) -> None:
        calls.append((path, argv))
        raise Replaced

    monkeypatch.setattr("os.execv", execv)
    command = ui_commands.streamlit_command(port=9124)
    with pytest.raises(Replaced):
        ui_commands.serve(command)
    assert calls == [(sys.executable, command)]
