"""Pure market metrics on pandas objects: no I/O, no LLM, no printing (DESIGN.md convention 2).

Shared conventions, relied on by every function below:

* A *close series* is a `pd.Series` of floats indexed by a sorted, unique, tz-naive
  `pd.DatetimeIndex` of trading sessions. Missing values (NaN) are dropped first, so "the previous
  session" always means the previous session *that has a close*. Several symbols are a
  `pd.DataFrame` with one column per symbol.
* Dates come in and go out as `datetime.date`. A requested date must be a session with a close in
  the data (except for `change_bp`, which documents its own rule); otherwise, or when there is not
  enough history, `DateOutOfRangeError` says which range is available.
* Returns are fractions: 0.0123 means +1.23 %. A return from close `p0` to close `p1` is
  `p1 / p0 - 1`.
* Impossible arguments (n < 1, start after end, unknown look-back) raise `InvalidArgumentError`.
  Whether a date is an NYSE session is the callers' business (`copilot.market.calendar`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd

from copilot.errors import DateOutOfRangeError, InvalidArgumentError

TRADING_DAYS_PER_YEAR = 252
WEEKS_52 = timedelta(days=364)

Lookback = Literal["data_start", "52w"]


@dataclass(frozen=True)
class PeriodReturn:
    start: date
    end: date
    start_value: float
    end_value: float
    change: float  # end_value - start_value
    pct: float  # end_value / start_value - 1
    sessions: int  # return intervals: sessions after start up to and including end


@dataclass(frozen=True)
class RankedReturn:
    rank: int
    symbol: str
    pct: float
    close: float
    prev_close: float
    prev_date: date


@dataclass(frozen=True)
class Streak:
    length: int
    start: date | None  # first session of the streak; None when length == 0
    end: date
    broke_on: date | None  # latest session at or before `end` that did not qualify


@dataclass(frozen=True)
class NewHighs:
    count: int
    dates: list[date]
    start: date
    end: date
    lookback: str
    lookback_start: date  # earliest close compared against (for the `start` session)
    high_close: float | None  # highest close among the new-high sessions
    full_lookback: bool = True  # False when "52w" windows reach before the data starts


@dataclass(frozen=True)
class BestGain:
    n: int
    end: date
    pct: float
    previous_larger_date: date | None
    previous_larger_pct: float | None
    data_start: date  # earliest close any compared window starts from


@dataclass(frozen=True)
class SmaDistance:
    day: date
    close: float
    sma: float
    window: int
    pct: float  # close / sma - 1
    above: bool  # close strictly above the SMA


@dataclass(frozen=True)
class BpChange:
    start: date
    end: date
    start_value: float
    end_value: float
    bp: float  # (end_value - start_value) * 100
    start_observed: date  # date of the observation used for `start`
    end_observed: date  # date of the observation used for `end`


@dataclass(frozen=True)
class Drawdown:
    pct: float  # trough / peak - 1: negative, or 0.0 when there was no decline
    peak_date: date
    peak_value: float
    trough_date: date
    trough_value: float
    recovered_date: date | None


@dataclass(frozen=True)
class Volatility:
    start: date
    end: date
    daily_std: float
    annualized: float | None  # daily_std * sqrt(252); None when not requested
    sessions: int  # number of daily returns used


# --- helpers ------------------------------------------------------------------------------------


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day.year, day.month, day.day)


def _d(ts: pd.Timestamp) -> date:
    return date(ts.year, ts.month, ts.day)


def _clean(close: pd.Series) -> pd.Series:
    """The series without missing values, as floats; rejects an index that breaks the contract."""
    if not isinstance(close.index, pd.DatetimeIndex):
        raise TypeError("close series must be indexed by a pd.DatetimeIndex")
    if not (close.index.is_monotonic_increasing and close.index.is_unique):
        raise ValueError("close series index must be sorted and unique")
    return close.dropna().astype(float)


def _available(index: pd.Index) -> str:
    if len(index) == 0:
        return "no data is available"
    return f"data is available from {_d(index[0])} to {_d(index[-1])} ({len(index)} sessions)"


def _require_date(index: pd.Index, day: date, what: str = "date") -> int:
    """Position of `day` in `index`; DateOutOfRangeError naming the available range otherwise."""
    ts = _ts(day)
    pos = int(index.searchsorted(ts))
    if pos < len(index) and index[pos] == ts:
        return pos
    if len(index) and index[0] < ts < index[-1]:
        near = f" (nearest: {_d(index[pos - 1])} and {_d(index[pos])})"
    else:
        near = ""
    raise DateOutOfRangeError(f"{what} {day} has no close in the data{near}; {_available(index)}.")


def _check_order(start: date, end: date) -> None:
    if start > end:
        raise InvalidArgumentError(f"start {start} is after end {end}.")


def _check_n(n: int, name: str = "n") -> None:
    if n < 1:
        raise InvalidArgumentError(f"{name} must be at least 1, got {n}.")


def value_on(close: pd.Series, day: date) -> float:
    """The close on session `day` (which must have a non-missing close in the series)."""
    s = _clean(close)
    return float(s.iloc[_require_date(s.index, day)])


def _period(s: pd.Series, i0: int, i1: int) -> PeriodReturn:
    v0, v1 = float(s.iloc[i0]), float(s.iloc[i1])
    return PeriodReturn(
        start=_d(s.index[i0]),
        end=_d(s.index[i1]),
        start_value=v0,
        end_value=v1,
        change=v1 - v0,
        pct=v1 / v0 - 1.0,
        sessions=i1 - i0,
    )


def _streak(flags: np.ndarray, index: pd.Index, pos: int) -> Streak:
    """Streak ending at `pos`; `flags[i - 1]` says whether session `i` (i >= 1) qualified."""
    failed = np.flatnonzero(~flags[:pos])
    if len(failed) == 0:  # every session back to the start of the data qualified
        length, broke_on = pos, None
    else:
        last_fail = int(failed[-1]) + 1
        length, broke_on = pos - last_fail, _d(index[last_fail])
    start = _d(index[pos - length + 1]) if length else None
    return Streak(length=length, start=start, end=_d(index[pos]), broke_on=broke_on)


# --- returns ------------------------------------------------------------------------------------


def period_return(close: pd.Series, start: date, end: date) -> PeriodReturn:
    """Close-to-close return from the close of session `start` to the close of session `end`.

    `pct = close[end] / close[start] - 1`, `change = close[end] - close[start]`, and `sessions` is
    the number of return intervals (sessions after `start` up to and including `end`); start == end
    gives 0 sessions and 0.0. Both dates must have a close in the series.
    """
    _check_order(start, end)
    s = _clean(close)
    return _period(s, _require_date(s.index, start, "start"), _require_date(s.index, end, "end"))


def n_session_change(close: pd.Series, end: date, n: int) -> PeriodReturn:
    """Return over the `n` sessions ending at `end`: from the close `n` sessions before `end`.

    n = 1 is the daily return of `end`; needs at least n closes before `end` in the series.
    """
    _check_n(n)
    s = _clean(close)
    pos = _require_date(s.index, end, "end")
    if pos < n:
        raise DateOutOfRangeError(
            f"a {n}-session change ending {end} needs {n} earlier closes, the data has {pos}; "
            f"{_available(s.index)}."
        )
    return _period(s, pos - n, pos)


def ytd_change(close: pd.Series, day: date) -> PeriodReturn:
    """Year-to-date return: from the last close of the previous calendar year to `day`'s close.

    The base is the last close in the series dated in year `day.year - 1`; there must be one.
    """
    s = _clean(close)
    pos = _require_date(s.index, day, "day")
    base = int(s.index.searchsorted(pd.Timestamp(day.year, 1, 1))) - 1
    if base < 0 or s.index[base].year != day.year - 1:
        raise DateOutOfRangeError(
            f"year-to-date change for {day} needs a close in {day.year - 1}; {_available(s.index)}."
        )
    return _period(s, base, pos)


def daily_returns_ranked(closes: pd.DataFrame, day: date) -> list[RankedReturn]:
    """Each column's return from the previous session's close to `day`'s close, best first.

    The previous session is the row before `day` in the frame's index. Columns with a missing
    close on either row are left out. Ranks are competition ranks (equal returns share a rank,
    the next rank skips: 1, 2, 2, 4); equal returns are listed by symbol name.
    """
    if not isinstance(closes.index, pd.DatetimeIndex):
        raise TypeError("closes must be indexed by a pd.DatetimeIndex")
    pos = _require_date(closes.index, day, "day")
    if pos == 0:
        raise DateOutOfRangeError(
            f"{day} is the first session in the data, so it has no previous close; "
            f"{_available(closes.index)}."
        )
    rows: list[tuple[float, str, float, float]] = []
    for col in closes.columns:
        prev, cur = float(closes[col].iloc[pos - 1]), float(closes[col].iloc[pos])
        if not (math.isnan(prev) or math.isnan(cur)):
            rows.append((cur / prev - 1.0, str(col), cur, prev))
    if not rows:
        raise DateOutOfRangeError(f"no symbol has closes on both {day} and the session before it.")
    rows.sort(key=lambda r: (-r[0], r[1]))
    prev_date = _d(closes.index[pos - 1])
    out: list[RankedReturn] = []
    for i, (pct, sym, cur, prev) in enumerate(rows):
        rank = out[-1].rank if out and out[-1].pct == pct else i + 1
        out.append(RankedReturn(rank, sym, pct, cur, prev, prev_date))
    return out


def best_n_session_gain(close: pd.Series, end: date, n: int, since: date | None = None) -> BestGain:
    """The n-session gain ending at `end`, and the latest earlier session whose gain was >= it.

    The n-session gain ending at session i is `close[i] / close[i - n] - 1`. Every earlier session
    i < end with a full n-session window is compared (overlapping windows included); when `since`
    is given, only windows starting on or after `since` (so `data_start` = `since`, else the first
    close). `previous_larger_date` is the latest such session whose gain was greater than *or
    equal to* the gain ending at `end`: "the best n-session gain since <that date>". None means no
    earlier window was as large: the best in all data from `data_start`.
    """
    _check_n(n)
    s = _clean(close)
    pos = _require_date(s.index, end, "end")
    first = 0 if since is None else _require_date(s.index, since, "since")
    if pos - n < first:
        raise DateOutOfRangeError(
            f"a {n}-session gain ending {end} needs {n} earlier closes on or after "
            f"{_d(s.index[first])}; {_available(s.index)}."
        )
    v = s.to_numpy(dtype=float)
    gains = v[first + n : pos + 1] / v[first : pos + 1 - n] - 1.0  # gains[k] ends at first+n+k
    current = float(gains[-1])
    larger = np.flatnonzero(gains[:-1] >= current)
    prev_date: date | None = None
    prev_pct: float | None = None
    if len(larger):
        k = int(larger[-1])
        prev_date, prev_pct = _d(s.index[first + n + k]), float(gains[k])
    return BestGain(n, _d(s.index[pos]), current, prev_date, prev_pct, _d(s.index[first]))


# --- streaks ------------------------------------------------------------------------------------


def up_streak(close: pd.Series, end: date) -> Streak:
    """Consecutive sessions ending at `end` (inclusive) whose close was strictly above the
    previous session's close (an unchanged close breaks the streak).

    `start` is the first session of the streak (None if `length` is 0). `broke_on` is the latest
    session at or before `end` that was not up (it is `end` itself when `length` is 0); None when
    the streak reaches back to the first close in the data, which has no previous close to compare
    (so the true streak may be longer than the data shows).
    """
    s = _clean(close)
    pos = _require_date(s.index, end, "end")
    v = s.to_numpy(dtype=float)
    return _streak(v[1:] > v[:-1], s.index, pos)


def outperformance_streak(a: pd.Series, b: pd.Series, end: date) -> Streak:
    """Consecutive sessions ending at `end` in which A's daily return was strictly greater than B's.

    Both series are first aligned on the dates where both have a close; the daily return of a
    session is its close over the previous aligned session's close, minus 1. Equal returns break
    the streak. `start` and `broke_on` mean the same as in `up_streak`.
    """
    both = pd.concat([_clean(a), _clean(b)], axis=1, join="inner")
    pos = _require_date(both.index, end, "end")
    va, vb = both.iloc[:, 0].to_numpy(dtype=float), both.iloc[:, 1].to_numpy(dtype=float)
    return _streak(va[1:] / va[:-1] - 1.0 > vb[1:] / vb[:-1] - 1.0, both.index, pos)


# --- records ------------------------------------------------------------------------------------


def new_closing_highs(close: pd.Series, start: date, end: date, lookback: Lookback) -> NewHighs:
    """Sessions in [start, end] whose close is strictly greater than every earlier close in the
    look-back window (a close equal to the earlier high is not a new high).

    * "data_start": the window is every earlier close in the series. The first close in the data
      has nothing to beat and never counts.
    * "52w": the window is the earlier closes dated within the 52 calendar weeks (364 days) before
      the session, i.e. on or after `session - 364 days`. Sessions whose window reaches before the
      data starts still count, judged on the closes the data has; `full_lookback` is then False.
      A session with no earlier close in its window never counts.

    `lookback_start` is the earliest close compared against for the `start` session (for
    "data_start" the first close in the data). `high_close` is the highest close among the new-high
    sessions (None when there are none).
    """
    if lookback not in ("data_start", "52w"):
        raise InvalidArgumentError(f"lookback must be 'data_start' or '52w', got {lookback!r}.")
    _check_order(start, end)
    s = _clean(close)
    i0, i1 = _require_date(s.index, start, "start"), _require_date(s.index, end, "end")
    v = s.to_numpy(dtype=float)
    idx = pd.DatetimeIndex(s.index)
    if lookback == "data_start":
        prior_max = np.maximum.accumulate(v)
        hits = [i for i in range(max(i0, 1), i1 + 1) if v[i] > prior_max[i - 1]]
        lb_start, full = _d(idx[0]), True
    else:
        firsts = idx.searchsorted(idx - WEEKS_52)  # first position inside each session's window
        hits = [i for i in range(i0, i1 + 1) if firsts[i] < i and v[i] > v[firsts[i] : i].max()]
        lb_start = _d(idx[min(int(firsts[i0]), i0)])
        full = bool(idx[0] <= idx[i0] - WEEKS_52)
    return NewHighs(
        count=len(hits),
        dates=[_d(idx[i]) for i in hits],
        start=_d(idx[i0]),
        end=_d(idx[i1]),
        lookback=lookback,
        lookback_start=lb_start,
        high_close=float(max(v[i] for i in hits)) if hits else None,
        full_lookback=full,
    )


def max_drawdown(close: pd.Series, start: date, end: date) -> Drawdown:
    """Largest peak-to-trough decline of the closes within [start, end] (nothing outside counts).

    For each session, the drawdown is its close over the highest close so far in the window, minus
    1; the trough is the session with the lowest drawdown (the earliest one on ties), the peak is
    the session that first set the high preceding it, and `recovered_date` is the first session
    after the trough, up to `end`, closing at or above the peak close (None if none did). When no
    close fell below an earlier one, `pct` is 0.0, peak and trough are the `start` session and
    `recovered_date` is None.
    """
    _check_order(start, end)
    s = _clean(close)
    i0, i1 = _require_date(s.index, start, "start"), _require_date(s.index, end, "end")
    v = s.to_numpy(dtype=float)[i0 : i1 + 1]
    idx = s.index[i0 : i1 + 1]
    running = np.maximum.accumulate(v)
    dd = v / running - 1.0
    t = int(np.argmin(dd))
    p = int(np.flatnonzero(v[: t + 1] == running[t])[0])
    recovered: date | None = None
    if dd[t] < 0:
        after = np.flatnonzero(v[t + 1 :] >= v[p])
        recovered = _d(idx[t + 1 + int(after[0])]) if len(after) else None
    return Drawdown(
        pct=float(dd[t]),
        peak_date=_d(idx[p]),
        peak_value=float(v[p]),
        trough_date=_d(idx[t]),
        trough_value=float(v[t]),
        recovered_date=recovered,
    )


# --- moving averages, volatility, yields ----------------------------------------------------------


def sma(close: pd.Series, window: int) -> pd.Series:
    """Simple moving average of the last `window` closes (missing closes dropped first), NaN until
    `window` closes are available; indexed like the non-missing closes."""
    _check_n(window, "window")
    return _clean(close).rolling(window, min_periods=window).mean()


def distance_from_sma(close: pd.Series, day: date, window: int) -> SmaDistance:
    """How far `day`'s close is from its `window`-session SMA (the mean of the `window` closes
    ending at and including `day`): `pct = close / sma - 1`, `above` is close > sma strictly."""
    _check_n(window, "window")
    s = _clean(close)
    pos = _require_date(s.index, day, "day")
    if pos + 1 < window:
        first_ok = ""
        if len(s) >= window:
            first_ok = f"; the first day with a full window is {_d(s.index[window - 1])}"
        raise DateOutOfRangeError(
            f"a {window}-session SMA on {day} needs {window} closes up to that day, the data has "
            f"{pos + 1}{first_ok}; {_available(s.index)}."
        )
    c = float(s.iloc[pos])
    m = float(s.iloc[pos + 1 - window : pos + 1].mean())
    return SmaDistance(_d(s.index[pos]), c, m, window, c / m - 1.0, c > m)


def volatility(close: pd.Series, start: date, end: date, annualize: bool = True) -> Volatility:
    """Sample standard deviation (ddof=1) of the daily simple returns of the sessions in
    (start, end] (the first return is from `start`'s close); annualized = daily * sqrt(252).

    Needs at least two returns (three closes)."""
    _check_order(start, end)
    s = _clean(close)
    i0, i1 = _require_date(s.index, start, "start"), _require_date(s.index, end, "end")
    if i1 - i0 < 2:
        raise InvalidArgumentError(
            f"volatility needs at least 2 daily returns, {start} to {end} has {i1 - i0}."
        )
    v = s.to_numpy(dtype=float)[i0 : i1 + 1]
    daily = float(np.std(v[1:] / v[:-1] - 1.0, ddof=1))
    ann = daily * math.sqrt(TRADING_DAYS_PER_YEAR) if annualize else None
    return Volatility(_d(s.index[i0]), _d(s.index[i1]), daily, ann, i1 - i0)


def _last_valid(s: pd.Series, full: pd.DatetimeIndex, day: date, what: str) -> int:
    ts = _ts(day)
    if len(full) == 0 or ts > full[-1]:
        raise DateOutOfRangeError(f"{what} {day} is after the data ends; {_available(full)}.")
    pos = int(s.index.searchsorted(ts, side="right")) - 1
    if pos < 0:
        raise DateOutOfRangeError(
            f"{what} {day} is before the first observation; {_available(s.index)}."
        )
    return pos


def change_bp(values: pd.Series, start: date, end: date) -> BpChange:
    """Change of a yield series quoted in percent, in basis points: (end - start) * 100.

    Each date takes the last non-missing observation on or before it (FRED leaves holidays blank),
    so the dates need not be in the index; they must not be after the series' last date nor before
    its first non-missing observation. The observation dates used are returned too.
    """
    _check_order(start, end)
    s = _clean(values)
    full = pd.DatetimeIndex(values.index)
    i0, i1 = _last_valid(s, full, start, "start"), _last_valid(s, full, end, "end")
    v0, v1 = float(s.iloc[i0]), float(s.iloc[i1])
    return BpChange(start, end, v0, v1, (v1 - v0) * 100.0, _d(s.index[i0]), _d(s.index[i1]))
