"""The days a reason names, and whether they fall in the move it explains.

A reason is bound to a window as well as to a subject: "The S&P 500 climbed 0.5% Thursday, …
after Trump called off tariffs" explains Thursday's move, not Wednesday's; "the 15% tariff …
took effect on February 10, 2025" explains nothing about natural gas in January 2026; "after a
sharp sell-off last week" is last week's news. Only days are judged here: dates written out
("January 21, 2026", "Dec. 22-23", "2026-01-21"), weekdays ("on Thursday", read in the
article's own week), "last week" / "this week" / "next week", and the parts of a year no
release reports ("mid-year", "this summer": "Fixed income rallied mid-year due to a choppy
rally of US long duration government bonds" was shown under Treasuries' mid-December rise).
Months, quarters and years are left alone: they are the periods data releases report ("CPI
rose 0.3% in December" is a reason for the day it came out).

A named day may lie up to `LEAD_DAYS` before the move (a catalyst on Friday for Monday's fall),
never after it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from copilot.claims.numbers import Number, find_dates
from copilot.understand.relative import BEFORE_A_DAY

LEAD_DAYS = 3  # as the drivers' search window: a catalyst a few days before still explains

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"\b(?P<which>last|next|this)?\s*(?P<day>{'|'.join(_WEEKDAYS)})\b", re.I)
_WEEK = re.compile(r"\b(?P<which>last|this|next)\s+week\b", re.I)
# Parts of a year no release reports: "mid-year" (June and July), "mid-2025", the summer and the
# spring ("this summer", "over the summer", "last spring"); "fall" is a move's verb, and the
# winter spans two years.
_MID_YEAR = re.compile(r"\bmid[-\s]?(?:year|(?P<year>20\d\d))\b", re.I)
_SEASON = re.compile(
    r"\b(?P<which>this|last|next|the|in|over|during)\s+(?P<season>summer|spring)\b", re.I
)
_SEASONS = {"spring": (3, 5), "summer": (6, 8)}


@dataclass(frozen=True)
class NamedDays:
    """Words of a sentence that name a day or a span of days, and the days they name."""

    words: str
    first: date
    last: date

    def label(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first} to {self.last}"


def _dated(found: Number, published: date) -> date | None:
    """The day a written date means; with no year written, the one nearest the article's
    publication ("Dec. 31" in a January 2 wrap is the last day of the year before)."""
    if found.day is not None or found.month_day is None:
        return found.day
    days = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(date(year, *found.month_day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - published).days)) if days else None


def _explicit(sentence: str, published: date) -> list[NamedDays]:
    """Dates written out, read by the figure checker's own date reader (`find_dates`): each
    end of a range ("December 22-23") is a day of its own."""
    named = []
    for found in find_dates(sentence):
        day = _dated(found, published)
        if day is not None:
            named.append(NamedDays(found.text, day, day))
    return named


def relative_days(sentence: str, published: date) -> list[NamedDays]:
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


def parts_of_a_year(sentence: str, published: date) -> list[NamedDays]:
    """ "Mid-year" and the seasons, read in the article's year ("last summer" in a January
    article: the year before; "this summer" in one from before June: the coming one)."""
    named: list[NamedDays] = []
    for m in _MID_YEAR.finditer(sentence):
        year = int(m["year"]) if m["year"] else published.year
        named.append(NamedDays(m.group(), date(year, 6, 1), date(year, 7, 31)))
    for m in _SEASON.finditer(sentence):
        first, last = _SEASONS[m["season"].lower()]
        year = published.year
        if (m["which"].lower() == "last" and published.month <= last) or (
            m["which"].lower() not in ("this", "next") and published.month < first
        ):
            year -= 1  # the latest such season begun by the article's day
        if m["which"].lower() == "next" and published.month >= first:
            year += 1
        end = date(year, last, monthrange(year, last)[1])
        named.append(NamedDays(m.group(), date(year, first, 1), end))
    return named


def named_days(sentence: str, published: date, dated_to_day: bool = True) -> list[NamedDays]:
    """The days `sentence` names. Weekdays and weeks need the article's day of publication:
    an article dated only to its month (`dated_to_day` False) names none that can be placed;
    "mid-year" and the seasons need only its year."""
    named = _explicit(sentence, published) + parts_of_a_year(sentence, published)
    if dated_to_day:
        taken = [(sentence.find(n.words), sentence.find(n.words) + len(n.words)) for n in named]
        for relative in relative_days(sentence, published):
            at = sentence.find(relative.words)
            # "Thursday, January 22": the date already says which day
            if not any(start - 3 <= at + len(relative.words) <= start for start, _ in taken):
                named.append(relative)
    return named


def _reason_days(sentence: str, published: date, dated_to_day: bool) -> list[NamedDays]:
    """The days a reason names as its own: not one it says the move came before ("Gold rose
    ahead of the January 30 crash", the question's words echoed: a bound, not its day)."""
    return [named for named in named_days(sentence, published, dated_to_day)
            if not BEFORE_A_DAY.search(sentence[: max(sentence.find(named.words), 0)])]  # fmt: skip


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
    for named in _reason_days(sentence, published, dated_to_day):
        if named.last < earliest or named.first > end:
            return named
    return None


def after_publication(
    sentence: str, published: date, dated_to_day: bool = True
) -> NamedDays | None:
    """The first day the sentence names when every day it names comes after the article's
    publication day: an article cannot report what happened after it was written ("Tesla,
    Amazon and Palantir led gains on January 9" drawn from a January 6 wrap of January 5).
    None when it names none, or a day on or before it, or the article's day is unknown."""
    if not dated_to_day:
        return None
    named = _reason_days(sentence, published, dated_to_day)
    if not named or min(n.first for n in named) <= published:
        return None
    return min(named, key=lambda n: n.first)
