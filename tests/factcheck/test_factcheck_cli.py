"""`market-copilot check` end to end: a real store built from the shared data, a file, stdin,
a URL on a local HTTP server, and the exports."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.factcheck.source import ArticleInputError

runner = CliRunner()
ARTICLE = """# Thursday wrap

**Published:** January 22, 2026

Utilities fell 0.7% on Thursday. Industrials rose 0.5% on Thursday. Nvidia jumped 4%.
"""
# By hand from prices/*.csv: XLU 43.02 → 42.71 = -0.72 %; XLI 166.36 → 165.50 = -0.52 %.


@pytest.fixture
def data_dir(tmp_path: Path, shared_market_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    shutil.copy(shared_market_path, directory / "market.duckdb")
    monkeypatch.setenv("COPILOT_DATA_DIR", str(directory))
    monkeypatch.delenv("COPILOT_MARKET_DB", raising=False)
    monkeypatch.delenv("COPILOT_AS_OF", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    return directory


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[str]:
    """A plain HTTP server on 127.0.0.1 serving tmp_path/site."""
    site = tmp_path / "site"
    site.mkdir()
    html = ARTICLE.replace("\n\n", "</p><p>").replace("# Thursday wrap", "<h1>Thursday wrap</h1>")
    (site / "wrap.html").write_text(
        f"<html><head><title>Thursday wrap</title></head><body><p>{html}</p></body></html>"
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_a_file_prints_the_verdict_and_marks(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "wrap.md"
    path.write_text(ARTICLE)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 claims: 1 ✓, 1 ✗, 1 ?" in result.output
    assert "-0.52%" in result.output and "wrong direction" in result.output
    assert "NVDA" in result.output


def test_check_json_md_and_html_exports(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "wrap.md"
    path.write_text(ARTICLE + "\nSmall caps <script>alert(1)</script> rose 0.7%.\n")
    md, html = tmp_path / "out.md", tmp_path / "out.html"
    result = runner.invoke(
        app, ["check", str(path), "--json", "--md", str(md), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["as_of"] == "2026-01-22"
    marks = [c["mark"] for c in payload["checked"]]
    assert marks == ["✓", "✗", "?", "✓"]  # IWM 267.79 → 269.79 = +0.75 %
    assert payload["checked"][1]["right_value"] == pytest.approx(-0.517, abs=0.001)
    assert payload["verdict"] == "4 claims: 2 ✓, 1 ✗, 1 ?"
    assert md.read_text().startswith("# Fact-check: Thursday wrap")
    page = html.read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_check_reads_stdin_and_takes_as_of(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["check", "-", "--as-of", "2026-01-22", "--json"], input="Utilities fell 0.7%.\n"
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["as_of_why"] == "given" and payload["checked"][0]["mark"] == "✓"


def test_check_a_url_on_a_local_server(data_dir: Path, local_server: str) -> None:
    result = runner.invoke(app, ["check", f"{local_server}/wrap.html", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["title"] == "Thursday wrap" and payload["as_of"] == "2026-01-22"
    assert [c["mark"] for c in payload["checked"]] == ["✓", "✗", "?"]


def test_a_missing_page_or_file_is_one_line_to_act_on(data_dir: Path, local_server: str) -> None:
    result = runner.invoke(app, ["check", f"{local_server}/nothing.html"])
    assert isinstance(result.exception, ArticleInputError)
    assert "could not fetch" in str(result.exception) and "save the page" in str(result.exception)
    missing = runner.invoke(app, ["check", "no-such-file.md"])
    assert isinstance(missing.exception, ArticleInputError)
    assert "give a file, an http(s) URL, or -" in str(missing.exception)
