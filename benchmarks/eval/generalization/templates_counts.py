"""Templates: basis-point changes of the 10-year, streaks, counts of up/down days. Standard library
only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, numeric
from draw import YIELD_LAST, month_ago, month_rows, session
from gold_rules import (
    beat_streak,
    daily_moves,
    months_back,
    move_bp,
    on_or_before,
    strictly_before,
    up_streak,
    window,
)
from phrasing import (
    MONTHS,
    TICKERS,
    month_words,
    name_of,
    number_word,
    sentence,
)


def bp_between_months(ctx: Ctx, rng: random.Random) -> Record | None:
    rows = [(d, v) for d, v in ctx.data["US10Y"] if date(2024, 6, 1) <= d <= date(2026, 1, 1)]
    (d1, v1), (d2, v2) = sorted(rng.sample(rows, 2))
    if abs(v2 - v1) < 0.01:
        return None
    as_of = session(ctx, rng, max(d2 + timedelta(days=40), date(2025, 3, 3)), YIELD_LAST)
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
    as_of = session(ctx, rng, date(2025, 3, 3), YIELD_LAST)
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
    as_of = session(ctx, rng, date(2025, 3, 3), YIELD_LAST)
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


def streak_updown(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 3, 10))
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
    as_of = session(ctx, rng, date(2025, 3, 10))
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
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    w = month_rows(ctx, symbol, year, month, as_of)
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
    as_of = session(ctx, rng, date(2025, 4, 15))
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


TEMPLATES = [
    Template("bp-between-months", "yield_bp", bp_between_months),
    Template("bp-this-year", "yield_bp", bp_this_year),
    Template("bp-past-months", "yield_bp", bp_past_months),
    Template("streak-up-down", "streak", streak_updown),
    Template("beat-streak", "streak", beat_streak_vs),
    Template("up-down-days-month", "count", up_days_month),
    Template("down-days-weeks", "count", down_days_weeks),
]
