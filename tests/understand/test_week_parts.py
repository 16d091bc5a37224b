"""A part of a week named in words: early (Monday–Tuesday), the middle (Tuesday–Thursday), late
(Thursday–Friday), of this week or last.

Dates by hand: asked on Friday, January 30, 2026, this week is January 26–30 and last week
January 20–23 (MLK Day, Monday the 19th, closed); asked on Monday, January 26, "midweek" is last
week's, and late this week has not come.
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date
FRIDAY, MONDAY = D(2026, 1, 30), D(2026, 1, 26)

# fmt: off
PARTS = [
    ("gold early this week?", FRIDAY, "GLD", D(2026, 1, 26), D(2026, 1, 27)),
    ("why did stocks fall early in the week?", FRIDAY, "SPY", D(2026, 1, 26), D(2026, 1, 27)),
    ("why did gold rally at the start of the week", FRIDAY, "GLD", D(2026, 1, 26), D(2026, 1, 27)),
    ("why did gold spike to start the week", FRIDAY, "GLD", D(2026, 1, 26), D(2026, 1, 27)),
    ("what caused the VIX to pop midweek", FRIDAY, "VIX", D(2026, 1, 27), D(2026, 1, 29)),
    ("why did QQQ drop in the middle of the week", FRIDAY, "QQQ", D(2026, 1, 27), D(2026, 1, 29)),
    ("why did stocks slide late last week", FRIDAY, "SPY", D(2026, 1, 22), D(2026, 1, 23)),
    ("why did oil jump at the end of last week", FRIDAY, "WTI", D(2026, 1, 22), D(2026, 1, 23)),
    ("what caused the VIX to pop mid-week", MONDAY, "VIX", D(2026, 1, 20), D(2026, 1, 22)),
]
# fmt: on


@pytest.mark.parametrize(("question", "as_of", "symbol", "start", "end"), PARTS)
def test_a_part_of_a_week_is_its_days(
    question: str, as_of: date, symbol: str, start: date, end: date, catalog: Catalog
) -> None:
    # Had been the week to date, the why-question's default (the last 20 sessions), or undated.
    got = understand(question, as_of, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_the_week_from_its_start_or_to_its_end_is_still_the_week_to_date(catalog: Catalog) -> None:
    for question in (
        "how has SPY done since the start of the week?",
        "how did bonds finish the week?",
    ):
        got = understand(question, FRIDAY, catalog)
        assert got.window is not None and (got.window.start, got.window.end) == (MONDAY, None), (
            got.trace
        )


def test_a_part_still_to_come_is_said_so(catalog: Catalog) -> None:
    got = understand("why did gold fall late this week", MONDAY, catalog)
    assert got.window is None and got.problems and "after the as-of date" in got.problems[0]


# fmt: off
PLACED = [
    # "the week between …", "the week that ended …": the days named, never the week to date.
    ("how did the nasdaq do in the week between christmas and new year's, and why?", "QQQ",
     D(2025, 12, 26), D(2026, 1, 1)),
    ("why did energy stocks rally in the week that ended jan 2?", "XLE",
     D(2025, 12, 27), D(2026, 1, 2)),
]
# fmt: on


@pytest.mark.parametrize(("question", "symbol", "start", "end"), PLACED)
def test_a_week_placed_by_the_words_after_it_is_those_days(
    question: str, symbol: str, start: date, end: date, catalog: Catalog
) -> None:
    # Asked on Friday January 30, 2026, the first had been read as January 26–30 (the week to
    # date), the second is read by its end's words as it was. By hand: the days
    # between Christmas (December 25) and New Year's Day (January 1) run from December 26; the
    # seven days to Friday January 2 from Saturday December 27.
    got = understand(question, FRIDAY, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace
    # Control: the week alone is still this week.
    alone = understand("how did the nasdaq do in the week?", FRIDAY, catalog)
    assert alone.window is not None and alone.window.start == MONDAY, alone.trace


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # "the first of the year (month)" is its start, as "the start of the year" (session 61:
        # read as no window from an everyday-windows list; January 1 and February 1, 2026)
        ("how much is tlt down since the first of the year", date(2026, 1, 1)),
        ("what has gold done since the first of the month?", date(2026, 2, 1)),
    ],
)
def test_the_first_of_the_period_is_its_start(question: str, start: date, catalog: Catalog) -> None:
    window = understand(question, date(2026, 2, 7), catalog).window
    assert window is not None and window.start == start
