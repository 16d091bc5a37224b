"""The market store's schema, its in-place migrations, and connecting to the file.

New columns arrive as migrations run on every writable open, so a store written by an older
version opens and gains them (`ALTER TABLE … ADD COLUMN`); a read-only open cannot alter the
file, so readers ask `columns()` and treat a missing column as NULL.

- `bars.adj_close`: the split- and dividend-adjusted close; NULL = the provider gave none (the
  same as `close`).
- `series.known_at`: the day the observation became known (its release); NULL = derived from the
  documented per-series lag (`copilot.market.release`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from copilot.errors import StoreLockedError
from copilot.market.release import known_at

SCHEMA = """
CREATE TABLE IF NOT EXISTS bars (
    symbol VARCHAR NOT NULL, date DATE NOT NULL,
    open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT NULL, close DOUBLE NOT NULL,
    volume DOUBLE, source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
    PRIMARY KEY (symbol, date));
CREATE TABLE IF NOT EXISTS series (
    symbol VARCHAR NOT NULL, date DATE NOT NULL, value DOUBLE NOT NULL,
    source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
    PRIMARY KEY (symbol, date));
CREATE TABLE IF NOT EXISTS symbols (
    symbol VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, represents VARCHAR, sector VARCHAR,
    source VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
    source VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, rows BIGINT NOT NULL,
    imported_at TIMESTAMP NOT NULL);
"""

# (table, column, type): applied in order, each only where the column is missing.
MIGRATIONS: tuple[tuple[str, str, str], ...] = (
    ("bars", "adj_close", "DOUBLE"),
    ("series", "known_at", "DATE"),
)


def common_date_sql(bounded: bool, recent_days: int = 30) -> str:
    """The latest date the priced instruments share (see `MarketStore.latest_common_date`);
    one `?` parameter (the as-of date) when `bounded`."""
    bound = "AND b.date <= ?" if bounded else ""
    return f"""
    WITH lasts AS (
        SELECT max(b.date) AS last FROM bars b LEFT JOIN symbols s USING (symbol)
        WHERE coalesce(s.kind, '') NOT IN ('index', 'volatility') {bound} GROUP BY b.symbol)
    SELECT min(last) FROM lasts
    WHERE last >= (SELECT max(last) FROM lasts) - INTERVAL {int(recent_days)} DAY"""


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {str(r[0]) for r in rows}


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create missing tables and add missing columns; returns the columns added."""
    con.execute(SCHEMA)
    added = []
    for table, column, kind in MIGRATIONS:
        if column not in columns(con, table):
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            added.append(f"{table}.{column}")
    return added


def known_dates(symbol: str, frame: pd.DataFrame) -> pd.Series:
    """Stored release dates, the documented lag where none is stored (an old read-only file)."""
    stored = pd.to_datetime(frame["known_at"])
    if not stored.isna().any():
        return stored
    days = [d.date() for d in frame["date"]]
    derived = pd.to_datetime(pd.Series(known_at(symbol, days), index=frame.index))
    return stored.fillna(derived)


def fill_known_at(con: duckdb.DuckDBPyConnection, symbols: list[str] | None) -> None:
    """Set the documented release lag on rows without a release date (frequency from all of a
    symbol's dates, so one new monthly row gets the monthly rule)."""
    where = "" if symbols is None else "WHERE symbol IN (SELECT unnest(?))"
    params: list[Any] = [] if symbols is None else [symbols]
    pending = con.execute(
        f"SELECT symbol FROM series {where} GROUP BY symbol HAVING count(*) > count(known_at)",
        params,
    ).fetchall()
    for (symbol,) in pending:
        found = con.execute("SELECT date FROM series WHERE symbol = ? ORDER BY date", [symbol])
        dates = [r[0] for r in found.fetchall()]
        staged = pd.DataFrame({"date": dates, "known": known_at(str(symbol), dates)})
        con.register("release_rows", staged)
        try:
            con.execute(
                "UPDATE series SET known_at = r.known FROM release_rows r "
                "WHERE series.symbol = ? AND series.date = r.date AND series.known_at IS NULL",
                [symbol],
            )
        finally:
            con.unregister("release_rows")


def connect_waiting(
    path: Path, read_only: bool, wait_s: float, on_wait: Callable[[str], None] | None
) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, retried while another process holds the file's lock."""
    deadline = time.monotonic() + wait_s
    pause = 0.05
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
        if time.monotonic() >= deadline:
            raise StoreLockedError(_busy(path, read_only, wait_s)) from None
        if on_wait is not None and not told:
            on_wait(f"{_busy_reason(path, read_only)}; waiting up to {wait_s:g} s")
            told = True
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, 1.0)


def _busy_reason(path: Path, read_only: bool) -> str:
    if read_only:
        return f"the market store {path} is busy (an import is running)"
    return f"the market store {path} is in use by another process (a question or the app)"


def _busy(path: Path, read_only: bool, wait_s: float) -> str:
    then = "try again when it finishes"
    if not read_only:
        then += " (or close the app), or retry with a longer --lock-timeout"
    return f"{_busy_reason(path, read_only)}; waited {wait_s:g} s — {then}."
