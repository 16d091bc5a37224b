"""The DuckDB market store: upserts, transactions, as-of reads, provenance."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from copilot.errors import DateOutOfRangeError, UnknownSymbolError
from copilot.market.store import MarketStore

D2, D5, D6, D7 = date(2026, 1, 2), date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7)


def bars_frame(symbol: str, rows: list[tuple[date, float, float | None]]) -> pd.DataFrame:
    """Bars with open=close-1, high=close+1, low=close-2, for (date, close, volume) rows."""
    return pd.DataFrame(
        [(symbol, d, c - 1, c + 1, c - 2, c, v) for d, c, v in rows],
        columns=["symbol", "date", "open", "high", "low", "close", "volume"],
    )


def series_frame(symbol: str, rows: list[tuple[date, float]]) -> pd.DataFrame:
    return pd.DataFrame([(symbol, d, v) for d, v in rows], columns=["symbol", "date", "value"])


def provenance(store: MarketStore, table: str) -> list[tuple[str, date, str, datetime]]:
    """Every stored row's (symbol, date, source, imported_at), read straight from the table."""
    rows = store._con.execute(  # no public API returns per-row provenance
        f"SELECT symbol, date, source, imported_at FROM {table} ORDER BY symbol, date"
    ).fetchall()
    return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[MarketStore]:
    with MarketStore.open(tmp_path / "m.duckdb") as s:
        yield s


@pytest.fixture
def filled(store: MarketStore) -> MarketStore:
    with store.transaction():
        store.upsert_bars(
            bars_frame("IWM", [(D2, 248.78, 40e6), (D5, 252.73, 37e6), (D7, 255.48, 33e6)]), "a"
        )
        store.upsert_bars(bars_frame("SPY", [(D2, 683.17, 80e6), (D6, 692.10, None)]), "a")
        store.upsert_series(series_frame("DGS10", [(D2, 4.19), (D5, 4.17), (D7, 4.15)]), "b")
    return store


def test_upsert_is_idempotent(store: MarketStore) -> None:
    frame = bars_frame("IWM", [(D2, 10.0, 1.0), (D5, 11.0, 2.0)])
    series = series_frame("DGS10", [(D2, 4.19)])
    assert store.upsert_bars(frame, "x") == 2
    assert store.upsert_bars(frame, "x") == 2
    assert store.upsert_series(series, "y") == 1
    assert store.upsert_series(series, "y") == 1
    assert store.count_rows("bars") == 2
    assert store.count_rows("series") == 1
    assert store.values("IWM").tolist() == [10.0, 11.0]
    assert store.values("DGS10").tolist() == [4.19]


@pytest.mark.parametrize("read", ["count_rows", "latest_date"])
def test_write_after_a_single_row_read(store: MarketStore, read: str) -> None:
    store.count_rows("bars") if read == "count_rows" else store.latest_date()
    assert store.upsert_series(series_frame("DGS10", [(D2, 4.19)]), "y") == 1
    assert store.count_rows("series") == 1


def test_upsert_replaces_on_conflict(store: MarketStore) -> None:
    store.upsert_bars(bars_frame("IWM", [(D2, 10.0, 1.0), (D5, 11.0, 2.0)]), "old.csv")
    store.upsert_bars(bars_frame("IWM", [(D5, 12.5, 3.0), (D6, 13.0, 4.0)]), "new.csv")
    assert store.count_rows("bars") == 3
    bars = store.bars("IWM")
    assert bars["close"].tolist() == [10.0, 12.5, 13.0]
    assert bars.loc["2026-01-05"].tolist() == [11.5, 13.5, 10.5, 12.5, 3.0]
    assert [(r[1], r[2]) for r in provenance(store, "bars")] == [
        (D2, "old.csv"),
        (D5, "new.csv"),
        (D6, "new.csv"),
    ]
    assert store.sources_of("iwm") == ["new.csv", "old.csv"]

    store.upsert_series(series_frame("CPI", [(D2, 1.0)]), "s1")
    store.upsert_series(series_frame("CPI", [(D2, 2.0)]), "s2")
    assert store.values("CPI").tolist() == [2.0]
    assert store.sources_of("CPI") == ["s2"]


def test_symbol_upsert_replaces(store: MarketStore) -> None:
    store.upsert_symbols([{"symbol": "IWM", "name": "iShares Russell 2000", "kind": "etf"}], "a")
    store.upsert_symbols(
        [{"symbol": "IWM", "name": "Russell 2000 ETF", "kind": "etf", "sector": ""}], "b"
    )
    assert store.count_rows("symbols") == 1
    assert store.symbol_info("iwm") == {
        "symbol": "IWM",
        "name": "Russell 2000 ETF",
        "kind": "etf",
        "represents": None,
        "sector": None,  # empty text is stored as NULL
    }
    assert store.symbol_info("NOPE") is None


def test_empty_frame_writes_nothing(store: MarketStore) -> None:
    assert store.upsert_bars(bars_frame("IWM", []), "x") == 0
    assert store.upsert_series(series_frame("X", []), "x") == 0
    assert store.count_rows("bars") == store.count_rows("series") == 0


def test_transaction_rolls_back_everything(store: MarketStore) -> None:
    store.upsert_series(series_frame("DGS10", [(D2, 4.19)]), "before")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction():
        store.upsert_bars(bars_frame("IWM", [(D2, 10.0, 1.0), (D5, 11.0, 2.0)]), "file.csv")
        store.upsert_series(series_frame("DGS10", [(D2, 9.99), (D5, 4.17)]), "file.csv")
        store.upsert_symbols([{"symbol": "IWM", "name": "x", "kind": "etf"}], "file.csv")
        store.record_import("file.csv", "abc", 4)
        raise Boom("interrupted midway")

    assert store.count_rows("bars") == 0
    assert store.count_rows("symbols") == 0
    assert store.count_rows("imports") == 0
    assert store.imported_hash("file.csv") is None
    assert store.values("DGS10").tolist() == [4.19]
    assert store.sources_of("DGS10") == ["before"]

    with store.transaction():  # the connection is usable again afterwards
        store.upsert_bars(bars_frame("IWM", [(D2, 10.0, 1.0)]), "file.csv")
    assert store.count_rows("bars") == 1


def test_rollback_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    with MarketStore.open(path) as store:
        with store.transaction():
            store.upsert_series(series_frame("A", [(D2, 1.0)]), "kept")
        with pytest.raises(RuntimeError), store.transaction():
            store.upsert_series(series_frame("B", [(D2, 2.0)]), "lost")
            raise RuntimeError
    with MarketStore.open(path, read_only=True) as store:
        assert store.stored_symbols() == ["A"]
        assert store.count_rows("series") == 1


def test_open_read_only_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="market-copilot ingest market"):
        MarketStore.open(tmp_path / "absent.duckdb", read_only=True)


def test_as_of_hides_later_rows(filled: MarketStore) -> None:
    values = filled.values("IWM", as_of=D5)
    assert [d.date() for d in values.index] == [D2, D5]
    assert values.tolist() == [248.78, 252.73]
    assert filled.values("DGS10", as_of=D6).tolist() == [4.19, 4.17]
    assert filled.values("IWM", end=D7, as_of=D5).tolist() == [248.78, 252.73]
    assert filled.values("IWM", end=D2, as_of=D7).tolist() == [248.78]

    bars = filled.bars("IWM", as_of=D6)
    assert [d.date() for d in bars.index] == [D2, D5]

    assert filled.date_range("IWM") == (D2, D7)
    assert filled.date_range("IWM", as_of=D6) == (D2, D5)
    assert filled.date_range("DGS10", as_of=D5) == (D2, D5)

    assert filled.latest_date() == D7
    assert filled.latest_date(as_of=D6) == D6
    assert filled.latest_date(as_of=D5) == D5
    assert filled.latest_date(as_of=date(2026, 1, 1)) is None

    closes = filled.closes(["IWM", "SPY"], as_of=D6)
    assert [d.date() for d in closes.index] == [D2, D5, D6]
    assert closes.loc["2026-01-02"].tolist() == [248.78, 683.17]
    assert closes["IWM"].isna().tolist() == [False, False, True]


def test_as_of_before_any_data(filled: MarketStore) -> None:
    with pytest.raises(DateOutOfRangeError):
        filled.values("IWM", as_of=date(2026, 1, 1))
    with pytest.raises(DateOutOfRangeError, match="no data on or before 2026-01-01"):
        filled.date_range("IWM", as_of=date(2026, 1, 1))


def test_as_of_error_does_not_reveal_later_data(filled: MarketStore) -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        filled.values("IWM", start=D6, as_of=D5)
    assert "2026-01-07" not in str(info.value)


def test_start_and_end_window(filled: MarketStore) -> None:
    assert filled.values("IWM", start=D5).tolist() == [252.73, 255.48]
    assert filled.values("IWM", start=D5, end=D6).tolist() == [252.73]
    with pytest.raises(DateOutOfRangeError, match="IWM has data from 2026-01-02 to 2026-01-07"):
        filled.values("IWM", start=date(2026, 2, 1))


def test_unknown_symbol_lists_what_is_available(filled: MarketStore) -> None:
    with pytest.raises(UnknownSymbolError) as info:
        filled.values("QQQ")
    message = str(info.value)
    assert "'QQQ'" in message
    assert "Symbols available: DGS10, IWM, SPY." in message

    with pytest.raises(UnknownSymbolError, match="none \\(the store is empty\\)"):
        MarketStore.in_memory().values("IWM")


def test_bars_of_a_series_is_an_error(filled: MarketStore) -> None:
    with pytest.raises(UnknownSymbolError, match="single-value series"):
        filled.bars("DGS10")


def test_symbols_are_case_insensitive_on_read(filled: MarketStore) -> None:
    assert filled.values(" iwm ").name == "IWM"
    assert filled.count_rows("bars", "iwm") == 3
    assert filled.table_of("DGS10") == "series"
    assert filled.table_of("NOPE") is None


def test_null_volume_is_kept(filled: MarketStore) -> None:
    volume = filled.bars("SPY")["volume"]
    assert volume.iloc[0] == 80e6
    assert pd.isna(volume.iloc[1])


def test_coverage(filled: MarketStore) -> None:
    coverage = filled.coverage()
    assert list(coverage.columns) == ["symbol", "kind", "first", "last", "rows", "imported_at"]
    got = [
        (r.symbol, r.kind, r.first.date(), r.last.date(), r.rows)
        for r in coverage.itertuples(index=False)
    ]
    assert got == [
        ("DGS10", "series", D2, D7, 3),
        ("IWM", "bars", D2, D7, 3),
        ("SPY", "bars", D2, D6, 2),
    ]
    assert MarketStore.in_memory().coverage().empty


def test_every_row_records_source_and_import_time(store: MarketStore) -> None:
    before = datetime.now(UTC).replace(tzinfo=None)
    store.upsert_bars(bars_frame("IWM", [(D2, 10.0, 1.0)]), "/data/IWM.csv")
    store.upsert_series(series_frame("DGS10", [(D2, 4.19), (D5, 4.17)]), "fred:DGS10")
    store.upsert_symbols([{"symbol": "IWM", "name": "Russell 2000"}], "registry")
    after = datetime.now(UTC).replace(tzinfo=None)

    rows = provenance(store, "bars") + provenance(store, "series")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("IWM", D2, "/data/IWM.csv"),
        ("DGS10", D2, "fred:DGS10"),
        ("DGS10", D5, "fred:DGS10"),
    ]
    for row in rows:
        assert before <= row[3] <= after
    symbol_rows = store._con.execute("SELECT source, imported_at FROM symbols").fetchall()
    assert symbol_rows[0][0] == "registry"
    assert before <= symbol_rows[0][1] <= after
    assert before <= coverage_import_time(store, "DGS10") <= after


def coverage_import_time(store: MarketStore, symbol: str) -> datetime:
    coverage = store.coverage().set_index("symbol")
    return coverage.loc[symbol, "imported_at"].to_pydatetime()  # type: ignore[no-any-return]


def test_record_import(store: MarketStore) -> None:
    assert store.imported_hash("/x.csv") is None
    store.record_import("/x.csv", "h1", 3)
    store.record_import("/x.csv", "h2", 4)
    assert store.imported_hash("/x.csv") == "h2"
    assert store.count_rows("imports") == 1


def test_count_rows_rejects_unknown_tables(store: MarketStore) -> None:
    with pytest.raises(ValueError):
        store.count_rows("bars; DROP TABLE bars")
