# ruff: noqa: E501  (a table of cases reads best one case a line)
"""Windows named by a market holiday: the session beside it, however it is said, and no ticker
read into its name.

Dates are worked out by hand from the NYSE calendar: 2025-04-18 Good Friday, 2025-11-27
Thanksgiving (Friday 11-28 closes early), 2025-12-25 Christmas (Wednesday 12-24 closes early),
2026-01-01 New Year's Day (a Thursday), 2026-01-19 MLK Day and 2026-02-16 Presidents' Day
(Mondays).
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand
from copilot.understand.dates import find_dates
from copilot.understand.holidays import day_of, latest_holiday

D = date


# fmt: off
BESIDE = [
    # The session after a holiday, in the words people use for it.
    ("why did financials drop when markets reopened after MLK day?", D(2026, 1, 30), "XLF", D(2026, 1, 20)),
    ("what sank banks post-MLK?", D(2026, 1, 30), "XLF", D(2026, 1, 20)),
    ("gold the first session back after martin luther king jr. day?", D(2026, 1, 30), "GLD", D(2026, 1, 20)),
    ("why did small caps rally on the first day back after the holiday?", D(2026, 1, 30), "IWM", D(2026, 1, 20)),
    ("what hit tech as trading resumed following the long weekend", D(2026, 1, 30), "XLK", D(2026, 1, 20)),
    ("why did stocks drop when trading resumed after new year's?", D(2026, 1, 10), "SPY", D(2026, 1, 2)),
    ("why did stocks fall on the first trading day after MLK weekend?", D(2026, 1, 30), "SPY", D(2026, 1, 20)),
    ("how did XLU do the session after washington's birthday", D(2026, 2, 18), "XLU", D(2026, 2, 17)),
    ("TLT the day after pres day?", D(2026, 2, 18), "TLT", D(2026, 2, 17)),
    # Thanksgiving's Friday closes early: the first *full* session is Monday; the day after
    # the long weekend is Monday too.
    ("what hit XLE the first full session after thanksgiving", D(2025, 12, 10), "XLE", D(2025, 12, 1)),
    ("how did SPY do the day after the thanksgiving weekend?", D(2025, 12, 10), "SPY", D(2025, 12, 1)),
    # The session before, and a weekday before.
    ("what did XLK do on the last trading day before Good Friday?", D(2025, 5, 1), "XLK", D(2025, 4, 17)),
    ("qqq in the shortened session right before xmas", D(2026, 1, 5), "QQQ", D(2025, 12, 24)),
    ("how did XLF do the friday before presidents' day weekend", D(2026, 2, 25), "XLF", D(2026, 2, 13)),
    ("why did silver jump the tuesday after MLK day?", D(2026, 1, 30), "SLV", D(2026, 1, 20)),
]
# fmt: on


@pytest.mark.parametrize(("question", "as_of", "symbol", "day"), BESIDE)
def test_a_session_beside_a_holiday(
    question: str, as_of: date, symbol: str, day: date, catalog: Catalog
) -> None:
    got = understand(question, as_of, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (day, day), got.trace
    assert got.unknown == [], got.trace


def test_after_the_holiday_named_with_the_is_read_as_after_the_day(catalog: Catalog) -> None:
    # "after D" with no count reads as since D (docs/windows-and-measures.md): from the first
    # session after MLK Day 2026 (Tuesday 01-20) to the latest, open-ended; "after the MLK
    # holiday" the same, not the holiday's own (closed) day.
    for question in (
        "why did stocks fall after MLK day?",
        "why did stocks fall after the MLK holiday?",
    ):
        got = understand(question, D(2026, 1, 30), catalog)
        assert got.window is not None, got.trace
        assert (got.window.start, got.window.end) == (D(2026, 1, 20), None), got.trace
        assert got.unknown == [], got.trace


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # "return from" is the measure, not a return from a holiday; "the last session of" a
        # period is its end; "in the last session" the latest one.
        ("What was ITA's return from May 24, 2025 to June 3, 2025?", D(2025, 5, 25), D(2025, 6, 3)),
        ("what did XLE do the last session of 2025", D(2025, 12, 31), D(2025, 12, 31)),
    ],
)
def test_nearby_words_keep_their_meaning(
    question: str, start: date, end: date, catalog: Catalog
) -> None:
    got = understand(question, D(2026, 1, 30), catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_the_latest_session_is_still_the_latest(catalog: Catalog) -> None:
    got = understand("how did SPY do in the last session?", D(2026, 1, 30), catalog)
    assert got.window is not None and got.window.sessions == 1 and got.window.start is None


def test_named_days_fall_where_the_calendar_puts_them() -> None:
    assert day_of("good friday", 2025) == D(2025, 4, 18)
    assert day_of("good friday", 2026) == D(2026, 4, 3)
    assert day_of("mlk", 2026) == D(2026, 1, 19)
    assert day_of("washington's birthday", 2026) == D(2026, 2, 16)
    assert day_of("4th of july", 2025) == D(2025, 7, 4)


def test_the_holiday_is_the_latest_weekday_without_a_session() -> None:
    assert latest_holiday(D(2026, 1, 30)) == D(2026, 1, 19)
    assert latest_holiday(D(2026, 1, 19)) == D(2026, 1, 19)
    assert latest_holiday(D(2026, 1, 16)) == D(2026, 1, 1)
    assert latest_holiday(D(2025, 12, 29)) == D(2025, 12, 25)


def test_an_event_dated_after_the_is_not_a_since(catalog: Catalog) -> None:
    # Only a named day takes its "the" ("after the MLK holiday"): "after the January 9 jobs
    # report" names an event, not a time from January 9 on.
    got = understand("why did TLT rally after the January 9 jobs report?", D(2026, 1, 30), catalog)
    assert got.window is None or got.window.end is not None, got.trace


def test_the_holiday_as_a_word_of_another_noun_names_no_day() -> None:
    question = "was the holiday rally real for XLY?"
    assert not [m for m in find_dates(question, D(2026, 1, 30)) if "holiday" in m.period.label]
    # "the holiday-shortened week" names a week, never the holiday alone (below).
    dates = find_dates("how did stocks do in the holiday-shortened week?", D(2026, 1, 30))
    assert [m.period.kind for m in dates] == ["week"]


# A week a market holiday shortens, as people say it. Asked on January 30, 2026 the latest is
# MLK Day's week (Monday 01-19 to Friday 01-23); on December 31, 2025 it is the week of New
# Year's Day (12-29 to 01-02), short before the holiday comes, so far to the 31st; on Friday,
# December 26 the week of Christmas (12-22 to 12-26), so far (to the latest close).
# fmt: off
SHORT_WEEKS = [
    ("how did SPY do in the holiday-shortened week?", D(2026, 1, 30), "SPY", D(2026, 1, 19), D(2026, 1, 23)),
    ("why did small caps rally in the holiday shortened week", D(2026, 1, 30), "IWM", D(2026, 1, 19), D(2026, 1, 23)),
    ("what did gold do over the short week?", D(2026, 1, 30), "GLD", D(2026, 1, 19), D(2026, 1, 23)),
    ("XLK over the shortened trading week?", D(2026, 1, 30), "XLK", D(2026, 1, 19), D(2026, 1, 23)),
    ("how are long bonds doing this holiday-shortened week", D(2025, 12, 31), "TLT", D(2025, 12, 29), None),
    ("how did stocks do this shortened week?", D(2025, 12, 26), "SPY", D(2025, 12, 22), None),
]
# fmt: on


@pytest.mark.parametrize(("question", "as_of", "symbol", "start", "end"), SHORT_WEEKS)
def test_a_holiday_shortened_week_is_the_week_of_the_holiday(
    question: str, as_of: date, symbol: str, start: date, end: date | None, catalog: Catalog
) -> None:
    got = understand(question, as_of, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


@pytest.mark.parametrize(
    "question",
    [
        "what did small caps do between christmas and new year?",
        "how did IWM do from christmas to new year",
        "small caps from christmas to the new year?",
        "IWM between Christmas and New Year's?",  # read before too
    ],
)
def test_new_year_beside_christmas_is_new_years_day(question: str, catalog: Catalog) -> None:
    # Christmas 2025 (Thursday 12-25) to New Year's Day 2026 (Thursday 01-01): the sessions
    # between them, 12-26 to 12-31 (the window's end is the holiday, its close the 31st's).
    got = understand(question, D(2026, 1, 30), catalog)
    assert [i.symbol for i in got.instruments] == ["IWM"], got.trace
    assert got.window is not None, got.trace
    assert (got.window.start, got.window.end) == (D(2025, 12, 26), D(2026, 1, 1)), got.trace
