"""A figure between a determiner and a noun sizes that noun ("a 25% capex increase", "Eli
Lilly's $1 billion biotech deal", "a 10% cap"), not the move of the instrument the sentence is
about. Read as the instrument's move, a reason the article states word for word was
contradicted by the instrument's return and cut from the answer (flagship, "Small caps rallied
due to TSMC's prediction of a 25% capex increase"). "A 9.6% gain" is still the move.

The ledger's figures and the expected statuses are written by hand.
"""

from __future__ import annotations

import pytest
from ledger_kit import AS_OF, D, _data, _news

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger


def book() -> SourceLedger:
    """[1] IWM +8.32% over 15 sessions to 2026-01-22; [2] an article with sized nouns."""
    ledger = SourceLedger()
    ledger.register(_data("price_return", ["IWM"],
        "IWM (Russell 2000 small caps) returned +8.32% over the 15 sessions from 2025-12-31 "
        "(close 246.10) to 2026-01-22 (close 266.58).",
        [Fact(subject="IWM", measure="return", value=8.3214, unit="%", start=D(2026, 1, 2),
              end=D(2026, 1, 22), base=D(2025, 12, 31), shown="+8.32%")]))  # fmt: skip
    ledger.register(
        _news(
            "wrap",
            "Chips lift stocks",
            "Chipmakers rallied after TSMC forecast a 25% capex increase, and Eli Lilly agreed to "
            "a $1 billion biotech acquisition. Banks slid on a proposed 10% cap on card rates.",
        )
    )
    return ledger


def status(text: str, figure: str) -> str:
    _, verification = verify_answer(text, book(), AS_OF, "why did small caps rally?")
    return next(n.status for n in verification.numbers if n.text == figure)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Small caps rallied due to TSMC's prediction of a 25% capex increase [2].", "25%"),
        ("Small caps rose after Eli Lilly's $1 billion biotech acquisition [2].", "$1 billion"),
        ("Small caps gained as banks faced a 10% cap on card rates [2].", "10%"),
    ],
)
def test_a_sized_noun_is_checked_against_its_article(text: str, figure: str) -> None:
    assert status(text, figure) == "verified"


def test_a_sized_noun_the_article_does_not_state_still_fails() -> None:
    assert status("Small caps rallied on TSMC's 30% capex increase [2].", "30%") != "verified"


def test_a_move_noun_after_the_figure_is_still_the_instruments_move() -> None:
    assert status("Small caps posted a +8.32% gain [1].", "+8.32%") == "verified"
    assert status("Small caps rallied on a 25% gain [2].", "25%") == "contradicted"


def test_digits_of_an_instruments_registry_name_are_no_figure() -> None:
    # The writer copies the gloss its prompt gives beside a ticker: "VIX (expected 30-day S&P
    # 500 volatility)". Read as a figure, the 30 traced to nothing and its sentence was cut.
    for text in ("IWM returned +8.32% [1], while the VIX (expected 30-day S&P 500 volatility) "
                 "stayed calm.",
                 "IWM returned +8.32% [1]; TLT, the iShares 20+ Year Treasury Bond ETF, was "
                 "flat."):  # fmt: skip
        _, verification = verify_answer(text, book(), AS_OF)
        assert [n.text for n in verification.numbers if n.kind == "figure"] == ["+8.32%"]
    # A figure beside the name is still one: "30 points" is checked (and found in no source).
    _, verification = verify_answer("The VIX rose 30 points [1].", book(), AS_OF)
    assert [(n.text, n.status) for n in verification.numbers] == [("30 points", "unverified")]
