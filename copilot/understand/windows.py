"""The window a question names, per docs/windows-and-measures.md: a named period runs from the
last close before it to its last session's close; a point date ("since D", "from D1 to D2")
is a close; "days" are sessions; weeks, months and years are calendar spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from copilot.understand.dates import DateMention, Period, find_dates, month_period
from copilot.understand.model import Window
from copilot.understand.sessions import is_session, session_on_or_before, why_not_session
from copilot.understand.vocabulary import MONTH, NUMBER, number_of


@dataclass
class WindowFound:
    """The window, what to tell the user about it, and why it cannot be measured (if so)."""

    window: Window | None = None
    trace: str = ""
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    vague: str = ""  # period words code cannot date ("since the election", "early January")


_N = rf"(?P<n>{NUMBER})"
# Rolling spans counted back from the latest close.
_ROLLING = re.compile(
    rf"\b(?:(?P<over>over|in|during|for|within)\s+)?(?P<the>the\s+)?"
    rf"(?P<word>last|past|previous|prior|trailing|recent)"
    rf"\s+(?:{_N}\s+)?(?P<unit>trading\s+days?|sessions?|days?|weeks?|months?|years?|quarters?)\b",
    re.IGNORECASE,
)
_N_DAY = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{NUMBER})[\s-](?P<unit>day|session|week|month|year)\b"
    r"(?!\s*(?:moving|ma\b|sma\b|dma\b|ema\b|average|avg|line))",
    re.IGNORECASE,
)
_TWO_SESSIONS = re.compile(
    rf"\b(?:over|in|across|for)\s+(?:the|these|those)\s+(?P<n>{NUMBER})\s+(?:sessions|days|"
    r"trading\s+days)\b",
    re.IGNORECASE,
)
_TTM = re.compile(r"\b(?:ttm|trailing\s+twelve\s+months|trailing\s+12\s+months)\b", re.I)
_TO_DATE = {
    "year": re.compile(
        r"\b(?:ytd|year[\s-]to[\s-]date|this\s+year|so\s+far\s+(?:this|in\s+the)\s+year|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|"
        r"(?:this|the)\s+year\s+so\s+far|(?:for|in)\s+the\s+year)\b",
        re.IGNORECASE,
    ),
    "quarter": re.compile(
        r"\b(?:qtd|quarter[\s-]to[\s-]date|this\s+quarter|so\s+far\s+this\s+quarter)\b", re.I
    ),
    "month": re.compile(
        r"\b(?:mtd|month[\s-]to[\s-]date|this\s+month|so\s+far\s+this\s+month|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month)\b",
        re.IGNORECASE,
    ),
    "week": re.compile(
        r"\b(?:wtd|week[\s-]to[\s-]date|this\s+week|so\s+far\s+this\s+week|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+week)\b",
        re.IGNORECASE,
    ),
}
_PREVIOUS = re.compile(
    r"(?<!the\s)(?<!over\s)\b(?:last|previous|prior)\s+(?P<unit>year|quarter|month|week)\b",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:today|today's|this\s+session|latest\s+session)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday(?:'s)?\b", re.IGNORECASE)
_SO_FAR = re.compile(r"\bso\s+far\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\b(?:since|from)\s+(?:(?P<edge>the\s+(?:start|beginning|end|close)\s+of)\s+)?$", re.I
)
# "early January", "mid-2025", "late last year": a part of a period code will not guess at.
_FUZZY = re.compile(
    rf"\b(?:early|late|mid)[\s-]+(?:{MONTH}|(?:19|20)\d{{2}}|(?:last|this|next)\s+"
    r"(?:year|month|week|quarter)|q[1-4]|(?:the\s+)?(?:year|month|quarter))\b",
    re.IGNORECASE,
)
# "since the election", "after the Fed meeting": an event, not a date.
_EVENT = re.compile(
    r"\b(?:since|after|before|during|around|following|ahead\s+of)\s+(?:the\s+|last\s+|this\s+|"
    r"that\s+)?[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?",
    re.IGNORECASE,
)
_THROUGH = re.compile(
    r"\b(?:through|thru|until|till|up\s+to|as\s+of|by)\s+(?:the\s+)?(?:(?:close|end)\s+(?:of|on)\s+)?$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*(?:to|through|thru|until|till|and|-|–)\s*(?:the\s+)?$", re.I)
_COMBINED = re.compile(r"\b(?:combined|together|both\s+(?:days|sessions)|in\s+total)\b", re.I)


def find_window(text: str, as_of: date, latest: date) -> WindowFound:
    """The window named in `text` (instrument names already blanked), for an instrument whose
    latest close on or before `as_of` is `latest`. Nothing named → `window` is None."""
    for finder in (_rolling, _two_sessions, _previous_period, _to_date, _today, _yesterday):
        found = finder(text, as_of, latest)
        if found is not None:
            return found
    mentions = find_dates(text, as_of)
    fuzzy = _FUZZY.search(text)
    if fuzzy is not None:
        return WindowFound(vague=fuzzy.group(0).strip())
    if mentions:
        return _from_mentions(text, mentions, as_of, latest)
    event = _EVENT.search(text)
    if event is not None:
        return WindowFound(vague=event.group(0).strip())
    if _SO_FAR.search(text):
        return _through_latest(
            date(as_of.year, 1, 1), "year to date", latest, _spans(_SO_FAR, text)
        )
    return WindowFound()


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _rolling(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _ROLLING.search(text)
    if match is not None and not _rolling_words(match):
        match = None
    match = match or _N_DAY.search(text) or _TTM.search(text)
    if match is None:
        return None
    if match.re is _TTM:
        return _calendar_span(12, "months", "the last 12 months", latest, [match.span()])
    count = number_of(match.groupdict().get("n"))
    unit = match.group("unit").lower()
    if match.re is _N_DAY and count == 1:
        return None  # "one-day drop", "1-day move": a daily measure, not a window
    spans = [match.span()]
    if "day" in unit or "session" in unit:
        return _sessions(count, spans, latest)
    plural = "" if count == 1 else "s"
    if unit.startswith("week"):
        start = latest - timedelta(days=7 * count) + timedelta(days=1)
        label = f"the past {_count(count)}week{plural}"
        return _through_latest(start, label, latest, spans)
    months = count * {"month": 1, "quarter": 3, "year": 12}[unit.rstrip("s")]
    label = f"the past {_count(count)}{unit.rstrip('s')}{plural}"
    return _calendar_span(months, "months", label, latest, spans)


def _rolling_words(match: re.Match[str]) -> bool:
    """'past month', 'the last month', 'last 3 months' roll back from the latest close; plain
    'last month' / 'previous week' name the calendar period before the current one."""
    if match.group("n") or match.group("the") or match.group("over") == "over":
        return True
    return match.group("word").lower() in ("past", "trailing", "recent")


def _count(count: int) -> str:
    return "" if count == 1 else f"{count} "


def _sessions(count: int, spans: list[tuple[int, int]], latest: date) -> WindowFound:
    label = "the latest session" if count == 1 else f"the last {count} sessions"
    window = Window(sessions=count, label=label, explicit=True)
    trace = (
        f"window: {label} → from the close {count} session{'s' if count > 1 else ''} before "
        f"the latest to the latest close ({latest.isoformat()})"
    )
    return WindowFound(window, trace, spans=spans)


def _two_sessions(text: str, as_of: date, latest: date) -> WindowFound | None:
    """'over the two sessions' with no dates named: the last two sessions."""
    match = _TWO_SESSIONS.search(text)
    if match is None or find_dates(text, as_of):
        return None
    return _sessions(number_of(match.group("n")), [match.span()], latest)


def _calendar_span(
    months: int, unit: str, label: str, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    start = latest - relativedelta(months=months) + timedelta(days=1)
    return _through_latest(start, label, latest, spans)


def _through_latest(
    start: date, label: str, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    window = Window(start=start, end=None, label=label, explicit=True)
    trace = (
        f"window: {label} → from the last close before {start.isoformat()} to the latest "
        f"close ({latest.isoformat()})"
    )
    return WindowFound(window, trace, spans=spans)


def _to_date(text: str, as_of: date, latest: date) -> WindowFound | None:
    for unit, pattern in _TO_DATE.items():
        match = pattern.search(text)
        if match is None:
            continue
        if unit == "year":
            start, label = date(as_of.year, 1, 1), "year to date"
        elif unit == "quarter":
            start = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
            label = "quarter to date"
        elif unit == "month":
            start, label = as_of.replace(day=1), "month to date"
        else:
            start, label = as_of - timedelta(days=as_of.weekday()), "week to date"
        return _through_latest(start, label, latest, [match.span()])
    return None


def _previous_period(text: str, as_of: date, latest: date) -> WindowFound | None:
    """'last year', 'last month', 'last week' (Mon–Fri), 'last quarter': the calendar period
    before the current one."""
    match = _PREVIOUS.search(text)
    if match is None or _SINCE.search(text[: match.start()]):
        return None
    unit = match.group("unit").lower()
    if unit == "year":
        period = Period(date(as_of.year - 1, 1, 1), date(as_of.year - 1, 12, 31), "", "year")
        period = Period(period.start, period.end, f"last year ({as_of.year - 1})", "year")
    elif unit == "month":
        previous = as_of.replace(day=1) - timedelta(days=1)
        named = month_period(previous.year, previous.month)
        period = Period(named.start, named.end, f"last month ({named.label})", "month")
    elif unit == "quarter":
        first = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1) - relativedelta(months=3)
        end = first + relativedelta(months=3) - timedelta(days=1)
        quarter = (first.month - 1) // 3 + 1
        period = Period(first, end, f"last quarter (Q{quarter} {first.year})", "quarter")
    else:
        monday = as_of - timedelta(days=as_of.weekday() + 7)
        friday = monday + timedelta(days=4)
        period = Period(monday, friday, f"last week ({monday.isoformat()} to {friday})", "week")
    return _period_window(period, as_of, latest, [match.span()])


def _today(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _TODAY.search(text)
    if match is None:
        return None
    found = _sessions(1, [match.span()], latest)
    assert found.window is not None
    found.window = found.window.model_copy(update={"label": f"today ({latest.isoformat()})"})
    found.trace = (
        f"window: today → the latest session ({latest.isoformat()}), its move from the "
        "previous close"
    )
    return found


def _yesterday(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _YESTERDAY.search(text)
    if match is None:
        return None
    day = session_on_or_before(as_of - timedelta(days=1))
    period = Period(day, day, f"yesterday ({day.isoformat()})", "day")
    return _period_window(period, as_of, latest, [match.span()])


def _from_mentions(
    text: str, mentions: list[DateMention], as_of: date, latest: date
) -> WindowFound:
    first = mentions[0]
    spans = [(m.start, m.end) for m in mentions]
    if len(mentions) >= 2 and _RANGE_JOIN.match(text[first.end : mentions[1].start]):
        return _range(text, first, mentions[1], as_of, latest, spans)
    since = _SINCE.search(text[: first.start])
    if since is not None:
        return _since(first.period, since.group("edge"), as_of, latest, spans)
    if _THROUGH.search(text[: first.start]):
        return _through(first.period, as_of, spans)
    return _period_window(first.period, as_of, latest, spans)


def _range(
    text: str, one: DateMention, two: DateMention, as_of: date, latest: date,
    spans: list[tuple[int, int]],
) -> WindowFound:  # fmt: skip
    start_period, end_period = one.period, two.period
    if start_period.start > end_period.start and not one.year_given:
        start_period = _year_back(start_period)
    joined_by_and = text[one.end : two.start].strip().lower() == "and"
    between = re.search(r"\bbetween\s+$", text[: one.start], re.IGNORECASE)
    days = start_period.kind == "day" and end_period.kind == "day"
    if days and not (joined_by_and and not between and _COMBINED.search(text)):
        return _points(start_period.start, end_period.start, as_of, latest, spans)
    label = f"{start_period.label} to {end_period.label}"
    return _period_window(
        Period(start_period.start, end_period.end, label, "day"), as_of, latest, spans
    )


def _year_back(period: Period) -> Period:
    start, end = period.start - relativedelta(years=1), period.end - relativedelta(years=1)
    return Period(
        start, end, period.label.replace(str(period.start.year), str(start.year)), period.kind
    )


def _points(
    one: date, two: date, as_of: date, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    """'from D1 to D2': the move from the close of D1 to the close of D2."""
    found = WindowFound(spans=spans)
    label = f"from {one.isoformat()} to {two.isoformat()}"
    for day in (one, two):
        _say_snap(day, found)
    if two > as_of:
        found.problems.append(_future(two, as_of))
        return found
    found.window = Window(start=one + timedelta(days=1), end=two, label=label, explicit=True)
    found.trace = (
        f"window: {label} → from the close of {_snapped(one)} to the close of {_snapped(two)}"
    )
    return found


def _through(period: Period, as_of: date, spans: list[tuple[int, int]]) -> WindowFound:
    """'through Feb 13', 'as of the end of January': everything up to that close."""
    found = WindowFound(spans=spans)
    end = period.end
    if end > as_of:
        found.problems.append(_future(end, as_of))
        return found
    _say_snap(end, found)
    label = f"through {end.isoformat()}"
    found.window = Window(start=None, end=end, label=label, explicit=True)
    found.trace = f"window: {label} → up to the close of {_snapped(end)}"
    return found


def _since(
    period: Period, edge: str | None, as_of: date, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    """'since D': from the close of D; 'since November': from the close before it; 'since the
    end of 2025': from the close of its last day."""
    found = WindowFound(spans=spans)
    at_end = edge is not None and edge.split()[-2] in ("end", "close")
    if period.kind == "day" or at_end:
        point = period.end
        _say_snap(point, found)
        if point > as_of:
            found.problems.append(_future(point, as_of))
            return found
        label = f"since {point.isoformat()}"
        found.window = Window(start=point + timedelta(days=1), label=label, explicit=True)
        found.trace = (
            f"window: {label} → from the close of {_snapped(point)} to the latest close "
            f"({latest.isoformat()})"
        )
        return found
    if period.start > as_of:
        found.problems.append(_future(period.start, as_of))
        return found
    through = _through_latest(period.start, f"since {period.label}", latest, spans)
    return through


def _period_window(
    period: Period, as_of: date, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    found = WindowFound(spans=spans)
    if period.start > as_of:
        found.problems.append(_future(period.start, as_of))
        return found
    if period.kind == "day" and period.start == period.end:
        return _one_day(period, found)
    if period.end >= as_of:
        label = f"{period.label}, so far"
        found.window = Window(start=period.start, end=None, label=label, explicit=True)
        found.trace = (
            f"window: {label} → from the last close before {period.start.isoformat()} to the "
            f"latest close ({latest.isoformat()})"
        )
        return found
    found.window = Window(start=period.start, end=period.end, label=period.label, explicit=True)
    found.trace = (
        f"window: {period.label} → from the last close before {period.start.isoformat()} to "
        f"the last close on or before {period.end.isoformat()}"
    )
    return found


def _one_day(period: Period, found: WindowFound) -> WindowFound:
    """A day is one session: a non-session day snaps to the close that stood on it."""
    day = _say_snap(period.start, found)
    found.window = Window(start=day, end=day, label=period.label, explicit=True)
    found.trace = (
        f"window: {period.label} → the session of {day.isoformat()} (its move from the "
        "previous close)"
    )
    return found


def _say_snap(day: date, found: WindowFound) -> date:
    session = _snapped(day)
    if session != day:
        found.notes.append(
            f"{day.isoformat()} is {why_not_session(day)}: the close of {session.isoformat()} "
            "is used"
        )
    return session


def _snapped(day: date) -> date:
    return day if is_session(day) else session_on_or_before(day)


def _future(day: date, as_of: date) -> str:
    return (
        f"{day.isoformat()} is after the as-of date {as_of.isoformat()}: nothing after it is "
        f"visible; ask about a period up to {as_of.isoformat()} (or set a later as-of date)."
    )
