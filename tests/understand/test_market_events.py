"""A why-question that names the whole market by its event alone ("was the selloff on tuesday
jan 20 about greenland?") asks about the US stock market (SPY), as "stocks" would; an event
whose words name something else ("the lumber selloff") is still an unknown name, and a
follow-up's event is the previous question's market. Expected readings written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.answering.memory import follow_up
from copilot.understand import Catalog, understand

A = date(2026, 1, 30)
D = date


@pytest.mark.parametrize(
    ("question", "start", "end", "direction"),
    [
        ("was the selloff on tuesday jan 20 about greenland?",
         D(2026, 1, 20), D(2026, 1, 20), "down"),
        ("what caused the selloff on jan 20?", D(2026, 1, 20), D(2026, 1, 20), "down"),
        ("why the big rally on jan 21?", D(2026, 1, 21), D(2026, 1, 21), "up"),
        ("explain the crash on jan 20", D(2026, 1, 20), D(2026, 1, 20), "down"),
        ("what was behind wednesday's rebound?", D(2026, 1, 28), D(2026, 1, 28), "up"),
        ("was the jan 20 sell-off all about tariffs?", D(2026, 1, 20), D(2026, 1, 20), "down"),
        ("why the sharp pullback in early december?", D(2025, 12, 1), D(2025, 12, 10), "down"),
    ],
)  # fmt: skip
def test_an_event_alone_is_the_whole_markets(
    catalog: Catalog, question: str, start: date, end: date, direction: str
) -> None:
    settled = understand(question, A, catalog)
    assert settled.why, settled.trace
    assert [(i.symbol, i.how) for i in settled.instruments] == [("SPY", "implied")], settled.trace
    assert settled.unknown == []
    assert settled.direction == direction
    assert settled.window is not None
    assert (settled.window.start, settled.window.end) == (start, end), settled.trace
    assert any("no market named" in line for line in settled.trace)


def test_an_event_of_another_market_is_not_the_whole_markets(catalog: Catalog) -> None:
    settled = understand("why the lumber selloff on jan 5?", A, catalog)
    assert settled.instruments == []
    assert [u.phrase for u in settled.unknown] == ["lumber"]
    # a market named after its event: not the whole market's either
    assert understand("why did the rally in cocoa fade on jan 9?", A, catalog).instruments == []


@pytest.mark.parametrize(
    "question",
    [
        "was the selloff in gold on jan 30 about the dollar?",  # gold is named
        "why did stocks sell off on jan 20?",  # "stocks" names it, as before
    ],
)
def test_a_named_market_is_not_implied(catalog: Catalog, question: str) -> None:
    settled = understand(question, A, catalog)
    assert [i.how for i in settled.instruments] != ["implied"]


def test_a_news_question_about_an_event_names_no_market(catalog: Catalog) -> None:
    # what the articles say is read whatever market they tell (the app's hostile-article test)
    settled = understand("what is the news saying about the rally?", A, catalog)
    assert settled.instruments == []


def test_a_superlative_event_is_no_implied_market(catalog: Catalog) -> None:
    # "the biggest drop in january" ranks the stored funds; no market is taken as named
    settled = understand("what was the biggest drop in january?", A, catalog)
    assert all(i.how != "implied" for i in settled.instruments)


@pytest.mark.parametrize(
    ("question", "guess"),
    [
        ("was the selloff on tuesday jan 20 about greenland?", "greenland"),
        ("is the jump in yields all about the deficit?", "the deficit"),
        ("was the rally on jan 21 just about the tariff reversal?", "the tariff reversal"),
    ],
)
def test_what_the_event_was_about_is_the_guess(catalog: Catalog, question: str, guess: str) -> None:
    settled = understand(question, A, catalog)
    assert settled.guess == guess
    assert settled.unknown == []  # "greenland" is the cause put to the test, not a market


def test_about_to_is_no_guess(catalog: Catalog) -> None:
    assert understand("is the rally in gold about to end?", A, catalog).guess is None


def test_a_follow_ups_event_is_the_previous_markets(catalog: Catalog) -> None:
    first = understand("why did XLE fall on jan 20?", A, catalog)
    later = understand("was the selloff about greenland?", A, catalog)
    assert [i.symbol for i in later.instruments] == ["SPY"]
    settled = follow_up(later, first)
    assert [i.symbol for i in settled.instruments] == ["XLE"]
    assert not any("no market named" in line for line in settled.trace)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # The market's people moved (found in the app, session 59: no market named at all).
        ("what spooked investors on the friday before christmas?", D(2025, 12, 19)),
        ("why were traders so nervous on jan 20?", D(2026, 1, 20)),
        ("why were investors so bullish on jan 21?", D(2026, 1, 21)),
    ],
)
def test_the_markets_people_moved_are_the_whole_market(
    catalog: Catalog, question: str, start: date
) -> None:
    got = understand(question, A, catalog)
    assert [(i.symbol, i.how) for i in got.instruments] == [("SPY", "implied")], got.trace
    assert got.window is not None and got.window.start == start, got.trace


@pytest.mark.parametrize(
    "question",
    [
        "what are investors worried about?",  # the news, read as such
        "what did investors make of the jobs report?",
    ],
)
def test_what_investors_say_is_no_move_of_the_market(catalog: Catalog, question: str) -> None:
    assert understand(question, A, catalog).instruments == []
