"""First and last place among distances below a peak: "closest to its 52-week high" is the
highest distance (nearest zero), "furthest below its peak" and "the deepest drawdown" the
lowest. Ledger values written by hand (the five bond funds' distances from their 52-week highs
as of 2026-01-30; each peak on its own day)."""

from __future__ import annotations

import pytest
from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)
DISTANCES = [("HYG", -0.25, D(2025, 9, 22)), ("AGG", -1.13, D(2025, 10, 28)),
             ("IEF", -1.82, D(2025, 10, 22)), ("LQD", -2.08, D(2025, 9, 15)),
             ("TLT", -6.16, D(2025, 4, 4))]  # fmt: skip


def book() -> SourceLedger:
    ledger = SourceLedger()
    facts = [Fact(subject=s, measure="distance_from_peak", value=v, unit="%",
                  start=D(2025, 2, 19), end=AS_OF, on=peak, shown=f"{v:+.2f}%")
             for s, v, peak in DISTANCES]  # fmt: skip
    text = " ".join(f"#{i} {s}: distance from peak {v:+.2f}%." for i, (s, v, _) in
                    enumerate(DISTANCES, 1))  # fmt: skip
    ledger.register(_data("measure", [s for s, _, _ in DISTANCES], f"Ranked highest first: {text}",
                          facts))  # fmt: skip
    return ledger


def place_statuses(text: str) -> list[str]:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    return [r.status for r in verification.reasons if r.kind == "verdict"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("HYG sits closest to its 52-week high [1].", "supported"),
        ("The bond fund closest to its 52-week high is TLT [1].", "unsupported"),
        ("TLT is furthest below its peak [1].", "supported"),
        ("AGG is the furthest below its high of the five [1].", "unsupported"),
    ],
)  # fmt: skip
def test_a_place_below_a_peak_is_held_to_the_distances(text: str, status: str) -> None:
    assert place_statuses(text) == [status]


def test_a_drawdown_place_is_not_judged_among_distances_nor_the_reverse() -> None:
    """Today's distance below the high and the deepest fall inside the window are different
    rankings: neither decides a claim about the other."""
    assert place_statuses("LQD had the deepest drawdown of the group [1].") == []
    ledger = SourceLedger()
    drawdowns = [("HYG", -0.26), ("TLT", -1.90), ("AGG", -0.70)]
    facts = [Fact(subject=s, measure="drawdown", value=v, unit="%", start=D(2026, 1, 2),
                  end=AS_OF, shown=f"{v:+.2f}%") for s, v in drawdowns]  # fmt: skip
    ledger.register(_data("measure", [s for s, _ in drawdowns], "max drawdowns", facts))

    def judged(text: str) -> list[str]:
        _, verification = verify_answer(text, ledger, as_of=AS_OF)
        return [r.status for r in verification.reasons if r.kind == "verdict"]

    assert judged("TLT sits closest to its 52-week high [1].") == []
    assert judged("TLT had the deepest drawdown [1].") == ["supported"]
    assert judged("HYG had the deepest drawdown [1].") == ["unsupported"]
    assert judged("HYG had the shallowest drawdown [1].") == ["supported"]
