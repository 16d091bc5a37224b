"""Metrics on small hand-computed frames: every expected value below was worked out on paper.

The session indexes skip weekends and the 2026-01-19 Martin Luther King Jr. Day holiday, so
"previous session" is exercised across gaps.
"""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from copilot.errors import DateOutOfRangeError, InvalidArgumentError
from copilot.market.metrics import (
    best_n_session_gain,
    change_bp,
    daily_returns_ranked,
    distance_from_sma,
    max_drawdown,
    n_session_change,
    new_closing_highs,
    outperformance_streak,
    period_return,
    sma,
    up_streak,
    value_on,
    volatility,
    ytd_change,
)

# Wed 14, Thu 15, Fri 16, (weekend, MLK Mon 19), Tue 20, Wed 21, Thu 22, Fri 23, (weekend) Mon 26
SESSIONS = [
    "2026-01-14",
    "2026-01-15",
    "2026-01-16",
    "2026-01-20",
    "2026-01-21",
    "2026-01-22",
    "2026-01-23",
    "2026-01-26",
]
NAN = float("nan")


def _s(values: list[float], dates: list[str] | None = None) -> pd.Series:
    dates = SESSIONS[: len(values)] if dates is None else dates
    return pd.Series(values, index=pd.DatetimeIndex(dates), dtype=float)


def d(text: str) -> date:
    return date.fromisoformat(text)


def shared_data_dir() -> Path:
    """The `shared/data` folder next to the repository checkout."""
    return Path(__file__).resolve().parents[2] / "shared" / "data"


# --- value_on / period_return / n_session_change / ytd ------------------------------------------

UP = _s([100, 102, 101, 103.02])  # 14, 15, 16, 20


def test_value_on_and_missing_date_message() -> None:
    assert value_on(UP, d("2026-01-16")) == 101.0
    with pytest.raises(DateOutOfRangeError) as exc:
        value_on(UP, d("2026-01-19"))  # holiday inside the data
    msg = str(exc.value)
    assert "2026-01-14 to 2026-01-20" in msg
    assert "2026-01-16 and 2026-01-20" in msg
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-20"):
        value_on(UP, d("2026-02-02"))
    with pytest.raises(DateOutOfRangeError, match="no close"):
        value_on(_s([100, NAN, 102]), d("2026-01-15"))


def test_period_return() -> None:
    r = period_return(UP, d("2026-01-14"), d("2026-01-20"))
    assert (r.start, r.end) == (d("2026-01-14"), d("2026-01-20"))
    assert (r.start_value, r.end_value) == (100.0, 103.02)
    assert r.change == pytest.approx(3.02)
    assert r.pct == pytest.approx(0.0302)
    assert r.sessions == 3
    over_holiday = period_return(UP, d("2026-01-16"), d("2026-01-20"))
    assert over_holiday.pct == pytest.approx(0.02)
    assert over_holiday.sessions == 1
    same = period_return(UP, d("2026-01-15"), d("2026-01-15"))
    assert (same.pct, same.change, same.sessions) == (0.0, 0.0, 0)


def test_period_return_errors() -> None:
    with pytest.raises(InvalidArgumentError):
        period_return(UP, d("2026-01-20"), d("2026-01-14"))
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-20"):
        period_return(UP, d("2026-01-13"), d("2026-01-20"))


def test_period_return_skips_missing_closes() -> None:
    r = period_return(_s([100, NAN, 110, 121]), d("2026-01-14"), d("2026-01-20"))
    assert r.pct == pytest.approx(0.21)
    assert r.sessions == 2  # the session without a close is not counted


def test_n_session_change() -> None:
    two = n_session_change(UP, d("2026-01-20"), 2)
    assert two.start == d("2026-01-15")
    assert two.start_value == 102.0
    assert two.pct == pytest.approx(0.01)
    assert two.sessions == 2
    three = n_session_change(UP, d("2026-01-20"), 3)
    assert three.start == d("2026-01-14")
    assert three.pct == pytest.approx(0.0302)
    one = n_session_change(UP, d("2026-01-15"), 1)
    assert one.pct == pytest.approx(0.02)


def test_n_session_change_errors() -> None:
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-20"):
        n_session_change(UP, d("2026-01-20"), 4)
    with pytest.raises(InvalidArgumentError):
        n_session_change(UP, d("2026-01-20"), 0)


def test_ytd_change() -> None:
    s = _s([200, 210, 220.5, 231], ["2025-12-30", "2025-12-31", "2026-01-02", "2026-01-05"])
    r = ytd_change(s, d("2026-01-05"))
    assert r.start == d("2025-12-31")
    assert r.start_value == 210.0
    assert r.pct == pytest.approx(0.10)
    assert r.change == pytest.approx(21.0)
    assert r.sessions == 2
    assert ytd_change(s, d("2026-01-02")).pct == pytest.approx(0.05)
    with pytest.raises(DateOutOfRangeError, match="needs a close in 2024"):
        ytd_change(s, d("2025-12-31"))
    with pytest.raises(DateOutOfRangeError, match="needs a close in 2025"):
        ytd_change(UP, d("2026-01-20"))


# --- daily_returns_ranked -----------------------------------------------------------------------


def test_daily_returns_ranked() -> None:
    frame = pd.DataFrame(
        {
            "AAA": [100, 100, 101],  # +1 %
            "BBB": [50, 50, 51],  # +2 %
            "CCC": [200, 200, 202],  # +1 %, ties AAA
            "DDD": [10, NAN, 10],  # no close on the previous session: left out
            "EEE": [40, 40, NAN],  # no close on the day: left out
            "FFF": [10, 10, 9.5],  # -5 %
        },
        index=pd.DatetimeIndex(["2026-01-15", "2026-01-16", "2026-01-20"]),
        dtype=float,
    )
    ranked = daily_returns_ranked(frame, d("2026-01-20"))
    assert [(r.rank, r.symbol) for r in ranked] == [(1, "BBB"), (2, "AAA"), (2, "CCC"), (4, "FFF")]
    assert [r.pct for r in ranked] == pytest.approx([0.02, 0.01, 0.01, -0.05])
    assert (ranked[0].close, ranked[0].prev_close) == (51.0, 50.0)
    assert all(r.prev_date == d("2026-01-16") for r in ranked)


def test_daily_returns_ranked_errors() -> None:
    frame = pd.DataFrame(
        {"AAA": [100, NAN, 101], "BBB": [50, NAN, 51]},
        index=pd.DatetimeIndex(["2026-01-15", "2026-01-16", "2026-01-20"]),
        dtype=float,
    )
    with pytest.raises(DateOutOfRangeError, match="no symbol"):
        daily_returns_ranked(frame, d("2026-01-20"))
    with pytest.raises(DateOutOfRangeError, match="first session"):
        daily_returns_ranked(frame, d("2026-01-15"))
    with pytest.raises(DateOutOfRangeError, match="2026-01-15 to 2026-01-20"):
        daily_returns_ranked(frame, d("2026-01-19"))


# --- streaks ------------------------------------------------------------------------------------

STREAKY = _s([100, 102, 101, 103.02, 104, 104, 105, 106])


def test_up_streak_with_unchanged_close_breaking_it() -> None:
    s = up_streak(STREAKY, d("2026-01-26"))
    assert (s.length, s.start, s.end, s.broke_on) == (
        2,
        d("2026-01-23"),
        d("2026-01-26"),
        d("2026-01-22"),  # 104 -> 104 is not up
    )


def test_up_streak_zero_and_across_holiday() -> None:
    zero = up_streak(STREAKY, d("2026-01-22"))
    assert (zero.length, zero.start, zero.broke_on) == (0, None, d("2026-01-22"))
    gap = up_streak(STREAKY, d("2026-01-21"))
    assert (gap.length, gap.start, gap.broke_on) == (2, d("2026-01-20"), d("2026-01-16"))


def test_up_streak_reaching_data_start() -> None:
    s = up_streak(STREAKY, d("2026-01-15"))
    assert (s.length, s.start, s.broke_on) == (1, d("2026-01-15"), None)
    first = up_streak(STREAKY, d("2026-01-14"))
    assert (first.length, first.start, first.broke_on) == (0, None, None)


def test_up_streak_skips_nan() -> None:
    s = _s([100, 101, NAN, 102])
    streak = up_streak(s, d("2026-01-20"))
    assert (streak.length, streak.start, streak.broke_on) == (2, d("2026-01-15"), None)
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-20"):
        up_streak(s, d("2026-01-16"))


def test_outperformance_streak_with_tie() -> None:
    a = _s([100, 101, 102, 103, 104, 105])
    # A's returns: +1.0 %, +0.99 %, +0.98 %, +0.97 %, +0.96 %
    b = _s([200, 201, 202, 206, 208, 207])
    # B's returns: +0.5 %, +0.495 %, +1.98 %, +0.97 % (= 104/103, a tie), -0.48 %
    end = outperformance_streak(a, b, d("2026-01-22"))
    assert (end.length, end.start, end.broke_on) == (1, d("2026-01-22"), d("2026-01-21"))
    tie = outperformance_streak(a, b, d("2026-01-21"))
    assert (tie.length, tie.start, tie.broke_on) == (0, None, d("2026-01-21"))
    early = outperformance_streak(a, b, d("2026-01-16"))
    assert (early.length, early.start, early.broke_on) == (2, d("2026-01-15"), None)


def test_outperformance_streak_aligns_on_common_dates() -> None:
    a = _s([100, 100, 200, 110])  # its own 01-20 return is -45 %
    b = _s([100, 100, 105], ["2026-01-14", "2026-01-15", "2026-01-20"])
    s = outperformance_streak(a, b, d("2026-01-20"))
    # aligned on 14, 15, 20: on 01-20 A +10 % vs B +5 %; on 01-15 both 0 % (a tie)
    assert (s.length, s.start, s.broke_on) == (1, d("2026-01-20"), d("2026-01-15"))
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-20"):
        outperformance_streak(a, b, d("2026-01-16"))


# --- new_closing_highs --------------------------------------------------------------------------

HIGHS_DATES = [
    "2025-01-02",
    "2025-06-02",
    "2026-01-05",
    "2026-01-06",
    "2026-01-07",
    "2026-01-08",
    "2026-01-09",
    "2026-01-12",
    "2026-01-13",
]
HIGHS = _s([120, 100, 105, 110, 108, 110, 115, 125, 124], HIGHS_DATES)


def test_new_closing_highs_data_start() -> None:
    h = new_closing_highs(HIGHS, d("2026-01-05"), d("2026-01-13"), "data_start")
    assert h.count == 1
    assert h.dates == [d("2026-01-12")]  # the only close above 120 (2025-01-02)
    assert h.lookback == "data_start"
    assert h.lookback_start == d("2025-01-02")
    assert h.high_close == 125.0
    assert (h.start, h.end) == (d("2026-01-05"), d("2026-01-13"))


def test_new_closing_highs_52w_drops_old_high_and_ignores_ties() -> None:
    h = new_closing_highs(HIGHS, d("2026-01-05"), d("2026-01-13"), "52w")
    # 2025-01-02 is 368 days before 2026-01-05: out of the window, so 100 is the bar to beat.
    # 01-08 closes at 110, equal to the 01-06 high: not a new high.
    assert h.dates == [d("2026-01-05"), d("2026-01-06"), d("2026-01-09"), d("2026-01-12")]
    assert h.count == 4
    assert h.lookback_start == d("2025-06-02")
    assert h.high_close == 125.0
    assert h.full_lookback is True


def test_new_closing_highs_52w_window_edge_is_364_days() -> None:
    inside = _s([120, 100, 110], ["2025-01-03", "2025-06-02", "2026-01-02"])  # 364 days apart
    h = new_closing_highs(inside, d("2026-01-02"), d("2026-01-02"), "52w")
    assert (h.count, h.dates, h.high_close) == (0, [], None)
    assert h.lookback_start == d("2025-01-03")
    outside = _s([120, 100, 110], ["2025-01-02", "2025-06-02", "2026-01-02"])  # 365 days apart
    h2 = new_closing_highs(outside, d("2026-01-02"), d("2026-01-02"), "52w")
    assert (h2.count, h2.dates, h2.high_close) == (1, [d("2026-01-02")], 110.0)
    assert h2.lookback_start == d("2025-06-02")


def test_new_closing_highs_partial_lookback_and_first_session() -> None:
    h = new_closing_highs(STREAKY, d("2026-01-14"), d("2026-01-26"), "52w")
    # 100, 102 (high), 101, 103.02 (high), 104 (high), 104 (tie), 105 (high), 106 (high)
    assert h.dates == [
        d("2026-01-15"),
        d("2026-01-20"),
        d("2026-01-21"),
        d("2026-01-23"),
        d("2026-01-26"),
    ]
    assert h.full_lookback is False
    assert h.lookback_start == d("2026-01-14")
    assert h.high_close == 106.0
    same = new_closing_highs(STREAKY, d("2026-01-14"), d("2026-01-26"), "data_start")
    assert same.dates == h.dates


def test_new_closing_highs_errors() -> None:
    with pytest.raises(InvalidArgumentError):
        new_closing_highs(HIGHS, d("2026-01-05"), d("2026-01-13"), "ytd")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        new_closing_highs(HIGHS, d("2026-01-13"), d("2026-01-05"), "52w")
    with pytest.raises(DateOutOfRangeError, match="2025-01-02 to 2026-01-13"):
        new_closing_highs(HIGHS, d("2026-01-03"), d("2026-01-13"), "52w")


# --- best_n_session_gain ------------------------------------------------------------------------

GAINS = _s([100, 110, 99, 100, 104, 101, 100, 104.04])
# 2-session gains ending: 16 -1 %, 20 -9.09 %, 21 +5.0505 %, 22 +1 %, 23 -3.846 %, 26 +3.01 %


def test_best_n_session_gain() -> None:
    g = best_n_session_gain(GAINS, d("2026-01-26"), 2)
    assert (g.n, g.end) == (2, d("2026-01-26"))
    assert g.pct == pytest.approx(0.0300990099)  # 104.04 / 101 - 1
    assert g.previous_larger_date == d("2026-01-21")
    assert g.previous_larger_pct == pytest.approx(0.0505050505)  # 104 / 99 - 1
    assert g.data_start == d("2026-01-14")


def test_best_n_session_gain_best_in_data_and_since() -> None:
    best = best_n_session_gain(GAINS, d("2026-01-21"), 2)
    assert (best.previous_larger_date, best.previous_larger_pct) == (None, None)
    since = best_n_session_gain(GAINS, d("2026-01-26"), 2, since=d("2026-01-20"))
    # only windows starting on or after 01-20: ending 22 (+1 %), 23 (-3.846 %), 26
    assert (since.previous_larger_date, since.previous_larger_pct) == (None, None)
    assert since.data_start == d("2026-01-20")


def test_best_n_session_gain_tie_counts_as_previous() -> None:
    g = best_n_session_gain(_s([100, 101, 100, 101]), d("2026-01-20"), 1)
    assert g.pct == pytest.approx(0.01)
    assert g.previous_larger_date == d("2026-01-15")
    assert g.previous_larger_pct == pytest.approx(0.01)


def test_best_n_session_gain_errors() -> None:
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-26"):
        best_n_session_gain(GAINS, d("2026-01-15"), 2)
    with pytest.raises(DateOutOfRangeError):
        best_n_session_gain(GAINS, d("2026-01-21"), 2, since=d("2026-01-20"))
    with pytest.raises(InvalidArgumentError):
        best_n_session_gain(GAINS, d("2026-01-26"), 0)


# --- sma ----------------------------------------------------------------------------------------

SMA_CLOSES = _s([100, 102, 104, 106, 108, 96])


def test_sma() -> None:
    out = sma(SMA_CLOSES, 3)
    assert math.isnan(out.iloc[0])
    assert math.isnan(out.iloc[1])
    assert list(out.iloc[2:]) == pytest.approx([102.0, 104.0, 106.0, 310 / 3])
    assert list(out.index) == list(SMA_CLOSES.index)
    with pytest.raises(InvalidArgumentError):
        sma(SMA_CLOSES, 0)


def test_distance_from_sma() -> None:
    above = distance_from_sma(SMA_CLOSES, d("2026-01-21"), 3)
    assert (above.day, above.close, above.window) == (d("2026-01-21"), 108.0, 3)
    assert above.sma == pytest.approx(106.0)
    assert above.pct == pytest.approx(0.0188679245)  # 108 / 106 - 1
    assert above.above is True
    below = distance_from_sma(SMA_CLOSES, d("2026-01-22"), 3)
    assert below.sma == pytest.approx(103.3333333)
    assert below.pct == pytest.approx(-0.0709677419)  # 96 / (310 / 3) - 1
    assert below.above is False
    flat = distance_from_sma(_s([100, 100, 100]), d("2026-01-16"), 3)
    assert (flat.pct, flat.above) == (0.0, False)


def test_distance_from_sma_insufficient_history() -> None:
    with pytest.raises(DateOutOfRangeError) as exc:
        distance_from_sma(SMA_CLOSES, d("2026-01-15"), 3)
    assert "2026-01-16" in str(exc.value)  # first day with a full window
    assert "2026-01-14 to 2026-01-22" in str(exc.value)
    with pytest.raises(DateOutOfRangeError, match=r"2026-01-14 to 2026-01-22 \(6 sessions\)"):
        distance_from_sma(SMA_CLOSES, d("2026-01-22"), 7)
    with pytest.raises(InvalidArgumentError):
        distance_from_sma(SMA_CLOSES, d("2026-01-22"), 0)


# --- change_bp ----------------------------------------------------------------------------------

YIELDS = _s(
    [4.10, 4.15, NAN, NAN, 4.25, 4.05],
    ["2026-01-14", "2026-01-15", "2026-01-16", "2026-01-19", "2026-01-20", "2026-01-21"],
)


def test_change_bp() -> None:
    c = change_bp(YIELDS, d("2026-01-14"), d("2026-01-20"))
    assert (c.start_value, c.end_value) == (4.10, 4.25)
    assert c.bp == pytest.approx(15.0)
    assert (c.start_observed, c.end_observed) == (d("2026-01-14"), d("2026-01-20"))


def test_change_bp_uses_last_valid_observation() -> None:
    blank_end = change_bp(YIELDS, d("2026-01-15"), d("2026-01-19"))
    assert blank_end.end_value == 4.15
    assert blank_end.end_observed == d("2026-01-15")
    assert blank_end.bp == pytest.approx(0.0)
    weekend = change_bp(YIELDS, d("2026-01-17"), d("2026-01-21"))  # Saturday: not in the index
    assert (weekend.start, weekend.start_observed) == (d("2026-01-17"), d("2026-01-15"))
    assert weekend.bp == pytest.approx(-10.0)


def test_change_bp_errors() -> None:
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-21"):
        change_bp(YIELDS, d("2026-01-14"), d("2026-01-22"))
    with pytest.raises(DateOutOfRangeError, match="before the first observation"):
        change_bp(YIELDS, d("2026-01-13"), d("2026-01-20"))
    with pytest.raises(InvalidArgumentError):
        change_bp(YIELDS, d("2026-01-20"), d("2026-01-14"))


# --- max_drawdown -------------------------------------------------------------------------------

DD = _s([100, 110, 99, 104.5, 88, 95, 112, 111])


def test_max_drawdown_with_recovery() -> None:
    dd = max_drawdown(DD, d("2026-01-14"), d("2026-01-26"))
    assert dd.pct == pytest.approx(-0.2)  # 110 -> 88
    assert (dd.peak_date, dd.peak_value) == (d("2026-01-15"), 110.0)
    assert (dd.trough_date, dd.trough_value) == (d("2026-01-21"), 88.0)
    assert dd.recovered_date == d("2026-01-23")  # 112 >= 110


def test_max_drawdown_without_recovery_and_window_limits() -> None:
    dd = max_drawdown(DD, d("2026-01-14"), d("2026-01-22"))
    assert dd.pct == pytest.approx(-0.2)
    assert dd.recovered_date is None
    inner = max_drawdown(DD, d("2026-01-16"), d("2026-01-22"))  # 99, 104.5, 88, 95
    assert inner.pct == pytest.approx(-0.1578947368)  # 88 / 104.5 - 1
    assert (inner.peak_date, inner.trough_date) == (d("2026-01-20"), d("2026-01-21"))
    assert inner.recovered_date is None


def test_max_drawdown_no_decline_and_equal_peaks() -> None:
    flat = max_drawdown(_s([100, 101, 102]), d("2026-01-14"), d("2026-01-16"))
    assert flat.pct == 0.0
    assert flat.peak_date == flat.trough_date == d("2026-01-14")
    assert flat.recovered_date is None
    twin = max_drawdown(_s([100, 110, 110, 99, 120]), d("2026-01-14"), d("2026-01-21"))
    assert twin.peak_date == d("2026-01-15")  # the session that set the high
    assert twin.pct == pytest.approx(-0.1)
    assert twin.recovered_date == d("2026-01-21")
    with pytest.raises(InvalidArgumentError):
        max_drawdown(DD, d("2026-01-22"), d("2026-01-14"))


# --- volatility ---------------------------------------------------------------------------------

VOL = _s([50, 100, 101, 99.99, 102.9897])  # returns after 01-15: +1 %, -1 %, +3 %


def test_volatility() -> None:
    v = volatility(VOL, d("2026-01-15"), d("2026-01-21"))
    # mean 1 %, deviations 0, -2 %, +2 %: variance 0.0008 / 2 = 0.0004
    assert v.daily_std == pytest.approx(0.02)
    assert v.annualized == pytest.approx(0.3174901573)  # 0.02 * sqrt(252)
    assert v.sessions == 3
    assert (v.start, v.end) == (d("2026-01-15"), d("2026-01-21"))
    raw = volatility(VOL, d("2026-01-15"), d("2026-01-21"), annualize=False)
    assert raw.annualized is None
    assert raw.daily_std == pytest.approx(0.02)


def test_volatility_errors() -> None:
    with pytest.raises(InvalidArgumentError):
        volatility(VOL, d("2026-01-15"), d("2026-01-16"))
    with pytest.raises(DateOutOfRangeError, match="2026-01-14 to 2026-01-21"):
        volatility(VOL, d("2026-01-15"), d("2026-01-23"))


# --- real data ----------------------------------------------------------------------------------


def _read_closes(path: Path) -> dict[str, float]:
    with path.open(newline="") as f:
        return {row["date"]: float(row["close"]) for row in csv.DictReader(f)}


def test_iwm_over_spy_streak_on_real_data() -> None:
    prices = shared_data_dir() / "market" / "prices"
    if not (prices / "IWM.csv").exists() or not (prices / "SPY.csv").exists():
        pytest.skip(f"shared data not found at {prices} (IWM.csv / SPY.csv)")
    iwm, spy = _read_closes(prices / "IWM.csv"), _read_closes(prices / "SPY.csv")
    common = sorted(set(iwm) & set(spy))
    i = common.index("2026-01-22")
    expected_rel = 0
    while i - expected_rel >= 1:
        cur, prev = common[i - expected_rel], common[i - expected_rel - 1]
        if iwm[cur] / iwm[prev] - 1 > spy[cur] / spy[prev] - 1:
            expected_rel += 1
        else:
            break
    dates = sorted(iwm)
    j = dates.index("2026-01-22")
    expected_up = 0
    while j - expected_up >= 1 and iwm[dates[j - expected_up]] > iwm[dates[j - expected_up - 1]]:
        expected_up += 1

    def series(closes: dict[str, float]) -> pd.Series:
        keys = sorted(closes)
        return pd.Series([closes[k] for k in keys], index=pd.DatetimeIndex(keys), dtype=float)

    rel = outperformance_streak(series(iwm), series(spy), d("2026-01-22"))
    assert rel.length == expected_rel
    assert rel.length > 0
    assert rel.start == d(common[i - expected_rel + 1])
    up = up_streak(series(iwm), d("2026-01-22"))
    assert up.length == expected_up
