"""The calendar months a figure is said to belong to: "XLE rose 2.63% in December".

A figure's window is part of what it claims. Dates written in full are read elsewhere; this reads
a month named without a day ("in December", "during January 2026", "December's gain", "this
month", "the month to date"), so that November's +2.63 % written "in December", or a 10-year
yield's November-to-December change written "in January", is not ✓ because the value matches.
A month with no year is the latest one begun by the as-of date. "Since (mid-)April" ("its best
day since April" dates a record), "released in January" and "December's report" are left alone:
they are not the figure's window.
"""

from __future__ import annotations

import re
from datetime import date

from copilot.claims.numbers import MONTHS

# Full names anywhere (capitalised "March": "its march higher" is no month); short ones only
# after "in / during / for / over / through" ("Mar" and "May" are words too, so bare "may" is
# never a month).
_FULL = r"january|february|march|april|june|july|august|september|october|november|december"
_SHORT = r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_NAMED = re.compile(
    rf"\b(?P<month>{_FULL})(?:'s)?\b(?:,?\s+(?P<year>20\d\d))?(?!\s+\d{{1,2}}\b)|"
    rf"\b(?:in|during|for|over|through(?:out)?|across)\s+(?:(?:early|mid|late)[\s-]+)?"
    rf"(?P<month2>{_SHORT}|may|march)\.?(?:,?\s+(?P<year2>20\d\d))?\b(?!\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
_THIS_OR_LAST = re.compile(
    r"\b(?P<which>this|last)\s+month(?:'s)?\b|\b(?P<mtd>(?:the\s+)?month[\s-]to[\s-]date|mtd)\b",
    re.IGNORECASE,
)
# Months that are not the figure's: "its best day since (mid-)April" dates a record; "the CPI
# report released in January", "December's jobs report" name when news came out.
_NOT_THE_FIGURES_BEFORE = re.compile(
    r"(?:\bsince\s+(?:(?:early|mid|late|last|the\s+(?:start|end)\s+of)[\s-]+)?|"
    r"\b(?:released|reported|published|issued|out)\s+(?:in|on|during)\s+)$",
    re.IGNORECASE,
)
_NOT_THE_FIGURES_AFTER = re.compile(
    r"'s\s+(?:[\w-]+\s+)?(?:report|print|release|reading|data|figures?|numbers?)\b", re.IGNORECASE
)

Month = tuple[int, int]  # (year, month)


def named_months(clause: str, as_of: date | None) -> tuple[Month, ...]:
    """The (year, month) of every month the clause names without a day; () when it names none
    (or names one with no year and there is no as-of date to place it)."""
    found: list[Month] = []
    for m in _NAMED.finditer(clause):
        if _not_the_figures(clause, m) or (m["month"] or "").startswith("march"):
            continue  # lower-case "march" is the verb or the noun
        name = (m["month"] or m["month2"]).lower()
        year = m["year"] or m["year2"]
        month = MONTHS[name]
        if year:
            found.append((int(year), month))
        elif as_of is not None:
            found.append(_latest(month, as_of))
    if as_of is not None:
        for m in _THIS_OR_LAST.finditer(clause):
            if _not_the_figures(clause, m):
                continue
            this = (as_of.year, as_of.month)
            last = m["which"] is not None and m["which"].lower() == "last"
            found.append(_before(this) if last else this)  # "the month to date": this month
    return tuple(dict.fromkeys(found))


def _not_the_figures(clause: str, m: re.Match[str]) -> bool:
    before = clause[: m.start()]
    after = clause[m.end() - 2 if m.group().endswith("'s") else m.end() :]
    return bool(_NOT_THE_FIGURES_BEFORE.search(before) or _NOT_THE_FIGURES_AFTER.match(after))


def _latest(month: int, as_of: date) -> Month:
    return (as_of.year, month) if month <= as_of.month else (as_of.year - 1, month)


def _before(month: Month) -> Month:
    year, m = month
    return (year, m - 1) if m > 1 else (year - 1, 12)


def overlaps(months: tuple[Month, ...], span: tuple[date, date]) -> bool:
    """Whether a value measured over `span` (its first and last day, not the base close it is
    read from: December's move is not November's) can be said of one of `months`."""
    if not months:
        return True
    first, last = span
    return any((first.year, first.month) <= month <= (last.year, last.month) for month in months)
