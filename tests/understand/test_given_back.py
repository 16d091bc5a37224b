"""Gains handed back: "how much ground did the Russell 2000 give back after its January run?"
asks how far below the window's peak it is now (the app had measured January's +5.48% and let
the model call it "gave back 5.48%"); a move stated with the words stays a move."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

AS_OF = date(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "symbol", "start"),
    [
        ("how much ground did the Russell 2000 give back after its January run?", "IWM",
         date(2026, 1, 1)),
        ("how much of january's gains did small caps hand back", "IWM", date(2026, 1, 1)),
        ("how much of its rally has gold surrendered", "GLD", None),
        ("how much did tech give up since mid january", "XLK", date(2026, 1, 11)),
    ],
)  # fmt: skip
def test_how_much_was_given_back_is_the_distance_from_the_peak(
    question: str, symbol: str, start: date | None, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.intent is not None and got.intent.measure == "distance_from_peak", got.trace
    assert got.direction == "down", got.trace  # "give up" is no rise
    assert (got.window.start if got.window else None) == start, got.trace


def test_a_move_stated_as_given_back_stays_a_move(catalog: Catalog) -> None:
    got = understand("biotech gave back 2.5% yesterday - any news behind it?", date(2026, 1, 9),
                     catalog)  # fmt: skip
    assert got.intent is not None and got.intent.measure == "return", got.trace
    assert got.direction == "down", got.trace
    assert got.window is not None and got.window.start == date(2026, 1, 8), got.trace
