"""A month named without a day is part of a figure's window: November's move written "in
December" is not ✓. Ledger values written by hand: XLE +2.63 % from the 2025-10-31 close to the
2025-11-28 close; the 10-year yield's monthly average +5 bp from November (2025-11-01) to
December (2025-12-01)."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_kit import D, _data

from copilot.claims.months import named_months
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)


@pytest.mark.parametrize(
    ("clause", "months"),
    [
        ("XLE rose 2.63% in December", ((2025, 12),)),
        ("XLE rose 2.63% in December 2024", ((2024, 12),)),
        ("XLE's November gain of 2.63%", ((2025, 11),)),
        ("gold fell 3% during Jan.", ((2026, 1),)),
        ("the yield rose 5 bp this month", ((2026, 1),)),
        ("the yield rose 5 bp last month", ((2025, 12),)),
        ("the yield rose 5 bp over the month to date", ((2026, 1),)),
        ("XLE closed at 45.22 on December 31", ()),
        ("its best day since April", ()),
        ("its best day since mid-April", ()),
        ("prices may rise 2%", ()),
        ("XLK rose 2% as its march higher continued", ()),
        ("gold fell 3% in march", ((2025, 3),)),
        ("The CPI report released in January showed prices up 2.68%", ()),
        ("December's jobs report showed payrolls up 50,000", ()),
        ("This month's CPI report showed 2.68%", ()),
    ],
)  # fmt: skip
def test_named_months(clause: str, months: tuple[tuple[int, int], ...]) -> None:
    assert named_months(clause, date(2026, 1, 30)) == months


def book() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["XLE"],
        "XLE: return +2.63% over 19 sessions, from the 2025-10-31 close 44.06 to the 2025-11-28 "
        "close 45.22.",
        [Fact(subject="XLE", measure="return", value=2.6328, unit="%", start=D(2025, 11, 3),
              end=D(2025, 11, 28), base=D(2025, 10, 31), shown="+2.63%")]))  # fmt: skip
    ledger.register(_data("measure", ["US10Y"],
        "US10Y: change +5 bp over 1 observation, from the 2025-11-01 value 4.09% to the "
        "2025-12-01 value 4.14%.",
        [Fact(subject="US10Y", measure="return", value=5.0, unit="bp", start=D(2025, 12, 1),
              end=D(2025, 12, 1), base=D(2025, 11, 1), shown="+5 bp")]))  # fmt: skip
    return ledger


def status(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers if n.unit not in ("date", "year")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("XLE rose 2.63% in November [1].", "verified"),
        ("XLE rose 2.63% in November 2025 [1].", "verified"),
        ("XLE rose 2.63% in December [1].", "contradicted"),
        ("In January, XLE rose 2.63% [1].", "contradicted"),
        # the base close (October 31) is what the move is read from, not a month it is of
        ("XLE rose 2.63% in October [1].", "contradicted"),
    ],
)  # fmt: skip
def test_a_move_said_of_another_month_is_contradicted(text: str, expected: str) -> None:
    assert status(text) == {"2.63%": expected}


def test_a_monthly_series_change_said_of_a_month_not_yet_released() -> None:
    assert status("The 10-year yield moved +5 basis points in January [2].") == {
        "+5 basis points": "contradicted"
    }
    assert status("The 10-year yield rose 5 bp in December [2].") == {"5 bp": "verified"}
