"""A list of figures of one measure that is no move shares it: the compare tool's own line
"WTI: annualized volatility 24.42% in December 2025 (…), 31.52% in … (…)" had its second
figure read as a move, unverified, and the whole line cut (found in the app). The figures are
written for the test; the check only matches them against the typed facts."""

from __future__ import annotations

from datetime import date

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

D = date


def _book() -> SourceLedger:
    facts = [
        Fact(subject="WTI", measure="volatility", value=24.42, unit="%", start=D(2025, 12, 1),
             end=D(2025, 12, 31), shown="24.42%"),
        Fact(subject="WTI", measure="volatility", value=31.52, unit="%", start=D(2026, 1, 2),
             end=D(2026, 1, 30), shown="31.52%"),
    ]  # fmt: skip
    book = SourceLedger()
    book.register(DataSource(
        tool="compare_periods", metric="m", symbols=["WTI"], facts=facts, start=D(2025, 12, 1),
        end=D(2026, 1, 30), text="WTI volatility",
    ))  # fmt: skip
    return book


def _statuses(text: str) -> dict[str, str]:
    _, checked = verify_answer(text, _book(), D(2026, 1, 30), check_support=False)
    return {n.text: n.status for n in checked.figures}


def test_the_second_figure_of_a_list_keeps_the_measure_named_before_the_first() -> None:
    line = ("WTI: annualized volatility 24.42% in December 2025 (2025-12-01 to 2025-12-31), "
            "31.52% in 2026-01-01 to 2026-01-30 (2026-01-02 to 2026-01-30) [1].")  # fmt: skip
    assert _statuses(line) == {"24.42%": "verified", "31.52%": "verified"}
    # a wrong second figure is held to the measure too, so it is contradicted, not unverified
    wrong = line.replace("31.52%", "33.52%")
    assert _statuses(wrong) == {"24.42%": "verified", "33.52%": "contradicted"}


def test_a_figure_after_a_move_word_is_a_move_not_the_list() -> None:
    """Control: "then it rose 31.52%" states a move, which no source gives."""
    text = "WTI's volatility was 24.42% in December, then it rose 31.52% in January [1]."
    assert _statuses(text)["31.52%"] == "unverified"
