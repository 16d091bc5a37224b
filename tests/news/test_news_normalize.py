"""Canonical URLs, publication dates in every style the inputs use, symbols, text limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.news.normalize import (
    MAX_TEXT_CHARS,
    DateParseError,
    build_article,
    canonical_url,
    find_symbols,
    parse_published,
    truncate_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://News.Example.COM/a/b/", "https://news.example.com/a/b"),
        (
            "https://x.com/story?utm_source=tw&utm_medium=social&id=7&fbclid=abc#comments",
            "https://x.com/story?id=7",
        ),
        (
            "https://www.youtube.com/watch?v=MFxhMiYtasY",
            "https://www.youtube.com/watch?v=MFxhMiYtasY",
        ),
        ("http://example.com:80/x", "http://example.com/x"),
        ("https://example.com:8443/x/", "https://example.com:8443/x"),
        ("https://example.com/", "https://example.com"),
        ("", ""),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "when", "precision"),
    [
        ("2026-01-21", _utc(2026, 1, 21), "day"),
        ("January 21, 2026", _utc(2026, 1, 21), "day"),
        ("Jan 5, 2026", _utc(2026, 1, 5), "day"),
        ("Jan. 2, 2026", _utc(2026, 1, 2), "day"),
        ("Dec. 15, 2025", _utc(2025, 12, 15), "day"),
        ("22 January 2026", _utc(2026, 1, 22), "day"),
        ("1/22/2026", _utc(2026, 1, 22), "day"),
        ("2026-01-22T14:30:00-05:00", _utc(2026, 1, 22, 19, 30), "time"),
        ("2026-01-22T14:30:00Z", _utc(2026, 1, 22, 14, 30), "time"),
        ("2026-01-22 09:00:00", _utc(2026, 1, 22, 9), "time"),
        ("January 2026", _utc(2026, 1, 31), "month"),
        ("2025-12", _utc(2025, 12, 31), "month"),
    ],
)
def test_parse_published_styles(raw: str, when: datetime, precision: str) -> None:
    assert parse_published(raw) == (when, precision)


def test_month_only_date_is_bounded_by_the_scrape_time() -> None:
    scraped = _utc(2026, 1, 5, 1, 50)
    assert parse_published("January 2026", latest_possible=scraped) == (_utc(2026, 1, 5), "month")


@pytest.mark.parametrize("raw", ["yesterday", "2026-13-01", "Smarch 3, 2026", "32/01/2026", ""])
def test_unparseable_dates_raise(raw: str) -> None:
    with pytest.raises(DateParseError):
        parse_published(raw)


def test_symbols_come_from_the_registry_and_tickers() -> None:
    text = "Small caps beat the S & P 500 while utilities lagged; the Russell 2000 index rose."
    assert find_symbols(text, extra=["aapl"]) == ["IWM", "SPY", "XLU", "^RUT", "AAPL"]


def test_truncation_cuts_at_a_paragraph_break() -> None:
    paragraph = "word " * 199 + "end."  # 1,000 characters
    text = "\n\n".join([paragraph] * 400)  # about 400,800 characters
    cut, truncated = truncate_text(text)
    assert truncated and len(cut) <= MAX_TEXT_CHARS and cut.endswith("end.")
    assert truncate_text("short") == ("short", False)


def test_build_article_normalizes_everything() -> None:
    article = build_article(
        source="x.md",
        url="https://Example.com/a/?utm_campaign=z",
        title="  Small   caps rally ",
        publisher="",
        published_at=datetime(2026, 1, 22, 9, tzinfo=UTC),
        date_precision="time",
        text="Line one\r\n\r\n\r\n\r\nLine\x07 two",
    )
    assert article.url == "https://example.com/a"
    assert article.title == "Small caps rally"
    assert article.publisher == "example.com"  # no publisher given: the host
    assert article.text == "Line one\n\nLine two"
    assert article.symbols == ["IWM"]
    assert len(article.article_id) == 16
