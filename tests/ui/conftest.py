"""Fixtures for the app tests: settings through COPILOT_* variables (as the app reads them),
caches cleared between tests, a small news store, and AppTest on the real app file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """`st.cache_resource` is per process: every test starts from nothing."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private data dir, no news, the hash embedder, as-of 2026-01-23; returns data dir."""
    data = tmp_path / "data"
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name, value in {
        "COPILOT_DATA_DIR": str(data),
        "COPILOT_EMBEDDING_MODEL": "hash:64",
        "COPILOT_AS_OF": "2026-01-23",
        "COPILOT_LLM_PROVIDER": "local",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("COPILOT_MARKET_DB", "COPILOT_NEWS_DIR", "COPILOT_SCRIPTED_TURNS"):
        monkeypatch.delenv(name, raising=False)
    return data


@pytest.fixture
def market_env(app_env: Path, shared_market_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`app_env` over the shared sample market data (read-only)."""
    monkeypatch.setenv("COPILOT_MARKET_DB", str(shared_market_path))
    return app_env
