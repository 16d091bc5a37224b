"""Buy lists are advice, never a move's news."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsStore
from copilot.news.advice import is_buy_list
from copilot.news.evidence import gather_evidence
from ingest.news import ingest_paths


@pytest.mark.parametrize(
    "title",
    [
        "10 Best Stocks to Buy Now: Top Picks for January 2026",
        "5 Stocks To BUY HEAVY In January 2026",
        "Top stocks to buy or sell today: Stock market recommendations for January 13, 2026",
        "The Best Tech Stocks to Buy in January for 2026 Gains",
        "5 Best-Performing Growth Stocks for January 2026",
        "Three energy ETFs to watch this winter",
        "Our analysts' stock picks for the new year",
    ],
)
def test_a_list_of_holdings_to_buy_sell_or_watch_is_advice(title: str) -> None:
    assert is_buy_list(title)


@pytest.mark.parametrize(
    "title",
    [
        "Stocks Rise as Slower Payroll Growth Eases Rate Cut Uncertainty",
        "January Rally Is Here: These Stocks Are Surging to Start 2026",
        "Big Tech Drags Stocks Lower as Traders Brace for Trump Policy Moves",
        "It will be a good year for these small value stocks",
        "Investors rush to buy Treasuries as stocks slide",  # a move's news: no holdings to buy
        "Stock Watch - 22 Jan 2026",
    ],
)
def test_news_of_a_move_is_not_advice(title: str) -> None:
    assert not is_buy_list(title)


def test_a_buy_list_is_never_a_drivers_article(tmp_path: Path) -> None:
    # Both name chip stocks climbing on the move's day; only the wrap is news of the move.
    articles = [  # (file, title, body)
        ("wrap.md", "Chip stocks climb as Micron lifts its outlook",
         "Chip stocks climbed on Thursday after Micron raised its forecast."),
        ("picks.md", "5 Chip Stocks to Buy Now",
         "Chip stocks climbed on Thursday. Broadcom is a strong cash-flow company that usually "
         "gains when businesses invest in computing."),
    ]  # fmt: skip
    for name, title, body in articles:
        tracker_file(tmp_path / name, title=title, url=f"https://wires.example/{name}",
                     publisher=f"Wires {name}", published="December 18, 2025", summary=body,
                     body=body)  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    thursday = date(2025, 12, 18)
    evidence = gather_evidence(store, ["SMH"], "up", thursday, thursday, date(2025, 12, 19),
                               min_similarity=0.0)  # fmt: skip
    assert [d.title for d in evidence.drivers] == ["Chip stocks climb as Micron lifts its outlook"]
    assert "5 Chip Stocks to Buy Now" not in {d.title for d in evidence.ranked}
