"""The catalog read from a real store (the shared data imported into DuckDB)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from copilot.market.store import MarketStore
from copilot.understand import Catalog, understand


def test_catalog_from_the_shared_store(shared_market_path: Path) -> None:
    with MarketStore.open(shared_market_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
    spy = catalog.get("SPY")
    assert spy is not None and spy.table == "bars"
    assert (spy.first, spy.last, spy.rows) == (date(2025, 2, 19), date(2026, 2, 18), 251)
    us10y = catalog.get("US10Y")
    assert us10y is not None and us10y.table == "series" and us10y.first == date(1953, 4, 1)
    # The constituents list gives names, not data: 503 rows in sp500_constituents.csv.
    assert len(catalog.names) == 503
    assert catalog.names["NVDA"] == "Nvidia" and not catalog.has("NVDA")
    assert catalog.names["JPM"] == "JPMorgan Chase"


def test_understanding_over_the_real_catalog(shared_market_path: Path) -> None:
    with MarketStore.open(shared_market_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
    asked = understand("Did Nvidia beat small caps in January?", date(2026, 2, 18), catalog)
    assert [i.symbol for i in asked.instruments] == ["IWM"]
    (nvidia,) = asked.unknown
    assert nvidia.symbol == "NVDA"
    assert nvidia.fix == "market-copilot ingest online --yahoo NVDA"
    assert any(line.startswith("unknown: Nvidia → ") for line in asked.trace)
    yields = understand("average 10-year yield in 2025", date(2026, 2, 18), catalog)
    assert [i.symbol for i in yields.instruments] == ["US10Y"]
    assert yields.window is not None
    assert (yields.window.start, yields.window.end) == (date(2025, 1, 1), date(2025, 12, 31))
