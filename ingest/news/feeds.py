"""RSS and Atom feeds through feedparser: a saved feed file, or an http(s) URL (httpx)."""

from __future__ import annotations

import calendar
import html
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx

from copilot.errors import ImportFileError, ProviderError
from copilot.retry import raise_transient, retrying
from ingest.news.base import LoadResult, NewsLoader
from ingest.news.decode import read_text
from ingest.news.normalize import BadUrlError, build_article, canonical_url

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """Feed HTML to plain text: whitespace collapses as in a browser, block elements become
    paragraph breaks."""
    text = _BLOCK.sub("\n\n", " ".join(markup.split()))
    return html.unescape(_TAG.sub("", text))


def parse_feed(content: bytes | str, name: str) -> LoadResult:
    """Entries of an RSS/Atom document; entries without a title or date are problems."""
    import feedparser  # type: ignore[import-untyped]  # here: 0.2 s every command paid at start

    parsed: Any = feedparser.parse(content)
    entries = list(parsed.entries)
    if not entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f": {reason}" if reason else ""
        raise ImportFileError(name, f"not an RSS/Atom feed, or a feed with no entries{detail}")
    feed_title = str(parsed.feed.get("title", "")).strip()
    result = LoadResult()
    for index, entry in enumerate(entries, start=1):
        where = f"{name} entry {index}"
        title = str(entry.get("title", "")).strip()
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if not title:
            result.problems.append(ImportFileError(where, "entry has no title"))
            continue
        if stamp is None:
            result.problems.append(ImportFileError(where, f"entry {title!r} has no date"))
            continue
        link = str(entry.get("link", ""))
        try:
            host = urlsplit(canonical_url(link)).hostname or ""
        except BadUrlError as exc:
            result.problems.append(ImportFileError(where, f"entry {title!r}: {exc}"))
            continue
        summary = html_to_text(str(entry.get("summary", "")))
        contents = entry.get("content") or []
        body = html_to_text(str(contents[0].get("value", ""))) if contents else ""
        source_title = str((entry.get("source") or {}).get("title", "")).strip()
        article = build_article(
            source=where,
            url=link,
            title=html.unescape(title),
            publisher=source_title or feed_title or host,
            published_at=_utc(stamp),
            date_precision="time",
            text=body or summary,
            summary=summary if body else "",
            summary_only=not body,
            authors=[str(a.get("name", "")) for a in entry.get("authors", [])],
            tickers=[str(t.get("term", "")) for t in entry.get("tags", []) if _is_ticker(t)],
        )
        if not article.text:
            result.problems.append(ImportFileError(where, f"entry {title!r} has no text"))
            continue
        result.articles.append(article)
        result.warnings.extend(article.warnings)
    return result


def _utc(stamp: time.struct_time) -> datetime:
    """feedparser's `*_parsed` values are UTC struct_times."""
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC)


def _is_ticker(tag: Any) -> bool:
    scheme = str(tag.get("scheme") or "").lower()
    return "ticker" in scheme or "symbol" in scheme


def fetch_feed(url: str, timeout_s: float = 20.0) -> bytes:
    """GET a feed URL; a network or HTTP failure is a `ProviderError` naming the URL."""
    try:  # retried with backoff on connection trouble, 429 and 5xx
        response = retrying(
            lambda: raise_transient(httpx.get(url, timeout=timeout_s, follow_redirects=True)),
            f"feed {url}",
        )
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ProviderError(f"{url}: cannot fetch feed: {exc}") from None
    return response.content


class FeedLoader(NewsLoader):
    name: ClassVar[str] = "feed"
    description: ClassVar[str] = "RSS or Atom feed (a saved file, or an http(s) URL)"
    suffixes: ClassVar[tuple[str, ...]] = (".rss", ".atom", ".xml")

    def __init__(self, timeout_s: float = 20.0) -> None:
        self.timeout_s = timeout_s

    def load(self, source: str) -> LoadResult:
        if source.startswith(("http://", "https://")):
            return parse_feed(fetch_feed(source, self.timeout_s), source)
        decoded = read_text(Path(source))
        result = parse_feed(decoded.text, source)
        result.warnings[:0] = decoded.warnings
        return result
