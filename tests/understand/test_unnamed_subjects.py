"""A why-question whose moving market no lookup knows ("why did lumber fall?") reports the
asker's words as an unknown name, so the answer says no stored market matches them instead of
explaining an unmeasured move from whatever a search of the question finds. Expected readings
written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand
from copilot.understand.unnamed import unnamed_subject

A = date(2026, 1, 28)


def _unnamed(question: str, catalog: Catalog) -> list[str]:
    settled = understand(question, A, catalog)
    return [name.phrase for name in settled.unknown if name.symbol is None]


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        # (home furnishings and defense contractors are the homebuilders' and the defense
        # fund's now: tests/understand/test_industry_words.py)
        ("Why did casino stocks gain on January 2, 2026?", "casino stocks"),
        ("Why did lumber fall on Jan 5?", "lumber"),
        ("What sent shipping stocks higher on Jan 12?", "shipping stocks"),
        ("why did cocoa prices crash", "cocoa prices"),
        ("cocoa crashed on Monday - why?", "cocoa"),
        ("lumber down 5% on Monday, what happened?", "lumber"),
        ("Why have egg prices been falling?", "egg prices"),
        ("what's behind the cocoa crash?", "cocoa"),
        ("what knocked tobacco stocks lower on Jan 7", "tobacco stocks"),
        ("What hammered cruise lines on Jan 20?", "cruise lines"),
        ("what lifted coffee futures on Jan 9?", "coffee futures"),
        ("how come orange juice futures ripped on Jan 6?", "orange juice futures"),
    ],
)
def test_the_words_for_an_unknown_market_are_reported(
    catalog: Catalog, question: str, phrase: str
) -> None:
    settled = understand(question, A, catalog)
    assert settled.why and settled.instruments == []
    assert _unnamed(question, catalog) == [phrase]
    name = settled.unknown[0]
    registries = "the market store or the symbol registry"
    assert name.reason == f"'{phrase}' names no instrument in {registries}"
    assert name.fix == "market-copilot ingest online --yahoo <ticker>"
    assert "instruments" not in settled.open_slots
    assert any(line.startswith(f"unknown: {phrase} → ") for line in settled.trace)


@pytest.mark.parametrize(
    "question",
    [
        "why did it fall?",  # a follow-up: the subject is the previous question's
        "and why did the sector drop?",
        "why did investors dump them on Friday?",  # an actor, not a market
        "Why did prices fall in December?",
        "What did the Fed decide, and why was the decision contentious?",  # no move
        "Why did small caps rally in January 2026?",  # stored
        "Why did shipping stocks and the S&P 500 fall on Jan 20?",  # one stored market named
        "How much did lumber fall on Jan 5?",  # a figure, not a why-question
    ],
)
def test_pointers_actors_and_named_markets_are_no_unknown_market(
    catalog: Catalog, question: str
) -> None:
    assert _unnamed(question, catalog) == []


def test_a_ticker_in_lower_case_is_named_by_its_company(catalog: Catalog) -> None:
    settled = understand("nvda dump context pls", A, catalog)
    assert [(n.phrase, n.symbol) for n in settled.unknown] == [("nvda", "NVDA")]
    assert settled.unknown[0].reason == "Nvidia (NVDA) is not in the market store"


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        ("retail names got hit right after the open, whats the news", "XRT"),
        ("why did bank names slide on Jan 13?", "XLF"),
    ],
)
def test_names_is_a_word_for_a_groups_stocks(catalog: Catalog, question: str, symbol: str) -> None:
    settled = understand(question, A, catalog)
    assert [i.symbol for i in settled.instruments] == [symbol] and settled.unknown == []


@pytest.mark.parametrize(
    "question",
    [
        "what was pressuring stocks on Tuesday?",
        "what's lifting the market today",
        "what is dragging equities lower this week",
        "what was hurting U.S. stocks on Jan 20?",
        "what has been weighing on Wall Street lately?",
        "what was pummeling US stocks on Jan 20?",
        "what's supporting stocks this week?",
        "what was propping up stocks on Friday",
        "what dragged down equities on Jan 20",
    ],
)
def test_a_verb_at_work_on_the_whole_market_names_the_benchmark(
    catalog: Catalog, question: str
) -> None:
    got = understand(question, A, catalog)
    assert got.why, got.trace
    assert [i.symbol for i in got.instruments] == ["SPY"], got.trace
    assert got.unknown == [], got.trace


def test_a_kind_of_stock_before_a_particle_is_not_the_whole_market(catalog: Catalog) -> None:
    got = understand("how did beaten down stocks do this week?", A, catalog)
    assert "SPY" not in [i.symbol for i in got.instruments], got.trace


@pytest.mark.parametrize(
    "question",
    ["why did US stocks slide on Jan 20?", "why did equities drop?",
     "U.S. stocks tumbled on Monday - why?", "what hammered wall street on Jan 20?"],
)  # fmt: skip
def test_the_reader_never_reports_the_whole_market_as_unknown(question: str) -> None:
    # Read alone (the full understanding finds SPY first): the whole market is stored.
    assert unnamed_subject(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "why did volatility calm down on january 22?",
        "why did volatility spike on january 20?",
        "what caused the jump in volatility on january 20?",
        "why did stock market volatility jump on january 20?",
        "volatility eased on the 22nd, what happened?",
    ],
)
def test_volatility_said_to_move_is_the_fear_gauge(catalog: Catalog, question: str) -> None:
    # The market's volatility named as what moved is the VIX's move, never an unknown name.
    settled = understand(question, A, catalog)
    assert [i.symbol for i in settled.instruments] == ["VIX"]
    assert settled.why and settled.unknown == []
    assert settled.intent is not None and settled.intent.measure == "return"


@pytest.mark.parametrize(
    ("question", "symbols"),
    [
        ("what was XLE's volatility in january?", ["XLE"]),  # a measure of the fund named
        ("why did volatility rise in tech stocks last week?", ["XLK"]),
    ],
)
def test_volatility_of_a_named_market_stays_its_measure(
    catalog: Catalog, question: str, symbols: list[str]
) -> None:
    settled = understand(question, A, catalog)
    assert [i.symbol for i in settled.instruments] == symbols
    assert settled.intent is not None and settled.intent.measure == "volatility"


@pytest.mark.parametrize(
    "question", ["why did treasury volatility jump?", "why did implied volatility jump on jan 20?"]
)
def test_another_markets_volatility_or_a_kind_of_it_is_not_the_fear_gauge(
    catalog: Catalog, question: str
) -> None:
    assert "VIX" not in [i.symbol for i in understand(question, A, catalog).instruments]
