"""A best or worst day's figure binds the day it fell on: "the wildest session was on January
30, with a 3.88% increase" puts the best day's +3.88% (January 28) on the worst day's date.
Ledger values written by hand: GLD's best day +3.88% on 2026-01-28 and worst day -10.27% on
2026-01-30, over January 2026's 20 sessions."""

from __future__ import annotations

import pytest
from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)


def book() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["GLD"], "GLD: best day +3.88% on 2026-01-28.",
        [Fact(subject="GLD", measure="max_daily_return", value=3.88, unit="%",
              start=D(2026, 1, 2), end=AS_OF, on=D(2026, 1, 28), shown="+3.88%")]))  # fmt: skip
    ledger.register(_data("measure", ["GLD"], "GLD: worst day -10.27% on 2026-01-30.",
        [Fact(subject="GLD", measure="min_daily_return", value=-10.27, unit="%",
              start=D(2026, 1, 2), end=AS_OF, on=AS_OF, shown="-10.27%")]))  # fmt: skip
    return ledger


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Gold's wildest session this month was on 2026-01-30, with a 3.88% increase [1].",
         "contradicted"),
        ("Gold's best day this month was on 2026-01-28, a gain of 3.88% [1].", "verified"),
        ("Gold's best day was +3.88% on January 28 [1].", "verified"),
        ("As of 2026-01-30, gold's best day this month was +3.88% [1].", "verified"),
        ("Gold's worst day was on January 30, a drop of 10.27% [2].", "verified"),
    ],
)  # fmt: skip
def test_a_days_extreme_binds_its_own_day(text: str, status: str) -> None:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    assert [n.status for n in verification.numbers if n.unit == "%"] == [status]


def test_a_best_week_is_no_best_day() -> None:
    """'XLE's best week this year was +3.15%': no measure ranks weeks; the best day's +3.15%
    does not bear it out."""
    ledger = SourceLedger()
    ledger.register(_data("measure", ["XLE"], "XLE: best day +3.15% on 2026-01-08.",
        [Fact(subject="XLE", measure="max_daily_return", value=3.15, unit="%",
              start=D(2026, 1, 2), end=AS_OF, on=D(2026, 1, 8), shown="+3.15%")]))  # fmt: skip
    for text, status in (("XLE's best week this year was +3.15% [1].", "unverified"),
                         ("XLE's best day this year was +3.15% [1].", "verified")):  # fmt: skip
        _, verification = verify_answer(text, ledger, as_of=AS_OF)
        assert [n.status for n in verification.numbers if n.unit == "%"] == [status], text
