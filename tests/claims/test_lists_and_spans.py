"""A list of names and a list of figures "respectively", after a window said in weeks: each
figure is its own fund's, and "two weeks" is the window's length, checked against the source's
window (not a figure no source states). Ledger values written by hand: five sector funds over
the 9 sessions from the 2026-01-16 close to 2026-01-30 (January 19 a holiday)."""

from __future__ import annotations

from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import SourceLedger

AS_OF = D(2026, 1, 30)
MOVES = [("XLRE", -1.85), ("XLF", -1.84), ("XLK", -1.19), ("XLY", -0.92), ("XLI", -0.87)]


def book() -> SourceLedger:
    ledger = SourceLedger()
    facts = []
    for symbol, value in MOVES:
        facts += [
            Fact(subject=symbol, measure="return", value=value, unit="%", start=D(2026, 1, 20),
                 end=D(2026, 1, 30), base=D(2026, 1, 16), shown=f"{value:+.2f}%"),
            Fact(subject=symbol, measure="window_sessions", value=9, unit="sessions",
                 start=D(2026, 1, 20), end=D(2026, 1, 30), base=D(2026, 1, 16),
                 shown="9 sessions"),
        ]  # fmt: skip
    text = " ".join(f"{s}: return {v:+.2f}% over 9 sessions." for s, v in MOVES)
    ledger.register(_data("measure", [s for s, _ in MOVES], text, facts))
    return ledger


def figures(text: str) -> dict[str, str]:
    _, verification = verify_answer(text, book(), as_of=AS_OF)
    return {n.text: n.status for n in verification.numbers if n.unit != "date"}


def test_figures_respectively_after_a_window_in_weeks() -> None:
    text = (
        "The five worst performing sector funds over the past two weeks were XLRE, XLF, XLK, "
        "XLY, and XLI, with returns of -1.85%, -1.84%, -1.19%, -0.92%, and -0.87% "
        "respectively [1]."
    )
    assert figures(text) == {
        "two": "verified", "-1.85%": "verified", "-1.84%": "verified", "-1.19%": "verified",
        "-0.92%": "verified", "-0.87%": "verified",
    }  # fmt: skip


def test_a_window_in_weeks_is_checked_against_the_sources_window() -> None:
    assert figures("Over the past two weeks, XLRE fell 1.85% [1].") == {
        "two": "verified", "1.85%": "verified"
    }  # fmt: skip
    wrong = figures("Over the past five weeks, XLRE fell 1.85% [1].")
    assert wrong["1.85%"] == "contradicted" and wrong["five"] != "verified"


def test_respectively_swapped_figures_are_still_contradicted() -> None:
    text = "XLRE and XLI fell -0.87% and -1.85% respectively [1]."
    assert figures(text) == {"-0.87%": "contradicted", "-1.85%": "contradicted"}


def test_the_count_of_places_asked_is_no_figure() -> None:
    """'The top 2 …', 'the three worst …': the question's count, not a value to find."""
    assert figures("Of the top 2, XLI fell 0.87% and XLY fell 0.92% [1].") == {
        "0.87%": "verified", "0.92%": "verified"
    }  # fmt: skip
    assert figures("Among the three worst, XLRE fell 1.85% [1].") == {"1.85%": "verified"}


def test_a_share_after_top_is_still_a_figure() -> None:
    from copilot.claims.numbers import find_numbers

    assert [n.text for n in find_numbers("the top 3.5% of sessions")] == ["3.5%"]
    assert [n.text for n in find_numbers("the bottom 2 percent of days")] == ["2 percent"]


def test_a_share_of_a_group_is_no_one_funds_move() -> None:
    """'The share of the sector funds that fell was 1.85%' is a part of the group: XLRE's own
    -1.85% does not bear it out."""
    assert figures("The share of the sector funds that fell was 1.85% [1].") == {
        "1.85%": "unverified"
    }


def test_a_superlative_over_the_past_year_needs_a_source_that_computed_it() -> None:
    _, verification = verify_answer(
        "XLRE's slide was the biggest in the past year, a fall of 1.85% [1].", book(), as_of=AS_OF
    )
    assert [(r.kind, r.status) for r in verification.reasons] == [("superlative", "unsupported")]
