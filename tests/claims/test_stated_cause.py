"""A cause the article states in one sentence is supported without the cause judge's reading
(`copilot.claims.stated_cause`). The passages are written for these tests in the shape of the
shared articles' wraps; the rule's precision and recall on the writer's real drafts are in
`benchmarks/results/cause_judge.md`.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.claims.cause_judge import CauseJudge
from copilot.claims.reasons import SupportScorer
from copilot.claims.stated_cause import (
    article_causes,
    article_moves,
    cause_stated,
    reason_cause,
)
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer
from tests.claims.test_cause_judge import FakeJudgeModel

WRAP = (
    "Oil Prices Rise After OPEC+ Extends Output Cuts into 2026. Benchmarks climbed as the "
    "group agreed to prolong voluntary cuts."
)
SECTORS = (
    "Wall Street Rallies on Greenland Deal Hopes, Davos Signals and Trump Comments. All 11 "
    "sectors closed in the green, with materials up 1.9%."
)
SIDE_BY_SIDE = (
    "The president said he was not aware of the subpoena. On Monday, gold soared to a new "
    "all-time high."
)
BESIDE = "US Stocks Rise as Dollar Weakens and Precious Metals Gain."
SAID = (
    "Stocks fell on Friday following a winning session, as investors weighed the president's "
    "comments. He said he would rather keep his economic adviser in the White House than send "
    "him to the central bank. Oil rose."
)
NASDAQ = (
    "The Nasdaq composite slipped 0.1%. The index was weighed down by losses for Microsoft and "
    "Tesla."
)


@pytest.mark.parametrize(
    ("reason", "cause"),
    [
        ("WTI rose on 2025-12-22 because OPEC+ extended output cuts into 2026. [2]",
         "OPEC+ extended output cuts into 2026."),
        ("The rally was driven by the Greenland deal, which was discussed at Davos. [5]",
         "the Greenland deal"),
        ("XLB rose due to Greenland Deal Hopes, Davos Signals, and Trump Comments [2].",
         "Greenland Deal Hopes"),
        ("QQQ fell on 2026-01-02 due to losses for Microsoft and Tesla. [2]",
         "losses for Microsoft and Tesla."),
        ("Nvidia led a tech rebound amid AI skepticism [4].", None),  # "amid": beside, not why
        ("Gold rose as US stocks climbed [3].", None),
        # a cause written first, as what moved the market: its words before the verb
        ("Tesla's falling sales dragged discretionary stocks lower [5].", "Tesla's falling sales"),
        ("Softer CPI sent Treasury prices higher [3].", "Softer CPI"),
        ("The jobs report showed slower growth, leading to stocks rising [2].",
         "The jobs report showed slower growth"),
        # the market between the verb and its move (found in the app, session 59: the
        # furniture tariff delay under homebuilders' rise was left to the judge, 0.67)
        ("President Trump's move to delay increased tariffs on upholstered furniture led "
         "furniture companies to jump at the start of January. [4]",
         "President Trump's move to delay increased tariffs on upholstered furniture"),
        ("Tariff fears caused investors to dump bank stocks [3].", "Tariff fears"),
        # a verb that moves nothing ("led" a rebound, "hit" a record) gives no cause
        ("Gold hit a record on 2026-01-26 [2].", None),
        ("Payrolls drove headlines all day [2].", None),  # "drove", and no move after it
    ],
)  # fmt: skip
def test_the_reason_s_cause_is_its_words_after_its_causal_word(
    reason: str, cause: str | None
) -> None:
    assert reason_cause(reason) == cause


def test_an_article_s_causes_follow_a_move_and_a_causal_word() -> None:
    assert article_causes(WRAP) == [" OPEC+ Extends Output Cuts into 2026."]
    assert article_causes(NASDAQ) == [" losses for Microsoft and Tesla."]
    assert article_causes(SIDE_BY_SIDE) == []  # no causal word after either sentence's move
    # what was said is the next sentence's: it comes with the cause (not the one after it)
    [said] = article_causes(SAID)
    assert said.endswith("than send him to the central bank.")
    assert article_causes(BESIDE) == []  # "as": what went on beside the move


CUT = (
    "The U.S. stock market rebounded after the president called off tariffs he had threatened "
    "to impose on Europe How major US stock indexes fared Wednesday … The Dow Jones Industrial "
    "Average also rose 1.2%, as did the Nasdaq composite. Treasury yields eased."
)
OIL_ON_MADURO = (
    "US Stocks Rise as Oil Gains on Maduro Ouster. Tech stocks like Tesla, Amazon, and Palantir "
    "led gains."
)
PAYROLLS = (
    "U.S. equities advanced, led by big tech, after payroll growth slowed in a way markets "
    "read as a soft landing."
)


def test_an_article_s_cause_belongs_to_the_market_it_names_last_before_it() -> None:
    # the cause is oil's ("… as Oil Gains on …"), not the stocks' whose rise comes first
    assert [sorted(mover) for mover, _ in article_moves(OIL_ON_MADURO)] == [["WTI"]]
    # named loosely: no market (the reason's own subject stands)
    assert [mover for mover, _ in article_moves(NASDAQ)] == [frozenset()]


MOOD = (
    "Wall Street witnessed a broad-based rally on Wednesday as investors were encouraged by "
    "easing trade concerns. Optimism grew on the news that a framework for an agreement on "
    "Greenland had been reached, an issue discussed at Davos."
)
# the mood's sentence with no move before it, and after another market's move
MOOD_ALONE = (
    "The forum opened on Wednesday. Optimism grew on the news that a framework for an agreement "
    "on Greenland had been reached."
)
MOOD_AFTER_GOLD = (
    "Gold slipped on Wednesday. Optimism grew on the news that a framework for an agreement on "
    "Greenland had been reached."
)


AS_A_RESULT = (
    "Reuters reported that the Trump administration is considering allowing the generative AI "
    "chipset behemoth NVIDIA Corp. NVDA to sell its high-end H200 AI chips to some “approved "
    "customers” in China. As a result, the stock price of NVIDIA rose 3.9%. Micron gained too."
)


@pytest.mark.parametrize(
    ("reason", "passage"),
    [
        ("WTI rose on 2025-12-22 because OPEC+ extended output cuts into 2026. [2]", WRAP),
        ("The Materials Select Sector SPDR (XLB) rose on January 21, 2026, due to Greenland "
         "Deal Hopes, Davos Signals, and Trump Comments. [2]", SECTORS),
        ("The Nasdaq was weighed down by losses for Microsoft and Tesla [4].", NASDAQ),
        ("Health care fell on 2026-01-16 due to the president saying he would rather keep his "
         "economic adviser in the White House [2].", SAID),
        # the market the article's cause is for, named as the reason names it
        ("WTI rose on 2026-01-05 due to Maduro's ouster [2].", OIL_ON_MADURO),
        # a part of the index the reason names (big tech under the Nasdaq)
        ("QQQ rose on 2026-01-09 because payroll growth slowed, read as a soft landing [2].",
         PAYROLLS),
        # a cause written first
        ("Tesla's falling sales for a second year in a row dragged consumer discretionary "
         "stocks lower [2].", "Tesla weighed on markets with a 2.6% drop after reporting "
         "falling sales for a second year in a row."),
        # the article's own link to the sentence before (Zacks, December 22, 2025; the judge
        # had said 0.54 to it)
        ("NVIDIA rose 3.9% on 2025-12-19 due to the Trump administration's consideration of "
         "allowing NVIDIA to sell its high-end H200 AI chips to some approved customers in "
         "China. [2]", AS_A_RESULT),
        # a cause written first, the market between the verb and its move (Daily Press,
        # January 2, 2026)
        ("President Trump's move to delay increased tariffs on upholstered furniture led "
         "furniture companies to jump at the start of January. [4]",
         "… Furniture companies gained ground following President Donald Trump's move to delay "
         "increased tariffs on upholstered furniture. RH rose 8% and Wayfair rose 6.1%."),
        # the market's mood given its cause in the sentence after the move (Nasdaq's wrap of
        # January 21, 2026; the judge had said 0.64)
        ("The Wall Street rally on January 21, 2026 was driven by the news that a framework for "
         "an agreement on Greenland had been reached [5].", MOOD),
    ],
)  # fmt: skip
def test_a_cause_the_article_states_is_found(reason: str, passage: str) -> None:
    assert cause_stated(reason, passage) is not None


@pytest.mark.parametrize(
    ("reason", "passage"),
    [
        # the writer's link between two sentences
        ("Gold rose because the president said he was not aware of the subpoena [7].",
         SIDE_BY_SIDE),
        # "as": the article puts them side by side, it does not say one moved the other
        ("US stocks rose due to a weakening dollar and precious metals gains [3].", BESIDE),
        # one content word of the cause in common is not its cause
        ("WTI rose because OPEC+ warned about demand next spring [2].", WRAP),
        # the cause is another sentence's: the article gives none for the rally
        ("Materials rose due to all 11 sectors closing in the green [2].", SECTORS),
        # what was said runs one sentence on, no further
        ("Health care fell due to oil rising [2].", SAID),
        # the article gives the cause of another market's move (oil's), not the one named
        ("Tesla, Amazon, and Palantir led gains in the S&P 500 due to Nicolás Maduro's ouster in "
         "Venezuela [2].", OIL_ON_MADURO),
        ("Gold rose due to Maduro's ouster in Venezuela [2].", OIL_ON_MADURO),
        # the sentence before "As a result" is the cause, not any other one
        ("NVIDIA rose 3.9% due to strong holiday demand for gaming chips in Europe [2].",
         AS_A_RESULT),
        # a sentence does not run across an excerpt's cut ("…"), headline glued on or not
        ("Corporate bonds rose as a result of the Dow Jones Industrial Average and the Nasdaq "
         "composite rising [2].", CUT),
        # a mood's cause with no move just before it, or after another market's
        ("Transports rose because a framework for an agreement on Greenland was reached [5].",
         MOOD_ALONE),
        ("Transports rose because a framework for an agreement on Greenland was reached [5].",
         MOOD_AFTER_GOLD),
    ],
)  # fmt: skip
def test_a_cause_the_article_does_not_state_is_not_found(reason: str, passage: str) -> None:
    assert cause_stated(reason, passage) is None


def _checked(  # type: ignore[no-untyped-def]
    reason: str, passage: str, judge: CauseJudge, about: tuple[str, str] = ("XLB", "materials")
):
    ledger = SourceLedger()
    n = ledger.register(NewsSource(
        article_id="a1", chunk_id="a1-0", title="Stock Market News", publisher="Pub",
        published_at=datetime(2026, 1, 22), url="https://x/1", text=passage, excerpt=passage,
        about=list(about),
    ))  # fmt: skip
    _, v = verify_answer(f"{reason} [{n}].", ledger, check_support=True, judge=judge)
    [check] = [r for r in v.reasons if r.kind == "reason"]
    return check


def test_a_stated_cause_is_supported_without_asking_the_judge(scorer: SupportScorer) -> None:
    model = FakeJudgeModel({"Greenland": 0.52, "sectors": 0.52})
    reason = "Materials rose on January 21 due to Greenland deal hopes and Davos signals"
    check = _checked(reason, SECTORS, CauseJudge(model))
    assert (check.status, check.judged) == ("supported", None)
    assert check.evidence.endswith(
        '(the article gives this cause for a move: "…Greenland '
        'Deal Hopes, Davos Signals and Trump Comments.")'
    )
    assert model.asked == []


def test_a_cause_not_stated_is_still_read_by_the_judge(scorer: SupportScorer) -> None:
    model = FakeJudgeModel({"Greenland": 0.52, "sectors": 0.52})
    reason = "Materials rose 1.9% as all 11 sectors closed in the green"
    check = _checked(reason, SECTORS, CauseJudge(model))
    assert (check.status, check.judged) == ("unsupported", 0.52)
    assert len(model.asked) == 1


# The shape of the AP wrap of January 2, 2026 (the real draft scored 0.56 against it).
FIRST_DAY = (
    "Stocks closed mixed on the first trading day of the year. The S&P 500 rose 0.2% and the "
    "Dow gained 0.7%, while the Nasdaq composite slipped 0.1%. The index was weighed down by "
    "losses for Microsoft and Tesla. Treasury yields rose and gold climbed."
)


def test_a_stated_cause_below_the_support_score_is_supported(scorer: SupportScorer) -> None:
    reason = "QQQ fell on 2026-01-02 due to losses for Microsoft and Tesla"
    assert scorer.score(reason, FIRST_DAY) < scorer.threshold  # the score alone turns it down
    model = FakeJudgeModel({"Microsoft": 0.2})
    check = _checked(reason, FIRST_DAY, CauseJudge(model), ("QQQ", "Nasdaq"))
    assert (check.status, check.stated, check.judged) == ("supported", True, None)
    assert "below the support score, but the article gives this cause" in check.evidence
    assert model.asked == []


def test_below_the_score_a_cause_not_stated_stays_unsupported(scorer: SupportScorer) -> None:
    reason = "QQQ fell on 2026-01-02 due to worries about Treasury yields"
    model = FakeJudgeModel({"Treasury": 0.9})
    check = _checked(reason, FIRST_DAY, CauseJudge(model), ("QQQ", "Nasdaq"))
    assert (check.status, check.stated) == ("unsupported", False)
