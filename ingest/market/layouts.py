"""Recognise the CSV layouts real users have and turn a file into validated rows.

A layout is recognised from the header alone. Parsing uses the csv module row by row so every
problem can be reported with its row number (row 1 is the header), and nothing is stored from a
file with a bad row unless the caller explicitly asks to skip bad rows.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from copilot.errors import ImportFileError, UnknownLayoutError

TableKind = Literal["bars", "series", "symbols"]

# Single-value series: the value column taken, in order of preference, when a file has several.
VALUE_COLUMNS = ("value", "close", "adj close", "price", "rate", "index", "level", "yield")
BAR_COLUMNS = ("open", "high", "low", "close")
DATE_COLUMNS = ("date", "observation_date", "timestamp", "time")
MISSING_MARKERS = ("", ".", "#n/a", "n/a", "na", "null")  # FRED writes "." or blank on holidays


@dataclass
class BadRow:
    row: int  # 1-based line in the file, header = 1
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass
class ParsedFile:
    """A file turned into standard-schema rows, with what was noticed on the way."""

    path: Path
    layout: str
    table: TableKind
    frame: pd.DataFrame  # bars: symbol,date,open,high,low,close,volume; series: symbol,date,value
    notes: list[str] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    symbol_rows: list[dict[str, str]] = field(default_factory=list)  # for the symbols table


@dataclass(frozen=True)
class Layout:
    name: str
    example: str
    matches: Callable[[list[str]], bool]


def _norm(header: list[str]) -> list[str]:
    return [h.strip().strip('"').lower() for h in header]


def _is_bars(h: list[str]) -> bool:
    return h[:1] == ["date"] and all(c in h for c in (*BAR_COLUMNS, "volume"))


def _is_yahoo(h: list[str]) -> bool:
    return h[:1] == ["date"] and "adj close" in h and all(c in h for c in BAR_COLUMNS)


def _is_ohlc(h: list[str]) -> bool:
    return h[:1] == ["date"] and all(c in h for c in BAR_COLUMNS) and "volume" not in h


def _is_fred(h: list[str]) -> bool:
    return len(h) == 2 and h[0] in ("observation_date", "date") and h[1] not in VALUE_COLUMNS


def _is_value(h: list[str]) -> bool:
    # A file with some but not all of open/high/low is broken bars, not a value series.
    partial_bars = any(c in h for c in ("open", "high", "low"))
    return (
        len(h) >= 2
        and h[0] in DATE_COLUMNS
        and any(c in VALUE_COLUMNS for c in h[1:])
        and not partial_bars
    )


def _is_long(h: list[str]) -> bool:
    return {"date", "value"} <= set(h) and bool({"series", "symbol"} & set(h))


def _is_constituents(h: list[str]) -> bool:
    return "symbol" in h and "date" not in h and ({"security", "name"} & set(h)) != set()


# Order matters: the first layout whose test passes wins.
LAYOUTS: tuple[Layout, ...] = (
    Layout("yahoo", "Date,Open,High,Low,Close,Adj Close,Volume", _is_yahoo),
    Layout("bars", "date,open,high,low,close,volume", _is_bars),
    Layout("ohlc", "DATE,OPEN,HIGH,LOW,CLOSE (no volume)", _is_ohlc),
    Layout("long-series", "indicator,value,date,series (one row per series and date)", _is_long),
    Layout("value-series", "Date,Rate | Date,Price | Date,Index,Inflation | Date,Value", _is_value),
    Layout("fred", "observation_date,SERIES or DATE,SERIES ('.'/blank = no value)", _is_fred),
    Layout("symbols", "Symbol,Security,GICS Sector,… (a symbol list, no dates)", _is_constituents),
)  # fmt: skip


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def known_layouts() -> str:
    return "; ".join(f"{layout.name} ({layout.example})" for layout in LAYOUTS)


def detect_layout(path: Path, header: list[str]) -> Layout:
    h = _norm(header)
    for layout in LAYOUTS:
        if layout.matches(h):
            return layout
    shown = ",".join(header) if header else "(no header)"
    hint = ""
    missing = [c for c in (*BAR_COLUMNS,) if c not in h]
    if h[:1] == ["date"] and 0 < len(missing) < len(BAR_COLUMNS):
        hint = f" It looks like price bars but lacks the column(s) {', '.join(missing)}."
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t", "|")):
        hint = " The header holds a single column: the file is not comma-separated."
    raise UnknownLayoutError(
        str(path), f"unknown CSV layout, header {shown!r}.{hint} Known layouts: {known_layouts()}."
    )


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or an explicit encoding."""
    if not data.strip():
        raise ImportFileError(str(path), "the file is empty.")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ImportFileError(str(path), f"cannot decode as {encoding}: {exc}.") from exc
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            str(path), "the file holds NUL bytes: binary, or UTF-16 without a byte-order mark."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            str(path),
            f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); it looks like "
            "Latin-1/Windows-1252. Re-save it as UTF-8 or pass --encoding latin-1.",
        ) from exc


def _number(text: str) -> float:
    try:
        value = float(text.strip().replace(",", ""))
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def _parse_date(text: str) -> date:
    text = text.strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)  # the common case, fast
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y", "%Y/%m/%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # Timestamps with a time zone, e.g. yfinance's "2026-01-02 00:00:00-05:00".
    try:
        return datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date") from exc


_FREQUENCY_SUFFIX = re.compile(r"[_-](daily|weekly|monthly|quarterly|annual|yearly)$", re.I)


def symbol_from_name(stem: str) -> str:
    """The symbol a file name implies: its stem without a frequency suffix (CPI_monthly → CPI)."""
    return _FREQUENCY_SUFFIX.sub("", stem).upper() or stem.upper()


def parse_file(path: Path, symbol: str | None = None, encoding: str | None = None) -> ParsedFile:
    """Read, recognise and validate one CSV. The symbol defaults to the file name's stem."""
    return parse_text(path, decode(path, path.read_bytes(), encoding), symbol)


def parse_text(path: Path, text: str, symbol: str | None = None) -> ParsedFile:
    """Recognise and validate CSV `text`; `path` names it in messages (and gives the symbol)."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise ImportFileError(str(path), f"not a readable CSV: {exc}.") from exc
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # trailing blank lines
    if not rows:
        raise ImportFileError(str(path), "the file is empty.")
    header, body = rows[0], rows[1:]
    layout = detect_layout(path, header)
    if not body:
        raise ImportFileError(str(path), f"the file has a header ({layout.name}) but no rows.")
    name = (symbol or symbol_from_name(path.stem)).upper()
    h = _norm(header)
    if layout.name == "symbols":
        return _parse_symbols(path, h, body)
    if layout.name == "long-series":
        return _parse_long(path, h, body)
    if layout.name in ("yahoo", "bars", "ohlc"):
        return _parse_bars(path, layout.name, name, h, body)
    return _parse_value(path, layout.name, name, header, body)


def _check_width(cells: list[str], width: int, row: int) -> BadRow | None:
    if len(cells) != width:
        return BadRow(row, f"{len(cells)} fields, expected {width} (truncated or malformed line)")
    return None


def _check_order(
    dates: list[tuple[int, date]], bad: list[BadRow], notes: list[str]
) -> tuple[bool, set[int]]:
    """Dates must strictly increase; a file entirely newest-first is accepted and reversed.

    Returns (reversed, rows flagged as duplicate or out of order).
    """
    if len(dates) > 1 and all(a[1] > b[1] for a, b in itertools.pairwise(dates)):
        notes.append("rows were newest-first; read in date order")
        return True, set()
    seen: dict[date, int] = {}
    flagged: set[int] = set()
    previous: date | None = None
    for row, day in dates:
        if day in seen:
            bad.append(BadRow(row, f"duplicate date {day} (first on row {seen[day]})"))
            flagged.add(row)
        elif previous is not None and day < previous:
            bad.append(BadRow(row, f"date {day} comes after {previous}: rows are not sorted"))
            flagged.add(row)
        seen.setdefault(day, row)
        previous = max(previous, day) if previous else day
    return False, flagged


def _frame(records: list[tuple[Any, ...]], flagged: set[int], reverse: bool, columns: list[str],
           symbol: str) -> pd.DataFrame:  # fmt: skip
    """Rows (each starting with its row number) minus flagged ones, oldest first."""
    kept = [r[1:] for r in records if r[0] not in flagged]
    frame = pd.DataFrame(kept[::-1] if reverse else kept, columns=columns)
    frame.insert(0, "symbol", symbol)
    return frame


def _parse_bars(
    path: Path, layout: str, symbol: str, h: list[str], body: list[list[str]]
) -> ParsedFile:
    idx = {c: h.index(c) for c in ("date", *BAR_COLUMNS, "volume", "adj close") if c in h}
    bad: list[BadRow] = []
    notes: list[str] = []
    if layout == "yahoo":
        notes.append("took Close as the close; Adj Close stored as the adjusted close")
    if layout == "ohlc":
        notes.append("no volume column; volume left empty")
    records: list[tuple[int, date, float, float, float, float, float | None, float]] = []
    dated: list[tuple[int, date]] = []
    for offset, cells in enumerate(body):
        row = offset + 2
        if (problem := _check_width(cells, len(h), row)) is not None:
            bad.append(problem)
            continue
        try:
            day = _parse_date(cells[idx["date"]])
            o, hi, lo, c = (_number(cells[idx[k]]) for k in BAR_COLUMNS)
            vol = _number(cells[idx["volume"]]) if "volume" in idx else None
            adj = _number(cells[idx["adj close"]]) if "adj close" in idx else c
        except ValueError as exc:
            bad.append(BadRow(row, str(exc)))
            continue
        if min(o, hi, lo, c) <= 0:
            bad.append(
                BadRow(row, f"non-positive price (open {o}, high {hi}, low {lo}, close {c})")
            )
            continue
        if vol is not None and vol < 0:
            bad.append(BadRow(row, f"negative volume {vol}"))
            continue
        dated.append((row, day))
        records.append((row, day, o, hi, lo, c, vol, adj))
    reverse, flagged = _check_order(dated, bad, notes)
    columns = ["date", "open", "high", "low", "close", "volume", "adj_close"]
    frame = _frame(records, flagged, reverse, columns, symbol)
    if layout != "yahoo":  # no adjusted closes in the file: stored as NULL (= close)
        frame = frame.drop(columns="adj_close")
    return ParsedFile(path, layout, "bars", frame, notes, bad)


def _parse_value(
    path: Path, layout: str, symbol: str, header: list[str], body: list[list[str]]
) -> ParsedFile:
    h = _norm(header)
    column = 1 if layout == "fred" else next(h.index(c) for c in VALUE_COLUMNS if c in h[1:])
    names = [name.strip() for name in header]
    others = [name for i, name in enumerate(names[1:], start=1) if i != column]
    note = f"took column {names[column]!r}" + (f"; ignored {', '.join(others)}" if others else "")
    notes = [note]
    bad: list[BadRow] = []
    records: list[tuple[int, date, float]] = []
    dated: list[tuple[int, date]] = []
    missing = 0
    for offset, cells in enumerate(body):
        row = offset + 2
        if (problem := _check_width(cells, len(h), row)) is not None:
            bad.append(problem)
            continue
        raw = cells[column].strip()
        try:
            day = _parse_date(cells[0])
            if raw.lower() in MISSING_MARKERS:
                missing += 1  # no observation that day (FRED's holidays): nothing to store
                dated.append((row, day))
                continue
            value = _number(raw)
        except ValueError as exc:
            bad.append(BadRow(row, str(exc)))
            continue
        dated.append((row, day))
        records.append((row, day, value))
    if missing:
        notes.append(f"{missing} dates without an observation ('.' or blank) skipped")
    negatives = [d for _, d, v in records if v <= 0]
    if negatives:
        # Series may legitimately be ≤ 0 (yields, spreads, inflation, WTI on 2020-04-20): kept,
        # but said out loud.
        notes.append(f"{len(negatives)} non-positive values kept (first {negatives[0]})")
    reverse, flagged = _check_order(dated, bad, notes)
    frame = _frame(records, flagged, reverse, ["date", "value"], symbol)
    return ParsedFile(path, layout, "series", frame, notes, bad)


def _parse_long(path: Path, h: list[str], body: list[list[str]]) -> ParsedFile:
    sym_col = h.index("series") if "series" in h else h.index("symbol")
    d_col, v_col = h.index("date"), h.index("value")
    bad: list[BadRow] = []
    records: list[tuple[str, date, float]] = []
    seen: dict[tuple[str, date], int] = {}
    for offset, cells in enumerate(body):
        row = offset + 2
        if (problem := _check_width(cells, len(h), row)) is not None:
            bad.append(problem)
            continue
        sym = cells[sym_col].strip().upper()
        try:
            day = _parse_date(cells[d_col])
            value = _number(cells[v_col].strip())
        except ValueError as exc:
            bad.append(BadRow(row, str(exc)))
            continue
        if not sym:
            bad.append(BadRow(row, "empty series name"))
            continue
        if (sym, day) in seen:
            bad.append(BadRow(row, f"duplicate {sym} on {day} (first on row {seen[(sym, day)]})"))
            continue
        seen[(sym, day)] = row
        records.append((sym, day, value))
    frame = pd.DataFrame(records, columns=["symbol", "date", "value"])
    names = sorted({r[0] for r in records})
    notes = [f"{len(names)} series in one file: {', '.join(names)}"]
    return ParsedFile(path, "long-series", "series", frame, notes, bad)


def _parse_symbols(path: Path, h: list[str], body: list[list[str]]) -> ParsedFile:
    def col(*names: str) -> int | None:
        return next((h.index(n) for n in names if n in h), None)

    s, n = col("symbol"), col("security", "name")
    sector, sub = col("gics sector", "sector"), col("gics sub-industry", "industry")
    assert s is not None and n is not None  # guaranteed by the layout test
    bad: list[BadRow] = []
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for offset, cells in enumerate(body):
        row = offset + 2
        if (problem := _check_width(cells, len(h), row)) is not None:
            bad.append(problem)
            continue
        sym = cells[s].strip().upper()
        if not sym or sym in seen:
            bad.append(BadRow(row, "empty symbol" if not sym else f"duplicate symbol {sym}"))
            continue
        seen.add(sym)
        out.append(
            {
                "symbol": sym,
                "name": cells[n].strip(),
                "sector": cells[sector].strip() if sector is not None else "",
                "represents": cells[sub].strip() if sub is not None else "",
            }
        )
    return ParsedFile(path, "symbols", "symbols", pd.DataFrame(), [], bad, out)
