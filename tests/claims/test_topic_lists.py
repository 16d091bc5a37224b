"""A draft copied from a program's list of topics is no reason (`copied_topic_list`); a cause
the description tells, or a draft in other words, is left to the support check and the judge."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.claims.cause_judge import CauseJudge
from copilot.claims.reasons import SupportScorer
from copilot.claims.topic_lists import copied_topic_list
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer
from tests.claims.test_cause_judge import FakeJudgeModel

SHOW = (
    "Bloomberg's 'Open Interest' reviews how major technology stocks pulled U.S. markets lower, "
    "as investors react to signals of sweeping housing and defense moves from President Trump. "
    "The program also covers Nvidia's prospects in China, easing layoffs suggesting tentative "
    "labor-market strength, and key stocks to watch including Alphabet and Apple."
)
SEGMENT = (
    "The segment highlights sharp moves in stocks such as SoFi and Applied Digital, and guests "
    "look ahead to earnings season."
)
# The list tells a cause of its own (RiskReversal Media, January 9, 2026): left to the judge.
ATTRIBUTED = (
    "The segment highlights sharp moves in stocks such as SoFi and Applied Digital, attributing "
    "activity to the January effect and anticipation of 2026 earnings."
)


# Bloomberg, "Bloomberg Surveillance 1/21/2026": a description with no subject.
EPISODE = (
    "Discusses market gains with small caps leading, interviews with RBC CEO on treasury "
    "platform success, Gap Inc. on 2026 cost increases and Warner Bros. acquisition, United "
    "Airlines upside, and Warren Buffett's stake in Kraft Heinz."
)


@pytest.mark.parametrize(
    ("draft", "passage", "lead"),
    [
        # the list's items given as the cause: drafted for the flagship in session 63 when a
        # trial withheld its headline (not kept), and shown as supported
        ("Small caps rallied in January 2026 due to RBC CEO's success with the treasury "
         "platform and the acquisition of Gap Inc. [6].", EPISODE, "Discusses"),
        # a development answer's (w12, transports on January 21)
        ("Transportation stocks jumped on January 21, 2026 due to small caps leading, "
         "interviews with RBC CEO on treasury platform success [4].", EPISODE, "Discusses"),
        # found in the app (session 59), under homebuilders' rise: the list, its lead dropped
        ("Nvidia's prospects in China eased layoffs suggesting tentative labor-market strength, "
         "and key stocks to watch including Alphabet and Apple [5].", SHOW,
         "The program also covers"),
        ("The segment highlights sharp moves in stocks such as SoFi and Applied Digital [3].",
         SEGMENT, "The segment highlights"),
    ],
)  # fmt: skip
def test_a_copied_list_of_topics_is_found(draft: str, passage: str, lead: str) -> None:
    assert copied_topic_list(draft, passage) == lead


@pytest.mark.parametrize(
    ("draft", "passage"),
    [
        # the description's own cause, in the sentence before the list
        ("Major technology stocks pulled U.S. markets lower as investors reacted to housing "
         "and defense moves [5].", SHOW),
        # a cause of the draft's own beside the list's words
        ("Nvidia's prospects in China lifted chip stocks [5].", SHOW),
        # a list that tells a cause is left to the judge
        ("Tariffs drove stocks lower [2].",
         "Guests discuss how tariffs drove stocks lower on Tuesday."),
        ("The segment highlights sharp moves in stocks such as SoFi and Applied Digital [9].",
         ATTRIBUTED),
        # a cause of fewer words than a list's items: left to the judge
        ("Small caps rallied due to market gains [6].", EPISODE),
        # no list at all
        ("Banks fell on the card-rate cap [2].",
         "Bank stocks fell after Trump called for a 10% cap on credit card interest rates."),
    ],
)  # fmt: skip
def test_a_cause_or_other_words_are_no_copied_list(draft: str, passage: str) -> None:
    assert copied_topic_list(draft, passage) is None


def test_a_reason_copied_from_a_list_of_topics_is_unsupported(scorer: SupportScorer) -> None:
    # The judge would say yes (0.76 in the app); the list settles it first and is not asked.
    model = FakeJudgeModel({"Nvidia": 0.76})
    ledger = SourceLedger()
    n = ledger.register(NewsSource(
        article_id="a1", chunk_id="a1-0", title="Big Tech Drags Stocks Lower",
        publisher="Bloomberg Television", published_at=datetime(2026, 1, 8), url="https://x/1",
        text=SHOW, excerpt=SHOW, about=["XLK", "tech"],
    ))  # fmt: skip
    draft = (
        "Nvidia's prospects in China eased layoffs suggesting tentative labor-market strength, "
        f"and key stocks to watch including Alphabet and Apple [{n}]."
    )
    _, v = verify_answer(draft, ledger, check_support=True, judge=CauseJudge(model))
    [check] = [r for r in v.reasons if r.kind == "reason"]
    assert check.status == "unsupported"
    assert "list of what the program goes through" in check.evidence
    assert model.asked == []
