"""Building windows per docs/windows-and-measures.md, and what to tell the user about them
(snapping a non-session day, a date after as-of)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from copilot.understand.dates import Period
from copilot.understand.model import Window
from copilot.understand.sessions import is_session, session_on_or_before, why_not_session


@dataclass
class WindowFound:
    """The window, what to tell the user about it, and why it cannot be measured (if so)."""

    window: Window | None = None
    trace: str = ""
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    vague: str = ""  # period words code cannot date ("since the election", "early January")
    all_time: bool = False  # "since inception", "all-time": from the first stored observation
    also: list[Window] = field(default_factory=list)  # "Q4 vs Q3": the periods compared
    # "from February to July" read as one range; each named period on its own, in case the
    # question compares their figures ("the monthly average change from February to July").
    parts: list[WindowFound] = field(default_factory=list)


def sessions_window(count: int, spans: list[tuple[int, int]], latest: date) -> WindowFound:
    label = "the latest session" if count == 1 else f"the last {count} sessions"
    window = Window(sessions=count, label=label, explicit=True)
    trace = (
        f"window: {label} → from the close {count} session{'s' if count > 1 else ''} before "
        f"the latest to the latest close ({latest.isoformat()})"
    )
    return WindowFound(window, trace, spans=spans)


def through_latest(
    start: date, label: str, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    window = Window(start=start, end=None, label=label, explicit=True)
    trace = (
        f"window: {label} → from the last close before {start.isoformat()} to the latest "
        f"close ({latest.isoformat()})"
    )
    return WindowFound(window, trace, spans=spans)


def without_a_session(found: WindowFound, latest_session: date) -> WindowFound:
    """'This month' asked on Sunday the 1st: a period through the latest close that starts after
    the latest session on the calendar has no move to measure (measured anyway, it was the
    latest close against itself), so it is said. (A period that starts after the data ends, with
    sessions on the calendar, is the data's problem: `choose.data_problems` names the fix.)"""
    window = found.window
    if window is None or window.end is not None or window.start is None:
        return found
    if window.start <= latest_session:
        return found
    problem = (
        f"the period asked ({window.label}) has no closed session yet: it starts "
        f"{window.start.isoformat()} and the latest session is {latest_session.isoformat()}; "
        "ask about an earlier period (e.g. 'last month', 'the last 5 sessions')."
    )
    return WindowFound(problems=[*found.problems, problem], spans=found.spans)


def _loose(period: Period) -> bool:
    """'late January', 'the end of December', 'around Jan 21': named loosely, not a calendar
    period's own edges."""
    return period.kind == "part" or period.around is not None


def period_window(
    period: Period, as_of: date, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    found = WindowFound(spans=spans)
    if period.start > as_of:
        found.problems.append(future_problem(period.start, as_of))
        return found
    if period.kind == "day" and period.start == period.end:
        return one_day(period, found)
    if period.end >= as_of:
        label = f"{period.label}, so far"
        found.window = Window(start=period.start, end=None, label=label, explicit=True,
                              around=period.around, loose=_loose(period))  # fmt: skip
        found.trace = (
            f"window: {label} → from the last close before {period.start.isoformat()} to the "
            f"latest close ({latest.isoformat()})"
        )
        return found
    found.window = Window(start=period.start, end=period.end, label=period.label, explicit=True,
                          around=period.around, loose=_loose(period))  # fmt: skip
    found.trace = (
        f"window: {period.label} → from the last close before {period.start.isoformat()} to "
        f"the last close on or before {period.end.isoformat()}"
    )
    return found


def one_day(period: Period, found: WindowFound) -> WindowFound:
    """A day is one session: a non-session day snaps to the close that stood on it."""
    day = say_snap(period.start, found)
    found.window = Window(start=day, end=day, label=period.label, explicit=True)
    found.trace = (
        f"window: {period.label} → the session of {day.isoformat()} (its move from the "
        "previous close)"
    )
    return found


def say_snap(day: date, found: WindowFound) -> date:
    session = snapped(day)
    if session != day:
        found.notes.append(
            f"{day.isoformat()} is {why_not_session(day)}: the close of {session.isoformat()} "
            "is used"
        )
    return session


def snapped(day: date) -> date:
    return day if is_session(day) else session_on_or_before(day)


def future_problem(day: date, as_of: date) -> str:
    return (
        f"{day.isoformat()} is after the as-of date {as_of.isoformat()}: nothing after it is "
        f"visible; ask about a period up to {as_of.isoformat()} (or set a later as-of date)."
    )
