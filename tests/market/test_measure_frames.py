"""The measure on small hand-made frames: edge cases whose answers are worked out by hand here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from copilot.errors import DateOutOfRangeError, InvalidArgumentError
from copilot.market.measure import compute_measure
from copilot.market.measure_model import MeasureArgs, MeasureResult
from copilot.market.measure_text import render
from copilot.market.measure_window import Instrument, Kind

# WTI around 2020-04-20, when the May contract settled below zero (hand-typed values).
WTI = {
    "2020-04-15": 19.87, "2020-04-16": 19.87, "2020-04-17": 18.31, "2020-04-20": -36.98,
    "2020-04-21": 8.91, "2020-04-22": 13.64, "2020-04-23": 16.50,
}  # fmt: skip


def series(points: dict[str, float]) -> pd.Series:
    return pd.Series(list(points.values()), index=pd.DatetimeIndex(list(points)), dtype=float)


def run(
    data: dict[str, tuple[dict[str, float], Kind]], as_of: date | None = None, **args: Any
) -> MeasureResult:
    instruments = {s: Instrument(series(points), kind) for s, (points, kind) in data.items()}
    args.setdefault("symbols", list(data)[:1])
    return compute_measure(MeasureArgs(**args), instruments, as_of)


def facts_of(result: MeasureResult, measure: str) -> list[Any]:
    return [f for f in result.facts if f.measure == measure]


def test_wti_into_negative_gives_points_and_a_percent_from_a_positive_base() -> None:
    result = run({"WTI": (WTI, "series")}, start=date(2020, 4, 20), end=date(2020, 4, 21))
    row = result.rows[0]
    assert row.unit == "points" and row.value == pytest.approx(8.91 - 18.31)
    assert row.base == date(2020, 4, 17) and row.percent == pytest.approx((8.91 / 18.31 - 1) * 100)
    text = render(result)[0]
    assert "-9.40 points (-51.34%)" in text
    assert {(f.unit, f.shown) for f in facts_of(result, "return")} == {
        ("points", "-9.40 points"), ("%", "-51.34%")}  # fmt: skip


def test_wti_out_of_negative_never_prints_a_percent() -> None:
    result = run({"WTI": (WTI, "series")}, start=date(2020, 4, 21), end=date(2020, 4, 22))
    row = result.rows[0]
    assert row.base_value == -36.98 and row.value == pytest.approx(13.64 + 36.98)
    assert row.percent is None and "not positive" in row.note
    text = render(result)[0]
    assert "+50.62 points" in text and "%" not in text
    assert all(f.unit != "%" for f in result.facts)


def test_a_zero_base_never_divides_by_zero() -> None:
    points = {"2024-01-02": 0.0, "2024-01-03": 2.5, "2024-01-04": -1.0}
    result = run({"X": (points, "series")}, start=date(2024, 1, 3))
    row = result.rows[0]
    assert row.value == pytest.approx(-1.0) and row.percent is None
    low = run({"X": (points, "series")}, measure="distance_from_trough")
    # The trough (-1.0) is not positive: the distance is in points, never a percent.
    assert low.rows[0].unit == "points" and low.rows[0].value == pytest.approx(0.0)
    peak = run({"X": (points, "series")}, measure="distance_from_peak")
    assert peak.rows[0].unit == "%" and peak.rows[0].value == pytest.approx((-1.0 / 2.5 - 1) * 100)
    assert peak.rows[0].on == date(2024, 1, 3)


def test_series_extremes_through_zero() -> None:
    best = run({"WTI": (WTI, "series")}, measure="daily_return", aggregate="max")
    assert best.rows[0].unit == "points" and best.rows[0].on == date(2020, 4, 21)
    assert best.rows[0].value == pytest.approx(8.91 + 36.98)
    trough = run({"WTI": (WTI, "series")}, measure="distance_from_trough")
    assert trough.rows[0].unit == "points" and trough.rows[0].value == pytest.approx(16.50 + 36.98)
    assert trough.rows[0].ref_date == date(2020, 4, 20)
    dd = run({"N": ({"2024-01-02": -5.0, "2024-01-03": -3.0, "2024-01-04": -4.0}, "series")},
             measure="drawdown", aggregate="min")  # fmt: skip
    assert dd.rows[0].unit == "points" and dd.rows[0].value == pytest.approx(-1.0)
    assert dd.rows[0].on == date(2024, 1, 4) and dd.rows[0].ref_date == date(2024, 1, 3)


def test_rate_series_move_in_basis_points() -> None:
    rate = {"2024-01-02": 4.00, "2024-01-03": 4.05, "2024-01-04": 3.98}
    daily = run({"R": (rate, "rate")}, measure="daily_return", aggregate="min")
    assert daily.rows[0].unit == "bp" and daily.rows[0].value == pytest.approx(-7.0)
    assert "worst day since 2024-01-03 -7 bp on 2024-01-04" in render(daily)[0]
    total = run({"R": (rate, "rate")}, sessions=2)
    assert total.rows[0].value == pytest.approx(-2.0) and "-2 bp" in render(total)[0]
    level = run({"R": (rate, "rate")}, measure="level")
    assert "value 3.98% on 2024-01-04" in render(level)[0]
    assert facts_of(level, "level")[0].unit == "level"


def test_rank_ties_share_a_place_and_asc_ranks_from_the_lowest() -> None:
    day = {"2024-01-02": 100.0, "2024-01-03": 0.0}
    data: dict[str, tuple[dict[str, float], Kind]] = {
        s: ({**day, "2024-01-03": close}, "price")
        for s, close in (("A", 101.0), ("B", 103.0), ("C", 101.0), ("D", 99.0))
    }
    desc = run(data, symbols=["A", "B", "C", "D"], rank="desc")
    assert [(r.symbol, r.rank) for r in desc.rows] == [("B", 1), ("A", 2), ("C", 2), ("D", 4)]
    asc = run(data, symbols=["A", "B", "C", "D"], rank="asc")
    assert [(r.symbol, r.rank) for r in asc.rows] == [("D", 1), ("A", 2), ("C", 2), ("B", 4)]
    ranks = facts_of(asc, "rank")
    assert next((f.subject, f.value, f.of, f.shown) for f in ranks) == ("D", 1, 4, "#1")


def test_a_streak_back_to_the_first_observation_says_it_may_be_longer() -> None:
    rising = {"2024-01-02": 1.0, "2024-01-03": 2.0, "2024-01-04": 3.0}
    result = run({"X": (rising, "price")}, measure="up_streak")
    assert result.rows[0].value == 2 and result.rows[0].ref_date == date(2024, 1, 3)
    assert "may be longer" in result.rows[0].note
    down = run({"X": (rising, "price")}, measure="down_streak")
    assert down.rows[0].value == 0 and "0 sessions in a row" in render(down)[0]


def test_not_enough_history_is_an_error_that_says_so() -> None:
    short = {"2024-01-02": 1.0, "2024-01-03": 2.0, "2024-01-04": 3.0}
    with pytest.raises(DateOutOfRangeError, match="needs 5 observations"):
        run({"X": (short, "price")}, measure="sma_distance", sma_window=5)
    with pytest.raises(DateOutOfRangeError, match="at least 2 moves"):
        run({"X": (short, "price")}, measure="volatility", sessions=1)
    with pytest.raises(DateOutOfRangeError, match="first X observation"):
        run({"X": (short, "price")}, end=date(2024, 1, 2))


def test_count_measures_and_their_share() -> None:
    closes = {"2024-01-02": 10.0, "2024-01-03": 11.0, "2024-01-04": 10.5, "2024-01-05": 10.5,
              "2024-01-08": 12.0}  # fmt: skip
    up = run({"X": (closes, "price")}, measure="up_days", aggregate="count")
    assert up.rows[0].value == 2 and up.rows[0].on == date(2024, 1, 8) and up.rows[0].sessions == 4
    share = run({"X": (closes, "price")}, measure="up_days", aggregate="mean")
    assert share.rows[0].unit == "%" and share.rows[0].value == pytest.approx(50.0)
    down = run({"X": (closes, "price")}, measure="down_days")  # an unchanged close is neither
    assert down.rows[0].value == 1
    highs = run({"X": (closes, "price")}, measure="new_highs", start=date(2024, 1, 4))
    assert highs.rows[0].value == 1 and highs.rows[0].on == date(2024, 1, 8)
    none = run({"X": (closes, "price")}, measure="new_highs", end=date(2024, 1, 5))
    assert none.rows[0].value == 1 and none.rows[0].on == date(2024, 1, 3)


def test_argmax_of_a_tie_is_the_earliest_day() -> None:
    closes = {"2024-01-02": 10.0, "2024-01-03": 12.0, "2024-01-04": 11.0, "2024-01-05": 12.0}
    result = run({"X": (closes, "price")}, measure="level", aggregate="argmax")
    row = result.rows[0]
    assert row.unit == "date" and row.on == date(2024, 1, 3) and row.extreme == 12.0
    assert row.value == date(2024, 1, 3).toordinal()
    text = render(result)[0]
    assert "2024-01-03 (12.00)" in text
    shown = {f.measure: f.shown for f in result.facts}
    assert shown["argmax_level"] == "2024-01-03" and shown["max_level"] == "12.00"


def test_a_monthly_series_snaps_to_its_last_observation() -> None:
    monthly = {"2024-01-01": 4.0, "2024-02-01": 4.2, "2024-03-01": 4.1}
    result = run({"M": (monthly, "rate")}, measure="level", start=date(2024, 2, 5),
                 end=date(2024, 2, 20))  # fmt: skip
    assert result.rows[0].value == 4.2 and result.rows[0].end == date(2024, 2, 1)
    assert any("2024-02-20 is not a M observation date" in n for n in result.notes)


def test_weekend_windows_use_the_friday_close() -> None:
    closes = {"2024-01-04": 10.0, "2024-01-05": 11.0, "2024-01-08": 12.0}
    weekend = run({"X": (closes, "price")}, start=date(2024, 1, 6), end=date(2024, 1, 7))
    row = weekend.rows[0]
    assert (row.base, row.end) == (date(2024, 1, 4), date(2024, 1, 5))
    assert row.value == pytest.approx(10.0)
    assert weekend.notes == ["2024-01-07 is a Sunday: the close of 2024-01-05 is used."]
    level = run({"X": (closes, "price")}, measure="level", end=date(2024, 1, 6))
    assert level.rows[0].value == 11.0 and "a Saturday" in level.notes[0]


def test_versus_only_differences_in_the_same_unit() -> None:
    closes = {"2024-01-02": 10.0, "2024-01-03": 11.0}
    rate = {"2024-01-02": 4.0, "2024-01-03": 4.1}
    result = run({"X": (closes, "price"), "R": (rate, "rate"), "Y": (closes, "price")},
                 symbols=["X", "Y"], versus="R")  # fmt: skip
    assert [r.symbol for r in result.rows] == ["X", "Y", "R"]
    assert all(r.difference is None for r in result.rows)
    same = run({"X": (closes, "price"), "Y": ({**closes, "2024-01-03": 10.5}, "price")},
               versus="Y")  # fmt: skip
    assert same.rows[0].difference == pytest.approx(5.0)
    assert same.rows[0].versus_value == pytest.approx(5.0)
    diff = facts_of(same, "return_difference")[0]
    assert (diff.unit, diff.versus, diff.shown) == ("pp", "Y", "+5.00 pp")


def test_beat_streak_uses_the_dates_both_have() -> None:
    a = {"2024-01-02": 10.0, "2024-01-03": 11.0, "2024-01-04": 12.0, "2024-01-05": 13.0}
    b = {"2024-01-02": 10.0, "2024-01-03": 10.0, "2024-01-05": 10.0}  # no 2024-01-04
    result = run({"A": (a, "price"), "B": (b, "price")}, measure="beat_streak", versus="B")
    # Aligned: 01-02, 01-03 (+10% vs 0%), 01-05 (+18.2% vs 0%): a two-session run.
    assert result.rows[0].value == 2 and result.rows[0].ref_date == date(2024, 1, 3)
    assert [r.symbol for r in result.rows] == ["A"]


def test_future_and_unknown_requests() -> None:
    closes = {"2024-01-02": 10.0, "2024-01-03": 11.0, "2024-01-04": 12.0}
    data = {"X": (closes, "price")}
    with pytest.raises(DateOutOfRangeError, match="after the as-of date 2024-01-03; nothing later"):
        run(data, as_of=date(2024, 1, 3), start=date(2024, 1, 4))  # type: ignore[arg-type]
    with pytest.raises(DateOutOfRangeError, match="2024-01-09 is after the as-of date"):
        run(data, as_of=date(2024, 1, 3), measure="level", end=date(2024, 1, 9))  # type: ignore[arg-type]
    clipped = run(data, as_of=date(2024, 1, 3), sessions=1, end=date(2024, 1, 9))  # type: ignore[arg-type]
    assert clipped.rows[0].end == date(2024, 1, 3) and "after the as-of date" in clipped.notes[0]
    with pytest.raises(InvalidArgumentError, match="no values given for Z"):
        run(data, symbols=["Z"])  # type: ignore[arg-type]


def test_dates_after_the_stored_closes() -> None:
    # Closes through Wednesday 2024-01-03; the market was open on 01-04 and 01-05.
    closes = {"2024-01-02": 10.0, "2024-01-03": 11.0}
    data: dict[str, tuple[dict[str, float], Kind]] = {"X": (closes, "price")}
    later = date(2024, 1, 10)
    for args in ({"start": date(2024, 1, 5), "end": date(2024, 1, 5)},
                 {"measure": "level", "end": date(2024, 1, 6)},
                 {"start": date(2024, 1, 4)}):  # fmt: skip
        with pytest.raises(DateOutOfRangeError, match="no X data after 2024-01-03") as error:
            run(data, as_of=later, **args)
        assert "market-copilot ingest online --yahoo X" in str(error.value)
    # A window that began inside the data ends at the latest close, as the convention says.
    inside = run(data, as_of=later, start=date(2024, 1, 3))
    assert inside.rows[0].end == date(2024, 1, 3)
    # Closes through Friday: the weekend after them snaps to Friday's close.
    friday = {"2024-01-04": 10.0, "2024-01-05": 11.0}
    weekend = run({"X": (friday, "price")}, as_of=later, measure="level", end=date(2024, 1, 7))
    assert weekend.rows[0].value == 11.0 and "2024-01-07 is a Sunday" in weekend.notes[0]
    # A series' frequency is unknown: its last value stands, and the note says it is older.
    monthly = run({"M": ({"2024-01-01": 4.0}, "rate")}, as_of=later, measure="level",
                  end=date(2024, 1, 9))  # fmt: skip
    assert monthly.rows[0].value == 4.0
    assert "2024-01-09 is after the latest M data (2024-01-01)" in monthly.notes[0]


def test_figures_in_different_units_are_not_ranked() -> None:
    closes = {"2024-01-02": 10.0, "2024-01-03": 11.0}
    rate = {"2024-01-02": 4.0, "2024-01-03": 4.1}
    result = run({"X": (closes, "price"), "R": (rate, "rate")}, symbols=["X", "R"], rank="desc")
    assert [r.rank for r in result.rows] == [None, None]
    assert "not ranked: the figures are in different units (%, bp)." in result.notes
    assert not [f for f in result.facts if f.measure == "rank"]
    assert "Ranked" not in render(result)[0]


def _closes_with_a_wild_start(days: int, wild: int) -> dict[str, float]:
    """Weekday closes: moves of ±5% for the first `wild` sessions, ±1% after them."""
    closes, value = {}, 100.0
    for i, day in enumerate(pd.bdate_range("2023-01-02", periods=days)):
        if i:
            step = 0.05 if i <= wild else 0.01
            value *= 1 + (step if i % 2 else -step)
        closes[day.date().isoformat()] = value
    return closes


def test_volatility_with_no_window_reads_the_last_year() -> None:
    # Over all data the wild start would dominate. A year of alternating ±1% moves has a sample
    # std of 1% × √(252/251) (their mean is ~0): × √252 ≈ 15.91%.
    closes = _closes_with_a_wild_start(300, wild=40)
    values = list(closes.values())
    moves = [values[i] / values[i - 1] - 1 for i in range(len(values) - 252, len(values))]
    mean = sum(moves) / len(moves)
    expected = (sum((m - mean) ** 2 for m in moves) / (len(moves) - 1)) ** 0.5 * 252**0.5 * 100
    result = run({"X": (closes, "price")}, measure="volatility")
    row = result.rows[0]
    assert row.sessions == 252 and row.value == pytest.approx(expected, rel=1e-9)
    assert row.value == pytest.approx(15.91, abs=0.01)
    days = list(closes)
    assert f"No window given: the last year, {days[-253]} to {days[-1]}." in render(result)[0]


def test_volatility_with_no_window_and_less_than_a_year_reads_all_data() -> None:
    closes = _closes_with_a_wild_start(60, wild=0)
    result = run({"X": (closes, "price")}, measure="volatility")
    assert result.rows[0].sessions == 59
    days = list(closes)
    first, last = days[0], days[-1]
    assert f"all visible data (less than a year), {first} to {last}" in render(result)[0]


def test_a_monthly_series_volatility_counts_monthly_moves() -> None:
    # Thirteen month-start yields: twelve changes of ±10 bp alternating, six of each (mean 0),
    # so their sample std is 10 bp × √(12/11); × √12 a year.
    levels, value = {}, 4.00
    for i, month in enumerate(pd.date_range("2025-01-01", periods=13, freq="MS")):
        value += 0.0 if i == 0 else (0.10 if i % 2 else -0.10)
        levels[month.date().isoformat()] = round(value, 2)
    result = run({"Y": (levels, "rate")}, measure="volatility")
    expected = 10 * (12 / 11) ** 0.5 * 12**0.5
    assert result.rows[0].value == pytest.approx(expected, rel=1e-6)
    assert "from 12 monthly moves" in render(result)[0]


def test_a_distance_from_the_peak_to_a_named_end_says_where_it_looked() -> None:
    # Peak 12.0 on Jan 3; the end named, Jan 5: 11.0 / 12.0 - 1 = -8.33%, over all data to it.
    closes = {"2024-01-02": 10.0, "2024-01-03": 12.0, "2024-01-04": 11.5, "2024-01-05": 11.0,
              "2024-01-08": 13.0}  # fmt: skip
    result = run({"X": (closes, "price")}, measure="distance_from_peak", end=date(2024, 1, 5))
    assert result.rows[0].value == pytest.approx((11.0 / 12.0 - 1) * 100)
    note = "No start given (the end: 2024-01-05): all visible data, 2024-01-02 to 2024-01-05."
    assert note in render(result)[0]
