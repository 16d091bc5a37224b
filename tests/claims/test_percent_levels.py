"""A level written in % is a yield's or a rate's: the CPI's index value under a % sign is the
wrong unit, not a verified figure. Values are written by hand: the CPI-U index was 324.054 for
2025-12 (`series/CPI_monthly.csv`), the 10-year yield 4.28% on 2026-01-22."""

from __future__ import annotations

from ledger_kit import AS_OF, D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger


def book() -> SourceLedger:
    """[1] the CPI's level for December 2025; [2] the 10-year yield's level on 2026-01-22;
    [3] the CPI's change over the twelve months to December 2025 (the inflation rate)."""
    ledger = SourceLedger()
    ledger.register(_data("measure", ["CPI"],
        "CPI: value 324.05 on 2025-12-01 (released 2026-01-15).",
        [Fact(subject="CPI", measure="level", value=324.054, unit="level", end=D(2025, 12, 1),
              shown="324.05")]))  # fmt: skip
    ledger.register(_data("measure", ["DGS10"],
        "DGS10: value 4.28% on 2026-01-22.",
        [Fact(subject="DGS10", measure="level", value=4.28, unit="level", end=D(2026, 1, 22),
              shown="4.28%")]))  # fmt: skip
    ledger.register(_data("measure", ["CPI"],
        "CPI: year-over-year change +2.68% from the 2024-12-01 value 315.61 to the 2025-12-01 "
        "value 324.05.",
        [Fact(subject="CPI", measure="yoy", value=2.6771, unit="%", end=D(2025, 12, 1),
              base=D(2024, 12, 1), shown="+2.68%")]))  # fmt: skip
    return ledger


def status(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers if n.unit != "date"}


def test_a_price_index_level_written_in_percent_is_contradicted() -> None:
    assert status("Inflation is running at 324.05% [1].") == {"324.05%": "contradicted"}
    assert status("The CPI stood at 324.05% in December [1].") == {"324.05%": "contradicted"}


def test_the_same_level_without_the_percent_sign_still_verifies() -> None:
    assert status("The CPI stood at 324.05 in December [1].") == {"324.05": "verified"}


def test_a_yields_level_written_in_percent_still_verifies() -> None:
    assert status("The 10-year yield was 4.28% on January 22 [2].") == {"4.28%": "verified"}


def test_the_inflation_rate_stated_as_a_level_or_as_a_rise_verifies() -> None:
    for text in ("Inflation is running at 2.68% [3].", "Annual inflation was at 2.68% [3].",
                 "CPI inflation stood at 2.68% in December [3].",
                 "Consumer prices rose 2.68% over the year to December [3]."):  # fmt: skip
        assert status(text) == {"2.68%": "verified"}, text
    assert status("Inflation is running at 2.86% [3].") == {"2.86%": "contradicted"}
    assert status("Inflation was 2.68% in November [3].") == {"2.68%": "contradicted"}


def test_the_fear_gauge_written_in_percent_still_verifies() -> None:
    ledger = SourceLedger()
    ledger.register(_data("measure", ["VIX"], "VIX: value 16.50 on 2026-01-22.",
        [Fact(subject="VIX", measure="level", value=16.5, unit="level", end=D(2026, 1, 22),
              shown="16.50")]))  # fmt: skip
    _, verification = verify_answer("The VIX stood at 16.50% on January 22 [1].", ledger, AS_OF)
    assert {n.text: n.status for n in verification.numbers if n.unit != "date"} == {
        "16.50%": "verified"
    }


def _yield_and_its_average() -> SourceLedger:
    # The 10-year yield's monthly values, by hand: 4.14% for 2025-12 and an average of 4.26%
    # over 2025-02 to 2025-12 (`series/US10Y_monthly.csv`).
    ledger = SourceLedger()
    ledger.register(_data("measure", ["US10Y"], "US10Y: value 4.14% on 2025-12-01.",
        [Fact(subject="US10Y", measure="level", value=4.14, unit="level", end=D(2025, 12, 1),
              shown="4.14%")]))  # fmt: skip
    ledger.register(_data("measure", ["US10Y"],
        "US10Y: average value 4.26%; 2025-02-01 to 2025-12-01, 11 observations.",
        [Fact(subject="US10Y", measure="mean_level", value=4.26, unit="level",
              start=D(2025, 2, 1), end=D(2025, 12, 1), shown="4.26%")]))  # fmt: skip
    return ledger


def test_a_yield_below_its_average_of_a_figure_is_the_average_s_level() -> None:
    # "below its average of 4.26%" states the average, a level: it was read as a distance
    # below a moving average (-4.26%) and marked ✗.
    text = (
        "US10Y stood at 4.14% [1] on 2025-12-01, below its average of {} [2] from 2025-02-01 "
        "to 2025-12-01."
    )
    for figure, expected in (("4.26%", "verified"), ("4.45%", "contradicted")):
        _, verification = verify_answer(text.format(figure), _yield_and_its_average(), AS_OF)
        found = {n.text: n.status for n in verification.numbers if n.unit != "date"}
        assert found == {"4.14%": "verified", figure: expected}, figure
