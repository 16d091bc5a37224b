# ruff: noqa: E501  (a table of cases reads best one case a line)
"""The gap between two instruments over a period: "gap", "difference", "ahead of", "behind",
"percentage points" ask for the difference of their moves (a return with a benchmark, whose
measure prints the difference), never a level; the benchmark is the one named after "ahead
of" / "versus", or last after "the gap between" / "compare". Windows by hand, as-of Friday
2025-11-14."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2025, 11, 14)
D = date


@pytest.mark.parametrize(
    ("question", "symbols", "start", "end"),
    [
        ("What is KRE's gap versus XLF so far this year in percentage points?", ["KRE", "XLF"], D(2025, 1, 1), None),
        ("What's the difference between XLK and XLE this year?", ["XLK", "XLE"], D(2025, 1, 1), None),
        ("How far ahead of SPY is QQQ in 2025?", ["QQQ", "SPY"], D(2025, 1, 1), None),
        ("Versus SPY, how did QQQ do this year?", ["QQQ", "SPY"], D(2025, 1, 1), None),
        ("What was the gap between IWM and SPY in October 2025?", ["IWM", "SPY"], D(2025, 10, 1), D(2025, 10, 31)),
        ("How many points is XLU behind XLP this month?", ["XLU", "XLP"], D(2025, 11, 1), None),
        ("Compare XLE and XLF in Q3 2025", ["XLE", "XLF"], D(2025, 7, 1), D(2025, 9, 30)),
    ],
)  # fmt: skip
def test_a_gap_is_a_move_against_the_benchmark(
    catalog: Catalog, question: str, symbols: list[str], start: date, end: date | None
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.versus) == (symbols, "return", symbols[-1])
    assert (call.start, call.end, call.rank) == (start, end, "none")


def test_a_level_question_stays_a_level(catalog: Catalog) -> None:
    [call] = understand("What's the 10-year yield?", A, catalog).calls
    assert (call.measure, call.versus) == ("level", None)
