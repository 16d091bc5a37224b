"""The days a reason names, read by hand against a calendar (2026-01-22 is a Thursday)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.claims.reason_days import after_publication, named_days, outside_move

THU = date(2026, 1, 22)


@pytest.mark.parametrize(
    ("sentence", "published", "days"),
    [
        (
            "Stocks rose on January 21, 2026, after the tariff threat was called off.",
            THU,
            [("2026-01-21", "2026-01-21")],
        ),
        # Each end of a range is a day of its own.
        (
            "The S&P 500 hit records on December 22-23 as CPI cooled.",
            date(2025, 12, 24),
            [("2025-12-22", "2025-12-22"), ("2025-12-23", "2025-12-23")],
        ),
        (
            "Gold rose from January 20 to 28, 2026, as the dollar slid.",
            date(2026, 1, 28),
            [("2026-01-20", "2026-01-20"), ("2026-01-28", "2026-01-28")],
        ),
        ("Banks slid on Dec. 31 as rates rose.", date(2026, 1, 2), [("2025-12-31", "2025-12-31")]),
        ("XLE rose on 2026-01-21 after oil jumped.", THU, [("2026-01-21", "2026-01-21")]),
        # A weekday is read in the article's week: the day itself, or the one before it.
        ("The S&P 500 climbed 0.5% Thursday.", THU, [("2026-01-22", "2026-01-22")]),
        ("Stocks slid on Friday.", THU, [("2026-01-16", "2026-01-16")]),
        ("The Fed meets next Wednesday.", THU, [("2026-01-28", "2026-01-28")]),
        ("Copper sold off last week.", THU, [("2026-01-12", "2026-01-18")]),
        # "Thursday, January 22" is one day, named once.
        ("Stocks rose Thursday, January 22, on earnings.", THU, [("2026-01-22", "2026-01-22")]),
        # Months, quarters and years are the periods data reports: not judged.
        ("CPI rose 0.3% in December, and GDP grew 4.3% in Q3 2025.", THU, []),
        ("Small caps led in January 2026.", THU, []),
    ],
)
def test_named_days(sentence: str, published: date, days: list[tuple[str, str]]) -> None:
    found = [(str(n.first), str(n.last)) for n in named_days(sentence, published)]
    assert found == days


def test_weekdays_of_an_article_dated_only_to_its_month_are_not_placed() -> None:
    assert named_days("Stocks slid on Friday.", THU, dated_to_day=False) == []
    assert [n.words for n in named_days("Stocks slid on Jan. 16.", THU, False)] == ["Jan. 16"]


def test_outside_the_move_allows_a_catalyst_a_few_days_before_and_nothing_after() -> None:
    monday = (date(2026, 1, 19), date(2026, 1, 19))
    assert outside_move("Stocks fell on January 16.", THU, monday) is None  # 3 days before
    early = outside_move("Stocks fell on January 15.", THU, monday)
    assert early is not None and early.words == "January 15"
    late = outside_move("Stocks rose on January 20.", THU, monday)
    assert late is not None and str(late.first) == "2026-01-20"
    assert outside_move("Stocks rose after the tariff threat was called off.", THU, monday) is None


def test_a_reason_dated_only_after_its_article_was_published() -> None:
    tuesday = date(2026, 1, 6)
    later = after_publication("Tesla led gains on January 9, 2026.", tuesday)
    assert later is not None and (later.words, later.first) == ("January 9, 2026", date(2026, 1, 9))
    # A span that starts by then, its own day, an undated sentence, an undated article: none.
    assert after_publication("Gold rose from January 5 to 9, 2026.", tuesday) is None
    assert after_publication("Stocks rose on January 6.", tuesday) is None
    assert after_publication("Stocks rose as tech led.", tuesday) is None
    assert after_publication("Stocks rose on Friday.", tuesday, dated_to_day=False) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Gold rose ahead of the January 30 crash due to concerns about Fed independence [4].",
        "Gold rose before January 30 on worries about the Fed [4].",
        "Gold rallied in the run-up to the January 30 selloff as the dollar slid [4].",
    ],
)
def test_a_day_the_move_came_before_is_no_day_of_its_reason(sentence: str) -> None:
    """The question's "ahead of the January 30 crash", echoed in a reason for the rise of
    January 14-28 drawn from a January 26 article: a bound, not the reason's day (every such
    draft had been withheld as dated outside the move and after its article)."""
    published, move = date(2026, 1, 26), (date(2026, 1, 14), date(2026, 1, 28))
    assert outside_move(sentence, published, move) is None
    assert after_publication(sentence, published) is None


def test_a_reason_dated_on_the_later_day_is_still_outside() -> None:
    sentence = "Gold rose on January 30 due to concerns about Fed independence [4]."
    published, move = date(2026, 1, 26), (date(2026, 1, 14), date(2026, 1, 28))
    named = outside_move(sentence, published, move)
    assert named is not None and named.first == date(2026, 1, 30)
    assert after_publication(sentence, published) is not None


@pytest.mark.parametrize(
    ("sentence", "published", "first", "last"),
    [
        # Found in the app (session 62) under Treasuries' rise of December 15-18, 2025.
        ("Fixed income rallied mid-year due to a choppy rally of US long duration government "
         "bonds [4].", date(2025, 12, 1), "2025-06-01", "2025-07-31"),
        ("Bonds have gained since mid-2025 on rate cuts [2].", date(2026, 1, 5),
         "2025-06-01", "2025-07-31"),
        ("Gold rallied over the summer on central bank buying [3].", date(2026, 1, 12),
         "2025-06-01", "2025-08-31"),
        ("Stocks slipped last spring on tariff fears [1].", date(2026, 1, 12),
         "2025-03-01", "2025-05-31"),
        ("Traders expect cuts this summer [1].", date(2026, 1, 12), "2026-06-01", "2026-08-31"),
    ],
)  # fmt: skip
def test_mid_year_and_the_seasons_are_days_of_the_articles_year(
    sentence: str, published: date, first: str, last: str
) -> None:
    named = named_days(sentence, published)
    assert [(n.first.isoformat(), n.last.isoformat()) for n in named] == [(first, last)]
    mid_december = (date(2025, 12, 15), date(2025, 12, 18))
    assert outside_move(sentence, published, mid_december) is not None


def test_the_fall_as_a_verb_and_a_bare_season_name_no_day() -> None:
    # "fall" is a move's verb; a season word with no article before it names no span.
    assert named_days("Stocks fall as summer trading thins out [1].", date(2026, 1, 5)) == []
