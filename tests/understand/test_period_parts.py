# ruff: noqa: E501  (a table of cases reads best one case a line)
"""A part of a period named by its place in the calendar: "the first week of the year", "the
last two weeks of 2025", "the month's final week", "the first 10 trading days of the year".

Windows are worked out by hand from docs/windows-and-measures.md: a week of a period is seven
calendar days from its edge (N weeks: 7·N days); a count of sessions or trading days is that
many NYSE sessions (2026-01-01 is a holiday; 2026-01-02 is the year's first session); "the year"
with an end part asked outside December is the year that ended.
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date


# fmt: off
PARTS = [
    # (question, as of, symbol, window start, window end)
    ("what sent crude lower in the first week of the year", D(2026, 1, 30), "WTI", D(2026, 1, 1), D(2026, 1, 7)),
    ("how did gold do in the last week of the year?", D(2026, 1, 14), "GLD", D(2025, 12, 25), D(2025, 12, 31)),
    ("small caps in the opening week of this year", D(2026, 1, 30), "IWM", D(2026, 1, 1), D(2026, 1, 7)),
    ("xle over the closing week of last year", D(2026, 1, 30), "XLE", D(2025, 12, 25), D(2025, 12, 31)),
    ("why did tech slide over the first two weeks of december", D(2026, 1, 9), "XLK", D(2025, 12, 1), D(2025, 12, 14)),
    ("what dragged banks during the last three weeks of 2025", D(2026, 1, 9), "XLF", D(2025, 12, 11), D(2025, 12, 31)),
    ("how did spy trade in the year's first session", D(2026, 1, 16), "SPY", D(2026, 1, 2), D(2026, 1, 2)),
    ("qqq on the first trading day of this month", D(2026, 2, 11), "QQQ", D(2026, 2, 2), D(2026, 2, 2)),
    ("what moved XLU in the second week of this month", D(2026, 2, 18), "XLU", D(2026, 2, 8), D(2026, 2, 14)),
    ("why was xlv weak in the month's final week", D(2026, 1, 30), "XLV", D(2026, 1, 25), D(2026, 1, 31)),
    ("how much did silver gain in the first 3 trading days of the year", D(2026, 2, 3), "SLV", D(2026, 1, 2), D(2026, 1, 6)),
    ("tlt in the last week of last month", D(2026, 1, 14), "TLT", D(2025, 12, 25), D(2025, 12, 31)),
    # A vague count of weeks is its number (a few: 3; a couple: 2), a vague count of days a week.
    ("how did oil do in the first few weeks of the year", D(2026, 1, 30), "WTI", D(2026, 1, 1), D(2026, 1, 21)),
    ("spy over the last couple weeks of 2025", D(2026, 1, 30), "SPY", D(2025, 12, 18), D(2025, 12, 31)),
    ("oil in the first few days of january", D(2026, 1, 30), "WTI", D(2026, 1, 1), D(2026, 1, 7)),
    # Quarters and halves of a year named by its place; asked in January, the year's end is 2025's.
    ("iwm in the final quarter of last year", D(2026, 1, 30), "IWM", D(2025, 10, 1), D(2025, 12, 31)),
    ("iwm in the last quarter of the year", D(2026, 1, 30), "IWM", D(2025, 10, 1), D(2025, 12, 31)),
    ("gold over the year's final quarter", D(2026, 1, 30), "GLD", D(2025, 10, 1), D(2025, 12, 31)),
    ("spy in the second half of the year", D(2026, 1, 30), "SPY", D(2025, 7, 1), D(2025, 12, 31)),
    # "the days leading up to D" with no count is the week before it, as "the days before D".
    ("iwm in the days leading up to christmas", D(2026, 1, 30), "IWM", D(2025, 12, 18), D(2025, 12, 24)),
    # "The new year" is the year that began last (was no period, or New Year's Day's session);
    # the first / last month of a year is its January / December.
    ("which corner of the market got clobbered worst in the first week of the new year?", D(2026, 1, 30), None, D(2026, 1, 1), D(2026, 1, 7)),
    ("how did stocks do in the new year's first week?", D(2026, 1, 30), "SPY", D(2026, 1, 1), D(2026, 1, 7)),
    ("how did gold fare in the first two weeks of the new year", D(2026, 1, 30), "GLD", D(2026, 1, 1), D(2026, 1, 14)),
    # A full week is a Monday-to-Friday week wholly inside the period (2026-01-01 is a Thursday,
    # so January's first full week starts on Monday the 5th; 2025-12-29 to 31 is no full week).
    ("explain the slide in long-dated treasuries during the first full week of january", D(2026, 1, 30), "TLT", D(2026, 1, 5), D(2026, 1, 9)),
    ("how did gold do in the last full week of 2025?", D(2026, 1, 30), "GLD", D(2025, 12, 22), D(2025, 12, 26)),
    ("spy in the second full week of december", D(2026, 1, 30), "SPY", D(2025, 12, 8), D(2025, 12, 12)),
    ("xlk during the final full trading week of the year", D(2026, 1, 30), "XLK", D(2025, 12, 22), D(2025, 12, 26)),
    ("qqq in the first full week of the new year", D(2026, 1, 30), "QQQ", D(2026, 1, 5), D(2026, 1, 9)),
    # A part of a named week is its days, as "early this week" is of this one: early Monday and
    # Tuesday, mid Tuesday to Thursday, late (the end) Thursday and Friday (was the whole week).
    ("what dragged regional lenders down early in the week of jan 12?", D(2026, 1, 30), "KRE", D(2026, 1, 12), D(2026, 1, 13)),
    ("xle late in the week of january 5", D(2026, 1, 30), "XLE", D(2026, 1, 8), D(2026, 1, 9)),
    ("spy at the end of the week of jan 12", D(2026, 1, 30), "SPY", D(2026, 1, 15), D(2026, 1, 16)),
    ("why did oil fall mid week of jan 12", D(2026, 1, 30), "WTI", D(2026, 1, 13), D(2026, 1, 15)),
    ("how did gold do in the week of jan 12", D(2026, 1, 30), "GLD", D(2026, 1, 12), D(2026, 1, 16)),
    ("how did gold do in the first month of the year?", D(2026, 2, 18), "GLD", D(2026, 1, 1), D(2026, 1, 31)),
    ("what did tlt do in the last month of last year", D(2026, 2, 18), "TLT", D(2025, 12, 1), D(2025, 12, 31)),
    ("which way did xlu go in the year's final month", D(2026, 1, 30), "XLU", D(2025, 12, 1), D(2025, 12, 31)),
    # Asked in December, the year's last week is this year's.
    ("which way did IWM go in the final week of the year", D(2025, 12, 30), "IWM", D(2025, 12, 25), D(2025, 12, 31)),
]
# fmt: on


@pytest.mark.parametrize(("question", "as_of", "symbol", "start", "end"), PARTS)
def test_a_part_of_a_period_named_by_its_place(
    question: str, as_of: date, symbol: str | None, start: date, end: date, catalog: Catalog
) -> None:
    got = understand(question, as_of, catalog)
    if symbol is not None:  # None: a set, whose window alone is the case
        assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None, got.trace
    assert (got.window.start, got.window.end or as_of) == (start, min(end, as_of)), got.trace


def test_looking_ahead_the_year_is_this_one(catalog: Catalog) -> None:
    # A forecast's "last week of the year" is not behind us: this year's, which no data shows.
    got = understand("will gold rally in the last week of the year?", D(2026, 1, 30), catalog)
    assert got.window is None and len(got.problems) == 1, got.trace
    assert got.problems[0].startswith("2026-12-25 is after the as-of date 2026-01-30"), got.trace


@pytest.mark.parametrize(
    ("question", "loose"),
    [
        ("why did silver collapse at the end of january?", True),
        ("why did gold spike in late january?", True),
        ("what pushed transport stocks higher around jan 21?", True),
        ("why did gold rally in january?", False),  # a calendar period named outright
        ("why did gold rally from january 5 to january 9?", False),
    ],
)
def test_a_part_of_a_period_is_a_loose_window(catalog: Catalog, question: str, loose: bool) -> None:
    """A loose window lets the move asked about inside it be the one explained (`why._move`)."""
    window = understand(question, date(2026, 1, 30), catalog).window
    assert window is not None and window.loose is loose


@pytest.mark.parametrize(
    ("question", "symbol", "start"),
    [
        ("was it a good month for small caps?", "IWM", D(2026, 1, 1)),
        ("rough week for tech?", "XLK", D(2026, 1, 26)),
        ("has it been a bad year for bonds", "AGG", D(2026, 1, 1)),
    ],
)
def test_a_period_judged_is_the_one_running_now(
    catalog: Catalog, question: str, symbol: str, start: date
) -> None:
    """These named no window and no measure: the model was left to judge the latest session."""
    [call] = understand(question, D(2026, 1, 30), catalog).calls
    assert (call.symbols, call.measure, call.start, call.end) == ([symbol], "return", start, None)


@pytest.mark.parametrize(
    "question", ["will it be a good year for bonds?", "a good week to buy gold?"]
)
def test_a_forecast_or_advice_is_no_period_judged(catalog: Catalog, question: str) -> None:
    assert understand(question, D(2026, 1, 30), catalog).intent is None
