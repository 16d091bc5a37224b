"""The feeds `ingest news --rss` stored, and refreshing them with conditional GETs.

Every feed URL ingested is remembered in `feeds.json` beside the stores (DATA_DIR), with the
validators the server sent (ETag, Last-Modified). A refresh asks each feed "anything since?"
(`If-None-Match` / `If-Modified-Since`): a 304 costs no download and stores nothing; a changed
feed is parsed and only articles not already stored are embedded (the pipeline's dedupe).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import httpx

from copilot.errors import CopilotError, ProviderError
from copilot.news.store import NewsStore
from copilot.retry import raise_transient, retrying
from ingest.news.feeds import parse_feed
from ingest.news.pipeline import ingest_articles

FEEDS_FILE = "feeds.json"
FeedStatus = Literal["updated", "unchanged", "failed"]


@dataclass
class FeedState:
    url: str
    etag: str = ""
    modified: str = ""
    checked: str = ""


@dataclass
class FeedResult:
    url: str
    status: FeedStatus
    added: int = 0
    note: str = ""


def load_feeds(path: Path) -> dict[str, FeedState]:
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {row["url"]: FeedState(**row) for row in raw.get("feeds", [])}


def save_feeds(path: Path, feeds: dict[str, FeedState]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"feeds": [asdict(state) for state in feeds.values()]}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(body, indent=2), encoding="utf-8")
    temporary.replace(path)  # atomic: a crash never leaves half a file


def remember_feeds(path: Path, urls: list[str]) -> None:
    """Add feed URLs (as `ingest news --rss` stores them) to the refresh list."""
    feeds = load_feeds(path)
    for url in urls:
        feeds.setdefault(url, FeedState(url))
    save_feeds(path, feeds)


def fetch_if_changed(
    client: httpx.Client, state: FeedState
) -> tuple[bytes | None, FeedState]:  # fmt: skip
    """The feed's bytes, or None when the server says it has not changed since last time."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    try:
        response = retrying(
            lambda: raise_transient(client.get(state.url, headers=headers)), f"feed {state.url}"
        )
        if response.status_code != 304:
            response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ProviderError(f"{state.url}: cannot fetch feed: {exc}") from None
    checked = datetime.now(UTC).isoformat(timespec="seconds")
    if response.status_code == 304:
        return None, FeedState(state.url, state.etag, state.modified, checked)
    etag = response.headers.get("etag", "")
    modified = response.headers.get("last-modified", "")
    return response.content, FeedState(state.url, etag, modified, checked)


def refresh_feeds(
    store: NewsStore,
    path: Path,
    client: httpx.Client | None = None,
    lock_timeout_s: float = 60.0,
    on_item: Callable[[str, int], None] | None = None,
) -> list[FeedResult]:
    """Check every remembered feed; store only what is new."""
    feeds = load_feeds(path)
    own = client is None
    http = client or httpx.Client(timeout=20.0, follow_redirects=True)
    results: list[FeedResult] = []
    try:
        for url, state in feeds.items():
            results.append(_refresh_one(store, http, state, feeds, lock_timeout_s))
            if on_item is not None:
                on_item(url, len(feeds))
    finally:
        if own:
            http.close()
        save_feeds(path, feeds)
    return results


def _refresh_one(
    store: NewsStore, http: httpx.Client, state: FeedState, feeds: dict[str, FeedState],
    lock_timeout_s: float,
) -> FeedResult:  # fmt: skip
    try:
        content, feeds[state.url] = fetch_if_changed(http, state)
        if content is None:
            return FeedResult(state.url, "unchanged", note="not modified since the last check")
        loaded = parse_feed(content, state.url)
        with store.writer(lock_timeout_s):
            report = ingest_articles(store, loaded.articles)
    except CopilotError as exc:
        return FeedResult(state.url, "failed", note=str(exc))
    status: FeedStatus = "updated" if report.added or report.replaced else "unchanged"
    return FeedResult(state.url, status, report.added + report.replaced,
                      f"{report.unchanged} already stored")  # fmt: skip
