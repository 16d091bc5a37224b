"""A headline of the move's days naming a listed company of the move's own sector is quoted by
code as that company's news, with its line on the company: financials fell on January 23, 2026,
the day of "Capital One Reports Mixed Q4 Earnings, Announces $5B Fintech Acquisition", while the
searches for financial stocks found outlook pieces on banks. It never says financials fell, so it
is no driver (the model never drafts from it). Never a list of stock picks, nor another day's
headline.

The articles are written by hand in the stored articles' words; which companies a headline
names is a hand-written reader (the constituents list's is tested in
tests/answering/test_company_news.py); the expected note is by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from news_testkit import wire_store

from copilot.market.store import MarketStore
from copilot.news import NewsStore
from copilot.news.evidence import _company_news, gather_evidence
from copilot.settings import Settings
from copilot.sources import NewsSource, SourceLedger
from copilot.tools.drivers import DriversArgs, news_drivers
from copilot.tools.registry import ToolDeps

FRIDAY, AS_OF = date(2026, 1, 23), date(2026, 1, 26)
CAPITAL_ONE = "Capital One Reports Mixed Q4 Earnings, Announces $5B Fintech Acquisition"
EARNINGS = ("Capital One earned $3.86 vs. expected $4.11, with higher credit charges. Integration "
            "of Discover on track amid Trump's proposed 10% credit card cap.")  # fmt: skip
OUTLOOK = ("Financial stocks and banks face a year of lower rates; bank lending and financial "
           "stocks should hold up as banks keep their capital strong.")  # fmt: skip
ARTICLES = [  # (file, title, published, text)
    ("cof.md", CAPITAL_ONE, "January 23, 2026", EARNINGS),
    *[(f"outlook{i}.md", f"Banks and financial stocks outlook {i}", f"January {20 + i}, 2026",
       OUTLOOK) for i in range(4)],
    # Picks name a company too; another day's company headline is that day's news.
    ("picks.md", "5 Financial Stocks to Buy Now: Capital One Leads", "January 23, 2026",
     "Our picks for the year ahead among banks and financial stocks."),
    ("ms.md", "Morgan Stanley Beats Investment-Banking Estimates", "January 22, 2026",
     "Morgan Stanley's fees beat estimates on a debt haul."),
]  # fmt: skip


def read_companies(text: str) -> list[str]:
    return [name for name in ("Capital One", "Morgan Stanley") if name in text]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    return wire_store(tmp_path_factory.mktemp("companies"), ARTICLES)


def test_a_sector_companys_headline_of_the_moves_day_is_quoted(store: NewsStore) -> None:
    found = gather_evidence(store, ["XLF"], "down", FRIDAY, FRIDAY, AS_OF, min_similarity=0.0,
                            companies=read_companies)  # fmt: skip
    # Not the picks, nor the headline of the day before the move (among the days read for
    # coverage, but no news of the move's own days).
    (news,) = found.company_news
    assert news.title == CAPITAL_ONE
    assert (
        news.excerpt == "Capital One earned $3.86 vs. expected $4.11, with higher credit charges."
    )
    assert CAPITAL_ONE not in [d.title for d in found.drivers]  # context, never a driver
    # Read over every first chunk the evidence reads (from the day before the move), none a
    # driver yet: the day before's Morgan Stanley headline is not the move's days' news.
    firsts = store.first_chunks(FRIDAY - timedelta(days=1), AS_OF)
    assert "Morgan Stanley Beats Investment-Banking Estimates" in [
        m["title"] for *_, m, _ in firsts
    ]
    quoted = _company_news(firsts, read_companies, FRIDAY, AS_OF, set())
    assert [d.title for d in quoted] == [CAPITAL_ONE]
    # Without a reader of companies, or asked about the day before, none is quoted.
    plain = gather_evidence(store, ["XLF"], "down", FRIDAY, FRIDAY, AS_OF, min_similarity=0.0)
    assert plain.company_news == []
    before = gather_evidence(store, ["XLF"], "down", date(2026, 1, 21), date(2026, 1, 21),
                             date(2026, 1, 26), min_similarity=0.0,
                             companies=read_companies)  # fmt: skip
    assert before.company_news == []


def test_the_answer_quotes_it_as_the_companys_news(store: NewsStore, tmp_path: Path) -> None:
    with MarketStore.open(tmp_path / "m.duckdb") as market:
        market.upsert_symbols(
            [{"symbol": "XLF", "name": "Financial Select Sector SPDR", "kind": "etf",
              "sector": "Financials"},
             {"symbol": "COF", "name": "Capital One", "kind": "stock", "sector": "Financials"},
             {"symbol": "MS", "name": "Morgan Stanley", "kind": "stock", "sector": "Financials"}],
            "test",
        )  # fmt: skip
        deps = ToolDeps(settings=Settings(data_dir=tmp_path), ledger=SourceLedger(), news=store,
                        market=market, as_of=AS_OF)  # fmt: skip
        args = DriversArgs(symbols=["XLF"], direction="down", start=FRIDAY, end=FRIDAY)
        output = news_drivers(deps, args)
    (n,) = [n for n in range(1, 20) if isinstance(s := deps.ledger.get(n), NewsSource)
            and s.title == CAPITAL_ONE]  # fmt: skip
    assert (
        f"A company of XLF's sector in the news that day: [{n}] “{CAPITAL_ONE}”: “Capital One "
        "earned $3.86 vs. expected $4.11, with higher credit charges.” (quoted: not proof that "
        "it moved XLF)."
    ) in output.note
    assert n not in output.sources  # no driver: the model never drafts from it
