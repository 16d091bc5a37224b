"""Templates: extremes (best/worst day, highest/lowest close or VIX), distances from a peak or low,
drawdowns, averages. Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, clear_winner, numeric
from draw import YIELD_LAST, month_ago, month_rows, session
from gold_rules import (
    daily_moves,
    last_month,
    mean,
    month_end,
    visible,
    window,
)
from phrasing import (
    TICKERS,
    month_words,
    name_of,
    possessive,
    sentence,
)


def best_day(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    if rng.random() < 0.5:
        as_of = session(ctx, rng, date(2026, 1, 12))
        w = window(ctx.data[symbol], date(as_of.year, 1, 1), as_of, as_of)
        span = rng.choice(["this year", "so far this year", f"in {as_of.year} so far"])
    else:
        as_of = session(ctx, rng, date(2025, 4, 15))
        year, month = month_ago(rng, as_of)
        w = month_rows(ctx, symbol, year, month, as_of)
        span = f"in {month_words(year, month, as_of, rng)}"
    if w is None:
        return None
    moves = dict(daily_moves(w))
    top = clear_winner(moves, lowest=False, margin=0.02)
    if top is None or moves[top] <= 0:
        return None
    question = rng.choice(
        [
            f"what was {possessive(name_of(symbol, rng))} best day {span}?",
            f"What was {symbol}'s largest one-day gain {span}?",
        ]
    )
    return numeric(sentence(question), as_of, moves[top], "%", [symbol])


def worst_day(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    w = month_rows(ctx, symbol, year, month, as_of)
    if w is None:
        return None
    moves = dict(daily_moves(w))
    bottom = clear_winner(moves, lowest=True, margin=0.02)
    if bottom is None or moves[bottom] >= 0:
        return None
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [
            f"What was {symbol}'s worst single-day drop in {words}?",
            f"{name_of(symbol, rng)}: worst day in {words}?",
        ]
    )
    return numeric(sentence(question), as_of, moves[bottom], "%", [symbol])


def vix_high(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = session(ctx, rng, date(2025, 4, 1))
    start, end = last_month(as_of)
    if not ctx.clean_series("VIX", start, end):
        return None
    values = [v for d, v in visible(ctx.data["VIX"], as_of) if start <= d <= end]
    low = rng.random() < 0.3
    if sorted(values)[0 if low else -1] == sorted(values)[1 if low else -2]:
        return None
    question = (
        rng.choice(
            ["what was the VIX's lowest close last month?", "How low did the VIX go last month?"]
        )
        if low
        else rng.choice(
            ["how high did the VIX get last month?", "What was the highest VIX close last month?"]
        )
    )
    return numeric(sentence(question), as_of, min(values) if low else max(values), "level", ["VIX"])


def lowest_close(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    w = month_rows(ctx, symbol, year, month, as_of)
    if w is None:
        return None
    high = rng.random() < 0.5
    values = sorted(v for _, v in w.rows)
    if values[0 if not high else -1] == values[1 if not high else -2]:
        return None
    words = month_words(year, month, as_of, rng)
    kind = "highest" if high else "lowest"
    question = rng.choice(
        [
            f"What was the {kind} close for {symbol} in {words}?",
            f"{symbol} {kind} closing price during {words}?",
        ]
    )
    return numeric(sentence(question), as_of, values[-1] if high else values[0], "$", [symbol])


def below_peak(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 6, 2))
    seen = visible(ctx.data[symbol], as_of)
    peak = max(v for _, v in seen)
    value = (seen[-1][1] / peak - 1.0) * 100.0
    if value > -0.5:
        return None
    question = rng.choice(
        [
            f"how far is {name_of(symbol, rng)} below its peak?",
            f"How far is {symbol} from its high?",
            f"{symbol} distance from its high, in percent?",
        ]
    )
    return numeric(sentence(question), as_of, value, "%", [symbol])


def above_low(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2026, 1, 20))
    w = window(ctx.data[symbol], date(as_of.year, 1, 1), as_of, as_of)
    if w is None:
        return None
    value = (w.end[1] / min(v for _, v in w.rows) - 1.0) * 100.0
    if value < 0.5:
        return None
    question = rng.choice(
        [
            f"how far is {name_of(symbol, rng)} above its low of the year?",
            f"How much is {symbol} above its lowest close this year?",
        ]
    )
    return numeric(sentence(question), as_of, value, "%", [symbol])


def drawdown(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    w = month_rows(ctx, symbol, year, month, as_of)
    if w is None:
        return None
    worst, running = 0.0, w.rows[0][1]
    for _, v in w.rows:
        running = max(running, v)
        worst = min(worst, (v / running - 1.0) * 100.0)
    if worst > -0.5:
        return None
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [
            f"What was {possessive(name_of(symbol, rng))} maximum drawdown in {words}?",
            f"{symbol} max drawdown during {words}?",
        ]
    )
    return numeric(sentence(question), as_of, worst, "%", [symbol])


def avg_10y(ctx: Ctx, rng: random.Random) -> Record | None:
    span, start, end = rng.choice(
        [
            ("2023", date(2023, 1, 1), date(2023, 12, 31)),
            ("2024", date(2024, 1, 1), date(2024, 12, 31)),
            ("Q2 2025", date(2025, 4, 1), date(2025, 6, 30)),
            ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
            ("the second half of 2025", date(2025, 7, 1), date(2025, 12, 31)),
            ("the first half of 2025", date(2025, 1, 1), date(2025, 6, 30)),
            ("Q4 2025", date(2025, 10, 1), date(2025, 12, 31)),
        ]
    )
    as_of = session(ctx, rng, max(end + timedelta(days=1), date(2025, 3, 3)), YIELD_LAST)
    values = [v for d, v in ctx.data["US10Y"] if start <= d <= end]
    question = rng.choice(
        [
            f"What was the average 10-year Treasury yield in {span}?",
            f"average 10-year yield over {span}?",
        ]
    )
    return numeric(question[0].upper() + question[1:], as_of, mean(values), "%", ["US10Y"])


def avg_vix(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    start, end = date(year, month, 1), month_end(year, month)
    if not ctx.clean_series("VIX", start, end):
        return None
    values = [v for d, v in ctx.data["VIX"] if start <= d <= end]
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [f"What was the VIX's average close in {words}?", f"average VIX in {words}?"]
    )
    return numeric(sentence(question), as_of, mean(values), "level", ["VIX"])


def avg_close(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 1))
    start, end = last_month(as_of)
    values = [v for d, v in ctx.data[symbol] if start <= d <= end]
    question = rng.choice(
        [
            f"What was {symbol}'s average closing price last month?",
            f"{symbol} average close last month?",
        ]
    )
    return numeric(question, as_of, mean(values), "$", [symbol])


TEMPLATES = [
    Template("best-day", "extreme", best_day),
    Template("worst-day", "extreme", worst_day),
    Template("vix-high-low", "extreme", vix_high),
    Template("month-high-low-close", "extreme", lowest_close),
    Template("below-peak", "distance", below_peak),
    Template("above-low", "distance", above_low),
    Template("drawdown", "distance", drawdown),
    Template("avg-10y", "average", avg_10y),
    Template("avg-vix", "average", avg_vix),
    Template("avg-close", "average", avg_close),
]
