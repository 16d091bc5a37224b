"""Calls over periods code lays out itself: 'month by month', 'each week', 'monthly returns'
(one measure over each calendar month or Monday-to-Sunday week of the window, a call each; was
one move over the whole window, or the latest session's when no window was named), and a level
judged high or low beside its past year ('is the VIX elevated?')."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from copilot.market.measure_model import MeasureArgs
from copilot.understand.catalog import Catalog
from copilot.understand.model import Understanding, Window

Unit = Literal["month", "week"]

# "Month over month" is left out: of the CPI it is the monthly inflation rate (`inflation.py`).
_EACH = re.compile(
    r"\b(?P<unit>month|week)[\s-]+by[\s-]+(?:month|week)\b"
    r"|\b(?:each|every|per|by)\s+(?:calendar\s+)?(?P<unit2>month|week)\b"
    r"|\b(?P<unit3>month|week)ly\s+(?:returns?|performance|moves?|changes?|gains?|results?|"
    r"breakdown)\b",
    re.IGNORECASE,
)
# With no window named: the last twelve months, or the last eight weeks.
_DEFAULT_SPAN = {"month": relativedelta(months=11), "week": relativedelta(weeks=7)}
MAX_PARTS = 24  # a call each: more than two years of months is no answer to read


def each_period(text: str) -> Unit | None:
    match = _EACH.search(text)
    if match is None:
        return None
    unit = (match["unit"] or match["unit2"] or match["unit3"]).lower()
    return "month" if unit == "month" else "week"


def period_parts(unit: Unit, start: date | None, end: date) -> list[tuple[date, date]]:
    """The calendar months (weeks) from `start` to `end`, each clipped to them; `start` None:
    the default span to `end`."""
    if unit == "month":
        first = (start or end - _DEFAULT_SPAN["month"]).replace(day=1)
    else:
        first = start or end - _DEFAULT_SPAN["week"]
        first -= timedelta(days=first.weekday())  # its Monday
    parts = []
    while first <= end:
        after = first + (relativedelta(months=1) if unit == "month" else timedelta(weeks=1))
        parts.append((max(first, start or first), min(after - timedelta(days=1), end)))
        first = after
    return parts


def split_call(call: MeasureArgs, parts: list[tuple[date, date]]) -> list[MeasureArgs]:
    return [
        call.model_copy(update={"start": start, "end": end, "sessions": None})
        for start, end in parts
    ]


def each_period_calls(result: Understanding, unit: Unit, latest: date, catalog: Catalog) -> None:
    """'Gold month by month', 'SPY's monthly returns in 2025': the one call split into a call
    per calendar month (week) of the window, or of the last twelve months (eight weeks) when
    none was named; parts before the instruments' data begins are left out."""
    window, intent = result.window, result.intent
    if len(result.calls) != 1 or intent is None or intent.rank != "none":
        return
    explicit = window is not None and window.explicit and window.sessions is None
    start = window.start if explicit and window is not None else None
    end = (window.end if explicit and window is not None else None) or latest
    firsts = [m.first for i in result.instruments if (m := catalog.get(i.symbol)) is not None]
    parts = [p for p in period_parts(unit, start, end) if not firsts or p[1] >= max(firsts)]
    if not parts or len(parts) > MAX_PARTS:
        if parts:
            result.problems.append(
                f"{len(parts)} {unit}s are more than the {MAX_PARTS} calls a {unit}-by-{unit} "
                "answer makes: name a shorter period"
            )
        return
    result.calls = split_call(result.calls[0], parts)
    result.each = unit
    if not explicit:  # the default span, said instead of the latest session's move
        span = "twelve months" if unit == "month" else "eight weeks"
        label = f"the last {span}"
        result.window_restated(
            Window(start=parts[0][0], end=None, label=label, explicit=True),
            f"window: none named → {label} to the latest close ({latest.isoformat()})",
            read_as="window: none named",
        )
    result.trace.append(
        f"periods: {unit} by {unit} → {intent.label} over each of {len(parts)} calendar "
        f"{unit}s, {parts[0][0].isoformat()} to {parts[-1][1].isoformat()}"
    )


def against_its_year(call: MeasureArgs, window: Window | None, latest: date) -> list[MeasureArgs]:
    """'Is the VIX elevated?': the level asked about (its average over a recent window named:
    "lately", "this month"), then its average, highest and lowest over the year to the same end,
    to judge it by. A window of half a year or more ("compared with the past year") is the
    yardstick's, not the level's: the level is the latest."""
    end = (window.end if window is not None else None) or latest
    days = 0  # the calendar days the window named spans
    if window is not None and window.explicit:
        if window.sessions:
            days = window.sessions * 7 // 5
        elif window.start is not None:
            days = (end - window.start).days
    spans = 1 < days < 180
    asked = call.model_copy(update={"aggregate": "mean"}) if spans else call
    year = {"start": end - relativedelta(years=1), "end": end, "sessions": None}
    return [asked, *(call.model_copy(update={**year, "aggregate": aggregate})
                     for aggregate in ("mean", "max", "min"))]  # fmt: skip
