# ruff: noqa: E501  (a table of cases reads best one case a line)
"""Words that name a measure of their own (docs/windows-and-measures.md, "Words that name a
measure of their own"): inflation is a price index's change over a year (or a month), the depth
of a pullback is the window's maximum drawdown, and a ranking by distance from a peak reads its
words by depth. Readings worked out by hand from the doc; as-of Friday 2026-01-30."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)
D = date
SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]


@pytest.mark.parametrize(
    ("question", "measure", "aggregate", "start", "end"),
    [
        ("what's inflation running at according to the latest cpi reading", "yoy", "last", None, None),
        ("What is the inflation rate?", "yoy", "last", None, None),
        ("inflation?", "yoy", "last", None, None),
        ("how high is inflation right now", "yoy", "last", None, None),
        ("what was cpi inflation in december", "yoy", "last", D(2025, 12, 1), D(2025, 12, 31)),
        ("what was the year over year cpi in november", "yoy", "last", D(2025, 11, 1), D(2025, 11, 30)),
        ("what was monthly inflation in november", "mom", "last", D(2025, 11, 1), D(2025, 11, 30)),
        ("how much did the cpi rise month over month in december", "mom", "last", D(2025, 12, 1), D(2025, 12, 31)),
        ("how fast were consumer prices climbing year on year in november", "yoy", "last", D(2025, 11, 1), D(2025, 11, 30)),
        ("when did inflation peak in 2025", "yoy", "max", D(2025, 1, 1), D(2025, 12, 31)),
        ("what was the lowest inflation reading of 2025", "yoy", "min", D(2025, 1, 1), D(2025, 12, 31)),
        # the index itself, and its move over a window, as written
        ("what was the cpi index level in december", "level", "last", D(2025, 12, 1), D(2025, 12, 31)),
        ("what was the CPI in December", "level", "last", D(2025, 12, 1), D(2025, 12, 31)),
        ("how much did consumer prices rise in 2025", "return", "last", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)  # fmt: skip
def test_a_price_index_asked_as_inflation_is_its_rate(
    catalog: Catalog,
    question: str,
    measure: str,
    aggregate: str,
    start: date | None,
    end: date | None,
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate) == (["CPI"], measure, aggregate)
    assert (call.start, call.end) == (start, end)


def test_the_latest_inflation_rate_says_which_value_it_reads(catalog: Catalog) -> None:
    u = understand("what's the inflation rate", A, catalog)
    assert u.window is not None and u.window.label == "the latest value released by 2026-01-30"
    assert any("year-over-year change" in line for line in u.trace)


@pytest.mark.parametrize(
    ("question", "symbol", "start", "end"),
    [
        ("how deep was the nasdaq 100's pullback during december", "QQQ", D(2025, 12, 1), D(2025, 12, 31)),
        ("how bad did the selloff in chip stocks get in december", "SMH", D(2025, 12, 1), D(2025, 12, 31)),
        ("How severe was the correction in silver last week?", "SLV", D(2026, 1, 19), D(2026, 1, 23)),
        ("what was the depth of the small cap dip in november", "IWM", D(2025, 11, 1), D(2025, 11, 30)),
        ("how big a slide did gold have in october", "GLD", D(2025, 10, 1), D(2025, 10, 31)),
        ("what's the biggest slide tech has had in january", "XLK", D(2026, 1, 1), None),
        ("the deepest pullback in small caps during december", "IWM", D(2025, 12, 1), D(2025, 12, 31)),
    ],
)  # fmt: skip
def test_the_depth_of_a_fall_is_the_windows_maximum_drawdown(
    catalog: Catalog, question: str, symbol: str, start: date, end: date
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate) == ([symbol], "drawdown", "min")
    assert (call.start, call.end) == (start, end)


@pytest.mark.parametrize(
    "question",
    ["how much did the nasdaq 100 fall in december",
     "what was SMH's loss last week",
     "how big was the drop in stocks on january 20",
     "how bad was the selloff in silver on january 30"],
)  # fmt: skip
def test_a_net_fall_and_one_sessions_drop_stay_moves(catalog: Catalog, question: str) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.aggregate) == ("return", "last")


@pytest.mark.parametrize(
    ("question", "measure", "rank"),
    [
        ("which sector has fallen furthest below its 52-week high", "distance_from_peak", "asc"),
        ("which sector is farthest from its peak this year", "distance_from_peak", "asc"),
        ("which sector is closest to its high", "distance_from_peak", "desc"),
        ("which sector sits nearest its record high", "distance_from_peak", "desc"),
        ("which sector fund is sitting closest to its yearly high", "distance_from_peak", "desc"),
        ("which sector has the smallest gap to its record high", "distance_from_peak", "desc"),
        ("which sector has the biggest gap to its high", "distance_from_peak", "asc"),
        ("which sector fund had the deepest drawdown in january", "drawdown", "asc"),
        ("which sector had the smallest drawdown this year", "drawdown", "desc"),
        ("which sector is closest to its low this year", "distance_from_trough", "asc"),
        ("which sector is furthest above its low", "distance_from_trough", "desc"),
    ],
)  # fmt: skip
def test_a_ranking_by_distance_from_an_extreme_reads_depth_and_nearness(
    catalog: Catalog, question: str, measure: str, rank: str
) -> None:
    [call] = understand(question, A, catalog).calls
    assert sorted(call.symbols) == SECTORS
    assert (call.measure, call.rank) == (measure, rank)


@pytest.mark.parametrize(
    ("question", "symbol", "measure"),
    [
        # the name between "how close" and "to": were the highest level, or no measure at all
        ("how close is qqq to a record?", "QQQ", "distance_from_peak"),
        ("how near is gold to its all-time high?", "GLD", "distance_from_peak"),
        ("is xlk within five percent of its high?", "XLK", "distance_from_peak"),
        # the S&P 500's peak is the index's (SPY's price falls by each dividend)
        ("is the s&p within 2% of its peak?", "SP500", "distance_from_peak"),
        ("what's the distance from spy's 52-week low?", "SPY", "distance_from_trough"),
        # "since its peak" anchors the measure; it is no event left to the model
        ("how much has xlf fallen since its peak?", "XLF", "distance_from_peak"),
        ("how much has silver gained since its low?", "SLV", "distance_from_trough"),
    ],
)  # fmt: skip
def test_nearness_to_an_extreme_in_other_words_is_the_distance_from_it(
    catalog: Catalog, question: str, symbol: str, measure: str
) -> None:
    got = understand(question, A, catalog)
    [call] = got.calls
    assert (call.symbols, call.measure) == ([symbol], measure), got.trace
    assert got.open_slots == []


COMMODITIES = ["CPER", "DBC", "GLD", "PPLT", "SLV"]
BONDS = ["AGG", "HYG", "IEF", "LQD", "TLT"]


@pytest.mark.parametrize(
    ("question", "members", "rank"),
    [
        ("name the top 3 commodity funds year to date", COMMODITIES, "desc"),
        ("top 2 bond etfs this month", BONDS, "desc"),
        ("what were the 2 worst performing commodity funds in december", COMMODITIES, "asc"),
        ("the three best bond ETFs in january", BONDS, "desc"),
    ],
)  # fmt: skip
def test_a_set_named_with_a_count_of_places_is_the_set(
    catalog: Catalog, question: str, members: list[str], rank: str
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (sorted(call.symbols), call.rank) == (members, rank)


@pytest.mark.parametrize(
    "question",
    ["what was the standard deviation of daily moves in gold this month",
     "how volatile were gold's daily returns this month",
     "gold's volatility of daily changes this month"],
)  # fmt: skip
def test_the_spread_of_daily_moves_is_a_volatility(catalog: Catalog, question: str) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.start) == (["GLD"], "volatility", D(2026, 1, 1))


@pytest.mark.parametrize(
    ("question", "symbols"),
    [("how far below their peaks are the chip stocks now", ["SMH"]),
     ("how far are the sector funds from their highs", SECTORS)],
)  # fmt: skip
def test_peaks_and_highs_in_the_plural_are_a_distance_from_the_peak(
    catalog: Catalog, question: str, symbols: list[str]
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (sorted(call.symbols), call.measure) == (symbols, "distance_from_peak")


def test_a_worst_day_stays_a_day(catalog: Catalog) -> None:
    [call] = understand("what was gold's worst single-day drop this year", A, catalog).calls
    assert (call.measure, call.aggregate) == ("daily_return", "min")


def test_the_final_weeks_of_a_month_with_no_count_are_its_last_week(catalog: Catalog) -> None:
    u = understand("how choppy has oil been in the final weeks of december", A, catalog)
    assert u.window is not None and (u.window.start, u.window.end) == (
        D(2025, 12, 25),
        D(2025, 12, 31),
    )
    assert u.window.label == "the final week of December 2025"


@pytest.mark.parametrize(
    ("question", "measure", "aggregate", "rank"),
    [
        # daily moves asked for, beside a volatility word, stay daily moves
        ("What were SPY's daily moves during the volatile week of January 20?", "daily_return", "last", "none"),
        ("how volatile were SPY's daily moves last month", "volatility", "last", "none"),
        # a ranking by "the biggest decline" ranks net moves, from the lowest
        ("Which sector had the biggest decline last week?", "return", "last", "asc"),
        ("which sector had the biggest drop in december", "return", "last", "asc"),
        # the gains after a dip are sized, not the dip
        ("How big were XLE's gains after the dip in December?", "return", "last", "none"),
        # the depth word must stand by the extreme: "most recent" is no depth
        ("Over the most recent month, which sector is closest to its high?", "distance_from_peak", "last", "desc"),
        # a why-question's "near its record high" says where the move went
        ("Why did XLK pull back from near its record high this week?", "return", "last", "none"),
        ("what is the average inflation rate in 2025", "yoy", "mean", "none"),
    ],
)  # fmt: skip
def test_review_cases(
    catalog: Catalog, question: str, measure: str, aggregate: str, rank: str
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.aggregate, call.rank) == (measure, aggregate, rank)


@pytest.mark.parametrize(
    ("question", "symbol", "measure", "aggregate"),
    [
        # a series quoted in %: the level is what crossed the line
        ("did the vix close above 20% at any point this month", "VIX", "level", "max"),
        ("has the 10-year yield topped 4.5% this year", "US10Y", "level", "max"),
        ("did the 10-year yield dip below 4% this year", "US10Y", "level", "min"),
        # a move by a share, and a price's threshold in %, stay moves
        ("did the vix rise 20% this month", "VIX", "return", "last"),
        ("did spy rise above 2% this month", "SPY", "return", "last"),
    ],
)  # fmt: skip
def test_a_threshold_in_percent_is_a_level_for_a_series_quoted_in_percent(
    catalog: Catalog, question: str, symbol: str, measure: str, aggregate: str
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate) == ([symbol], measure, aggregate)


@pytest.mark.parametrize(
    "question",
    ["how did long-dated treasuries hold up during the january 20 selloff",
     "did regional lenders keep up with the big banks in january",
     "how did the sectors stack up last week",
     "how did small caps do in the rally"],
)  # fmt: skip
def test_faring_words_and_the_markets_event_say_no_direction(
    catalog: Catalog, question: str
) -> None:
    """'hold up' is no rise and 'the selloff' is the market's: a correction 'it did not rise'
    had opened the treasuries answer."""
    assert understand(question, A, catalog).direction is None


@pytest.mark.parametrize(
    "question",
    ["did treasuries gain or lose ground in january?",
     "did silver rise or did it fall in january",
     "did xle go higher or lower in december",
     "was gold up or down this week"],
)  # fmt: skip
def test_both_ways_asked_say_no_direction(catalog: Catalog, question: str) -> None:
    """Found in the app: "did treasuries gain or lose ground in january?" was answered "No: IEF
    fell 0.23%", read as asking whether they gained."""
    assert understand(question, A, catalog).direction is None


def test_the_instruments_own_move_word_still_says_its_direction(catalog: Catalog) -> None:
    assert understand("why did gold fall during the selloff", A, catalog).direction == "down"
    assert understand("did gold rise in december", A, catalog).direction == "up"


@pytest.mark.parametrize(
    "question",
    ["how much did the nasdaq 100 fund swing on its most volatile day this month",
     "what was gold's wildest session this month",
     "gold's biggest move either way this month"],
)  # fmt: skip
def test_the_most_volatile_day_is_the_best_and_the_worst_day(
    catalog: Catalog, question: str
) -> None:
    calls = understand(question, A, catalog).calls
    assert [(c.measure, c.aggregate, c.start) for c in calls] == [
        ("daily_return", "max", D(2026, 1, 1)), ("daily_return", "min", D(2026, 1, 1))
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "measure", "start"),
    [
        ("how far has copper climbed off its december low", "distance_from_trough", D(2025, 12, 1)),
        ("How far above its 2025 low is IWM?", "distance_from_trough", D(2025, 1, 1)),
        ("how far below its december high is silver", "distance_from_peak", D(2025, 12, 1)),
    ],
)  # fmt: skip
def test_an_extreme_named_by_its_period_is_measured_to_the_latest_close(
    catalog: Catalog, question: str, measure: str, start: date
) -> None:
    """The period says where the extreme was set; the distance is now (it had been December's
    own move, or the distance at the period's last close)."""
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.start, call.end) == (measure, start, None)


def test_a_distance_asked_of_a_period_stays_that_periods(catalog: Catalog) -> None:
    [call] = understand("how far below its peak was SPY in december", A, catalog).calls
    assert (call.start, call.end) == (D(2025, 12, 1), D(2025, 12, 31))


def test_an_extreme_of_a_period_before_the_data_is_still_said(catalog: Catalog) -> None:
    """'its 2011 high' when the data begins in 2025: the period's problem, not a 2025 peak."""
    u = understand("how far is silver from its 2011 high?", A, catalog)
    assert u.calls == [] and u.problems and "2011" in u.problems[0]


def test_the_sp500_fund_is_the_fund_not_the_index(catalog: Catalog) -> None:
    fund = understand("what was the average close of the s&p 500 fund in december", A, catalog)
    index = understand("what was the average close of the s&p 500 in december", A, catalog)
    assert [i.symbol for i in fund.instruments] == ["SPY"]
    assert [i.symbol for i in index.instruments] == ["SP500"]


def test_a_position_asked_about_is_no_guessed_cause(catalog: Catalog) -> None:
    u = understand("what's the 50-day moving average of qqq and is it above it", A, catalog)
    assert (u.guess, u.why) == (None, False)
    assert [(c.measure, c.sma_window) for c in u.calls] == [("sma_distance", 50)]


def test_at_least_is_no_word_of_nearness() -> None:
    """'at least 5% below its high' says no order: the ranking keeps the one it was given
    (read by depth, "least" would have put the highest first)."""
    from copilot.understand.comparisons import rank_by_depth

    question = "which sector is at least 5% below its high"
    assert rank_by_depth(question, "distance_from_peak", "asc") == "asc"
    assert rank_by_depth("which sector is least below its high", "distance_from_peak", "asc") == (
        "desc"
    )


@pytest.mark.parametrize(
    ("question", "symbol", "aggregate", "start"),
    [
        # One market's biggest move inside a window is its worst or best day (had been the
        # window's net move: "SPY's biggest drop in January" answered January's +1.47%).
        ("what was spy's biggest drop in january?", "SPY", "min", D(2026, 1, 1)),
        ("gold's largest loss this month", "GLD", "min", D(2026, 1, 1)),
        ("what was silver's steepest fall in december?", "SLV", "min", D(2025, 12, 1)),
        ("what was the vix's biggest spike this year?", "VIX", "max", D(2026, 1, 1)),
        ("tlt's biggest gain in december", "TLT", "max", D(2025, 12, 1)),
        ("what was the strongest pop in small caps this month?", "IWM", "max", D(2026, 1, 1)),
    ],
)  # fmt: skip
def test_one_markets_biggest_move_in_a_window_is_its_extreme_day(
    catalog: Catalog, question: str, symbol: str, aggregate: str, start: D
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate) == ([symbol], "daily_return", aggregate)
    assert call.start == start


@pytest.mark.parametrize(
    "question",
    [
        "which sector had the biggest drop in january?",  # a set: the net moves ranked
        "which had the biggest drop in january, gold or silver?",  # two named: likewise
        "what was spy's biggest drop on january 20?",  # one session: its move
        "was january 20 spy's biggest drop since april?",  # where a move ranks
    ],
)
def test_a_biggest_drop_over_a_set_or_a_day_stays_a_move(catalog: Catalog, question: str) -> None:
    calls = understand(question, A, catalog).calls
    assert calls and all(call.measure == "return" for call in calls), calls


@pytest.mark.parametrize(
    ("question", "symbol"),
    [
        # A move in points is the index's (SPY's price is about a tenth of it).
        ("how many points has the s&p added since the start of the year?", "SP500"),
        ("how many points did the s&p 500 lose on january 20?", "SP500"),
        ("how many pts did the s&p shed in december", "SP500"),
        # Percentage points are a unit of any move; the fund asked by name stays the fund.
        ("by how many percentage points did the s&p lag gold in january?", "SPY"),
        ("how many points did the s&p 500 etf lose on january 20?", "SPY"),
    ],
)
def test_a_move_in_points_is_the_indexs(catalog: Catalog, question: str, symbol: str) -> None:
    calls = understand(question, A, catalog).calls
    assert symbol in calls[0].symbols and calls[0].measure == "return", calls


@pytest.mark.parametrize(
    ("question", "measure", "aggregate"),
    [
        # A span to date is asked as its move (had been the latest level: "what's gold ytd").
        ("what's gold ytd", "return", "last"),
        ("what's the s&p year to date?", "return", "last"),
        ("what's energy's ytd figure", "return", "last"),
        ("what's the month-to-date number for tlt?", "return", "last"),
        # Controls: an extreme or an average over the span stays one.
        ("what's the highest close year to date for spy", "level", "max"),
        ("what is the vix's average ytd", "level", "mean"),
    ],
)
def test_a_span_to_date_is_asked_as_its_move(
    catalog: Catalog, question: str, measure: str, aggregate: str
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.aggregate) == (measure, aggregate)
    assert call.start is not None and call.start.month == 1 and call.start.year == 2026


def test_a_why_question_on_a_monthly_series_explains_its_latest_month(catalog: Catalog) -> None:
    # Its recent move is the latest observation's change: 20 "sessions" of a monthly series
    # had measured twenty months (April 2024 to December 2025), said as the last 20 sessions.
    got = understand("why are treasury yields climbing?", A, catalog)
    [call] = got.calls
    assert (call.symbols, call.sessions) == (["US10Y"], 1)
    assert got.window is not None and "monthly series" in got.window.label
    # A daily market keeps the last 20 sessions.
    [daily] = understand("why is gold getting crushed?", A, catalog).calls
    assert daily.sessions == 20


@pytest.mark.parametrize(
    "question",
    [
        # Volume is stored with each bar but no measure reads it: said so, with no call (the
        # average daily move had been measured and could be shown as "volume").
        "what's the average daily volume of spy this month?",
        "which etf had the highest trading volume in january?",
        "how many shares traded in iwm on january 20?",
    ],
)
def test_volume_is_said_not_measured(catalog: Catalog, question: str) -> None:
    got = understand(question, A, catalog)
    assert not got.calls and any("volume" in p or "shares traded" in p for p in got.problems)


def test_volume_words_in_a_why_question_leave_the_move_measured(catalog: Catalog) -> None:
    got = understand("why did spy fall on heavy volume on january 20?", A, catalog)
    [call] = got.calls
    assert (call.symbols, call.measure, call.start) == (["SPY"], "return", D(2026, 1, 20))


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # Volume said of the move, not asked for: the move is measured (no "low" level either).
        ("did spy fall on high volume on january 20?", D(2026, 1, 20)),
        ("how did spy do on heavy trading volume on jan 20", D(2026, 1, 20)),
        ("how did spy do in the low-volume week after christmas?", D(2025, 12, 26)),
    ],
)
def test_volume_said_of_a_move_leaves_it_measured(
    catalog: Catalog, question: str, start: D
) -> None:
    got = understand(question, A, catalog)
    [call] = got.calls
    assert (call.symbols, call.measure, call.aggregate, call.start) == (
        ["SPY"],
        "return",
        "last",
        start,
    )


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        # How much a market swung or moved around is its volatility (had been the net move).
        ("how much did tlt swing around in december?", "volatility"),
        ("how much did gold move around this week?", "volatility"),
        ("how much did gold move this week?", "return"),  # a control: the move itself
    ],
)
def test_swinging_around_is_volatility(catalog: Catalog, question: str, measure: str) -> None:
    [call] = understand(question, A, catalog).calls
    assert call.measure == measure
