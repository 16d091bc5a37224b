"""Model and article text render inert: no raw HTML, no script, links only to source URLs."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ui_testkit import LLM_KEY, app, article, build_news, html_blocks, of_type, texts

from copilot.answer import Answer
from copilot.llm.scripted import ScriptedLLM
from copilot.sources import DataSource, NewsSource, SourceLedger
from copilot.verify import verify_answer
from ui.answer_html import answer_html
from ui.safe import escape_markdown, is_safe_url, markdown_html, quoted_html, sanitize

HOSTILE = (
    "<script>alert(1)</script> [click me](javascript:alert(2)) "
    '<img src=x onerror="alert(3)"> ![pixel](https://evil.example/p.png) '
    '<a href="javascript:alert(4)">x</a> [data](data:text/html;base64,PHNjcmlwdD4=) '
    "https://evil.example/bare"
)
NEWS_URL = "https://news.example.com/markets/small-caps-streak"
HREF = re.compile(r'href="([^"]*)"')
ALLOWED_TAGS = {"div", "p", "span", "a", "br", "strong", "em", "code"}


class _Elements(HTMLParser):
    """Every element and attribute in an HTML fragment, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _assert_inert(html: str, allowed: set[str]) -> None:
    """Only harmless elements; no event handlers, styles or sources; links only to `allowed`."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs:
            assert name in {"class", "title", "href", "target", "rel"}, (tag, name, html)
            if name == "href":
                assert value in allowed, (value, html)


def test_markdown_is_rendered_without_raw_html() -> None:
    html = sanitize(markdown_html(HOSTILE))
    _assert_inert(html, set())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run


def test_links_survive_only_to_allowed_source_urls() -> None:
    html = sanitize(markdown_html(f"[a]({NEWS_URL}) [b](https://other.example/x)"), {NEWS_URL})
    assert HREF.findall(html) == [NEWS_URL]
    assert 'rel="noopener noreferrer nofollow"' in html
    assert (
        sanitize('<a href="javascript:alert(1)">x</a>', {"javascript:alert(1)"}).count("href") == 0
    )  # an unsafe URL is never allowed, even if a source claimed it


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        (NEWS_URL, True),
        ("http://example.com/a", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,hi", False),
        ("//evil.example/x", False),
        ("/relative", False),
        (" https://padded.example", False),
    ],
)
def test_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_escaped_markdown_is_literal_and_links_nowhere() -> None:
    escaped = escape_markdown("[x](javascript:alert(1)) ![i](https://e/p.png) $5 :red[hi] <b>")
    assert "](" not in escaped.replace("\\](", "")
    assert "javascript\\:" in escaped and "\\$5" in escaped and "\\<b\\>" in escaped
    # Bare URLs, www. names and e-mail addresses would be autolinked by Streamlit's Markdown.
    bare = escape_markdown("see https://evil.example/x, WWW.evil.example or me@evil.example")
    assert bare.replace("\u200b", "").replace("\\", "") == (
        "see https://evil.example/x, WWW.evil.example or me@evil.example"
    )
    for trigger in ("://", ":\\/\\/", "www\\.", "WWW\\.", "e\\@"):
        assert trigger not in bare, trigger


def test_quoted_article_text_is_escaped() -> None:
    html = quoted_html(HOSTILE)
    _assert_inert(html, set())
    assert html.startswith('<div class="mc-quote">')


def test_answer_html_marks_and_chips_and_strips_hostile_text() -> None:
    ledger = SourceLedger()
    ledger.register(DataSource(tool="streak", metric="m", symbols=["IWM"], text="IWM rose 9.6%"))
    ledger.register(
        NewsSource(
            article_id="a", chunk_id="a:0", title='Evil "title" <b>', publisher="P",
            published_at=datetime(2026, 1, 22, tzinfo=UTC), url=NEWS_URL, text="t",
        )
    )  # fmt: skip
    ledger.register(
        NewsSource(
            article_id="b", chunk_id="b:0", title="Bad link", publisher="P",
            published_at=datetime(2026, 1, 22, tzinfo=UTC), url="javascript:alert(1)", text="t",
        )
    )  # fmt: skip
    text, checks = verify_answer(f"IWM rose 9.6% [1] and 12.5% [2, 3]. {HOSTILE}", ledger)
    answer = Answer(question="q", as_of=date(2026, 1, 23), text=text,
                    sources=dict(ledger.items()), verification=checks)  # fmt: skip
    html = answer_html(answer)
    _assert_inert(html, {NEWS_URL})
    assert '9.6%<span class="mc-mark mc-verified"' in html
    # [1] states +9.6% for IWM: 12.5% for it is contradicted (it was only "unverified").
    assert '12.5%<span class="mc-mark mc-contradicted"' in html
    assert f'<a class="mc-cite mc-news" href="{NEWS_URL}"' in html
    assert 'title="Evil &quot;title&quot; &lt;b&gt; — P, 2026-01-22"' in html
    assert '<span class="mc-cite mc-data" title="Bad link — P, 2026-01-22">3</span>' in html
    assert "\n\n" not in html  # one raw-HTML block: Streamlit parses no Markdown inside it


def test_hostile_article_and_answer_render_inert_in_the_app(
    market_env: Path, tmp_path: Path
) -> None:
    article(tmp_path / "articles", "evil.md", title=f"Rally {HOSTILE}", body=HOSTILE * 2)
    build_news(market_env, tmp_path / "articles")
    # A news question naming no market: the news is read, and the model writes from it.
    llm = ScriptedLLM([f"Small caps rallied [1]. {HOSTILE}"])
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    at.chat_input[0].set_value("what is the news saying about the rally?").run()
    llm.assert_consumed()
    assert not at.exception
    blocks = html_blocks(at)
    assert any('class="mc-answer"' in b for b in blocks)
    assert any('class="mc-quote"' in b for b in blocks)
    for block in blocks:
        _assert_inert(block, {NEWS_URL})
    # Everything else (labels, captions, plain Markdown) is escaped text; code blocks are inert.
    code = {e.value for e in of_type(at, "code")}
    for shown in texts(at):
        if shown in code or shown in blocks:
            continue
        assert "javascript:" not in shown and "](" not in shown.replace("\\](", ""), shown
    assert [b.proto.url for b in of_type(at, "link_button")] == [NEWS_URL]


def test_an_articles_sentence_quoted_by_code_is_set_apart_and_marks_nothing() -> None:
    # The quote follows a reason; its figure is the article's words, never marked as checked.
    ledger = SourceLedger()
    said = ("Details of the framework remain sparse, and markets show signs of “nervousness” "
            "after a 2.1% swing.")  # fmt: skip
    ledger.register(
        NewsSource(article_id="g", chunk_id="g:0", title="Gold climbs", publisher="AP",
                   published_at=datetime(2026, 1, 22, tzinfo=UTC), url=NEWS_URL, text=said,
                   excerpt=said)
    )  # fmt: skip
    reason = "Gold rose on 2026-01-22 due to the reported framework [1]."
    text, checks = verify_answer(reason, ledger)
    answer = Answer(question="q", as_of=date(2026, 1, 23), sources=dict(ledger.items()),
                    text=f"{text} Its words: “{said.replace('“', '‘').replace('”', '’')}”",
                    verification=checks)  # fmt: skip
    html = answer_html(answer)
    _assert_inert(html, {NEWS_URL})
    quote = re.search(r'<span class="mc-said" title="[^"]*">(.*?)</span>', html)
    assert quote is not None
    assert quote[1] == ("Its words: “Details of the framework remain sparse, and markets show "
                        "signs of ‘nervousness’ after a 2.1% swing.”")  # fmt: skip
    assert "2.1%<span" not in html
