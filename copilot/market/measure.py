"""The composable market measure: instruments × window × measure × aggregation × comparison.

Pure pandas (no I/O, no LLM). Every definition is in docs/windows-and-measures.md: a measure
gives one value per session of the window (a level, a cumulative move from the base, a daily
move, a drawdown, a run length …), an aggregation turns those into one figure (last, max, min,
argmax, argmin, mean, sum, count), and the rows are then compared with a benchmark or ranked.
Units: a price moves in %, a rate series (yields) in bp, any other series in points (plus % when
its base is > 0: never through zero).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from copilot.errors import DateOutOfRangeError, InvalidArgumentError
from copilot.facts import FactUnit
from copilot.market.measure_model import MeasureArgs, MeasureResult, MeasureRow
from copilot.market.measure_text import definition, render
from copilot.market.measure_window import (
    Instrument,
    Kind,
    Span,
    as_date,
    check_visible,
    clean,
    default_note,
    periods_per_year,
    resolve_span,
)

COUNT_MEASURES = frozenset({"up_days", "down_days", "new_highs", "days_above", "days_below",
                            "up_weeks", "down_weeks", "up_months", "down_months"})  # fmt: skip
STREAKS = frozenset({"up_streak", "down_streak", "beat_streak"})
# A calendar period's move, on the period's last session: weeks run Monday to Sunday.
PERIODS = {"weekly_return": "W", "monthly_return": "M"}
# Weeks (months) counted by the way their move went: (the period, +1 up / -1 down).
PERIOD_COUNTS = {"up_weeks": ("W", 1), "down_weeks": ("W", -1), "up_months": ("M", 1),
                 "down_months": ("M", -1)}  # fmt: skip
# Weeks (months) in a row that went one way, counted back through all visible data.
PERIOD_STREAKS = {"up_week_streak": ("W", 1), "down_week_streak": ("W", -1),
                  "up_month_streak": ("M", 1), "down_month_streak": ("M", -1)}  # fmt: skip
CHANGE_MONTHS = {"mom": 1, "yoy": 12}  # month over month, year over year
ADJUSTED_NOTE = "moves use split- and dividend-adjusted closes; levels are raw closes as printed"


def compute_measure(
    args: MeasureArgs, instruments: Mapping[str, Instrument], as_of: date | None
) -> MeasureResult:
    """The figure of `args` for every symbol (stored symbols, keys of `instruments`)."""
    wanted = list(dict.fromkeys([*args.symbols, *([args.versus] if args.versus else [])]))
    missing = [s for s in wanted if s not in instruments]
    if missing:
        raise InvalidArgumentError(f"no values given for {', '.join(missing)}.")
    notes = check_visible(args, as_of)
    bench = clean(instruments[args.versus].values, as_of) if args.versus else None
    rows: list[MeasureRow] = []
    failures: list[DateOutOfRangeError] = []
    for symbol in dict.fromkeys(args.symbols):
        try:
            row, row_notes = measure_one(symbol, instruments[symbol], args, as_of, bench)
        except DateOutOfRangeError as exc:
            failures.append(exc)
            row, row_notes = _failed(symbol, instruments[symbol].kind, str(exc)), []
        rows.append(row)
        notes.extend(row_notes)
    if len(failures) == len(rows):
        raise failures[0]
    if all(r.value is None for r in rows):  # nothing to show: say why, write no figure
        raise DateOutOfRangeError(" ".join(dict.fromkeys(r.note for r in rows if r.note)))
    units = sorted({r.unit for r in rows if r.value is not None})
    if args.rank != "none" and len(units) > 1:  # % against bp says nothing
        notes.append(f"not ranked: the figures are in different units ({', '.join(units)}).")
    elif args.rank != "none":
        rows = rank_rows(rows, args.rank)
    if args.versus and args.measure != "beat_streak":
        rows = _with_benchmark(rows, args, instruments[args.versus], as_of, notes)
    kinds: set[str] = {r.kind for r in rows if r.kind}
    text = definition(args, kinds)
    if args.measure != "level" and any(instruments[s].adjusted is not None for s in wanted):
        text = f"{text[:-1]}; {ADJUSTED_NOTE}."
    result = MeasureResult(args=args, rows=rows, definition=text,
                           notes=list(dict.fromkeys(notes)))  # fmt: skip
    result.facts = render(result)[1]
    return result


def measure_one(
    symbol: str, inst: Instrument, args: MeasureArgs, as_of: date | None, bench: pd.Series | None
) -> tuple[MeasureRow, list[str]]:
    """One instrument's row and the notes its window needed (snapping, clipping, defaults)."""
    span, other = _span(symbol, inst, args, as_of, bench)
    notes = [*span.notes, *filter(None, [default_note(args, span, inst.kind)])]
    row = MeasureRow(
        symbol=symbol, value=None, unit="count", kind=inst.kind, start=span.day(span.first),
        end=span.day(span.last), end_value=float(span.values.iloc[span.last]),
        sessions=span.last - span.first + 1,
    )  # fmt: skip
    if span.base is not None:
        row.base, row.base_value = span.day(span.base), float(span.values.iloc[span.base])
    row.adjusted = _differs_from_raw(span, inst, as_of)
    row.released = _released(inst, span)
    if args.measure == "volatility":
        _volatility(row, span, inst.kind)
        return row, notes
    per, row.unit = session_values(args, span, inst.kind, other)
    _aggregate(row, per, args)
    _describe_reference(row, args, span)
    if args.measure == "return" and args.aggregate == "last" and inst.kind == "series":
        _percent(row)
    if args.measure == "return" and args.aggregate == "last" and inst.kind == "index":
        _points(row)
    return row, notes


def _span(
    symbol: str, inst: Instrument, args: MeasureArgs, as_of: date | None, bench: pd.Series | None
) -> tuple[Span, pd.Series | None]:
    """The window on the instrument's values (for a beat streak: on the dates both have)."""
    raw = clean(inst.values, as_of)
    adjusted = inst.adjusted is not None and args.measure != "level"
    values = clean(inst.adjusted, as_of) if inst.adjusted is not None and adjusted else raw
    other: pd.Series | None = None
    if args.measure == "beat_streak":
        assert bench is not None  # MeasureArgs requires versus for beat_streak
        both = pd.concat([values, bench], axis=1, join="inner")
        values, other = both.iloc[:, 0], both.iloc[:, 1]
    span = resolve_span(symbol, inst, args, as_of, values)
    if adjusted:  # in the end session's terms: the end value is the raw close of that day
        end_raw = float(raw.loc[span.values.index[span.last]])
        span = replace(span, values=span.values * (end_raw / float(span.values.iloc[span.last])))
    if args.measure in ("daily_return", "daily_move_size") and args.aggregate == "last":
        span = replace(span, first=span.last, base=span.last - 1)  # the end session's move
    return span, other


def _differs_from_raw(span: Span, inst: Instrument, as_of: date | None) -> bool:
    """Whether the adjusted closes the row reads differ from the raw closes (a split or a
    dividend inside the window): the text then says 'adjusted close'."""
    if inst.adjusted is None:
        return False
    lo = span.base if span.base is not None else span.first
    used = span.values.iloc[lo : span.last + 1]
    raw = clean(inst.values, as_of).reindex(used.index)
    return not np.allclose(used.to_numpy(), raw.to_numpy(), rtol=1e-9, atol=0.0)


def _released(inst: Instrument, span: Span) -> date | None:
    """The end observation's release date, when it is not the observation's own date."""
    if inst.released is None:
        return None
    end = span.values.index[span.last]
    if end not in inst.released.index:
        return None
    known = as_date(inst.released.loc[end])
    return known if known != as_date(end) else None


def _reference_positions(index: pd.DatetimeIndex, months: int) -> np.ndarray:
    """For each observation, the position of the last one on or before the date `months`
    earlier (-1: none)."""
    targets = index - pd.DateOffset(months=months)
    return np.asarray(index.searchsorted(targets, side="right")) - 1


def window_values(
    symbol: str, inst: Instrument, args: MeasureArgs, as_of: date | None,
    bench: Instrument | None = None,
) -> pd.Series:  # fmt: skip
    """The values table: the measure's value on each session of `symbol`'s window."""
    other = clean(bench.values, as_of) if bench is not None else None
    span, aligned = _span(symbol, inst, args, as_of, other)
    return session_values(args, span, inst.kind, aligned)[0]


def session_values(
    args: MeasureArgs, span: Span, kind: Kind, other: pd.Series | None = None
) -> tuple[pd.Series, FactUnit]:
    """The measure's value on each session of the window, and its unit (numpy inside: a call
    covers eleven sectors in a few milliseconds)."""
    v = span.values.to_numpy(dtype=float)
    w = slice(span.first, span.last + 1)
    m, last_only = args.measure, args.aggregate == "last"  # last: the end's reference decides
    unit: FactUnit
    with np.errstate(divide="ignore", invalid="ignore"):
        if m == "level":
            out, unit = v[w], ("$" if kind == "price" else "level")
        elif m == "return":
            assert span.base is not None
            out, unit = _move(v[span.base], v[w], kind), move_unit(kind)
        elif m in ("daily_return", "daily_move_size", "up_days", "down_days"):
            daily = _move(_previous(v), v, kind)[w]
            out, unit = (np.abs(daily) if m == "daily_move_size" else daily), move_unit(kind)
            if m in ("up_days", "down_days"):
                out, unit = ((daily > 0) if m == "up_days" else (daily < 0)).astype(float), "count"
        elif m in PERIODS:
            out, unit = _period_moves(span, PERIODS[m], kind)[w], move_unit(kind)
        elif m in PERIOD_COUNTS:  # on each period's last session, whether it went that way
            freq, way = PERIOD_COUNTS[m]
            moves = _period_moves(span, freq, kind)[w]
            out, unit = (np.sign(np.nan_to_num(moves)) == way).astype(float), "count"
        elif m in PERIOD_STREAKS:  # on each period's last session, the periods in a row
            freq, way = PERIOD_STREAKS[m]
            out, unit = _period_runs(span, freq, way, kind)[w], "count"
        elif m in ("drawdown", "distance_from_peak"):
            out, unit = _relative(v[w], np.maximum.accumulate(v[w]), kind, last_only)
        elif m == "distance_from_trough":
            out, unit = _relative(v[w], np.minimum.accumulate(v[w]), kind, last_only)
        elif m in STREAKS:
            flags = _streak_flags(m, v, None if other is None else other.to_numpy(dtype=float))
            out, unit = _run_lengths(flags)[w].astype(float), "sessions"
        elif m in ("days_above", "days_below"):  # closes on the line's side of it
            assert args.line is not None  # the model's validator requires it
            side = v[w] > args.line if m == "days_above" else v[w] < args.line
            out, unit = side.astype(float), "count"
        elif m == "new_highs":
            out, unit = (v > _previous(np.maximum.accumulate(v))).astype(float)[w], "count"
        elif m in CHANGE_MONTHS:
            at = _reference_positions(pd.DatetimeIndex(span.values.index), CHANGE_MONTHS[m])
            ref = np.where(at >= 0, v[np.maximum(at, 0)], np.nan)
            out, unit = _relative(v[w], ref[w], kind, last_only)
        else:  # sma_distance
            out, unit = _relative(v[w], _rolling_mean(v, args.sma_window)[w], kind, last_only)
    return pd.Series(out, index=span.values.index[w]), unit


def _period_moves(span: Span, freq: str, kind: Kind, whole: bool = False) -> np.ndarray:
    """On each period's last session, its move from the last close of the period before (NaN
    on every other session). A period whose base lies before the window's (a week the window
    starts inside) is left out: its move is not the window's; with `whole`, every period of
    the data with a close before it is kept (a run counted back through all of it)."""
    v = span.values.to_numpy(dtype=float)
    periods = pd.DatetimeIndex(span.values.index).to_period(freq).to_numpy()
    out = np.full(len(v), np.nan)
    earliest = 0 if whole else span.base if span.base is not None else span.first
    starts = np.flatnonzero(np.concatenate([[True], periods[1:] != periods[:-1]]))
    ends = np.concatenate([starts[1:] - 1, [len(v) - 1]])
    for first, last in zip(starts, ends, strict=True):
        if first - 1 >= earliest:
            out[last] = _move(v[first - 1], v[last : last + 1], kind)[0]
    return out


def _period_runs(span: Span, freq: str, way: int, kind: Kind) -> np.ndarray:
    """On each period's last session, how many periods in a row to it moved `way` (+1 up, -1
    down); NaN on every other session."""
    moves = _period_moves(span, freq, kind, whole=True)
    ends = np.flatnonzero(~np.isnan(moves))
    out = np.full(len(moves), np.nan)
    out[ends] = _run_lengths(np.sign(moves[ends]) == way)
    return out


def _previous(v: np.ndarray) -> np.ndarray:
    """Each position's previous value (NaN for the first)."""
    return np.concatenate([[np.nan], v[:-1]])


def _rolling_mean(v: np.ndarray, n: int) -> np.ndarray:
    """Mean of the n values ending at each position; NaN until n are available."""
    sums = np.concatenate([[0.0], np.cumsum(v)])
    out = np.full(len(v), np.nan)
    out[n - 1 :] = (sums[n:] - sums[:-n]) / n
    return out


def move_unit(kind: Kind) -> FactUnit:
    return {"price": "%", "index": "%", "rate": "bp"}.get(kind, "points")  # type: ignore[return-value]


def _move(base: float | np.ndarray, cur: np.ndarray, kind: Kind) -> np.ndarray:
    if kind in ("price", "index"):
        return (cur / base - 1.0) * 100.0
    if kind == "rate":
        return (cur - base) * 100.0
    return cur - base


def _relative(
    v: np.ndarray, ref: np.ndarray, kind: Kind, last_only: bool
) -> tuple[np.ndarray, FactUnit]:
    """v against a reference (peak, trough, average): % for prices and positive series, bp for
    rates, points for a series whose reference is ever <= 0 (never a percent through zero)."""
    if kind == "rate":
        return (v - ref) * 100.0, "bp"
    judged = ref[-1:] if last_only else ref
    if kind in ("price", "index") or bool((judged[~np.isnan(judged)] > 0).all()):
        return (v / ref - 1.0) * 100.0, "%"
    return v - ref, "points"


def _streak_flags(measure: str, v: np.ndarray, other: np.ndarray | None) -> np.ndarray:
    """Whether each session qualifies (never the first: it has no previous close)."""
    if measure == "up_streak":
        return v > _previous(v)
    if measure == "down_streak":
        return v < _previous(v)
    assert other is not None
    other = other[: len(v)]  # aligned on the dates both have, through the end
    beat: np.ndarray = (v / _previous(v) - 1.0) > (other / _previous(other) - 1.0)
    return beat  # a tie breaks the run


def _run_lengths(qualified: np.ndarray) -> np.ndarray:
    """Consecutive True values ending at each position (0 where False)."""
    position = np.arange(len(qualified))
    last_miss = np.maximum.accumulate(np.where(qualified, -1, position))
    return position - last_miss


def _aggregate(row: MeasureRow, per: pd.Series, args: MeasureArgs) -> None:
    s = per.dropna()
    agg = args.aggregate
    if args.measure in COUNT_MEASURES:
        hits = s[s > 0]
        row.on = as_date(hits.index[-1]) if len(hits) else None
        if agg == "mean":
            row.value, row.unit = (float(s.mean()) * 100.0 if len(s) else None), "%"
        else:
            row.value, row.unit = float(len(hits)), "count"
        return
    if agg == "last":
        last = float(per.iloc[-1]) if len(per) else math.nan
        row.value = None if math.isnan(last) else last
        return
    if s.empty:
        row.note = f"no {row.symbol} value to aggregate from {row.start} to {row.end}."
        return
    if agg in ("max", "min", "argmax", "argmin"):
        at = _arg(s, "max" if agg.endswith("max") else "min")
        row.on, extreme = as_date(s.index[at]), float(s.iloc[at])
        if agg.startswith("arg"):
            row.value, row.extreme, row.extreme_unit = float(row.on.toordinal()), extreme, row.unit
            row.unit = "date"
        else:
            row.value = extreme
    elif agg == "mean":
        row.value = float(s.mean())
    elif agg == "sum":
        row.value = float(s.sum())
    else:  # count
        row.value, row.unit = float(len(s)), "count"


def _arg(s: pd.Series, which: str) -> int:
    """Position of the first highest (lowest) value: the earliest day of a tie."""
    values = s.to_numpy(dtype=float)
    return int(np.argmax(values) if which == "max" else np.argmin(values))


def _describe_reference(row: MeasureRow, args: MeasureArgs, span: Span) -> None:
    """The peak, trough, average or run start a figure is read against, with its date."""
    m, w = args.measure, span.window
    if m in ("distance_from_peak", "distance_from_trough", "drawdown"):
        upto = w if args.aggregate == "last" or row.on is None else w[: pd.Timestamp(row.on)]
        at = _arg(upto, "min" if m == "distance_from_trough" else "max")
        row.ref_date, row.ref_value = as_date(upto.index[at]), float(upto.iloc[at])
        if args.aggregate == "last" and m != "drawdown":
            row.on = row.ref_date
    elif m in PERIODS and row.value is not None and args.aggregate in ("last", "max", "min"):
        # the period's base close (the last close before it) and its end close
        end = pd.Timestamp(row.on or span.day(span.last))
        position = int(span.values.index.searchsorted(end))
        period = pd.DatetimeIndex(span.values.index).to_period(PERIODS[m])
        first = position
        while first > 0 and period[first - 1] == period[position]:
            first -= 1
        row.on = row.on or span.day(position)
        row.ref_date, row.ref_value = span.day(first - 1), float(span.values.iloc[first - 1])
        row.on_value = float(span.values.iloc[position])
    elif m in CHANGE_MONTHS and args.aggregate == "last":
        at = _reference_positions(pd.DatetimeIndex(span.values.index), CHANGE_MONTHS[m])[span.last]
        if at >= 0:
            row.ref_date, row.ref_value = span.day(int(at)), float(span.values.iloc[int(at)])
        else:
            row.note = (f"no {row.symbol} observation {CHANGE_MONTHS[m]} month(s) before "
                        f"{row.end}: the data begins {span.day(0)}")  # fmt: skip
    elif m == "sma_distance" and args.aggregate == "last":
        row.ref_value = float(span.values.iloc[-args.sma_window :].mean())
        if row.value is None:
            row.ref_value = None
            row.note = (f"a {args.sma_window}-session average needs {args.sma_window} "
                        f"observations to {row.end}; {row.symbol} has {span.last + 1}")  # fmt: skip
    elif m in PERIOD_STREAKS and row.value is not None and args.aggregate in ("last", "max"):
        # the run's first period, by its last session ("weeks ending … to …")
        freq, way = PERIOD_STREAKS[m]
        runs = _period_runs(span, freq, way, "price")  # a move's sign is the same for any kind
        ends = np.flatnonzero(~np.isnan(runs))
        at = int(np.searchsorted(ends, span.values.index.searchsorted(
            pd.Timestamp(row.on or span.day(span.last)))))  # fmt: skip
        length = int(row.value)
        if length and at - length + 1 >= 0:
            row.ref_date = span.day(int(ends[at - length + 1]))
            if at - length + 1 == 0:
                row.note = (f"the run reaches back to the start of the {row.symbol} data "
                            f"({span.day(0)}): it may be longer.")  # fmt: skip
    elif m in STREAKS and row.value is not None and args.aggregate in ("last", "max"):
        end = pd.Timestamp(row.on or span.day(span.last))
        position = int(span.values.index.searchsorted(end))
        length = int(row.value)
        if length:
            row.ref_date = span.day(position - length + 1)
            if position - length + 1 == 1:
                row.note = (f"the run reaches back to the start of the {row.symbol} data "
                            f"({span.day(0)}): it may be longer.")  # fmt: skip


def _points(row: MeasureRow) -> None:
    """An index's move in points besides its %: how people quote the S&P 500 ("down 143
    points"), which no fund's price gives."""
    if row.base_value is not None and row.end_value is not None:
        row.points = row.end_value - row.base_value


def _percent(row: MeasureRow) -> None:
    """A series' move in % besides its points, only from a positive base."""
    if row.base_value is None or row.end_value is None:
        return
    if row.base_value > 0:
        row.percent = (row.end_value / row.base_value - 1.0) * 100.0
    else:
        row.note = "no percent change: the base value is not positive"


def _volatility(row: MeasureRow, span: Span, kind: Kind) -> None:
    """Annualized sample std (ddof 1) of the window's daily moves."""
    v = span.values.to_numpy(dtype=float)
    positive = kind in ("price", "index") or bool((v[span.first - 1 :] > 0).all())
    move_kind: Kind = "price" if positive and kind == "series" else kind
    daily = _move(v[span.first - 1 : span.last], v[span.first : span.last + 1], move_kind)
    row.unit = move_unit(move_kind)
    row.sessions = len(daily)
    if len(daily) < 2:
        row.note = f"volatility needs at least 2 moves; {row.start} to {row.end} has {len(daily)}."
        return
    row.value = float(np.std(daily, ddof=1)) * math.sqrt(periods_per_year(span.values))


def rank_rows(rows: list[MeasureRow], order: str) -> list[MeasureRow]:
    """Rows sorted by value (desc: highest first), competition ranks (1, 2, 2, 4); rows without
    a value last, unranked. Ties keep the input order."""
    sign = 1.0 if order == "asc" else -1.0
    valued = sorted((r for r in rows if r.value is not None), key=lambda r: sign * (r.value or 0))
    for i, row in enumerate(valued):
        same = i > 0 and valued[i - 1].value == row.value
        row.rank = valued[i - 1].rank if same else i + 1
    return valued + [r for r in rows if r.value is None]


def _with_benchmark(
    rows: list[MeasureRow], args: MeasureArgs, inst: Instrument, as_of: date | None,
    notes: list[str],
) -> list[MeasureRow]:  # fmt: skip
    """Each row's difference from the benchmark's figure (same unit only); the benchmark's own
    row is added last when it was not among the symbols."""
    assert args.versus is not None
    bench = next((r for r in rows if r.symbol == args.versus), None)
    if bench is None:
        try:
            bench, bench_notes = measure_one(args.versus, inst, args, as_of, None)
            notes.extend(bench_notes)
        except DateOutOfRangeError as exc:
            bench = _failed(args.versus, inst.kind, str(exc))
        bench.rank = None
        rows = [*rows, bench]
    for row in rows:
        if row is bench or row.value is None or bench.value is None:
            continue
        if row.unit == bench.unit and row.unit != "date":
            row.versus_value, row.difference = bench.value, row.value - bench.value
    return rows


def _failed(symbol: str, kind: Kind, why: str) -> MeasureRow:
    return MeasureRow(symbol=symbol, value=None, unit="count", kind=kind, note=why)
