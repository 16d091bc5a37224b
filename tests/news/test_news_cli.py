"""`ingest news` and `news search` from the command line, settings from the environment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from news_testkit import tracker_file
from typer.testing import CliRunner

from copilot.cli.news_commands import ingest_news, news_app

ingest_app = typer.Typer()
ingest_app.command("news")(ingest_news)
ingest_app.command("other")(lambda: None)  # keep "news" a subcommand, as under `ingest`
runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "hash:64")
    monkeypatch.delenv("COPILOT_CHROMA_HOST", raising=False)
    root = tmp_path / "news"
    tracker_file(root / "2026-01-22" / "a.md", published="January 22, 2026")
    tracker_file(root / "2026-01-23" / "a.md", published="2026-01-22")
    tracker_file(root / "2026-01-23" / "b.md", title="Utilities slump", url="https://e.org/u",
                 published="2026-01-23", body="Utilities fell as yields rose.")  # fmt: skip
    return root


def test_ingest_then_search(env: Path) -> None:
    result = runner.invoke(ingest_app, ["news", str(env)])
    assert result.exit_code == 0, result.output
    assert "3 article copies → 2 distinct articles: 2 added" in result.output
    again = runner.invoke(ingest_app, ["news", str(env)])
    assert "2 unchanged" in again.output and "0 chunks embedded" in again.output

    found = runner.invoke(news_app, ["search", "small caps", "--as-of", "2026-01-22", "--json"])
    assert found.exit_code == 0, found.output
    rows = json.loads(found.output)
    assert [(r["n"], r["title"], r["published_at"]) for r in rows] == [
        (1, "Small caps extend winning streak", "2026-01-22T00:00:00Z")
    ]
    text = runner.invoke(news_app, ["search", "utilities", "--k", "1"])
    assert "[1] Utilities slump" in text.output and "https://e.org/u" in text.output


def test_bad_files_are_named_and_exit_1_but_good_ones_stored(env: Path) -> None:
    (env / "broken.md").write_bytes(b"\xff\xfe")
    (env / "nodate.md").write_text("# Title\n\nno date", encoding="utf-8")
    result = runner.invoke(ingest_app, ["news", str(env)])
    assert result.exit_code == 1
    assert "broken.md: empty file" in result.output
    assert "nodate.md: no '**Published:**' date" in result.output
    assert "2 added" in result.output


def test_search_before_any_ingest_says_what_to_do(env: Path) -> None:
    result = runner.invoke(news_app, ["search", "anything"])
    assert result.exit_code == 1
    assert "run `market-copilot ingest news PATH` first" in result.output


def test_bad_dates_and_missing_inputs_are_usage_errors(env: Path) -> None:
    assert runner.invoke(news_app, ["search", "x", "--as-of", "22/01/2026"]).exit_code == 2
    assert runner.invoke(ingest_app, ["news"]).exit_code == 2


def test_unreachable_server_is_a_clear_error(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("COPILOT_CHROMA_PORT", "9")  # discard port: nothing listens
    result = runner.invoke(ingest_app, ["news", str(env)])
    assert result.exit_code == 1
    assert "cannot reach Chroma server 127.0.0.1:9" in result.output
