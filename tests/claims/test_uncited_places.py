"""A place or a verdict written without a citation is held to the ranking it is about.

Found in the app: asked "which three got hammered the most since mid-january", the model wrote
"GLD got hammered the most …" with no [n] under a tool's returns of SPY, QQQ and GLD, and no
check read it (GLD had risen most). Every value here is written by hand: the sector returns of
January 8–14, 2026 (base close January 7), and SPY, QQQ and GLD over January 12–30 (base close
January 9) from the raw closes."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_kit import _data

from copilot.answering.prune import prune_unsupported
from copilot.claims.places import places
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

START, END, BASE = date(2026, 1, 8), date(2026, 1, 14), date(2026, 1, 7)
# Highest first: #1 XLP +7.32% … #11 XLF -2.63%.
SECTORS = [("XLP", 7.32), ("XLE", 6.49), ("XLB", 4.43), ("XLI", 3.33), ("XLRE", 3.11),
           ("XLU", 3.10), ("XLY", 1.12), ("XLC", -0.38), ("XLV", -1.13), ("XLK", -1.25),
           ("XLF", -2.63)]  # fmt: skip
# Closes of 2026-01-09 and 2026-01-30: SPY 694.07 → 691.97, QQQ 626.65 → 621.87,
# GLD 414.47 → 444.95 (the raw files' `close` column).
THREE = [("GLD", 444.95 / 414.47 * 100 - 100), ("SPY", 691.97 / 694.07 * 100 - 100),
         ("QQQ", 621.87 / 626.65 * 100 - 100)]  # fmt: skip


def _returns(rows: list[tuple[str, float]], start: date, end: date, base: date) -> SourceLedger:
    facts = [Fact(subject=s, measure="return", value=v, unit="%", start=start, end=end, base=base,
                  shown=f"{v:+.2f}%") for s, v in rows]  # fmt: skip
    lines = "\n".join(f"{s}: return {v:+.2f}%" for s, v in rows)
    ledger = SourceLedger()
    ledger.register(_data("measure", [s for s, _ in rows], lines, facts))
    return ledger


def _checked(text: str, ledger: SourceLedger) -> tuple[str, list[tuple[str, str, str]]]:
    cleaned, v = verify_answer(text, ledger, END, check_support=False)
    return cleaned, [(r.kind, r.text, r.status) for r in v.reasons]


@pytest.mark.parametrize(
    ("sentence", "holds"),
    [
        ("Financials got hammered the most.", True),
        ("Tech got hammered the most that week.", False),  # XLK is 10th
        ("XLF got clobbered the hardest.", True),
        ("Staples tanked the most.", False),  # XLP rose most
        ("XLP mooned the most.", True),
        ("Energy ripped the hardest.", False),  # second
        ("Consumer staples were up the most.", True),
        ("XLV was down the most.", False),
        ("The biggest loser was XLF.", True),
        ("XLE was the top gainer.", False),
    ],
)
def test_an_uncited_place_is_cited_to_the_ranking_and_held_to_it(
    sentence: str, holds: bool
) -> None:
    cleaned, found = _checked(sentence, _returns(SECTORS, START, END, BASE))
    assert cleaned.endswith("[1].")  # the verifier cites the ranking the place is about
    assert [status for kind, _, status in found if kind == "verdict"] == [
        "supported" if holds else "unsupported"
    ]


def test_the_app_answer_that_called_the_riser_hammered_is_cut() -> None:
    # GLD +7.35%, SPY -0.30%, QQQ -0.76%: QQQ fell most, and QQQ did worse than SPY.
    text = ("SPY returned -0.30% [1]. GLD got hammered the most over that stretch. "
            "QQQ did better than SPY.")  # fmt: skip
    ledger = _returns(THREE, date(2026, 1, 12), date(2026, 1, 30), date(2026, 1, 9))
    cleaned, v = verify_answer(text, ledger, date(2026, 1, 30), check_support=False)
    verdicts = [r for r in v.reasons if r.kind == "verdict"]
    assert [(r.text, r.status) for r in verdicts] == [
        ("hammered the most", "unsupported"), ("did better", "unsupported")
    ]  # fmt: skip
    assert "QQQ is last" in verdicts[0].evidence
    kept, removed = prune_unsupported(cleaned, v.numbers, v.reasons)
    assert kept == "SPY returned -0.30% [1]." and len(removed) == 2


def test_a_place_two_windows_decide_apart_is_not_cited_on_a_guess() -> None:
    """XLF is last of the week and first of another window: which one the sentence means, it
    does not say, so no source is cited for it and the place stands unsupported."""
    ledger = _returns(SECTORS, START, END, BASE)
    other = [("XLF", 5.0), ("XLP", -1.0), ("XLK", 0.5)]
    month = [Fact(subject=s, measure="return", value=v, unit="%", start=date(2025, 12, 1),
                  end=date(2025, 12, 31), base=date(2025, 11, 28), shown=f"{v:+.2f}%")
             for s, v in other]  # fmt: skip
    ledger.register(_data("measure", [s for s, _ in other], "December returns", month))
    cleaned, found = _checked("XLF got hammered the most.", ledger)
    assert "[" not in cleaned
    assert found == [("superlative", "hammered the most", "unsupported")]


def test_an_uncited_place_no_tool_measured_is_unsupported() -> None:
    ledger = _returns([("SPY", -0.30)], START, END, BASE)
    cleaned, found = _checked("GLD got hammered the most over that stretch.", ledger)
    assert "[" not in cleaned
    assert found == [("superlative", "hammered the most", "unsupported")]


def test_an_uncited_superlative_is_flagged_once() -> None:
    # "worst" is the superlative check's word: the place adds no second flag.
    ledger = _returns([("SPY", -0.30)], START, END, BASE)
    _, found = _checked("GLD was the worst performer over that stretch.", ledger)
    assert found == [("superlative", "worst", "unsupported")]


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("XLK got crushed the most this week.", [("crushed the most", "last")]),
        ("Tech got hit the hardest.", [("got hit the hardest", "last")]),
        ("Energy bled the most.", [("bled the most", "last")]),
        ("XLE soared the most.", [("soared the most", "first")]),
        ("Silver popped the most of the three.", [("popped the most", "first")]),
        ("Staples increased the most.", [("increased the most", "first")]),
        ("Gold rose mostly on safe-haven buying.", []),
        ("XLE posted its biggest drop since March.", []),
    ],
)
def test_a_move_in_any_words_before_its_place(
    sentence: str, claimed: list[tuple[str, str]]
) -> None:
    assert [(p.word, p.claim) for p in places(sentence)] == claimed
