"""Market tools over the metrics. Each docstring is exactly what the model reads.

Every tool answers in one or two dense lines (numbers with units and dates) followed by the
definition it applied, registers its `DataSource` in the ledger and returns structured data too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Literal

import pandas as pd
from pydantic import BaseModel, Field

from copilot.errors import InvalidArgumentError
from copilot.market import metrics
from copilot.market.symbols import lookup, resolve_concept, sector_symbols
from copilot.tools.market_support import (
    cite,
    describe,
    load,
    normalize_symbol,
    num,
    pct,
    session_day,
    store_of,
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
    end = session_day(deps, symbol, args.end, "end")
    values = load(deps, symbol)
    start = session_day(deps, symbol, args.start, "start") if args.start else None
    # No start, or start == end ("how did X do on Jan 22"), asks for that session's move.
    sessions = args.sessions or (1 if start is None or start == end else None)
    if sessions is not None:
        result = metrics.n_session_change(values, end, sessions)
        metric = f"return from the close {sessions} sessions before {end} to its close"
    else:
        assert start is not None
        result = metrics.period_return(values, start, end)
        metric = "close-to-close return: close(end) / close(start) - 1"
    # "returned … over the N sessions": a bare ", 20 sessions." was read as a 20-session streak.
    span = "the session" if result.sessions == 1 else f"the {result.sessions} sessions"
    body = (
        f"{describe(symbol)} returned {pct(result.pct)} over {span} from {result.start} "
        f"(close {num(result.start_value)}) to {result.end} (close {num(result.end_value)})."
    )
    values_shown = {"return": pct(result.pct), "start close": num(result.start_value),
                    "end close": num(result.end_value)}  # fmt: skip
    return cite(deps, "price_return", [symbol], result.start, result.end, metric, body,
                values_shown, asdict(result))  # fmt: skip


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
    day = session_day(deps, symbols[0], args.day, "day")
    closes = store.closes(symbols, as_of=day)
    ranked = metrics.daily_returns_ranked(closes, day)
    parts = [f"{r.rank}. {r.symbol} {lookup(r.symbol).sector if lookup(r.symbol) else ''} "  # type: ignore[union-attr]
             f"{pct(r.pct)}" for r in ranked]  # fmt: skip
    best, worst = ranked[0], ranked[-1]
    # Said first: a small model misreads "worst", or one sector's place, off a ranked list.
    body = (
        f"Sector returns on {day} (vs {best.prev_date}): best {best.symbol} {pct(best.pct)}, "
        f"worst {worst.symbol} {pct(worst.pct)}.{_focus(args.focus, ranked)} Ranked: "
        + "; ".join(parts)
        + "."
    )
    metric = "each sector ETF's close-to-close return from the previous session to the day"
    data = {"day": day, "ranked": [asdict(r) for r in ranked]}
    shown = {r.symbol: pct(r.pct) for r in ranked}
    return cite(deps, "sector_returns", [r.symbol for r in ranked], best.prev_date, day,
                metric, body, shown, data)  # fmt: skip


def _focus(focus: str | None, ranked: list[metrics.RankedReturn]) -> str:
    """ " XLU ranked 10 of 11 (-0.72%)." for the sector asked about; "" when none matches."""
    if not focus:
        return ""
    wanted = [focus.strip().upper(), *resolve_concept(focus)]
    for r in ranked:
        if r.symbol in wanted:
            return f" {r.symbol} ranked {r.rank} of {len(ranked)} ({pct(r.pct)})."
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
    end = session_day(deps, symbol, args.end, "end")
    values = load(deps, symbol)
    if args.versus:
        other = normalize_symbol(deps, args.versus)
        benchmark = load(deps, other)
        sessions = values.dropna().index.intersection(benchmark.dropna().index)

        def compute(day: date) -> metrics.Streak:
            return metrics.outperformance_streak(values, benchmark, day)

        what = f"{symbol} beat {other}"
        metric = (f"consecutive sessions ending {end} in which {symbol}'s close-to-close return "
                  f"was strictly greater than {other}'s")  # fmt: skip
        symbols = [symbol, other]
    else:
        sessions = values.dropna().index

        def compute(day: date) -> metrics.Streak:
            return metrics.up_streak(values, day)

        what = f"{symbol} closed higher"
        metric = f"consecutive sessions ending {end} with a close strictly above the prior close"
        symbols = [symbol]
    result = compute(end)
    body = f"{what} {result.length} sessions in a row through {end}{_streak_tail(result)}."
    shown = {"sessions": str(result.length)}
    # A run that ended just before `end` (e.g. the day after a rally) is what the question is
    # usually about: report it too rather than a bare "0 sessions" — first, when it just ended.
    prior = _run_before(result, sessions, compute)
    if prior is not None:
        shown["previous run"] = str(prior.length)
        shown["previous run to"] = str(prior.end)
        run = f"{what} {prior.length} sessions in a row ({prior.start} to {prior.end})"
        if result.length == 0:
            body = f"{run}, a run that ended on {end}."
        else:
            body += f" The run before it: {run}."
    data = {**asdict(result), "previous": asdict(prior) if prior else None}
    start = prior.start if prior is not None else result.start
    return cite(deps, "streak", symbols, start or end, end, metric, body, shown, data)


def _streak_tail(result: metrics.Streak) -> str:
    span = f" ({result.start} to {result.end})" if result.start else ""
    if result.length and result.broke_on is None:
        return f"{span}; the streak reaches back to the start of the data"
    if result.broke_on and result.length:
        return f"{span}; the previous session that did not qualify was {result.broke_on}"
    return span


def _run_before(
    result: metrics.Streak, sessions: pd.Index, compute: Callable[[date], metrics.Streak]
) -> metrics.Streak | None:
    """The streak that ended the session before the current one broke, if it was longer."""
    if result.broke_on is None:
        return None
    earlier = sessions[sessions < pd.Timestamp(result.broke_on)]
    if len(earlier) == 0:
        return None
    prior = compute(pd.Timestamp(earlier[-1]).date())
    return prior if prior.length > result.length else None


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
    start = session_day(deps, symbol, args.start, "start")
    end = session_day(deps, symbol, args.end, "end")
    result = metrics.new_closing_highs(load(deps, symbol), start, end, args.lookback)
    dates = ", ".join(str(d) for d in result.dates) or "none"
    look = "all data since " if args.lookback == "data_start" else "the prior 52 weeks, from "
    caveat = "" if result.full_lookback else " (data starts inside the 52-week look-back)"
    highest = f"; highest close {num(result.high_close)}" if result.high_close else ""
    body = f"{symbol} set {result.count} new closing highs from {start} to {end}: {dates}{highest}."
    metric = (f"a close strictly above every earlier close in the look-back ({look}"
              f"{result.lookback_start}){caveat}")  # fmt: skip
    return cite(deps, "new_highs", [symbol], start, end, metric, body,
                {"count": str(result.count)}, asdict(result))  # fmt: skip


class BestGainArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    sessions: int = Field(2, ge=1, description="Length of the gain in sessions (2 = two-day).")
    end: date | None = Field(None, description=DAY)


@register_tool("best_gain_since", BestGainArgs)
def best_gain_since(deps: ToolDeps, args: BestGainArgs) -> ToolOutput:
    """The N-session gain ending on a date and since when it is the best ('best since …')."""
    symbol = normalize_symbol(deps, args.symbol)
    end = session_day(deps, symbol, args.end, "end")
    result = metrics.best_n_session_gain(load(deps, symbol), end, args.sessions)
    if result.previous_larger_date is None:
        since = f"the best {args.sessions}-session gain in the data (since {result.data_start})"
    else:
        since = (f"the best since {result.previous_larger_date} "
                 f"({pct(result.previous_larger_pct or 0.0)} then)")  # fmt: skip
    body = f"{symbol}'s {args.sessions}-session gain to {end} was {pct(result.pct)}, {since}."
    metric = f"close(t) / close(t-{args.sessions}) - 1, compared with every earlier such window"
    return cite(deps, "best_gain_since", [symbol], result.data_start, end, metric, body,
                {"gain": pct(result.pct)}, asdict(result))  # fmt: skip


class AverageArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    day: date | None = Field(None, description=DAY)
    window: int = Field(200, ge=2, description="Moving-average length in sessions.")


@register_tool("moving_average", AverageArgs)
def moving_average(deps: ToolDeps, args: AverageArgs) -> ToolOutput:
    """Whether a symbol closed above its N-session simple moving average, and by how much."""
    symbol = normalize_symbol(deps, args.symbol)
    day = session_day(deps, symbol, args.day, "day")
    result = metrics.distance_from_sma(load(deps, symbol), day, args.window)
    side = "above" if result.above else "below"
    body = (f"{symbol} closed at {num(result.close)} on {day}, {pct(result.pct)} {side} its "
            f"{args.window}-day average of {num(result.sma)}.")  # fmt: skip
    metric = f"mean of the last {args.window} closes up to and including {day}; close / SMA - 1"
    shown = {"close": num(result.close), "sma": num(result.sma), "distance": pct(result.pct)}
    return cite(deps, "moving_average", [symbol], day, day, metric, body, shown, asdict(result))


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
    values = load(deps, symbol)
    end = args.end or values.index[-1].date()
    result = metrics.change_bp(values, args.start, end)
    body = (f"{symbol} moved {result.bp:+.0f} bp from {result.start_value:.2f}% "
            f"({result.start_observed}) to {result.end_value:.2f}% "
            f"({result.end_observed}).")  # fmt: skip
    metric = "(end value - start value) x 100 basis points, last observation on or before each date"
    return cite(deps, "yield_change", [symbol], result.start_observed, result.end_observed,
                metric, body, {"change": f"{result.bp:+.0f} bp"}, asdict(result))  # fmt: skip


@register_tool("ytd_return", ReturnArgs)
def ytd_return(deps: ToolDeps, args: ReturnArgs) -> ToolOutput:
    """Year-to-date return of a symbol to a session (start/sessions are ignored)."""
    symbol = normalize_symbol(deps, args.symbol)
    end = session_day(deps, symbol, args.end, "end")
    result = metrics.ytd_change(load(deps, symbol), end)
    body = (f"{symbol} {pct(result.pct)} year to date at {end} (close {num(result.end_value)} vs "
            f"{num(result.start_value)} on {result.start}).")  # fmt: skip
    metric = "close(day) / last close of the previous calendar year - 1"
    return cite(deps, "ytd_return", [symbol], result.start, end, metric, body,
                {"ytd": pct(result.pct)}, asdict(result))  # fmt: skip


class RiskArgs(BaseModel):
    symbol: str = Field(description=SYMBOL)
    start: date = Field(description="First session of the window.")
    end: date | None = Field(None, description=DAY)


@register_tool("risk_stats", RiskArgs)
def risk_stats(deps: ToolDeps, args: RiskArgs) -> ToolOutput:
    """Maximum drawdown (worst peak-to-trough decline) and annualized volatility of a symbol
    over a window."""
    symbol = normalize_symbol(deps, args.symbol)
    start = session_day(deps, symbol, args.start, "start")
    end = session_day(deps, symbol, args.end, "end")
    values = load(deps, symbol)
    dd = metrics.max_drawdown(values, start, end)
    vol = metrics.volatility(values, start, end)
    recovered = f", recovered {dd.recovered_date}" if dd.recovered_date else ", not recovered"
    body = (f"{symbol} {start} to {end}: max drawdown {pct(dd.pct)} ({dd.peak_date} close "
            f"{num(dd.peak_value)} to {dd.trough_date} close {num(dd.trough_value)}{recovered}); "
            f"annualized volatility {(vol.annualized or 0) * 100:.1f}% over {vol.sessions} "
            "daily returns.")  # fmt: skip
    metric = ("drawdown = lowest close / highest earlier close - 1 within the window; volatility "
              "= sample std of daily close-to-close returns x sqrt(252)")  # fmt: skip
    shown = {"max drawdown": pct(dd.pct), "volatility": f"{(vol.annualized or 0) * 100:.1f}%"}
    return cite(deps, "risk_stats", [symbol], start, end, metric, body, shown,
                {"drawdown": asdict(dd), "volatility": asdict(vol)})  # fmt: skip
