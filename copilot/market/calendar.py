"""NYSE trading sessions, from `exchange-calendars` (never a hand-written holiday list)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import exchange_calendars as xcals
import pandas as pd

from copilot.errors import NotASessionError

_FIRST = "1990-01-02"


@lru_cache(maxsize=1)
def nyse() -> xcals.ExchangeCalendar:
    """The NYSE (XNYS) calendar, built once per process."""
    return xcals.get_calendar("XNYS", start=_FIRST)


def _ts(day: date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).normalize().tz_localize(None)


def is_session(day: date | str | pd.Timestamp) -> bool:
    """True when the NYSE was open (a full or half-day session) on `day`."""
    ts = _ts(day)
    cal = nyse()
    if ts < cal.first_session or ts > cal.last_session:
        raise NotASessionError(
            f"{ts.date()} is outside the NYSE calendar "
            f"({cal.first_session.date()} to {cal.last_session.date()})."
        )
    return bool(cal.is_session(ts))


def nearest_sessions(day: date | str | pd.Timestamp) -> tuple[date, date]:
    """The last session on or before `day` and the first session on or after it."""
    ts = _ts(day)
    cal = nyse()
    return cal.date_to_session(ts, "previous").date(), cal.date_to_session(ts, "next").date()


def require_session(day: date | str | pd.Timestamp) -> date:
    """Return `day` as a date if it is a session; otherwise say which sessions surround it."""
    ts = _ts(day)
    if is_session(ts):
        return ts.date()
    before, after = nearest_sessions(ts)
    why = "a weekend" if ts.day_of_week >= 5 else "an NYSE holiday"
    raise NotASessionError(
        f"{ts.date()} ({ts.day_name()}) is not an NYSE trading session ({why}); "
        f"the nearest sessions are {before} (before) and {after} (after)."
    )


def sessions_between(start: date | str, end: date | str) -> list[date]:
    """All sessions from `start` to `end`, both included."""
    return [ts.date() for ts in nyse().sessions_in_range(_ts(start), _ts(end))]
