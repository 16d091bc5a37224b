"""The preset market tools: thin presets of the measure (copilot.tools.measure_tool), kept by
name for the CLI and the LangChain agent mode. Each docstring is exactly what the model reads.

Each maps its arguments to `MeasureArgs`, computes with the measure (so a weekend or holiday
snaps to the close before it, and says so), answers in one or two dense lines whose figures are
the measure's facts, and registers one `DataSource` with those facts.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from copilot.errors import InvalidArgumentError
from copilot.facts import Fact
from copilot.market import metrics
from copilot.market.measure_model import MeasureResult, MeasureRow
from copilot.market.symbols import lookup, resolve_concept, sector_symbols
from copilot.tools.market_support import load, normalize_symbol, store_of
from copilot.tools.preset_support import (
    Shown,
    cite_preset,
    fraction,
    measure,
    move_sentence,
    note_point,
    point_start,
    recovered_on,
    run_of,
    sessions_of,
    visible,
    year_start,
)
from copilot.tools.registry import ToolDeps, ToolOutput, register_tool

SYMBOL = "Ticker or series id (e.g. IWM, SPY, XLU, DGS10) or a phrase like 'small caps'."
DAY = "A session date YYYY-MM-DD; default: the latest date with data."


class FindSymbolsArgs(BaseModel):
    query: str = Field(description="Words such as 'small caps', 'utilities', '10-year yield'.")


@register_tool("find_symbols", FindSymbolsArgs)
def find_symbols(deps: ToolDeps, args: FindSymbolsArgs) -> ToolOutput:
    """Map words to stored symbols (e.g. 'small caps' -> IWM) with the dates each covers."""
    store = store_of(deps)
    stored = set(store.stored_symbols())
    matches = [s for s in resolve_concept(args.query) if s in stored]
    wanted = args.query.strip().upper()
    if wanted in stored and wanted not in matches:
        matches.insert(0, wanted)
    if not matches:
        return ToolOutput(
            text=f"No stored symbol matches {args.query!r}. Stored: {', '.join(sorted(stored))}.",
            error=True,
        )
    lines = []
    for symbol in matches:
        first, last = store.date_range(symbol, as_of=deps.as_of)
        info = lookup(symbol)
        what = info.represents if info else (store.symbol_info(symbol) or {}).get("name", "")
        lines.append(f"{symbol}: {what}; data {first} to {last}")
    return ToolOutput(text="\n".join(lines), data={"symbols": matches})


class ReturnArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    start: date | None = Field(None, description="First session (its close is the base).")
    end: date | None = Field(None, description=DAY)
    sessions: int | None = Field(
        None,
        ge=1,
        description="Instead of start: the return over this many sessions to end "
        "(default 1: the day's move).",
    )


@register_tool("price_return", ReturnArgs)
def price_return(deps: ToolDeps, args: ReturnArgs) -> ToolOutput:
    """Percent return of a symbol between two session closes, over the last N sessions, or on
    one day (the default)."""
    symbol = normalize_symbol(deps, args.symbol)
    visible(deps, args.end)
    # No start, or start == end ("how did X do on Jan 22"), asks for that session's move.
    point = args.start if args.start and args.start != args.end and not args.sessions else None
    window = point_start(deps, symbol, point) if point else {"sessions": args.sessions}
    result = measure(deps, [symbol], end=args.end, **window)
    row = result.rows[0]
    if point:
        note_point(deps, result, row, point)
    shown = Shown(result)
    body, values = move_sentence(shown, row, "return")
    assert row.base is not None and row.base_value is not None and row.end_value is not None
    data = {"start": row.base, "end": row.end, "start_value": row.base_value,
            "end_value": row.end_value, "change": row.end_value - row.base_value,
            "pct": fraction(row), "sessions": row.sessions}  # fmt: skip
    return cite_preset(deps, "price_return", [result], body, shown, values, data,
                       (row.base, row.end))  # fmt: skip


class SectorArgs(BaseModel):
    day: date | None = Field(None, description=DAY)
    focus: str | None = Field(
        None, description="A sector the question is about (e.g. XLU or 'utilities'): its rank."
    )


@register_tool("sector_returns", SectorArgs)
def sector_returns(deps: ToolDeps, args: SectorArgs) -> ToolOutput:
    """The 11 S&P 500 sector ETFs' returns on one session, ranked best to worst."""
    store = store_of(deps)
    symbols = [s for s in sector_symbols() if store.table_of(s) is not None]
    if not symbols:
        raise InvalidArgumentError("no sector ETFs (XLB … XLY) are stored.")
    visible(deps, args.day)
    result = measure(deps, symbols, end=args.day, rank="desc")
    rows = [r for r in result.rows if r.rank is not None]
    shown = Shown(result)
    ranks = {r.symbol: shown(r.symbol, "rank") for r in rows}
    moves = {r.symbol: shown(r.symbol, "return") for r in rows}
    parts = [f"{ranks[r.symbol]} {r.symbol} {_sector(r.symbol)} {moves[r.symbol]}" for r in rows]
    best, worst = rows[0], rows[-1]
    # Said first: a small model misreads "worst", or one sector's place, off a ranked list.
    body = (f"Sector returns on {best.end} (vs {best.base}): best {best.symbol} "
            f"{moves[best.symbol]}, worst {worst.symbol} {moves[worst.symbol]}."
            f"{_focus(args.focus, rows, ranks, moves)} Ranked: {'; '.join(parts)}.")  # fmt: skip
    ranked = [{"rank": r.rank, "symbol": r.symbol, "pct": fraction(r), "close": r.end_value,
               "prev_close": r.base_value, "prev_date": r.base} for r in rows]  # fmt: skip
    return cite_preset(deps, "sector_returns", [result], body, shown, moves,
                       {"day": best.end, "ranked": ranked}, (best.base, best.end))  # fmt: skip


def _sector(symbol: str) -> str:
    info = lookup(symbol)
    return info.sector or "" if info else ""


def _focus(
    focus: str | None, rows: list[MeasureRow], ranks: dict[str, str], moves: dict[str, str]
) -> str:
    """ " XLU ranked #10 of 11 (-0.72%)." for the sector asked about; "" when none matches."""
    if not focus:
        return ""
    wanted = [focus.strip().upper(), *resolve_concept(focus)]
    for r in rows:
        if r.symbol in wanted:
            return f" {r.symbol} ranked {ranks[r.symbol]} of {len(rows)} ({moves[r.symbol]})."
    return ""


class StreakArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    versus: str | None = Field(
        None, description="Benchmark: count sessions the symbol's daily return beat this one's."
    )
    end: date | None = Field(None, description=DAY)


@register_tool("streak", StreakArgs)
def streak(deps: ToolDeps, args: StreakArgs) -> ToolOutput:
    """Consecutive up sessions of a symbol, or consecutive sessions it beat a benchmark."""
    symbol = normalize_symbol(deps, args.symbol)
    other = normalize_symbol(deps, args.versus) if args.versus else None
    visible(deps, args.end)
    name = "beat_streak" if other else "up_streak"
    what = f"{symbol} beat {other}" if other else f"{symbol} closed higher"

    def run_to(day: date | None) -> MeasureResult:
        return measure(deps, [symbol], measure=name, versus=other, end=day)

    current = run_to(args.end)
    row = current.rows[0]
    assert row.end is not None and row.value is not None
    end, length = row.end, int(row.value)
    days = [d for d in sessions_of(deps, symbol, other) if d <= end]
    at = len(days) - 1 - length  # the latest session that did not qualify
    broke_on = days[at] if at >= 1 else None
    prior = run_to(days[at - 1]) if broke_on is not None else None
    if prior is not None:
        prior.notes.clear()  # its end is a session of our choosing: nothing to say about it
    prior_row = prior.rows[0] if prior is not None else None
    if prior_row is not None and (prior_row.value or 0) <= length:
        prior, prior_row = None, None
    shown = Shown(current, *([prior] if prior else []))
    run = f" ({row.ref_date} to {end})" if row.ref_date else ""
    if length and broke_on is None:
        run += "; the streak reaches back to the start of the data"
    elif length:
        run += f"; the previous session that did not qualify was {broke_on}"
    body = f"{what} {shown(symbol, name, end=end)} in a row through {end}{run}."
    values = {"sessions": str(length)}
    # A run that ended just before `end` (e.g. the day after a rally) is what the question is
    # usually about: report it too rather than a bare "0 sessions" — first, when it just ended.
    if prior_row is not None and prior_row.end is not None:
        before = (f"{what} {shown(symbol, name, end=prior_row.end)} in a row "
                  f"({prior_row.ref_date} to {prior_row.end})")  # fmt: skip
        body = (
            f"{before}, a run that ended on {end}."
            if not length
            else f"{body} The run before it: {before}."
        )
        values.update({"previous run": str(int(prior_row.value or 0)),
                       "previous run to": str(prior_row.end)})  # fmt: skip
    data = {"length": length, "start": row.ref_date, "end": end, "broke_on": broke_on,
            "previous": run_of(prior_row)}  # fmt: skip
    start = (prior_row.ref_date if prior_row is not None else row.ref_date) or end
    results = [current, *([prior] if prior else [])]
    return cite_preset(deps, "streak", results, body, shown, values, data, (start, end),
                       [symbol, *([other] if other else [])])  # fmt: skip


class HighsArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    start: date = Field(description="First session of the window to look in.")
    end: date | None = Field(None, description=DAY)
    lookback: Literal["data_start", "52w"] = Field(
        "data_start", description="A record against all earlier data, or the prior 52 weeks."
    )


@register_tool("new_highs", HighsArgs)
def new_highs(deps: ToolDeps, args: HighsArgs) -> ToolOutput:
    """Count and dates of new closing highs of a symbol within a window."""
    symbol = normalize_symbol(deps, args.symbol)
    visible(deps, args.start)
    visible(deps, args.end)
    result = measure(deps, [symbol], measure="new_highs", aggregate="count", start=args.start,
                     end=args.end)  # fmt: skip
    row = result.rows[0]
    assert row.start is not None and row.end is not None
    # The dates (and the 52-week look-back) come from the same closes the measure counted.
    found = metrics.new_closing_highs(load(deps, symbol), row.start, row.end, args.lookback)
    shown = Shown(result)
    metric = None
    if args.lookback == "data_start":
        count = shown(symbol, "count_new_highs")
        look = f"above every earlier close, all data since {found.lookback_start}"
    else:
        metric = ("new_highs: sessions closing strictly above every close of the 364 calendar "
                  f"days before them; counted in the window {row.start} to {row.end}.")  # fmt: skip
        count = shown.add(Fact(subject=symbol, measure="count_new_highs_52w", value=found.count,
                               unit="count", start=row.start, end=row.end,
                               shown=str(found.count)))  # fmt: skip
        caveat = "" if found.full_lookback else "; the data starts inside the 52-week look-back"
        look = f"above every close of the prior 52 weeks, from {found.lookback_start}{caveat}"
    dates = ", ".join(str(d) for d in found.dates) or "none"
    body = (f"{symbol} set {count} new closing highs from {row.start} to {row.end} (a close "
            f"{look}): {dates}.")  # fmt: skip
    return cite_preset(deps, "new_highs", [result], body, shown, {"count": str(found.count)},
                       asdict(found), (row.start, row.end), metric=metric)  # fmt: skip


class BestGainArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    sessions: int = Field(2, ge=1, description="Length of the gain in sessions (2 = two-day).")
    end: date | None = Field(None, description=DAY)


@register_tool("best_gain_since", BestGainArgs)
def best_gain_since(deps: ToolDeps, args: BestGainArgs) -> ToolOutput:
    """The N-session gain ending on a date and since when it is the best ('best since …')."""
    symbol = normalize_symbol(deps, args.symbol)
    visible(deps, args.end)
    current = measure(deps, [symbol], sessions=args.sessions, end=args.end)
    row = current.rows[0]
    assert row.end is not None
    found = metrics.best_n_session_gain(load(deps, symbol), row.end, args.sessions)
    results = [current]
    if found.previous_larger_date is not None:
        results.append(measure(deps, [symbol], sessions=args.sessions,
                               end=found.previous_larger_date))  # fmt: skip
    shown = Shown(*results)
    gain = shown(symbol, "return", end=row.end, unit=row.unit)
    if found.previous_larger_date is None:
        since = f"the best {args.sessions}-session gain in the data (since {found.data_start})"
    else:
        then = shown(symbol, "return", end=found.previous_larger_date, unit=row.unit)
        since = f"the best since {found.previous_larger_date} ({then} then)"
    body = f"{symbol}'s {args.sessions}-session gain to {row.end} was {gain}, {since}."
    return cite_preset(deps, "best_gain_since", results, body, shown, {"gain": gain},
                       asdict(found), (found.data_start, row.end), [symbol])  # fmt: skip


class AverageArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    day: date | None = Field(None, description=DAY)
    window: int = Field(200, ge=2, description="Moving-average length in sessions.")


@register_tool("moving_average", AverageArgs)
def moving_average(deps: ToolDeps, args: AverageArgs) -> ToolOutput:
    """Whether a symbol closed above its N-session simple moving average, and by how much."""
    symbol = normalize_symbol(deps, args.symbol)
    visible(deps, args.day)
    result = measure(deps, [symbol], measure="sma_distance", end=args.day, sma_window=args.window)
    row = result.rows[0]
    assert row.value is not None and row.ref_value is not None and row.end_value is not None
    shown = Shown(result)
    close, sma = shown(symbol, "level", end=row.end), shown(symbol, "sma")
    distance = shown(symbol, "sma_distance")
    side = "above" if row.end_value > row.ref_value else "below"
    body = (f"{symbol} closed at {close} on {row.end}, {distance} {side} its {args.window}-day "
            f"average of {sma}.")  # fmt: skip
    data = {"day": row.end, "close": row.end_value, "sma": row.ref_value, "window": args.window,
            "pct": row.end_value / row.ref_value - 1.0,
            "above": row.end_value > row.ref_value}  # fmt: skip
    return cite_preset(deps, "moving_average", [result], body, shown,
                       {"close": close, "sma": sma, "distance": distance}, data,
                       (row.end, row.end))  # fmt: skip


class ChangeArgs(BaseModel):
    symbol: str = Field(description="A yield or rate series, e.g. DGS10, US10Y, T10Y2Y.")
    start: date = Field(description="First date (last observation on or before it is used).")
    end: date | None = Field(None, description="Last date; default: the latest observation.")


@register_tool("yield_change", ChangeArgs)
def yield_change(deps: ToolDeps, args: ChangeArgs) -> ToolOutput:
    """Change of a yield/rate series between two dates, in basis points."""
    symbol = normalize_symbol(deps, args.symbol)
    if store_of(deps).table_of(symbol) == "bars":
        raise InvalidArgumentError(
            f"{symbol} is a price series; yield_change takes a yield or rate series "
            "(e.g. DGS10, US10Y). Use price_return for prices."
        )
    visible(deps, args.end)
    result = measure(deps, [symbol], end=args.end, **point_start(deps, symbol, args.start))
    row = result.rows[0]
    note_point(deps, result, row, args.start)
    assert row.value is not None and row.base_value is not None and row.end_value is not None
    shown = Shown(result)
    change = shown(symbol, "return", unit=row.unit)
    start, end = shown(symbol, "level", end=row.base), shown(symbol, "level", end=row.end)
    body = f"{symbol} moved {change} from {start} ({row.base}) to {end} ({row.end})."
    data = {"start": args.start, "end": args.end or row.end, "start_value": row.base_value,
            "end_value": row.end_value, "start_observed": row.base, "end_observed": row.end,
            "bp": row.value if row.unit == "bp" else None}  # fmt: skip
    return cite_preset(deps, "yield_change", [result], body, shown, {"change": change}, data,
                       (row.base, row.end))  # fmt: skip


@register_tool("ytd_return", ReturnArgs)
def ytd_return(deps: ToolDeps, args: ReturnArgs) -> ToolOutput:
    """Year-to-date return of a symbol to a session (start/sessions are ignored)."""
    symbol = normalize_symbol(deps, args.symbol)
    result = measure(deps, [symbol], start=year_start(deps, symbol, args.end), end=args.end)
    row = result.rows[0]
    assert row.base_value is not None and row.end_value is not None
    shown = Shown(result)
    ytd = shown(symbol, "return", unit=row.unit)
    start, end = shown(symbol, "level", end=row.base), shown(symbol, "level", end=row.end)
    body = f"{symbol} {ytd} year to date at {row.end} (close {end} vs {start} on {row.base})."
    data = {"start": row.base, "end": row.end, "start_value": row.base_value,
            "end_value": row.end_value, "pct": fraction(row),
            "sessions": row.sessions}  # fmt: skip
    return cite_preset(deps, "ytd_return", [result], body, shown, {"ytd": ytd}, data,
                       (row.base, row.end))  # fmt: skip


class RiskArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    start: date = Field(description="First session of the window.")
    end: date | None = Field(None, description=DAY)


@register_tool("risk_stats", RiskArgs)
def risk_stats(deps: ToolDeps, args: RiskArgs) -> ToolOutput:
    """Maximum drawdown (worst peak-to-trough decline) and annualized volatility of a symbol
    over a window."""
    symbol = normalize_symbol(deps, args.symbol)
    visible(deps, args.start)
    window = {"start": args.start, "end": args.end}
    drawdown = measure(deps, [symbol], measure="drawdown", aggregate="min", **window)
    volatility = measure(deps, [symbol], measure="volatility", **window)
    dd, vol = drawdown.rows[0], volatility.rows[0]
    assert dd.value is not None and dd.ref_value is not None and dd.on and dd.ref_date
    shown = Shown(drawdown, volatility)
    worst, peak = shown(symbol, "min_drawdown"), shown(symbol, "level", end=dd.ref_date)
    recovered = recovered_on(deps, symbol, dd)
    back = f", recovered {recovered}" if recovered else ", not recovered"
    annual = f"annualized volatility {shown(symbol, 'volatility')} over " if vol.value else ""
    moves = f"{shown(symbol, 'window_moves')} daily returns" if vol.value else ""
    body = (f"{symbol} {dd.start} to {dd.end}: max drawdown {worst} (from the {dd.ref_date} "
            f"close {peak} to the {dd.on} trough{back}); {annual}{moves}.")  # fmt: skip
    data = {"drawdown": {"pct": dd.value / 100, "peak_date": dd.ref_date, "peak_value":
                         dd.ref_value, "trough_date": dd.on, "recovered_date": recovered},
            "volatility": {"annualized": (vol.value or 0) / 100 or None,
                           "sessions": vol.sessions}}  # fmt: skip
    values = {"max drawdown": worst, "volatility": shown(symbol, "volatility") if vol.value else ""}
    return cite_preset(deps, "risk_stats", [drawdown, volatility], body, shown, values, data,
                       (dd.start, dd.end))  # fmt: skip
