"""A fact whose measure carries its aggregation ('min_drawdown', 'max_distance_from_peak') is
read as that measure, not as the 'min'/'max' of a level: "max drawdown -5.99% [1]" checks out
against the fact it states, and a wrong figure is still caught."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.claims.statements import from_fact
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date


def _ledger(measure: str, value: float, shown: str) -> SourceLedger:
    ledger = SourceLedger()
    fact = Fact(subject="SMH", measure=measure, value=value, unit="%", start=D(2025, 10, 1),
                end=D(2025, 10, 31), on=D(2025, 10, 10), shown=shown)  # fmt: skip
    ledger.register(DataSource(tool="measure", metric="m", symbols=["SMH"], start=D(2025, 10, 1),
                               end=D(2025, 10, 31), text=f"SMH: max drawdown {shown}.",
                               facts=[fact]))  # fmt: skip
    return ledger


@pytest.mark.parametrize(
    ("measure", "kind"),
    [("min_drawdown", "drawdown"), ("max_distance_from_peak", "peak_distance"),
     ("min_daily_return", "daily_extreme"), ("mean_level", "level"), ("max_level", "level")],
)  # fmt: skip
def test_the_measure_inside_an_aggregate_name(measure: str, kind: str) -> None:
    fact = Fact(subject="SMH", measure=measure, value=1.0, unit="%", shown="+1.00%")
    assert from_fact(1, fact)[0].measure == kind


@pytest.mark.parametrize(
    "text",
    [
        "SMH's max drawdown in October 2025 was -5.99% [1].",
        # Found in the app: "Silver's maximum drop over the past two weeks was -28.56% on
        # 2026-01-30 [1]" was cut under the tool's own max drawdown of -28.56%.
        "SMH's maximum drop in October 2025 was -5.99% [1].",
    ],
)
def test_a_max_drawdown_checks_out_and_a_wrong_one_does_not(text: str) -> None:
    ledger = _ledger("min_drawdown", -5.9872, "-5.99%")
    _, right = verify_answer(text, ledger, D(2025, 12, 19), "SMH max drawdown in October 2025?")
    assert [n.status for n in right.numbers if n.kind == "figure"] == ["verified"]
    _, wrong = verify_answer(text.replace("5.99", "6.99"), ledger, D(2025, 12, 19), "")
    assert [n.status for n in wrong.numbers if n.kind == "figure"] != ["verified"]


def test_the_measure_tools_own_words_for_a_distance_from_the_peak() -> None:
    """ "distance from peak" (the tool's line, copied) is a peak distance: verified against the
    source that states it, not moved to a return of the same size over the fall since the peak."""
    ledger = SourceLedger()
    peak = Fact(
        subject="SLV",
        measure="distance_from_peak",
        value=-28.5606,
        unit="%",
        start=D(2025, 2, 19),
        end=D(2026, 1, 30),
        on=D(2026, 1, 28),
        shown="-28.56%",
    )
    fall = Fact(subject="SLV", measure="return", value=-28.5603, unit="%", start=D(2026, 1, 29),
                end=D(2026, 1, 30), shown="-28.56%")  # fmt: skip
    for fact, metric in ((peak, "distance_from_peak"), (fall, "return")):
        ledger.register(DataSource(tool="measure", metric=metric, symbols=["SLV"],
                                   start=fact.start, end=fact.end, facts=[fact],
                                   text=f"SLV: {metric} {fact.shown}."))  # fmt: skip
    for text in ("SLV: distance from peak -28.56% (peak close 105.60 on 2026-01-28) [1].",
                 "SLV is -28.56% below its peak [1]."):  # fmt: skip
        _, checked = verify_answer(text, ledger, D(2026, 2, 1), "how far below its peak is SLV?")
        figures = [n for n in checked.numbers if n.text == "-28.56%"]
        assert [n.status for n in figures] == ["verified"], text
