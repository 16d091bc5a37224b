"""A changed file is the truth for its rows: rows deleted from it disappear on re-import."""

from __future__ import annotations

from pathlib import Path

from copilot.market.store import MarketStore
from ingest.market.folder import import_file


def test_rows_removed_from_a_file_disappear_on_reimport(tmp_path: Path) -> None:
    path = tmp_path / "ABC.csv"
    path.write_text("Date,Price\n2026-01-02,10\n2026-01-05,11\n2026-01-06,12\n")
    with MarketStore.open(tmp_path / "m.duckdb") as store:
        assert import_file(store, path).rows == 3
        path.write_text("Date,Price\n2026-01-02,10\n2026-01-06,12.5\n")
        again = import_file(store, path)
        assert again.status == "imported" and again.rows == 2
        values = store.values("ABC")
        assert [d.date().isoformat() for d in values.index] == ["2026-01-02", "2026-01-06"]
        assert values.iloc[-1] == 12.5


def test_changing_the_symbol_override_moves_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("Date,Price\n2026-01-02,10\n")
    with MarketStore.open(tmp_path / "m.duckdb") as store:
        import_file(store, path, symbol="OLD")
        import_file(store, path, symbol="NEW")
        assert store.stored_symbols() == ["NEW"]
