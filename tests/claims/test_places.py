"""First- and last-place claims held to what the cited ranking measured, however phrased and
whichever order the ranking was printed in. Every value here is written by hand: the sector
returns of January 8–14, 2026 (base close January 7) as the measure tool printed them."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_kit import _data
from ledger_kit import check as check_on_the_kit

from copilot.answering.prune import prune_unsupported
from copilot.claims.places import places
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

START, END, BASE = date(2026, 1, 8), date(2026, 1, 14), date(2026, 1, 7)
# Lowest first, as the app ranks "which fell most": #1 XLF -2.63% … #11 XLP +7.32%.
LOWEST_FIRST = [("XLF", -2.63), ("XLK", -1.25), ("XLV", -1.13), ("XLC", -0.38), ("XLY", 1.12),
                ("XLU", 3.10), ("XLRE", 3.11), ("XLI", 3.33), ("XLB", 4.43), ("XLE", 6.49),
                ("XLP", 7.32)]  # fmt: skip


def _ranking(rows: list[tuple[str, float]], lowest_first: bool, of: int = 11) -> SourceLedger:
    facts, lines = [], []
    for place, (symbol, value) in enumerate(rows, start=1):
        facts += [
            Fact(subject=symbol, measure="rank", value=place, unit="rank", of=of, end=END,
                 shown=str(place)),
            Fact(subject=symbol, measure="return", value=value, unit="%", start=START, end=END,
                 base=BASE, shown=f"{value:+.2f}%"),
        ]  # fmt: skip
        lines.append(f"#{place} {symbol}: return {value:+.2f}% over 5 sessions")
    order = "Ranked lowest first" if lowest_first else "Ranked highest first"
    ledger = SourceLedger()
    ledger.register(_data("measure", [s for s, _ in rows], f"{order}: " + "\n".join(lines), facts))
    return ledger


def _verdicts(text: str, ledger: SourceLedger) -> list[tuple[str, str]]:
    _, v = verify_answer(text, ledger, END, check_support=False)
    return [(r.text, r.status) for r in v.reasons if r.kind == "verdict"]


@pytest.mark.parametrize("lowest_first", [True, False])
@pytest.mark.parametrize(
    ("sentence", "holds"),
    [
        ("The biggest loser among the sector funds was XLF [1].", True),
        ("The biggest loser among the sector funds was XLV, down 1.13% [1].", False),
        ("Financials got hit hardest [1].", True),
        ("The hardest-hit sector was health care [1].", False),
        ("XLK fell the most [1].", False),
        ("XLF dropped more than every other sector [1].", True),
        ("Staples brought up the rear [1].", False),
        ("XLF finished dead last [1].", True),
        ("Energy led the market lower [1].", False),
        ("XLP was the top gainer [1].", True),
        ("Energy was the biggest winner [1].", False),
        ("Consumer staples led the sectors [1].", True),
        ("XLB topped the list [1].", False),
        ("XLP rose the most [1].", True),
        ("Energy outperformed every other sector [1].", False),
        ("The sector that took the biggest beating was XLF, down 2.63% [1].", True),
        ("XLE posted the strongest rally [1].", False),
        # Session 40: the families the vivid-words lists found unread
        ("No sector fell further than financials [1].", True),
        ("Nothing did better than XLE [1].", False),
        ("XLK posted the steepest decline [1].", False),
        ("XLF suffered the sharpest drop of the week [1].", True),
        ("XLP had the highest return [1].", True),
        ("XLU had the lowest return [1].", False),
        ("Health care trailed the pack [1].", False),
        ("XLF trailed every other sector [1].", True),
        ("Staples outshone the rest [1].", True),
        ("XLE beat every other sector [1].", False),
        ("XLP ranked No. 1 [1].", True),
        ("Energy took the top slot [1].", False),
        ("XLF landed in the bottom spot [1].", True),
        ("Tech sank to the bottom [1].", False),
        ("XLF bore the brunt [1].", True),
        ("XLP stole the show [1].", True),
        ("XLE was the week's big winner [1].", False),
        ("XLF did worse than the rest [1].", True),
        ("Materials came through best [1].", False),
        ("XLF had the roughest week of the group [1].", True),
    ],
)
def test_a_place_is_held_to_the_measured_moves_in_either_order(
    sentence: str, holds: bool, lowest_first: bool
) -> None:
    rows = LOWEST_FIRST if lowest_first else LOWEST_FIRST[::-1]
    found = _verdicts(sentence, _ranking(rows, lowest_first))
    assert [status for _, status in found] == ["supported" if holds else "unsupported"]


@pytest.mark.parametrize("lowest_first", [True, False])
@pytest.mark.parametrize(
    ("sentence", "holds"),
    [
        # XLP +7.32 and XLE +6.49 are the two highest; XLF -2.63 and XLK -1.25 the two lowest.
        ("The leaders in the week were XLP and XLE [1].", True),
        ("XLE and XLP were the leaders [1].", True),
        ("The winners were XLP, XLE and XLB [1].", True),
        ("The top performers were XLP and XLB [1].", False),  # XLB is third
        ("The leaders this week were XLF, XLK and XLV [1].", False),  # the three lowest
        ("The biggest losers were XLF and XLK [1].", True),
        ("The laggards were XLF and XLP [1].", False),
        ("The leader this week was XLP [1].", True),
        ("The leader this week was XLF [1].", False),
    ],
)
def test_a_place_shared_by_several_holds_when_each_is_among_that_many(
    sentence: str, holds: bool, lowest_first: bool
) -> None:
    """Found in the app: "The leaders in December were XLU, XHB, …" under a ranking whose last
    place was XLU, and nothing checked it."""
    rows = LOWEST_FIRST if lowest_first else LOWEST_FIRST[::-1]
    found = _verdicts(sentence, _ranking(rows, lowest_first))
    assert [status for _, status in found] == ["supported" if holds else "unsupported"]


def test_a_shared_place_with_one_the_ranking_lacks_checks_the_one_next_to_it() -> None:
    # Gold is not among the sectors ranked: the place is held to the sector named next to it
    # (XLF is last, XLP first).
    ranking = _ranking(LOWEST_FIRST, True)
    assert _verdicts("The biggest losers were XLF and gold [1].", ranking) == [
        ("The biggest losers", "supported")
    ]  # fmt: skip
    assert _verdicts("The biggest losers were XLP and gold [1].", ranking) == [
        ("The biggest losers", "unsupported")
    ]  # fmt: skip


def test_a_shared_place_given_to_all_or_to_one_that_moved_the_other_way_is_none() -> None:
    """Found in the app: "The biggest fallers … were XLY, XLC, …" listing all 31 funds ranked,
    risers too. Naming every one measured is no place; XLY rose +1.12% and is no loser, though
    it is fifth from the bottom."""
    ranking = _ranking(LOWEST_FIRST, True)
    every = ", ".join(symbol for symbol, _ in LOWEST_FIRST)
    assert _verdicts(f"The biggest losers were {every} [1].", ranking) == [
        ("The biggest losers", "unsupported")
    ]  # fmt: skip
    assert _verdicts("The biggest losers were XLF, XLK, XLV, XLC and XLY [1].", ranking) == [
        ("The biggest losers", "unsupported")
    ]  # fmt: skip
    assert _verdicts("The biggest losers were XLF, XLK, XLV and XLC [1].", ranking) == [
        ("The biggest losers", "supported")
    ]  # fmt: skip


def test_a_shared_place_names_one_that_is_out_of_it() -> None:
    _, v = verify_answer("The laggards were XLF and XLP [1].", _ranking(LOWEST_FIRST, True), END,
                         check_support=False)  # fmt: skip
    (verdict,) = [r for r in v.reasons if r.kind == "verdict"]
    assert "XLP" in verdict.evidence and "#1 of 11" in verdict.evidence


def test_the_app_answer_that_named_the_wrong_loser_is_cut() -> None:
    # Asked "biggest loser among the sector funds in the second week of january", the model
    # named the ranking's #3 with every figure of it right.
    text = ("The biggest loser among the sector funds in the second week of January 2026 was "
            "XLV with a return of -1.13% [1]. XLF returned -2.63% [1].")  # fmt: skip
    _, v = verify_answer(text, _ranking(LOWEST_FIRST, True), END, check_support=False)
    (verdict,) = [r for r in v.reasons if r.kind == "verdict"]
    assert verdict.status == "unsupported" and "XLF" in verdict.evidence
    kept, removed = prune_unsupported(text, v.numbers, v.reasons)
    assert kept == "XLF returned -2.63% [1]." and len(removed) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "XLK was one of the worst performers [1].",
        "Health care was among the laggards [1].",
        "XLK was the second-worst sector [1].",
        "Tech, the biggest sector by market value, fell 1.25% [1].",
        "XLV fell 1.13% [1].",
        "No sector fell more than 3% [1].",
        "Tech outperformed the market [1].",
        "XLK was far from the worst [1].",
    ],
)
def test_no_claim_to_the_one_place_is_no_verdict(sentence: str) -> None:
    assert _verdicts(sentence, _ranking(LOWEST_FIRST, True)) == []


def test_a_denied_superlative_is_no_claim() -> None:
    _, v = verify_answer("XLK took a beating, though not the worst of the week [1].",
                         _ranking(LOWEST_FIRST, True), END, check_support=False)  # fmt: skip
    assert v.reasons == []


def test_the_only_one_in_the_green_or_the_red() -> None:
    ledger = _ranking([("SLV", 9.37), ("GLD", -1.20), ("SPY", -0.40)], lowest_first=False, of=3)
    assert _verdicts("Silver was the only one in the green [1].", ledger) == [
        ("the only one in the green", "supported")
    ]  # fmt: skip
    assert _verdicts("SPY was the only one to finish in the red [1].", ledger) == [
        ("the only one to finish in the red", "unsupported")
    ]  # fmt: skip


def test_the_top_of_a_longer_ranking_says_nothing_of_last_place() -> None:
    top_three = _ranking(LOWEST_FIRST[::-1][:3], False)  # XLP, XLE, XLB of 11
    assert _verdicts("XLP was the top performer [1].", top_three) == [
        ("the top performer", "supported")
    ]  # fmt: skip
    assert _verdicts("XLE was the top performer [1].", top_three) == [
        ("the top performer", "unsupported")
    ]  # fmt: skip
    # XLB is last of those shown but third of the eleven: not last.
    assert _verdicts("XLB was the worst performer [1].", top_three) == [("worst", "unsupported")]
    # One the list does not show cannot be placed from it.
    assert _verdicts("XLF was the worst performer [1].", top_three) == []


def test_the_only_one_to_fall_or_rise() -> None:
    rows = [("SLV", 9.37), ("GLD", 11.55), ("SPY", -0.40)]
    ledger = _ranking(rows, lowest_first=False, of=3)
    assert _verdicts("SPY was the only one to fall [1].", ledger) == [
        ("the only one to fall", "supported")
    ]  # fmt: skip
    assert _verdicts("Gold was the only one that gained [1].", ledger) == [
        ("the only one that gained", "unsupported")
    ]  # fmt: skip


def test_places_are_read_once_and_in_order() -> None:
    found = places("XLP rose the most while XLF was the hardest-hit sector [1].")
    assert [(p.word, p.claim) for p in found] == [("rose the most", "first"),
                                                   ("hardest-hit", "last")]  # fmt: skip


def test_a_sector_ranking_of_the_day_still_checks_best_and_worst() -> None:
    # The kit's [4]: five of eleven sectors, best XLB +1.52%, worst XLV -0.95%.
    _, v = check_on_the_kit("Health care was the biggest loser on January 22 [4].")
    assert [(r.kind, r.status) for r in v.reasons] == [("verdict", "supported")]
    _, v = check_on_the_kit("Utilities were hit hardest on January 22 [4].")
    assert [(r.kind, r.status) for r in v.reasons] == [("verdict", "unsupported")]


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("The best sector fund since January 7 was XLP [1].", [("The best sector", "supported")]),
        ("XLK was the top performer since January 7 [1].", [("the top performer", "unsupported")]),
        ("XLF got hammered the most since January 7 [1].", [("hammered the most", "supported")]),
        (
            "XLE was the biggest gainer since January 7 [1].",
            [("the biggest gainer", "unsupported")],
        ),
        # a verb's place over the window (found in the app: "SLV has done best since
        # Christmas" was held as a best in SLV's own history, marked unsupported)
        ("XLP has done best since January 7 [1].", [("done best", "supported")]),
        ("XLF did best since January 7 [1].", [("did best", "unsupported")]),
        ("XLF has done worst since January 7 [1].", [("worst", "supported")]),
        # a place in its own history: no place in the group
        ("XLE posted its worst week since March [1].", []),
        ("XLP did best since 2008 [1].", []),
        ("Tech fell the most since 2008 [1].", []),
        ("XLE had the biggest drop since March [1].", []),
    ],
)
def test_since_the_window_s_start_is_a_place_in_the_group(
    sentence: str, held: list[tuple[str, str]]
) -> None:
    """Found in the app: "The best bond fund since Thanksgiving is HYG" was read as a best in
    HYG's own history (flagged: no source computed it), not the ranking since Thanksgiving."""
    assert _verdicts(sentence, _ranking(LOWEST_FIRST, True)) == held


def test_the_size_of_the_group_a_place_is_among_is_a_count() -> None:
    # Found in the app: "… as ranked lowest among the 4 metal ETFs [1]" read the 4 as a rank
    # (#4) for the first place, contradicted, and the sentence was cut.
    ledger = _ranking(LOWEST_FIRST, True)
    cases = [("XLF ranked lowest among the 11 sector funds [1].", "verified"),
             ("XLF ranked lowest among the 9 sector funds [1].", "unverified")]  # fmt: skip
    for text, status in cases:
        _, verification = verify_answer(text, ledger, END)
        assert [(n.text, n.status) for n in verification.numbers] == [(text.split()[5], status)]
