"""Fixtures of the research tests: the real market data plus a news store of real articles.

The news store holds the shared articles of 2026-01-12 … 2026-01-23, embedded with the fast
deterministic hash embedder (the real embedding model is not what these tests are about).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps

DAYS = [f"2026-01-{d:02d}" for d in range(12, 24)]


@pytest.fixture(scope="session")
def shared_news_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    from copilot.news import HashEmbedder, NewsStore
    from ingest.news import ingest_paths

    folders = [shared_data / "news" / day for day in DAYS if (shared_data / "news" / day).is_dir()]
    if not folders:
        pytest.skip(f"no shared news folders for {DAYS[0]}..{DAYS[-1]} in {shared_data}")
    root = tmp_path_factory.mktemp("research-news")
    settings = Settings(
        data_dir=root,
        embedding_model="hash:64",
        news_collection=f"n-{uuid.uuid4().hex[:8]}",
        _env_file=None,
    )
    store = NewsStore.open(settings, HashEmbedder())
    ingest_paths(store, folders)
    return store


@pytest.fixture
def research_deps(
    shared_market_path: Path, shared_news_store: object, settings: Settings
) -> Iterator[ToolDeps]:
    """Real market data and real articles, a fresh ledger."""
    with MarketStore.open(shared_market_path, read_only=True) as store:
        yield ToolDeps(
            settings=settings, ledger=SourceLedger(), market=store, news=shared_news_store
        )
