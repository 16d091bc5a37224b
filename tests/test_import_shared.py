"""Import ../shared/data/market and check it file by file against the raw CSVs.

The expected figures are read here with Python's `csv` module, independently of the code under
test; a few are also literals (WTI's negative close, DGS10 in the yields snapshot).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from copilot.market.store import MarketStore
from ingest.market.folder import ImportResult, import_folder

CHECK_DATES = ("2025-06-02", "2025-11-28", "2026-01-22")


@dataclass
class Imported:
    root: Path
    store: MarketStore
    results: dict[str, ImportResult]  # by path relative to root


def read_raw(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = [row for row in csv.reader(handle) if row]
    return rows[0], rows[1:]


def count_csv_files(root: Path) -> int:
    return sum(
        name.lower().endswith(".csv") for _dir, _subdirs, names in os.walk(root) for name in names
    )


def stored_dates(store: MarketStore, symbol: str) -> list[date]:
    return [ts.date() for ts in store.values(symbol).index]


@pytest.fixture(scope="module")
def imported(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    root = shared_data / "market"
    path = tmp_path_factory.mktemp("import-shared") / "m.duckdb"
    with MarketStore.open(path) as store:
        results = import_folder(store, root)
        by_name = {str(Path(r.source).relative_to(root.resolve())): r for r in results}
        yield Imported(root, store, by_name)


def test_every_file_imported(imported: Imported) -> None:
    assert len(imported.results) == count_csv_files(imported.root)
    failed = {name: r.error for name, r in imported.results.items() if r.status != "imported"}
    assert failed == {}


def price_files(root: Path) -> list[Path]:
    return sorted((root / "prices").glob("*.csv"))


def test_prices_file_by_file(imported: Imported) -> None:
    files = price_files(imported.root)
    assert len(files) >= 30
    for path in files:
        header, rows = read_raw(path)
        assert [h.lower() for h in header] == ["date", "open", "high", "low", "close", "volume"]
        symbol = path.stem.upper()
        result = imported.results[f"prices/{path.name}"]
        assert (result.layout, result.symbols, result.rows) == ("bars", [symbol], len(rows))
        assert imported.store.count_rows("bars", symbol) == len(rows), path.name
        first, last = imported.store.date_range(symbol)
        assert (first.isoformat(), last.isoformat()) == (rows[0][0], rows[-1][0]), path.name
        raw_close = {r[0]: float(r[4]) for r in rows}
        bars = imported.store.bars(symbol)
        for day in CHECK_DATES:
            assert bars.loc[day, "close"] == raw_close[day], (path.name, day)
        raw_last = rows[-1]
        assert bars.iloc[-1].tolist() == [float(x) for x in raw_last[1:]], path.name


def test_vix_is_ohlc_without_volume(imported: Imported) -> None:
    header, rows = read_raw(imported.root / "series" / "VIX.csv")
    assert header == ["DATE", "OPEN", "HIGH", "LOW", "CLOSE"]
    # CBOE rows dated on NYSE holidays (e.g. 2026-01-19, MLK day) are left out and reported;
    # the holidays come straight from exchange-calendars, not from the code under test.
    import exchange_calendars as xcals

    sessions = {
        ts.date().isoformat() for ts in xcals.get_calendar("XNYS", start="1990-01-02").sessions
    }
    kept = [r for r in rows if r[0] in sessions]
    dropped = len(rows) - len(kept)
    assert dropped > 0 and "2026-01-19" not in sessions
    result = imported.results["series/VIX.csv"]
    assert (result.layout, result.rows) == ("ohlc", len(kept))
    assert any(f"left out {dropped} rows" in note for note in result.notes), result.notes
    assert imported.store.count_rows("bars", "VIX") == len(kept)
    bars = imported.store.bars("VIX")
    assert bars["volume"].isna().all()
    assert "2026-01-19" not in {d.date().isoformat() for d in bars.index}
    assert bars.loc[kept[0][0], "close"] == float(kept[0][4])
    assert bars.loc[kept[-1][0], "close"] == float(kept[-1][4])


def test_sp500_drops_blank_holidays(imported: Imported) -> None:
    header, rows = read_raw(imported.root / "series" / "SP500.csv")
    assert header == ["observation_date", "SP500"]
    blanks = {r[0] for r in rows if r[1].strip() in ("", ".")}
    assert blanks  # the raw file does have holidays without a value
    result = imported.results["series/SP500.csv"]
    assert result.layout == "fred"
    assert f"{len(blanks)} dates without an observation ('.' or blank) skipped" in result.notes
    assert imported.store.count_rows("series", "SP500") == len(rows) - len(blanks)
    dates = {d.isoformat() for d in stored_dates(imported.store, "SP500")}
    assert dates.isdisjoint(blanks)
    assert dates == {r[0] for r in rows} - blanks
    values = imported.store.values("SP500")
    last_good = next(r for r in reversed(rows) if r[1].strip())
    assert values.loc[last_good[0]] == float(last_good[1])


def test_cpi_monthly_stored_as_cpi_with_index(imported: Imported) -> None:
    header, rows = read_raw(imported.root / "series" / "CPI_monthly.csv")
    assert header == ["Date", "Index", "Inflation"]
    result = imported.results["series/CPI_monthly.csv"]
    assert result.symbols == ["CPI"]
    assert any("index" in n.lower() and "ignored inflation" in n.lower() for n in result.notes)
    assert imported.store.count_rows("series", "CPI") == len(rows)
    assert imported.store.count_rows("series", "CPI_MONTHLY") == 0
    values = imported.store.values("CPI")
    for r in (rows[0], rows[len(rows) // 2], rows[-1]):
        assert values.loc[r[0]] == float(r[1])  # Index, not Inflation


def test_us10y_monthly_rate(imported: Imported) -> None:
    header, rows = read_raw(imported.root / "series" / "US10Y_monthly.csv")
    assert header == ["Date", "Rate"]
    assert imported.store.count_rows("series", "US10Y") == len(rows)
    assert imported.store.values("US10Y").loc[rows[-1][0]] == float(rows[-1][1])


def test_wti_negative_price_kept_with_note(imported: Imported) -> None:
    _header, rows = read_raw(imported.root / "series" / "WTI.csv")
    raw = dict((r[0], r[1]) for r in rows)
    assert float(raw["2020-04-20"]) == -36.98
    result = imported.results["series/WTI.csv"]
    assert any("non-positive values kept" in n and "2020-04-20" in n for n in result.notes)
    assert imported.store.count_rows("series", "WTI") == len(rows)
    assert imported.store.values("WTI").loc["2020-04-20"] == -36.98


def test_fred_yields_snapshot_long_series(imported: Imported) -> None:
    header, rows = read_raw(imported.root / "series" / "fred_yields_snapshot.csv")
    assert header == ["indicator", "value", "date", "series"]
    raw = {(r[3], r[2]): float(r[1]) for r in rows}
    assert raw[("DGS10", "2026-02-17")] == 4.05
    result = imported.results["series/fred_yields_snapshot.csv"]
    assert (result.layout, result.rows) == ("long-series", len(rows))
    assert result.symbols == sorted({r[3] for r in rows})
    assert imported.store.values("DGS10").loc["2026-02-17"] == 4.05
    for (series, day), value in raw.items():
        assert imported.store.values(series).loc[day] == value


def test_sp500_constituents_fill_symbol_table(imported: Imported) -> None:
    path = imported.root / "reference" / "sp500_constituents.csv"
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    result = imported.results["reference/sp500_constituents.csv"]
    assert (result.layout, result.rows) == ("symbols", len(rows))
    for row in rows:
        info = imported.store.symbol_info(row["Symbol"])
        assert info is not None, row["Symbol"]
        assert (info["name"], info["sector"]) == (row["Security"], row["GICS Sector"])
        assert info["represents"] == row["GICS Sub-Industry"]


def test_reimport_is_all_unchanged(imported: Imported) -> None:
    before = {t: imported.store.count_rows(t) for t in ("bars", "series", "symbols", "imports")}
    again = import_folder(imported.store, imported.root)
    assert {r.status for r in again} == {"unchanged"}
    assert len(again) == count_csv_files(imported.root)
    assert sum(r.rows for r in again) == 0
    after = {t: imported.store.count_rows(t) for t in ("bars", "series", "symbols", "imports")}
    assert after == before


def test_cli_ingest_market(shared_data: Path, tmp_path: Path) -> None:
    folder = shared_data / "market"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPILOT_")}
    repo = str(Path(__file__).resolve().parents[1])
    env.update(COPILOT_DATA_DIR=str(tmp_path), COLUMNS="200", NO_COLOR="1", PYTHONPATH=repo)
    run = subprocess.run(
        [sys.executable, "-m", "copilot", "ingest", "market", str(folder)],
        env=env,
        cwd=tmp_path,  # no stray .env
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    n = count_csv_files(folder)
    assert f"{n} imported (" in run.stdout
    assert "0 unchanged, 0 failed." in run.stdout
    with MarketStore.open(tmp_path / "market.duckdb", read_only=True) as store:
        assert store.count_rows("imports") == n
        _header, rows = read_raw(folder / "prices" / "IWM.csv")
        assert store.count_rows("bars", "IWM") == len(rows)
