"""Per-figure staleness: say so when a figure's data ends well before the as-of date.

`stale_notes(store, symbols, as_of)` gives one line per stale symbol, for the answer engine to
show beside the figures: prices that stop `sessions` or more NYSE sessions before the as-of date,
a series whose next value should have been released by then (its documented release lag plus a
week of grace) but is not stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from copilot.errors import DateOutOfRangeError, UnknownSymbolError
from copilot.market.calendar import sessions_between
from copilot.market.release import next_release
from copilot.market.store import MarketStore

STALE_SESSIONS = 5  # default: a week of missing sessions
SERIES_GRACE = timedelta(days=7)  # a release can slip a few days
UPDATE = "update with `market-copilot refresh`"


def stale_notes(
    store: MarketStore, symbols: Sequence[str], as_of: date | None,
    sessions: int = STALE_SESSIONS,
) -> list[str]:  # fmt: skip
    """One line per symbol whose data ends well before `as_of` (none without an as-of date)."""
    if as_of is None:
        return []
    notes = []
    for symbol in dict.fromkeys(s.strip().upper() for s in symbols):
        note = _note(store, symbol, as_of, sessions)
        if note:
            notes.append(note)
    return notes


def _note(store: MarketStore, symbol: str, as_of: date, sessions: int) -> str:
    try:
        last = store.date_range(symbol, as_of=as_of)[1]
    except UnknownSymbolError:
        return ""
    except DateOutOfRangeError:
        return f"{symbol} has no data on or before the as-of date {as_of}."
    if store.table_of(symbol) == "bars":
        missing = len(sessions_between(last + timedelta(days=1), as_of)) if last < as_of else 0
        if missing < sessions:
            return ""
        return (f"{symbol} prices end {last}, {missing} sessions before the as-of date {as_of}: "
                f"its figures are as of {last} ({UPDATE}).")  # fmt: skip
    dates = [d.date() for d in pd.DatetimeIndex(store.values(symbol, as_of=as_of).index)]
    expected, released = next_release(symbol, dates)
    if released + SERIES_GRACE > as_of:
        return ""
    return (f"{symbol}: the latest value stored is for {last}; the {expected} value was due "
            f"by {released} and is missing ({UPDATE}).")  # fmt: skip
