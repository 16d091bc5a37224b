"""'Month by month', 'each week', 'monthly returns': one measure over each calendar month (or
Monday-to-Sunday week) of the window, a call each (was one move over the whole window, or the
latest session's when no window was named)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from copilot.market.measure_model import MeasureArgs

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
