"""The days a reason names, and whether they fall in the move it explains.

A reason is bound to a window as well as to a subject: "The S&P 500 climbed 0.5% Thursday, …
after Trump called off tariffs" explains Thursday's move, not Wednesday's; "the 15% tariff …
took effect on February 10, 2025" explains nothing about natural gas in January 2026; "after a
sharp sell-off last week" is last week's news. Only days are judged here: explicit dates ("January
21, 2026", "Dec. 22-23", "2026-01-21"), weekdays ("on Thursday", read in the article's own week)
and "last week" / "this week" / "next week". Months, quarters and years are left alone: they are
the periods data releases report ("CPI rose 0.3% in December" is a reason for the day it came out).

A named day may lie up to `LEAD_DAYS` before the move (a catalyst on Friday for Monday's fall),
never after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

LEAD_DAYS = 3  # as the drivers' search window: a catalyst a few days before still explains

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
# "January 21, 2026", "Dec. 22-23", "January 13 to 14", "January 20 to January 28, 2026"
_MONTH_DAY = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY})(?![\d,]*\d{{3}})"
    rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<m2>{_MONTH})\.?\s+)?(?P<d2>{_DAY}))?"
    r"(?:,?\s+(?P<year>20\d\d))?\b",
    re.I,
)
_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"\b(?P<which>last|next|this)?\s*(?P<day>{'|'.join(_WEEKDAYS)})\b", re.I)
_WEEK = re.compile(r"\b(?P<which>last|this|next)\s+week\b", re.I)


@dataclass(frozen=True)
class NamedDays:
    """Words of a sentence that name a day or a span of days, and the days they name."""

    words: str
    first: date
    last: date

    def label(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first} to {self.last}"


def _month_number(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]  # _DAY starts with digits


def _dated(year: int | None, month: int, day: int, published: date) -> date | None:
    """The date; with no year written, the one nearest the article's publication."""
    years = [year] if year else [published.year - 1, published.year, published.year + 1]
    found = []
    for y in years:
        try:
            found.append(date(y, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs((d - published).days)) if found else None


def _explicit(sentence: str, published: date) -> list[NamedDays]:
    named: list[NamedDays] = []
    for m in _MONTH_DAY.finditer(sentence):
        year = int(m["year"]) if m["year"] else None
        first = _dated(year, _month_number(m["m1"]), _day_number(m["d1"]), published)
        last = first
        if m["d2"]:
            month = _month_number(m["m2"] or m["m1"])
            last = _dated(year, month, _day_number(m["d2"]), published)
        if first is not None and last is not None and first <= last:
            named.append(NamedDays(m.group(), first, last))
    for m in _ISO.finditer(sentence):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        named.append(NamedDays(m.group(), day, day))
    return named


def _relative(sentence: str, published: date) -> list[NamedDays]:
    """Weekdays and weeks, read in the article's own week ("Thursday" in a wrap published on
    Thursday is that day; in one published on Monday, the Thursday before)."""
    named: list[NamedDays] = []
    for m in _WEEKDAY.finditer(sentence):
        target = _WEEKDAYS.index(m["day"].lower())
        which = (m["which"] or "").lower()
        if which == "next":  # the first such day after publication
            day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        else:  # the latest on or before it ("last Friday" on a Friday: the one before)
            back = (published.weekday() - target) % 7
            day = published - timedelta(days=back or (7 if which == "last" else 0))
        named.append(NamedDays(m.group().strip(), day, day))
    monday = published - timedelta(days=published.weekday())
    for m in _WEEK.finditer(sentence):
        shift = {"last": -7, "this": 0, "next": 7}[m["which"].lower()]
        first = monday + timedelta(days=shift)
        named.append(NamedDays(m.group(), first, first + timedelta(days=6)))
    return named


def named_days(sentence: str, published: date, dated_to_day: bool = True) -> list[NamedDays]:
    """The days `sentence` names. Weekdays and weeks need the article's day of publication:
    an article dated only to its month (`dated_to_day` False) names none that can be placed."""
    named = _explicit(sentence, published)
    if dated_to_day:
        taken = [(sentence.find(n.words), sentence.find(n.words) + len(n.words)) for n in named]
        for relative in _relative(sentence, published):
            at = sentence.find(relative.words)
            # "Thursday, January 22": the date already says which day
            if not any(start - 3 <= at + len(relative.words) <= start for start, _ in taken):
                named.append(relative)
    return named


def outside_move(
    sentence: str,
    published: date,
    window: tuple[date, date],
    dated_to_day: bool = True,
    lead_days: int = LEAD_DAYS,
) -> NamedDays | None:
    """The first day the sentence names that lies outside the move's window (or more than
    `lead_days` before it): what happened then is no reason for this move."""
    start, end = window
    earliest = start - timedelta(days=lead_days)
    for named in named_days(sentence, published, dated_to_day):
        if named.last < earliest or named.first > end:
            return named
    return None
