"""The calendar months a figure is said to belong to: "XLE rose 2.63% in December".

A figure's window is part of what it claims. Dates written in full are read elsewhere; this reads
a month named without a day ("in December", "during January 2026", "December's gain", "this
month", "the month to date"), so that November's +2.63 % written "in December", or a 10-year
yield's November-to-December change written "in January", is not ✓ because the value matches.
A month with no year is the latest one begun by the as-of date. "Since April" is left alone:
"its best day since April" dates a record, not the figure's window.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# Full names anywhere; short ones only after "in / during / for / over / through" ("Mar" and
# "May" are words too, so bare "may" is never a month).
_FULL = r"january|february|march|april|june|july|august|september|october|november|december"
_SHORT = r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_NAMED = re.compile(
    rf"(?<!since\s)\b(?P<month>{_FULL})(?:'s)?\b(?:,?\s+(?P<year>20\d\d))?(?!\s+\d{{1,2}}\b)|"
    rf"\b(?:in|during|for|over|through(?:out)?|across)\s+(?:(?:early|mid|late)[\s-]+)?"
    rf"(?P<month2>{_SHORT}|may)\.?(?:,?\s+(?P<year2>20\d\d))?\b(?!\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
_THIS_OR_LAST = re.compile(
    r"\b(?P<which>this|last)\s+month(?:'s)?\b|\b(?P<mtd>(?:the\s+)?month[\s-]to[\s-]date|mtd)\b",
    re.IGNORECASE,
)

Month = tuple[int, int]  # (year, month)


def named_months(clause: str, as_of: date | None) -> tuple[Month, ...]:
    """The (year, month) of every month the clause names without a day; () when it names none
    (or names one with no year and there is no as-of date to place it)."""
    found: list[Month] = []
    for m in _NAMED.finditer(clause):
        name = (m["month"] or m["month2"]).lower()
        year = m["year"] or m["year2"]
        month = _MONTHS[name]
        if year:
            found.append((int(year), month))
        elif as_of is not None:
            found.append(_latest(month, as_of))
    if as_of is not None:
        for m in _THIS_OR_LAST.finditer(clause):
            this = (as_of.year, as_of.month)
            last = m["which"] is not None and m["which"].lower() == "last"
            found.append(_before(this) if last else this)  # "the month to date": this month
    return tuple(dict.fromkeys(found))


def _latest(month: int, as_of: date) -> Month:
    return (as_of.year, month) if month <= as_of.month else (as_of.year - 1, month)


def _before(month: Month) -> Month:
    year, m = month
    return (year, m - 1) if m > 1 else (year - 1, 12)


def overlaps(months: tuple[Month, ...], days: frozenset[date]) -> bool:
    """Whether a value measured over `days` (its base, start, end and extreme's dates) can be
    said of one of `months`: the span from its first to its last date touches one of them."""
    if not months or not days:
        return True
    first, last = min(days), max(days)
    return any((first.year, first.month) <= month <= (last.year, last.month) for month in months)
