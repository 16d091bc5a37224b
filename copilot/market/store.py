"""The market store: one DuckDB file with bars, single-value series and a symbol table.

Writes are idempotent upserts keyed by (symbol, date), one transaction per imported file, so an
interrupted import leaves the file either fully stored or not at all. Every row records where it
came from and when. Reads take an `as_of` date: nothing after it is visible.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from copilot.errors import DateOutOfRangeError, StoreLockedError, UnknownSymbolError
from copilot.locks import WriterLock

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


READ_WAIT_S = 10.0  # a reader (a question, the app) waits this long for an import to finish
WRITE_WAIT_S = 60.0  # a writer (an import) waits this long for another import or for readers


@dataclass(frozen=True)
class SymbolMeta:
    table: str  # "bars" or "series"
    first: date
    last: date
    rows: int
    sources: tuple[str, ...]


class MarketStore:
    """A DuckDB-backed store. Open with `MarketStore.open(path)`; use as a context manager."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        path: Path | None,
        writer_lock: WriterLock | None = None,
    ) -> None:
        self._con = connection
        self.path = path
        self._writer_lock = writer_lock
        self._meta: dict[str, SymbolMeta] | None = None
        self._frames: dict[str, pd.DataFrame] = {}

    @classmethod
    def open(
        cls,
        path: Path,
        read_only: bool = False,
        *,
        wait_s: float | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> MarketStore:
        """Open the file. DuckDB lets one process write *or* several read: a writer first takes
        the store's writer lock (one import at a time, the holder named), and both wait up to
        `wait_s` (default `READ_WAIT_S` / `WRITE_WAIT_S`) for the file, then raise
        `StoreLockedError` with a one-line message instead of DuckDB's lock error."""
        if read_only and not path.exists():
            raise FileNotFoundError(
                f"no market store at {path}: import data first "
                "(`market-copilot ingest market PATH` or `market-copilot ingest online`)."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        wait = wait_s if wait_s is not None else (READ_WAIT_S if read_only else WRITE_WAIT_S)
        lock = None
        if not read_only:
            lock = WriterLock(path.with_name(path.name + ".writer.lock"), wait, on_wait,
                              what=f"the market store {path}")  # fmt: skip
            lock.__enter__()
        try:
            con = _connect_waiting(path, read_only, wait, on_wait)
            if not read_only:
                con.execute(SCHEMA)
        except BaseException:
            if lock is not None:
                lock.__exit__(None, None, None)
            raise
        return cls(con, path, lock)

    @classmethod
    def in_memory(cls) -> MarketStore:
        con = duckdb.connect(":memory:")
        con.execute(SCHEMA)
        return cls(con, None)

    def close(self) -> None:
        self._con.close()
        if self._writer_lock is not None:
            self._writer_lock.__exit__(None, None, None)
            self._writer_lock = None

    def __enter__(self) -> MarketStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writes ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all."""
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            self._changed()
            raise
        self._con.execute("COMMIT")

    def upsert_bars(self, frame: pd.DataFrame, source: str) -> int:
        """Insert or replace rows of `symbol,date,open,high,low,close,volume`."""
        return self._upsert("bars", frame, source, ["open", "high", "low", "close", "volume"])

    def upsert_series(self, frame: pd.DataFrame, source: str) -> int:
        """Insert or replace rows of `symbol,date,value`."""
        return self._upsert("series", frame, source, ["value"])

    def _upsert(
        self, table: str, frame: pd.DataFrame, source: str, columns: list[str],
        keyed_by: tuple[str, ...] | list[str] = ("symbol", "date"),
    ) -> int:  # fmt: skip
        if frame.empty:
            return 0
        key = list(keyed_by)
        if table != "symbols":
            self._changed()
        staged = frame[[*key, *columns]].copy()
        staged["source"] = source
        staged["imported_at"] = _now()
        self._con.register("staged_rows", staged)
        try:
            names = ", ".join([*key, *columns, "source", "imported_at"])
            self._con.execute(
                f"INSERT OR REPLACE INTO {table} ({names}) SELECT {names} FROM staged_rows"
            )
        finally:
            self._con.unregister("staged_rows")
        return len(staged)

    def upsert_symbols(self, rows: Sequence[dict[str, Any]], source: str) -> int:
        """Insert or replace symbol descriptions (symbol, name, kind, represents, sector)."""
        columns = ["symbol", "name", "kind", "represents", "sector"]
        staged = pd.DataFrame(
            [{c: r.get(c) or None for c in columns} for r in rows], columns=columns
        )
        return self._upsert("symbols", staged, source, columns[1:], keyed_by=["symbol"])

    def delete_source(self, source: str) -> None:
        """Remove every bar and series row that came from `source` (before re-importing it)."""
        self._changed()
        for table in ("bars", "series"):
            self._con.execute(f"DELETE FROM {table} WHERE source = ?", [source])

    def record_import(self, source: str, sha256: str, rows: int) -> None:
        self._con.execute(
            "INSERT OR REPLACE INTO imports VALUES (?, ?, ?, ?)", [source, sha256, rows, _now()]
        )

    def imported_hash(self, source: str) -> str | None:
        """The content hash recorded when `source` was last imported, if ever."""
        rows = self._con.execute("SELECT sha256 FROM imports WHERE source = ?", [source]).fetchall()
        return str(rows[0][0]) if rows else None

    # ---- reads ----------------------------------------------------------------------------

    def _catalog(self) -> dict[str, SymbolMeta]:
        """Per-symbol table, date range and sources, read in one query and cached until a write."""
        if self._meta is None:
            rows = self._con.execute(
                """
                SELECT symbol, 'bars', min(date), max(date), count(*), list(DISTINCT source)
                FROM bars GROUP BY symbol
                UNION ALL
                SELECT symbol, 'series', min(date), max(date), count(*), list(DISTINCT source)
                FROM series GROUP BY symbol
                """
            ).fetchall()
            self._meta = {
                str(r[0]): SymbolMeta(str(r[1]), r[2], r[3], int(r[4]), tuple(sorted(r[5])))
                for r in rows
            }
        return self._meta

    def _changed(self) -> None:
        self._meta = None
        self._frames.clear()

    def table_of(self, symbol: str) -> str | None:
        """'bars' or 'series' for a stored symbol, else None."""
        meta = self._catalog().get(symbol.strip().upper())
        return meta.table if meta else None

    def stored_symbols(self) -> list[str]:
        return sorted(self._catalog())

    def _require(self, symbol: str) -> tuple[str, str]:
        wanted = symbol.strip().upper()
        table = self.table_of(wanted)
        if table is None:
            known = ", ".join(self.stored_symbols()) or "none (the store is empty)"
            raise UnknownSymbolError(f"no data for symbol {symbol!r}. Symbols available: {known}.")
        return wanted, table

    def _full(self, symbol: str, table: str) -> pd.DataFrame:
        """Every row of a symbol, indexed by date (cached: the data is small, reads are hot)."""
        if symbol not in self._frames:
            columns = "open, high, low, close, volume" if table == "bars" else "value"
            frame = self._con.execute(
                f"SELECT date, {columns} FROM {table} WHERE symbol = ? ORDER BY date", [symbol]
            ).df()
            frame["date"] = pd.to_datetime(frame["date"])
            self._frames[symbol] = frame.set_index("date")
        return self._frames[symbol]

    def _window(
        self, symbol: str, table: str, start: date | None, end: date | None, as_of: date | None
    ) -> pd.DataFrame:
        frame = self._full(symbol, table)
        last = min(d for d in (end, as_of) if d is not None) if (end or as_of) else None
        lo = frame.index.searchsorted(pd.Timestamp(start)) if start else 0
        hi = frame.index.searchsorted(pd.Timestamp(last), side="right") if last else len(frame)
        if lo >= hi:
            try:
                first, final = self.date_range(symbol, as_of)
            except DateOutOfRangeError as exc:
                raise DateOutOfRangeError(str(exc)) from None
            raise DateOutOfRangeError(
                f"no {symbol} data between {start or 'the start'} and {last or 'the end'}; "
                f"{symbol} has data from {first} to {final}."
            )
        return frame.iloc[lo:hi]

    def bars(
        self, symbol: str, start: date | None = None, end: date | None = None,
        as_of: date | None = None,
    ) -> pd.DataFrame:  # fmt: skip
        """OHLCV bars indexed by session date (a DatetimeIndex), oldest first."""
        wanted, table = self._require(symbol)
        if table != "bars":
            raise UnknownSymbolError(f"{wanted} is a single-value series, not price bars.")
        return self._window(wanted, table, start, end, as_of).copy()

    def values(
        self, symbol: str, start: date | None = None, end: date | None = None,
        as_of: date | None = None,
    ) -> pd.Series:  # fmt: skip
        """The symbol's closes (bars) or values (series), indexed by date, oldest first."""
        wanted, table = self._require(symbol)
        frame = self._window(wanted, table, start, end, as_of)
        series = frame["close" if table == "bars" else "value"].astype(float)
        series.name = wanted
        return series

    def closes(
        self, symbols: Sequence[str], start: date | None = None, end: date | None = None,
        as_of: date | None = None,
    ) -> pd.DataFrame:  # fmt: skip
        """Closes of several symbols side by side (outer-joined on date)."""
        columns = {s.upper(): self.values(s, start, end, as_of) for s in symbols}
        return pd.DataFrame(columns).sort_index()

    def date_range(self, symbol: str, as_of: date | None = None) -> tuple[date, date]:
        """First and last date of a symbol's data, the last bounded by `as_of`."""
        wanted, table = self._require(symbol)
        meta = self._catalog()[wanted]
        if as_of is None or as_of >= meta.last:
            return meta.first, meta.last
        index = self._full(wanted, table).index
        position = int(index.searchsorted(pd.Timestamp(as_of), side="right"))
        if position == 0:
            raise DateOutOfRangeError(
                f"{wanted} has no data on or before {as_of}; it starts on {meta.first}."
            )
        return meta.first, index[position - 1].date()

    def latest_date(self, as_of: date | None = None) -> date | None:
        """The most recent bar date in the store (bounded by `as_of`)."""
        sql, params = "SELECT max(date) FROM bars", []
        if as_of is not None:
            sql += " WHERE date <= ?"
            params.append(as_of)
        rows = self._con.execute(sql, params).fetchall()
        return rows[0][0] if rows else None

    def symbol_info(self, symbol: str) -> dict[str, Any] | None:
        cur = self._con.execute(
            "SELECT symbol, name, kind, represents, sector FROM symbols WHERE symbol = ?",
            [symbol.upper()],
        )
        rows = cur.fetchall()
        if not rows:
            return None
        row = rows[0]
        return dict(zip(["symbol", "name", "kind", "represents", "sector"], row, strict=True))

    def company_names(self) -> dict[str, str]:
        """Symbol → company name for every listed stock (the constituents list import)."""
        rows = self._con.execute(
            "SELECT symbol, name FROM symbols WHERE kind = 'stock' AND name IS NOT NULL"
        ).fetchall()
        return {str(symbol): str(name) for symbol, name in rows}

    def sources_of(self, symbol: str) -> list[str]:
        wanted, _ = self._require(symbol)
        return list(self._catalog()[wanted].sources)

    def coverage(self) -> pd.DataFrame:
        """Per symbol: table, first and last date, row count, last import time."""
        return self._con.execute(
            """
            SELECT symbol, 'bars' AS kind, min(date) AS first, max(date) AS last,
                   count(*) AS rows, max(imported_at) AS imported_at FROM bars GROUP BY symbol
            UNION ALL
            SELECT symbol, 'series', min(date), max(date), count(*), max(imported_at)
            FROM series GROUP BY symbol
            ORDER BY symbol
            """
        ).df()

    def count_rows(self, table: str, symbol: str | None = None) -> int:
        if table not in ("bars", "series", "symbols", "imports"):
            raise ValueError(table)
        sql, params = f"SELECT count(*) FROM {table}", []
        if symbol is not None:
            sql += " WHERE symbol = ?"
            params.append(symbol.upper())
        rows = self._con.execute(sql, params).fetchall()
        return int(rows[0][0]) if rows else 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _connect_waiting(
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
