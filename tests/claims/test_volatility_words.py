"""Volatility is written as "volatility" or as what it is, "the annualized standard deviation",
and the measure may be the sentence's subject, far before the figure it "was". Ledger values are
written by hand (IWM 15.91 %, SPY 10.26 % over the 20 daily moves of January 2026)."""

from __future__ import annotations

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
