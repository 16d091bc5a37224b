"""Sessions on one weekday: "the last 3 Fridays", "on Mondays this month", "every Friday in
January" — the measure over each such session, a call each (had been the latest session's move,
silently: no window reader knows a set of days).

The weekday words are read here and left out of the window reading, which dates the rest ("this
month", "in January"); with no other window, the last eight such sessions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from copilot.understand.model import Understanding, Window
from copilot.understand.periods import MAX_PARTS, split_call
from copilot.understand.sessions import is_session
from copilot.understand.vocabulary import NUMBER, number_of

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_DAY = "(?:" + "|".join(_DAYS) + ")"
_WEEKDAYS = re.compile(
    # "the last 3 Fridays", "the past few Mondays", "the previous two fridays"
    rf"\b(?:(?:over|in|on|for|during)\s+)?(?:the\s+)?(?:last|past|previous|recent)\s+"
    rf"(?:(?P<n>{NUMBER})\s+)?(?P<day>{_DAY})s\b"
    # "on Fridays", "every Monday", "each Friday", "Mondays this month" (not "on Friday": a day)
    rf"|\b(?:on\s+(?P<day2>{_DAY})s|(?:every|each)\s+(?P<day4>{_DAY})s?)\b"
    r"(?!\s+(?:before|after|of)\b)"
    rf"|\b(?:on\s+)?(?P<day3>{_DAY})s\b(?=\s+(?:this|last|in|since|so\s+far)\b)",
    re.IGNORECASE,
)
DEFAULT_COUNT = 8  # with no window named: the last eight


@dataclass(frozen=True)
class WeekdaySet:
    weekday: int  # Monday = 0
    count: int | None  # "the last 3 Fridays": 3; None: every one in the window
    span: tuple[int, int]  # where the words are, left out of the window reading

    @property
    def name(self) -> str:
        return _DAYS[self.weekday].capitalize()


def weekday_set(text: str) -> WeekdaySet | None:
    match = _WEEKDAYS.search(text)
    if match is None:
        return None
    day = (match["day"] or match["day2"] or match["day3"] or match["day4"]).lower()
    count = number_of(match["n"]) if match["n"] else None
    if match["day"] and count is None:  # "the last Fridays": a few of them
        count = DEFAULT_COUNT
    return WeekdaySet(_DAYS.index(day), count, match.span())


def without_weekdays(text: str, found: WeekdaySet | None) -> str:
    if found is None:
        return text
    start, end = found.span
    return f"{text[:start]} {text[end:]}"


def weekday_calls(result: Understanding, found: WeekdaySet, latest: date) -> None:
    """The one call split into a call per session on the weekday: the last `count` up to the
    latest close, or every one inside the window read (the last eight when none was named);
    a holiday on that weekday is no session and is skipped."""
    intent, window = result.intent, result.window
    if len(result.calls) != 1 or intent is None or intent.rank != "none" or result.each:
        return
    if result.why:  # one move is explained at a time
        result.problems.append(
            f"{found.name}s are separate sessions, and a why-answer explains one move: ask why "
            f"on one {found.name} (a date), or how it did on each {found.name}"
        )
        return
    explicit = window is not None and window.explicit and window.sessions is None
    start = window.start if explicit and window is not None else None
    end = min((window.end if explicit and window is not None else None) or latest, latest)
    count = found.count or (None if start is not None else DEFAULT_COUNT)
    days: list[date] = []
    day = end - timedelta(days=(end.weekday() - found.weekday) % 7)
    while (count is None or len(days) < count) and (start is None or day >= start):
        if is_session(day):
            days.append(day)
        day -= timedelta(days=7)
        if len(days) > MAX_PARTS or (start is None and day < end - timedelta(days=400)):
            break
    if not days or len(days) > MAX_PARTS:
        if days:
            result.problems.append(
                f"{len(days)} {found.name}s are more than the {MAX_PARTS} calls an answer over "
                f"each {found.name} makes: name a shorter period"
            )
        return
    days.reverse()
    result.calls = split_call(result.calls[0], [(d, d) for d in days])
    result.each = found.name
    if not explicit:  # said instead of the latest session's move
        label = f"the last {len(days)} {found.name}s"
        result.window_restated(
            Window(start=days[0], end=days[-1], label=label, explicit=True),
            f"window: none named → {label} to the latest close ({latest.isoformat()})",
            read_as="window: none named",
        )
    result.trace.append(
        f"periods: each {found.name} → {intent.label} on each of {len(days)} sessions, "
        f"{days[0].isoformat()} to {days[-1].isoformat()}"
    )
