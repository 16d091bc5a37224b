"""The crash-consistency corpus (benchmarks/reliability/crash.py) in CI: 5 kill -9 runs during
a news ingest and 5 during a market import of real data; after each the stores open, every
acknowledged write is whole, nothing half-written is searchable, and a re-run converges."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.reliability.crash import news_folders, run_market, run_news

MARKET_FILES = (
    "prices/SPY.csv", "prices/IWM.csv", "prices/XLU.csv", "series/VIX.csv", "series/WTI.csv",
    "series/CPI_monthly.csv", "reference/sp500_constituents.csv",
)  # fmt: skip


def test_kill_during_news_ingest(shared_data: Path, tmp_path: Path) -> None:
    if not news_folders(("2026-01-22",)):
        pytest.skip("no shared news for 2026-01-22")
    runs, chunks = run_news(5, tmp_path, random.Random(3), days=("2026-01-22",))
    assert chunks > 0
    assert [r.problems for r in runs] == [[]] * 5
    assert all(r.converged for r in runs)


def test_kill_during_market_import(shared_data: Path, tmp_path: Path) -> None:
    root = tmp_path / "market"
    for name in MARKET_FILES:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(shared_data / "market" / name)
    runs, totals = run_market(5, tmp_path, random.Random(5), root=root)
    assert totals["imports"] == len(MARKET_FILES)
    assert [r.problems for r in runs] == [[]] * 5
    assert all(r.converged for r in runs)
