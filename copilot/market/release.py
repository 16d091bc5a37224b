"""When each observation of a macro series became known: its release date (point in time).

A monthly series is dated at the start of the month it describes (FRED: 2026-01-01 = January),
but January's CPI is published in mid-February. Reads with an as-of date must show only what was
published by then, so every series row carries `known_at`: the provider's release date where it
gives one, else the documented lag below (README, "Point-in-time macro"). Business days are US
federal business days (the statistical agencies' calendar). Pure: no I/O.

| series (symbol) | observation date | known at |
|---|---|---|
| CPI, CPIAUCSL, CPIAUCNS, CPILFESL | month start | the 15th of the next month (or next bus. day) |
| US10Y (monthly avg), GS1..GS30, TB3MS, FEDFUNDS | month start | 1st business day, next month |
| UNRATE, PAYEMS | month start | first Friday of the next month |
| PCE, PCEPI, PCEPILFE | month start | last business day of the next month |
| GDP, GDPC1 (quarterly) | quarter start | last business day of the month after the quarter |
| ICSA, CCSA (weekly, Saturday) | week end | the following Thursday |
| any other daily series | the day | the same day (a close) |
| any other weekly series | week | 7 days later |
| any other monthly series | month start | last business day of the next month |
| any other quarterly series | quarter start | last business day of the month after the quarter |
| any other annual series | year start | 31 March of the next year |
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
from pandas.tseries.holiday import USFederalHolidayCalendar

Frequency = Literal["daily", "weekly", "monthly", "quarterly", "annual"]
Rule = Callable[[date], date]


@lru_cache(maxsize=1)
def _holidays() -> np.ndarray:
    days = USFederalHolidayCalendar().holidays(start="1900-01-01", end="2100-12-31")
    return np.array(days.to_numpy(dtype="datetime64[D]"))


def business_day_on_or_after(day: date) -> date:
    """`day` if it is a federal business day, else the next one."""
    moved = np.busday_offset(np.datetime64(day, "D"), 0, roll="forward", holidays=_holidays())
    return pd.Timestamp(moved).date()


def business_day_on_or_before(day: date) -> date:
    moved = np.busday_offset(np.datetime64(day, "D"), 0, roll="backward", holidays=_holidays())
    return pd.Timestamp(moved).date()


def _month_start(day: date, months_later: int) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def first_business_day_next_month(day: date) -> date:
    return business_day_on_or_after(_month_start(day, 1))


def mid_next_month(day: date) -> date:
    return business_day_on_or_after(_month_start(day, 1).replace(day=15))


def first_friday_next_month(day: date) -> date:
    start = _month_start(day, 1)
    return start + timedelta(days=(4 - start.weekday()) % 7)


def end_of_next_month(day: date) -> date:
    return business_day_on_or_before(_month_start(day, 2) - timedelta(days=1))


def end_of_month_after_quarter(day: date) -> date:
    quarter_start = _month_start(day, -((day.month - 1) % 3))
    return business_day_on_or_before(_month_start(quarter_start, 4) - timedelta(days=1))


def next_thursday(day: date) -> date:
    return day + timedelta(days=(3 - day.weekday()) % 7 or 7)


def _same_day(day: date) -> date:
    return day


def _week_later(day: date) -> date:
    return day + timedelta(days=7)


def _march_next_year(day: date) -> date:
    return date(day.year + 1, 3, 31)


NAMED_RULES: dict[str, tuple[Rule, str]] = {
    **{s: (mid_next_month, "the 15th of the next month") for s in
       ("CPI", "CPIAUCSL", "CPIAUCNS", "CPILFESL")},
    **{s: (first_business_day_next_month, "the first business day of the next month") for s in
       ("US10Y", "GS1", "GS2", "GS5", "GS10", "GS20", "GS30", "TB3MS", "FEDFUNDS")},
    **{s: (first_friday_next_month, "the first Friday of the next month") for s in
       ("UNRATE", "PAYEMS")},
    **{s: (end_of_next_month, "the last business day of the next month") for s in
       ("PCE", "PCEPI", "PCEPILFE")},
    **{s: (end_of_month_after_quarter, "the last business day of the month after the quarter")
       for s in ("GDP", "GDPC1")},
    **{s: (next_thursday, "the following Thursday") for s in ("ICSA", "CCSA")},
}  # fmt: skip
DEFAULT_RULES: dict[Frequency, tuple[Rule, str]] = {
    "daily": (_same_day, "the same day"),
    "weekly": (_week_later, "7 days later"),
    "monthly": (end_of_next_month, "the last business day of the next month"),
    "quarterly": (end_of_month_after_quarter, "the last business day of the month after the "
                  "quarter"),
    "annual": (_march_next_year, "31 March of the next year"),
}  # fmt: skip


def frequency_of(dates: Sequence[date] | pd.Series | pd.DatetimeIndex) -> Frequency:
    """From the median gap between observations (one observation: daily)."""
    stamps = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(dates)))).sort_values()
    if len(stamps) < 2:
        return "daily"
    gap = float(np.median(np.diff(stamps.to_numpy()) / np.timedelta64(1, "D")))
    if gap <= 4:
        return "daily"
    if gap <= 10:
        return "weekly"
    if gap <= 40:
        return "monthly"
    return "quarterly" if gap <= 120 else "annual"


def release_rule(symbol: str, frequency: Frequency) -> tuple[Rule, str]:
    """The lag rule for `symbol` and its description. A named rule applies to the frequency it
    was written for (monthly CPI); a daily series of the same name is known the same day."""
    named = NAMED_RULES.get(symbol.upper())
    if named is not None and frequency != "daily":
        return named
    return DEFAULT_RULES[frequency]


def known_at(symbol: str, dates: Sequence[date], frequency: Frequency | None = None) -> list[date]:
    """The release date of each observation date of `symbol` (never before the date itself)."""
    rule, _ = release_rule(symbol, frequency or frequency_of(dates))
    return [max(rule(d), d) for d in dates]


_STEP = {"daily": pd.offsets.BDay(1), "weekly": pd.DateOffset(weeks=1),
         "monthly": pd.DateOffset(months=1), "quarterly": pd.DateOffset(months=3),
         "annual": pd.DateOffset(years=1)}  # fmt: skip


def next_release(symbol: str, dates: Sequence[date]) -> tuple[date, date]:
    """The observation expected after the last of `dates` (oldest first), and its release."""
    frequency = frequency_of(dates[-24:])
    following = (pd.Timestamp(dates[-1]) + _STEP[frequency]).date()
    rule, _ = release_rule(symbol, frequency)
    return following, max(rule(following), following)
