"""A move made with a wider market (its sector, the S&P 500) reads the news of that market's move
too, on the real sample closes; the expected backdrops are worked out from the raw CSVs with the
csv module and the rule (the same way, at least a third as much)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from copilot.answering.backdrop import moved_alongside, moved_with, wider_markets
from copilot.answering.why import why_calls
from copilot.claims.reasons import names_subject
from copilot.news.backdrop import MARKET_WORDS, backdrop_words
from copilot.sources import NewsSource, SourceLedger
from copilot.tools import ToolDeps, run_tool
from copilot.understand.catalog import Catalog
from copilot.understand.core import understand
from tests.raw import close_on, index_of, raw_closes


def _return(shared_data: Path, symbol: str, start: str, end: str) -> float:
    """The move over the sessions start..end, from the close before `start`, in %."""
    rows = (
        raw_closes(shared_data / "market" / "prices", symbol)
        if symbol != "WTI"
        else _oil(shared_data)
    )
    base = rows[index_of(rows, start) - 1][1]
    return (close_on(rows, end) / base - 1) * 100


def _oil(shared_data: Path) -> list[tuple[str, float]]:
    """(ISO date, $/barrel) of FRED's WTI export (`Date,Price`), read with the csv module."""
    with (shared_data / "market" / "series" / "WTI.csv").open(newline="") as handle:
        return [(row["Date"], float(row["Price"])) for row in csv.DictReader(handle)
                if row["Price"] not in ("", ".")]  # fmt: skip


def _expected(shared_data: Path, subject: str, wider: list[str], start: str, end: str) -> list[str]:
    own = _return(shared_data, subject, start, end)
    found = []
    for market in wider:
        theirs = _return(shared_data, market, start, end)
        if own * theirs > 0 and abs(theirs) >= abs(own) / 3:
            found.append(market)
    return found


@pytest.mark.parametrize(
    ("subject", "wider", "start", "end"),
    [
        ("IYT", ["XLI", "SPY"], "2026-01-21", "2026-01-21"),  # transports on the Greenland day
        ("SMH", ["XLK", "SPY"], "2025-12-17", "2025-12-17"),  # chips in the AI sell-off
        ("IBB", ["XLV", "SPY"], "2026-01-06", "2026-01-07"),  # biotech with health care
        ("SMH", ["XLK", "SPY"], "2026-01-02", "2026-01-02"),  # chips' own first day of 2026
        ("XLE", ["SPY"], "2026-01-05", "2026-01-05"),
        ("KRE", ["XLF", "SPY"], "2026-01-14", "2026-01-15"),
    ],
)
def test_the_wider_markets_that_moved_the_same_way_by_a_third_as_much(
    shared_data: Path, shared_deps: ToolDeps, subject: str, wider: list[str], start: str, end: str
) -> None:
    assert wider_markets(subject) == wider
    expected = _expected(shared_data, subject, wider, start, end)
    deps = replace(shared_deps, as_of=date(2026, 2, 1))
    found = moved_with(deps, subject, date.fromisoformat(start), date.fromisoformat(end))
    assert found == expected


@pytest.mark.parametrize(
    ("subject", "peers", "start", "end"),
    [
        ("SLV", ["GLD"], "2026-01-22", "2026-01-22"),  # silver with gold, the dollar weaker
        ("SLV", ["GLD"], "2026-01-12", "2026-01-14"),  # silver's own squeeze: gold a sixth
        ("DBC", ["WTI", "GLD", "SLV"], "2025-12-23", "2025-12-23"),  # oil (in $), the metals
        ("TLT", ["IEF"], "2026-01-16", "2026-01-16"),
        ("GLD", [], "2026-01-12", "2026-01-12"),  # gold keeps its own news
        ("PPLT", [], "2025-12-22", "2025-12-26"),  # as platinum does
    ],
)
def test_the_peers_that_moved_the_same_way_by_a_third_as_much(
    shared_data: Path, shared_deps: ToolDeps, subject: str, peers: list[str], start: str, end: str
) -> None:
    expected = _expected(shared_data, subject, peers, start, end)
    deps = replace(shared_deps, as_of=date(2026, 2, 1))
    assert moved_alongside(deps, subject, date.fromisoformat(start),
                           date.fromisoformat(end)) == expected  # fmt: skip


def test_the_peer_rule_both_keeps_and_leaves_on_the_sample(shared_data: Path) -> None:
    # Silver +3.8 % with gold +1.9 % on January 22; +16.8 % over January 12-14 with gold
    # +2.8 %. Oil rose $0.37 from $58.18 on December 23 (+0.64 %), the basket +1.12 %.
    assert _expected(shared_data, "SLV", ["GLD"], "2026-01-22", "2026-01-22") == ["GLD"]
    assert _expected(shared_data, "SLV", ["GLD"], "2026-01-12", "2026-01-14") == []
    assert _expected(shared_data, "DBC", ["WTI"], "2025-12-23", "2025-12-23") == ["WTI"]


def test_a_peers_news_explains_the_move_it_went_with(research_deps: ToolDeps) -> None:
    # Silver's jump on January 22: no stored article names silver; the day's AP wrap says
    # "Gold's price rose, and the value of the U.S. dollar weakened". Measured beside it and
    # searched with it, gold's news is read, and the peer is said in the trace.
    deps = replace(research_deps, as_of=date(2026, 1, 23))
    settled = understand("silver popped nearly 4% on january 22, 2026 - what was behind it?",
                         date(2026, 1, 23), Catalog.from_store(deps.market))  # fmt: skip
    calls = why_calls(deps, settled, 800)
    drivers = next(c["args"] for c in calls if c["tool"] == "news_drivers")
    measured = [c["args"]["symbols"] for c in calls if c["tool"] == "measure"]
    assert drivers["symbols"] == ["SLV", "GLD"] and ["SLV", "GLD", "SPY"] in measured
    assert any(line.startswith("peers: SLV moved with GLD") for line in settled.trace)
    alone = run_tool(deps, "news_drivers", {**drivers, "symbols": ["SLV"]})
    assert alone.data["no_coverage"]
    read = run_tool(replace(deps, ledger=SourceLedger()), "news_drivers", drivers)
    assert not read.data["no_coverage"]
    assert "Gold’s price rose, and the value of the U.S. dollar weakened" in read.text


def _fear_gauge(shared_data: Path) -> list[tuple[str, float]]:
    """(ISO date, close) of the VIX export (`DATE,OPEN,HIGH,LOW,CLOSE`), read with csv."""
    with (shared_data / "market" / "series" / "VIX.csv").open(newline="") as handle:
        return [(row["DATE"], float(row["CLOSE"])) for row in csv.DictReader(handle)
                if row["CLOSE"] not in ("", ".")]  # fmt: skip


@pytest.mark.parametrize(
    ("day", "backdrop"),
    [
        ("2025-12-17", ["SPY"]),  # the AI sell-off: the VIX up, the index down
        ("2025-12-19", ["SPY"]),  # the rebound: the VIX down, the index up
        ("2026-01-13", []),  # the VIX up 5.7 % with the index down 0.2 %: its own move
    ],
)
def test_the_fear_gauge_s_backdrop_is_the_market_going_the_other_way(
    shared_data: Path, shared_deps: ToolDeps, day: str, backdrop: list[str]
) -> None:
    assert wider_markets("VIX") == ["SPY"]
    vix = _fear_gauge(shared_data)
    own = (close_on(vix, day) / vix[index_of(vix, day) - 1][1] - 1) * 100
    market = _return(shared_data, "SPY", day, day)
    # By hand: the other way, by at least a twentieth of the VIX's move in percent.
    assert (own * market < 0 and abs(market) >= abs(own) / 20) == bool(backdrop)
    deps = replace(shared_deps, as_of=date(2026, 2, 1))
    when = date.fromisoformat(day)
    assert moved_with(deps, "VIX", when, when) == backdrop


def test_the_rule_both_keeps_and_leaves_a_backdrop_on_the_sample(shared_data: Path) -> None:
    # The cases above are not all one way: transports moved with the market, chips alone.
    assert _expected(shared_data, "IYT", ["SPY"], "2026-01-21", "2026-01-21") == ["SPY"]
    assert _expected(shared_data, "SMH", ["XLK", "SPY"], "2026-01-02", "2026-01-02") == []


def test_commodities_bonds_and_the_market_itself_have_no_backdrop() -> None:
    for symbol in ("GLD", "SLV", "TLT", "SPY"):
        assert wider_markets(symbol) == []
    assert wider_markets("XLK") == ["SPY"] and wider_markets("KRE") == ["XLF", "SPY"]


def _drivers(deps: ToolDeps, question: str, as_of: date) -> tuple[dict[str, Any], list[str]]:
    """The news-drivers arguments the why path plans for `question`, and its trace."""
    settled = understand(question, as_of, Catalog.from_store(deps.market))
    calls = why_calls(replace(deps, as_of=as_of), settled, 800)
    return next(c["args"] for c in calls if c["tool"] == "news_drivers"), settled.trace


def test_the_question_s_drivers_read_the_market_s_news_on_a_day_they_moved_together(
    shared_data: Path, research_deps: ToolDeps
) -> None:
    drivers, trace = _drivers(research_deps,
                              "Transportation stocks jumped on January 21, 2026 - what drove that?",
                              date(2026, 1, 22))  # fmt: skip
    assert drivers["backdrop"] == _expected(
        shared_data, "IYT", ["XLI", "SPY"], "2026-01-21", "2026-01-21"
    )
    assert any(line.startswith("backdrop: IYT moved with") for line in trace)
    drivers, _ = _drivers(research_deps, "chipmakers ripped higher on jan 2 2026, how come?",
                          date(2026, 1, 3))  # fmt: skip
    assert "backdrop" not in drivers


def test_a_fear_gauge_jump_with_no_article_of_its_own_reads_the_day_s_market_fall(
    research_deps: ToolDeps,
) -> None:
    # No stored article names the VIX on January 14, 2026 (+4.8 %); the S&P 500 fell 0.5 %
    # that day, and Bloomberg's headline "Stocks Slide as Tech Slips, Banks Report Strong
    # Lending" says so.
    deps = replace(research_deps, as_of=date(2026, 1, 16))
    drivers, trace = _drivers(deps, "what made the fear gauge jump on january 14, 2026?",
                              date(2026, 1, 16))  # fmt: skip
    assert drivers["symbols"] == ["VIX"] and drivers["backdrop"] == ["SPY"]
    assert "backdrop: VIX moved with SPY, the other way: articles on their move are read too" in (
        trace
    )
    read = run_tool(deps, "news_drivers", drivers)
    assert not read.data["no_coverage"]
    assert "Stocks Slide as Tech Slips, Banks Report Strong Lending" in read.text
    alone = run_tool(replace(deps, ledger=SourceLedger()), "news_drivers",
                     {k: v for k, v in drivers.items() if k != "backdrop"})  # fmt: skip
    assert alone.data["no_coverage"]


def _source(excerpt: str, backdrop: list[str]) -> NewsSource:
    return NewsSource(
        article_id="a", chunk_id="c", title="Markets wrap", publisher="AP",
        published_at="2026-01-21T00:00:00Z", url="https://example.com/a", text=excerpt,
        excerpt=excerpt, about=["transportation stocks", "transports", "airlines"],
        backdrop=backdrop,
    )  # fmt: skip


def test_an_article_on_the_market_names_a_move_made_with_the_market() -> None:
    wrap = "Wall Street rallied after President Trump called off tariffs on Europe."
    assert not names_subject(_source(wrap, []))
    assert names_subject(_source(wrap, backdrop_words(["SPY"])))
    # "Stocks" alone is no word on the market: another group's stocks are not its move.
    banks = "Bank stocks came under pressure after the call for a cap on card rates."
    assert not names_subject(_source(banks, backdrop_words(["SPY"])))
    assert names_subject(_source(banks, backdrop_words(["XLF"])))  # a sector names it
    # Opening a sentence, bare "stocks" is the market ("Stocks Slide as Tech Slips, …").
    opens = "Stocks slid as tech slipped, while banks reported strong lending."
    assert names_subject(_source(opens, backdrop_words(["SPY"])))
    assert not names_subject(_source(opens, backdrop_words(["XLI"])))  # the market not measured
    assert not names_subject(_source(opens, []))


def test_backdrop_words_are_the_market_s_names_then_a_sector_s_without_bellwethers() -> None:
    words = backdrop_words(["XLK", "SPY"])
    assert words[: words.index("wall street")][:2] == ["tech stocks", "big tech"]
    assert set(MARKET_WORDS) <= set(words)
    assert "apple" not in [w.lower() for w in words] and "stocks" not in words


def test_the_drivers_tool_binds_each_article_to_the_backdrop_it_was_given(
    research_deps: ToolDeps,
) -> None:
    deps = replace(research_deps, as_of=date(2026, 1, 22))
    args = {"symbols": ["IYT"], "direction": "up", "start": "2026-01-21", "end": "2026-01-21"}
    plain = run_tool(deps, "news_drivers", args)
    assert not plain.error and plain.sources
    for n in plain.sources:
        source = deps.ledger.get(n)
        assert isinstance(source, NewsSource) and source.backdrop == []
    fresh = replace(deps, ledger=SourceLedger())
    wider = run_tool(fresh, "news_drivers", {**args, "backdrop": ["SPY"]})
    # Mostly the same articles: the market's own wraps of the day are read too, first, and the
    # budget keeps the sheet's size.
    read = [s.article_id for n in plain.sources if isinstance(s := deps.ledger.get(n), NewsSource)]
    also = [s.article_id for n in wider.sources if isinstance(s := fresh.ledger.get(n), NewsSource)]
    assert len(set(read) & set(also)) >= len(read) - 1 and len(also) >= len(read)
    for n in wider.sources:
        source = fresh.ledger.get(n)
        assert isinstance(source, NewsSource) and source.backdrop == list(MARKET_WORDS)
