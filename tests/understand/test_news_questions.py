"""Questions about what the articles say ("what did the news say about X", "what are analysts
saying", "summarize the latest headlines") are answered like a why-question: the move, then the
news around it — never a measure alone. Expected readings written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 23)


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        ("What are analysts saying about small caps this month?", "IWM"),
        ("Summarize the latest news on gold and the risks mentioned.", "GLD"),
        ("What did the news say about utilities in the week to January 23, 2026?", "XLU"),
        ("any headlines on regional banks lately?", "KRE"),
        ("what's the coverage of energy stocks been like this week?", "XLE"),
        ("What were strategists saying about the 10-year yield in January?", "US10Y"),
        ("Tell me what's being said about chip stocks.", "SMH"),
    ],
)
def test_news_questions_are_read_like_why_questions(
    catalog: Catalog, question: str, symbol: str
) -> None:
    settled = understand(question, A, catalog)
    assert settled.why and [i.symbol for i in settled.instruments][:1] == [symbol]
    assert any(line.startswith("news:") for line in settled.trace)
    assert not any("not a measure" in line for line in settled.trace)


@pytest.mark.parametrize(
    "question",
    ["How did XLE do this month?", "What was the VIX on January 20, 2026?",
     "Which sector did best this week?"],
)  # fmt: skip
def test_market_questions_stay_market_questions(catalog: Catalog, question: str) -> None:
    assert not understand(question, A, catalog).why
