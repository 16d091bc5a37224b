"""One move said in two units ("fell 143.15 points, or 2.06%"): the second figure restates the
first and takes its way. The checker had read "or 2.06%" as a rise and marked it contradicted
(and "2.18%, or 1.25 points" left the points unverified). The facts are written for the test,
the S&P 500's fall of January 20, 2026 by hand from FRED's SP500.csv (6,940.01 → 6,796.86)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date
DAY = {"start": D(2026, 1, 20), "end": D(2026, 1, 20), "base": D(2026, 1, 16)}


def _book() -> SourceLedger:
    facts = [
        Fact(subject="SP500", measure="return", value=-2.0626, unit="%", shown="-2.06%", **DAY),
        Fact(subject="SP500", measure="return", value=-143.15, unit="points",
             shown="-143.15 points", **DAY),
    ]  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(tool="measure", metric="m", symbols=["SP500"], facts=facts,
                             start=D(2026, 1, 20), end=D(2026, 1, 20), text="SP500"))  # fmt: skip
    return book


def _statuses(text: str) -> dict[str, str]:
    _, checked = verify_answer(text, _book(), D(2026, 1, 30), check_support=False)
    return {n.text: n.status for n in checked.numbers if n.unit != "date"}


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 fell 143.15 points, or 2.06%, on January 20 [1].",
        "The S&P 500 fell 2.06%, or 143.15 points, on January 20 [1].",
        "The S&P 500 dropped 2.06% (143.15 points) on January 20 [1].",
        "The S&P 500 lost 143.15 points, or about 2.06%, on January 20 [1].",
    ],
)
def test_a_move_said_again_in_another_unit_keeps_its_way(text: str) -> None:
    assert set(_statuses(text).values()) == {"verified"}, _statuses(text)


def test_the_second_unit_is_still_held_to_its_value() -> None:
    got = _statuses("The S&P 500 fell 143.15 points, or 3.06%, on January 20 [1].")
    assert got == {"143.15 points": "verified", "3.06%": "contradicted"}
    # Two moves joined by "or" with a way each are read each with its own.
    both = _statuses("The S&P 500 fell 143.15 points, or rose 2.06%, on January 20 [1].")
    assert both["2.06%"] != "verified"
