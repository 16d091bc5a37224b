"""Feeds `ingest news --rss` stored are checked again with conditional GETs (no network)."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from copilot.news import HashEmbedder, NewsStore
from copilot.settings import Settings
from ingest.news.feed_refresh import load_feeds, refresh_feeds, remember_feeds

URL = "https://example.com/markets.rss"


def rss(*items: tuple[str, str]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>https://example.com/{slug}</link>"
        f"<pubDate>Thu, 22 Jan 2026 14:00:00 GMT</pubDate>"
        f"<description>{title}: small caps rose for a tenth session.</description></item>"
        for slug, title in items
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    return f"{head}{entries}</channel></rss>"


class Server:
    """Answers 304 when the client sends the ETag of the current document."""

    def __init__(self) -> None:
        self.body = rss(("a", "Stocks rise"))
        self.requests: list[httpx.Request] = []

    def etag(self) -> str:
        return f'"{abs(hash(self.body))}"'

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.headers.get("if-none-match") == self.etag():
            return httpx.Response(304)
        return httpx.Response(200, text=self.body, headers={"etag": self.etag()})


def test_refresh_stores_only_new_articles_and_skips_unchanged_feeds(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, embedding_model="hash:64",
                        news_collection=f"n-{uuid.uuid4().hex[:8]}", _env_file=None)  # fmt: skip
    store = NewsStore.open(settings, HashEmbedder())
    remember_feeds(settings.feeds_path, [URL])
    server = Server()
    client = httpx.Client(transport=httpx.MockTransport(server))

    first = refresh_feeds(store, settings.feeds_path, client)
    assert (first[0].status, first[0].added) == ("updated", 1)
    assert load_feeds(settings.feeds_path)[URL].etag == server.etag()

    unchanged = refresh_feeds(store, settings.feeds_path, client)
    assert unchanged[0].status == "unchanged"
    assert server.requests[-1].headers["if-none-match"] == server.etag()
    chunks = store.count()

    server.body = rss(("a", "Stocks rise"), ("b", "Bonds slip"))
    later = refresh_feeds(store, settings.feeds_path, client)
    assert (later[0].status, later[0].added) == ("updated", 1)  # only the new article
    assert "1 already stored" in later[0].note
    assert store.count() > chunks
