"""A figure an article gives for a week (or longer) is no one day's figure, and "X and Y fell A
and B, respectively" gives each its own figure. Found in the app: asked why the Nasdaq slid on
January 20, 2026, the model wrote "the S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively,
on January 20", the previous week's figures from that day's market wrap, and both were ✓.

The article below is written by hand in the wrap's words; every expected status is by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from copilot.claims.verify import verify_answer
from copilot.sources import NewsSource, SourceLedger

WRAP = (
    "U.S. stocks fell on Friday amid remarks on credit card interest rate caps. For the week, "
    "the Dow lost 0.3%. The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively. On "
    "Tuesday, the Nasdaq fell 1.2% as chipmakers slid."
)
QUESTION = "why did the nasdaq slide on jan 20 2026?"


def _ledger(excerpt: str = WRAP) -> SourceLedger:
    """The wrap, stored whole, shown as `excerpt`."""
    ledger = SourceLedger()
    ledger.register(NewsSource(
        article_id="wrap", chunk_id="wrap:0", title="Stock Market News for Jan 20, 2026",
        publisher="Zacks", published_at=datetime(2026, 1, 20, 21, tzinfo=UTC),
        url="https://example.org/wrap", text=WRAP, excerpt=excerpt,
    ))  # fmt: skip
    return ledger


def statuses(answer: str, excerpt: str = WRAP) -> list[tuple[str, str]]:
    ledger = _ledger(excerpt)
    _, v = verify_answer(answer, ledger, date(2026, 1, 20), QUESTION, check_support=False)
    return [(n.text, n.status) for n in v.figures]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The week's figures, said as the week's: they check.
        ("For the week, the Nasdaq lost 0.7% [1].", [("0.7%", "verified")]),
        ("The Nasdaq lost 0.7% last week [1].", [("0.7%", "verified")]),
        ("The Dow lost 0.3% for the week [1].", [("0.3%", "verified")]),
        ("The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively, last week [1].",
         [("0.4%", "verified"), ("0.7%", "verified")]),
        # The same figures dated to one day: not what the article says.
        ("The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively, on January 20, 2026 "
         "[1].", [("0.4%", "contradicted"), ("0.7%", "contradicted")]),
        ("The Nasdaq lost 0.7% on January 20 [1].", [("0.7%", "contradicted")]),
        # The day's own figure, dated to its day, still checks.
        ("The Nasdaq fell 1.2% on January 20 [1].", [("1.2%", "verified")]),
        # "respectively" gives each instrument its own figure: swapped, they are caught.
        ("The Nasdaq lost 0.4% for the week [1].", [("0.4%", "contradicted")]),
        ("The S&P 500 lost 0.7% for the week [1].", [("0.7%", "contradicted")]),
        # The shared verb signs both figures of the list.
        ("The Nasdaq gained 0.7% last week [1].", [("0.7%", "contradicted")]),
    ],
)  # fmt: skip
def test_a_weeks_figure_is_bound_to_the_week_and_to_its_own_instrument(
    answer: str, expected: list[tuple[str, str]]
) -> None:
    assert statuses(answer) == expected


def test_the_period_said_only_outside_the_excerpt_still_binds() -> None:
    # The excerpt shown cut the "For the week" sentence; the article's text has it.
    excerpt = "… The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively."
    answer = "The Nasdaq lost 0.7% on January 20 [1]."
    assert statuses(answer, excerpt) == [("0.7%", "contradicted")]
