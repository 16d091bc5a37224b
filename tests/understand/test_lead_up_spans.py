"""Spans people type around a day or a period: "heading into" a day, "on the eve of" it, "a
fortnight ago", "a handful of sessions", "week over week", "by the end of the week".

Dates by hand from the NYSE calendar: asked on Friday, January 30, 2026; the Fed's decision of
January 28, 2026 (a Wednesday); Christmas, Thursday December 25, 2025; New Year's Day, Thursday
January 1, 2026; this week January 26–30, last week January 20–23 (MLK Day, the 19th, closed).
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date
AS_OF = D(2026, 1, 30)

# fmt: off
SPANS = [
    # The seven days up to and through the day: had been the day alone ("into Christmas": the
    # session before it) or the why-question's default of 20 sessions ("into the new year").
    ("why did gold run up into Christmas", "GLD", D(2025, 12, 19), D(2025, 12, 25)),
    ("what did tech do heading into the Fed decision", "XLK", D(2026, 1, 22), D(2026, 1, 28)),
    ("why did XLE rise heading into the new year", "XLE", D(2025, 12, 26), D(2026, 1, 1)),
    ("how did gold do going into year-end", "GLD", D(2025, 12, 25), D(2025, 12, 31)),
    # The week before it, as "the run-up to" is.
    ("what happened to gold in the run-up to the new year", "GLD", D(2025, 12, 25),
     D(2025, 12, 31)),
    ("why did small caps rally in the lead-up to MLK day", "IWM", D(2026, 1, 12), D(2026, 1, 18)),
    # The session before: had been the Fed's day itself.
    ("why did chips slide on the eve of the Fed meeting", "SMH", D(2026, 1, 27), D(2026, 1, 27)),
    # Two weeks back from the latest session: had been the default of 20 sessions.
    ("why did bonds sell off a fortnight ago", "AGG", D(2026, 1, 16), D(2026, 1, 16)),
    # The week to its end: had been its last two days (Thursday–Friday).
    ("why did oil fall by the end of last week", "WTI", D(2026, 1, 19), D(2026, 1, 23)),
]
# fmt: on


@pytest.mark.parametrize(("question", "symbol", "start", "end"), SPANS)
def test_a_span_beside_a_day_is_its_days(
    question: str, symbol: str, start: date, end: date, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_by_the_end_of_this_week_is_the_week_to_date(catalog: Catalog) -> None:
    got = understand("why did oil fall by the end of the week", AS_OF, catalog)
    assert got.window is not None and got.window.start == D(2026, 1, 26), got.trace
    assert got.window.end in (None, AS_OF), got.trace
    # "toward the end of the week" stays its last days.
    late = understand("why did gold rally toward the end of the week", AS_OF, catalog)
    assert late.window is not None and late.window.start == D(2026, 1, 29), late.trace


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # Over the past week (quarter) back from the latest close: had been the default of 20
        # sessions, and "w/w" had been read as "with w".
        ("why is QQQ lower week over week", D(2026, 1, 24)),
        ("why did silver drop w/w", D(2026, 1, 24)),
        ("why did tech slip week-on-week", D(2026, 1, 24)),
        ("gold q/q", D(2025, 10, 31)),
        ("why is gold up y/y", D(2025, 1, 31)),
    ],
)
def test_a_period_over_the_one_before_is_the_past_period(
    question: str, start: date, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and got.window.start == start, got.trace


def test_a_handful_of_sessions_is_five(catalog: Catalog) -> None:
    for question in (
        "why did the VIX spike over the past handful of sessions",
        "what's SPY done in a handful of days",
    ):
        got = understand(question, AS_OF, catalog)
        assert got.window is not None and got.window.sessions == 5, (question, got.trace)


def test_the_cpis_month_over_month_is_still_its_monthly_rate(catalog: Catalog) -> None:
    got = understand("what is CPI month over month", AS_OF, catalog)
    assert got.intent is not None and got.intent.measure == "mom", got.trace


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # "in a week" said of a move is the past week: had been the default of 20 sessions.
        ("XLE down 3% in a week, what gives", D(2026, 1, 24)),
        ("gold up 20% in a month - why", D(2025, 12, 31)),
    ],
)
def test_a_move_in_a_week_is_over_the_past_week(
    question: str, start: date, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and got.window.start == start, got.trace


def test_a_move_in_a_day_says_how_fast_not_which_day(catalog: Catalog) -> None:
    # "the biggest drop in a day this year" is this year's biggest one-day drop.
    got = understand("biggest drop in a day for SPY this year", AS_OF, catalog)
    assert got.window is not None and got.window.start == D(2026, 1, 1), got.trace


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # "the Fed" named as a time is its latest decision, January 28, 2026: had been an event
        # code could not date ("after the Fed") or no window at all ("into", "post-Fed").
        ("why did small caps keep rising after the Fed", D(2026, 1, 29), None),
        ("how has gold done since the FOMC", D(2026, 1, 29), None),
        ("why did bonds rally into the Fed", D(2026, 1, 22), D(2026, 1, 28)),
        ("why did stocks wobble ahead of the Fed", D(2026, 1, 21), D(2026, 1, 27)),
        ("why did tech sell off post-Fed", D(2026, 1, 29), D(2026, 1, 29)),
        ("how did SPY react to the Fed", D(2026, 1, 28), D(2026, 1, 28)),
        ("why did chips jump on the eve of the Fed?", D(2026, 1, 27), D(2026, 1, 27)),
    ],
)
def test_the_fed_named_as_a_time_is_its_latest_decision(
    question: str, start: date, end: date | None, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_the_fed_as_an_actor_is_no_time(catalog: Catalog) -> None:
    got = understand("why did banks rise after the Fed's chair spoke", AS_OF, catalog)
    assert got.undated, got.trace


@pytest.mark.parametrize(
    ("question", "symbol"),
    [("why are yields up this week", "US10Y"), ("why did high yield bonds fall", "HYG")],
)
def test_yields_alone_are_the_benchmark_s(question: str, symbol: str, catalog: Catalog) -> None:
    got = understand(question, AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace


@pytest.mark.parametrize(
    ("question", "phrase", "series"),
    [
        # Found in the app (session 63): "japanese yields" was read as the US 10-year.
        ("why did german bund yields jump?", "german bund yields", "IRLTLT01DEM156N"),
        ("what happened to uk gilt yields?", "uk gilt yields", "IRLTLT01GBM156N"),
        ("why did japan's 10-year yield hit a record?", "japan's 10-year yield", "IRLTLT01JPM156N"),
        ("why are italian bond yields climbing", "italian bond yields", "IRLTLT01ITM156N"),
    ],
)
def test_another_countrys_yields_are_not_the_us_10_year(
    question: str, phrase: str, series: str, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.instruments == [], got.trace
    [unknown] = got.unknown
    assert (unknown.phrase, unknown.symbol) == (phrase, series)
    assert unknown.fix == f"market-copilot ingest online --fred {series}"


def test_a_stored_bond_fund_is_answered_beside_another_countrys_yields(catalog: Catalog) -> None:
    got = understand("how come long bonds sold off when japanese yields spiked?", AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == ["TLT"], got.trace
    assert [u.symbol for u in got.unknown] == ["IRLTLT01JPM156N"]


@pytest.mark.parametrize(
    ("question", "as_of", "start", "end"),
    [
        # The Santa Claus rally: the year's last five sessions and the next year's first two.
        # 2025: December 24 (a half day), 26, 29, 30, 31; January 2 and 5, 2026. Had been an
        # event code could not date.
        ("why did stocks rise during the Santa rally", AS_OF, D(2025, 12, 24), D(2026, 1, 5)),
        # 2024: December 24, 26, 27, 30, 31; January 2 and 3, 2025. Asked on December 10,
        # 2025, this year's has not begun: the latest is 2024's.
        ("how did SPY do in the Santa Claus rally", D(2025, 12, 10), D(2024, 12, 24),
         D(2025, 1, 3)),
        ("how did SPY do in the 2024 Santa rally", AS_OF, D(2024, 12, 24), D(2025, 1, 3)),
    ],
)  # fmt: skip
def test_the_santa_rally_is_its_sessions(
    question: str, as_of: date, start: date, end: date, catalog: Catalog
) -> None:
    got = understand(question, as_of, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_in_the_new_year_is_the_year_to_date(catalog: Catalog) -> None:
    # had been the why-question's default of 20 sessions
    got = understand("why did gold surge in the new year", AS_OF, catalog)
    assert got.window is not None and got.window.start == D(2026, 1, 1), got.trace


@pytest.mark.parametrize(
    ("as_of", "day"),
    [
        # Friday, January 30, 2026 is January's last session: its month end is that day (had
        # been December 31); a day earlier, January is not over and the month end is December's.
        (D(2026, 1, 30), D(2026, 1, 30)),
        (D(2026, 1, 29), D(2025, 12, 31)),
    ],
)
def test_month_end_on_the_month_s_last_session_is_that_session(
    as_of: date, day: date, catalog: Catalog
) -> None:
    got = understand("how did SPY do at month-end", as_of, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (day, day), got.trace


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # One period further back than the latest: had been an event code could not date
        # ("before last"). Last week is January 20–23, the week before it January 12–16.
        ("what did SPY do the session before last", D(2026, 1, 29), D(2026, 1, 29)),
        ("how did gold do the week before last", D(2026, 1, 12), D(2026, 1, 16)),
        ("why did oil fall the month before last", D(2025, 11, 1), D(2025, 11, 30)),
    ],
)
def test_the_period_before_last(question: str, start: date, end: date, catalog: Catalog) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


def test_the_last_48_hours_are_two_sessions(catalog: Catalog) -> None:
    # had been the latest session alone
    got = understand("how did SPY do over the last 48 hours", AS_OF, catalog)
    assert got.window is not None and got.window.sessions == 2, got.trace


@pytest.mark.parametrize(
    ("question", "day"),
    [
        # Weekdays typed short, asked on Friday, January 30, 2026: had been the why-question's
        # default of 20 sessions (the abbreviation named no day).
        ("why did gold tank on thurs", D(2026, 1, 29)),
        ("what drove XLE on Wed", D(2026, 1, 28)),
        ("why did gold drop on Fri.", D(2026, 1, 30)),
        ("why did chips rally mon?", D(2026, 1, 26)),
        ("how did SPY do tues", D(2026, 1, 27)),
    ],
)
def test_a_weekday_typed_short_is_that_day(question: str, day: date, catalog: Catalog) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (day, day), got.trace


def test_so_far_off_a_record_is_a_distance_not_the_year_to_date(catalog: Catalog) -> None:
    got = understand("why is gold so far off its record", AS_OF, catalog)
    assert got.window is not None and got.window.start != D(2026, 1, 1), got.trace
    assert got.intent is not None and got.intent.measure == "distance_from_peak"
    # "so far" alone stays the year to date
    plain = understand("how has gold done so far", AS_OF, catalog)
    assert plain.window is not None and plain.window.start == D(2026, 1, 1), plain.trace


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # A long month's name typed with one slip: had named no month.
        ("how did spy do in decmber", D(2025, 12, 1), D(2025, 12, 31)),
        ("why did tech slip in novmber", D(2025, 11, 1), D(2025, 11, 30)),
        ("XLE in febuary 2025", D(2025, 2, 1), D(2025, 2, 28)),
        # Halves typed short: had been the whole month (or none).
        ("how did tech do in the 1st half of december", D(2025, 12, 1), D(2025, 12, 15)),
        ("gold performance 2H of december", D(2025, 12, 16), D(2025, 12, 31)),
        ("SPY 1H 2025", D(2025, 1, 1), D(2025, 6, 30)),
    ],
)
def test_months_and_halves_typed_short_or_with_a_slip(
    question: str, start: date, end: date, catalog: Catalog
) -> None:
    got = understand(question, AS_OF, catalog)
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace
