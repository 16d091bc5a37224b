"""Among stored symbols that mean the same measure, the one whose data covers the window; and
what the data's dates mean for a window (clipped, or not measurable at all)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Literal

from copilot.market.symbols import lookup
from copilot.understand.catalog import Catalog, Stored
from copilot.understand.instruments import BENCHMARK, FRED_KINDS, Mention, fix_command
from copilot.understand.model import Window

IndexAsk = Literal["a level", "a record", "points"]


def choose_symbol(
    mention: Mention, catalog: Catalog, window: Window | None, index_for: IndexAsk | None,
    as_of: date, alone: bool = False,
) -> tuple[str, str]:  # fmt: skip
    """The stored symbol for a mention, and a note when the choice needs saying. `index_for`:
    what was asked of it that is the index's own, not its fund's (a level, a record). `alone`:
    the only market asked about, so a window its fund's data does not cover can be measured on
    the index (with another market beside it, both are measured over the same dates)."""
    if mention.index_alternatives and index_for is not None:
        # A level of "the S&P 500" is the index's, never SPY's price (a tenth of it): a stale
        # index is said as such (or reported as a problem) rather than replaced. A record too
        # (SPY's price falls by each dividend paid: its records are not the index's), but one
        # the index's data does not reach is SPY's own, said so.
        indexes = [s for s in mention.index_alternatives if catalog.has(s)]
        covering = [s for s in indexes if _covers(catalog, s, window, as_of)]
        if index_for == "a record" and window is None:  # "how far below its record": now
            covering = [s for s in covering if current(catalog, s, as_of)]
        if covering:
            return covering[0], f"the index level, asked for {index_for}"
        if index_for == "a record":
            return mention.candidates[0], _etf_note(records=True)
        if index_for == "points":  # the fund's move in %: its points are not the index's
            return mention.candidates[0], _etf_note(points=True)
        if indexes:
            return indexes[0], "the index level, asked for a level"
        return mention.candidates[0], _etf_note()
    candidates = list(mention.candidates)
    if len(candidates) == 1:
        if candidates[0] != BENCHMARK or not mention.index_alternatives:
            return candidates[0], ""
        # "Did the S&P end 2025 in the green?": SPY's stored closes begin in February 2025, the
        # index's years before; measured on SPY the year lost its first seven weeks.
        if alone and window is not None and window.explicit \
                and not _covers(catalog, BENCHMARK, window, as_of):  # fmt: skip
            indexes = [s for s in mention.index_alternatives
                       if catalog.has(s) and _covers(catalog, s, window, as_of)]  # fmt: skip
            if indexes:
                # Worded without the fund's symbol: the writer copied "as measured by SPY's
                # data" from "SPY's data does not cover the window".
                return indexes[0], (
                    "the index itself, its price move without dividends: the stored S&P 500 "
                    "fund's closes begin after the window starts"
                )
        return candidates[0], "the SPDR S&P 500 ETF: its return stands for the index's"
    if window is None or not window.explicit:
        # The first (daily) series while it is current: a monthly series' last date says
        # little about how fresh its value on as-of is.
        fresh = [s for s in candidates if current(catalog, s, as_of)]
        if fresh:
            return fresh[0], ""
        return max(candidates, key=lambda s: _latest(catalog, s, as_of)), ""
    covering = [s for s in candidates if _covers(catalog, s, window, as_of)]
    chosen = (covering or candidates)[0]
    if chosen != candidates[0]:
        return chosen, f"{candidates[0]}'s data does not cover the window"
    return chosen, ""


def current(catalog: Catalog, symbol: str, as_of: date) -> bool:
    """The symbol's data reaches `as_of`, short by at most its usual spacing."""
    meta = catalog.get(symbol)
    return meta is not None and meta.first <= as_of and meta.last >= as_of - _spacing(meta)


def _latest(catalog: Catalog, symbol: str, as_of: date) -> date:
    return catalog.latest(symbol, as_of) or date.min


def _etf_note(records: bool = False, points: bool = False) -> str:
    if records:
        return (
            "the SPDR S&P 500 ETF's own records: no stored S&P 500 index series covers the "
            "window, and the ETF's price falls by each dividend it pays"
        )
    if points:
        return (
            "the SPDR S&P 500 ETF's move in %: no stored S&P 500 index series covers the "
            "window, and the ETF's price is about a tenth of the index level, so its points "
            "are not the index's"
        )
    return (
        "the SPDR S&P 500 ETF: no S&P 500 index series is stored, and the ETF's price is about "
        "a tenth of the index level"
    )


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


def observation_spacing(catalog: Catalog, symbol: str) -> float | None:
    """The mean number of days between two stored observations (None with fewer than two)."""
    meta = catalog.get(symbol)
    if meta is None or meta.rows < 2:
        return None
    return (meta.last - meta.first).days / (meta.rows - 1)


def monthly(catalog: Catalog, symbol: str) -> bool:
    """A series observed about once a month (the CPI, the 10-year yield's monthly average)."""
    spacing = observation_spacing(catalog, symbol)
    return spacing is not None and spacing >= 20


def frequency_note(symbol: str, window: Window, catalog: Catalog) -> str:
    """A monthly series read over a short window or a day deserves a word of warning."""
    spacing = observation_spacing(catalog, symbol)
    if spacing is None or spacing < 20:
        return ""
    start, end = window.start, window.end
    short = window.sessions is not None or (
        start is not None and end is not None and (end - start).days < 2 * spacing
    )
    if not short:
        return ""
    return (
        f"{symbol} has one observation about every {round(spacing)} days: a value on a day is "
        "the last observation on or before it, and a short window may hold none"
    )


def data_problems(symbol: str, window: Window, catalog: Catalog, as_of: date) -> tuple[str, str]:
    """(a problem that stops the measure, a note for the trace) for a symbol's data dates."""
    meta = catalog.get(symbol)
    if meta is None or window.sessions is not None:
        return "", ""
    start, end = window.start, window.end or as_of
    info = lookup(symbol)
    fred = info is not None and (info.kind in FRED_KINDS or "FRED" in info.name)
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
