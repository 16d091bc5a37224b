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
    resolve_span,
)

COUNT_MEASURES = frozenset({"up_days", "down_days", "new_highs"})
STREAKS = frozenset({"up_streak", "down_streak", "beat_streak"})


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
    if args.rank != "none":
        rows = rank_rows(rows, args.rank)
    if args.versus and args.measure != "beat_streak":
        rows = _with_benchmark(rows, args, instruments[args.versus], as_of, notes)
    kinds: set[str] = {r.kind for r in rows if r.kind}
    result = MeasureResult(
        args=args, rows=rows, definition=definition(args, kinds), notes=list(dict.fromkeys(notes))
    )
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
    if args.measure == "volatility":
        _volatility(row, span, inst.kind)
        return row, notes
    per, row.unit = session_values(args, span, inst.kind, other)
    _aggregate(row, per, args)
    _describe_reference(row, args, span)
    if args.measure == "return" and args.aggregate == "last" and inst.kind == "series":
        _percent(row)
    return row, notes


def _span(
    symbol: str, inst: Instrument, args: MeasureArgs, as_of: date | None, bench: pd.Series | None
) -> tuple[Span, pd.Series | None]:
    """The window on the instrument's values (for a beat streak: on the dates both have)."""
    values = clean(inst.values, as_of)
    other: pd.Series | None = None
    if args.measure == "beat_streak":
        assert bench is not None  # MeasureArgs requires versus for beat_streak
        both = pd.concat([values, bench], axis=1, join="inner")
        values, other = both.iloc[:, 0], both.iloc[:, 1]
    span = resolve_span(symbol, inst, args, as_of, values)
    if args.measure == "daily_return" and args.aggregate == "last":
        span = replace(span, first=span.last, base=span.last - 1)  # the end session's move
    return span, other


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
    """The measure's value on each session of the window, and its unit."""
    v, w = span.values, slice(span.first, span.last + 1)
    m = args.measure
    if m == "level":
        return v.iloc[w], ("$" if kind == "price" else "level")
    if m == "return":
        assert span.base is not None
        return _move(float(v.iloc[span.base]), v.iloc[w], kind), move_unit(kind)
    if m in ("daily_return", "up_days", "down_days"):
        daily = _move(v.shift(1), v, kind).iloc[w]
        if m == "daily_return":
            return daily, move_unit(kind)
        return ((daily > 0) if m == "up_days" else (daily < 0)).astype(float), "count"
    last_only = args.aggregate == "last"  # then only the end's reference decides % or points
    if m in ("drawdown", "distance_from_peak"):
        return _relative(v.iloc[w], v.iloc[w].cummax(), kind, last_only)
    if m == "distance_from_trough":
        return _relative(v.iloc[w], v.iloc[w].cummin(), kind, last_only)
    if m in STREAKS:
        return _run_lengths(_streak_flags(m, v, other)).iloc[w].astype(float), "sessions"
    if m == "new_highs":
        return (v > v.cummax().shift(1)).astype(float).iloc[w], "count"
    if m == "sma_distance":
        average = v.rolling(args.sma_window, min_periods=args.sma_window).mean()
        return _relative(v.iloc[w], average.iloc[w], kind, last_only)
    raise InvalidArgumentError(f"unknown measure {m!r}.")  # pragma: no cover (Literal-checked)


def move_unit(kind: Kind) -> FactUnit:
    return {"price": "%", "index": "%", "rate": "bp"}.get(kind, "points")  # type: ignore[return-value]


def _move(base: float | pd.Series, cur: pd.Series, kind: Kind) -> pd.Series:
    if kind in ("price", "index"):
        return (cur / base - 1.0) * 100.0
    if kind == "rate":
        return (cur - base) * 100.0
    return cur - base


def _relative(
    v: pd.Series, ref: pd.Series, kind: Kind, last_only: bool
) -> tuple[pd.Series, FactUnit]:
    """v against a reference (peak, trough, average): % for prices and positive series, bp for
    rates, points for a series whose reference is ever <= 0 (never a percent through zero)."""
    if kind == "rate":
        return (v - ref) * 100.0, "bp"
    judged = ref.iloc[-1:] if last_only else ref
    if kind in ("price", "index") or bool((judged.dropna() > 0).all()):
        return (v / ref - 1.0) * 100.0, "%"
    return v - ref, "points"


def _streak_flags(measure: str, v: pd.Series, other: pd.Series | None) -> pd.Series:
    if measure == "up_streak":
        return v > v.shift(1)
    if measure == "down_streak":
        return v < v.shift(1)
    assert other is not None
    other = other.loc[v.index]
    return (v / v.shift(1) - 1.0) > (other / other.shift(1) - 1.0)  # a tie breaks the run


def _run_lengths(flags: pd.Series) -> pd.Series:
    """Consecutive True values ending at each position (0 where False)."""
    flags = flags.fillna(False).astype(bool)
    groups = (~flags).cumsum()
    return flags.astype(int).groupby(groups).cumsum()


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
    elif m == "sma_distance" and args.aggregate == "last":
        row.ref_value = float(span.values.iloc[-args.sma_window :].mean())
        if row.value is None:
            row.ref_value = None
            row.note = (f"a {args.sma_window}-session average needs {args.sma_window} "
                        f"observations to {row.end}; {row.symbol} has {span.last + 1}")  # fmt: skip
    elif m in STREAKS and row.value is not None and args.aggregate in ("last", "max"):
        end = pd.Timestamp(row.on or span.day(span.last))
        position = int(span.values.index.searchsorted(end))
        length = int(row.value)
        if length:
            row.ref_date = span.day(position - length + 1)
            if position - length + 1 == 1:
                row.note = (f"the run reaches back to the start of the {row.symbol} data "
                            f"({span.day(0)}): it may be longer.")  # fmt: skip


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
    v = span.values
    positive = kind in ("price", "index") or bool((v.iloc[span.first - 1 :] > 0).all())
    move_kind: Kind = "price" if positive and kind == "series" else kind
    daily = _move(v.shift(1), v, move_kind).iloc[span.first : span.last + 1].dropna()
    row.unit = move_unit(move_kind)
    row.sessions = len(daily)
    if len(daily) < 2:
        row.note = f"volatility needs at least 2 moves; {row.start} to {row.end} has {len(daily)}."
        return
    row.value = float(np.std(daily.to_numpy(), ddof=1)) * math.sqrt(periods_per_year(v))


def periods_per_year(values: pd.Series) -> int:
    """252 for daily data, 52 weekly, 12 monthly, 4 quarterly (from the median gap)."""
    if len(values) < 2:
        return 252
    gap = float(pd.Series(values.index).diff().dt.days.median())
    return 252 if gap <= 4 else 52 if gap <= 10 else 12 if gap <= 40 else 4


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
