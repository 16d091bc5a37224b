"""A headline of the move's days naming a listed company of the move's own sector is read next
after the headlines that say the market moved: financials fell on January 23, 2026, the day of
"Capital One Reports Mixed Q4 Earnings, Announces $5B Fintech Acquisition", while the searches
for financial stocks found outlook pieces on banks. Never a list of stock picks, nor another
day's headline.

The articles are written by hand in the stored articles' words; which companies a headline
names is a hand-written reader (the constituents list's is tested in
tests/answering/test_company_news.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsStore
from copilot.news.evidence import gather_evidence
from ingest.news import ingest_paths

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
    ("ms.md", "Morgan Stanley Beats Investment-Banking Estimates", "January 16, 2026",
     "Morgan Stanley's fees beat estimates as financial stocks rose."),
]  # fmt: skip


def read_companies(text: str) -> list[str]:
    return [name for name in ("Capital One", "Morgan Stanley") if name in text]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    root = tmp_path_factory.mktemp("companies")
    for name, title, published, text in ARTICLES:
        tracker_file(root / name, title=title, url=f"https://wires.example/{name}",
                     publisher=f"Wires {name}", published=published, summary=text,
                     body=f"{text}\n\nOther markets were quiet.")  # fmt: skip
    found = NewsStore.open(Backend("embedded").settings(root / "data"), HashEmbedder())
    ingest_paths(found, [root])
    return found


def test_a_sector_companys_headline_of_the_moves_day_is_read_first(store: NewsStore) -> None:
    plain = gather_evidence(store, ["XLF"], "down", FRIDAY, FRIDAY, AS_OF, min_similarity=0.0)
    assert plain.drivers and plain.drivers[0].title != CAPITAL_ONE  # the premise
    found = gather_evidence(store, ["XLF"], "down", FRIDAY, FRIDAY, AS_OF, min_similarity=0.0,
                            companies=read_companies)  # fmt: skip
    first = found.drivers[0]
    assert first.title == CAPITAL_ONE and first.names_entity
    assert "$3.86 vs. expected $4.11" in first.excerpt
    titles = [d.title for d in found.drivers]
    assert "5 Financial Stocks to Buy Now: Capital One Leads" not in titles
    # Asked about the day before, its headline is not of the move's days: nothing leads.
    before = gather_evidence(store, ["XLF"], "down", date(2026, 1, 21), date(2026, 1, 21),
                             date(2026, 1, 22), min_similarity=0.0,
                             companies=read_companies)  # fmt: skip
    assert all(d.title != CAPITAL_ONE for d in before.drivers)
