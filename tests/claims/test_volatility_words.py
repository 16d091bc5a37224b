"""Volatility is written as "volatility" or as what it is, "the annualized standard deviation",
and the measure may be the sentence's subject, far before the figure it "was". Ledger values are
written by hand (IWM 15.91 %, SPY 10.26 % over the 20 daily moves of January 2026)."""

from __future__ import annotations

import pytest
from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)


def book() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["IWM", "SPY"],
        "IWM: annualized volatility 15.91% from 20 daily moves, 2026-01-02 to 2026-01-30; "
        "+5.64 pp vs SPY.\nSPY: annualized volatility 10.26% from 20 daily moves, 2026-01-02 to "
        "2026-01-30.",
        [Fact(subject="IWM", measure="volatility", value=15.9105, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 30), shown="15.91%"),
         Fact(subject="SPY", measure="volatility", value=10.2648, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 30), shown="10.26%")]))  # fmt: skip
    return ledger


def figures(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers if n.unit == "%"}


def test_a_standard_deviation_is_the_volatility() -> None:
    text = (
        "The annualized standard deviation of the Russell 2000 small caps index (IWM) from 20 "
        "daily moves between 2026-01-02 and 2026-01-30 was 15.91%, compared with the S&P 500 "
        "large caps index (SPY), which had an annualized standard deviation of 10.26% [1]."
    )
    assert figures(text) == {"15.91%": "verified", "10.26%": "verified"}


def test_the_volatility_named_as_the_sentences_subject() -> None:
    text = (
        "The annualized volatility of IWM over the 20 sessions from 2026-01-02 to 2026-01-30 "
        "was 15.91% [1]."
    )
    assert figures(text) == {"15.91%": "verified"}


def test_a_move_beside_the_word_volatility_is_still_a_move() -> None:
    assert figures("Despite the volatility in January, IWM rose 15.91% [1].") != {
        "15.91%": "verified"
    }


def test_a_move_after_a_volatility_word_is_still_a_move() -> None:
    """'Despite elevated volatility, IWM's return this month was 15.91%' states a return."""
    assert figures("Despite elevated volatility, IWM's return this month was 15.91% [1].") != {
        "15.91%": "verified"
    }


def test_the_most_volatile_day_is_a_days_move_not_the_volatility() -> None:
    assert figures("IWM swung by 15.91% on its most volatile day [1].") != {"15.91%": "verified"}


def _ief_january() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["IEF"],
        "[1] IEF: annualized volatility 3.28% from 20 daily moves, 2026-01-02 to 2026-01-30.\n"
        "Definition: volatility: sample standard deviation of the window's moves x sqrt(252); "
        "over the window; window: 2026-01-01 to the latest data (calendar days).",
        [Fact(subject="IEF", measure="volatility", value=3.2846, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 30), base=D(2025, 12, 31), shown="3.28%")]))  # fmt: skip
    return ledger


def _marks(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, _ief_january(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers}


def test_the_definition_s_calendar_window_states_its_days() -> None:
    # Found in the app: "from the last close before January 1" was marked "found in no
    # source", though the measure's definition names the window from 2026-01-01.
    text = ("IEF had an annualized volatility of 3.28% over the month of January 2026, as "
            "measured from the last close before January 1 to the latest close on January 30 "
            "[1].")  # fmt: skip
    assert _marks(text)["January 1"] == "verified"
    # A day the window does not name is still found in no source.
    assert _marks(text.replace("January 1 ", "January 5 "))["January 5"] == "unverified"


@pytest.mark.parametrize(
    ("span", "status"),
    [
        # January 1 was a holiday: the window asked from it begins with January 2's session
        # (the figure was marked contradicted, "for its window")
        ("from January 1 to January 30", "verified"),
        ("from January 2 to January 30", "verified"),
        # a closed day inside the window is no end of it: January 3 is a Saturday after the
        # first session
        ("from January 3 to January 30", "contradicted"),
        ("from January 5 to January 30", "contradicted"),
        ("on January 1", "contradicted"),  # one day's figure on a closed day: not the window's
    ],
)
def test_a_span_may_end_on_a_day_the_market_was_shut_beside_the_window(
    span: str, status: str
) -> None:
    assert _marks(f"IEF's volatility was 3.28% {span} [1].")["3.28%"] == status
