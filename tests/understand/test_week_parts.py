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
