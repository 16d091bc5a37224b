"""An article's figure written into a sentence dated to a window code measured is bound to that
window: far from the measured move, it is of another time. Found in session 52's development
run: "The S&P 500 fell from 2025-12-24 to 2026-01-05 …, as measured by the S&P 500 falling
4.3%" took a year review's first-quarter loss and was ✓ (SPY measured -0.03% over those dates).

The ledger is written by hand: SPY's closes of December 24, 2025 (690.38) and January 5, 2026
(690.17) give -0.03%; the review's sentences are our own words for what such reviews say."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from ledger_kit import D, _data

from copilot.claims.verify import verify_answer
from copilot.facts import Fact
from copilot.sources import NewsSource, SourceLedger

REVIEW = (
    "Imports surged and output shrank in the first quarter. By the quarter's end, volatility "
    "was back and the S&P 500 had lost 4.3%. Over the holidays the S&P 500 slipped 0.1%. On "
    "Monday the S&P 500 fell 1.2%."
)


def _ledger() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(_data("price_return", ["SPY"],
        "SPY returned -0.03% over the 7 sessions from 2025-12-24 (close 690.38) to 2026-01-05 "
        "(close 690.17).",
        [Fact(subject="SPY", measure="return", value=-0.0304, unit="%", start=D(2025, 12, 26),
              end=D(2026, 1, 5), base=D(2025, 12, 24), shown="-0.03%")]))  # fmt: skip
    ledger.register(NewsSource(
        article_id="review", chunk_id="review:0", title="Looking back at the year",
        publisher="Advisers", published_at=datetime(2026, 1, 6, 15, tzinfo=UTC),
        url="https://example.org/review", text=REVIEW, excerpt=REVIEW,
    ))  # fmt: skip
    return ledger


def statuses(answer: str) -> dict[str, str]:
    _, v = verify_answer(answer, _ledger(), D(2026, 1, 30), "why did stocks slip into 2026?",
                         check_support=False)  # fmt: skip
    return {n.text: n.status for n in v.figures}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The review's first-quarter loss put on the measured window, in its own clause or
        # after "between … and …" (whose "and" had cut the window's first end off the clause)
        ("SPY fell 0.03% [1] from 2025-12-24 to 2026-01-05, as measured by the S&P 500 "
         "falling 4.3% [2].", {"0.03%": "verified", "4.3%": "contradicted"}),
        ("The S&P 500 fell from 2025-12-24 to 2026-01-05 [1], with the S&P 500 losing 4.3% "
         "[2].", {"4.3%": "contradicted"}),
        ("Between 2025-12-24 and 2026-01-05 the S&P 500 lost 4.3% [2].",
         {"4.3%": "contradicted"}),
        # A figure of the window that lies near the measured move still checks
        ("The S&P 500 fell from 2025-12-24 to 2026-01-05 [1], slipping 0.1% [2].",
         {"0.1%": "verified"}),
        ("Between 2025-12-24 and 2026-01-05 SPY fell 0.03% [1].", {"0.03%": "verified"}),
        # The measured figure written wrong is still caught, with both ends bound
        ("Between 2025-12-24 and 2026-01-05 SPY fell 0.3% [1].", {"0.3%": "contradicted"}),
        # A day named with the figure makes it one session's, which the window's move does not
        # bound (Monday, January 5, 2026, the window's last session)
        ("The S&P 500 fell from 2025-12-24 to 2026-01-05 [1], losing 1.2% on Monday [2].",
         {"1.2%": "verified"}),
        # No window in the sentence: the article's figure is the article's
        ("By the end of the first quarter the S&P 500 had lost 4.3% [2].",
         {"4.3%": "verified"}),
    ],
)  # fmt: skip
def test_an_articles_figure_is_bound_to_the_measured_window_of_its_sentence(
    answer: str, expected: dict[str, str]
) -> None:
    got = statuses(answer)
    assert {k: v for k, v in got.items() if k in expected} == expected, got
