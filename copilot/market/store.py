"""The market store: one DuckDB file with bars, single-value series and a symbol table.

Writes are idempotent upserts keyed by (symbol, date), one transaction per imported file, so an
interrupted import leaves the file either fully stored or not at all. Every row records where it
came from and when. Reads take an `as_of` date: nothing after it is visible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from copilot.errors import DateOutOfRangeError, UnknownSymbolError
from copilot.locks import WriterLock
from copilot.market.store_schema import (
    SCHEMA,
    columns,
    common_date_sql,
    connect_waiting,
    fill_known_at,
    known_dates,
    migrate,
)

__all__ = ["SCHEMA", "MarketStore", "SymbolMeta"]


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
        self._companies: dict[str, str] | None = None
        # A read-only old store lacks the migrated columns: read them as NULL.
        self._has_adj = "adj_close" in columns(connection, "bars")
        self._has_known = "known_at" in columns(connection, "series")

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
            con = connect_waiting(path, read_only, wait, on_wait)
            if not read_only and migrate(con):
                fill_known_at(con, None)
        except BaseException:
            if lock is not None:
                lock.__exit__(None, None, None)
            raise
        return cls(con, path, lock)

    @classmethod
    def in_memory(cls) -> MarketStore:
        con = duckdb.connect(":memory:")
        migrate(con)
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
        """Insert or replace rows of `symbol,date,open,high,low,close,volume` (and `adj_close`,
        the split- and dividend-adjusted close, where the provider gives it; else NULL)."""
        columns = ["open", "high", "low", "close", "volume"]
        return self._upsert("bars", frame, source, columns + _optional(frame, "adj_close"))

    def upsert_series(self, frame: pd.DataFrame, source: str) -> int:
        """Insert or replace rows of `symbol,date,value` (and `known_at`, the release date, where
        the provider gives it; else the documented per-series lag fills it)."""
        rows = self._upsert("series", frame, source, ["value", *_optional(frame, "known_at")])
        if rows:
            fill_known_at(self._con, sorted(frame["symbol"].astype(str).unique()))
        return rows

    def _upsert(
        self, table: str, frame: pd.DataFrame, source: str, columns: list[str],
        keyed_by: tuple[str, ...] | list[str] = ("symbol", "date"),
    ) -> int:  # fmt: skip
        if frame.empty:
            return 0
        key = list(keyed_by)
        if table != "symbols":
            self._changed()
        else:
            self._companies = None  # the listed companies are read from the symbols
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
        self._companies = None

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
            if table == "bars":
                adj = "coalesce(adj_close, close)" if self._has_adj else "close"
                columns = f"open, high, low, close, volume, {adj} AS adj_close"
            else:
                columns = "value, " + ("known_at" if self._has_known else "NULL AS known_at")
            frame = self._con.execute(
                f"SELECT date, {columns} FROM {table} WHERE symbol = ? ORDER BY date", [symbol]
            ).df()
            frame["date"] = pd.to_datetime(frame["date"])
            if table == "series":
                frame["known_at"] = known_dates(symbol, frame)
            self._frames[symbol] = frame.set_index("date")
        return self._frames[symbol]

    def _visible(self, symbol: str, table: str, as_of: date | None) -> pd.DataFrame:
        """The rows known on `as_of`: bars dated on or before it, series *released* by then."""
        frame = self._full(symbol, table)
        if as_of is None:
            return frame
        if table == "series":
            return frame[frame["known_at"] <= pd.Timestamp(as_of)]
        return frame.iloc[: int(frame.index.searchsorted(pd.Timestamp(as_of), side="right"))]

    def _window(
        self, symbol: str, table: str, start: date | None, end: date | None, as_of: date | None
    ) -> pd.DataFrame:
        frame = self._visible(symbol, table, as_of)
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
        frame = self._window(wanted, table, start, end, as_of)
        return frame[["open", "high", "low", "close", "volume"]].copy()  # raw; adjusted: values

    def values(
        self, symbol: str, start: date | None = None, end: date | None = None,
        as_of: date | None = None, adjusted: bool = False,
    ) -> pd.Series:  # fmt: skip
        """The symbol's closes (bars) or values (series), indexed by date, oldest first; a
        series shows only values released by `as_of`. `adjusted`: split- and dividend-adjusted
        closes (the raw close where the provider gave none) — for returns; levels are raw."""
        wanted, table = self._require(symbol)
        frame = self._window(wanted, table, start, end, as_of)
        column = ("adj_close" if adjusted else "close") if table == "bars" else "value"
        series = frame[column].astype(float)
        series.name = wanted
        return series

    def release_dates(
        self, symbol: str, start: date | None = None, end: date | None = None,
        as_of: date | None = None,
    ) -> pd.Series:  # fmt: skip
        """When each value became known (a series' release date; a bar's own date)."""
        wanted, table = self._require(symbol)
        frame = self._window(wanted, table, start, end, as_of)
        if table == "bars":
            return pd.Series(frame.index, index=frame.index, name=wanted)
        return frame["known_at"].rename(wanted)

    def has_adjustments(self, symbol: str) -> bool:
        """Whether any adjusted close differs from the raw close (a split or dividend)."""
        wanted, table = self._require(symbol)
        if table != "bars":
            return False
        frame = self._full(wanted, table)
        return bool((frame["adj_close"] != frame["close"]).any())

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
        if as_of is None or (as_of >= meta.last and table == "bars"):
            return meta.first, meta.last
        visible = self._visible(wanted, table, as_of)
        if visible.empty:
            released = " released" if table == "series" else ""
            raise DateOutOfRangeError(
                f"{wanted} has no data{released} on or before {as_of}; it starts on {meta.first}."
            )
        return meta.first, visible.index[-1].date()

    def latest_date(self, as_of: date | None = None) -> date | None:
        """The most recent bar date in the store (bounded by `as_of`)."""
        sql, params = "SELECT max(date) FROM bars", []
        if as_of is not None:
            sql += " WHERE date <= ?"
            params.append(as_of)
        rows = self._con.execute(sql, params).fetchall()
        return rows[0][0] if rows else None

    def latest_common_date(self, as_of: date | None = None, recent_days: int = 30) -> date | None:
        """The latest date the priced instruments share: the earliest of their last bar dates
        (bounded by `as_of`). Priced: bars of ETFs, stocks and other securities — not index or
        volatility levels (VIX may run months past the prices). Only instruments whose data
        reaches within `recent_days` of the newest count: one long-stale symbol (a stock
        imported once) does not hold every answer back; `stale_notes` names it. None: no bars."""
        sql = common_date_sql(as_of is not None, recent_days)
        rows = self._con.execute(sql, [as_of] if as_of else []).fetchall()
        found = rows[0][0] if rows else None
        return found if isinstance(found, date) else None

    def symbol_meta(self, symbol: str) -> SymbolMeta | None:
        """Table, first and last date, row count and sources of a stored symbol."""
        return self._catalog().get(symbol.strip().upper())

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

    def listed_companies(self) -> dict[str, str]:
        """Symbol → company name of every listed stock, read once and cached until a write (the
        same dict until then: a caller may key its own cache on it)."""
        if self._companies is None:
            rows = self._con.execute(
                "SELECT symbol, name FROM symbols WHERE kind = 'stock' AND name IS NOT NULL"
            ).fetchall()
            self._companies = {str(symbol): str(name) for symbol, name in rows}
        return self._companies

    def companies_in(self, sectors: Iterable[str]) -> dict[str, str]:
        """Symbol → company name of every listed stock in one of the GICS `sectors`."""
        wanted = sorted(set(sectors))
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        rows = self._con.execute(
            "SELECT symbol, name FROM symbols WHERE kind = 'stock' AND name IS NOT NULL "
            f"AND sector IN ({marks})",
            wanted,
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


def _optional(frame: pd.DataFrame, column: str) -> list[str]:
    return [column] if column in frame.columns else []
