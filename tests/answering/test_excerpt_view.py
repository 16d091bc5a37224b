"""The reason writer's view of an excerpt: a wrap's price lines left out, its causes kept."""

from __future__ import annotations

import pytest

from copilot.answering.excerpt_view import for_the_writer, the_rest
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


# A wrap's excerpt telling two causes, written here by hand after the stored AP and Zacks wraps.
TWO_CAUSES = (
    "… Oil prices ended Wednesday higher, supported by optimism over tighter supply following a "
    "temporary shutdown at two major oil fields in Kazakhstan. Signs of constrained Venezuelan "
    "exports also aided. … Natural gas prices also jumped after forecasts of a severe Arctic "
    "cold wave lifted expectations for heating demand."
)
GAS = (
    "Natural gas prices also jumped after forecasts of a severe Arctic cold wave lifted "
    "expectations for heating demand."
)


def test_the_rest_is_the_cause_the_first_draft_did_not_take() -> None:
    oil = ("Oil prices ended higher due to optimism over tighter supply following a temporary "
           "shutdown at two major oil fields in Kazakhstan [2].")  # fmt: skip
    assert the_rest(TWO_CAUSES, oil, ["oil", "natural gas", "energy"]) == GAS
    # The second cause names no market of the move: no second turn.
    assert the_rest(TWO_CAUSES, oil, ["oil", "crude"]) is None
    # Drafted from the gas line, the rest is the oil line (the Venezuelan line gives no cause
    # word and is left out).
    rest = the_rest(TWO_CAUSES, f"{GAS} [2]", ["oil", "natural gas"])
    assert rest is not None and rest.startswith("Oil prices ended Wednesday higher")
    assert "Venezuelan" not in rest and "Natural gas" not in rest


def test_an_earlier_cause_the_draft_passed_over_is_the_rest() -> None:
    excerpt = (
        "Crude prices slipped after recent gains as traders focused on signs of softer demand "
        "growth in major consuming economies. Analysts noted that high inventories and concerns "
        "about a slowdown in global manufacturing are limiting the upside for Brent and WTI."
    )
    draft = ("High inventories and concerns about a slowdown in global manufacturing are "
             "limiting the upside for Brent and WTI [2].")  # fmt: skip
    assert the_rest(excerpt, draft, ["crude", "oil", "WTI"]) == (
        "Crude prices slipped after recent gains as traders focused on signs of softer demand "
        "growth in major consuming economies."
    )


def test_no_second_turn_when_it_would_be_shown_what_the_first_was() -> None:
    # A draft that took nothing: its rest is the whole view, and the turn would be the same.
    made_up = "Small caps rallied because shipping rates in Asia collapsed [2]."
    assert the_rest(GAS, made_up, ["natural gas"]) is None
    # Nothing left that gives a cause: a scenario, a bare price line, the line the draft took.
    rest_of_nothing = (
        "Oil could rise further in a very adverse scenario. WTI crude gained 26 cents, or 0.4%, "
        "to finish at $60.62/barrel. " + GAS
    )
    assert the_rest(rest_of_nothing, f"{GAS} [2]", ["oil", "natural gas", "WTI"]) is None


def test_a_line_pointing_back_to_the_story_the_draft_took_is_no_rest() -> None:
    # After the stored Zacks wrap of December 19: the line after the TikTok story points back
    # to it, so a draft that told the story leaves nothing; one that told the chips leaves it.
    excerpt = (
        "TikTok's U.S. operations will be sold to a new joint venture including Oracle, as the "
        "tech rally was powered by the deal news. Following the news, the stock price of Oracle "
        "climbed 6.6%. Chip stocks rose after reports that Nvidia could sell H200 chips to China."
    )
    told = ("TikTok's U.S. operations will be sold to a new joint venture including Oracle, "
            "powering the tech rally [2].")  # fmt: skip
    tech = ["tech", "technology", "chip", "nvidia", "oracle"]  # the sector's words and members
    assert the_rest(excerpt, told, tech) == (
        "Chip stocks rose after reports that Nvidia could sell H200 chips to China."
    )


def test_a_sentence_the_draft_told_in_other_words_is_no_rest() -> None:
    # After the stored AP wrap of January 15: the draft says "fell" for "eased"; the rest would
    # have been the same sentence again (a second turn writing the same reason).
    excerpt = (
        "Also helping to calm the market were oil prices, which eased sharply on hopes for "
        "calming tensions in Iran. Treasury yields and stocks of smaller companies rose "
        "following encouraging reports on the U.S. economy."
    )
    draft = "Oil prices fell sharply on hopes for calming tensions in Iran [2]."
    assert the_rest(excerpt, draft, ["oil", "crude", "WTI"]) is None
