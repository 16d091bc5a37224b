"""NYSE trading sessions, from `exchange-calendars` (never a hand-written holiday list).

The calendar most code uses starts on 1990-01-02 (cheap to build). Older bars — a full-history
index export reaches back to the 1920s — are checked against a second, historical calendar built
only when such a date appears. Dates outside every calendar the library can build are never
looked up (that raised `DateOutOfBounds`); callers are told which dates could not be checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import exchange_calendars as xcals
import pandas as pd

from copilot.errors import NotASessionError
from copilot.market.calendar_cache import cached_calendar
from copilot.settings import Settings

_FIRST = "1990-01-02"
HISTORY_START = "1885-01-01"  # exchange-calendars' XNYS holiday rules reach back to 1885


@lru_cache(maxsize=1)
def nyse() -> xcals.ExchangeCalendar:
    """The NYSE (XNYS) calendar from 1990-01-02, built once per process, or read back from the
    day's copy on disk (`calendar_cache`)."""
    try:
        folder = Settings().model_cache_dir / "calendars"
    except ValueError:  # settings that do not validate are reported by whoever reads them
        return xcals.get_calendar("XNYS", start=_FIRST)
    return cached_calendar("XNYS", _FIRST, folder)


@lru_cache(maxsize=1)
def nyse_history() -> xcals.ExchangeCalendar:
    """The NYSE calendar from `HISTORY_START` (or the library's earliest date), built on first
    use: only bars older than 1990 need it."""
    cls = type(nyse())
    start = max(pd.Timestamp(HISTORY_START), _bound(cls, "bound_min"))
    return xcals.get_calendar("XNYS", start=start.strftime("%Y-%m-%d"), end=nyse().last_session)


def _bound(cls: type, name: str) -> pd.Timestamp:
    method = getattr(cls, name, None)
    value = method() if callable(method) else None
    return pd.Timestamp(value).tz_localize(None) if value is not None else pd.Timestamp.min


def _ts(day: date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).normalize().tz_localize(None)


def calendar_for(day: date | str | pd.Timestamp) -> xcals.ExchangeCalendar | None:
    """The cheapest calendar that covers `day`, or None when no calendar covers it."""
    ts = _ts(day)
    cal = nyse()
    if cal.first_session <= ts <= cal.last_session:
        return cal
    if ts > cal.last_session:
        return None
    history = nyse_history()
    return history if history.first_session <= ts <= history.last_session else None


def split_sessions(days: Sequence[date] | pd.Series) -> tuple[set[date], list[date]]:
    """(the days that are *not* NYSE sessions, the days no calendar covers — left unchecked)."""
    stamps = sorted({_ts(d) for d in days})
    unchecked = [ts.date() for ts in stamps if calendar_for(ts) is None]
    covered = [ts for ts in stamps if calendar_for(ts) is not None]
    if not covered:
        return set(), unchecked
    first, last = calendar_for(covered[0]), calendar_for(covered[-1])
    # A range reaching back before 1990 is read from the historical calendar.
    cal = nyse_history()
    if first is not None and first is last:
        cal = first
    sessions = set(cal.sessions_in_range(covered[0], covered[-1]))
    return {ts.date() for ts in covered if ts not in sessions}, unchecked


def is_session(day: date | str | pd.Timestamp) -> bool:
    """True when the NYSE was open (a full or half-day session) on `day`."""
    ts = _ts(day)
    cal = calendar_for(ts)
    if cal is None:
        first, last = nyse_history().first_session, nyse().last_session
        raise NotASessionError(
            f"{ts.date()} is outside the NYSE calendar ({first.date()} to {last.date()})."
        )
    return bool(cal.is_session(ts))


def nearest_sessions(day: date | str | pd.Timestamp) -> tuple[date, date]:
    """The last session on or before `day` and the first session on or after it."""
    ts = _ts(day)
    cal = calendar_for(ts) or nyse()
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
    """All sessions from `start` to `end`, both included (clipped to the calendars' range)."""
    low, high = _ts(start), _ts(end)
    cal = nyse() if low >= nyse().first_session else nyse_history()
    low, high = max(low, cal.first_session), min(high, cal.last_session)
    if low > high:
        return []
    return [ts.date() for ts in cal.sessions_in_range(low, high)]
