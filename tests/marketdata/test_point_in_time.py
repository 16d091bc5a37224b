"""Point-in-time macro: a series value is visible only from its release date (the provider's,
else the documented lag), old stores gain the new columns, CPI month/year-over-year."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from copilot.errors import DateOutOfRangeError
from copilot.market.measure_model import MeasureArgs
from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.tools.measure_tool import measure

# The schema before adjusted closes and release dates (a store written by an older version).
OLD_SCHEMA = """
CREATE TABLE bars (symbol VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE NOT NULL,
    high DOUBLE NOT NULL, low DOUBLE NOT NULL, close DOUBLE NOT NULL, volume DOUBLE,
    source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL, PRIMARY KEY (symbol, date));
CREATE TABLE series (symbol VARCHAR NOT NULL, date DATE NOT NULL, value DOUBLE NOT NULL,
    source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL, PRIMARY KEY (symbol, date));
CREATE TABLE symbols (symbol VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR,
    represents VARCHAR, sector VARCHAR, source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL);
CREATE TABLE imports (source VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, rows BIGINT NOT NULL,
    imported_at TIMESTAMP NOT NULL);
"""
MONTHS = [date(2025, m, 1) for m in range(1, 13)] + [date(2026, 1, 1), date(2026, 2, 1)]


def series(symbol: str, days: list[date], values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"symbol": symbol, "date": days, "value": values})


@pytest.fixture
def store() -> MarketStore:
    store = MarketStore.in_memory()
    store.upsert_series(series("US10Y", MONTHS, [4.0 + i / 100 for i in range(14)]), "t")
    store.upsert_series(series("CPI", MONTHS, [300.0 + i for i in range(14)]), "t")
    return store


@pytest.mark.parametrize(
    ("as_of", "latest"),
    [
        # January's monthly average is published on the first business day of February.
        (date(2026, 1, 15), date(2025, 12, 1)),
        (date(2026, 1, 30), date(2025, 12, 1)),
        (date(2026, 2, 2), date(2026, 1, 1)),  # Monday 2 February 2026
        # December's: 1 January is a holiday, so Friday 2 January.
        (date(2026, 1, 1), date(2025, 11, 1)),
        (date(2026, 1, 2), date(2025, 12, 1)),
    ],
)
def test_monthly_average_yield_visible_from_its_release(
    store: MarketStore, as_of: date, latest: date
) -> None:
    assert store.values("US10Y", as_of=as_of).index[-1].date() == latest
    assert store.date_range("US10Y", as_of=as_of)[1] == latest


@pytest.mark.parametrize(
    ("as_of", "latest"),
    [
        (date(2026, 1, 14), date(2025, 11, 1)),  # December CPI comes on the 15th
        (date(2026, 1, 15), date(2025, 12, 1)),
        (date(2026, 2, 17), date(2026, 1, 1)),  # 15 Feb 2026 is a Sunday, 16th Presidents' Day
        (date(2026, 2, 16), date(2025, 12, 1)),
    ],
)
def test_cpi_visible_mid_next_month(store: MarketStore, as_of: date, latest: date) -> None:
    assert store.values("CPI", as_of=as_of).index[-1].date() == latest


def test_provider_release_dates_win_over_the_lag() -> None:
    store = MarketStore.in_memory()
    frame = series("CPI", [date(2025, 11, 1), date(2025, 12, 1)], [1.0, 2.0])
    frame["known_at"] = [date(2025, 12, 18), date(2026, 1, 13)]  # a delayed, then early release
    store.upsert_series(frame, "alfred")
    with pytest.raises(DateOutOfRangeError, match="no data released on or before 2025-12-17"):
        store.values("CPI", as_of=date(2025, 12, 17))
    assert store.values("CPI", as_of=date(2025, 12, 18)).tolist() == [1.0]
    assert store.date_range("CPI", as_of=date(2026, 1, 13))[1] == date(2025, 12, 1)
    assert store.release_dates("CPI").tolist() == [
        pd.Timestamp(2025, 12, 18),
        pd.Timestamp(2026, 1, 13),
    ]


def test_daily_series_and_bars_are_known_the_same_day() -> None:
    store = MarketStore.in_memory()
    days = [date(2026, 1, d) for d in (5, 6, 7)]
    store.upsert_series(series("VIX", days, [15.0, 16.0, 17.0]), "t")
    assert store.values("VIX", as_of=date(2026, 1, 6)).tolist() == [15.0, 16.0]


def test_measure_shows_the_release_date(store: MarketStore, settings: Settings) -> None:
    deps = ToolDeps(settings, SourceLedger(), market=store, as_of=date(2026, 1, 20))
    out = measure(deps, MeasureArgs(symbols=["US10Y"], measure="level"))
    assert "4.11% on 2025-12-01 (released 2026-01-02)" in out.text, out.text
    source = deps.ledger.get(out.sources[0])
    assert source is not None and "(released 2026-01-02)" in source.text  # the source card


def test_cpi_year_over_year_and_month_over_month(store: MarketStore, settings: Settings) -> None:
    deps = ToolDeps(settings, SourceLedger(), market=store, as_of=date(2026, 2, 20))
    # Visible: through January 2026 (= 312), January 2025 = 300, December 2025 = 311.
    yoy = (312.0 / 300.0 - 1) * 100
    mom = (312.0 / 311.0 - 1) * 100
    out = measure(deps, MeasureArgs(symbols=["CPI"], measure="yoy"))
    assert f"year-over-year change {yoy:+.2f}% from the 2025-01-01 value 300.00" in out.text
    assert "(released 2026-02-17)" in out.text, out.text
    out = measure(deps, MeasureArgs(symbols=["CPI"], measure="mom"))
    assert f"month-over-month change {mom:+.2f}%" in out.text, out.text


def test_real_cpi_year_over_year(shared_deps: ToolDeps, shared_data: Path) -> None:
    with (shared_data / "market" / "series" / "CPI_monthly.csv").open() as handle:
        cpi = {row["Date"]: float(row["Index"]) for row in csv.DictReader(handle)}
    shared_deps.as_of = date(2026, 1, 23)  # December 2025 CPI was out (15 January), not January
    out = measure(shared_deps, MeasureArgs(symbols=["CPI"], measure="yoy"))
    yoy = (cpi["2025-12-01"] / cpi["2024-12-01"] - 1) * 100
    assert f"year-over-year change {yoy:+.2f}%" in out.text, out.text
    assert "to the 2025-12-01 value" in out.text


def _old_store(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute(OLD_SCHEMA)
    con.execute("INSERT INTO bars VALUES ('SPY', '2026-01-02', 1, 2, 0.5, 1.5, 10, 'f', now())")
    for day, value in (("2025-11-01", 3.0), ("2025-12-01", 3.1)):
        con.execute(f"INSERT INTO series VALUES ('US10Y', '{day}', {value}, 'f', now())")
    con.close()


def test_an_old_store_opens_read_only_and_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path)
    with MarketStore.open(path, read_only=True) as store:
        assert store.values("SPY", adjusted=True).tolist() == [1.5]  # no adjusted data: = close
        assert store.values("US10Y", as_of=date(2026, 1, 1)).tolist() == [3.0]  # lag applied
        assert store.values("US10Y", as_of=date(2026, 1, 2)).tolist() == [3.0, 3.1]


def test_an_old_store_gains_the_columns_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path)
    with MarketStore.open(path):
        pass
    con = duckdb.connect(str(path), read_only=True)
    bars = {r[0] for r in con.execute("DESCRIBE bars").fetchall()}
    known = con.execute("SELECT date, known_at FROM series ORDER BY date").fetchall()
    con.close()
    assert "adj_close" in bars
    assert known == [(date(2025, 11, 1), date(2025, 12, 1)), (date(2025, 12, 1), date(2026, 1, 2))]
