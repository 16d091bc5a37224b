"""The default as-of date (the latest date the priced instruments share) and per-figure
staleness notes, on the shared sample: ETF prices end 2026-02-18, VIX runs to 2026-07-23."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import exchange_calendars as xcals
import pandas as pd

from copilot.market.staleness import stale_notes
from copilot.market.store import MarketStore


def last_date(path: Path, column: str) -> date:
    with path.open() as handle:
        return max(date.fromisoformat(row[column][:10]) for row in csv.DictReader(handle))


def test_latest_common_date_is_the_prices_not_vix(
    shared_market_path: Path, shared_data: Path
) -> None:
    prices = shared_data / "market" / "prices"
    expected = min(last_date(p, "date") for p in prices.glob("*.csv"))
    with MarketStore.open(shared_market_path, read_only=True) as store:
        assert store.latest_common_date() == expected
        latest = store.latest_date()
        assert latest is not None and latest > expected  # VIX bars run later: not the default
        assert store.latest_common_date(as_of=date(2026, 1, 23)) == date(2026, 1, 23)


def test_one_stale_stock_does_not_hold_the_default_back() -> None:
    store = MarketStore.in_memory()
    frame = pd.DataFrame({"symbol": ["SPY", "SPY", "OLD"], "date": [date(2026, 1, 22),
                          date(2026, 1, 23), date(2020, 1, 2)], "open": 1.0, "high": 1.0,
                          "low": 1.0, "close": 1.0, "volume": 1.0})  # fmt: skip
    store.upsert_bars(frame, "t")
    assert store.latest_common_date() == date(2026, 1, 23)
    notes = stale_notes(store, ["SPY", "OLD"], date(2026, 1, 23))
    assert len(notes) == 1 and notes[0].startswith("OLD prices end 2020-01-02")


def test_stale_notes_on_the_shared_sample(shared_market_path: Path, shared_data: Path) -> None:
    as_of = date(2026, 7, 23)
    spy_last = last_date(shared_data / "market" / "prices" / "SPY.csv", "date")
    calendar = xcals.get_calendar("XNYS")
    missing = len(calendar.sessions_in_range(pd.Timestamp(spy_last) + pd.Timedelta(days=1),
                                             pd.Timestamp(as_of)))  # fmt: skip
    with MarketStore.open(shared_market_path, read_only=True) as store:
        notes = stale_notes(store, ["SPY", "VIX", "US10Y", "CPI", "NOPE"], as_of)
        fresh = stale_notes(store, ["SPY", "CPI"], date(2026, 2, 18))
    spy = f"SPY prices end {spy_last}, {missing} sessions before the as-of date {as_of}"
    assert notes[0].startswith(spy), notes
    # CPI's file stops at May 2026; June's CPI was due 15 July: missing by 23 July.
    assert notes[1].startswith("CPI: the latest value stored is for 2026-05-01"), notes
    assert "the 2026-06-01 value was due by 2026-07-15" in notes[1]
    assert len(notes) == 2  # VIX runs to the as-of date; US10Y June was out 1 July
    assert fresh == []
