"""How many of a ranked set moved one way: "11 sectors are in the red" is held to the ranking's
count of those that fell, never to the size of the set ranked (it had been ✓ against "11
ranked"). Figures are written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.claims.extract import extract_claims
from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date
AS_OF = D(2026, 1, 30)
# four funds over January 2026, by hand: two fell, two rose
MOVES = [("XLE", 14.18), ("XLB", 8.64), ("XLK", -0.06), ("XLF", -2.43)]


def _ranking(moves: list[tuple[str, float]], size: int) -> SourceLedger:
    facts = []
    for place, (symbol, value) in enumerate(moves, 1):
        facts += [
            Fact(subject=symbol, measure="return", value=value, unit="%", start=D(2026, 1, 2),
                 end=D(2026, 1, 30), base=D(2025, 12, 31), shown=f"{value:+.2f}%"),
            Fact(subject=symbol, measure="rank", value=place, unit="rank", of=size,
                 end=D(2026, 1, 30), shown=f"#{place}"),
        ]  # fmt: skip
    text = "Ranked highest first: " + ". ".join(
        f"#{place} {symbol}: return {value:+.2f}%" for place, (symbol, value) in enumerate(moves, 1)
    )
    ledger = SourceLedger()
    ledger.register(
        DataSource(
            tool="measure",
            metric="return",
            symbols=[s for s, _ in moves],
            text=text,
            facts=facts,
            start=D(2026, 1, 2),
            end=D(2026, 1, 30),
        )
    )
    return ledger


def _statuses(text: str, ledger: SourceLedger) -> list[tuple[str, str]]:
    _, verification = verify_answer(text, ledger, AS_OF)
    return [(n.text, n.status) for n in verification.numbers if n.kind == "figure"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("There are 11 sectors in the red year to date.", "fell_count"),
        ("Only 3 sectors are in the red.", "fell_count"),
        ("8 sectors were up this month.", "rose_count"),
        ("Three of the 11 sectors fell in January.", "fell_count"),
        # not a count of a set that moved: sessions, the set's own size
        ("XLF had 8 up days in January.", "count"),
        ("11 sectors were ranked.", "count"),
    ],
)
def test_a_count_of_a_set_that_moved_is_read_as_one(sentence: str, measure: str) -> None:
    assert extract_claims(sentence)[0].measure == measure


def test_a_count_of_those_that_fell_is_held_to_the_ranking() -> None:
    ledger = _ranking(MOVES, 4)
    assert _statuses("2 funds fell in January [1].", ledger) == [("2", "verified")]
    assert _statuses("2 of the 4 funds rose [1].", ledger) == [("2", "verified"),
                                                             ("4", "verified")]  # fmt: skip
    # the set's size is no count of those that fell
    assert _statuses("4 funds are in the red [1].", ledger) == [("4", "contradicted")]
    assert _statuses("There are 3 funds in the red [1].", ledger) == [("3", "contradicted")]


def test_a_ranking_shown_in_part_counts_nothing() -> None:
    """The top of a longer ranking does not say how many of the rest fell."""
    ledger = _ranking(MOVES, 11)
    assert _statuses("2 funds fell in January [1].", ledger) != [("2", "verified")]


def test_only_a_count_is_no_claim_that_one_alone_fell() -> None:
    _, verification = verify_answer("Only 2 funds are in the red: XLK and XLF [1].",
                                    _ranking(MOVES, 4), AS_OF)  # fmt: skip
    assert [r for r in verification.reasons if r.kind == "verdict"] == []


def test_a_rise_written_as_a_fall_is_not_derived_from_the_levels() -> None:
    """ "XLK fell … +0.60%" states no value a source can have: it was shown ≈, derived as the
    ratio of the two cited closes (found in the app: "CPER fell in January with a return of
    +4.20%"). By hand: XLK +0.60% from the close 143.11 to 143.97."""
    ledger = SourceLedger()
    ledger.register(DataSource(
        tool="measure", metric="return", symbols=["XLK"], start=D(2026, 1, 2), end=AS_OF,
        text="XLK: return +0.60% over 20 sessions, from the 2025-12-31 close 143.11 to the "
        "2026-01-30 close 143.97.",
        facts=[Fact(subject="XLK", measure="return", value=0.601, unit="%", start=D(2026, 1, 2),
                    end=AS_OF, base=D(2025, 12, 31), shown="+0.60%"),
               Fact(subject="XLK", measure="level", value=143.11, unit="$", end=D(2025, 12, 31),
                    shown="143.11"),
               Fact(subject="XLK", measure="level", value=143.97, unit="$", end=AS_OF,
                    shown="143.97")]))  # fmt: skip
    assert _statuses("XLK fell in January with a return of +0.60% [1].", ledger) == [
        ("+0.60%", "contradicted")]  # fmt: skip
    assert _statuses("XLK rose in January with a return of +0.60% [1].", ledger) == [
        ("+0.60%", "verified")]  # fmt: skip
