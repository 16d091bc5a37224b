"""NYSE session arithmetic for windows (exchange-calendars, built once per process)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from copilot.market.calendar import nyse

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=1)
def _bounds() -> tuple[date, date]:
    calendar = nyse()
    return calendar.first_session.date(), calendar.last_session.date()


@lru_cache(maxsize=4096)
def session_on_or_before(day: date) -> date:
    """The last NYSE session on or before `day` (weekends only, outside the calendar's range)."""
    first, last = _bounds()
    if first <= day <= last:
        session: date = nyse().date_to_session(pd.Timestamp(day), "previous").date()
        return session
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def session_after(day: date) -> date:
    """The first NYSE session strictly after `day`."""
    candidate = day + timedelta(days=1)
    while session_on_or_before(candidate) != candidate:
        candidate += timedelta(days=1)
    return candidate


def sessions_counted(day: date, count: int, forward: bool) -> tuple[date, date]:
    """The first and last of `count` NYSE sessions: from the first session on or after `day`
    on, or back from the last one on or before it."""
    if forward:
        start = end = session_after(day - timedelta(days=1))
        for _ in range(count - 1):
            end = session_after(end)
    else:
        start = end = session_on_or_before(day)
        for _ in range(count - 1):
            start = session_on_or_before(start - timedelta(days=1))
    return start, end


def is_early_close(day: date) -> bool:
    """Whether `day`'s session closed early (the day after Thanksgiving, Christmas Eve)."""
    return pd.Timestamp(day) in nyse().early_closes


def is_session(day: date) -> bool:
    return session_on_or_before(day) == day


def why_not_session(day: date) -> str:
    """'a Saturday', 'a Sunday' or 'an NYSE holiday'."""
    if day.weekday() >= 5:
        return f"a {WEEKDAYS[day.weekday()]}"
    return "an NYSE holiday"


def warm_calendar() -> None:
    """Build the NYSE calendar now (about half a second, once per process)."""
    _bounds()
