# ruff: noqa: E501  (a table of cases reads best one case a line)
"""'Which fell more / dropped further / slid the most' ranks from the lowest; 'from its D1 close
to its close on D2' is the move from the close of D1 to the close of D2. By hand, as-of Friday
2025-11-14."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2025, 11, 14)
D = date
SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]


@pytest.mark.parametrize(
    ("question", "symbols", "rank", "start", "end"),
    [
        ("Which fell more last month, XLE or XLF?", ["XLE", "XLF"], "asc", D(2025, 10, 1), D(2025, 10, 31)),
        ("Of XLE, XLF and XLK, which dropped further in October 2025?", ["XLE", "XLF", "XLK"], "asc", D(2025, 10, 1), D(2025, 10, 31)),
        ("Which sector slid the most on Oct 10, 2025?", SECTORS, "asc", D(2025, 10, 10), D(2025, 10, 10)),
        ("Which lost more in Q3 2025, TLT or IEF?", ["TLT", "IEF"], "asc", D(2025, 7, 1), D(2025, 9, 30)),
        ("Which tumbled harder in April 2025: SMH or QQQ?", ["SMH", "QQQ"], "asc", D(2025, 4, 1), D(2025, 4, 30)),
        ("Which gained more last month, XLE or XLF?", ["XLE", "XLF"], "desc", D(2025, 10, 1), D(2025, 10, 31)),
    ],
)  # fmt: skip
def test_fell_more_ranks_from_the_lowest(
    catalog: Catalog, question: str, symbols: list[str], rank: str, start: date, end: date
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.rank, call.start, call.end) == (
        symbols,
        "return",
        rank,
        start,
        end,
    )


@pytest.mark.parametrize(
    "question",
    [
        "How much did IWM rise from its April 8 close to its close on May 13?",
        "IWM from its Apr 8 close through its May 13 close?",
        "How did IWM do from the close of April 8 to the close of May 13?",
        "IWM's return from April 8, 2025 to May 13, 2025",
        "What did IWM do between its April 8 close and its May 13 close?",
    ],
)
def test_from_one_close_to_another(catalog: Catalog, question: str) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure) == (["IWM"], "return")
    assert (call.start, call.end) == (D(2025, 4, 9), D(2025, 5, 13))  # from the close of Apr 8
