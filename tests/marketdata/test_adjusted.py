"""Single stocks: printed closes beside split- and dividend-adjusted closes, from a recorded
Yahoo response that holds Apple's 4:1 split of 2020-08-31 (tests/fixtures/market/README.md)."""

from __future__ import annotations

import csv
import itertools
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from copilot.market.measure_model import MeasureArgs
from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.tools.measure_tool import measure
from ingest.market.online import import_online
from ingest.market.providers import FetchRequest, YahooProvider

FIXTURE = Path(__file__).parents[1] / "fixtures" / "market_split" / "yahoo_AAPL_split_history.csv"


def recorded() -> pd.DataFrame:
    frame = pd.read_csv(FIXTURE, index_col="Date")
    index = pd.to_datetime(frame.index, utc=True).tz_convert("America/New_York")
    frame.index = pd.DatetimeIndex(index, name="Date")
    return frame


def fixture_rows() -> dict[str, dict[str, float]]:
    """The recorded rows read with plain csv: day -> Close, Adj Close, Volume, Stock Splits."""
    with FIXTURE.open() as handle:
        return {
            row["Date"][:10]: {k: float(row[k]) for k in ("Close", "Adj Close", "Volume")}
            for row in csv.DictReader(handle)
        }


def serve(symbol: str, start: date, end: date) -> pd.DataFrame:
    frame = recorded()
    days = pd.DatetimeIndex(frame.index).date
    kept: pd.DataFrame = frame[(days >= start) & (days < end + timedelta(days=1))]
    return kept


@pytest.fixture
def store(settings: Settings) -> MarketStore:
    store = MarketStore.in_memory()
    results = import_online(store, settings, ["AAPL"], [], date(2020, 8, 1),
                            yahoo=YahooProvider(history=serve))  # fmt: skip
    assert [r.status for r in results] == ["imported"], results
    return store


def test_yahoo_restores_printed_prices_and_keeps_adjusted_closes() -> None:
    fetched = YahooProvider(history=serve).fetch(FetchRequest("AAPL", date(2020, 8, 24)))
    by_day = {str(r["date"]): r for r in fetched.frame.to_dict("records")}
    rows = fixture_rows()
    # Before the ex-date Yahoo restates prices / 4 and volume x 4: the prints are undone.
    assert by_day["2020-08-28"]["close"] == pytest.approx(rows["2020-08-28"]["Close"] * 4)
    assert by_day["2020-08-28"]["close"] == pytest.approx(499.23)
    assert by_day["2020-08-28"]["volume"] == pytest.approx(187630000 / 4)
    assert by_day["2020-08-31"]["close"] == pytest.approx(129.04)  # on/after the ex-date: as sent
    assert by_day["2020-08-28"]["adj_close"] == pytest.approx(121.0633)


def test_store_keeps_raw_and_adjusted_side_by_side(store: MarketStore) -> None:
    raw = store.values("AAPL")
    adjusted = store.values("AAPL", adjusted=True)
    assert raw.loc["2020-08-28"] == pytest.approx(499.23)
    assert adjusted.loc["2020-08-28"] == pytest.approx(121.0633)
    assert raw.loc["2020-08-31"] / raw.loc["2020-08-28"] - 1 < -0.7  # the raw series "crashes"
    assert store.has_adjustments("AAPL")
    assert list(store.bars("AAPL").columns) == ["open", "high", "low", "close", "volume"]


def _measure(store: MarketStore, settings: Settings, **kwargs: object) -> str:
    deps = ToolDeps(settings=settings, ledger=SourceLedger(), market=store)
    out = measure(deps, MeasureArgs.model_validate(kwargs))
    return out.text


def test_return_across_the_split_reads_adjusted_closes(
    store: MarketStore, settings: Settings
) -> None:
    rows = fixture_rows()
    one_day = (rows["2020-08-31"]["Adj Close"] / rows["2020-08-28"]["Adj Close"] - 1) * 100
    text = _measure(store, settings, symbols=["AAPL"], measure="return",
                    start=date(2020, 8, 31), end=date(2020, 8, 31))  # fmt: skip
    assert f"return {one_day:+.2f}%" in text, text
    assert one_day > 0  # the split day was a gain, not a 74 % crash
    # The base is read as an adjusted close (in 2020-08-31 terms), the end as printed.
    assert "2020-08-28 adjusted close 124.81" in text, text
    assert "close 129.04" in text
    assert "split- and dividend-adjusted" in text  # the definition says which close


def test_worst_day_over_the_split_is_not_the_split(store: MarketStore, settings: Settings) -> None:
    rows = fixture_rows()
    days = sorted(rows)
    moves = {b: (rows[b]["Adj Close"] / rows[a]["Adj Close"] - 1) * 100
             for a, b in itertools.pairwise(days)}  # fmt: skip
    worst = min(moves, key=lambda d: moves[d])
    text = _measure(store, settings, symbols=["AAPL"], measure="daily_return", aggregate="min",
                    start=date(2020, 8, 25), end=date(2020, 9, 4))  # fmt: skip
    assert f"worst day since 2020-08-25 {moves[worst]:+.2f}% on {worst}" in text, text


def test_level_stays_the_printed_close(store: MarketStore, settings: Settings) -> None:
    text = _measure(store, settings, symbols=["AAPL"], measure="level", end=date(2020, 8, 28))
    assert "close 499.23 on 2020-08-28" in text, text
    assert "adjusted" not in text


def test_window_after_the_split_needs_no_adjusted_wording(
    store: MarketStore, settings: Settings
) -> None:
    rows = fixture_rows()
    move = (rows["2020-09-04"]["Adj Close"] / rows["2020-09-01"]["Adj Close"] - 1) * 100
    text = _measure(store, settings, symbols=["AAPL"], measure="return",
                    start=date(2020, 9, 2), end=date(2020, 9, 4))  # fmt: skip
    assert f"return {move:+.2f}%" in text
    assert "from the 2020-09-01 close 134.18" in text, text
