"""A week's review out on the weekend or on its week's first session tells the week before.

"Weekly Market Navigator, Jan 5, 2026" opened "In a holiday-shortened trading week, … All major
indices declined": the week that ended on Friday, January 2, 2026, read as Monday January 5's
news. Sessions are the NYSE's (January 1 and January 19, 2026 were holidays), worked out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.news.week_review import reviewed_week

REVIEW = (
    "In a holiday-shortened trading week, the lackluster performance of U.S. equities "
    "was the theme."
)


@pytest.mark.parametrize(("sentence", "published", "week"), [
    # Out on Monday January 5: the holiday week of December 29 to Friday January 2.
    (REVIEW, date(2026, 1, 5), (date(2025, 12, 29), date(2026, 1, 2))),
    # Out on a Saturday: the week that just ended.
    ("Stocks fell this week as yields rose.", date(2026, 1, 17),
     (date(2026, 1, 12), date(2026, 1, 16))),
    # Out on Tuesday January 20, after Martin Luther King Day: still the week before.
    ("Stocks fell last week.", date(2026, 1, 20), (date(2026, 1, 12), date(2026, 1, 16))),
    # A week whose Monday was a holiday starts on its Tuesday (read on Saturday January 24).
    ("For the week, the S&P 500 slipped as the trading week ended.", date(2026, 1, 24),
     (date(2026, 1, 20), date(2026, 1, 23))),
])  # fmt: skip
def test_a_review_tells_the_week_before(sentence: str, published: date,
                                        week: tuple[date, date]) -> None:  # fmt: skip
    found = reviewed_week(sentence, published)
    assert found is not None and (found.first, found.last) == week


@pytest.mark.parametrize(("sentence", "published"), [
    ("Stocks fell last week.", date(2026, 1, 21)),  # a Wednesday: the week under way, or not
    ("The week ahead brings the CPI report.", date(2026, 1, 12)),  # a week to come
    ("This week will test the rally.", date(2026, 1, 12)),
    ("Stocks rose on Monday.", date(2026, 1, 5)),  # no week named
])  # fmt: skip
def test_no_week_is_placed_where_it_is_unclear(sentence: str, published: date) -> None:
    assert reviewed_week(sentence, published) is None


def test_this_week_on_a_monday_may_be_the_week_begun() -> None:
    # Fidelity's "Week in the markets" out on Monday January 12, 2026 told that day's record
    # in gold: "This week" there is not placed.
    sentence = (
        "This week in the markets: the year end melt-up continues into 2026 as "
        "investors shrug off geo-political upheavals; and gold hits a new record."
    )
    assert reviewed_week(sentence, date(2026, 1, 12)) is None
    found = reviewed_week(sentence, date(2026, 1, 10))  # out on the Saturday before: that week
    assert found is not None and (found.first, found.last) == (date(2026, 1, 5), date(2026, 1, 9))
