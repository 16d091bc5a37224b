"""'<instrument> close on <date>' and "X's close" ask for the close itself (a level on that
session), while "since the close on D" stays a move from that close and "close higher" a
move. Dates by hand, as-of Friday 2025-11-14."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2025, 11, 14)
D = date


@pytest.mark.parametrize(
    ("question", "symbol", "day"),
    [
        ("S&P 500 index close on Sep 30 2025", "SP500", D(2025, 9, 30)),
        ("XLE close on June 2, 2025?", "XLE", D(2025, 6, 2)),
        ("VIX close on Oct 10, 2025", "VIX", D(2025, 10, 10)),
        ("GLD's close on 7/1/2025", "GLD", D(2025, 7, 1)),
        ("TLT closing level on May 5, 2025", "TLT", D(2025, 5, 5)),
        ("its close on Aug 4, 2025, for XLU?", "XLU", D(2025, 8, 4)),
    ],
)
def test_the_close_on_a_day_is_a_level(
    catalog: Catalog, question: str, symbol: str, day: date
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate) == ([symbol], "level", "last")
    assert (call.start, call.end) == (day, day)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("SPY since the close on March 3?", D(2025, 3, 4), None),
        ("Did SPY close higher on Oct 3, 2025?", D(2025, 10, 3), D(2025, 10, 3)),
    ],
)
def test_a_move_from_or_on_a_close_stays_a_move(
    catalog: Catalog, question: str, start: date, end: date | None
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.start, call.end) == ("return", start, end)
