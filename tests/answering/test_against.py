"""A reason that says a measured instrument moved the other way (no figure to check)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.answering.against import contradicts_a_move
from copilot.facts import Fact

DAY = date(2025, 12, 17)
AS_OF = date(2025, 12, 19)
# The measured moves as the measure tool states them (a one-day window has no start): both fell
# on December 17.
SPY = Fact(subject="SPY", measure="return", value=-1.10, unit="%", end=DAY)
XLK = Fact(subject="XLK", measure="return", value=-2.22, unit="%", start=DAY, end=DAY)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The S&P 500 and Nasdaq both rose on December 17, 2025, due to travel demand. [5]", "SPY"),
        ("Nvidia and other tech stocks rose on December 17. [3]", "XLK"),
        ("Wall Street rallied on Dec. 17 as investors cheered the jobs data. [4]", "SPY"),
    ],
)
def test_a_measured_instrument_said_to_move_the_other_way_is_caught(
    sentence: str, subject: str
) -> None:
    found = contradicts_a_move(sentence, [SPY, XLK], AS_OF)
    assert found is not None and found.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "The tech-led sell-off was driven by softening AI momentum. [3]",  # the measured way
        "Tech stocks rose after the close on December 18. [4]",  # another day
        "The stock market rebounded after the tariffs were called off. [3]",  # undated
        "The S&P 500 fell early but rallied to close higher on December 17. [2]",  # both ways
        "Micron's upbeat guidance boosted technology stocks. [4]",  # no move verb of its own
        "Bank stocks rose on December 17 as yields climbed. [5]",  # "stocks" alone is no name
    ],
)
def test_a_sentence_that_does_not_say_the_other_way_is_left(sentence: str) -> None:
    assert contradicts_a_move(sentence, [SPY, XLK], AS_OF) is None


def test_only_returns_over_a_window_bind_a_direction() -> None:
    level = Fact(subject="SPY", measure="level", value=671.40, unit="$", end=DAY)
    flat = Fact(subject="SPY", measure="return", value=0.0, unit="%", start=DAY, end=DAY)
    assert contradicts_a_move("The S&P 500 rose on December 17. [2]", [level, flat], AS_OF) is None
