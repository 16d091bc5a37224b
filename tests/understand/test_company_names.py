"""Company names as people write them, against the real constituents list (read plainly here)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from copilot.understand import Catalog, understand
from copilot.understand.catalog import Stored

A = date(2026, 2, 18)


@pytest.fixture(scope="module")
def constituents_catalog(shared_data: Path) -> Catalog:
    path = shared_data / "market" / "reference" / "sp500_constituents.csv"
    with path.open(newline="") as handle:
        names = {row["Symbol"]: row["Security"] for row in csv.DictReader(handle)}
    stored = {"SPY": Stored("bars", date(2025, 2, 19), date(2026, 2, 18), 251)}
    return Catalog(stored=stored, names=names)


@pytest.mark.parametrize(
    ("written", "symbol"),
    [
        ("Nvidia", "NVDA"), ("NVIDIA's", "NVDA"), ("Apple Inc.", "AAPL"), ("apple", "AAPL"),
        ("JPMorgan", "JPM"), ("JP Morgan", "JPM"), ("Johnson & Johnson", "JNJ"),
        ("Johnson and Johnson", "JNJ"), ("Procter & Gamble", "PG"), ("Coca-Cola", "KO"),
        ("coca cola", "KO"), ("Eli Lilly", "LLY"), ("Google", "GOOGL"), ("Alphabet", "GOOGL"),
        ("Facebook", "META"), ("Meta", "META"), ("McDonalds", "MCD"), ("McDonald's", "MCD"),
        ("Berkshire", "BRK.B"), ("Exxon", "XOM"), ("Goldman Sachs", "GS"),
        ("Bank of America", "BAC"), ("Home Depot", "HD"), ("Tesla", "TSLA"),
        ("Estée Lauder", "EL"), ("Estee Lauder", "EL"), ("Target", "TGT"), ("3M", "MMM"),
        ("Delta Air Lines", "DAL"), ("AT&T", "T"), ("S&P Global", "SPGI"), ("Amex", "AXP"),
    ],
)  # fmt: skip
def test_company_names(written: str, symbol: str, constituents_catalog: Catalog) -> None:
    got = understand(f"How did {written} do this year?", A, constituents_catalog)
    assert [u.symbol for u in got.unknown] == [symbol], got.trace
    assert got.instruments == []


@pytest.mark.parametrize(
    "question",
    [
        "what's the target for the S&P this year?",  # "target" is a word, "Target" a company
        "WHAT WAS THE LOW FOR SPY THIS YEAR",  # shouted: LOW is not Lowe's
        "how did stocks do after the ON switch",  # ON is a word here
        "How did SPY do, and is it ALL priced in?",
    ],
)
def test_words_that_are_also_tickers_stay_words(
    question: str, constituents_catalog: Catalog
) -> None:
    got = understand(question, A, constituents_catalog)
    assert got.unknown == [], got.trace
