"""A market's way said with no figure ("gold fell in January [1]") is held to the moves its
source measured. Every value is written by hand from the raw closes: January 2026 (base close
2025-12-31) GLD 396.31 → 444.95 (+12.27%), SPY 681.92 → 691.97 (+1.47%); December 2025 (base
2025-11-28) GLD 387.88 → 396.31 (+2.17%)."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_kit import _data

from copilot.answering.prune import prune_unsupported
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = date(2026, 1, 30)
JANUARY = (date(2026, 1, 2), date(2026, 1, 30), date(2025, 12, 31))
DECEMBER = (date(2025, 12, 1), date(2025, 12, 31), date(2025, 11, 28))


def _ledger(*windows: tuple[tuple[date, date, date], list[tuple[str, float]]]) -> SourceLedger:
    ledger = SourceLedger()
    for (start, end, base), rows in windows:
        facts = [Fact(subject=s, measure="return", value=v, unit="%", start=start, end=end,
                      base=base, shown=f"{v:+.2f}%") for s, v in rows]  # fmt: skip
        text = "; ".join(f"{s}: return {v:+.2f}%" for s, v in rows)
        ledger.register(_data("measure", [s for s, _ in rows], text, facts))
    return ledger


JAN = (JANUARY, [("GLD", 444.95 / 396.31 * 100 - 100), ("SPY", 691.97 / 681.92 * 100 - 100)])
DEC = (DECEMBER, [("GLD", 396.31 / 387.88 * 100 - 100)])


def _ways(text: str, ledger: SourceLedger) -> list[tuple[str, str]]:
    _, v = verify_answer(text, ledger, AS_OF, check_support=False)
    return [(r.text, r.status) for r in v.reasons
            if r.kind == "verdict" and r.evidence.endswith(("it rose", "it fell"))]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Gold fell in January [1].", [("fell", "unsupported")]),
        ("Gold rallied in January 2026 [1].", [("rallied", "supported")]),
        ("The S&P 500 slipped this month [1].", [("slipped", "unsupported")]),
        (
            "Gold prices climbed, while the S&P 500 was lower [1].",
            [("climbed", "supported"), ("was lower", "unsupported")],
        ),
        ("Gold fell as the dollar strengthened [1].", [("fell", "unsupported")]),
        # uncited: held to the one source that measured gold
        ("Gold slumped over the month.", [("slumped", "unsupported")]),
    ],
)
def test_a_way_said_with_no_figure_is_held_to_the_measured_move(
    sentence: str, found: list[tuple[str, str]]
) -> None:
    assert _ways(sentence, _ledger(JAN)) == found


@pytest.mark.parametrize(
    "sentence",
    [
        "Gold fell in December [1].",  # a month the source did not measure
        "Gold could fall further [1].",  # a modal: no claim of what happened
        "Gold did not fall in January [1].",  # negated
        "Gold rose, then fell [1].",  # the second way has no market before it
        "Gold fell on Friday [1].",  # a day: the date checks'
        "Gold fell the most of the three [1].",  # a place: `places`' claim, not a way
        "Gold rose 12.27% in January [1].",  # a figure carries its own sign
    ],
)
def test_no_plain_way_to_hold_is_left(sentence: str) -> None:
    assert [s for _, s in _ways(sentence, _ledger(JAN)) if s == "unsupported"] == []
    assert ("fell", "supported") not in _ways(sentence, _ledger(JAN))


# Made-up returns (only their signs and windows matter here): ten sessions, January 16–30
# (base January 15), and January 2–14.
TWO_WEEKS = ((date(2026, 1, 16), date(2026, 1, 30), date(2026, 1, 15)), [("GLD", 9.0)])
EARLY = ((date(2026, 1, 2), date(2026, 1, 14), date(2025, 12, 31)), [("GLD", -1.5)])


@pytest.mark.parametrize(
    ("sentence", "ledger", "found"),
    [
        # a list of markets sharing one verb: each of them
        ("Gold and the S&P 500 both fell [1].", JAN, [("fell", "unsupported")] * 2),
        # the market as a whole
        ("Stocks slid in January [1].", JAN, [("slid", "unsupported")]),
        # a length said is held to the window's
        ("Gold climbed over the past two weeks [1].", TWO_WEEKS, [("climbed", "supported")]),
        ("Gold climbed over the past two months [1].", TWO_WEEKS, []),
        # a part of a month, loosely: "early January" of January 2–14
        ("Gold rose in early January [1].", EARLY, [("rose", "unsupported")]),
        ("Gold rose in late January [1].", EARLY, []),
        # a path, not one way: neither is read
        ("Gold rallied early in the month but sold off at the end [1].", JAN, []),
        # another thing's way after it: gold's is still read
        ("Gold climbed as the dollar slid [1].", JAN, [("climbed", "supported")]),
    ],
)
def test_the_ways_of_lists_the_market_lengths_and_parts(
    sentence: str,
    ledger: tuple[tuple[date, date, date], list[tuple[str, float]]],
    found: list[tuple[str, str]],
) -> None:
    assert _ways(sentence, _ledger(ledger)) == found


def test_two_windows_that_disagree_decide_nothing_uncited() -> None:
    # GLD rose in both months here, so both decide alike; SPY is measured in January only.
    ledger = _ledger(JAN, DEC)
    assert _ways("Gold sank.", ledger) == [("sank", "unsupported")]
    mixed = _ledger(JAN, (DECEMBER, [("GLD", -2.0)]))
    assert _ways("Gold sank.", mixed) == []
    assert _ways("Gold sank in December.", mixed) == [("sank", "supported")]


def test_a_contradicted_way_is_cut_like_a_contradicted_figure() -> None:
    text = "GLD returned +12.27% in January [1]. Gold fell in January [1]."
    cleaned, v = verify_answer(text, _ledger(JAN), AS_OF, check_support=False)
    kept, removed = prune_unsupported(cleaned, v.numbers, v.reasons)
    assert kept == "GLD returned +12.27% in January [1]." and len(removed) == 1
