"""Comparative verdicts bound to what the cited source computed for both sides.

The ledgers are typed here by hand: [1] a ranking of two (SLV #1 +25.80%, GLD #2 +2.17%, December
2025), [2] a comparison (IWM +7.58% against SPY +1.07%, +6.50 pp), [3] two losses on one window
(XLK -0.36%, XLU -1.91%) with no ranking and no difference, [4] one instrument alone, [5] a
ranking lowest first (AGG #1 -0.09%, SPY #2 +0.45%).
"""

from __future__ import annotations

from datetime import date

from ledger_kit import AS_OF, D, _data

from copilot.answer import ReasonCheck
from copilot.answering.prune import prune_unsupported
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

DEC = {"start": D(2025, 12, 1), "end": D(2025, 12, 31), "base": D(2025, 11, 28)}
JAN = {"start": D(2026, 1, 2), "end": D(2026, 1, 23), "base": D(2025, 12, 31)}
WEEK = {"start": D(2026, 1, 20), "end": D(2026, 1, 23), "base": D(2026, 1, 16)}


def _move(symbol: str, value: float, window: dict[str, date]) -> Fact:
    return Fact(subject=symbol, measure="return", value=value, unit="%",
                shown=f"{value:+.2f}%", **window)  # fmt: skip


def _rank(symbol: str, place: int) -> Fact:
    return Fact(subject=symbol, measure="rank", value=place, unit="rank", end=D(2025, 12, 31),
                of=2, shown=f"#{place}")  # fmt: skip


def book() -> SourceLedger:
    gap = Fact(subject="IWM", measure="return_difference", value=6.50, unit="pp", versus="SPY",
               shown="+6.50 pp", **JAN)  # fmt: skip
    ledger = SourceLedger()
    for symbols, text, facts in (
        (["SLV", "GLD"], "Ranked highest first: #1 SLV: return +25.80%. #2 GLD: return +2.17%.",
         [_rank("SLV", 1), _move("SLV", 25.80, DEC), _rank("GLD", 2), _move("GLD", 2.17, DEC)]),
        (["IWM", "SPY"], "IWM: return +7.58%; +6.50 pp vs SPY. SPY: return +1.07%.",
         [_move("IWM", 7.58, JAN), gap, _move("SPY", 1.07, JAN)]),
        (["XLK", "XLU"], "XLK: return -0.36%. XLU: return -1.91%.",
         [_move("XLK", -0.36, WEEK), _move("XLU", -1.91, WEEK)]),
        (["XLE"], "XLE: return +2.72%.", [_move("XLE", 2.72, JAN)]),
        (["AGG", "SPY"], "Ranked lowest first: #1 AGG: return -0.09%. #2 SPY: return +0.45%.",
         [_rank("AGG", 1), _move("AGG", -0.09, JAN), _rank("SPY", 2), _move("SPY", 0.45, JAN)]),
    ):  # fmt: skip
        ledger.register(_data("measure", symbols, text, facts))
    return ledger


def verdicts_of(text: str) -> list[ReasonCheck]:
    _, verification = verify_answer(text, book(), AS_OF, check_support=False)
    return [r for r in verification.reasons if r.kind == "verdict"]


def status(text: str) -> str | None:
    found = verdicts_of(text)
    return found[0].status if found else None


def test_a_verdict_the_ranking_contradicts_is_unsupported_and_cut() -> None:
    # Every figure of the sentence is gold's own, and right; the verdict is not.
    text = "Gold did better in December with a return of +2.17% [1]."
    found = verdicts_of(text)
    assert [(r.text, r.status) for r in found] == [("did better", "unsupported")]
    assert "SLV return" in found[0].evidence and found[0].evidence.startswith("contradicted: [1]")
    kept, cut = prune_unsupported(text, [], found)
    assert kept == "" and cut == [text]
    assert status("Silver did better than gold in December [1].") == "supported"
    assert status("Gold lagged silver in December [1].") == "supported"
    assert status("Silver underperformed gold in December [1].") == "unsupported"
    assert status("Silver came out ahead in December [1].") == "supported"


def test_a_ranking_lowest_first_is_read_by_its_values_not_its_places() -> None:
    # AGG is #1 of a ranking by the lowest return: it did worse, not better.
    assert status("AGG did worse than SPY [5].") == "supported"
    assert status("AGG outperformed SPY [5].") == "unsupported"


def test_a_difference_or_two_moves_of_one_window_decide_it() -> None:
    assert status("Small caps beat the S&P 500 in January [2].") == "supported"
    assert status("The S&P 500 outperformed small caps in January [2].") == "unsupported"
    assert status("SPY trailed IWM by 6.50 pp [2].") == "supported"
    # Two losses: the smaller one held up better, and "held up" is no rise of -0.36%.
    _, verification = verify_answer(
        "Tech held up better than utilities, with a return of -0.36% [3].",
        book(),
        AS_OF,
        check_support=False,
    )
    assert [(n.text, n.status) for n in verification.numbers] == [("-0.36%", "verified")]
    assert [r.status for r in verification.reasons if r.kind == "verdict"] == ["supported"]
    assert status("Utilities fared better than tech last week [3].") == "unsupported"
    assert status("Tech lost less than utilities last week [3].") == "supported"
    assert status("Tech fell further than utilities last week [3].") == "unsupported"
    assert verdicts_of("Utilities fell more than 1.5% last week [3].") == []


def test_negation_turns_a_verdict_around() -> None:
    assert status("IWM did not lag SPY in January [2].") == "supported"
    assert status("SPY did not lag IWM in January [2].") == "unsupported"
    assert status("Silver never trailed gold in December [1].") == "supported"


def test_nothing_to_hold_it_against_is_left_as_written() -> None:
    # One instrument in the source; a verdict whose subject is a pronoun.
    assert status("Energy outperformed in January [4].") is None
    assert status("IWM did not lag SPY over January: it did better [2].") == "supported"
    # "Beat estimates" compares with no market.
    assert verdicts_of("XLE beat estimates in January [4].") == []


def test_an_uncited_verdict_is_held_to_the_one_source_that_computed_both() -> None:
    # [1] has December's SLV +25.80% and GLD +2.17%; nothing else measured both.
    assert status("Silver did better than gold in December.") == "supported"
    assert status("Gold did better than silver in December.") == "unsupported"


def test_a_report_marks_a_contradicted_verdict_where_an_answer_cuts_it() -> None:
    from copilot.research.sections import CONTRADICTED_MARK, mark

    text = "Gold did better than silver in December [1]."
    cleaned, verification = verify_answer(text, book(), AS_OF, check_support=False)
    assert (
        mark(cleaned, verification)
        == f"Gold did better{CONTRADICTED_MARK} than silver in December [1]."
    )
    kept = "Silver did better than gold in December [1]."
    cleaned, verification = verify_answer(kept, book(), AS_OF, check_support=False)
    assert mark(cleaned, verification) == kept


def test_a_move_compared_by_its_size_is_a_verdict() -> None:
    """Found in the app: "SPY had a lower return of -0.22% compared to IWM's -1.04%" (asked
    which did worse in December) had both figures ✓ and its false comparison unchecked. [3]:
    XLK -0.36%, XLU -1.91%."""
    assert status("XLU had a lower return than XLK last week [3].") == "supported"
    assert status("XLK had a lower return compared to XLU's last week [3].") == "unsupported"
    assert status("XLU posted a bigger loss than XLK [3].") == "supported"
    assert status("XLU had a smaller loss than XLK [3].") == "unsupported"
    assert status("XLK had the higher return of the two [3].") == "supported"
    # against a forecast, no market: [3] holds XLU, which "than expected" does not name
    assert verdicts_of("XLK had a higher return than expected last week [3].") == []
