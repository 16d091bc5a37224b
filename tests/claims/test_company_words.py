"""A market's word inside one company's name or description is the company's, no market's.

A December 23 wrap (Nasdaq) told "The major gainer of the tech-laden index was Marvell Technology
Inc. MRVL. The stock price of the AI semiconductor giant was up 3.4%.", and the model's sentence
copying it ("Marvell Technology Inc. rose 3.4% …") read as the tech sector's, the article's as
the chip fund's: two instruments, and the true figure was cut as another's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from copilot.claims.subjects import mentions
from copilot.claims.verify import verify_answer
from copilot.sources import NewsSource, SourceLedger


def _named(text: str) -> list[tuple[str, set[str]]]:
    return [(text[m.start : m.end], set(m.subject)) for m in mentions(text)]


@pytest.mark.parametrize("text", [
    "Marvell Technology Inc. (MRVL) rose 3.4%",
    "Micron Technology, Inc. (MU) jumped 7.8%",
    "Applied Materials Inc. rose 3%",
    "Energy Transfer LP rose 2%",
    "Gold Fields Ltd rose 3%",
    "Marvell Technology (NASDAQ: MRVL) rose 3.4%",
    "Nvidia Corporation (NASDAQ: NVDA) faces a prove-it year",
    "The stock price of the AI semiconductor giant was up 3.4%.",
    "Baker Hughes, an energy technology company, rose 2%",
    "Oil major Exxon rose 1.2%",
    "the tech giant added 2%",
])  # fmt: skip
def test_one_companys_name_or_description_names_no_market(text: str) -> None:
    assert _named(text) == []


@pytest.mark.parametrize(("text", "named"), [
    ("Technology (XLK) rose 1%", [("Technology", {"XLK"}), ("XLK", {"XLK"})]),
    ("Energy stocks rose 2%", [("Energy stocks", {"XLE"})]),
    ("tech giants rose 1%", [("tech", {"XLK"})]),  # plural: a group of the sector
    ("semiconductor makers rose 2%", [("semiconductor makers", {"SMH"})]),
    ("Technology rose 2% as Apple gained", [("Technology", {"XLK"})]),
    ("The energy sector rose 2% and oil jumped", [("energy sector", {"XLE"}), ("oil", {"WTI"})]),
])  # fmt: skip
def test_the_markets_own_words_still_name_it(text: str, named: list[tuple[str, set[str]]]) -> None:
    assert _named(text) == named


def _wrap() -> SourceLedger:
    ledger = SourceLedger()
    ledger.register(NewsSource(
        article_id="a", chunk_id="a:0", title="Stock Market News for Dec 24, 2025",
        publisher="Nasdaq", published_at=datetime(2025, 12, 24, 12, tzinfo=UTC),
        url="https://example.org/a",
        text="The tech-heavy Nasdaq Composite finished at 23,561.84, rising 0.6%. The major "
             "gainer of the tech-laden index was Marvell Technology Inc. MRVL. The stock price "
             "of the AI semiconductor giant was up 3.4%.",
    ))  # fmt: skip
    return ledger


def test_a_companys_rise_copied_from_the_wrap_verifies() -> None:
    text = "Marvell Technology Inc. rose 3.4% [1] on the strong performance of AI bigwigs."
    _, checked = verify_answer(text, _wrap(), date(2025, 12, 24), check_support=False)
    assert {n.text: n.status for n in checked.figures} == {"3.4%": "verified"}


@pytest.mark.parametrize(("text", "status"), [
    # The wrap's 3.4% is the giant's the sentence before names (Marvell), its 0.6% the
    # Nasdaq's: neither is Broadcom's.
    ("Broadcom Inc. rose 3.4% [1] on the strong performance of AI bigwigs.", "unverified"),
    ("Broadcom Inc. rose 0.6% [1].", "unverified"),
    ("Broadcom Inc. (AVGO) rose 3.4% [1] on the strong performance of AI bigwigs.", "unverified"),
    ("Broadcom Inc. (AVGO) rose 0.6% [1].", "unverified"),
    ("The Nasdaq rose 0.6% [1].", "verified"),
])  # fmt: skip
def test_a_company_named_by_its_listing_is_no_wraps_index(text: str, status: str) -> None:
    _, checked = verify_answer(text, _wrap(), date(2025, 12, 24), check_support=False)
    assert [n.status for n in checked.figures] == [status]


@pytest.mark.parametrize(("text", "status"), [
    # Its listing or legal form is part of the company's name: the clause of the figure runs
    # on to the name, so a cause after the figure does not take Marvell away from it.
    ("Marvell Technology Inc. (MRVL) rose 3.4% due to strong AI trade momentum [1].", "verified"),
    ("Marvell Technology (NASDAQ: MRVL) rose 3.4% due to strong AI trade momentum [1].",
     "verified"),
    ("Marvell Technology, Inc. rose 3.4% due to strong AI trade momentum [1].", "verified"),
    # ... and another company named the same way is still not the giant the wrap told.
    ("Broadcom Inc. (AVGO) rose 3.4% due to strong AI trade momentum [1].", "unverified"),
    ("Micron Technology, Inc. (MU) rose 3.4% due to strong AI trade momentum [1].",
     "unverified"),
])  # fmt: skip
def test_a_companys_listing_keeps_its_figure_with_its_name(text: str, status: str) -> None:
    _, checked = verify_answer(text, _wrap(), date(2025, 12, 24), check_support=False)
    assert [n.status for n in checked.figures] == [status]
