"""A rolling span counted back from a named close ("the 10 sessions ending January 22"): N
sessions to that close (weeks: calendar weeks to it), never the one session of that day and
never the whole history. Windows written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 2, 10)


@pytest.mark.parametrize(
    ("question", "symbol", "sessions", "end"),
    [
        ("How much did small caps gain over the 10 sessions ending January 22, 2026?", "IWM", 10,
         date(2026, 1, 22)),
        ("what did XLE do in the 5 sessions through Jan 16?", "XLE", 5, date(2026, 1, 16)),
        ("How did IWM do over the 3 trading days to January 20?", "IWM", 3, date(2026, 1, 20)),
        ("SPY's return for the last 7 trading days through January 30, 2026", "SPY", 7,
         date(2026, 1, 30)),
        ("gold over the twenty sessions that ended on Feb 6", "GLD", 20, date(2026, 2, 6)),
        ("how did QQQ fare in the 4 days leading up to January 9?", "QQQ", 4, date(2026, 1, 9)),
        # A Saturday: the window ends at Friday's close, and the trace says so.
        ("XLF in the 5 sessions until Jan 17", "XLF", 5, date(2026, 1, 17)),
    ],
)  # fmt: skip
def test_n_sessions_to_a_named_close(
    catalog: Catalog, question: str, symbol: str, sessions: int, end: date
) -> None:
    settled = understand(question, A, catalog)
    [call] = settled.calls
    assert call.symbols == [symbol] and call.measure == "return"
    assert (call.start, call.end, call.sessions) == (None, end, sessions)


def test_a_weekend_end_is_said(catalog: Catalog) -> None:
    settled = understand("XLF in the 5 sessions until Jan 17", A, catalog)
    assert any("2026-01-17 is a Saturday" in line for line in settled.trace)


def test_weeks_to_a_named_close_are_calendar_weeks(catalog: Catalog) -> None:
    [call] = understand("QQQ over the two weeks ending January 16", A, catalog).calls
    assert (call.start, call.end, call.sessions) == (date(2026, 1, 3), date(2026, 1, 16), None)


def test_an_end_after_the_as_of_date_is_a_problem(catalog: Catalog) -> None:
    settled = understand("IWM over the 5 sessions ending March 2, 2026", A, catalog)
    assert not settled.calls and any("after the as-of date" in p for p in settled.problems)
