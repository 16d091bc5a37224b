"""Days people name instead of dating them: "Christmas", "MLK Day", "the Presidents' Day
weekend", "Good Friday", and "the holiday" or "the long weekend" for the latest market holiday.

A question ties a move to them as often as to a date ("what sank banks when markets reopened
after MLK day?"), so each is a day here, and `dates` moves it to the session asked about.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from copilot.understand.sessions import is_session

# (month, day) fixed, or (month, weekday, nth) with nth = -1 for the last one in the month.
FIXED_DAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas eve": (12, 24), "xmas": (12, 25),
    "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
    "new years day": (1, 1), "new year's": (1, 1), "new years": (1, 1),
    "independence day": (7, 4), "the fourth of july": (7, 4),
    "fourth of july": (7, 4), "4th of july": (7, 4), "july 4th": (7, 4), "juneteenth": (6, 19),
}  # fmt: skip
_MLK = (1, 0, 3)
_PRESIDENTS = (2, 0, 3)
FLOATING_DAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "black friday": (11, 3, 4),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
    "mlk day": _MLK, "mlk jr day": _MLK, "mlk jr. day": _MLK, "mlk": _MLK,
    "martin luther king day": _MLK, "martin luther king jr day": _MLK,
    "martin luther king jr. day": _MLK, "martin luther king, jr. day": _MLK,
    "martin luther king jr": _MLK, "martin luther king jr.": _MLK,
    "presidents day": _PRESIDENTS, "presidents' day": _PRESIDENTS,
    "president's day": _PRESIDENTS, "pres day": _PRESIDENTS, "prez day": _PRESIDENTS,
    "washington's birthday": _PRESIDENTS,
    "election day": (11, 1, 1),
}  # fmt: skip
EASTER_DAYS = {"good friday": -2}  # days from Easter Sunday
_NAMES = sorted([*FIXED_DAYS, *FLOATING_DAYS, *EASTER_DAYS], key=len, reverse=True)
# "the MLK holiday", "the Presidents' Day weekend", "Thanksgiving long weekend": the day itself,
# or the days off around it.
_SUFFIX = r"(?:\s+(?P<suffix>holiday\s+weekend|long\s+weekend|weekend|holiday)\b)?"
# A "the" in front is the day's ("after the MLK holiday" reads as "after MLK Day").
NAMED_DAY = re.compile(
    r"(?:\bthe\s+)?\b(?P<name>"
    + "|".join(re.escape(n) for n in _NAMES)
    + r")(?:'s)?(?![\w'])"
    + _SUFFIX,
    re.IGNORECASE,
)
# "the holiday", "the long weekend", "the three-day weekend": the latest market holiday (not
# "the holidays" or "the holiday season": the year-end break, read in `dates`).
UNNAMED = re.compile(
    r"\bthe\s+(?:(?:long|three[\s-]day|3[\s-]day|holiday)\s+weekend|holiday(?![\s-]*(?:s\b|"
    r"season|shopping|period|break|stretch|lull|week|shortened|rally|trading|spending|sales|"
    r"volumes?|cheer|mood)))\b",
    re.IGNORECASE,
)
# "the holiday-shortened week", "this short week", "the shortened trading week": a week a market
# holiday shortens (`short_week`). Not "the holiday week": Christmas's to some, the latest
# holiday's to others, so left undated.
SHORT_WEEK = re.compile(
    r"\b(?:the|this|that)\s+(?:holiday[\s-]*(?:shortened|short)|shortened|short)\s+"
    r"(?:trading\s+)?week\b",
    re.IGNORECASE,
)
# "when markets reopened", "as trading resumed": a time, not the market as what moved.
MARKET_REOPENED = (
    r"(?:markets?|stocks|trading|wall\s+street|the\s+exchange|nyse)\s+(?:re-?opened|resumed|"
    r"came\s+back|returned|opened\s+again)\b"
)
LOOK_BACK_DAYS = 60  # "the holiday" asked in late February is still MLK Day, not Christmas


@dataclass(frozen=True)
class NamedDay:
    """A named day as the question said it: its canonical name and the suffix, if any."""

    name: str
    suffix: str | None

    @property
    def title(self) -> str:
        """The day's usual name ("mlk" → "MLK Day")."""
        if FLOATING_DAYS.get(self.name) == _MLK:
            return "MLK Day"
        if FLOATING_DAYS.get(self.name) == _PRESIDENTS:
            return "Presidents' Day"
        name = {"xmas": "christmas", "xmas eve": "christmas eve"}.get(self.name, self.name)
        return " ".join(word[:1].upper() + word[1:] for word in name.split())


def read_name(match: re.Match[str]) -> NamedDay:
    """The name a `NAMED_DAY` match says ("MLK Day's" → "mlk day")."""
    suffix = match.group("suffix")
    said = match.group(0)[match.start("name") - match.start() :]
    if suffix:
        said = said[: match.start("suffix") - match.start("name")]
    name = " ".join(said.lower().replace("’", "'").split())
    if name not in FIXED_DAYS and name not in FLOATING_DAYS and name not in EASTER_DAYS:
        name = name.removesuffix("'s")  # "Christmas's close"
    if suffix is not None:
        suffix = " ".join(suffix.lower().split())
    return NamedDay(name, suffix)


def day_of(name: str, year: int) -> date:
    """The date `name` falls on in `year`."""
    if name in FIXED_DAYS:
        month, day = FIXED_DAYS[name]
        return date(year, month, day)
    if name in EASTER_DAYS:
        sunday: date = easter(year)
        return sunday + timedelta(days=EASTER_DAYS[name])
    month, weekday, nth = FLOATING_DAYS[name]
    if nth > 0:
        first = date(year, month, 1)
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = date(year, month, monthrange(year, month)[1])
        found = last - timedelta(days=(last.weekday() - weekday) % 7)
    # Black Friday follows Thanksgiving; US Election Day is the Tuesday after the first Monday.
    if name == "black friday":
        return found + timedelta(days=1)
    if name == "election day":
        first_monday = date(year, 11, 1) + timedelta(days=(0 - date(year, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    return found


def days_off(day: date) -> tuple[date, date]:
    """The long weekend a holiday makes: Saturday to a Monday holiday, a Thursday or Friday
    holiday to the Sunday after ("after the Thanksgiving weekend" is the Monday); a midweek
    day alone."""
    if day.weekday() == 0:
        return day - timedelta(days=2), day
    if day.weekday() in (3, 4):
        return day, day + timedelta(days=6 - day.weekday())
    return day, day


def named_day_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a day ("MLK" in "post-MLK" is no ticker)."""
    return [match.span() for match in NAMED_DAY.finditer(text)]


def latest_holiday(as_of: date) -> date | None:
    """The latest weekday without an NYSE session on or before `as_of`, within
    `LOOK_BACK_DAYS`."""
    day = as_of
    for _ in range(LOOK_BACK_DAYS):
        if day.weekday() < 5 and not is_session(day):
            return day
        day -= timedelta(days=1)
    return None


def short_week(as_of: date) -> tuple[date, date, date] | None:
    """The Monday and Friday of the week a market holiday shortens, and the holiday: the
    week of `as_of` when it has one (New Year's Day makes the week of December 31 short
    before it comes), else the latest holiday's (`latest_holiday`)."""
    monday = as_of - timedelta(days=as_of.weekday())
    days = [monday + timedelta(days=n) for n in range(5)]
    day = next((d for d in days if not is_session(d)), None) or latest_holiday(as_of)
    if day is None:
        return None
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=4), day


_MARKET_HOLIDAYS = ("new year's day", "mlk day", "presidents' day", "good friday",
                    "memorial day", "juneteenth", "independence day", "labor day", "thanksgiving",
                    "christmas")  # fmt: skip


def name_of(day: date) -> str | None:
    """The name of the holiday on `day`, when one of the named days falls on it."""
    for name in _MARKET_HOLIDAYS:
        if day_of(name, day.year) == day:
            return NamedDay(name, None).title
    return None
