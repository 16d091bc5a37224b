"""CSV layout detection and folder import, on small files these tests write themselves.

Malformed files must fail with a message that names the file and says what is wrong, with nothing
from that file stored. Well-formed files in every known layout must import with the values written
into them (expected values are the literals in the file contents below).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from copilot.errors import ImportFileError
from copilot.market.store import MarketStore
from ingest.market.folder import ImportResult, import_file, import_folder
from ingest.market.layouts import decode, parse_text, symbol_from_name

BARS = "date,open,high,low,close,volume\n"
KNOWN_LAYOUT_NAMES = ("yahoo", "bars", "ohlc", "long-series", "value-series", "fred", "symbols")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[MarketStore]:
    with MarketStore.open(tmp_path / "m.duckdb") as s:
        yield s


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))  # exact bytes: no newline translation
    else:
        path.write_bytes(content)
    return path


def assert_nothing_stored(store: MarketStore, path: Path) -> None:
    assert store.count_rows("bars") == 0
    assert store.count_rows("series") == 0
    assert store.count_rows("symbols") == 0
    assert store.count_rows("imports") == 0
    assert store.imported_hash(str(path.resolve())) is None


def assert_rejected(store: MarketStore, path: Path, result: ImportResult, *words: str) -> None:
    assert result.status == "failed", result
    assert result.error is not None
    assert path.name in result.error, result.error
    for word in words:
        assert word.lower() in result.error.lower(), (word, result.error)
    assert result.rows == 0
    assert_nothing_stored(store, path)


# ---- malformed files: each fails whole, with a clear error, nothing stored ----------------------

BAD_ROW_HINT = ("nothing imported from this file", "--skip-bad-rows")

MALFORMED: list[tuple[str, bytes, tuple[str, ...]]] = [
    (
        "semicolon",
        b"date;open;high;low;close;volume\n2026-01-02;1;2;0.5;1.5;10\n",
        ("unknown CSV layout", "not comma-separated", "Known layouts", *KNOWN_LAYOUT_NAMES),
    ),
    (
        "tab_delimited",
        b"date\topen\thigh\tlow\tclose\tvolume\n2026-01-02\t1\t2\t0.5\t1.5\t10\n",
        ("unknown CSV layout", "not comma-separated"),
    ),
    (
        "latin1",
        "Symbol,Security\nNESN,Nestlé\n".encode("latin-1"),
        ("not valid UTF-8", "0xe9", "Latin-1", "--encoding latin-1"),
    ),
    (
        "latin1_header",
        "Date,Taux d'intérêt\n2026-01-02,4.1\n".encode("latin-1"),
        ("not valid UTF-8", "Latin-1"),
    ),
    (
        "utf16le_no_bom",
        (BARS + "2026-01-02,1,2,0.5,1.5,10\n").encode("utf-16-le"),
        ("NUL bytes", "UTF-16", "byte-order mark"),
    ),
    (
        "utf16be_no_bom",
        (BARS + "2026-01-02,1,2,0.5,1.5,10\n").encode("utf-16-be"),
        ("NUL bytes", "UTF-16 without a byte-order mark"),
    ),
    (
        "truncated_last_line",
        (
            BARS + "2026-01-02,247.63,249.09,245.86,248.78,40007700\n2026-01-05,249.79,253.55,249"
        ).encode(),
        ("row 3", "4 fields, expected 6", "truncated", *BAD_ROW_HINT),
    ),
    (
        "missing_close_and_volume",
        b"date,open,high,low\n2026-01-02,1,2,0.5\n",
        ("unknown CSV layout", "'date,open,high,low'", "Known layouts", *KNOWN_LAYOUT_NAMES),
    ),
    (
        "missing_close",
        b"date,open,high,low,volume\n2026-01-02,1,2,0.5,10\n",
        ("unknown CSV layout", "Known layouts"),
    ),
    (
        "text_in_numeric",
        (BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,0.5,twelve,10\n").encode(),
        ("1 bad row,", "row 3", "'twelve' is not a number", *BAD_ROW_HINT),
    ),
    (
        "text_in_value_series",
        b"Date,Rate\n2026-01-02,4.10\n2026-01-05,4.2O\n",
        ("row 3", "'4.2O' is not a number"),
    ),
    (
        "negative_price",
        (BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,-0.5,1.5,10\n").encode(),
        ("row 3", "non-positive price", "low -0.5"),
    ),
    (
        "zero_price",
        (BARS + "2026-01-02,0,2,0.5,1.5,10\n2026-01-05,1,2,0.5,1.5,10\n").encode(),
        ("row 2", "non-positive price", "open 0.0"),
    ),
    (
        "negative_volume",
        (BARS + "2026-01-02,1,2,0.5,1.5,-10\n").encode(),
        ("row 2", "negative volume"),
    ),
    (
        "duplicate_dates",
        (
            BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,0.5,1.6,10\n"
            "2026-01-05,1,2,0.5,1.7,10\n2026-01-06,1,2,0.5,1.8,10\n"
        ).encode(),
        ("row 4", "duplicate date 2026-01-05", "first on row 3", *BAD_ROW_HINT),
    ),
    (
        "duplicate_dates_fred",
        b"observation_date,DGS10\n2026-01-02,4.19\n2026-01-02,4.18\n",
        ("row 3", "duplicate date 2026-01-02"),
    ),
    (
        "duplicate_long_series",
        b"indicator,value,date,series\n10Y,4.05,2026-02-17,DGS10\n10Y,4.06,2026-02-17,DGS10\n",
        ("row 3", "duplicate DGS10 on 2026-02-17", "first on row 2"),
    ),
    (
        "duplicate_symbols",
        b"Symbol,Security,GICS Sector\nMMM,3M,Industrials\nMMM,3M Co,Industrials\n",
        ("row 3", "duplicate symbol MMM"),
    ),
    (
        "unsorted_dates",
        (
            BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-06,1,2,0.5,1.6,10\n"
            "2026-01-05,1,2,0.5,1.7,10\n2026-01-07,1,2,0.5,1.8,10\n"
        ).encode(),
        ("row 4", "2026-01-05 comes after 2026-01-06", "not sorted"),
    ),
    (
        "nan_and_inf",
        (
            BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,0.5,NaN,10\n"
            "2026-01-06,inf,2,0.5,1.5,10\n2026-01-07,1,2,0.5,1.5,-inf\n"
        ).encode(),
        (
            "3 bad rows",
            "row 3: 'NaN' is not a finite number",
            "row 4: 'inf' is not a finite number",
            "row 5: '-inf' is not a finite number",
        ),
    ),
    (
        "nan_in_value_series",
        b"Date,Price\n2026-01-02,61.5\n2026-01-05,nan\n",
        ("row 3", "'nan' is not a finite number"),
    ),
    (
        "bad_date",
        (BARS + "2026-13-45,1,2,0.5,1.5,10\n").encode(),
        ("row 2", "'2026-13-45' is not a date"),
    ),
    ("empty", b"", ("the file is empty",)),
    ("blank_lines_only", b"\n \r\n\n", ("the file is empty",)),
    ("header_only", BARS.encode(), ("has a header (bars) but no rows",)),
    ("header_only_fred", b"observation_date,DGS10\n\n", ("has a header (fred) but no rows",)),
]


@pytest.mark.parametrize(
    ("name", "content", "words"), MALFORMED, ids=[case[0] for case in MALFORMED]
)
def test_malformed_file_is_rejected_whole(
    tmp_path: Path, store: MarketStore, name: str, content: bytes, words: tuple[str, ...]
) -> None:
    path = write(tmp_path, f"{name}.csv", content)
    result = import_file(store, path)
    assert_rejected(store, path, result, *words)


def test_bar_file_missing_high_low_is_rejected(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "missing_high_low.csv", "date,open,close\n2026-01-02,1,2\n")
    result = import_file(store, path)
    assert_rejected(store, path, result)


def test_bad_file_does_not_stop_or_pollute_the_others(tmp_path: Path, store: MarketStore) -> None:
    write(tmp_path, "GOOD.csv", BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,0.5,1.6,11\n")
    bad = write(tmp_path, "BAD.csv", BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-05,1,2,0,1.6,11\n")
    results = {Path(r.source).name: r for r in import_folder(store, tmp_path)}
    assert results["GOOD.csv"].status == "imported"
    assert results["BAD.csv"].status == "failed"
    assert "row 3" in (results["BAD.csv"].error or "")
    assert store.count_rows("bars") == 2
    assert store.count_rows("bars", "BAD") == 0
    assert store.imported_hash(str(bad.resolve())) is None
    assert store.count_rows("imports") == 1


def test_bad_rows_listing_is_capped(tmp_path: Path, store: MarketStore) -> None:
    lines = "".join(f"2026-01-{d:02d},1,2,0.5,x,10\n" for d in range(2, 16))  # 14 bad rows
    path = write(tmp_path, "MANY.csv", BARS + lines)
    result = import_file(store, path)
    assert_rejected(store, path, result, "14 bad rows", "row 2:", "row 11:", "and 4 more")
    assert "row 12:" not in (result.error or "")


# ---- encodings and line endings that must import ------------------------------------------------

GOOD_BARS = (
    BARS
    + "2026-01-02,247.63,249.09,245.86,248.78,40007700\n"
    + "2026-01-05,249.79,253.55,249.57,252.73,37428100\n"
)


@pytest.mark.parametrize(
    "content",
    [
        "\ufeff".encode() + GOOD_BARS.encode(),
        GOOD_BARS.encode("utf-16"),  # with BOM (little-endian on this platform)
        b"\xfe\xff" + GOOD_BARS.encode("utf-16-be"),
        GOOD_BARS.replace("\n", "\r\n").encode(),
        GOOD_BARS.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=["utf8_bom", "utf16_bom_le", "utf16_bom_be", "crlf", "utf16_bom_crlf"],
)
def test_encodings_and_line_endings_import(
    tmp_path: Path, store: MarketStore, content: bytes
) -> None:
    path = write(tmp_path, "IWM.csv", content)
    result = import_file(store, path)
    assert result.status == "imported", result.error
    assert result.layout == "bars"
    assert result.symbols == ["IWM"]
    assert (result.rows, result.first, result.last) == (2, date(2026, 1, 2), date(2026, 1, 5))
    bars = store.bars("IWM")
    assert bars.loc["2026-01-05"].to_dict() == {
        "open": 249.79,
        "high": 253.55,
        "low": 249.57,
        "close": 252.73,
        "volume": 37428100.0,
    }
    assert store.count_rows("bars") == 2


def test_decode_strips_bom_and_honours_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    assert decode(path, "\ufeffa,b\n".encode()) == "a,b\n"
    assert decode(path, "a,b\n".encode("utf-16")) == "a,b\n"
    assert decode(path, "Nestlé\n".encode("latin-1"), "latin-1") == "Nestlé\n"
    with pytest.raises(ImportFileError, match="cannot decode as utf-8"):
        decode(path, "Nestlé\n".encode("latin-1"), "utf-8")
    with pytest.raises(ImportFileError, match="no-such-codec"):
        decode(path, b"a,b\n", "no-such-codec")


def test_latin1_file_imports_with_explicit_encoding(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "list.csv", "Symbol,Security\nNESN,Nestlé\n".encode("latin-1"))
    result = import_file(store, path, encoding="latin-1")
    assert result.status == "imported", result.error
    assert store.symbol_info("NESN") == {
        "symbol": "NESN",
        "name": "Nestlé",
        "kind": "stock",
        "represents": None,
        "sector": None,
    }


def test_newest_first_file_is_stored_oldest_first(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "DESC.csv",
        BARS + "2026-01-07,3,4,2.5,3.5,30\n2026-01-06,2,3,1.5,2.5,20\n2026-01-05,1,2,0.5,1.5,10\n",
    )
    result = import_file(store, path)
    assert result.status == "imported", result.error
    assert any("newest-first" in note for note in result.notes), result.notes
    assert (result.first, result.last) == (date(2026, 1, 5), date(2026, 1, 7))
    closes = store.values("DESC")
    assert [d.date() for d in closes.index] == [
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 7),
    ]
    assert closes.tolist() == [1.5, 2.5, 3.5]
    assert store.bars("DESC")["volume"].tolist() == [10.0, 20.0, 30.0]


def test_newest_first_value_series_with_holiday(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "R.csv", "Date,Rate\n2026-01-20,4.29\n2026-01-19,\n2026-01-16,4.23\n")
    result = import_file(store, path)
    assert result.status == "imported", result.error
    assert any("newest-first" in note for note in result.notes)
    assert store.values("R").tolist() == [4.23, 4.29]


# ---- each known layout --------------------------------------------------------------------------


def test_generic_bars(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "spy.csv", GOOD_BARS)
    result = import_file(store, path)
    assert (result.status, result.layout, result.symbols) == ("imported", "bars", ["SPY"])
    assert result.notes == []
    bars = store.bars("SPY")
    assert list(bars.columns) == ["open", "high", "low", "close", "volume"]
    assert bars.loc["2026-01-02"].tolist() == [247.63, 249.09, 245.86, 248.78, 40007700.0]
    assert store.symbol_info("SPY") is not None
    assert store.imported_hash(str(path.resolve())) is not None


def test_yahoo_export_stores_close_not_adj_close(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "QQQ.csv",
        "Date,Open,High,Low,Close,Adj Close,Volume\n"
        "2026-01-02,614.10,618.00,610.50,616.20,612.90,51000000\n"
        "2026-01-05,617.00,621.30,615.10,620.40,617.05,48000000\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout) == ("imported", "yahoo")
    notes = result.notes
    assert any("Adj Close stored as the adjusted close" in note for note in notes), notes
    assert store.values("QQQ").tolist() == [616.20, 620.40]
    assert store.values("QQQ", adjusted=True).tolist() == [612.90, 617.05]
    assert store.bars("QQQ").loc["2026-01-05", "volume"] == 48000000.0


@pytest.mark.parametrize("date_header", ["observation_date", "DATE"])
def test_fred_skips_dot_and_blank_holidays(
    tmp_path: Path, store: MarketStore, date_header: str
) -> None:
    path = write(
        tmp_path,
        "DGS10.csv",
        f"{date_header},DGS10\n2026-01-01,.\n2026-01-02,4.19\n2026-01-05,4.17\n"
        "2026-01-19,\n2026-01-20,4.29\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout, result.symbols) == ("imported", "fred", ["DGS10"])
    assert "2 dates without an observation ('.' or blank) skipped" in result.notes
    values = store.values("DGS10")
    assert [d.date() for d in values.index] == [
        date(2026, 1, 2),
        date(2026, 1, 5),
        date(2026, 1, 20),
    ]
    assert values.tolist() == [4.19, 4.17, 4.29]
    assert store.count_rows("series") == 3


def test_ohlc_without_volume_leaves_volume_null(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "VIX.csv",
        "DATE,OPEN,HIGH,LOW,CLOSE\n2026-01-02,14.90,15.20,14.10,14.51\n"
        "2026-01-05,14.60,15.90,14.40,15.12\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout, result.rows) == ("imported", "ohlc", 2)
    assert any("no volume column" in note for note in result.notes)
    bars = store.bars("VIX")
    assert bars["volume"].isna().all()
    assert bars["close"].tolist() == [14.51, 15.12]


@pytest.mark.parametrize(
    ("header", "taken"), [("Date,Rate", "rate"), ("Date,Price", "price"), ("Date,Value", "value")]
)
def test_single_value_series_says_which_column(
    tmp_path: Path, store: MarketStore, header: str, taken: str
) -> None:
    path = write(tmp_path, "S.csv", f"{header}\n2026-01-02,4.11\n2026-01-05,4.25\n")
    result = import_file(store, path)
    assert (result.status, result.layout) == ("imported", "value-series")
    assert any(f"took column {taken!r}" in note.lower() for note in result.notes), result.notes
    assert store.values("S").tolist() == [4.11, 4.25]


def test_index_inflation_takes_index(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "CPI_monthly.csv",
        "Date,Index,Inflation\n2025-12-01,324.10,0.20\n2026-01-01,325.00,0.28\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout, result.symbols) == ("imported", "value-series", ["CPI"])
    [note] = result.notes
    assert "took column 'index'" in note.lower() and "ignored inflation" in note.lower()
    assert store.values("CPI").tolist() == [324.10, 325.00]


def test_value_series_keeps_non_positive_values_with_a_note(
    tmp_path: Path, store: MarketStore
) -> None:
    path = write(tmp_path, "WTI.csv", "Date,Price\n2020-04-17,18.27\n2020-04-20,-36.98\n")
    result = import_file(store, path)
    assert result.status == "imported", result.error
    assert "1 non-positive values kept (first 2020-04-20)" in result.notes
    assert store.values("WTI").tolist() == [18.27, -36.98]


def test_long_series(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "snapshot.csv",
        "indicator,value,date,series\n10Y Treasury Yield,4.05,2026-02-17,DGS10\n"
        "2Y Treasury Yield,3.43,2026-02-17,DGS2\n10Y Treasury Yield,4.06,2026-02-18,DGS10\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout, result.rows) == ("imported", "long-series", 3)
    assert result.symbols == ["DGS10", "DGS2"]
    assert "2 series in one file: DGS10, DGS2" in result.notes
    assert store.values("DGS10").tolist() == [4.05, 4.06]
    assert store.values("dgs2").tolist() == [3.43]
    assert store.count_rows("series", "SNAPSHOT") == 0


def test_symbols_list(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "constituents.csv",
        "Symbol,Security,GICS Sector,GICS Sub-Industry\n"
        "MMM,3M,Industrials,Industrial Conglomerates\n"
        'aos,"A. O. Smith",Industrials,Building Products\n'
        "ABT,Abbott Laboratories,Health Care,Health Care Equipment\n",
    )
    result = import_file(store, path)
    assert (result.status, result.layout, result.rows) == ("imported", "symbols", 3)
    assert store.count_rows("symbols") == 3
    assert store.count_rows("bars") == store.count_rows("series") == 0
    assert store.symbol_info("AOS") == {
        "symbol": "AOS",
        "name": "A. O. Smith",
        "kind": "stock",
        "represents": "Building Products",
        "sector": "Industrials",
    }
    assert store.symbol_info("ABT")["sector"] == "Health Care"  # type: ignore[index]


def test_symbol_override(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "export (3).csv", GOOD_BARS)
    result = import_file(store, path, symbol="iwm")
    assert result.symbols == ["IWM"]
    assert store.count_rows("bars", "IWM") == 2
    assert store.stored_symbols() == ["IWM"]


def test_symbol_override_in_folder_by_name_or_stem(tmp_path: Path, store: MarketStore) -> None:
    write(tmp_path, "a.csv", GOOD_BARS)
    write(tmp_path, "b.csv", "Date,Rate\n2026-01-02,4.1\n")
    results = import_folder(store, tmp_path, symbols={"a.csv": "RUT", "b": "FEDFUNDS"})
    assert [r.status for r in results] == ["imported", "imported"]
    assert store.stored_symbols() == ["FEDFUNDS", "RUT"]


@pytest.mark.parametrize(
    ("stem", "symbol"),
    [
        ("CPI_monthly", "CPI"),
        ("US10Y_monthly", "US10Y"),
        ("gdp-quarterly", "GDP"),
        ("DGS10_daily", "DGS10"),
        ("iwm", "IWM"),
        ("fred_yields_snapshot", "FRED_YIELDS_SNAPSHOT"),
    ],
)
def test_symbol_from_name(stem: str, symbol: str) -> None:
    assert symbol_from_name(stem) == symbol


def test_parse_text_names_the_path_in_errors() -> None:
    with pytest.raises(ImportFileError) as info:
        parse_text(Path("somewhere/odd.csv"), "foo,bar\n1,2\n")
    assert info.value.path == "somewhere/odd.csv"
    assert "unknown CSV layout" in info.value.reason
    assert str(info.value).startswith("somewhere/odd.csv: ")


# ---- --skip-bad-rows ----------------------------------------------------------------------------


def test_skip_bad_rows_stores_good_rows_and_lists_skipped(
    tmp_path: Path, store: MarketStore
) -> None:
    path = write(
        tmp_path,
        "MIX.csv",
        BARS + "2026-01-02,1,2,0.5,1.5,10\n"
        "2026-01-05,1,2,0.5,oops,10\n"
        "2026-01-06,1,2,0.5,1.6,10\n"
        "2026-01-07,1,2,-1,1.7,10\n"
        "2026-01-08,1,2,0.5,1.8,10\n",
    )
    strict = import_file(store, path)
    assert_rejected(store, path, strict, "2 bad rows", "row 3", "row 5")

    result = import_file(store, path, skip_bad_rows=True)
    assert result.status == "imported", result.error
    assert result.rows == 3
    [note] = [n for n in result.notes if n.startswith("skipped")]
    assert "skipped 2 bad rows" in note
    assert "row 3: 'oops' is not a number" in note
    assert "row 5: non-positive price" in note
    assert store.values("MIX").tolist() == [1.5, 1.6, 1.8]
    assert store.count_rows("bars") == 3


def test_skip_bad_rows_does_not_store_an_unsorted_row(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "UNS.csv",
        BARS + "2026-01-02,1,2,0.5,1.5,10\n2026-01-06,1,2,0.5,1.6,10\n"
        "2026-01-05,1,2,0.5,1.7,10\n2026-01-07,1,2,0.5,1.8,10\n",
    )
    result = import_file(store, path, skip_bad_rows=True)
    assert "row 4" in " ".join(result.notes)  # reported as skipped …
    assert store.values("UNS").tolist() == [1.5, 1.6, 1.8]  # … so it must not be stored


def test_skip_bad_rows_counts_only_stored_rows(tmp_path: Path, store: MarketStore) -> None:
    path = write(
        tmp_path,
        "DUP.csv",
        "Date,Rate\n2026-01-02,4.10\n2026-01-02,4.20\n2026-01-05,4.30\n",
    )
    result = import_file(store, path, skip_bad_rows=True)
    assert store.values("DUP").tolist() == [4.10, 4.30]
    assert result.rows == store.count_rows("series") == 2


# ---- re-import ----------------------------------------------------------------------------------


def test_reimport_unchanged_writes_nothing(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "IWM.csv", GOOD_BARS)
    first = import_file(store, path)
    assert first.status == "imported"
    stamp = store.coverage().loc[0, "imported_at"]

    again = import_file(store, path)
    assert (again.status, again.rows, again.layout) == ("unchanged", 0, "")
    assert again.notes == ["same content as the last import"]
    assert store.count_rows("bars") == 2
    assert store.count_rows("imports") == 1
    assert store.coverage().loc[0, "imported_at"] == stamp

    forced = import_file(store, path, force=True)
    assert (forced.status, forced.rows) == ("imported", 2)
    assert store.coverage().loc[0, "imported_at"] > stamp
    assert store.count_rows("bars") == 2


def test_changed_content_is_reimported_and_replaces_values(
    tmp_path: Path, store: MarketStore
) -> None:
    path = write(tmp_path, "IWM.csv", GOOD_BARS)
    assert import_file(store, path).status == "imported"
    old_hash = store.imported_hash(str(path.resolve()))

    write(
        tmp_path,
        "IWM.csv",
        GOOD_BARS.replace("252.73", "252.80") + "2026-01-06,252.24,256.25,251.52,256.08,40677800\n",
    )
    result = import_file(store, path)
    assert (result.status, result.rows) == ("imported", 3)
    assert store.imported_hash(str(path.resolve())) not in (None, old_hash)
    assert store.count_rows("bars") == 3
    assert store.count_rows("imports") == 1
    assert store.values("IWM").tolist() == [248.78, 252.80, 256.08]


def test_failed_reimport_keeps_the_previous_good_data(tmp_path: Path, store: MarketStore) -> None:
    path = write(tmp_path, "IWM.csv", GOOD_BARS)
    assert import_file(store, path).status == "imported"
    good_hash = store.imported_hash(str(path.resolve()))
    write(tmp_path, "IWM.csv", GOOD_BARS + "2026-01-06,1,2,0.5,bad,10\n")
    result = import_file(store, path)
    assert result.status == "failed"
    assert "row 4" in (result.error or "")
    assert store.values("IWM").tolist() == [248.78, 252.73]
    assert store.imported_hash(str(path.resolve())) == good_hash
