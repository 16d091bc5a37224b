"""A listed company's own news is no reason for a market outside its sector (the sectors below
are the constituents list's GICS sectors, written by hand, as the list gives them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from copilot.answering.company_news import OutsideCompanies, allowed_sectors, sector_companies
from copilot.answering.reason_turns import ReasonJudge
from copilot.market.store import MarketStore
from copilot.sources import NewsSource, SourceLedger
from copilot.understand.catalog import Catalog

FUNDS = [
    {"symbol": "SMH", "name": "VanEck Semiconductor ETF", "kind": "etf"},
    {"symbol": "XLK", "name": "Technology Select Sector SPDR", "kind": "etf",
     "sector": "Information Technology"},
    {"symbol": "XLY", "name": "Consumer Discretionary Select Sector SPDR", "kind": "etf",
     "sector": "Consumer Discretionary"},
    {"symbol": "SPY", "name": "SPDR S&P 500 ETF", "kind": "etf"},
    {"symbol": "TLT", "name": "iShares 20+ Year Treasury Bond ETF", "kind": "etf"},
    {"symbol": "SLV", "name": "iShares Silver Trust", "kind": "commodity"},
]  # fmt: skip
COMPANIES = [
    {"symbol": "GM", "name": "General Motors", "kind": "stock", "sector": "Consumer Discretionary"},
    {"symbol": "CSCO", "name": "Cisco", "kind": "stock", "sector": "Information Technology"},
    {"symbol": "MU", "name": "Micron Technology", "kind": "stock",
     "sector": "Information Technology"},
    {"symbol": "TSLA", "name": "Tesla, Inc.", "kind": "stock", "sector": "Consumer Discretionary"},
    {"symbol": "NEM", "name": "Newmont", "kind": "stock", "sector": "Materials"},
    {"symbol": "IT", "name": "Gartner", "kind": "stock", "sector": "Information Technology"},
]  # fmt: skip

GM_NEWS = "GM reports huge profit boost with highest full-year market share in a decade [4]."
CISCO = "SLV fell from 2026-01-21 to 2026-01-30 due to a decline in Cisco's stock price [5]."


def outsider_for(store: MarketStore, symbol: str) -> Callable[[str], str | None]:
    """The check for a move of `symbol`, with the catalog the answer would read companies by."""
    return OutsideCompanies(store, Catalog.from_store(store), [symbol]).outsider


@pytest.fixture
def store(tmp_path: Path) -> Iterator[MarketStore]:
    with MarketStore.open(tmp_path / "m.duckdb") as opened:
        opened.upsert_symbols(FUNDS + COMPANIES, "test")
        yield opened


def test_an_industry_fund_is_judged_by_its_sector_a_commodity_by_its_producers(
    store: MarketStore,
) -> None:
    assert allowed_sectors(store, ["SMH"]) == frozenset({"Information Technology"})  # via XLK
    assert allowed_sectors(store, ["XLY"]) == frozenset({"Consumer Discretionary"})
    assert allowed_sectors(store, ["SLV"]) == frozenset({"Energy", "Materials"})
    # Every company is part of the S&P 500's move; a bond fund or an unknown one has no sector.
    assert allowed_sectors(store, ["SPY"]) is None
    assert allowed_sectors(store, ["TLT"]) is None
    assert allowed_sectors(store, ["SMH", "SPY"]) is None
    assert allowed_sectors(store, ["NOPE"]) is None


def test_a_company_outside_the_sector_named_alone_is_another_markets_news(
    store: MarketStore,
) -> None:
    chips = outsider_for(store, "SMH")
    assert chips(GM_NEWS) == "GM"  # a ticker in capitals names its company
    assert chips("General Motors jumped 8.75% on its profit [4].") == "General Motors"
    # The move's own market named is the move said again, the cause still GM's or Cisco's.
    assert chips("SMH rose on 2026-01-29 as GM reported a record profit [4].") == "GM"
    assert outsider_for(store, "SLV")(CISCO) == "Cisco"


def test_a_company_of_the_sector_or_a_market_named_keeps_the_draft(store: MarketStore) -> None:
    chips = outsider_for(store, "SMH")
    assert chips("Micron's upbeat guidance lifted the group [5].") is None  # a chip maker
    assert chips("GM and Micron both rose [4].") is None  # one of them is in the sector
    # Another market named: the reason check's `another_market` judges the draft.
    assert chips("Stocks rose as GM reported a record profit [4].") is None
    assert chips("Chip stocks gained after Micron raised its forecast [2].") is None
    # No company at all, or a word in capitals that is no ticker here ("IT spending").
    assert chips("Chip makers gained on a trade deal with Taiwan [3].") is None
    assert chips("IT spending budgets grew [3].") is None
    # A carmaker under the consumer discretionary sector, a miner under silver: their own.
    assert outsider_for(store, "XLY")("Tesla deliveries fell [3].") is None
    assert outsider_for(store, "SLV")("Newmont raised output [2].") is None
    # Under the S&P 500 every company's news is the market's.
    assert outsider_for(store, "SPY")(GM_NEWS) is None


def test_the_reason_judge_withholds_it(store: MarketStore) -> None:
    ledger = SourceLedger()
    article = NewsSource(
        article_id="mm", chunk_id="mm-0", title="Mad Money 01/27/26", publisher="CNBC",
        url="https://example.com/mm", published_at=datetime(2026, 1, 27, tzinfo=UTC),
        excerpt=GM_NEWS, text=GM_NEWS, about=["semiconductor stocks", "SMH"],
    )  # fmt: skip
    n = ledger.register(article)
    draft = GM_NEWS.replace("[4]", f"[{n}]")
    question = "why were chip stocks so weak on thursday?"
    as_of = date(2026, 1, 30)
    outsider = outsider_for(store, "SMH")
    judged = ReasonJudge(ledger, as_of, question, [], outsider)
    assert not judged.take(draft)
    assert judged.withheld == [draft]
    unjudged = ReasonJudge(ledger, as_of, question, [])  # without it, the draft stood
    assert unjudged.take(draft)


def test_a_headline_names_the_companies_of_the_moves_own_sector(store: MarketStore) -> None:
    store.upsert_symbols(
        [{"symbol": "SO", "name": "Southern Company", "kind": "stock", "sector": "Utilities"},
         {"symbol": "XLU", "name": "Utilities Select Sector SPDR", "kind": "etf",
          "sector": "Utilities"}],
        "test",
    )  # fmt: skip
    chips = sector_companies(store, ["SMH"])  # an industry fund: its sector's, via XLK
    assert chips is not None
    assert chips("Tech Fuels Rebound; Micron Technology's Rosy Forecast") == ["Micron Technology"]
    profit = "General Motors Reports Huge Profit Boost"
    assert chips(profit) == []  # another sector's company
    discretionary = sector_companies(store, ["XLY"])
    assert discretionary is not None and discretionary(profit) == ["General Motors"]
    # A headline capitalises every word: a company named by an everyday word is not read there.
    utilities = sector_companies(store, ["XLU"])
    assert utilities is not None
    assert utilities("Newsom Highlights Expansion in Southern California") == []
    # No sector of its own (a broad index, a bond fund), or a commodity: none is sought.
    for symbols in (["SPY"], ["TLT"], ["SLV"], []):
        assert sector_companies(store, symbols) is None
    assert sector_companies(None, ["SMH"]) is None


def test_a_first_word_two_companies_share_names_neither(store: MarketStore) -> None:
    # Found in the app: "Charles Payne: Here's the 'moral of the story' for investors" was
    # quoted as health care's company news (Charles River Laboratories, read by its first word
    # among the health-care names alone, though Charles Schwab's name starts with it too).
    store.upsert_symbols(
        [{"symbol": "CRL", "name": "Charles River Laboratories", "kind": "stock",
          "sector": "Health Care"},
         {"symbol": "SCHW", "name": "Charles Schwab Corporation", "kind": "stock",
          "sector": "Financials"},
         {"symbol": "XLV", "name": "Health Care Select Sector SPDR", "kind": "etf",
          "sector": "Health Care"}],
        "test",
    )  # fmt: skip
    health = sector_companies(store, ["XLV"])
    assert health is not None
    assert health("Charles Payne: Here's the 'moral of the story' for investors") == []
    assert health("Charles River Laboratories Raises Its Outlook") == ["Charles River Laboratories"]


def test_a_company_listed_after_a_read_is_named_by_the_next(store: MarketStore) -> None:
    # The index over every listed company is kept between news calls; a write to the store
    # (a constituents list imported in the app) makes the next read see the new company.
    store.upsert_symbols(
        [{"symbol": "XLV", "name": "Health Care Select Sector SPDR", "kind": "etf",
          "sector": "Health Care"}],
        "test",
    )  # fmt: skip
    before = sector_companies(store, ["XLV"])
    assert before is not None and before("Abbott Laboratories Beats Estimates") == []
    store.upsert_symbols(
        [{"symbol": "ABT", "name": "Abbott Laboratories", "kind": "stock",
          "sector": "Health Care"}],
        "test",
    )  # fmt: skip
    after = sector_companies(store, ["XLV"])
    assert after is not None and after("Abbott Laboratories Beats Estimates") == [
        "Abbott Laboratories"
    ]
