"""Crash list (issue 14): `[/x]` (rich's closing-tag syntax) in a path, a question or a CSV cell
printed literally, never a `rich.errors.MarkupError` — the error handler included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.cli import main

TAGS = ("[/x]", "[/]", "[bold]", "[link=x]")


def run_cli(args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """`market-copilot ARGS` in this process, through the real entry point and its handler."""
    monkeypatch.setattr(sys, "argv", ["market-copilot", *args])
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "hash:64")
    monkeypatch.delenv("COPILOT_CHROMA_HOST", raising=False)
    return tmp_path


@pytest.mark.parametrize("tag", TAGS)
def test_error_handler_prints_a_path_with_markup_literally(
    env: Path, tag: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = env / f"in{tag}put" / "none.csv"
    code = run_cli(["ingest", "market", str(missing)], monkeypatch)
    err = capsys.readouterr().err
    assert code == 1
    assert f"in{tag}put" in err.replace("\n", "") and "Traceback" not in err


def test_csv_cell_and_file_name_with_markup_print_in_the_summary(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = env / "in"
    folder.mkdir()
    (folder / "AB[bold]C.csv").write_text("Date,Price\n2026-01-02,10\n2026-01-05,[/x]\n")
    code = run_cli(["ingest", "market", str(folder)], monkeypatch)
    out = "".join(ch for ch in capsys.readouterr().out if ch not in " \n│")
    assert code == 1  # the file has a bad row: failed, and the summary says why
    assert "AB[bold]C.csv" in out and "[/x]" in out


def test_question_with_markup_prints_literally(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = env / "a.jsonl"
    article.write_text(
        '{"title": "Small caps [/x] rally", "url": "https://e.org/a", "publisher": "P[/]", '
        '"published_at": "2026-01-22", "text": "Small caps rose [bold] again."}\n'
    )
    assert run_cli(["ingest", "news", str(article)], monkeypatch) == 0
    capsys.readouterr()
    code = run_cli(["news", "search", "why [/x]?", "--publisher", "nobody"], monkeypatch)
    assert code == 0
    assert "No stored articles match 'why [/x]?'." in capsys.readouterr().out
    assert run_cli(["news", "search", "small caps [/x]"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Small caps [/x] rally" in out and "P[/]" in out and "rose [bold] again" in out


def test_bad_date_option_with_markup_is_a_usage_error(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_cli(["news", "search", "x", "--as-of", "[/x]"], monkeypatch)
    err = capsys.readouterr().err
    assert code == 2 and "[/x]" in err and "YYYY-MM-DD" in err
