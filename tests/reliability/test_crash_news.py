"""Crash list (issue 14), news side: a bad URL in one article, and dates at the calendar's end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from copilot.news import HashEmbedder, NewsStore
from copilot.news.filters import Filters
from copilot.news.search import search_news
from copilot.settings import Settings
from ingest.news import ingest_paths
from ingest.news.feeds import parse_feed
from ingest.news.jsonl import parse_jsonl
from ingest.news.tracker import parse_tracker_markdown

# Each is a URL `urllib.parse` refuses: a port out of range or not a number, a stray bracket.
BAD_URLS = (
    "https://example.com:99999/a",
    "https://example.com:port/a",
    "https://[example.com/a",
    "http://exa]mple.com/a",
    "https://[::1/a",
)


def jsonl_line(url: str, title: str) -> str:
    return json.dumps({"title": title, "url": url, "publisher": "P",
                       "published_at": "2026-01-22", "text": f"{title} body."})  # fmt: skip


@pytest.mark.parametrize("url", BAD_URLS)
def test_jsonl_article_with_bad_url_is_rejected_and_the_rest_kept(url: str) -> None:
    text = "\n".join(
        [jsonl_line("https://e.org/1", "First"), jsonl_line(url, "Bad"),
         jsonl_line("https://e.org/3", "Third")]
    )  # fmt: skip
    result = parse_jsonl(text, "in.jsonl")
    assert [a.title for a in result.articles] == ["First", "Third"]
    [problem] = result.problems
    assert problem.path == "in.jsonl:2"
    assert "URL" in problem.reason and "fix" in problem.reason.lower()


@pytest.mark.parametrize("url", BAD_URLS)
def test_feed_entry_with_bad_url_is_rejected_and_the_rest_kept(url: str) -> None:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Thu, 22 Jan 2026 10:00:00 GMT</pubDate><description>{title} text."
        "</description></item>"
        for title, link in (
            ("First", "https://e.org/1"),
            ("Bad", url),
            ("Third", "https://e.org/3"),
        )
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    )
    result = parse_feed(feed, "feed.rss")
    assert [a.title for a in result.articles] == ["First", "Third"]
    [problem] = result.problems
    assert problem.path == "feed.rss entry 2" and "URL" in problem.reason


def test_tracker_file_with_bad_url_is_one_rejected_file() -> None:
    text = (
        "# Title\n**Source:** [https://e.org:99999/a](https://e.org:99999/a)\n**Publisher:** P\n"
        "**Published:** January 22, 2026\n## Summary\nShort.\n## Full Article\nA longer body.\n"
    )
    with pytest.raises(Exception) as caught:
        parse_tracker_markdown(text, "a.md")
    assert type(caught.value).__name__ == "ImportFileError"
    assert "URL" in str(caught.value)


def test_ingest_of_a_folder_with_one_bad_url_stores_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        jsonl_line("https://e.org/1", "First") + "\n" + jsonl_line(BAD_URLS[0], "Bad") + "\n"
    )
    (folder / "b.jsonl").write_text(jsonl_line("https://e.org/2", "Second") + "\n")
    settings = Settings(data_dir=tmp_path / "d", embedding_model="hash:64", _env_file=None)
    store = NewsStore.open(settings, HashEmbedder())
    report = ingest_paths(store, [folder])
    assert report.added == 2 and len(report.problems) == 1
    assert sorted(store.stored_versions()) == sorted(
        a.article_id
        for a in parse_jsonl(
            jsonl_line("https://e.org/1", "First") + "\n" + jsonl_line("https://e.org/2", "Second"),
            "x",
        ).articles
    )


@pytest.mark.parametrize("day", [date.max, date(9999, 12, 30), date.min, date(1, 1, 2)])
def test_filters_at_the_ends_of_the_calendar(day: date) -> None:
    as_of = Filters.of(as_of=day)
    since = Filters.of(since=day)
    assert as_of.in_window(0) is (day >= date(1970, 1, 1))
    assert since.in_window(0) is (day <= date(1970, 1, 1))


def test_search_as_of_the_last_representable_day(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(jsonl_line("https://e.org/1", "Small caps rally") + "\n")
    settings = Settings(data_dir=tmp_path / "d", embedding_model="hash:64", _env_file=None)
    store = NewsStore.open(settings, HashEmbedder())
    ingest_paths(store, [folder])
    hits = search_news(store, "small caps", 3, as_of=date.max, until=date.max)
    assert [h.title for h in hits] == ["Small caps rally"]
    assert search_news(store, "small caps", 3, since=date.max) == []


@pytest.mark.parametrize("option", ["--as-of", "--until", "--since"])
def test_news_search_cli_with_the_last_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "hash:64")
    (tmp_path / "a.jsonl").write_text(jsonl_line("https://e.org/1", "Small caps rally") + "\n")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "news", str(tmp_path / "a.jsonl")]).exit_code == 0
    result = runner.invoke(app, ["news", "search", "small caps", option, "9999-12-31"])
    assert result.exit_code == 0, result.output
    found = "Small caps rally" in result.output
    assert found is (option != "--since")
