"""The Time Sensitivity Assessment is code's: dates counted here by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from copilot.research.freshness import time_sensitivity
from copilot.sources import NewsSource


def _article(day: date) -> NewsSource:
    return NewsSource(
        article_id=str(day), chunk_id=f"{day}:0", title="t", publisher="AP",
        published_at=datetime(day.year, day.month, day.day, 15, tzinfo=UTC),
        url=f"https://example.org/{day}", text="x",
    )  # fmt: skip


def test_the_data_and_the_articles_ages_on_the_as_of_date() -> None:
    cited = [_article(date(2026, 1, 15)), _article(date(2026, 1, 9)), _article(date(2026, 1, 21))]
    text = time_sensitivity(date(2026, 1, 23), date(2026, 1, 23), True, cited)
    assert text.startswith("The market figures use data through 2026-01-23, the as-of date. ")
    # 2026-01-21 to 2026-01-23: 2 days.
    assert (
        "The 3 articles cited were published from 2026-01-09 to 2026-01-21; the newest is "
        "2 days old then."
    ) in text
    assert text.endswith("run the report again after ingesting newer data to update it.")


def test_a_weekend_as_of_date_says_how_old_the_last_session_is() -> None:
    # As of Sunday 2026-01-25, the last session was Friday 2026-01-23: 2 days before.
    text = time_sensitivity(
        date(2026, 1, 25), date(2026, 1, 23), True, [_article(date(2026, 1, 24))]
    )
    assert "data through 2026-01-23, 2 days before the as-of date 2026-01-25." in text
    assert "The article cited was published on 2026-01-24, 1 day before the as-of date." in text


def test_articles_of_the_as_of_date_itself() -> None:
    day = date(2026, 1, 23)
    one = time_sensitivity(day, day, True, [_article(day)])
    assert "The article cited was published on the as-of date." in one
    two = time_sensitivity(day, day, True, [_article(day), _article(date(2026, 1, 22))])
    assert (
        "published from 2026-01-22 to 2026-01-23; the newest is from the as-of date itself." in two
    )


def test_no_market_figures_and_no_articles_say_only_what_was_not_read() -> None:
    text = time_sensitivity(date(2026, 1, 23), date(2026, 1, 23), False, [])
    assert text == (
        "Nothing dated after 2026-01-23 was read: each later session changes the measured "
        "figures, and later news can change the reasons, so run the report again after "
        "ingesting newer data to update it."
    )
