"""A measure's window resolved on one instrument's observations (docs/windows-and-measures.md).

A window is the calendar period [start, end]; its sessions are the observations dated inside it,
its *base* is the last observation strictly before start, and its end value the last observation
on or before end. A date that is not an observation snaps to the last one before it and says so;
a window that begins before the data is clipped at the data's first observation and says so.
Pure: no I/O, no LLM.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from copilot.errors import DateOutOfRangeError
from copilot.market.calendar import nyse, sessions_between
from copilot.market.measure_model import MeasureArgs, MeasureName

# price: an ETF or stock close ($); index: an index level (a price in points); rate: a series
# quoted in percent (yields, spreads); series: any other series (VIX, WTI, CPI).
Kind = Literal["price", "index", "rate", "series"]

# Measures read from session-to-session moves: they need the observation before the window.
MOVE_MEASURES: frozenset[MeasureName] = frozenset(
    {"return", "daily_return", "daily_move_size", "up_days", "down_days", "volatility",
     "weekly_return", "monthly_return", "up_weeks", "down_weeks", "up_months", "down_months"}
)  # fmt: skip
# With no window, these read the end session alone; volatility and the size of a typical day's
# move read the last year (realized volatility's usual span: over all visible data the VIX's
# came from 1990 on); every other measure reads all visible data.
ONE_SESSION_DEFAULT: frozenset[MeasureName] = frozenset(
    {"level", "return", "daily_return", "sma_distance", "mom", "yoy"}
)
ONE_YEAR_DEFAULT: frozenset[MeasureName] = frozenset({"volatility", "daily_move_size"})


# (the longest gap in days between observations, observations a year, what a move is called)
_FREQUENCIES = ((4.0, 252, "daily"), (10.0, 52, "weekly"), (40.0, 12, "monthly"),
                (math.inf, 4, "quarterly"))  # fmt: skip


def frequency(gap_days: float) -> tuple[int, str]:
    """(observations a year, 'daily' / 'weekly' / 'monthly' / 'quarterly') for a gap in days."""
    return next((per_year, word) for most, per_year, word in _FREQUENCIES if gap_days <= most)


def periods_per_year(values: pd.Series) -> int:
    """252 for daily data, 52 weekly, 12 monthly, 4 quarterly (from the median gap)."""
    if len(values) < 2:
        return 252
    return frequency(float(np.median(np.diff(values.index.to_numpy()) / np.timedelta64(1, "D"))))[0]


@dataclass(frozen=True)
class Instrument:
    """One instrument's visible values (bars: close; series: value), indexed by date; for a
    stock with splits or dividends its adjusted closes (moves read them, levels never); for a
    series the day each value became known."""

    values: pd.Series
    kind: Kind
    adjusted: pd.Series | None = None
    released: pd.Series | None = None


@dataclass(frozen=True)
class Span:
    """A window on one instrument: positions into `values` (its observations through the end)."""

    values: pd.Series
    first: int  # the window's first observation
    last: int  # the end observation
    base: int | None  # the observation a move is measured from (None: not a move measure)
    notes: list[str] = field(default_factory=list)

    @property
    def window(self) -> pd.Series:
        return self.values.iloc[self.first : self.last + 1]

    def day(self, position: int) -> date:
        return as_date(self.values.index[position])


def as_date(ts: object) -> date:
    stamp = pd.Timestamp(ts)  # type: ignore[arg-type]
    return date(stamp.year, stamp.month, stamp.day)


def clean(values: pd.Series, as_of: date | None) -> pd.Series:
    """Sorted float values without gaps, nothing after `as_of`."""
    s = values if values.dtype == float else values.astype(float)
    s = s.dropna() if np.isnan(s.to_numpy()).any() else s
    index = s.index if isinstance(s.index, pd.DatetimeIndex) else pd.DatetimeIndex(s.index)
    if not index.is_monotonic_increasing:
        s, index = s.sort_index(), index.sort_values()
    if not index.is_normalized:  # checked first: normalizing re-infers a frequency (slow)
        s = s.set_axis(index.normalize())
    elif not isinstance(s.index, pd.DatetimeIndex):
        s = s.set_axis(index)
    if as_of is not None:
        s = s.iloc[: int(s.index.searchsorted(pd.Timestamp(as_of), "right"))]
    return s


def what(kind: Kind) -> str:
    """'close' for prices and indexes, 'value' for series."""
    return "close" if kind in ("price", "index") else "value"


def check_visible(args: MeasureArgs, as_of: date | None) -> list[str]:
    """Errors for a window wholly after the as-of date; a note when it only ends after it."""
    if as_of is None:
        return []
    if args.start is not None and args.start > as_of:
        raise DateOutOfRangeError(
            f"{args.start} is after the as-of date {as_of}; nothing later is visible."
        )
    if args.end is None or args.end <= as_of:
        return []
    if args.start is None and args.sessions is None and args.measure in ONE_SESSION_DEFAULT:
        raise DateOutOfRangeError(
            f"{args.end} is after the as-of date {as_of}; nothing later is visible."
        )
    return [f"the window ends {args.end}, after the as-of date {as_of}: measured through {as_of}."]


def resolve_span(
    symbol: str, inst: Instrument, args: MeasureArgs, as_of: date | None, aligned: pd.Series
) -> Span:
    """The window of `args` on `aligned` (the instrument's clean values, or for a beat streak
    the dates both it and the benchmark have)."""
    s = aligned
    if s.empty:
        raise DateOutOfRangeError(f"no {symbol} data on or before {as_of}.")
    notes: list[str] = []
    end = min(args.end, as_of) if args.end and as_of else (args.end or as_of)
    last = len(s) - 1 if end is None else int(s.index.searchsorted(pd.Timestamp(end), "right")) - 1
    if last < 0:
        raise DateOutOfRangeError(
            f"no {symbol} data on or before {end}; {symbol} starts {as_date(s.index[0])}."
        )
    latest = as_date(s.index[-1])
    if args.end is not None and end == args.end and as_date(s.index[last]) != args.end:
        notes.append(snap_note(symbol, args.end, as_date(s.index[last]), inst.kind, latest))
    if args.end is not None and end == args.end and args.end > latest:
        _after_the_data(symbol, inst.kind, args.end, latest)  # a named end the data lacks
    elif args.start is not None and args.start > latest and end is not None:
        _after_the_data(symbol, inst.kind, end, latest)  # the whole window is after the data
    first = _first(symbol, inst.kind, s, args, last, notes)
    needs_base = args.measure in MOVE_MEASURES
    floor = 1 if needs_base else 0
    if first < floor:
        if needs_base and last == 0:
            raise DateOutOfRangeError(
                f"{as_date(s.index[0])} is the first {symbol} observation: there is no earlier "
                f"{what(inst.kind)} to measure a move from."
            )
        if args.start is not None or args.sessions is not None:
            notes.append(_clip_note(symbol, s, args, last - floor + 1))
        first = floor
    base = first - 1 if needs_base else None
    return Span(s.iloc[: last + 1], first, last, base, notes)


def _first(
    symbol: str, kind: Kind, s: pd.Series, args: MeasureArgs, last: int, notes: list[str]
) -> int:
    """Position of the window's first observation (may be < 0 or < 1: clipped by the caller)."""
    if args.sessions is not None:
        return last - args.sessions + 1
    if args.start is None:
        if args.measure in ONE_SESSION_DEFAULT and args.aggregate == "last":
            return last
        if args.measure in ONE_YEAR_DEFAULT:
            return last - periods_per_year(s.iloc[: last + 1]) + 1  # clipped by the caller
        return 0
    if args.start < as_date(s.index[0]):
        return -1  # before the data: clipped
    first = int(s.index.searchsorted(pd.Timestamp(args.start), "left"))
    if first > last:  # no observation in [start, end]: the one standing at end is used
        used = as_date(s.index[last])
        if notes:  # the end date snapped, and said so
            return last
        if args.end == args.start:
            notes.append(snap_note(symbol, args.start, used, kind, used))
        else:
            notes.append(nothing_in_window(symbol, args.start, what(kind), used))
        return last
    return first


def nothing_in_window(symbol: str, start: date, what: str, used: date) -> str:
    """The note of a window that holds no observation (read back by `NOTHING_IN_WINDOW`)."""
    return f"no {symbol} observation on or after {start}: the {what} of {used} is used."


# The note above as the answer reads it back (`copilot.answering.gaps.window_gaps`).
NOTHING_IN_WINDOW = re.compile(
    r"\b[Nn]o (?P<symbol>\S+) observation on or after (?P<start>\d{4}-\d{2}-\d{2}): the "
    r"(?P<what>\w+) of (?P<used>\d{4}-\d{2}-\d{2}) is used\."
)


def _clip_note(symbol: str, s: pd.Series, args: MeasureArgs, available: int) -> str:
    begins = as_date(s.index[0])
    if args.sessions is not None:
        return f"{symbol} data begins {begins}: {available} sessions instead of {args.sessions}."
    return f"{symbol} data begins {begins}: the window starts there."


def default_note(args: MeasureArgs, span: Span, kind: Kind) -> str:
    """Which default a request with no window got ('' when it named one)."""
    if args.start is not None or args.sessions is not None:
        return ""
    end = span.day(span.last)
    if args.measure in ONE_SESSION_DEFAULT and args.aggregate == "last":
        if args.end is not None:
            return ""
        if args.measure in ("level", "sma_distance", "mom", "yoy"):
            return f"no date given: the latest {what(kind)}, {end}."
        return f"no window given: the last session's move, {end}."
    if args.measure in ("up_streak", "down_streak", "beat_streak") and args.aggregate == "last":
        return "" if args.end is not None else f"no date given: the run through {end}."
    given = "no window given" if args.end is None else f"no start given (the end: {args.end})"
    if args.measure in ONE_YEAR_DEFAULT:
        first = span.day(span.first if span.base is None else span.base)
        if span.first > (0 if span.base is None else 1):
            return f"{given}: the last year, {first} to {end}."
        return f"{given}: all visible data (less than a year), {first} to {end}."
    return f"{given}: all visible data, {span.day(0)} to {end}."


def snap_note(symbol: str, day: date, used: date, kind: Kind, latest: date | None = None) -> str:
    """'2025-11-30 is a Sunday: the close of 2025-11-28 is used.'"""
    return f"{day} is {_why_not(symbol, day, latest)}: the {what(kind)} of {used} is used."


def _why_not(symbol: str, day: date, latest: date | None) -> str:
    stamp = pd.Timestamp(day)
    if stamp.day_of_week >= 5:
        return f"a {stamp.day_name()}"
    name = _holidays().get(day)
    if name:
        return f"an NYSE holiday ({name})"
    if latest is not None and day > latest:
        return f"after the latest {symbol} data ({latest})"
    return f"not a {symbol} observation date"


def _after_the_data(symbol: str, kind: Kind, day: date, latest: date) -> None:
    """A date after the stored closes, with sessions in between, cannot be measured: those
    closes are missing (the market was open), so no close "stood" on it. A weekend or holiday
    right after the data still snaps. (A series' frequency is unknown: it always snaps.)"""
    if kind not in ("price", "index"):
        return
    missing = sessions_between(latest + timedelta(days=1), day)
    if missing:
        raise DateOutOfRangeError(
            f"no {symbol} data after {latest}, so {day} cannot be measured ({len(missing)} "
            f"sessions missing). To update the store: `market-copilot ingest online --yahoo "
            f"{symbol}`."
        )


@lru_cache(maxsize=1)
def _holidays() -> dict[date, str]:
    cal = nyse()
    named = cal.regular_holidays.holidays(cal.first_session, cal.last_session, return_name=True)
    days = {as_date(ts): str(name) for ts, name in named.items()}
    for ts in cal.adhoc_holidays:
        days.setdefault(as_date(ts), "a market closure")
    return days
