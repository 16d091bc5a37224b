"""The reason writer's view of an excerpt: a wrap's price lines left out, its causes kept."""

from __future__ import annotations

import pytest

from copilot.answering.excerpt_view import for_the_writer
from copilot.answering.reason_turns import reason_messages

OIL_WRAP = (
    "… Oil prices ended Wednesday higher, supported by optimism over tighter supply following a "
    "shutdown at two oil fields in Kazakhstan. Brent crude settled up 32 cents, or 0.5%, at "
    "$65.24/barrel, while WTI crude gained 26 cents, or 0.4%, to finish at $60.62/barrel."
)
INDEX_WRAP = (
    "The U.S. stock market rebounded after the president called off tariffs on Europe … The "
    "Nasdaq composite rose 270.50 points, or 1.2%, to 23,224.82. The Russell 2000 index rose "
    "52.81 points, or 2%, to 2,698.17."
)


@pytest.mark.parametrize(
    ("excerpt", "shown"),
    [
        (OIL_WRAP,
         "… Oil prices ended Wednesday higher, supported by optimism over tighter supply "
         "following a shutdown at two oil fields in Kazakhstan."),
        (INDEX_WRAP,
         "The U.S. stock market rebounded after the president called off tariffs on Europe …"),
        ("U.S. crude jumped 2.4% to settle at $58.08 per barrel. Energy stocks gained ground "
         "along with rising oil prices.",
         "Energy stocks gained ground along with rising oil prices."),
    ],
)  # fmt: skip
def test_a_price_line_without_a_cause_is_left_out(excerpt: str, shown: str) -> None:
    assert for_the_writer(excerpt) == shown


@pytest.mark.parametrize(
    "excerpt",
    [
        # a release's reading is the news
        "The Consumer Confidence Index declined by 3.8 points in December to 89.1. Retailers "
        "slipped.",
        "The September jobs report came in with 119,000 jobs added versus estimates of 51,000. "
        "Stocks rose.",
        # a price line that gives its cause
        "The Dow rose 0.2% to close at 48,442.41 after a choppy session. Banks led.",
        "Gold rose to $4,500 an ounce as the dollar weakened. Silver followed.",
        # a company's plan
        "TSMC plans $52-56B capex; Micron invests in production.",
        # nothing but price lines: all the article says
        "The Dow rose 319.10 points, or 0.7%, to 48,382.39. The Nasdaq fell 6.36 points, or "
        "less than 0.1%, to 23,235.63.",
    ],
)
def test_news_and_a_line_of_price_lines_alone_are_shown_whole(excerpt: str) -> None:
    assert for_the_writer(excerpt) == excerpt


def test_the_reason_turn_shows_the_view_and_keeps_the_citation_number() -> None:
    messages = reason_messages(3, OIL_WRAP, "XLE rose 1.2% on 2026-01-21", _FIELDS)
    user = messages[-1]["content"]
    assert "Kazakhstan" in user
    assert "$65.24" not in user and "32 cents" not in user
    assert "[3]" in user


_FIELDS = {"question": "What drove energy stocks on January 21?", "as_of": "2026-01-22",
           "premise": ""}  # fmt: skip
