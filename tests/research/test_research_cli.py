"""`research` in the terminal: the plan table, edit then accept, progress, export; quit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import typer
from research_script import RISKS, TOPIC, Reasons, header, insights, plan_json
from typer.testing import CliRunner

from copilot.cli import ask_commands, research_commands
from copilot.llm.scripted import ScriptedLLM
from copilot.research import load_bundle
from copilot.tools import ToolDeps


def _app(monkeypatch: pytest.MonkeyPatch, deps: ToolDeps, llm: ScriptedLLM) -> typer.Typer:
    @contextmanager
    def fake_open_deps(*_args: Any, **_kwargs: Any) -> Iterator[ToolDeps]:
        yield deps

    monkeypatch.setattr(ask_commands, "make_llm_with_progress", lambda *_a, **_k: llm)
    monkeypatch.setattr(research_commands, "open_deps", fake_open_deps)
    app = typer.Typer()
    app.command()(research_commands.research)
    return app


def test_edit_then_accept_writes_the_report_and_bundle(
    monkeypatch: pytest.MonkeyPatch, research_deps: ToolDeps, tmp_path: Path
) -> None:
    llm = ScriptedLLM([
        plan_json(), header("Small caps rallied [1]."), "Small caps rallied [1].",
        "IWM led [1].", insights("Small caps led [1]."), RISKS,
    ], routes=[Reasons().route()])  # fmt: skip
    app = _app(monkeypatch, research_deps, llm)
    out, bundle = tmp_path / "r.html", tmp_path / "b.json"
    answers = 'e\ndrop s2\ne\nadd streak {"symbol": "IWM", "versus": "SPY"} insights\na\n'
    result = CliRunner().invoke(
        app, [TOPIC, "--as-of", "2026-01-23", "-o", str(out), "--bundle", str(bundle)],
        input=answers,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    llm.assert_consumed()
    assert "Research plan" in result.output and "price_return" in result.output
    assert "[a]ccept, [e]dit or [q]uit" in result.output
    record = load_bundle(bundle)
    assert [s.tool for s in record.steps] == [
        "price_return", "search_news", "measure", "measure", "news_drivers", "streak",
    ]  # fmt: skip
    assert record.steps[-1].feeds == "insights"
    assert "→ s1 price_return" in result.output and "writing Executive Summary" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_quit_runs_nothing(
    monkeypatch: pytest.MonkeyPatch, research_deps: ToolDeps, tmp_path: Path
) -> None:
    llm = ScriptedLLM([plan_json()])
    app = _app(monkeypatch, research_deps, llm)
    result = CliRunner().invoke(app, [TOPIC, "--as-of", "2026-01-23"], input="q\n")
    assert result.exit_code == 1 and "Cancelled" in result.output
    llm.assert_consumed()
    assert len(research_deps.ledger) == 0  # no tool ran


def test_bad_output_suffix_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, research_deps: ToolDeps
) -> None:
    app = _app(monkeypatch, research_deps, ScriptedLLM([]))
    result = CliRunner().invoke(app, [TOPIC, "-o", "report.docx"])
    assert result.exit_code == 2 and ".md, .html or .pdf" in result.output
