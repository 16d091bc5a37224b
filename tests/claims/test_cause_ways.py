"""A cause the article ties to a move the other way is no reason (`cause_of_the_other_way`);
a cause told for the same way, a cause that is a move itself, or a market that moves against
others (yields, the fear gauge, the dollar) is left to the other checks."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.claims.cause_judge import CauseJudge
from copilot.claims.cause_ways import cause_of_the_other_way
from copilot.claims.reasons import SupportScorer
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer
from tests.claims.test_cause_judge import FakeJudgeModel

# The Vindicator, "Stocks slip on Wall Street as 2025 winds down" (December 30, 2025).
YEAR_END = (
    "Big technology stocks with outsized valuations were among the heaviest weights on the "
    "market. Nvidia fell 1.2% and Broadcom fell 0.8%. Investor optimism about the future of "
    "artificial intelligence has been driving the sector mostly higher all year and pushing "
    "the broader market to a series of records."
)
# Written in the eval's answer to "chipmakers slid over the last three sessions of 2025 - what
# was weighing on them?" (session 59's development run; supported, the judge's yes 0.75).
TURNED = (
    "Nvidia and Broadcom fell from 2025-12-29 to 2025-12-31 due to investor optimism about the "
    "future of artificial intelligence, which has been driving the sector mostly higher all "
    "year [5]."
)


def test_a_cause_of_the_rise_given_for_a_fall_is_found() -> None:
    assert cause_of_the_other_way(TURNED, YEAR_END) == (
        "up",
        "Investor optimism about the future of artificial intelligence has been driving the "
        "sector mostly higher all year and pushing the broader market to a series of records.",
    )


# Financial Times, "Oil prices fall on demand worries despite Middle East supply risks"
# (January 9, 2026): the demand worry is the slip's cause; the gains came before it.
OIL_SLIP = (
    "Crude prices slipped after recent gains as traders focused on signs of softer demand "
    "growth in major consuming economies, overshadowing ongoing geopolitical tensions in the "
    "Middle East."
)
# Shown in session 63's app round under WTI's measured rise of January 8–14, 2026, unmarked.
OIL_TURNED = (
    "WTI rose from 2026-01-08 to 2026-01-14 due to signs of softer demand growth in major "
    "consuming economies, overshadowing ongoing geopolitical tensions in the Middle East. [2]"
)


def test_a_move_told_after_an_earlier_one_is_the_way_of_its_cause() -> None:
    assert cause_of_the_other_way(OIL_TURNED, OIL_SLIP) == ("down", OIL_SLIP)


@pytest.mark.parametrize(
    "passage",
    [
        "Stocks rose after three days of losses as worries about tariffs on European goods eased.",
        "Stocks rallied after a sharp sell-off on worries about tariffs on European goods.",
    ],
)
def test_the_earlier_move_is_not_read_as_the_sentences_way(passage: str) -> None:
    # the sentence's own way is the rise: a reason giving its cause for a fall is turned over,
    # one giving it for a rise is not
    fell = "Stocks fell due to worries about tariffs on European goods [1]."
    rose = "Stocks rose due to worries about tariffs on European goods [1]."
    assert cause_of_the_other_way(fell, passage) == ("up", passage)
    assert cause_of_the_other_way(rose, passage) is None


@pytest.mark.parametrize(
    ("reason", "passage"),
    [
        # the same way as the article's
        ("Chip stocks rose due to investor optimism about artificial intelligence [2].",
         YEAR_END),
        # the article's sentence says both ways: not plain
        ("Stocks fell due to worries about tariffs on European goods [1].",
         "Worries about tariffs on European goods sent stocks lower after they had risen early."),
        # the cause is a move itself: the article's way words may be the cause's
        ("Stocks fell due to rising Treasury yields [1].",
         "Treasury yields rose to 4.2%, the highest level since September."),
        ("Energy stocks fell due to OPEC+ output increases [1].",
         "OPEC+ output increases boosted supply in December."),
        # a market that moves against others: the Treasury rally's cause is the yields' fall
        ("Treasuries rallied due to the softer CPI report [3].",
         "The softer CPI report sent yields lower across the curve."),
        ("The VIX fell due to Wall Street's rally on Greenland deal hopes [2].",
         "Wall Street rallies on Greenland deal hopes, Davos signals and Trump comments."),
        ("Gold rose due to concerns about US government policy and inflation [4].",
         "The dollar, another barometer of concerns about US government policy and the "
         "inflation that might flow from it, also fell against a basket of peers."),
        # no sentence of the article holds the cause
        ("Chip stocks fell due to export curbs on China [2].", YEAR_END),
    ],
)  # fmt: skip
def test_other_reasons_are_left_to_the_other_checks(reason: str, passage: str) -> None:
    assert cause_of_the_other_way(reason, passage) is None


def test_a_reason_turned_over_is_unsupported_and_the_judge_not_asked(
    scorer: SupportScorer,
) -> None:
    model = FakeJudgeModel({"optimism": 0.75})
    ledger = SourceLedger()
    n = ledger.register(NewsSource(
        article_id="a5", chunk_id="a5-0", title="Stocks slip on Wall Street as 2025 winds down",
        publisher="The Vindicator", published_at=datetime(2025, 12, 30), url="https://x/5",
        text=YEAR_END, excerpt=YEAR_END, about=["SMH", "chip stocks", "nvidia", "broadcom"],
    ))  # fmt: skip
    _, v = verify_answer(TURNED.replace("[5]", f"[{n}]"), ledger, check_support=True,
                         judge=CauseJudge(model))  # fmt: skip
    [check] = [r for r in v.reasons if r.kind == "reason"]
    assert check.status == "unsupported"
    assert "gives this cause for a rise" in check.evidence
    assert model.asked == []
