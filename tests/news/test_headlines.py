"""The move's own headlines: an article of the move's days whose headline says the market moved
its way is read first, however far its text lies from the move's queries (a real Chroma store,
hash embedder, hand-written articles)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsStore
from copilot.news.evidence import PER_QUERY, gather_evidence
from copilot.news.evidence_terms import Entity, entity_for
from copilot.news.headlines import (
    clauses_naming,
    move_headlines,
    one_way,
    says_it_moved,
    yields_moved,
)
from copilot.news.search import search_by_embedding
from ingest.news import ingest_paths

MOVE_DAY = date(2026, 1, 9)  # a Friday
AS_OF = date(2026, 1, 10)
PAYROLLS = "Stocks Rise as Slower Payroll Growth Eases Rate Cut Uncertainty"
SLIDE = "Stocks Slide as Tech Slips"
DATED = "Stock Market News for Jan 9, 2026"  # a wrap titled by its date: its lede says the move
QUICK = "Market Quick Take - 9 January 2026"  # movers listed by signed percents
YIELDS = "Treasury Yields Jump as Hiring Beats Forecasts"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """More outlook pieces in the move's window than one query reads, each written in the
    queries' own words, and the day's wraps, whose short texts share none of them."""
    root = tmp_path_factory.mktemp("headlines")
    outlook = ("Why stocks rose: stocks rally gains driven by news as wall street jumped "
               "after investors bought; the stock market surged and climbed.")  # fmt: skip
    articles = [  # (file, title, published, body)
        *((f"outlook{i}.md", f"Stock market outlook {i}", f"January {7 + i % 3}, 2026", outlook)
          for i in range(PER_QUERY + 4)),
        ("payrolls.md", PAYROLLS, "January 9, 2026",
         "Equities advanced, led by big tech, after payroll growth slowed in a way read as a "
         "soft landing."),
        ("slide.md", SLIDE, "January 9, 2026", "Chipmakers weighed on the indexes."),
        ("dated.md", DATED, "January 9, 2026",
         "U.S. stock markets closed higher on Friday after the payrolls report. Retailers led."),
        ("quick.md", QUICK, "January 9, 2026",
         "Equities were mixed overnight. Highlights: payrolls +50k; Intel +10.8%, Glencore +9.6%."),
        ("yields.md", YIELDS, "January 9, 2026", "Bond traders sold after the jobs data."),
        ("early.md", "Stocks Rally on Hiring Hopes", "January 7, 2026",
         "Hiring hopes lifted the indexes on Wednesday."),
        ("vague.md", "Stocks Climb on Budget Hopes", "January 2026",
         "Budget hopes lifted the indexes."),
    ]  # fmt: skip
    for name, title, published, body in articles:
        tracker_file(root / name, title=title, url=f"https://wires.example/{name}",
                     publisher=name, published=published, summary=body, body=body)  # fmt: skip
    news = NewsStore.open(Backend("embedded").settings(root / "data"), HashEmbedder())
    ingest_paths(news, [root])
    return news


def test_a_headline_clause_says_which_market_moved_which_way() -> None:
    stocks, tech = entity_for(["SPY"]), entity_for(["XLK"])
    assert says_it_moved(stocks, PAYROLLS, "up") and not says_it_moved(stocks, PAYROLLS, "down")
    # "Stocks Slide as Tech Slips": both fall, each in its own clause.
    assert says_it_moved(stocks, SLIDE, "down") and says_it_moved(tech, SLIDE, "down")
    # "Gold Holds Steady as Stocks Rally": the rally is the stocks', not gold's.
    assert not says_it_moved(entity_for(["GLD"]), "Gold Holds Steady as Stocks Rally", "up")
    # A show's name after a bar is a clause of its own, not the market's.
    assert clauses_naming(stocks, "Big Tech Drags Stocks Lower | Open Interest 1/8/2026") == [
        "Big Tech Drags Stocks Lower"
    ]


def test_the_days_headlines_are_read_first_however_far_from_the_queries(
    store: NewsStore,
) -> None:
    evidence = gather_evidence(store, ["SPY"], "up", MOVE_DAY, MOVE_DAY, AS_OF)
    # Every query reads its nearest outlook pieces first: the wrap ranks in none of them.
    vectors = store.embedder.embed_queries(evidence.queries)
    for query, vector in zip(evidence.queries, vectors, strict=True):
        found = search_by_embedding(store, vector, PER_QUERY, query, since=evidence.since,
                                    until=evidence.until, as_of=AS_OF)  # fmt: skip
        assert PAYROLLS not in [hit.title for hit in found]
    assert evidence.drivers[0].title == PAYROLLS
    assert "payroll growth slowed" in evidence.drivers[0].excerpt
    titles = [d.title for d in evidence.drivers]
    # A fall's headline is no driver of the rise; a headline two days before the move tells
    # another session; one dated only to the month may be any day's.
    assert SLIDE not in titles[:2]
    assert "Stocks Rally on Hiring Hopes" not in titles[:2]
    assert "Stocks Climb on Budget Hopes" not in titles[:2]


def test_a_yields_clause_moves_a_bond_market_the_other_way() -> None:
    bonds, yields = entity_for(["TLT"]), entity_for(["US10Y"])
    assert says_it_moved(bonds, YIELDS, "down") and not says_it_moved(bonds, YIELDS, "up")
    assert says_it_moved(bonds, "Treasuries Rally as Inflation Cools", "up")
    # Homebuilders are tied to mortgage rates: a fall of rates is their rise.
    assert says_it_moved(entity_for(["XHB"]), "Mortgage Rates Fall to a Three-Month Low", "up")
    # Rates named in a clause about another market are that market's cause, not its name.
    assert says_it_moved(entity_for(["SPY"]), "Rate Cut Hopes Lift Stocks", "up")
    assert says_it_moved(bonds, "Rate Cut Bets Lift Treasuries", "up")
    # A yield series moves with its own words.
    ten_year = Entity(yields.symbols, ("10-year yield",))
    assert says_it_moved(ten_year, "10-Year Yield Jumps After Payrolls", "up")
    # In a wrap's text, the yields' move tells the bond market's; stocks' words tell nothing.
    text = "Treasury yields and stocks of smaller companies rose following encouraging reports."
    assert yields_moved(bonds, text, "down") and not yields_moved(bonds, text, "up")
    assert not yields_moved(entity_for(["SPY"]), text, "down")


def test_a_signed_percent_is_a_move_of_its_way() -> None:
    assert one_way("Intel +10.8%", "up") and not one_way("Intel +10.8%", "down")
    assert one_way("Nike (−3.1%)", "down")
    assert not one_way("Intel +10.8%, Nike -3.1%", "up")  # both ways: neither
    assert not one_way("a 2-3% range", "down")  # a range, no sign
    assert one_way("Marvell was up 3.4%", "up") and one_way("Nike, down about 3 percent", "down")
    assert not one_way("picked up the pace", "up")  # "up" alone says no move


def test_only_the_moves_days_headlines_of_its_way_are_found(store: NewsStore) -> None:
    queries = store.embedder.embed_queries(["why stocks rose"])
    stocks = [entity_for(["SPY"])]
    up = move_headlines(store, stocks, "up", MOVE_DAY, date(2026, 1, 12), queries)
    # The headline first, then the wrap titled by its date, read by its lede; the quick take's
    # lede says equities were mixed (no market's move), and the yields' jump is no rise of stocks.
    assert [(market, hit.title) for market, hit in up] == [(stocks[0], PAYROLLS),
                                                            (stocks[0], DATED)]  # fmt: skip
    down = move_headlines(store, stocks, "down", MOVE_DAY, date(2026, 1, 12), queries)
    assert [hit.title for _, hit in down] == [SLIDE]
    # Two days earlier, "Stocks Rally on Hiring Hopes" is that day's headline.
    earlier = move_headlines(store, stocks, "up", date(2026, 1, 7), date(2026, 1, 7), queries)
    assert [hit.title for _, hit in earlier] == ["Stocks Rally on Hiring Hopes"]


def test_a_wider_markets_headline_is_read_for_a_move_that_went_with_it(store: NewsStore) -> None:
    # Technology rose with the S&P 500: the market's wrap is read after tech's own headlines
    # (none here), and its excerpt read as the market's.
    with_market = gather_evidence(store, ["XLK"], "up", MOVE_DAY, MOVE_DAY, AS_OF,
                                  backdrop=["SPY"])  # fmt: skip
    assert with_market.ranked[0].title == PAYROLLS
    alone = gather_evidence(store, ["XLK"], "up", MOVE_DAY, MOVE_DAY, AS_OF)
    assert PAYROLLS not in [d.title for d in alone.ranked[:1]]


def test_a_move_without_news_of_its_own_is_read_from_its_wider_markets_wraps(
    store: NewsStore,
) -> None:
    # No article names utilities. Measured rising with the S&P 500, their drivers are the day's
    # wraps that say the market rose (by headline, then by a dated wrap's lede), and no outlook
    # piece; without a wider market measured, the move has no coverage.
    with_market = gather_evidence(store, ["XLU"], "up", MOVE_DAY, MOVE_DAY, AS_OF,
                                  backdrop=["SPY"])  # fmt: skip
    assert [d.title for d in with_market.drivers] == [PAYROLLS, DATED]
    assert gather_evidence(store, ["XLU"], "up", MOVE_DAY, MOVE_DAY, AS_OF).no_coverage
    # A fall with the market reads the day's headline of the fall, never the rise's.
    falling = gather_evidence(store, ["XLU"], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                              backdrop=["SPY"])  # fmt: skip
    assert [d.title for d in falling.drivers] == [SLIDE]


def test_the_fear_gauge_is_read_from_the_wraps_of_the_market_going_the_other_way(
    store: NewsStore,
) -> None:
    # No article names the VIX. Its rise with the S&P 500 measured falling reads the day's
    # headline of the market's fall ("Stocks Slide …"), never those of its rise.
    rising = gather_evidence(store, ["VIX"], "up", MOVE_DAY, MOVE_DAY, AS_OF, backdrop=["SPY"])
    assert [d.title for d in rising.drivers] == [SLIDE]
    falling = gather_evidence(store, ["VIX"], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                              backdrop=["SPY"])  # fmt: skip
    assert [d.title for d in falling.drivers] == [PAYROLLS, DATED]


def test_a_lede_is_read_by_the_markets_names_and_companies(store: NewsStore) -> None:
    queries = store.embedder.embed_queries(["why chip stocks rose"])
    chips = move_headlines(store, [entity_for(["SMH"])], "up", MOVE_DAY, MOVE_DAY, queries)
    assert [hit.title for _, hit in chips] == [QUICK]  # "Intel +10.8%": a bellwether's rise
    bonds = move_headlines(store, [entity_for(["TLT"])], "down", MOVE_DAY, MOVE_DAY, queries)
    assert [hit.title for _, hit in bonds] == [YIELDS]
    # "Retailers led" in the dated wrap's second sentence names no move of retail's own way:
    # "led" is no direction word, so nothing is read for retail.
    assert move_headlines(store, [entity_for(["XRT"])], "up", MOVE_DAY, MOVE_DAY, queries) == []


def _one_wrap(tmp_path: Path, title: str, body: str) -> NewsStore:
    """A store holding one day's wrap, published on the move's day."""
    tracker_file(tmp_path / "wrap.md", title=title, url="https://w.example/1", publisher="Wires",
                 published="January 9, 2026", summary=body, body=body)  # fmt: skip
    news = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(news, [tmp_path])
    return news


def test_a_wider_markets_wrap_is_read_for_the_instrument_when_it_names_its_move(
    tmp_path: Path,
) -> None:
    # Chips rose with the S&P 500; the market's wrap names a chipmaker's gain further down.
    body = ("The Dow rose 0.2% in a choppy session, with 18 of its 30 components higher. "
            "Trading was thin ahead of the holiday. Volume was about a third below its average. "
            "Bond yields were steady and oil was little changed in quiet trade. The dollar edged "
            "lower against the yen. European markets were closed for the holiday, and Asian "
            "markets ended mixed. Traders pointed to the light calendar: no economic reports were "
            "due, and no company reported results. Several desks closed early, and brokers said "
            "most clients had already left for the year. Futures on the index were flat late in "
            "the session, and options volume was among the lowest of the year. "
            "The Nasdaq climbed 0.6% on strong demand "
            "for AI names, and the major gainer was Marvell Technology, up 3.4% after its "
            "data-center orders beat forecasts.")  # fmt: skip
    news = _one_wrap(tmp_path, "S&P 500 Hits Record Close", body)
    chips = gather_evidence(news, ["SMH"], "up", MOVE_DAY, MOVE_DAY, AS_OF, backdrop=["SPY"],
                            min_similarity=0.0)  # fmt: skip
    # Read for chips, not for the Dow's line the market's move would pick.
    assert "Marvell Technology, up 3.4%" in chips.drivers[0].excerpt


def test_a_wider_markets_wrap_naming_the_instruments_own_move_is_excerpted_for_it(
    tmp_path: Path,
) -> None:
    # The VIX fell as the S&P 500 rose; the market's wrap, drawn by its lede, also gives the
    # VIX's own line in the same chunk, far from a company's rise the market's reading picks.
    body = ("U.S. stock markets closed higher on Friday. The fear gauge, the CBOE Volatility "
            "Index, was down 11.6% to 14.91 as traders unwound hedges. Volume was light. Bond "
            "yields were steady and oil was little changed in quiet trade. The dollar edged lower "
            "against the yen. European markets were closed for the holiday, and Asian markets "
            "ended mixed. Traders pointed to the light calendar: no economic reports were due. "
            "Several desks closed early, and brokers said most clients had left for the year. "
            "Futures on the index were flat late in the session, and options volume was low. "
            "Following the news, the stock price of Oracle climbed 6.6%.")  # fmt: skip
    news = _one_wrap(tmp_path, "Stock Market News for Jan 9, 2026", body)
    fear = gather_evidence(news, ["VIX"], "down", MOVE_DAY, MOVE_DAY, AS_OF, backdrop=["SPY"],
                           min_similarity=0.0)  # fmt: skip
    assert "was down 11.6%" in fear.drivers[0].excerpt


def test_the_headlines_never_pass_as_of(store: NewsStore) -> None:
    # Asked on the move's day before the wraps of the morning after: the window stops at as-of.
    evidence = gather_evidence(store, ["SPY"], "down", date(2026, 1, 8), date(2026, 1, 8),
                               date(2026, 1, 8))  # fmt: skip
    assert SLIDE not in [d.title for d in evidence.ranked]


def test_an_index_series_is_named_as_the_market_it_measures() -> None:
    # FRED's S&P 500 series is registered by FRED's names; the news calls it what SPY is.
    index = entity_for(["SP500"])
    assert says_it_moved(index, "S&P 500 Hits Record Close as Markets End 2025", "up")
    assert says_it_moved(index, PAYROLLS, "up")
    assert not says_it_moved(entity_for(["GLD"]), PAYROLLS, "up")
