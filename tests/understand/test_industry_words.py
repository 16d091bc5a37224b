"""The words people type for an industry name its fund: the industries a fund holds beside its
namesake ("furniture makers" and "building products" are in the homebuilders' index), the
trade's plurals ("biotechs", "defense contractors"), and a group word followed by a word for
its stocks ("clean energy stocks", "software names"). A fund the store lacks is named so the
asker is told what to import, never answered with a stand-in."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        # S&P's homebuilders index holds building products, home furnishings and appliances.
        ("Why did home furnishing stocks gain on January 2, 2026?", "XHB"),
        ("why did furniture makers rise on jan 2?", "XHB"),
        ("what hit building products stocks last week?", "XHB"),
        ("why did appliance makers slide on jan 8?", "XHB"),
        ("why did biotechs rally in january?", "IBB"),
        ("why did biotech companies rise?", "IBB"),
        ("why did defense contractors jump on jan 8?", "ITA"),
        ("how did aerospace stocks do in december?", "ITA"),
        ("why did chip designers fall on jan 8?", "SMH"),
        ("what lifted chip equipment makers in january?", "SMH"),
        ("why did community banks drop on jan 13?", "KRE"),
        ("why did megabanks slide on jan 13?", "XLF"),
        ("why did tech companies fall on jan 8?", "XLK"),
        ("why did energy firms rise on jan 5?", "XLE"),
    ],
)
def test_industry_words_name_the_stored_fund(question: str, symbol: str, catalog: Catalog) -> None:
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.unknown == [], got.trace


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # "energy stocks" inside "clean energy stocks" had made it the energy sector (XLE).
        ("why did clean energy stocks rally?", "ICLN"),
        ("why did clean energy names rally?", "ICLN"),
        ("why did software names sell off in january?", "IGV"),
        ("why did saas stocks slump?", "IGV"),
        ("why did drugmakers fall on jan 6?", "XPH"),
        ("why did pharma stocks rise in december?", "XPH"),
        ("why did steelmakers rise in january?", "SLX"),
        ("how did mining stocks do this year?", "XME"),
    ],
)
def test_industry_words_of_unstored_funds_say_what_to_import(
    question: str, unknown: str, catalog: Catalog
) -> None:
    got = understand(question, A, catalog)
    assert got.instruments == [], got.trace
    assert [u.symbol for u in got.unknown] == [unknown], got.trace


@pytest.mark.parametrize(
    "question",
    [
        # A bond fund's words with "stocks" after them are dividend payers, not the bonds; a
        # coin's are its industry's companies. Neither is read as the fund or the coin.
        "why did high yield stocks fall in december?",
        "why did crypto stocks fall in january?",
        # "lenders" alone is a common word of a cause ("after lenders tightened"), and "miners"
        # alone is gold's or bitcoin's or copper's.
        "why did miners rally in january?",
    ],
)
def test_words_too_loose_for_a_fund_name_none(question: str, catalog: Catalog) -> None:
    got = understand(question, A, catalog)
    named = {i.symbol for i in got.instruments} | {u.symbol for u in got.unknown}
    assert not named & {"HYG", "BTC-USD", "XME", "GDX"}, got.trace
