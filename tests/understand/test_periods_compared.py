# ruff: noqa: E501  (a table of cases reads best one case a line)
"""Two periods of one instrument compared: "the January average vs the September average",
"the monthly average change from February to July", "Q4 vs Q3". Each period is its own window
(one measure call per period, the first named first), and the engine turns the pair into one
`compare_periods` call. A range with no change words stays one window.

Windows worked out by hand (as-of 2026-01-09 unless a case says otherwise).
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.market.measure_model import MeasureArgs
from copilot.tools.periods import compare_call
from copilot.understand import Catalog, understand

A = date(2026, 1, 9)
D = date


@pytest.mark.parametrize(
    ("question", "symbol", "measure", "aggregate", "first", "second"),
    [
        ("10-year yield, March 2025 average vs August 2025 average: change in bp?", "US10Y", "level", "mean", (D(2025, 3, 1), D(2025, 3, 31)), (D(2025, 8, 1), D(2025, 8, 31))),
        ("By how many bp did the 10-year's monthly average change from April 2025 to November 2025?", "US10Y", "level", "mean", (D(2025, 4, 1), D(2025, 4, 30)), (D(2025, 11, 1), D(2025, 11, 30))),
        ("How much did the average VIX change from Q1 2025 to Q3 2025?", "VIX", "level", "mean", (D(2025, 1, 1), D(2025, 3, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
        ("Did the average 10-year yield rise between May 2025 and October 2025?", "US10Y", "level", "mean", (D(2025, 5, 1), D(2025, 5, 31)), (D(2025, 10, 1), D(2025, 10, 31))),
        ("XLE average close in June 2025 compared with March 2025", "XLE", "level", "mean", (D(2025, 6, 1), D(2025, 6, 30)), (D(2025, 3, 1), D(2025, 3, 31))),
        ("Was the VIX's mean level in Q2 2025 vs Q4 2025 higher or lower?", "VIX", "level", "mean", (D(2025, 4, 1), D(2025, 6, 30)), (D(2025, 10, 1), D(2025, 12, 31))),
        ("How did XLK do in Q4 2025 vs Q3 2025?", "XLK", "return", "last", (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
    ],
)  # fmt: skip
def test_each_period_is_measured_and_the_pair_is_compared(
    catalog: Catalog, question: str, symbol: str, measure: str, aggregate: str,
    first: tuple[date, date], second: tuple[date, date],
) -> None:  # fmt: skip
    u = understand(question, A, catalog)
    assert not u.problems and not u.open_slots
    got = [(c.symbols, c.measure, c.aggregate, c.start, c.end) for c in u.calls]
    assert got == [([symbol], measure, aggregate, *first), ([symbol], measure, aggregate, *second)]
    merged = compare_call(u.calls)
    assert merged is not None and merged["tool"] == "compare_periods"
    assert [(p["start"], p["end"]) for p in merged["args"]["periods"]] == [
        (first[0].isoformat(), first[1].isoformat()), (second[0].isoformat(), second[1].isoformat())]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "symbol", "start", "end"),
    [
        ("What was the average VIX from January to March 2025?", "VIX", D(2025, 1, 1), D(2025, 3, 31)),
        ("Average 10-year yield from February 2025 to July 2025?", "US10Y", D(2025, 2, 1), D(2025, 7, 31)),
        ("mean XLE close between April 2025 and June 2025", "XLE", D(2025, 4, 1), D(2025, 6, 30)),
    ],
)  # fmt: skip
def test_an_average_over_a_range_with_no_change_words_is_one_window(
    catalog: Catalog, question: str, symbol: str, start: date, end: date
) -> None:
    u = understand(question, A, catalog)
    assert [(c.symbols, c.measure, c.aggregate, c.start, c.end) for c in u.calls] == [
        ([symbol], "level", "mean", start, end)
    ]
    assert compare_call(u.calls) is None


def test_only_one_instrument_over_two_periods_is_merged() -> None:
    one = MeasureArgs(symbols=["XLE"], start=D(2025, 4, 1), end=D(2025, 4, 30))
    other_symbol = one.model_copy(update={"symbols": ["XLF"], "start": D(2025, 5, 1),
                                          "end": D(2025, 5, 31)})  # fmt: skip
    two_symbols = one.model_copy(update={"symbols": ["XLE", "XLF"]})
    assert compare_call([one, other_symbol]) is None
    assert (
        compare_call(
            [
                two_symbols,
                two_symbols.model_copy(update={"start": D(2025, 5, 1), "end": D(2025, 5, 31)}),
            ]
        )
        is None
    )
    assert compare_call([one, one]) is None and compare_call([one]) is None


@pytest.mark.parametrize(
    ("question", "symbol", "measure", "first", "second"),
    [
        # Found in the app: this month was measured alone.
        ("how choppy has oil been this month compared with last month?", "WTI", "volatility", (D(2026, 1, 1), A), (D(2025, 12, 1), D(2025, 12, 31))),
        ("is gold more volatile this year than last year?", "GLD", "volatility", (D(2026, 1, 1), A), (D(2025, 1, 1), D(2025, 12, 31))),
        # As of Friday 2026-01-09 (A, the latest close, ends a window running to today): this
        # week began on Monday the 5th, last week ran Dec 29 – Jan 2.
        ("how does this week stack up against last week for qqq", "QQQ", "return", (D(2026, 1, 5), A), (D(2025, 12, 29), D(2026, 1, 2))),
        ("compare XLE's return this month with last month", "XLE", "return", (D(2026, 1, 1), A), (D(2025, 12, 1), D(2025, 12, 31))),
        # the period named first is the first window, whichever is relative
        ("December versus this month: which was better for IWM?", "IWM", "return", (D(2025, 12, 1), D(2025, 12, 31)), (D(2026, 1, 1), A)),
    ],
)  # fmt: skip
def test_a_window_relative_to_today_is_compared_with_the_other_named(
    catalog: Catalog, question: str, symbol: str, measure: str,
    first: tuple[date, date], second: tuple[date, date],
) -> None:  # fmt: skip
    u = understand(question, A, catalog)
    assert not u.problems and not u.open_slots
    assert [(c.symbols, c.measure, c.start, c.end) for c in u.calls] == [
        ([symbol], measure, *first), ([symbol], measure, *second)]  # fmt: skip
    assert compare_call(u.calls) is not None


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # Found in the app: the two weeks before were never measured. As of Friday 2026-01-09
        # (A): the past two weeks began on 2025-12-27, the two before ran Dec 13 – Dec 26.
        ("how did ITA hold up in the last two weeks compared with the two weeks before?", (D(2025, 12, 27), A), (D(2025, 12, 13), D(2025, 12, 26))),
        ("XLE this week compared with the week before", (D(2026, 1, 5), A), (D(2025, 12, 29), D(2026, 1, 4))),
        ("tlt over the last 3 months vs the previous three months", (D(2025, 10, 10), A), (D(2025, 7, 10), D(2025, 10, 9))),
        ("spy in the past month versus the prior month", (D(2025, 12, 10), A), (D(2025, 11, 10), D(2025, 12, 9))),
        # sessions, counted on the NYSE calendar: Jan 5-9, then Dec 26, 29, 30, 31 and Jan 2
        # (Christmas and New Year's Day shut)
        ("compare how qqq did in the last 5 sessions with the 5 before", (D(2026, 1, 5), A), (D(2025, 12, 26), D(2026, 1, 2))),
        # two periods a few words apart, each a possessive ("january's move … december's")
        ("how does december's move in small caps compare with november's?", (D(2025, 12, 1), D(2025, 12, 31)), (D(2025, 11, 1), D(2025, 11, 30))),
        # after a dated window too (had been measured alone)
        ("how did spy do in the week after thanksgiving compared with the week before", (D(2025, 11, 28), D(2025, 12, 4)), (D(2025, 11, 21), D(2025, 11, 27))),
        ("xle in december versus the month before", (D(2025, 12, 1), D(2025, 12, 31)), (D(2025, 11, 1), D(2025, 11, 30))),
        ("how did gold do in q4 compared with the quarter before", (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 7, 1), D(2025, 9, 30))),
        # "the period before": as many calendar days as the first (Jan 1 – Jan 9: nine)
        ("xle this month compared to the period before", (D(2026, 1, 1), A), (D(2025, 12, 23), D(2025, 12, 31))),
    ],
)  # fmt: skip
def test_the_span_just_before_is_compared_with_the_first(
    catalog: Catalog, question: str, first: tuple[date, date], second: tuple[date, date]
) -> None:
    assert _two_windows(catalog, question) == [first, second]


def _two_windows(catalog: Catalog, question: str) -> list[tuple[date | None, date | None]]:
    """The calls' windows of a question read with no problem and no open slot, once they are
    seen to make one compare_periods call."""
    u = understand(question, A, catalog)
    assert not u.problems and not u.open_slots, u.trace
    assert compare_call(u.calls, u.periods) is not None
    return [(c.start, c.end) for c in u.calls]


def test_a_benchmark_after_vs_is_no_second_window(catalog: Catalog) -> None:
    """Control: "this month vs SPY" compares two markets over one window."""
    u = understand("how did iwm do this month vs spy", A, catalog)
    assert [(c.symbols, c.versus, c.start, c.end) for c in u.calls] == [
        (["IWM", "SPY"], "SPY", D(2026, 1, 1), None)
    ]


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # Found reading new phrasings: "the second half" alone had been the second half of the
        # year (H2 2025), not of the month.
        ("how did IWM perform in the first half of december vs the second half?", (D(2025, 12, 1), D(2025, 12, 15)), (D(2025, 12, 16), D(2025, 12, 31))),
        ("spy: first half of december versus the back half", (D(2025, 12, 1), D(2025, 12, 15)), (D(2025, 12, 16), D(2025, 12, 31))),
        ("how did spy do in the second half of 2025 vs the first half", (D(2025, 7, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 6, 30))),
        # the half named first takes the year or month of the one named after it
        ("did gold do better in the first half or the second half of 2025", (D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 12, 31))),
        ("first half vs second half of december for tlt", (D(2025, 12, 1), D(2025, 12, 15)), (D(2025, 12, 16), D(2025, 12, 31))),
    ],
)  # fmt: skip
def test_a_half_named_alone_is_a_half_of_the_period_beside_it(
    catalog: Catalog, question: str, first: tuple[date, date], second: tuple[date, date]
) -> None:
    assert _two_windows(catalog, question) == [first, second]


def test_a_half_named_alone_with_nothing_beside_it_is_the_years() -> None:
    """Control: "how did spy do in h2" is the last second half of a year."""
    from copilot.understand.dates import find_dates

    (mention,) = find_dates("how did spy do in the second half", A)
    assert (mention.period.start, mention.period.end) == (D(2025, 7, 1), D(2025, 12, 31))
