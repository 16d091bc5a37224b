"""Import every CSV under a folder into the market store, one transaction per file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from copilot.errors import ImportFileError
from copilot.market.calendar import split_sessions
from copilot.market.store import MarketStore
from copilot.market.symbols import lookup
from ingest.market.layouts import ParsedFile, parse_file, plural

Status = Literal["imported", "unchanged", "failed"]
MAX_BAD_ROWS_SHOWN = 10


@dataclass
class ImportResult:
    """What happened to one input (a file, or one online symbol)."""

    source: str
    status: Status
    layout: str = ""
    symbols: list[str] = field(default_factory=list)
    rows: int = 0
    first: date | None = None
    last: date | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def csv_files(root: Path) -> list[Path]:
    """Every *.csv under `root` (or `root` itself), in a stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise ImportFileError(str(root), "no such file or folder.")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() == ".csv")


def import_folder(
    store: MarketStore,
    root: Path,
    symbols: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    force: bool = False,
    on_file: Callable[[Path], None] | None = None,
) -> list[ImportResult]:
    """Import each CSV under `root`; one file's failure never stops or undoes the others.

    `symbols` maps a file name (or stem) to the symbol to store it under.
    """
    results = []
    for path in csv_files(root):
        override = (symbols or {}).get(path.name) or (symbols or {}).get(path.stem)
        results.append(import_file(store, path, override, skip_bad_rows, encoding, force))
        if on_file is not None:
            on_file(path)
    return results


def import_file(
    store: MarketStore,
    path: Path,
    symbol: str | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    force: bool = False,
) -> ImportResult:
    source = str(path.resolve())
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ImportResult(source, "failed", error=f"{path}: cannot read: {exc.strerror}")
    digest = hashlib.sha256(data + (symbol or "").encode()).hexdigest()
    if not force and store.imported_hash(source) == digest:
        return ImportResult(source, "unchanged", notes=["same content as the last import"])
    try:
        parsed = parse_file(path, symbol, encoding)
    except ImportFileError as exc:
        return ImportResult(source, "failed", error=str(exc))
    result = ImportResult(source, "imported", parsed.layout, notes=list(parsed.notes))
    if parsed.bad_rows:
        shown = "; ".join(str(b) for b in parsed.bad_rows[:MAX_BAD_ROWS_SHOWN])
        more = len(parsed.bad_rows) - MAX_BAD_ROWS_SHOWN
        listing = shown + (f"; … and {more} more" if more > 0 else "")
        if not skip_bad_rows:
            result.status = "failed"
            result.error = (
                f"{path}: {plural(len(parsed.bad_rows), 'bad row')}, nothing imported from this "
                f"file ({listing}). Fix them, or pass --skip-bad-rows to import the other rows."
            )
            return result
        result.notes.append(f"skipped {plural(len(parsed.bad_rows), 'bad row')} ({listing})")
    if parsed.table == "bars":
        _drop_non_sessions(parsed, result)
    _store(store, parsed, source, digest, result)
    return result


def _drop_non_sessions(parsed: ParsedFile, result: ImportResult) -> None:
    """Bars dated on days the NYSE was closed would corrupt "previous session" returns: they are
    left out, and the summary says which. Bars beyond every calendar (before 1885, or after the
    calendar's last year) are kept unchecked, and the summary says so."""
    frame = parsed.frame
    if frame.empty:
        return
    closed, unchecked = split_sessions(list(frame["date"]))
    if unchecked:
        result.notes.append(
            f"{plural(len(unchecked), 'row')} dated outside the NYSE calendar "
            f"({_shown(unchecked)}) kept without checking for holidays"
        )
    if closed:
        off = frame["date"].isin(closed)
        result.notes.append(
            f"left out {plural(len(closed), 'row')} dated on days the NYSE was closed "
            f"({_shown(sorted(closed))})"
        )
        parsed.frame = frame.loc[~off].reset_index(drop=True)


def _shown(days: list[date]) -> str:
    return ", ".join(str(d) for d in days[:5]) + (" …" if len(days) > 5 else "")


def _store(
    store: MarketStore, parsed: ParsedFile, source: str, digest: str, result: ImportResult
) -> None:
    frame = parsed.frame
    with store.transaction():
        # The file is the truth for its own rows: rows deleted from it since the last import
        # (or stored under a previous symbol override) go too.
        store.delete_source(source)
        if parsed.table == "bars":
            result.rows = store.upsert_bars(frame, source)
        elif parsed.table == "series":
            result.rows = store.upsert_series(frame, source)
        else:
            rows = [dict(r, kind="stock") for r in parsed.symbol_rows]
            result.rows = store.upsert_symbols(rows, source)
            result.symbols = [f"{len(rows)} symbols"]
        if parsed.table != "symbols":
            result.symbols = sorted(frame["symbol"].unique().tolist())
            described = [describe_symbol(s, parsed.table, store) for s in result.symbols]
            store.upsert_symbols(described, source)
            result.first, result.last = frame["date"].min(), frame["date"].max()
        store.record_import(source, digest, result.rows)


def describe_symbol(
    symbol: str, table: str, store: MarketStore | None = None
) -> dict[str, str | None]:
    """A symbol-table row from the registry, or a plain one for symbols it does not know —
    except that a company the constituents list named keeps its name and sector."""
    info = lookup(symbol)
    known = store.symbol_info(symbol) if store is not None and info is None else None
    if known is not None and known.get("kind") == "stock":
        return {k: known.get(k) for k in ("symbol", "name", "kind", "represents", "sector")}
    if info is None:
        kind = "security" if table == "bars" else "series"
        return {"symbol": symbol, "name": symbol, "kind": kind, "represents": None, "sector": None}
    return {
        "symbol": symbol,
        "name": info.name,
        "kind": info.kind,
        "represents": info.represents,
        "sector": info.sector,
    }
