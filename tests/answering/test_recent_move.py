"""The move a why-question with no period is about, on hand-made closes and on real data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from copilot.market.recent_move import move_within, recent_move
from tests.raw import raw_closes


def _series(values: list[float]) -> pd.Series:
    index = pd.bdate_range("2026-01-05", periods=len(values))
    return pd.Series(values, index=index)


def test_a_one_day_crash_after_a_quiet_stretch_is_the_move() -> None:
    quiet = [100 + 0.1 * (i % 2) for i in range(30)]
    closes = _series([*quiet, 90.0, 90.1])
    move = recent_move(closes, "down")
    assert move is not None
    assert move.sessions == 1 and move.end == closes.index[-2].date()
    assert round(move.change, 4) == round(90.0 / quiet[-1] - 1, 4)
    assert "fall" in move.reason and str(move.end) in move.reason


def test_direction_picks_the_rise_or_the_fall() -> None:
    quiet = [100.0 + 0.1 * (i % 2) for i in range(30)]  # ends on 100.1
    closes = _series([*quiet, 110.0, 104.0])
    up, down = recent_move(closes, "up"), recent_move(closes, "down")
    assert up is not None and down is not None
    assert (up.end, up.sessions) == (closes.index[-2].date(), 1)
    assert round(up.change, 6) == round(110.0 / 100.1 - 1, 6)
    assert (down.end, down.sessions) == (closes.index[-1].date(), 1)
    assert round(down.change, 6) == round(104.0 / 110.0 - 1, 6)


def test_the_silver_crash_of_january_30_2026(shared_data: Path) -> None:
    rows = [r for r in raw_closes(shared_data / "market" / "prices", "SLV") if r[0] <= "2026-02-03"]
    closes = pd.Series([c for _, c in rows], index=pd.to_datetime([d for d, _ in rows]))
    move = recent_move(closes, "down")
    assert move is not None and move.end == date(2026, 1, 30) and move.sessions == 1
    by_day = dict(rows)
    expected = (by_day["2026-01-30"] / by_day["2026-01-29"] - 1) * 100
    assert round(move.change * 100, 2) == round(expected, 2)


# --- the move in the asked direction inside a loosely given window ("around Jan 21") ---


def test_inside_a_window_that_fell_the_one_session_that_rose_is_the_rise() -> None:
    quiet = [100.0 + 0.1 * (i % 2) for i in range(30)]  # ends on 100.1
    closes = _series([*quiet, 97.0, 99.5, 99.0, 96.0])  # the window: the last four sessions
    start, end = closes.index[-4].date(), closes.index[-1].date()
    move = move_within(closes, start, end, "up")
    assert move is not None
    assert (move.start, move.end, move.sessions) == (closes.index[-3].date(),) * 2 + (1,)
    assert round(move.change, 6) == round(99.5 / 97.0 - 1, 6)
    assert "rise" in move.reason and "+2.58%" in move.reason  # 99.5 / 97 - 1, by hand


def test_no_session_of_the_window_moved_the_asked_way() -> None:
    closes = _series([100.0 + 0.1 * (i % 2) for i in range(30)] + [99.0, 98.0, 97.0])
    start, end = closes.index[-3].date(), closes.index[-1].date()
    assert move_within(closes, start, end, "up") is None
    # The fall is the whole window here: three sessions of one run beat any one of them.
    down = move_within(closes, start, end, "down")
    assert down is not None and (down.start, down.end) == (start, end)


def test_no_base_close_before_the_window_finds_nothing() -> None:
    closes = _series([100.0, 101.0, 102.0])
    assert move_within(closes, closes.index[0].date(), closes.index[-1].date(), "up") is None


def test_a_window_whose_net_hides_the_move_asked_about_gives_way_to_it() -> None:
    from copilot.answering.why import _understated

    quiet = [100.0 + 0.1 * (i % 2) for i in range(30)]  # ends on 100.1
    # the window: a rally to 124, then a one-day crash to 88.5 (net -11.6%)
    closes = _series([*quiet, 104.0, 110.0, 117.0, 124.0, 88.5])
    start, end = closes.index[30].date(), closes.index[-1].date()
    net = 88.5 / 100.1 - 1
    inner = _understated(closes, start, end, net)
    assert inner is not None and (inner.start, inner.end) == (end, end)
    assert round(inner.change, 6) == round(88.5 / 124.0 - 1, 6)
    assert "netted -11.59%" in inner.reason and str(end) in inner.reason
    # a steady fall: the window's own move is the one asked about
    steady = _series([*quiet, 98.0, 96.0, 94.0, 92.0, 90.0])
    assert _understated(steady, start, end, 90.0 / 100.1 - 1) is None


def test_the_end_of_january_s_silver_collapse_is_the_crash_of_january_30(
    shared_data: Path,
) -> None:
    """Asked "why did silver collapse at the end of january?", the answer measured -11.65% over
    Jan 21-30: a 24% rally and the 28.5% fall of Jan 30 netted."""
    from copilot.answering.why import _understated

    rows = raw_closes(shared_data / "market" / "prices", "SLV")
    closes = pd.Series([c for _, c in rows], index=pd.to_datetime([d for d, _ in rows]))
    closes = closes[closes.index <= "2026-01-30"]
    net = 75.44000244140625 / 85.38999938964844 - 1  # the Jan 20 close to the Jan 30 close
    inner = _understated(closes, date(2026, 1, 21), date(2026, 1, 30), net)
    assert inner is not None and (inner.start, inner.end) == (date(2026, 1, 30),) * 2
    assert round(inner.change * 100, 2) == round((75.44000244140625 / 105.56999969482422 - 1)
                                                 * 100, 2)  # fmt: skip


def test_a_monthly_series_recent_move_is_its_latest_months(shared_data: Path) -> None:
    # The 10-year's monthly averages known on 2026-01-30, by hand from US10Y_monthly.csv:
    # through December's (2025-12-01, 4.14, released 2026-01-02; January's average comes out in
    # February). The question's rise had been found over 15 observations (October 2024 to
    # December 2025), called sessions.
    import csv

    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open(newline="") as handle:
        rows = [(r["Date"], float(r["Rate"])) for r in csv.DictReader(handle) if r["Rate"]]
    seen = [(d, v) for d, v in rows if d <= "2025-12-01"]
    closes = pd.Series([v for _, v in seen], index=pd.to_datetime([d for d, _ in seen]))
    move = recent_move(closes, "up")
    assert move is not None and move.end == date(2025, 12, 1) and move.sessions <= 3
    assert move.step == "observation" and "observation" in move.reason
    assert "session" not in move.reason
    base = seen[-1 - move.sessions][1]
    assert round(move.change, 9) == round(seen[-1][1] / base - 1, 9)
