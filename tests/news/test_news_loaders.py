"""Every registered loader honours one contract; then each format's own cases and bad inputs."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from news_testkit import tracker_file

from copilot.errors import ImportFileError
from ingest.news import NEWS_LOADERS, load_sources
from ingest.news.feeds import FeedLoader
from ingest.news.jsonl import JsonlLoader
from ingest.news.tracker import TrackerMarkdownLoader

BODY = "Small caps rallied again on Thursday.\n\nThe Russell 2000 rose 1.1% to 2,700."
URL = "https://news.example.com/markets/small-caps-streak"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://news.example.com</link>
<item>
  <title>Small caps extend winning streak</title>
  <link>https://news.example.com/markets/small-caps-streak/?utm_source=rss</link>
  <pubDate>Thu, 22 Jan 2026 21:15:00 GMT</pubDate>
  <description><![CDATA[<p>Small caps rallied again on Thursday.</p><p>The Russell 2000 rose
  1.1% to 2,700.</p>]]></description>
</item>
<item><title>No date here</title><link>https://news.example.com/b</link>
  <description>text</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title>
<entry><title>Small caps extend winning streak</title>
<link href="https://news.example.com/markets/small-caps-streak"/>
<id>urn:1</id><updated>2026-01-22T21:15:00Z</updated>
<content type="html">&lt;p&gt;Small caps rallied again on Thursday.&lt;/p&gt;
&lt;p&gt;The Russell 2000 rose 1.1% to 2,700.&lt;/p&gt;</content></entry></feed>"""

HTML = f"""<!doctype html><html><head><title>Small caps extend winning streak | Example Wire</title>
<link rel="canonical" href="{URL}/">
<meta property="og:title" content="Small caps extend winning streak">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2026-01-22T21:15:00Z">
</head><body><nav>Home | Markets</nav><article><h1>Small caps extend winning streak</h1>
<p>Small caps rallied again on Thursday, extending the longest winning streak for the index in
years as investors rotated out of the largest technology companies.</p>
<p>The Russell 2000 rose 1.1% to 2,700, its tenth straight gain, while the S&amp;P 500 was flat
and utilities slipped as Treasury yields rose.</p></article>
<footer>© Example</footer></body></html>"""


def _jsonl(path: Path) -> str:
    record = {
        "title": "Small caps extend winning streak",
        "url": URL,
        "publisher": "Example Wire",
        "published_at": "2026-01-22T21:15:00Z",
        "text": BODY,
        "tickers": ["iwm"],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return str(path)


def _write(name: str, content: str) -> Callable[[Path], str]:
    def make(directory: Path) -> str:
        path = directory / name
        path.write_text(content, encoding="utf-8")
        return str(path)

    return make


SAMPLES: dict[str, Callable[[Path], str]] = {
    "tracker-markdown": lambda d: str(tracker_file(d / "a.md", published="2026-01-22")),
    "jsonl": lambda d: _jsonl(d / "a.jsonl"),
    "feed": _write("a.rss", RSS),
    "html": _write("a.html", HTML),
}


def test_every_loader_has_a_contract_sample() -> None:
    assert set(SAMPLES) == set(NEWS_LOADERS)


@pytest.mark.parametrize("name", sorted(NEWS_LOADERS))
def test_loader_contract(name: str, tmp_path: Path) -> None:
    """Same article in every format → the same normalized fields."""
    source = SAMPLES[name](tmp_path)
    result = NEWS_LOADERS[name]().load(source)
    assert len(result.articles) == 1
    article = result.articles[0]
    assert article.url == URL
    assert article.title == "Small caps extend winning streak"
    assert article.publisher == "Example Wire"
    assert article.published_at.tzinfo is not None
    assert article.published_at.date().isoformat() == "2026-01-22"
    assert "Russell 2000 rose 1.1% to 2,700" in article.text
    assert "IWM" in article.symbols
    assert article.source.startswith(source)
    assert all(s in source for s in [str(tmp_path)])


# --- news-tracker Markdown --------------------------------------------------------------------


def test_not_extracted_body_keeps_the_summary_as_text_and_flags_it(tmp_path: Path) -> None:
    path = tracker_file(
        tmp_path / "b.md",
        body="*(Article text could not be extracted. Visit source link above.)*",
        summary="Discusses market gains with small caps leading.",
    )
    (article,) = TrackerMarkdownLoader().load(str(path)).articles
    assert article.summary_only is True
    assert article.text == "Discusses market gains with small caps leading."


def test_a_body_shorter_than_its_summary_is_a_failed_extraction(tmp_path: Path) -> None:
    path = tracker_file(
        tmp_path / "scrap.md",
        body="Log in to comment on videos and join in on the fun.",
        summary="Fox Business host discusses the potential for a stock market breakout.",
    )
    (article,) = TrackerMarkdownLoader().load(str(path)).articles
    assert article.summary_only
    assert article.text.startswith("Fox Business host discusses")


def test_footer_is_not_part_of_the_text(tmp_path: Path) -> None:
    (article,) = TrackerMarkdownLoader().load(str(tracker_file(tmp_path / "c.md"))).articles
    assert article.text == BODY
    assert article.scraped_at == datetime(2026, 1, 23, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda t: t.replace("# Small caps extend winning streak\n", ""), "no '# Title' line"),
        (lambda t: t.replace("**Published:** January 22, 2026\n", ""), "no '**Published:**'"),
        (lambda t: t.replace("January 22, 2026", "the other day"), "cannot read date"),
    ],
)
def test_bad_tracker_files_name_the_file(
    tmp_path: Path, edit: Callable[[str], str], reason: str
) -> None:
    path = tracker_file(tmp_path / "bad.md")
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        TrackerMarkdownLoader().load(str(path))
    assert info.value.path == str(path)
    assert reason in info.value.reason


def test_a_10_mb_article_is_truncated_with_a_warning(tmp_path: Path) -> None:
    paragraph = "The Russell 2000 rose again as small caps rallied. " * 20
    body = "\n\n".join([paragraph.strip()] * 10_000)  # about 10 MB
    path = tracker_file(tmp_path / "huge.md", body=body)
    assert path.stat().st_size > 10_000_000
    result = TrackerMarkdownLoader().load(str(path))
    (article,) = result.articles
    assert 150_000 < len(article.text) <= 200_000
    assert any(str(path) in w and "truncated" in w for w in result.warnings)


def test_utf16_and_latin1_tracker_files_load(tmp_path: Path) -> None:
    utf16 = tracker_file(tmp_path / "u16.md", publisher="Zürich Wire")
    utf16.write_bytes(utf16.read_text(encoding="utf-8").encode("utf-16"))  # with BOM
    latin = tracker_file(tmp_path / "l1.md", url="https://news.example.com/other",
                         publisher="Zürich Wire")  # fmt: skip
    latin.write_bytes(latin.read_text(encoding="utf-8").encode("latin-1"))
    result = load_sources([tmp_path])
    assert [a.publisher for a in result.articles] == ["Zürich Wire", "Zürich Wire"]
    assert len(result.warnings) == 1 and str(latin) in result.warnings[0]


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_problems_naming_file_and_line(tmp_path: Path) -> None:
    good = {"title": "A", "url": "https://e.com/a", "publisher": "E",
            "published_at": "2026-01-20", "text": "Body A."}  # fmt: skip
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "url": "https://e.com/b", "title": ""}),
        json.dumps({**good, "url": "https://e.com/c", "published_at": "someday"}),
        json.dumps({**good, "url": "https://e.com/a/?utm_source=x", "title": "A again"}),
        json.dumps({**good, "url": "https://e.com/d", "id": "x1"}),
        json.dumps({**good, "url": "https://e.com/e", "id": "x1"}),
        json.dumps({**good, "url": "https://e.com/f", "text": "", "summary": "Only a summary."}),
        "",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = JsonlLoader().load(str(path))
    assert [a.url for a in result.articles] == [
        "https://e.com/a",
        "https://e.com/d",
        "https://e.com/f",
    ]
    assert result.articles[2].summary_only and result.articles[2].text == "Only a summary."
    problems = {p.path: p.reason for p in result.problems}
    assert set(problems) == {f"{path}:{n}" for n in (2, 3, 4, 5, 7)}
    assert "not JSON" in problems[f"{path}:2"]
    assert "title" in problems[f"{path}:3"]
    assert "cannot read date" in problems[f"{path}:4"]
    assert "duplicate url" in problems[f"{path}:5"] and "line 1" in problems[f"{path}:5"]
    assert "duplicate id 'x1'" in problems[f"{path}:7"] and "line 6" in problems[f"{path}:7"]


# --- feeds ------------------------------------------------------------------------------------


def test_rss_entry_without_a_date_is_a_problem(tmp_path: Path) -> None:
    path = SAMPLES["feed"](tmp_path)
    result = FeedLoader().load(path)
    (article,) = result.articles
    assert article.published_at == datetime(2026, 1, 22, 21, 15, tzinfo=UTC)
    assert article.summary_only  # an RSS description only
    assert [p.path for p in result.problems] == [f"{path} entry 2"]


def test_atom_content_is_the_text(tmp_path: Path) -> None:
    path = _write("a.atom", ATOM)(tmp_path)
    (article,) = FeedLoader().load(path).articles
    assert not article.summary_only
    assert article.text.startswith("Small caps rallied again on Thursday.\n\nThe Russell 2000")


@pytest.fixture
def feed_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status = 200 if self.path == "/feed.rss" else 404
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(RSS.encode() if status == 200 else b"missing")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feed_from_a_url(feed_server: str) -> None:
    result = load_sources([], [f"{feed_server}/feed.rss", f"{feed_server}/gone.rss"])
    assert [a.title for a in result.articles] == ["Small caps extend winning streak"]
    gone = [p for p in result.problems if p.path == f"{feed_server}/gone.rss"]
    assert len(gone) == 1 and "404" in gone[0].reason


def test_not_a_feed(tmp_path: Path) -> None:
    path = _write("x.xml", "<html><body>hello</body></html>")(tmp_path)
    with pytest.raises(ImportFileError, match="not an RSS/Atom feed"):
        FeedLoader().load(path)


# --- HTML and discovery -----------------------------------------------------------------------


def test_html_without_a_date_is_refused(tmp_path: Path) -> None:
    page = HTML.replace(
        '<meta property="article:published_time" content="2026-01-22T21:15:00Z">', ""
    )
    path = _write("nodate.html", page)(tmp_path)
    result = load_sources([Path(path)])
    assert result.articles == []
    assert [p.path for p in result.problems] == [path]


def test_folders_are_searched_and_unknown_files_named(tmp_path: Path) -> None:
    tracker_file(tmp_path / "2026-01-22" / "a.md")
    (tmp_path / "2026-01-22" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    tracker_file(tmp_path / ".hidden" / "b.md")
    notes = tmp_path / "notes.txt"
    notes.write_text("hi", encoding="utf-8")
    result = load_sources([tmp_path, notes, tmp_path / "missing"])
    assert len(result.articles) == 1
    assert {p.path: p.reason for p in result.problems} == {
        str(notes): "unknown file type (known: .atom, .htm, .html, .jsonl, .markdown, .md, "
        ".ndjson, .rss, .xml)",
        str(tmp_path / "missing"): "no such file or folder",
    }
