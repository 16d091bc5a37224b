"""The command line as a user meets it: real Typer app, real store, errors at the edge."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.cli import app

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, shared_market_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    shutil.copy(shared_market_path, directory / "market.duckdb")
    monkeypatch.setenv("COPILOT_DATA_DIR", str(directory))
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    return directory


def test_tool_prints_what_the_model_sees_with_sources(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["tool", "streak", "--args", '{"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}']
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("[1] IWM beat SPY ")
    assert "Sources" in result.output and "Definition:" in result.output


def test_tool_json_has_text_data_and_sources(data_dir: Path) -> None:
    result = runner.invoke(
        app,
        ["tool", "moving_average", "--args", '{"symbol": "SPY", "day": "2026-01-22"}', "--json"],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["data"]["window"] == 200
    assert payload["sources"]["1"]["symbols"] == ["SPY"]
    assert payload["sources"]["1"]["data_as_of"] == "2026-02-18"


def test_tool_with_fixable_error_exits_1_with_the_reason(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["tool", "streak", "--args", '{"symbol": "IWM", "end": "2024-06-28"}']
    )
    assert result.exit_code == 1
    assert "no IWM data on or before 2024-06-28; IWM starts 2025-02-19" in result.output


def test_bad_json_and_unknown_tool_are_usage_errors(data_dir: Path) -> None:
    bad = runner.invoke(app, ["tool", "streak", "--args", "{symbol: IWM}"])
    assert bad.exit_code == 2 and "not valid JSON" in bad.output
    unknown = runner.invoke(app, ["tool", "no_such_tool"])
    assert unknown.exit_code == 2 and "streak" in unknown.output


def test_tool_list_shows_every_tool_schema(data_dir: Path) -> None:
    result = runner.invoke(app, ["tool", "--list"])
    listed = json.loads(result.output)
    assert {"streak", "sector_returns", "new_highs", "moving_average"} <= set(listed)
    assert "versus" in listed["streak"]["args"]["properties"]


def test_market_status_lists_symbols(data_dir: Path) -> None:
    result = runner.invoke(app, ["market", "status"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "IWM" in result.output and "2026-02-18" in result.output


def test_missing_store_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "empty"))
    from copilot.cli import main

    monkeypatch.setattr("sys.argv", ["market-copilot", "market", "status"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1


def test_python_dash_m_copilot_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "copilot", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "ingest" in done.stdout and "tool" in done.stdout
