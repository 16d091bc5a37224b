"""Control characters (terminal escapes) never reach a reader: stripped from titles,
publishers and authors at normalization, and again at display for articles stored before."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import typer
from news_testkit import tracker_file
from typer.testing import CliRunner

from copilot.cli import news_commands
from copilot.cli.news_commands import ingest_news, news_app
from copilot.news.models import NewsHit
from copilot.render import sources_text
from copilot.safety import one_line, strip_controls
from ingest.news.normalize import build_article

ESCAPES = ["\x1b[2J\x1b[H", "\x1b]8;;https://evil.example\x07", "\x9b31m", "\x07", "\x00", "\x7f"]
runner = CliRunner()


def hostile(text: str) -> str:
    """`text` with every kind of control sequence spliced between its words."""
    words = text.split()
    return " ".join(w + ESCAPES[i % len(ESCAPES)] for i, w in enumerate(words))


def has_controls(text: str) -> bool:
    return any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)


@pytest.mark.parametrize("escape", ESCAPES)
def test_one_line_and_strip_controls_remove_c0_and_c1(escape: str) -> None:
    assert not has_controls(one_line(f"Small{escape} caps\n\trally"))
    assert strip_controls(f"a{escape}b\n\tc", keep_layout=True).endswith("b\n\tc")


def test_normalization_strips_title_publisher_and_authors() -> None:
    article = build_article(
        source="x.md", url="https://e.org/a", title=hostile("Small caps rally hard"),
        publisher=hostile("Example Wire"), published_at=datetime(2026, 1, 22, tzinfo=UTC),
        date_precision="day", text="Body.", authors=[hostile("Jane Doe"), "\x1b\x07"],
    )  # fmt: skip
    assert article.title.startswith("Small[2J[H caps")  # the printable rest stays readable
    for field in (article.title, article.publisher, *article.authors):
        assert not has_controls(field), repr(field)
    assert article.authors and len(article.authors) == 1


def test_ingested_titles_print_clean_in_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "hash:64")
    monkeypatch.delenv("COPILOT_CHROMA_HOST", raising=False)
    tracker_file(tmp_path / "news" / "a.md", title=hostile("Small caps extend streak"),
                 publisher=hostile("Example Wire"))  # fmt: skip
    ingest = typer.Typer()
    ingest.command("news")(ingest_news)
    ingest.command("other")(lambda: None)
    assert runner.invoke(ingest, ["news", str(tmp_path / "news")]).exit_code == 0
    text = runner.invoke(news_app, ["search", "small caps"])
    found = runner.invoke(news_app, ["search", "small caps", "--json"])
    assert text.exit_code == 0 and found.exit_code == 0, text.output
    assert "Small caps" in text.output and not has_controls(text.output)
    assert not has_controls("".join(json.loads(found.output)[0]["title"]))


def old_hit(**fields: Any) -> NewsHit:
    base: dict[str, Any] = dict(
        article_id="a", chunk_id="a:0", chunk_index=0, title=hostile("Old stored title"),
        publisher=hostile("Old Wire"), published_at=datetime(2026, 1, 22, tzinfo=UTC),
        date_precision="day", url="https://e.org/a", symbols=[], summary_only=False,
        text=hostile("Body of the article"), score=0.5,
    )  # fmt: skip
    return NewsHit(**(base | fields))


def test_articles_stored_before_the_fix_display_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(news_commands.NewsStore, "open", lambda *a, **k: None)
    monkeypatch.setattr(news_commands, "search_news", lambda *a, **k: [old_hit()])
    text = runner.invoke(news_app, ["search", "anything"])
    rows = runner.invoke(news_app, ["search", "anything", "--json"])
    assert "Old[2J[H stored" in text.output and not has_controls(text.output)
    row = json.loads(rows.output)[0]
    assert not has_controls(row["title"] + row["publisher"] + row["text"])


def test_the_answer_sources_list_prints_clean() -> None:
    from copilot.answer import Answer, Verification
    from copilot.news.present import cite
    from copilot.sources import SourceLedger

    ledger = SourceLedger()
    n = cite(ledger, old_hit())
    answer = Answer(question="q", as_of=None, text="x", sources=dict(ledger.items()),
                    verification=Verification(cited=[n]))  # fmt: skip
    listed = sources_text(answer, only_cited=True)
    assert "Old[2J[H stored" in listed and not has_controls(listed)
