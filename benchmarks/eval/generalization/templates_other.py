"""Templates: extremes, distances, averages, basis-point changes, streaks, counts and the
unanswerable ones. Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, clear_winner, numeric, unanswerable
from gold_rules import (
    beat_streak,
    daily_moves,
    last_month,
    mean,
    month_end,
    months_back,
    move_bp,
    on_or_before,
    strictly_before,
    up_streak,
    visible,
    window,
)
from phrasing import (
    MONTHS,
    TICKERS,
    UNKNOWN,
    long_date,
    month_words,
    name_of,
    number_word,
    possessive,
    sentence,
)
from templates_moves import _month_ago, _session

# The store also holds a one-row DGS10 snapshot dated 2026-02-17: "the 10-year" questions are
# asked before it, so only the monthly-average US10Y can answer them.
YIELD_LAST = date(2026, 2, 13)


def _month_rows(ctx: Ctx, symbol: str, year: int, month: int, as_of: date):  # type: ignore[no-untyped-def]
    return window(ctx.data[symbol], date(year, month, 1), month_end(year, month), as_of)


# --- extremes -------------------------------------------------------------------------------


def best_day(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    if rng.random() < 0.5:
        as_of = _session(ctx, rng, date(2026, 1, 12))
        w = window(ctx.data[symbol], date(as_of.year, 1, 1), as_of, as_of)
        span = rng.choice(["this year", "so far this year", f"in {as_of.year} so far"])
    else:
        as_of = _session(ctx, rng, date(2025, 4, 15))
        year, month = _month_ago(rng, as_of)
        w = _month_rows(ctx, symbol, year, month, as_of)
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
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    w = _month_rows(ctx, symbol, year, month, as_of)
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
    as_of = _session(ctx, rng, date(2025, 4, 1))
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
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    w = _month_rows(ctx, symbol, year, month, as_of)
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


# --- distances ------------------------------------------------------------------------------


def below_peak(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 6, 2))
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
    as_of = _session(ctx, rng, date(2026, 1, 20))
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
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    w = _month_rows(ctx, symbol, year, month, as_of)
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


# --- averages -------------------------------------------------------------------------------


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
    as_of = _session(ctx, rng, max(end + timedelta(days=1), date(2025, 3, 3)), YIELD_LAST)
    values = [v for d, v in ctx.data["US10Y"] if start <= d <= end]
    question = rng.choice(
        [
            f"What was the average 10-year Treasury yield in {span}?",
            f"average 10-year yield over {span}?",
        ]
    )
    return numeric(question[0].upper() + question[1:], as_of, mean(values), "%", ["US10Y"])


def avg_vix(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
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
    as_of = _session(ctx, rng, date(2025, 4, 1))
    start, end = last_month(as_of)
    values = [v for d, v in ctx.data[symbol] if start <= d <= end]
    question = rng.choice(
        [
            f"What was {symbol}'s average closing price last month?",
            f"{symbol} average close last month?",
        ]
    )
    return numeric(question, as_of, mean(values), "$", [symbol])


# --- basis-point changes of the 10-year (monthly averages) ----------------------------------


def bp_between_months(ctx: Ctx, rng: random.Random) -> Record | None:
    rows = [(d, v) for d, v in ctx.data["US10Y"] if date(2024, 6, 1) <= d <= date(2026, 1, 1)]
    (d1, v1), (d2, v2) = sorted(rng.sample(rows, 2))
    if abs(v2 - v1) < 0.01:
        return None
    as_of = _session(ctx, rng, max(d2 + timedelta(days=40), date(2025, 3, 3)), YIELD_LAST)
    m1, m2 = f"{MONTHS[d1.month - 1]} {d1.year}", f"{MONTHS[d2.month - 1]} {d2.year}"
    question = rng.choice(
        [
            f"By how many basis points did the 10-year yield's monthly average change from {m1} "
            f"to {m2}?",
            f"10-year yield, {m1} average vs {m2} average: change in bp?",
        ]
    )
    return numeric(question, as_of, (v2 - v1) * 100.0, "bp", ["US10Y"])


def bp_this_year(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = _session(ctx, rng, date(2025, 3, 3), YIELD_LAST)
    w = window(ctx.data["US10Y"], date(as_of.year, 1, 1), as_of, as_of)
    if w is None or abs(move_bp(w)) < 1:
        return None
    question = rng.choice(
        [
            "how much has the 10-year moved this year, in bp?",
            "What is the year-to-date change in the 10-year yield in basis points?",
        ]
    )
    return numeric(sentence(question), as_of, move_bp(w), "bp", ["US10Y"])


def bp_past_months(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = _session(ctx, rng, date(2025, 3, 3), YIELD_LAST)
    n = rng.choice([3, 6, 12])
    latest = on_or_before(ctx.data["US10Y"], as_of)
    assert latest is not None
    base = strictly_before(ctx.data["US10Y"], months_back(latest[0], n) + timedelta(days=1))
    assert base is not None
    change = (latest[1] - base[1]) * 100.0
    if abs(change) < 1:
        return None
    span = "year" if n == 12 else f"{number_word(n)} months"
    question = rng.choice(
        [
            f"What's the change in the 10-year yield over the past {span}, in basis points?",
            f"how many bp has the ten-year yield moved over the last {span}?",
        ]
    )
    return numeric(sentence(question), as_of, change, "bp", ["US10Y"])


# --- streaks and counts ---------------------------------------------------------------------


def streak_updown(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 3, 10))
    up = rng.random() < 0.55
    count = up_streak(ctx.data[symbol], as_of, up)
    if count < 2:
        return None
    name = name_of(symbol, rng)
    question = (
        rng.choice(
            [
                f"how many days in a row has {name} gone up?",
                f"For how many consecutive sessions has {symbol} closed higher?",
            ]
        )
        if up
        else rng.choice(
            [
                f"how many days in a row has {name} fallen?",
                f"How many consecutive sessions has {symbol} closed lower?",
            ]
        )
    )
    return numeric(sentence(question), as_of, count, "count", [symbol])


def beat_streak_vs(ctx: Ctx, rng: random.Random) -> Record | None:
    a = rng.choice([s for s in TICKERS if s != "SPY"])
    b = rng.choice(["SPY", "SPY", "QQQ"]) if a != "QQQ" else "SPY"
    as_of = _session(ctx, rng, date(2025, 3, 10))
    count = beat_streak(ctx.data[a], ctx.data[b], as_of)
    if count < 2:
        return None
    question = rng.choice(
        [
            f"For how many sessions in a row has {a} outperformed {b}?",
            f"how many straight days have {name_of(a, rng)} beaten {name_of(b, rng)}?",
        ]
    )
    return numeric(sentence(question), as_of, count, "count", [a, b])


def up_days_month(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    w = _month_rows(ctx, symbol, year, month, as_of)
    if w is None:
        return None
    up = rng.random() < 0.6
    count = sum(1 for _, m in daily_moves(w) if (m > 0 if up else m < 0))
    words = month_words(year, month, as_of, rng)
    kind = "up" if up else "down"
    question = rng.choice(
        [
            f"How many {kind} days did {name_of(symbol, rng)} have in {words}?",
            f"number of sessions {symbol} closed {'higher' if up else 'lower'} in {words}?",
        ]
    )
    return numeric(sentence(question), as_of, count, "count", [symbol])


def down_days_weeks(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 4, 15))
    n = rng.randint(2, 4)
    w = window(ctx.data[symbol], as_of - timedelta(days=7 * n - 1), as_of, as_of)
    if w is None:
        return None
    count = sum(1 for _, m in daily_moves(w) if m < 0)
    question = rng.choice(
        [
            f"how many down days has {symbol} had over the past {number_word(n)} weeks?",
            f"In the last {n} weeks, on how many sessions did {symbol} fall?",
        ]
    )
    return numeric(sentence(question), as_of, count, "count", [symbol])


# --- unanswerable ---------------------------------------------------------------------------


def unknown_move(ctx: Ctx, rng: random.Random) -> Record | None:
    typed, symbol = rng.choice(UNKNOWN)
    as_of = _session(ctx, rng, date(2025, 6, 2))
    question = rng.choice(
        [
            f"how is {typed} doing this year?",
            f"{typed} last week?",
            f"What was {typed}'s closing price yesterday?",
            f"how much has {typed} gained this month",
        ]
    )
    return unanswerable(sentence(question), as_of, [symbol], f"{typed} is not in the market store")


def unknown_compare(ctx: Ctx, rng: random.Random) -> Record | None:
    typed, symbol = rng.choice(UNKNOWN)
    other = rng.choice(["SPY", "QQQ", "GLD", "XLK"])
    as_of = _session(ctx, rng, date(2025, 6, 2))
    question = rng.choice(
        [
            f"did {typed} beat {name_of(other, rng)} last week?",
            f"Is {typed} outperforming {other} this month?",
            f"which did better in {MONTHS[(as_of.month - 2) % 12]}: {typed} or {other}?",
        ]
    )
    return unanswerable(sentence(question), as_of, [symbol], f"{typed} is not in the market store")


def future_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice([*TICKERS[:8], "VIX"])
    as_of = _session(ctx, rng, date(2025, 6, 2), date(2026, 2, 10))
    later = as_of + timedelta(days=rng.randint(5, 60))
    question = rng.choice(
        [
            f"What did {symbol} close at on {long_date(later)}?",
            f"{symbol} level on {later.isoformat()}?",
            f"how did {name_of(symbol, rng) if symbol != 'VIX' else 'the VIX'} "
            f"do on {long_date(later)}?",
        ]
    )
    return unanswerable(
        sentence(question), as_of, [symbol], f"{later.isoformat()} is after the as-of date"
    )


def before_data(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 6, 2))
    early = date(2025, 1, rng.randint(6, 31))
    question = rng.choice(
        [
            f"How did {name_of(symbol, rng)} do in 2024?",
            f"What was {symbol}'s close on {long_date(early)}?",
            f"how did {name_of(symbol, rng)} do in Q4 2024?",
            f"What was {symbol}'s return in January 2025?",
        ]
    )
    return unanswerable(
        sentence(question), as_of, [symbol], "the window is before the data begins (2025-02-19)"
    )


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
    Template("bp-between-months", "yield_bp", bp_between_months),
    Template("bp-this-year", "yield_bp", bp_this_year),
    Template("bp-past-months", "yield_bp", bp_past_months),
    Template("streak-up-down", "streak", streak_updown),
    Template("beat-streak", "streak", beat_streak_vs),
    Template("up-down-days-month", "count", up_days_month),
    Template("down-days-weeks", "count", down_days_weeks),
    Template("unknown-move", "unanswerable", unknown_move),
    Template("unknown-compare", "unanswerable", unknown_compare),
    Template("future-date", "unanswerable", future_date),
    Template("before-data", "unanswerable", before_data),
]
