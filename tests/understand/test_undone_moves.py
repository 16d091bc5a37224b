"""A dated move asked about as undone ("has XLK made back its January 20 losses?") is measured
twice from the same base: the move itself, and the run to the latest close (the day alone had
been measured, which answered nothing). Dates by hand: asked on Friday, January 30, 2026."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date
AS_OF = D(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "symbol", "day", "direction"),
    [
        ("has XLK made back its January 20 losses", "XLK", D(2026, 1, 20), "up"),
        ("has XLK recovered from the January 20 selloff", "XLK", D(2026, 1, 20), "up"),
        ("how much of the Jan 20 selloff has tech recovered", "XLK", D(2026, 1, 20), "up"),
        ("did regional banks claw back the January 13 drop", "KRE", D(2026, 1, 13), "up"),
        ("has gold given back its January 28 gains", "GLD", D(2026, 1, 28), "down"),
        ("did gold erase the January 29 rally?", "GLD", D(2026, 1, 29), "down"),
    ],
)
def test_a_dated_move_undone_is_measured_to_the_latest_close_too(
    question: str, symbol: str, day: date, direction: str, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.direction == direction, got.trace
    spans = [(c.symbols, c.start, c.end) for c in got.calls]
    assert spans == [([symbol], day, day), ([symbol], day, AS_OF)], got.trace


@pytest.mark.parametrize(
    "question",
    [
        "did silver make back the January 30 drop?",  # the latest session: nothing since
        "has SPY recovered its losses since January 20?",  # the window runs to the latest
        "did gold rally on January 29?",  # nothing undone
    ],
)
def test_no_second_move_without_a_dated_move_undone(question: str, catalog: Catalog) -> None:
    assert len(understand(question, AS_OF, catalog).calls) == 1


@pytest.mark.parametrize(
    ("question", "start", "direction"),
    [
        # Asked why, the move explained is the one undoing the named move: from the session
        # after it to the latest (the named day's own move had been explained).
        ("what helped regional banks recover from the January 20 selloff", D(2026, 1, 21), "up"),
        ("why did gold give back its January 28 gains", D(2026, 1, 29), "down"),
        ("why did gold erase the January 29 rally?", D(2026, 1, 30), "down"),
    ],
)
def test_why_a_dated_move_was_undone_explains_the_move_after_it(
    question: str, start: date, direction: str, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.why and got.direction == direction, got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, None)
    assert [(c.start, c.end) for c in got.calls] == [(start, None)], got.trace
    # the trace tells the window measured, not the named day alone
    [said] = [line for line in got.trace if line.startswith("window:")]
    assert "to the latest close" in said


@pytest.mark.parametrize(
    ("question", "symbol", "day"),
    [
        # The day named is when the market's own move was undone, a fall (found reading new
        # phrasings, session 60: had been from the January 2 close to the latest, "the move
        # undoing it", seven sessions of a rise).
        ("why did the s&p give back its gains on the first trading day of 2026?", "SPY",
         D(2026, 1, 2)),
        ("why did gold erase its gains on january 29?", "GLD", D(2026, 1, 29)),
        ("what made tech hand back all its early gains on tuesday?", "XLK", D(2026, 1, 27)),
    ],
)  # fmt: skip
def test_the_day_a_move_was_undone_is_that_day(
    question: str, symbol: str, day: date, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.direction == "down", got.trace
    spans = [(c.symbols, c.start, c.end) for c in got.calls]
    assert spans == [([symbol], day, day)], got.trace


def test_a_selloff_named_with_its_day_is_still_the_move_undone(catalog: Catalog) -> None:
    # "the selloff on jan 20" is the selloff's day: what helped after it is explained
    got = understand("why did small caps recover from the selloff on jan 20?", AS_OF, catalog)
    spans = [(c.symbols, c.start, c.end) for c in got.calls]
    assert spans == [(["IWM"], D(2026, 1, 21), None)], got.trace
