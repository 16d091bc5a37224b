"""Dates and named periods written in a question: "2026-01-22", "Jan 22", "1/22/2026",
"the 22nd", "last Friday", "November 2025", "in December", "Q4", "the fourth quarter of 2025",
"H1 2025", "2025", "the week of January 12". Relative words ("this year", "past 3 months")
are in `windows`."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from copilot.understand.fed_days import LABEL as FED_LABEL
from copilot.understand.fed_days import fed_decisions
from copilot.understand.holidays import (
    MARKET_REOPENED,
    NAMED_DAY,
    SHORT_WEEK,
    UNNAMED,
    day_of,
    days_off,
    latest_holiday,
    name_of,
    read_name,
    short_week,
)
from copilot.understand.opex import LABELS as OPEX_LABELS
from copilot.understand.opex import opex_days
from copilot.understand.release_days import LABELS as RELEASE_LABELS
from copilot.understand.release_days import release_days
from copilot.understand.sessions import (
    is_early_close,
    session_after,
    session_on_or_before,
    sessions_counted,
)
from copilot.understand.vocabulary import MONTH, MONTH_NAMES, MONTHS, NUMBER, ORDINALS, number_of

Kind = Literal["day", "week", "part", "month", "quarter", "half", "year"]


@dataclass(frozen=True)
class Period:
    """A calendar period named in words; a day is a period of one day."""

    start: date
    end: date
    label: str
    kind: Kind
    around: date | None = None  # the day a vague period is centred on ("around Jan 21")


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
    re.compile(rf"\b({MONTH})\s+(?:the\s+)?(\d{{1,2}}){_ORD}\b{_YEAR}", re.IGNORECASE),
    re.compile(  # not "week 2 of January" (its 8th-14th: _nth_week)
        rf"(?<!week )\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH})(?![a-z]){_YEAR}", re.IGNORECASE
    ),
    re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:quarter|half|century|week))", re.I),
    re.compile(
        # not a weekday that goes on to name its date: "Thursday, Jan. 8", "a rough Thursday on
        # Jan 8", "Friday (January 9)" are that date
        rf"\b(?:(last|this|previous|past)\s+)?{_WEEKDAY}\b"
        rf"(?!,?\s+\(?(?:on\s+)?(?:the\s+)?(?:{MONTH}\s|\d))",
        re.IGNORECASE,
    ),
)
# A weekday of last week: "on Monday and Tuesday last week", "Thursday of last week", "last
# week on Tuesday", "last week, Monday and Tuesday" (a plain "Monday" is the latest Monday).
_OF_LAST_WEEK_AFTER = re.compile(
    rf"(?:\s*(?:,|and|&|or|-|to|through|thru)\s*(?:on\s+)?{_WEEKDAY})*"
    r"\s*,?\s*(?:of\s+)?(?:last|the\s+previous|previous|the\s+prior|prior)\s+week\b",
    re.IGNORECASE,
)
_OF_LAST_WEEK_BEFORE = re.compile(
    rf"\b(?:last|previous|prior)\s+week\s*[,:]?\s*(?:on\s+)?(?:{_WEEKDAY}\s*(?:,|and|&|or|-|to|"
    r"through)\s*(?:on\s+)?)*$",
    re.IGNORECASE,
)
# "December 22 and 26", "Dec 22-26", "January 12 through 16, 2026": the second day takes the
# first's month (and the year written after it), so the two read as a range's ends.
_DAY_RANGE = re.compile(
    rf"\b({MONTH})\.?\s+(\d{{1,2}}){_ORD}(\s*(?:-|\u2013|to|and|through|thru|until|till)\s*)"
    rf"(\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|pp\b|bp\b|[.,]\d|sessions?\b|days?\b|weeks?\b))"
    rf"{_YEAR}",
    re.IGNORECASE,
)
# "the 5th and 6th of January 2026", "12-16 January": the days first, then their month.
_DAYS_OF_MONTH = re.compile(
    rf"(?<!week )\b(?:the\s+)?(\d{{1,2}}){_ORD}(\s*(?:-|\u2013|to|and|through|thru|until|till)\s*)"
    rf"(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH})(?![a-z]){_YEAR}",
    re.IGNORECASE,
)
# "on the 8th and 9th", "the 12th-14th": two days of a month left unnamed (this month's, or
# last month's while this month has not reached them).
_DAYS_UNNAMED = re.compile(
    r"(?<!week )\bthe\s+(\d{1,2})(?:st|nd|rd|th)(\s*(?:-|\u2013|to|and|through|thru)\s*)"
    rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})",
    re.IGNORECASE,
)
_QUARTER = (
    re.compile(r"\bq([1-4])(?:\s*(?:of\s+)?(?:'|fy)?(\d{4}|\d{2}))?\b", re.IGNORECASE),
    re.compile(r"\b([1-4])q\s*'?(\d{4}|\d{2})?\b", re.IGNORECASE),
    re.compile(
        r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+quarter\b\s+of\s+(\d{4})"
        r"|\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of)?(?:\s+(\d{4}))?",
        re.IGNORECASE,
    ),
)
_HALF = (
    re.compile(r"\bh([12])(?:\s+(\d{4}))?\b", re.IGNORECASE),
    re.compile(  # not "the first half of January" (a part of the month: _part_of)
        rf"\b(first|second|front|back|former|latter)\s+half\b"
        rf"(?!\s+of\s+(?:the\s+month\s+of\s+)?{MONTH}\b)"
        r"(?:\s+of)?(?:\s+(\d{4}))?",
        re.IGNORECASE,
    ),
)
_MONTH_YEAR = re.compile(rf"\b({MONTH})(?:\s+of)?,?\s+('?\d{{4}}|'\d{{2}})\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"\b({MONTH})(?![\w/])", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?<![\w$.,/-])((?:19|20)\d{2})(?![\w%/-]|,\d)")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "the day after Thanksgiving", "the last full session before Christmas", "the Friday before
# MLK weekend", "the first day back after the long weekend", "when markets reopened after MLK
# Day", "post-MLK": a session beside the day.
_NEXT_TO = re.compile(
    r"(?:(?:(?:the|that)\s+)?(?:(?:first|last|final)\s+)?(?P<full>full\s+)?(?:(?:trading|shortened|"
    r"half[\s-]day|holiday[\s-]shortened|abbreviated)\s+)?(?:day|session|(?P<weekday>monday|"
    r"tuesday|wednesday|thursday|friday))(?:\s+back)?\s+(?:(?:right|just|immediately)\s+)?"
    r"(?P<side>after|before|following|prior\s+to|ahead\s+of)"
    rf"|(?:when|as|once)\s+(?:the\s+)?{MARKET_REOPENED}\s+(?:after|from|following)"
    r"|(?:(?:the\s+)?(?:first\s+)?(?:full\s+)?(?:trading\s+)?(?:day|session)\s+|coming\s+|came\s+|"
    r"getting\s+|got\s+)back\s+from)\s+(?:the\s+)?$"
    r"|\bpost[\s-]?(?:the\s+)?$"
    # "on the eve of the Fed decision": the session before it
    r"|(?P<eve>(?:on\s+)?the\s+eve\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EDGE_OF = re.compile(
    rf"(?:the\s+)?(first|last|final|opening|closing)\s+(?:(?P<n>{NUMBER})\s+)?(?:trading\s+)?"
    r"(days?|sessions?|weeks?)\s+(?:of|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FIRST_HALF = ("first", "front", "former")
# "the second week of January", "week 3 of January", "the 4th week in March": its 8th–14th …
_NTH_WEEK = re.compile(
    r"(?:the\s+)?(?:(?P<ordinal>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:trading\s+)?"
    r"week|week\s+(?P<number>[1-5]))\s+(?:of|in)\s+(?:the\s+)?(?:month\s+of\s+)?$",
    re.IGNORECASE,
)
_WEEK_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                  "fifth": 5, "5th": 5}  # fmt: skip
# "the week before Christmas", "the two weeks after New Year", "the 3 days following Jan 5",
# "the days after Christmas" (a week)
_WEEK_AROUND = re.compile(
    rf"(?:(?:the\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>weeks?|days|(?:trading\s+)?sessions|"
    r"trading\s+days)\s+(?P<side>before|after|leading\s+up\s+to|following|prior\s+to|since)"
    # "just before Christmas", "in the run-up to Thanksgiving", "right after New Year": a week
    r"|(?:just|right|shortly)\s+(?P<near>before|after)|(?:in\s+)?the\s+(?:run|lead)[\s-]up\s+to|"
    # "gold ran up into Christmas", "heading into the Fed decision": the week up to the day
    r"ahead\s+of|leading\s+up\s+to|(?P<into>(?:(?:heading|going|running|run|ran)\s+(?:up\s+)?)?"
    r"into))\s+$",
    re.IGNORECASE,
)
# "around Christmas", "near Jan 9", "the days surrounding New Year": the days on both sides.
_AROUND = re.compile(
    r"(?:(?:in\s+)?the\s+(?:days?|week|period|time|sessions?)\s+)?(?:around|surrounding|near|"
    r"close\s+to)\s+$",
    re.IGNORECASE,
)
AROUND_DAYS = 3  # each side: a week centred on the day
_WEEK_OF = re.compile(
    r"(?:the\s+)?week\s+(?:of|beginning|starting|(?P<ending>ending|ended))\s+$", re.IGNORECASE
)
# "early / mid / late January", "the (very) end of January", "the first half of January";
# "late in December", "the latter part of January" are thirds too.
_PART_OF = re.compile(
    r"(?:\b(?P<third>(?:early|late)(?:\s+in)?|mid|(?:the\s+)?middle\s+of|(?:the\s+)?(?:early|"
    r"earlier|first|opening|middle|latter|later|last|closing|final)\s+part\s+of)[\s-]*|"
    r"(?:the\s+)?(?P<very>very\s+)?(?P<edge>start|beginning|"
    r"end)\s+of\s+|(?:the\s+)?(?P<half>first|second|front|back|former|latter)\s+half\s+of\s+)"
    r"(?:the\s+month\s+of\s+)?$",
    re.IGNORECASE,
)
# "since / through / as of the end of January" is a point (the month's last close), not a part.
_POINT_BEFORE = re.compile(
    r"\b(?:since|from|through|thru|until|till|to|by|as\s+of|up\s+to)\s+$", re.IGNORECASE
)
# The parts of a month, by day of the month (docs/windows-and-measures.md).
_THIRDS = {"early": (1, 10), "start": (1, 10), "beginning": (1, 10), "mid": (11, 20),
           "late": (21, 31), "end": (21, 31)}  # fmt: skip
# "may" and "march" are verbs too: a month only with a capital, a year, or a period word before.
_VERB_MONTHS = {"may", "march", "mar"}
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|during|of|from|through|thru|until|till|to|for|and|early|late|mid|"
    r"end|start|beginning|between|last|this|by)\s*-?)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # the window finders ask about the same text several times
def find_dates(text: str, as_of: date) -> tuple[DateMention, ...]:
    """Every date or named period in `text`, in order, without overlaps."""
    found: list[DateMention] = []
    finders = (
        _fed_days, _releases, _opex, _santa_rally, _holidays, _ago, _previous, _period_ends,
        _named_days, _unnamed_holiday, _day_ranges, _days, _quarters,
        _halves, _seasons,
        _month_years, _months, _years,
    )  # fmt: skip
    for finder in finders:
        for mention in finder(text, as_of):
            if all(mention.end <= m.start or m.end <= mention.start for m in found):
                found.append(mention)
    found.sort(key=lambda m: m.start)
    # "last week on Thursday": the day of last week is named, not the whole week.
    days = [m.period.start for m in found
            if m.period.kind == "day" and _of_last_week(text, m.start, m.end)]  # fmt: skip
    found = [m for m in found
             if m.period.kind != "week" or not any(m.period.start <= d <= m.period.end
                                                   for d in days)]  # fmt: skip
    refined = _halves_named_alone([_refined(text, m) for m in found], text)
    # "the Friday before MLK weekend": the weekday is part of the day the refinement names
    return tuple(m for m in refined
                 if not any(o is not m and o.start <= m.start and m.end <= o.end
                            for o in refined))  # fmt: skip


_BARE_HALF = re.compile(r"(?:the\s+)?(first|second|front|back|former|latter)\s+half", re.I)


def _halves_named_alone(found: list[DateMention], text: str) -> list[DateMention]:
    """'the first half of January vs the second half': the second half of January too, not of
    the year; 'the second half of 2025 vs the first half': of 2025, not of this year (a half
    named alone, with no year, beside a half of a month or of a year: the one before it, else
    the one after, "the first half or the second half of 2025")."""
    out: list[DateMention] = []
    for i, mention in enumerate(found):
        before = (m.period for m in reversed(out) if _a_half(m.period))
        after = (m.period for m in found[i + 1 :]
                 if _a_half(m.period) and (m.year_given or m.period.kind == "part"))  # fmt: skip
        named = next(before, None) or next(after, None)
        bare = _BARE_HALF.fullmatch(text[mention.start : mention.end].strip())
        if named is None or mention.period.kind != "half" or mention.year_given or bare is None:
            out.append(mention)
            continue
        first = bare.group(1).lower() in _FIRST_HALF
        year, month = named.start.year, named.start.month
        if named.kind == "half":  # of a year
            start = date(year, 1 if first else 7, 1)
            end = _month_end(year, 6 if first else 12)
            label = f"H{1 if first else 2} {year}"
        else:  # of a month
            start = date(year, month, 1 if first else 16)
            end = date(year, month, 15) if first else _month_end(year, month)
            parent = named.label.split(" half of ", 1)[1]
            label = f"the {'first' if first else 'second'} half of {parent}"
        out.append(replace(mention, period=Period(start, end, label, named.kind)))
    return out


def _a_half(period: Period) -> bool:
    """A half of a year, or a half of a month ("the first half of January")."""
    return period.kind == "half" or (
        period.kind == "part" and " half of " in period.label and period.label.startswith("the ")
    )


def names_a_day_of_last_week(text: str) -> bool:
    """Whether `text` names a weekday of last week ("on Tuesday last week", "last week on
    Thursday"): its "last week" dates the day, and is no window of its own."""
    return any(_of_last_week(text, *m.span()) for m in _DAY_PATTERNS[-1].finditer(text))


def _of_last_week(text: str, start: int, end: int) -> bool:
    return bool(_OF_LAST_WEEK_AFTER.match(text, end) or _OF_LAST_WEEK_BEFORE.search(text[:start]))


def _refined(text: str, mention: DateMention) -> DateMention:
    """The mention as the words before it narrow or move it ("the week of", "the day after",
    "the last session of", "late", "the second week of"), in that order."""
    refinements = (_week_of, _part_of_a_week, _next_to, _week_around, _around, _edge_of,
                   _part_of, _nth_week, _full_week)  # fmt: skip
    for refine in refinements:
        mention = refine(text, mention)
    return mention


_AGO = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{NUMBER}|a|an|one)\s+(?P<unit>days?|sessions?|trading\s+days?|weeks?|"
    r"fortnights?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)


def _ago(text: str, as_of: date) -> list[DateMention]:
    """'a month ago', '5 days ago' (days are sessions), counted back from as-of's session."""
    out = []
    for match in _AGO.finditer(text):
        words = match.group("n").lower()
        count = 1 if words in ("a", "an", "one") else number_of(words)
        if not 0 < count <= 600:
            continue
        unit = match.group("unit").lower()
        day = session_on_or_before(as_of)
        if "day" in unit or "session" in unit:
            for _ in range(count):
                day = session_on_or_before(day - timedelta(days=1))
        elif unit.startswith(("week", "fortnight")):  # "a fortnight ago": two weeks
            day = day - timedelta(days=(14 if unit.startswith("f") else 7) * count)
        elif unit.startswith("month"):
            day = day - relativedelta(months=count)
        else:
            day = day - relativedelta(years=count)
        label = f"{match.group(0)} ({day.isoformat()})"
        out.append(DateMention(match.start(), match.end(), Period(day, day, label, "day"), True))
    return out


_PREVIOUS = re.compile(
    r"(?<!the\s)(?<!over\s)\b(?:last|previous|prior)\s+(?P<unit>year|quarter|month|week)\b",
    re.IGNORECASE,
)
_PERIOD_END = re.compile(r"\b(?P<unit>year|quarter|month)[\s-]end\b", re.IGNORECASE)


def _previous(text: str, as_of: date) -> list[DateMention]:
    """'last year', 'last month', 'last week' (Mon–Fri), 'last quarter': the calendar period
    before the current one ('the last month', 'over the last year' roll back instead)."""
    return [
        DateMention(m.start(), m.end(), previous_period(m.group("unit").lower(), as_of), True)
        for m in _PREVIOUS.finditer(text)
    ]


def previous_period(unit: str, as_of: date) -> Period:
    if unit == "year":
        year = as_of.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), f"last year ({year})", "year")
    if unit == "month":
        previous = as_of.replace(day=1) - timedelta(days=1)
        named = month_period(previous.year, previous.month)
        return Period(named.start, named.end, f"last month ({named.label})", "month")
    if unit == "quarter":
        first = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1) - relativedelta(months=3)
        end = first + relativedelta(months=3) - timedelta(days=1)
        label = f"last quarter (Q{(first.month - 1) // 3 + 1} {first.year})"
        return Period(first, end, label, "quarter")
    monday = as_of - timedelta(days=as_of.weekday() + 7)
    friday = monday + timedelta(days=4)
    return Period(monday, friday, f"last week ({monday.isoformat()} to {friday})", "week")


def _current_end(unit: str, as_of: date) -> date:
    """The calendar end of the current year, quarter, month or week."""
    if unit == "year":
        return date(as_of.year, 12, 31)
    if unit == "quarter":
        last_month = 3 * ((as_of.month - 1) // 3) + 3
        return date(as_of.year, last_month, monthrange(as_of.year, last_month)[1])
    if unit == "month":
        return as_of.replace(day=monthrange(as_of.year, as_of.month)[1])
    return as_of + timedelta(days=4 - as_of.weekday())  # its Friday


def _period_ends(text: str, as_of: date) -> list[DateMention]:
    """'year-end', 'month-end', 'quarter-end': the last day of the latest one that is over —
    the current one's last session when it is the as-of date ('month end' asked on Friday,
    January 30, 2026, the last session of January: had been December 31)."""
    out = []
    for match in _PERIOD_END.finditer(text):
        unit = match.group("unit").lower()
        last_session = session_on_or_before(_current_end(unit, as_of))
        day = last_session if last_session <= as_of else previous_period(unit, as_of).end
        label = f"{match.group(0)} ({day.isoformat()})"
        out.append(DateMention(match.start(), match.end(), Period(day, day, label, "day"), True))
    return out


_SEASON = re.compile(
    r"\b(?:(?P<which>this|last|the)\s+)?(?P<season>summer|winter|spring|fall|autumn)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _seasons(text: str, as_of: date) -> list[DateMention]:
    """'over the summer', 'last winter', 'fall 2025': three calendar months ('fall' only
    with a period word, it is a verb too)."""
    out = []
    for match in _SEASON.finditer(text):
        season = match.group("season").lower()
        before = text[: match.start()].rstrip()
        named = match.group("which") or match.group("year") or _MONTH_CONTEXT.search(before)
        if season == "fall" and not named:
            continue  # "did XLE fall": a verb
        first_month = _SEASON_MONTHS[season]
        year = _year(match.group("year"))
        if year is None:
            year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
            last = (match.group("which") or "").lower() == "last"
            if last and _season_end(year, first_month) >= as_of:
                year -= 1  # "last winter": the latest one that is over
        start = date(year, first_month, 1)
        named_year = f"{year}–{str(year + 1)[2:]}" if first_month == 12 else str(year)
        period = Period(start, _season_end(year, first_month), f"{season} {named_year}", "quarter")
        out.append(DateMention(match.start(), match.end(), period, match.group("year") is not None))
    return out


# "Over the holidays" in markets is the year-end break: Christmas Eve through the first sessions
# of January. Retail's "holiday season" is November and December (the NRF's span). "The
# holiday week" is left alone: in November it means Thanksgiving's.
_HOLIDAYS = re.compile(
    r"\b(?:(?P<which>this|last|the)\s+)?(?:(?P<before>(?:19|20)\d{2})\s+)?"
    r"(?:(?P<retail>holiday\s+(?:shopping\s+)?season)|"
    r"(?:(?:year[\s-]end|christmas|festive)\s+)?holidays|holiday\s+(?:period|break|stretch|lull)|"
    r"festive\s+(?:season|period)|christmas\s+break)(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?\b",
    re.IGNORECASE,
)


EVENT_LABELS = (FED_LABEL, *RELEASE_LABELS, *OPEX_LABELS)  # how an event's day is labelled


def names_an_event(label: str) -> bool:
    """A period label that names an event's day ("the Fed decision of 2025-12-10", "the
    session after the jobs report of 2026-01-09")."""
    return any(event in label for event in EVENT_LABELS)


def _releases(text: str, as_of: date) -> list[DateMention]:
    """'after the jobs report', 'on CPI day', 'since the December CPI report': the release's
    day (`release_days`)."""
    return [
        DateMention(start, end, Period(day, day, label, "day"), True)
        for start, end, label, day in release_days(text, as_of)
    ]


def _opex(text: str, as_of: date) -> list[DateMention]:
    """'on opex', 'into triple witching', 'since December's options expiration': the
    expiration's day (`opex`)."""
    return [
        DateMention(start, end, Period(day, day, label, "day"), True)
        for start, end, label, day in opex_days(text, as_of)
    ]


def _fed_days(text: str, as_of: date) -> list[DateMention]:
    """'since the Fed's December meeting', 'after the Fed cut rates in December': the decision's
    day (`fed_days`)."""
    return [
        DateMention(start, end, Period(day, day, f"{FED_LABEL} {day.isoformat()}", "day"), True)
        for start, end, day in fed_decisions(text, as_of)
    ]


def _holidays(text: str, as_of: date) -> list[DateMention]:
    """'over the holidays', 'the Christmas break', 'last holiday season': the latest one that
    has begun on or before `as_of` ('last': the latest that is over), or the year's named."""
    out = []
    for match in _HOLIDAYS.finditer(text):
        retail = match.group("retail") is not None
        first = (11, 1) if retail else (12, 24)
        named = match.group("year") or match.group("before")
        year = _year(named)
        if year is None:
            year = as_of.year if date(as_of.year, *first) <= as_of else as_of.year - 1
            end = date(year, 12, 31) if retail else date(year + 1, 1, 2)
            if (match.group("which") or "").lower() == "last" and end >= as_of:
                year -= 1
        start = date(year, *first)
        if retail:
            period = Period(start, date(year, 12, 31), f"the holiday season {year} "
                            f"(November and December)", "quarter")  # fmt: skip
        else:
            end = date(year + 1, 1, 2)
            label = (f"the year-end holidays {year}–{str(year + 1)[2:]} ({start.isoformat()} to "
                     f"{end.isoformat()})")  # fmt: skip
            period = Period(start, end, label, "week")
        out.append(DateMention(match.start(), match.end(), period, named is not None))
    return out


# "the Santa rally", "the Santa Claus rally period" (of 2025): the last five sessions of a year
# and the first two of the next, as the Stock Trader's Almanac defined it.
_SANTA = re.compile(
    r"\b(?:the\s+)?(?:(?P<before>(?:19|20)\d{2})\s+)?santa(?:\s+claus)?\s+rally"
    r"(?:\s+(?:period|window|stretch|days))?(?:\s+(?:of|in)\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.IGNORECASE,
)
SANTA_LAST, SANTA_FIRST = 5, 2  # sessions at the end of the year, then of the next


def _santa_rally(text: str, as_of: date) -> list[DateMention]:
    """The Santa Claus rally's sessions: the year's named, else the latest that has begun by
    `as_of` (had been an event code could not date)."""
    out = []
    for match in _SANTA.finditer(text):
        named = _year(match.group("year") or match.group("before"))
        year = named if named is not None else as_of.year - (as_of.month < 12)
        start, _ = sessions_counted(date(year, 12, 31), SANTA_LAST, False)
        _, end = sessions_counted(date(year + 1, 1, 1), SANTA_FIRST, True)
        if named is None and start > as_of:  # December, before this year's has begun
            year -= 1
            start, _ = sessions_counted(date(year, 12, 31), SANTA_LAST, False)
            _, end = sessions_counted(date(year + 1, 1, 1), SANTA_FIRST, True)
        label = f"the Santa Claus rally {year}–{str(year + 1)[2:]} ({start} to {end})"
        period = Period(start, end, label, "week")
        out.append(DateMention(match.start(), match.end(), period, named is not None))
    return out


def _season_end(year: int, first_month: int) -> date:
    last_month = first_month + 2
    year, month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
    return _month_end(year, month)


# Words that put a window before a named day ("just before Christmas", "in the run-up to
# Thanksgiving", "the week leading up to Christmas").
_BEFORE_DAY = re.compile(
    r"\b(?:before|ahead\s+of|leading\s+up\s+to|run[\s-]up\s+to|prior\s+to|heading\s+into|"
    r"going\s+into|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NAMED_YEAR = re.compile(r",?\s+(?:of\s+)?((?:19|20)\d{2})\b(?![\w%/-])")
_DAY_WEEK = re.compile(r"\s+week\b(?!\s+(?:before|after|of|ending|ended))", re.IGNORECASE)


def _named_days(text: str, as_of: date) -> list[DateMention]:
    out = []
    for match in NAMED_DAY.finditer(text):
        named = read_name(match)
        week = _DAY_WEEK.match(text, match.end()) if named.suffix is None else None
        end = week.end() if week is not None else match.end()
        year = _NAMED_YEAR.match(text, end)  # "Christmas Eve 2024": that year's, not the latest
        if year is not None:
            year_of, end = int(year.group(1)), year.end()
        else:
            # "the week before Christmas" asked on December 22: this year's, whose days
            # before it have begun, not last year's
            before = _BEFORE_DAY.search(text[: match.start()]) is not None
            latest = day_of(named.name, as_of.year) - timedelta(days=1 if before else 0)
            year_of = as_of.year if latest <= as_of else as_of.year - 1
        day = day_of(named.name, year_of)
        if week is not None:  # "Christmas week", "Thanksgiving week": that Monday to Friday
            monday = day - timedelta(days=day.weekday())
            friday = monday + timedelta(days=4)
            label = f"{named.title} week {day.year} ({monday.isoformat()} to {friday.isoformat()})"
            period = Period(monday, friday, label, "week")
        elif named.suffix is not None and named.suffix.endswith("weekend"):
            period = _weekend_of(day, f"the {named.title} weekend {day.year}")
        else:
            period = Period(day, day, f"{named.title} {day.year} ({day.isoformat()})", "day")
        out.append(DateMention(match.start(), end, period, year is not None))
    return out


def _unnamed_holiday(text: str, as_of: date) -> list[DateMention]:
    """'the holiday', 'the long weekend': the latest market holiday before `as_of` ("the first
    day back after the long weekend" asked on January 30, 2026: after MLK Day); 'the
    holiday-shortened week': that holiday's Monday to Friday."""
    out = []
    for match in SHORT_WEEK.finditer(text):
        week = short_week(as_of)
        if week is None:
            continue
        monday, friday, holiday = week
        said = f"{match.group(0).lower()} (the week of {name_of(holiday) or 'the market holiday'}"
        label = f"{said}, {monday.isoformat()} to {friday.isoformat()})"
        out.append(DateMention(match.start(), match.end(), Period(monday, friday, label, "week"),
                               False))  # fmt: skip
    for match in UNNAMED.finditer(text):
        day = latest_holiday(as_of)
        if day is None:
            continue
        said = f"{match.group(0).lower()} ({name_of(day) or 'the market holiday'})"
        if "weekend" in said:
            period = _weekend_of(day, said)
        else:
            period = Period(day, day, f"{said} ({day.isoformat()})", "day")
        out.append(DateMention(match.start(), match.end(), period, False))
    return out


def _weekend_of(day: date, said: str) -> Period:
    """The days off a holiday makes (`holidays.days_off`), labelled with the words said."""
    first, last = days_off(day)
    return Period(first, last, f"{said} ({first.isoformat()} to {last.isoformat()})", "week")


def _day_ranges(text: str, as_of: date) -> list[DateMention]:
    """Both ends of "December 22 to 26" ("the 8th and 9th": of the month they fall in last):
    a day of the month after a dated day is a date."""
    out = []
    # Each shape's groups for the month, the first day, the last day and the year.
    shapes = ((_DAY_RANGE, (1, 2, 4, 5)), (_DAYS_OF_MONTH, (4, 1, 3, 5)))
    for pattern, (month, first, last, year) in shapes:
        for match in pattern.finditer(text):
            words = match.group(month), match.group(first), match.group(last), match.group(year)
            out += _day_range(match, *words, as_of)
    for match in _DAYS_UNNAMED.finditer(text):
        final = _day_in_month(as_of, int(match.group(3)))
        named = MONTH_NAMES[final.month - 1]
        out += _day_range(match, named, match.group(1), match.group(3), str(final.year), as_of)
    return out


def _day_range(
    match: re.Match[str], month_word: str, first: str, last: str, year_word: str | None, as_of: date
) -> list[DateMention]:
    """The two days of one range match, each a mention: the first runs up to the joining
    word ("January 6th" of "January 6th and 7th"), the last from its number to the match's
    end, so that only the joiner lies between them."""
    year = _year(year_word)
    try:
        month = date_parser.parse(f"{month_word.rstrip('.')} 1 2000").month
        end = _latest(as_of, month, int(last), year)
        start = date(end.year, month, int(first))
    except (ValueError, OverflowError):
        return []
    if start >= end:
        return []
    joiner = 3 if match.re is _DAY_RANGE else 2  # the joining word's group
    spans = (
        (start, match.start(), match.start(joiner)),
        (end, match.start(joiner + 1), match.end()),
    )
    return [
        DateMention(a, b, Period(day, day, f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}",
                                 "day"), year is not None)
        for day, a, b in spans
    ]  # fmt: skip


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
            first, second = int(groups[0]), int(groups[1])
            month, day = (second, first) if first > 12 else (first, second)  # 22/1/2026
            return _latest(as_of, month, day, year), year is not None
        if index in (2, 3):
            month_word, day_word = (groups[0], groups[1]) if index == 2 else (groups[1], groups[0])
            year = _year(groups[2])
            when = date_parser.parse(f"{month_word.rstrip('.')} {day_word} {year or 2000}")
            return _latest(as_of, when.month, when.day, year), year is not None
        if index == 4:
            return _day_in_month(as_of, int(groups[0])), False
        if _of_last_week(match.string, *match.span()):
            return _in_last_week(as_of, groups[1]), False
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


def _in_last_week(as_of: date, name: str) -> date:
    """'Tuesday last week': that weekday of the calendar week before A's."""
    monday = as_of - timedelta(days=as_of.weekday() + 7)
    return monday + timedelta(days=_WEEKDAY_NAMES.index(name.lower()))


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
            groups = [g for g in match.groups() if g is not None]
            number = ORDINALS.get(groups[0].lower()) if index == 2 else int(groups[0])
            if number is None:
                continue
            year_word = groups[1] if len(groups) > 1 else None
            year = _year(year_word)
            first_month = 3 * number - 2
            if year is None:
                year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
            start = date(year, first_month, 1)
            end = _month_end(year, 3 * number)
            period = Period(start, end, f"Q{number} {year}", "quarter")
            out.append(DateMention(match.start(), match.end(), period, year_word is not None))
    return out


def _halves(text: str, as_of: date) -> list[DateMention]:
    out = []
    for index, pattern in enumerate(_HALF):
        for match in pattern.finditer(text):
            word = match.group(1).lower()
            number = int(word) if index == 0 else (1 if word in _FIRST_HALF else 2)
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
    """'the week of January 12' → that Monday to that Friday; 'the week ending January 14' →
    the seven days to it (as "the 2 weeks ending D" counts back fourteen)."""
    found = _WEEK_OF.search(text[: mention.start])
    if found is None or mention.period.kind != "day":
        return mention
    if found.group("ending"):
        end = mention.period.start
        period = Period(end - timedelta(days=6), end, f"the week to {end.isoformat()}", "week")
        return replace(mention, start=found.start(), period=period)
    monday = mention.period.start - timedelta(days=mention.period.start.weekday())
    friday = monday + timedelta(days=4)
    label = f"the week of {monday.isoformat()}"
    if names_an_event(mention.period.label):  # the event said back with its week
        label = f"the week of {mention.period.label} ({monday.isoformat()} to {friday})"
    period = Period(monday, friday, label, "week")
    return replace(mention, start=found.start(), period=period)


# "early in the week of January 12", "late in the week of Jan 12", "the start of the week of
# January 12": a part of the named week, as "early this week" is of this one
_PART_OF_A_WEEK = re.compile(
    r"(?:(?P<third>early|late|mid)(?:\s+in)?|(?:the\s+)?(?P<edge>start|beginning|end|middle)\s+"
    r"of)\s+$",
    re.IGNORECASE,
)
# Each part's weekdays (Monday = 0): early Monday–Tuesday, the middle Tuesday–Thursday, late
# Thursday–Friday; and the part an edge word names.
WEEK_PARTS = {"early": (0, 1), "mid": (1, 3), "late": (3, 4)}
WEEK_EDGES = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}


def _part_of_a_week(text: str, mention: DateMention) -> DateMention:
    """'early in the week of January 12' → Monday and Tuesday of it; 'mid' Tuesday to Thursday,
    'late' Thursday and Friday (was the whole week)."""
    found = _PART_OF_A_WEEK.search(text[: mention.start])
    period = mention.period
    if found is None or period.kind != "week" or not period.label.startswith("the week of"):
        return mention
    part = (found["third"] or WEEK_EDGES[found["edge"].lower()]).lower()
    first, last = WEEK_PARTS[part]
    start, end = period.start + timedelta(days=first), period.start + timedelta(days=last)
    label = f"the {part} part of {period.label} ({start.isoformat()} to {end.isoformat()})"
    return replace(mention, start=found.start(), period=Period(start, end, label, "week"))


def _edge_of(text: str, mention: DateMention) -> DateMention:
    """'the first trading day of 2026', 'the last session of Q4': that one session; 'the first
    week', 'the first few days', 'the closing days' of a period: its first / last seven days;
    'the first two weeks', 'the last three weeks': its first / last 7·N days."""
    found = _EDGE_OF.search(text[: mention.start])
    if found is None or mention.period.kind == "day":
        return mention
    period, first = mention.period, found.group(1).lower() in ("first", "opening")
    unit = found.group(3).lower()
    count = found.group("n")
    vague = not count or count.lower().strip() in _VAGUE_COUNTS
    if not vague and not unit.startswith("week"):
        return replace(mention, start=found.start(),
                       period=_sessions_at_edge(period, first, number_of(count)))  # fmt: skip
    if unit.startswith("week") or unit.endswith("s"):  # its first / last 7 ("few days") or 7·N days
        # "the first two weeks", "the last few weeks" (a few: 3); "the first few days": a week
        weeks = number_of(count) if unit == "weeks" and count else 1
        days = 7 * weeks - 1
        start, end = (period.start, period.start + timedelta(days=days)) if first else (
            period.end - timedelta(days=days), period.end)  # fmt: skip
        span = {"week": "week", "weeks": f"{weeks} weeks" if weeks > 1 else "week"}.get(
            unit, "seven days"
        )  # "the final weeks of December", no count: its last week
        label = f"the {found.group(1).lower()} {span} of {period.label}"
        return replace(mention, start=found.start(), period=Period(start, end, label, "week"))
    day = session_after(period.start - timedelta(days=1)) if first else session_on_or_before(
        period.end)  # fmt: skip
    label = f"the {found.group(1).lower()} session of {period.label} ({day.isoformat()})"
    return replace(mention, start=found.start(), period=Period(day, day, label, "day"))


_VAGUE_COUNTS = ("few", "a few", "several")


def _sessions_at_edge(period: Period, first: bool, count: int) -> Period:
    """'the last three sessions of 2025': that many trading sessions at the period's edge."""
    start, end = sessions_counted(period.start if first else period.end, count, forward=first)
    edge = "first" if first else "last"
    label = f"the {edge} {count} sessions of {period.label} ({start.isoformat()} to {end})"
    return Period(start, end, label, "part")


def _nth_week(text: str, mention: DateMention) -> DateMention:
    """'the second week of January' → January 8–14: the Nth seven days of the month or
    year, as "the first week of" is its first seven (a fifth week is what is left, 29th on).
    Read as the whole month, the question was answered for a window it did not ask about."""
    found = _NTH_WEEK.search(text[: mention.start])
    if found is None or mention.period.kind not in ("month", "year"):
        return mention
    ordinal = found.group("ordinal")
    nth = _WEEK_ORDINALS[ordinal.lower()] if ordinal else int(found.group("number"))
    period = mention.period
    start = period.start + timedelta(days=7 * (nth - 1))
    if start > period.end:
        return mention
    end = min(start + timedelta(days=6), period.end)
    said = f"the {ordinal.lower()} week" if ordinal else f"week {nth}"
    label = f"{said} of {period.label}"
    return replace(mention, start=found.start(), period=Period(start, end, label, "week"))


# "the first full week of January", "the last full trading week of 2025", "the 2nd full week in
# March": a whole Monday-to-Friday week inside the period
_FULL_WEEK = re.compile(
    r"(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+full\s+"
    r"(?:trading\s+)?week\s+(?:of|in)\s+(?:the\s+)?(?:month\s+of\s+)?$",
    re.IGNORECASE,
)
_FULL_WEEK_ORDINALS = {"first": 1, "1st": 1, **_WEEK_ORDINALS, "last": -1, "final": -1}


def _full_week(text: str, mention: DateMention) -> DateMention:
    """'the first full week of January' (2026) → January 5–9: the Nth (or last) Monday-to-Friday
    week whose five weekdays all fall inside the period (January 1–2, a Thursday and Friday,
    are no full week). Read as the whole month before, as "the first week of" is its first
    seven days. A period with fewer such weeks is left as it was named."""
    found = _FULL_WEEK.search(text[: mention.start])
    if found is None or mention.period.kind not in ("month", "quarter", "half", "year"):
        return mention
    period = mention.period
    monday = period.start + timedelta(days=-period.start.weekday() % 7)
    mondays = []
    while monday + timedelta(days=4) <= period.end:
        mondays.append(monday)
        monday += timedelta(days=7)
    nth = _FULL_WEEK_ORDINALS[found.group("nth").lower()]
    if not mondays or nth > len(mondays):
        return mention
    start = mondays[nth - 1] if nth > 0 else mondays[-1]
    end = start + timedelta(days=4)
    label = f"the {found.group('nth').lower()} full week of {period.label} ({start} to {end})"
    return replace(mention, start=found.start(), period=Period(start, end, label, "week"))


def _part_of(text: str, mention: DateMention) -> DateMention:
    """'late January' → January 21–31; 'early' / 'the start of' → 1–10; 'mid' → 11–20; 'the
    first / second half of' → 1–15 / 16–end; 'the very start / end of' → its first / last
    seven days."""
    found = _PART_OF.search(text[: mention.start])
    if found is None or mention.period.kind != "month":
        return mention
    if found.group("edge") and _POINT_BEFORE.search(text[: found.start()]):
        return mention
    period = mention.period
    if found.group("half"):
        first = found.group("half").lower() in _FIRST_HALF
        start, end = (1, 15) if first else (16, period.end.day)
        word = f"the {'first' if first else 'second'} half of"
    elif found.group("very"):
        edge = found.group("edge").lower()
        start, end = (1, 7) if edge != "end" else (period.end.day - 6, period.end.day)
        word = f"the very {edge} of"
    else:
        word = _third((found.group("third") or found.group("edge")).lower())
        start, end = _THIRDS[word]
        word = word if found.group("third") else f"the {word} of"
    last = period.start.replace(day=min(end, period.end.day))
    label = f"{word} {period.label}".replace("mid ", "mid-")
    days = Period(period.start.replace(day=start), last, label, "part")
    return replace(mention, start=found.start(), period=days)


def _third(words: str) -> str:
    """The third of a month the words name: "the middle of" → mid, "late in" → late, "the
    latter part of" → late, "the early part of" → early ("start" / "end" as they are)."""
    if "middle" in words:
        return "mid"
    if words.startswith(("early", "late")):
        return words.split()[0]
    if words.endswith("part of"):
        return "late" if _LATER_PART.search(words) else "early"
    return words


_LATER_PART = re.compile(r"\b(?:latter|later|last|closing|final)\b")


def _week_around(text: str, mention: DateMention) -> DateMention:
    """'the week before Christmas', 'the week after Jan 5': the seven days on that side; 'the
    two weeks after New Year', 'the 3 days following Jan 5': that many; 'the days after
    Christmas', with no count, a week."""
    found = _WEEK_AROUND.search(text[: mention.start])
    if found is None or mention.period.kind != "day":
        return mention
    if found.group("into") is not None:  # the seven days through the day itself
        day = mention.period.end
        period = Period(day - timedelta(days=6), day, f"the week up to {mention.period.label}",
                        "week")  # fmt: skip
        return replace(mention, start=found.start(), period=period)
    if found.group("unit") is None:  # "just before", "the run-up to": the week on that side
        side = (found.group("near") or "before").lower()
        return _days_beside(mention, found, 7, side == "before", f"the week {side}")
    unit = " ".join(found.group("unit").lower().split())
    side = " ".join(found.group("side").lower().split())
    sessions = unit in ("sessions", "trading sessions", "trading days")
    # "the weeks after Christmas", "the sessions after D", "the days since D": how many is not
    # said ("the days after D" are a week)
    if not found.group("n") and (unit == "weeks" or sessions or side == "since"):
        return mention
    count = number_of(found.group("n")) if found.group("n") else (1 if unit == "week" else 7)
    if side == "leading up to" and found.group("n"):
        return mention  # "the 4 days leading up to D" ends on D: relative._ENDING counts it
    if sessions:
        return _sessions_beside(mention, found, count, side in ("before", "prior to"))
    length = count * 7 if unit.startswith("week") else count
    if not 0 < length <= 366:
        return mention
    return _days_beside(mention, found, length, side in ("before", "leading up to", "prior to"))


def _sessions_beside(
    mention: DateMention, found: re.Match[str], count: int, before: bool
) -> DateMention:
    """'the 5 sessions after January 5', 'the 3 trading days before the CPI report': that many
    NYSE sessions on one side of the day (calendar days had been counted, or the count lost:
    "the 3 sessions following Jan 5" read as January 5 alone)."""
    if not 0 < count <= 260:
        return mention
    if before:  # the sessions ending the day before the mention, or starting the day after
        start, end = sessions_counted(mention.period.start - timedelta(days=1), count, False)
    else:
        start, end = sessions_counted(mention.period.end + timedelta(days=1), count, True)
    said = "the " + " ".join(found.group(0).lower().split()).removeprefix("the ")
    period = Period(start, end, f"{said} {mention.period.label}", "week")
    return replace(mention, start=found.start(), period=period)


def _around(text: str, mention: DateMention) -> DateMention:
    """'around Christmas', 'near Jan 9': the week centred on the day. Read as the day alone, "the
    gold spike around Christmas" measured Christmas Eve's fall and missed the rises beside it."""
    found = _AROUND.search(text[: mention.start])
    if found is None or mention.period.kind != "day":
        return mention
    day = mention.period.start
    label = f"{' '.join(found.group(0).lower().split())} {mention.period.label}"
    span = timedelta(days=AROUND_DAYS)
    week = Period(day - span, day + span, label, "week", around=day)
    return replace(mention, start=found.start(), period=week)


def _days_beside(
    mention: DateMention, found: re.Match[str], length: int, before: bool, said: str = ""
) -> DateMention:
    """The `length` days on one side of the mentioned day, labelled with the words said."""
    day = mention.period.start
    start, end = (day - timedelta(days=length), day - timedelta(days=1)) if before else (
        day + timedelta(days=1), day + timedelta(days=length))  # fmt: skip
    said = said or "the " + " ".join(found.group(0).lower().split()).removeprefix("the ")
    label = f"{said} {mention.period.label}"
    return replace(mention, start=found.start(), period=Period(start, end, label, "week"))


def _next_to(text: str, mention: DateMention) -> DateMention:
    """'the day after Thanksgiving', 'the session before Jan 22': the neighbouring session ('the
    first full session after', one that did not close early; 'the Friday before', that day)."""
    found = _NEXT_TO.search(text[: mention.start])
    period = mention.period
    # a day, or days off ("the Presidents' Day weekend"): the session after their last day
    if found is None or not (
        period.kind == "day" or (period.kind == "week" and (period.end - period.start).days < 7)
    ):
        return mention
    side = " ".join((found.group("side") or "after").lower().split())
    before = side in ("before", "prior to", "ahead of") or found.group("eve") is not None
    weekday = found.group("weekday")
    if weekday is not None:
        moved = _weekday_beside(period, _WEEKDAY_NAMES.index(weekday.lower()), before)
        said = weekday.capitalize()
    else:
        moved = _session_beside(period, before, full=found.group("full") is not None)
        said = "full session" if found.group("full") else "session"
    label = f"the {said} {'before' if before else 'after'} {period.label}"
    return replace(mention, start=found.start(), period=Period(moved, moved, label, "day"))


def _session_beside(period: Period, before: bool, full: bool) -> date:
    """The last session before `period`, or the first after it; a full one skips those that
    closed early."""
    day = session_on_or_before(period.start - timedelta(days=1)) if before else session_after(
        period.end)  # fmt: skip
    while full and is_early_close(day):
        day = session_on_or_before(day - timedelta(days=1)) if before else session_after(day)
    return day


def _weekday_beside(period: Period, weekday: int, before: bool) -> date:
    """The latest `weekday` before `period`, or the first after it."""
    if before:
        return period.start - timedelta(days=(period.start.weekday() - weekday - 1) % 7 + 1)
    return period.end + timedelta(days=(weekday - period.end.weekday() - 1) % 7 + 1)


def month_period(year: int, month: int) -> Period:
    label = f"{MONTH_NAMES[month - 1]} {year}"
    return Period(date(year, month, 1), _month_end(year, month), label, "month")


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def counts_from_a_day(before: str) -> bool:
    """Whether the words `before` a named day count a span from it that this reader dates ("the
    first session after", "when trading resumed after", "the two weeks after", "right after",
    "around")."""
    return any(p.search(before) for p in (_NEXT_TO, _WEEK_AROUND, _AROUND))
