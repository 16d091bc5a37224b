"""Among stored symbols that mean the same measure, the one whose data covers the window; and
what the data's dates mean for a window (clipped, or not measurable at all)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from copilot.market.symbols import lookup
from copilot.understand.catalog import Catalog, Stored
from copilot.understand.instruments import BENCHMARK, FRED_KINDS, Mention, fix_command
from copilot.understand.model import Window


def choose_symbol(
    mention: Mention, catalog: Catalog, window: Window | None, level_like: bool, as_of: date
) -> tuple[str, str]:
    """The stored symbol for a mention, and a note when the choice needs saying."""
    if mention.index_alternatives and level_like:
        indexes = [s for s in mention.index_alternatives if catalog.has(s)]
        covering = [s for s in indexes if _covers(catalog, s, window, as_of)]
        if covering:
            return covering[0], "the index level, asked for a level"
        return mention.candidates[0], _etf_note(indexes)
    candidates = list(mention.candidates)
    if len(candidates) == 1:
        note = ""
        if candidates[0] == BENCHMARK and mention.index_alternatives:
            note = "the SPDR S&P 500 ETF: its return stands for the index's"
        return candidates[0], note
    if window is None or not window.explicit:
        # The first (daily) series while it is current: a monthly series' last date says
        # little about how fresh its value on as-of is.
        current = [s for s in candidates if _current(catalog, s, as_of)]
        if current:
            return current[0], ""
        return max(candidates, key=lambda s: _latest(catalog, s, as_of)), ""
    covering = [s for s in candidates if _covers(catalog, s, window, as_of)]
    return (covering or candidates)[0], ""


def _current(catalog: Catalog, symbol: str, as_of: date) -> bool:
    meta = catalog.get(symbol)
    return meta is not None and meta.first <= as_of and meta.last >= as_of - _spacing(meta)


def _latest(catalog: Catalog, symbol: str, as_of: date) -> date:
    return catalog.latest(symbol, as_of) or date.min


def _etf_note(indexes: list[str]) -> str:
    if not indexes:
        return "the SPDR S&P 500 ETF (no S&P 500 index series is stored)"
    return f"the SPDR S&P 500 ETF ({indexes[0]}, the index series, does not cover the window)"


def _covers(catalog: Catalog, symbol: str, window: Window | None, as_of: date) -> bool:
    meta = catalog.get(symbol)
    if meta is None:
        return False
    if window is None:
        return meta.first <= as_of
    end = window.end or as_of
    slack = _spacing(meta)
    if window.sessions is not None:
        return meta.rows > window.sessions and meta.last >= min(as_of, end) - slack
    start = window.start or end
    # The base is the close before the start; the data must reach the end (or as-of), short
    # by at most its own spacing: a monthly series' last observation comes before them.
    return meta.first < start and meta.last >= min(end, as_of) - slack


def _spacing(meta: Stored) -> timedelta:
    """The usual gap between two observations, plus a long weekend."""
    days = (meta.last - meta.first).days / max(meta.rows - 1, 1)
    return timedelta(days=math.ceil(days) + 3)


def data_problems(symbol: str, window: Window, catalog: Catalog, as_of: date) -> tuple[str, str]:
    """(a problem that stops the measure, a note for the trace) for a symbol's data dates."""
    meta = catalog.get(symbol)
    if meta is None or window.sessions is not None:
        return "", ""
    start, end = window.start, window.end or as_of
    info = lookup(symbol)
    fred = info is not None and info.kind in FRED_KINDS
    if end < meta.first:
        fix = fix_command(symbol, fred)
        first_needed = (start or end).isoformat()
        return (
            f"{symbol} data begins {meta.first.isoformat()}, after the window "
            f"({window.label}); import older data: {fix} --start {first_needed}",
            "",
        )
    if start is not None and start > meta.last:
        return (
            f"{symbol} data ends {meta.last.isoformat()}, before the window ({window.label}); "
            f"update it: {fix_command(symbol, fred)}",
            "",
        )
    if start is not None and start <= meta.first:
        return "", (
            f"{symbol} data begins {meta.first.isoformat()}: the window starts at its first "
            "close (the base)"
        )
    return "", ""
