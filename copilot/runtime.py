"""Building what an entry point needs (stores, tools' deps, the model) from `Settings`.

CLI, UI and evaluation call these; nothing below them reads settings from the environment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from typing import Any

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps


def open_news(settings: Settings) -> Any:
    """The news store for searching, or None when nothing has been ingested yet."""
    from copilot.news import NewsStore
    from copilot.news.chroma import NewsStoreMissingError

    with suppress(NewsStoreMissingError):
        store = NewsStore.open(settings, create=False)
        return store if store.count() else None
    return None


def preload_embedder(news: Any) -> threading.Thread | None:
    """Start loading the news embedding model in the background — while the language model
    loads, which is mostly file reading — so the first search does not wait for it. Whoever
    loads the language model in the foreground joins the thread before asking (an import racing
    the model's compute slows both, measured); `ask`, whose model loads in the background, lets
    the first search wait for it instead (the embedder loads once, under its lock)."""
    if news is None:
        return None

    def load() -> None:
        with suppress(Exception):  # a real failure resurfaces, with its message, on first use
            news.embedder.preload()

    thread = threading.Thread(target=load, name="copilot-embedder-preload", daemon=True)
    thread.start()
    return thread


@contextmanager
def open_deps(
    settings: Settings, as_of: date | None = None, news: Any = None
) -> Iterator[ToolDeps]:
    """Read-only market store + news store + a fresh ledger, closed on exit."""
    market = MarketStore.open(settings.market_db_path, read_only=True)
    try:
        news_store = news if news is not None else open_news(settings)
        yield ToolDeps(settings, SourceLedger(), market=market, news=news_store, as_of=as_of)
    finally:
        market.close()
