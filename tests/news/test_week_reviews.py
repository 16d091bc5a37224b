"""A review of the move's week, out after the window's morning after but by the next week's first
session, is read for a move of part of that week (`copilot.news.evidence`,
`copilot.news.week_review`): Zacks' wrap of Friday January 16, 2026 looked back at regional
banks' week ("financial stocks suffered for most of the week … Bank stocks came under pressure
after Trump called for a 10% cap … on credit card interest rates"), which no article of January
12–14 told. Articles hand-written in the wraps' shape; dates from the NYSE calendar (January 19,
2026 is Martin Luther King Jr. Day)."""

from __future__ import annotations

from datetime import date

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsStore
from copilot.news.evidence import gather_evidence
from copilot.news.week_review import reviews_of_the_week, reviews_the_week
from ingest.news import ingest_paths

REVIEW = (
    "Meanwhile, financial stocks suffered for most of the week despite some major banks "
    "reporting robust earnings. Bank stocks came under pressure after Trump called for a 10% "
    "cap for one year on credit card interest rates."
)
OWN_DAY = "Shares of Wells Fargo & Company ended 0.7% lower."
LATER_DAY = "Bank stocks fell on Thursday after a regional lender flagged higher loan losses."
FILLER = "Traders watched the calendar and the earnings season gathered pace. " * 6


@pytest.mark.parametrize(
    ("end", "last"),
    [
        (date(2026, 1, 13), date(2026, 1, 20)),  # Tuesday: Friday the 16th, then MLK Monday
        (date(2025, 12, 31), date(2026, 1, 5)),  # Wednesday: Friday January 2, then Monday
        (date(2026, 1, 9), date(2026, 1, 12)),  # a Friday: the next Monday
    ],
)
def test_a_weeks_reviews_come_out_by_the_next_weeks_first_session(end: date, last: date) -> None:
    assert reviews_of_the_week(end) == last


@pytest.mark.parametrize(
    ("text", "reviews"),
    [
        (REVIEW, True),
        ("For the week, the Dow lost 0.3%.", True),
        ("In a holiday-shortened trading week, U.S. equities declined.", True),
        ("Stocks posted a weekly loss as banks slid.", True),
        (LATER_DAY, False),  # a day, not the week
        ("Banks report during the week ahead.", False),  # a week to come
    ],
)
def test_a_review_tells_the_week_as_a_whole(text: str, reviews: bool) -> None:
    assert reviews_the_week(text) is reviews


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    root = tmp_path_factory.mktemp("week-reviews")
    articles = [  # (file, title, url, published, body)
        ("review.md", "Stock Market News for Jan 19, 2026", "https://wrap.example/0119",
         "January 19, 2026", f"{FILLER}\n\n{REVIEW} {OWN_DAY}\n\n{FILLER}"),
        ("later.md", "Banks slide on loan worries", "https://daily.example/later",
         "January 16, 2026", f"{FILLER}\n\n{LATER_DAY}"),
        ("own.md", "Regional banks slip as bond yields rise", "https://daily.example/own",
         "January 13, 2026", "Regional banks fell on Tuesday as bond yields rose."),
    ]  # fmt: skip
    for name, title, url, published, body in articles:
        tracker_file(root / name, title=title, url=url, publisher="Wire", published=published,
                     summary=body[:120], body=body)  # fmt: skip
    news = NewsStore.open(Backend("embedded").settings(root / "data"), HashEmbedder())
    ingest_paths(news, [root])
    return news


def _titles(store: NewsStore, as_of: date) -> list[str]:
    found = gather_evidence(store, ["KRE"], "down", date(2026, 1, 12), date(2026, 1, 13), as_of)
    return [driver.hit.title for driver in found.drivers]


def test_the_weeks_review_is_read_for_a_move_of_part_of_it(store: NewsStore) -> None:
    titles = _titles(store, date(2026, 1, 20))
    assert "Stock Market News for Jan 19, 2026" in titles
    assert "Regional banks slip as bond yields rise" in titles
    # a later day's news that reviews no week is no cause of Monday's and Tuesday's fall
    assert "Banks slide on loan worries" not in titles


def test_no_review_is_read_before_it_came_out(store: NewsStore) -> None:
    assert "Stock Market News for Jan 19, 2026" not in _titles(store, date(2026, 1, 16))


def test_a_review_of_the_next_week_is_not_read(store: NewsStore) -> None:
    # the move of Tuesday January 20 is a week the January 19 piece does not review
    found = gather_evidence(store, ["KRE"], "down", date(2026, 1, 20), date(2026, 1, 20),
                            date(2026, 1, 26))  # fmt: skip
    assert "Stock Market News for Jan 19, 2026" not in [d.hit.title for d in found.drivers]


def test_only_the_look_back_of_a_review_is_read(store: NewsStore) -> None:
    # the wrap's own day's line ("Wells Fargo … ended 0.7% lower" was Friday's) is no part of
    # what the move of Monday and Tuesday is explained from
    found = gather_evidence(store, ["KRE"], "down", date(2026, 1, 12), date(2026, 1, 13),
                            date(2026, 1, 20))  # fmt: skip
    [review] = [d for d in found.drivers if d.hit.title == "Stock Market News for Jan 19, 2026"]
    assert "10% cap" in review.excerpt and "0.7%" not in review.excerpt
