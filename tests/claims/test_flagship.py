"""The flagship answer over the real sample data: every figure bound to its own source."""

from __future__ import annotations

from datetime import date

from copilot.claims.verify import verify_answer
from copilot.tools import ToolDeps
from copilot.tools.registry import run_tool

# The figures the tools report on the shared data (also written in tests/ui/ui_flagship.py).
ANSWER = (
    "The Russell 2000 ETF IWM beat the S&P 500 for 14 sessions in a row through January 22 "
    "[1]. Since the end of 2025 IWM gained 9.60% [2], against 1.04% for SPY [3], a gap of 8.56 "
    "percentage points."
)


def test_flagship_figures_are_each_checked_against_their_own_source(
    shared_deps: ToolDeps,
) -> None:
    shared_deps.as_of = date(2026, 1, 23)
    run_tool(shared_deps, "streak", {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"})
    for symbol in ("IWM", "SPY"):
        run_tool(shared_deps, "price_return",
                 {"symbol": symbol, "start": "2025-12-31", "end": "2026-01-22"})  # fmt: skip
    text, v = verify_answer(ANSWER, shared_deps.ledger, date(2026, 1, 23), check_support=False)
    assert text == ANSWER
    checks = {n.text: (n.status, n.source) for n in v.figures}
    assert checks == {
        "14": ("verified", 1), "9.60%": ("verified", 2), "1.04%": ("verified", 3),
        "8.56 percentage points": ("derived", 2),
    }  # fmt: skip
    gap = next(n for n in v.figures if n.unit == "pp")
    assert gap.relation == "difference of two cited returns: IWM − SPY"
    # Each figure names the fact it was checked against: its instrument and measure.
    assert "IWM beat_streak" in v.figures[0].fact and "SPY return" in v.figures[2].fact
    # Swapping the two returns' citations is caught: each moves back to its own source.
    swapped = ANSWER.replace("9.60% [2]", "9.60% [3]").replace("SPY [3]", "SPY [2]")
    fixed, v = verify_answer(swapped, shared_deps.ledger, date(2026, 1, 23), check_support=False)
    assert [(n.text, n.status, n.corrected_to) for n in v.figures[1:3]] == [
        ("9.60%", "moved", 2), ("1.04%", "moved", 3),
    ]  # fmt: skip
    # Two citations in the sentence: the right one is put beside each moved figure.
    assert "gained 9.60% [2] [3], against 1.04% [3] for SPY [2]" in fixed
