"""The `measure` tool: the composable market measure over the store (copilot.market.measure).

The presets in `copilot.tools.market` call `run_measure` too, so every market figure goes
through the same windows, units and facts.
"""

from __future__ import annotations

from typing import Any

from copilot.market.measure import compute_measure
from copilot.market.measure_model import MeasureArgs, MeasureResult
from copilot.market.measure_text import render
from copilot.market.measure_window import Instrument, Kind
from copilot.market.store import MarketStore
from copilot.market.symbols import lookup
from copilot.tools.market_support import cite, load, normalize_symbol, store_of
from copilot.tools.registry import ToolDeps, ToolOutput, register_tool

# FRED series quoted in percent that the symbol registry does not list (spreads, real yields).
RATE_PREFIXES = ("DGS", "DTB", "T10Y", "T5Y", "BAML", "DFII", "DFF", "FEDFUNDS", "MORTGAGE")


def kind_of(store: MarketStore, symbol: str) -> Kind:
    """price (a $ close), index (a level), rate (a % series: moves in bp) or another series."""
    info = lookup(symbol)
    if info is not None and info.kind == "yield":
        return "rate"
    if info is not None and info.kind == "index":
        return "index"
    if info is not None and info.kind in ("volatility", "macro"):
        return "series"
    if store.table_of(symbol) == "bars":
        return "price"
    return "rate" if symbol.upper().startswith(RATE_PREFIXES) else "series"


def resolve_args(deps: ToolDeps, args: MeasureArgs) -> MeasureArgs:
    """`args` with stored symbols ('small caps' -> IWM); UnknownSymbolError says how to add one."""
    symbols = list(dict.fromkeys(normalize_symbol(deps, s) for s in args.symbols))
    versus = normalize_symbol(deps, args.versus) if args.versus else None
    return args.model_copy(update={"symbols": symbols, "versus": versus})


def compute(deps: ToolDeps, args: MeasureArgs) -> MeasureResult:
    """The measure of `args` (symbols already resolved) on the values visible at deps.as_of."""
    store = store_of(deps)
    wanted = dict.fromkeys([*args.symbols, *([args.versus] if args.versus else [])])
    instruments = {s: instrument(deps, store, s) for s in wanted}
    return compute_measure(args, instruments, deps.as_of)


def instrument(deps: ToolDeps, store: MarketStore, symbol: str) -> Instrument:
    """The symbol's visible raw values; adjusted closes where a split or dividend makes them
    differ (moves read those); a series' release dates (reads never show an unreleased value)."""
    adjusted = None
    if store.has_adjustments(symbol):
        adjusted = store.values(symbol, as_of=deps.as_of, adjusted=True)
    released = None
    if store.table_of(symbol) == "series":
        released = store.release_dates(symbol, as_of=deps.as_of)
    return Instrument(load(deps, symbol), kind_of(store, symbol), adjusted, released)


def cite_result(
    deps: ToolDeps, tool: str, result: MeasureResult, body: str | None = None,
    data: dict[str, Any] | None = None,
) -> ToolOutput:  # fmt: skip
    """Register one DataSource for `result` (its text, definition and facts) and return it."""
    text, facts = render(result)
    rows = [r for r in result.rows if r.value is not None]
    starts = [d for r in rows if (d := r.base or r.start) is not None]
    ends = [r.end for r in rows if r.end is not None]
    shown = {f.subject: f.shown for f in facts if f.measure == _main_name(result)}
    return cite(
        deps, tool, [r.symbol for r in result.rows], min(starts) if starts else None,
        max(ends) if ends else None, result.definition, body or text, shown,
        {"measure": result.model_dump(mode="json"), **(data or {})}, facts,
    )  # fmt: skip


def _main_name(result: MeasureResult) -> str:
    a = result.args
    return a.measure if a.aggregate == "last" else f"{a.aggregate}_{a.measure}"


@register_tool("measure", MeasureArgs)
def measure(deps: ToolDeps, args: MeasureArgs) -> ToolOutput:
    """Market figures: a measure of symbols over a window, aggregated, vs a benchmark or ranked.

    measure: level, return, daily_return, daily_move_size (a day's move either way: a typical
    day's through mean), weekly_return / monthly_return (each calendar
    week's / month's move: its best or worst through max/min), drawdown, distance_from_peak,
    distance_from_trough, up_streak, down_streak, beat_streak, up_days, down_days, up_weeks /
    down_weeks / up_months / down_months (calendar periods whose move went that way),
    up_week_streak / down_week_streak / up_month_streak / down_month_streak, new_highs,
    days_above / days_below (closes strictly above / below `line`), sma_distance, volatility,
    mom / yoy (month / year over year: CPI inflation).
    aggregate: last (at end), max/min (with the day), argmax/argmin, mean, sum, count.
    Window: start..end calendar days (the base is the last close before start) or the last N
    sessions; none: the latest move/level, or all data for extremes. A weekend or holiday snaps
    to the close before. Prices move in % (from split- and dividend-adjusted closes), yields in
    bp. A macro value is visible only once released."""
    result = compute(deps, resolve_args(deps, args))
    return cite_result(deps, "measure", result)
