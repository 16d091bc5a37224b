"""Dates and named periods written in a question: "2026-01-22", "Jan 22", "1/22/2026",
"the 22nd", "last Friday", "November 2025", "in December", "Q4", "the fourth quarter of 2025",
"H1 2025", "2025", "the week of January 12". Relative words ("this year", "past 3 months")
are in `windows`."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from dateutil import parser as date_parser

from copilot.understand.sessions import session_after, session_on_or_before
from copilot.understand.vocabulary import MONTH, MONTH_NAMES, MONTHS, ORDINALS

Kind = Literal["day", "week", "month", "quarter", "half", "year"]


@dataclass(frozen=True)
class Period:
    """A calendar period named in words; a day is a period of one day."""

    start: date
    end: date
    label: str
    kind: Kind


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    period: Period
    year_given: bool


_YEAR = r"(?:,?\s+(?:of\s+)?('?\d{4}|'\d{2}))?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),
    re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b"),
    re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){_ORD}\b{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH})(?![a-z]){_YEAR}", re.IGNORECASE),
    re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:quarter|half|century))", re.I),
    re.compile(
        rf"\b(?:(last|this|previous|past)\s+)?{_WEEKDAY}\b(?!,?\s+(?:the\s+)?(?:{MONTH}\s|\d))",
        re.IGNORECASE,
    ),
)
_QUARTER = (
    re.compile(r"\bq([1-4])(?:\s*(?:of\s+)?(?:'|fy)?(\d{4}|\d{2}))?\b", re.IGNORECASE),
    re.compile(r"\b([1-4])q\s*'?(\d{4}|\d{2})?\b", re.IGNORECASE),
    re.compile(
        r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of)?(?:\s+(\d{4}))?",
        re.IGNORECASE,
    ),
)
_HALF = (
    re.compile(r"\bh([12])(?:\s+(\d{4}))?\b", re.IGNORECASE),
    re.compile(r"\b(first|second)\s+half\b(?:\s+of)?(?:\s+(\d{4}))?", re.IGNORECASE),
)
_MONTH_YEAR = re.compile(rf"\b({MONTH})(?:\s+of)?,?\s+('?\d{{4}}|'\d{{2}})\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"\b({MONTH})(?![\w/])", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?<![\w$.,/-])((?:19|20)\d{2})(?![\w%/-]|,\d)")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NEXT_TO = re.compile(
    r"(?:the\s+)?(?:day|session|trading\s+day)\s+(after|before)\s+$", re.IGNORECASE
)
_WEEK_OF = re.compile(r"(?:the\s+)?week\s+(?:of|beginning|starting|ending)\s+$", re.IGNORECASE)
# "may" and "march" are verbs too: a month only with a capital, a year, or a period word before.
_VERB_MONTHS = {"may", "march", "mar"}
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|during|of|from|through|thru|until|till|to|for|and|early|late|mid|"
    r"end|start|beginning|between|last|this|by)\s*-?)$",
    re.IGNORECASE,
)


def find_dates(text: str, as_of: date) -> list[DateMention]:
    """Every date or named period in `text`, in order, without overlaps."""
    found: list[DateMention] = []
    for finder in (_named_days, _days, _quarters, _halves, _month_years, _months, _years):
        for mention in finder(text, as_of):
            if all(mention.end <= m.start or m.end <= mention.start for m in found):
                found.append(mention)
    found.sort(key=lambda m: m.start)
    return [_next_to(text, _week_of(text, m)) for m in found]


# Days people name instead of dating them: (month, day) fixed, or (month, weekday, nth) with
# nth = -1 for the last one in the month.
_FIXED_DAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
    "new years day": (1, 1), "independence day": (7, 4), "the fourth of july": (7, 4),
    "fourth of july": (7, 4), "july 4th": (7, 4), "juneteenth": (6, 19),
}  # fmt: skip
_FLOATING_DAYS = {
    "thanksgiving": (11, 3, 4), "black friday": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "mlk day": (1, 0, 3), "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "president's day": (2, 0, 3),
}  # fmt: skip
_NAMED_DAY = re.compile(
    r"\b(?:"
    + "|".join(re.escape(n) for n in sorted([*_FIXED_DAYS, *_FLOATING_DAYS], key=len, reverse=True))
    + r")(?:'s)?(?![\w'])",
    re.IGNORECASE,
)


def _named_days(text: str, as_of: date) -> list[DateMention]:
    out = []
    for match in _NAMED_DAY.finditer(text):
        name = match.group(0).lower().removesuffix("'s")
        year_of = as_of.year if _named_day(name, as_of.year) <= as_of else as_of.year - 1
        day = _named_day(name, year_of)
        label = f"{name.title()} {day.year} ({day.isoformat()})"
        out.append(DateMention(match.start(), match.end(), Period(day, day, label, "day"), False))
    return out


def _named_day(name: str, year: int) -> date:
    if name in _FIXED_DAYS:
        month, day = _FIXED_DAYS[name]
        return date(year, month, day)
    month, weekday, nth = _FLOATING_DAYS[name]
    if nth > 0:
        first = date(year, month, 1)
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = _month_end(year, month)
        found = last - timedelta(days=(last.weekday() - weekday) % 7)
    return found + timedelta(days=1) if name == "black friday" else found


def _days(text: str, as_of: date) -> list[DateMention]:
    out = []
    for index, pattern in enumerate(_DAY_PATTERNS):
        for match in pattern.finditer(text):
            day, year_given = _day_of(index, match, as_of)
            if day is not None:
                label = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
                period = Period(day, day, label, "day")
                out.append(DateMention(match.start(), match.end(), period, year_given))
    return out


def _day_of(index: int, match: re.Match[str], as_of: date) -> tuple[date | None, bool]:
    """The date a day pattern names (a year-less day: the latest such day on or before A)."""
    groups = match.groups()
    try:
        if index == 0:
            return date(int(groups[0]), int(groups[1]), int(groups[2])), True
        if index == 1:
            year = _year(groups[2])
            return _latest(as_of, int(groups[0]), int(groups[1]), year), year is not None
        if index in (2, 3):
            month_word, day_word = (groups[0], groups[1]) if index == 2 else (groups[1], groups[0])
            year = _year(groups[2])
            when = date_parser.parse(f"{month_word.rstrip('.')} {day_word} {year or 2000}")
            return _latest(as_of, when.month, when.day, year), year is not None
        if index == 4:
            return _day_in_month(as_of, int(groups[0])), False
        return _weekday(as_of, groups[0], groups[1]), False
    except (ValueError, OverflowError):
        return None, False


def _year(word: str | None) -> int | None:
    if not word:
        return None
    digits = word.strip("'")
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _latest(as_of: date, month: int, day: int, year: int | None) -> date:
    if year is not None:
        return date(year, month, day)
    candidate = date(as_of.year, month, day)
    return candidate if candidate <= as_of else date(as_of.year - 1, month, day)


def _day_in_month(as_of: date, day: int) -> date:
    """'the 22nd': this month's, or last month's while this month has not reached it."""
    if day <= as_of.day:
        return as_of.replace(day=day)
    previous = as_of.replace(day=1) - timedelta(days=1)
    return previous.replace(day=min(day, monthrange(previous.year, previous.month)[1]))


def _weekday(as_of: date, qualifier: str | None, name: str) -> date:
    """'Friday', 'last Friday': the latest such weekday on or before A ('last': before A)."""
    wanted = _WEEKDAY_NAMES.index(name.lower())
    back = (as_of.weekday() - wanted) % 7
    if back == 0 and qualifier and qualifier.lower() in ("last", "previous", "past"):
        back = 7
    return as_of - timedelta(days=back)


def _quarters(text: str, as_of: date) -> list[DateMention]:
    out = []
    for index, pattern in enumerate(_QUARTER):
        for match in pattern.finditer(text):
            number = ORDINALS.get(match.group(1).lower()) if index == 2 else int(match.group(1))
            if number is None:
                continue
            year = _year(match.group(2))
            first_month = 3 * number - 2
            if year is None:
                year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
            start = date(year, first_month, 1)
            end = _month_end(year, 3 * number)
            period = Period(start, end, f"Q{number} {year}", "quarter")
            out.append(DateMention(match.start(), match.end(), period, match.group(2) is not None))
    return out


def _halves(text: str, as_of: date) -> list[DateMention]:
    out = []
    for index, pattern in enumerate(_HALF):
        for match in pattern.finditer(text):
            word = match.group(1).lower()
            number = int(word) if index == 0 else (1 if word == "first" else 2)
            year = _year(match.group(2))
            first_month = 1 if number == 1 else 7
            if year is None:
                year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
            start, end = date(year, first_month, 1), _month_end(year, first_month + 5)
            period = Period(start, end, f"H{number} {year}", "half")
            out.append(DateMention(match.start(), match.end(), period, match.group(2) is not None))
    return out


def _month_years(text: str, as_of: date) -> list[DateMention]:
    out = []
    for match in _MONTH_YEAR.finditer(text):
        month = MONTHS[match.group(1).lower().rstrip(".")]
        year = _year(match.group(2))
        assert year is not None
        out.append(DateMention(match.start(), match.end(), month_period(year, month), True))
    return out


def _months(text: str, as_of: date) -> list[DateMention]:
    out = []
    for match in _MONTH_ALONE.finditer(text):
        word = match.group(1)
        key = word.lower().rstrip(".")
        verb = key in _VERB_MONTHS and not word[0].isupper()
        if verb and not _MONTH_CONTEXT.search(text[: match.start()].rstrip()):
            continue  # "what may happen"
        month = MONTHS[key]
        year = as_of.year if month <= as_of.month else as_of.year - 1
        out.append(DateMention(match.start(), match.end(), month_period(year, month), False))
    return out


def _years(text: str, as_of: date) -> list[DateMention]:
    out = []
    for match in _YEAR_ALONE.finditer(text):
        year = int(match.group(1))
        period = Period(date(year, 1, 1), date(year, 12, 31), str(year), "year")
        out.append(DateMention(match.start(), match.end(), period, True))
    return out


def _week_of(text: str, mention: DateMention) -> DateMention:
    """'the week of January 12' → that Monday to that Friday."""
    found = _WEEK_OF.search(text[: mention.start])
    if found is None or mention.period.kind != "day":
        return mention
    monday = mention.period.start - timedelta(days=mention.period.start.weekday())
    friday = monday + timedelta(days=4)
    period = Period(monday, friday, f"the week of {monday.isoformat()}", "week")
    return replace(mention, start=found.start(), period=period)


def _next_to(text: str, mention: DateMention) -> DateMention:
    """'the day after Thanksgiving', 'the session before Jan 22': the neighbouring session."""
    found = _NEXT_TO.search(text[: mention.start])
    if found is None or mention.period.kind != "day":
        return mention
    day = mention.period.start
    if found.group(1).lower() == "after":
        moved = session_after(day)
    else:
        moved = session_on_or_before(day - timedelta(days=1))
    label = f"the session {found.group(1).lower()} {mention.period.label}"
    return replace(mention, start=found.start(), period=Period(moved, moved, label, "day"))


def month_period(year: int, month: int) -> Period:
    label = f"{MONTH_NAMES[month - 1]} {year}"
    return Period(date(year, month, 1), _month_end(year, month), label, "month")


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])
