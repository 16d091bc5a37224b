"""Reasons that explain nothing of the asked market's move: from a statistics agency's release
(consumer prices, not a market), from a wrap read only for the wider market's move when the
sentence speaks of neither market (another's move, told as theirs), and an unknown market's
move told with nothing of its cause. Each had been shown as supported (session 60: eval drafts
and answers in the app)."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.claims.cause_judge import CauseJudge
from copilot.claims.reasons import (
    SupportScorer,
    only_a_move,
    speaks_of_neither,
    statistics_release,
)
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer
from tests.claims.test_cause_judge import FakeJudgeModel

# The Bureau of Labor Statistics' CPI release for December 2025 (January 13, 2026).
CPI = (
    "The index for all items less food and energy rose 0.2 percent in December. Indexes that "
    "increased over the month include recreation, airline fares, medical care, apparel, "
    "personal care, and education. The energy index rose 0.3 percent over the month."
)
# RiskReversal Media's review of the January rally (January 9, 2026).
RALLY = (
    "A market review from RiskReversal Media describes a strong early-January rally marked by "
    "gains in small-cap and high-momentum names as traders rebalance for the new year. The "
    "segment highlights sharp moves in stocks such as SoFi and Applied Digital, attributing "
    "activity to the January effect, shifting sentiment around AI-linked companies."
)
TECH = ["XLK", "tech stocks", "technology stocks", "tech"]
WIDER = ["u.s. stocks", "stock market", "s&p 500", "wall street"]


def _source(publisher: str, title: str, text: str, about: list[str],
            backdrop: list[str]) -> NewsSource:  # fmt: skip
    return NewsSource(
        article_id=title[:8], chunk_id=title[:8] + "-0", title=title, publisher=publisher,
        published_at=datetime(2026, 1, 13), url="https://x/" + title[:8], text=text,
        excerpt=text, about=about, backdrop=backdrop,
    )  # fmt: skip


def _checked(draft: str, source: NewsSource, yes: float) -> tuple[str, str, list[str]]:
    ledger = SourceLedger()
    n = ledger.register(source)
    model = FakeJudgeModel({"": yes})
    _, v = verify_answer(draft.format(n=n), ledger, check_support=True, judge=CauseJudge(model))
    [check] = [r for r in v.reasons if r.kind == "reason"]
    return check.status, check.evidence, model.asked


def test_a_statistics_release_reports_no_markets_move(scorer: SupportScorer) -> None:
    release = _source("Bureau of Labor Statistics", "Consumer Price Index News Release", CPI,
                      ["XLE", "energy stocks", "energy"], WIDER)  # fmt: skip
    assert statistics_release(release)
    status, evidence, _ = _checked(
        "The energy index rose 0.3 percent over the month, which lifted energy stocks [{n}].",
        release,
        0.9,
    )
    assert status == "unsupported"
    assert "reports no move of XLE" in evidence
    wrap = _source("Bloomberg", "Energy shares climb", "Energy stocks rose as oil gained.",
                   ["XLE", "energy stocks"], WIDER)  # fmt: skip
    assert not statistics_release(wrap)


def test_another_move_drafted_from_the_wider_markets_wrap_is_no_reason(
    scorer: SupportScorer,
) -> None:
    wrap = _source("RiskReversal Media (YouTube)",
                   "January rally lifts U.S. stocks as investors position for 2026", RALLY,
                   TECH, WIDER)  # fmt: skip
    draft = (
        "SoFi and Applied Digital experienced strong gains in early January due to the January "
        "effect [{n}]."
    )
    assert speaks_of_neither(draft, wrap)
    status, evidence, asked = _checked(draft, wrap, 0.85)
    assert status == "unsupported" and asked == []
    assert "speaks of neither XLK nor that market" in evidence


def test_the_wider_markets_move_or_the_market_itself_is_still_read(
    scorer: SupportScorer,
) -> None:
    wrap = _source("RiskReversal Media (YouTube)",
                   "January rally lifts U.S. stocks as investors position for 2026", RALLY,
                   TECH, WIDER)  # fmt: skip
    for draft in (
        "U.S. stocks rallied in early January as traders rebalanced for the new year [1].",
        "Tech stocks rose with the January rally as traders rebalanced [1].",
    ):
        assert not speaks_of_neither(draft, wrap), draft
    # an article that names the market asked about is no wider market's wrap
    own = _source("Bloomberg", "Tech leads", "Tech stocks rose as SoFi jumped.", TECH, WIDER)
    assert not speaks_of_neither("SoFi jumped on Friday [1].", own)


@pytest.mark.parametrize(
    ("sentence", "bare"),
    [
        # found in the app under long Treasuries' rise in the first week of 2026
        ("The All-Country World Equity Index (ACWI) rose 1% [4].", True),
        ("The Stoxx 600 index climbed 0.8% on 2026-01-05 [2].", True),
        # a known market's move may be the cause (yields under bonds, gold under miners, stocks
        # under a flight to bonds), a company's a heavyweight's part: left to the judge
        ("Treasury yields fell to 4.11% from 4.13% late Friday [2].", False),
        ("Gold prices rose 2% to a record high [3].", False),
        ("Stocks fell 2% late Friday [3].", False),
        ("Oracle climbed 6.6% [5].", False),
        # a cause told
        ("The Stoxx 600 index climbed 0.8% after the ECB cut rates [2].", False),
    ],
)  # fmt: skip
def test_an_unknown_markets_move_alone_tells_no_cause(sentence: str, bare: bool) -> None:
    assert only_a_move(sentence) is bare


def test_an_unknown_markets_move_alone_is_unsupported(scorer: SupportScorer) -> None:
    text = (
        "January 2026 Economic Update. Global stocks started the year strong: the All-Country "
        "World Equity Index (ACWI) rose 1%. Long-dated Treasuries gained as yields eased."
    )
    update = _source("Crestwood Advisors", "January 2026 Economic Update", text,
                     ["TLT", "long-dated treasuries"], [])  # fmt: skip
    status, evidence, asked = _checked(
        "The All-Country World Equity Index (ACWI) rose 1% [{n}].", update, 0.9
    )
    assert status == "unsupported" and asked == []
    assert "nothing of its cause" in evidence
