"""Templates: levels, and moves over windows (days, weeks, months, quarters, YTD, since, from-to).
Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, numeric
from draw import level_name, month_ago, move, session
from gold_rules import (
    last_week,
    month_end,
    months_back,
    on_or_before,
    strictly_before,
)
from phrasing import (
    MONTHS,
    TICKERS,
    long_date,
    month_words,
    name_of,
    number_word,
    possessive,
    sentence,
    short_date,
    some_date,
)


def close_on_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    day = session(ctx, rng, date(2025, 3, 3))
    as_of = ctx.after(day, rng.choice([0, 0, 3, 8]))
    question = rng.choice(
        [
            f"What was the closing price of {symbol} on {long_date(day)}?",
            f"where did {level_name(symbol, rng)} close on {some_date(day, as_of, rng)}?",
            f"{symbol} close on {day.isoformat()}?",
        ]
    )
    return numeric(sentence(question), as_of, ctx.value(symbol, day), "$", [symbol])


def level_now(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 1))
    question = rng.choice(
        [
            f"what's {level_name(symbol, rng)} trading at?",
            f"What is the latest closing price of {symbol}?",
            f"where is {symbol} right now",
        ]
    )
    return numeric(sentence(question), as_of, ctx.value(symbol, as_of), "$", [symbol])


def vix_level(ctx: Ctx, rng: random.Random) -> Record | None:
    day = session(ctx, rng, date(2025, 3, 3))
    if not ctx.clean_series("VIX", day - timedelta(days=5), day):
        return None
    as_of = ctx.after(day, rng.choice([0, 2, 6]))
    question = rng.choice(
        [
            f"What was the VIX on {long_date(day)}?",
            f"where did the VIX close on {some_date(day, as_of, rng)}?",
            f"fear gauge level on {short_date(day) if as_of.year == day.year else long_date(day)}?",
        ]
    )
    return numeric(sentence(question), as_of, ctx.value("VIX", day), "level", ["VIX"])


def sp500_index_level(ctx: Ctx, rng: random.Random) -> Record | None:
    day = session(ctx, rng, date(2025, 3, 3), date(2026, 2, 11))
    found = on_or_before(ctx.data["SP500"], day)
    if found is None or found[0] != day:
        return None
    question = rng.choice(
        [
            f"What level did the S&P 500 index close at on {long_date(day)}?",
            f"S&P 500 index level on {day.isoformat()}?",
        ]
    )
    return numeric(question, ctx.after(day, rng.choice([0, 1, 4])), found[1], "level", ["SP500"])


def oil_price(ctx: Ctx, rng: random.Random) -> Record | None:
    day = session(ctx, rng, date(2025, 3, 3))
    found = on_or_before(ctx.data["WTI"], day)
    if found is None or found[0] != day:
        return None
    as_of = ctx.after(day, rng.choice([0, 3]))
    question = rng.choice(
        [
            f"What was the price of WTI crude on {long_date(day)}?",
            f"how much was oil on {some_date(day, as_of, rng)}?",
        ]
    )
    return numeric(sentence(question), as_of, found[1], "$", ["WTI"])


def ytd(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2026, 1, 6))
    name = name_of(symbol, rng)
    question = rng.choice(
        [
            f"how is {name} doing this year?",
            f"{symbol} YTD?",
            f"What is the year-to-date return of {symbol}?",
            f"how much is {name} up or down so far this year",
        ]
    )
    value = move(ctx, symbol, date(as_of.year, 1, 1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def month_to_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 3, 5))
    if len(ctx.between(as_of.replace(day=1), as_of)) < 3:
        return None
    name = name_of(symbol, rng)
    question = rng.choice(
        [
            f"how have {name} done so far this month?",
            f"What is {symbol}'s month-to-date performance?",
            f"{name} this month?",
        ]
    )
    value = move(ctx, symbol, as_of.replace(day=1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def named_month(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [
            f"How did {name_of(symbol, rng)} do in {words}?",
            f"What was {symbol}'s return for {MONTHS[month - 1]} {year}?",
            f"{symbol} performance during {words}",
        ]
    )
    value = move(ctx, symbol, date(year, month, 1), month_end(year, month), as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def quarter(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    q, year = rng.choice([(2, 2025), (3, 2025), (4, 2025)])
    start, end = date(year, 3 * q - 2, 1), month_end(year, 3 * q)
    as_of = session(ctx, rng, end + timedelta(days=1), end + timedelta(days=50))
    ordinal = ("first", "second", "third", "fourth")[q - 1]
    question = rng.choice(
        [
            f"How did {symbol} perform in Q{q} {year}?",
            f"what did {name_of(symbol, rng)} return in the {ordinal} quarter of {year}?",
        ]
    )
    value = move(ctx, symbol, start, end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def last_week_move(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 3, 10))
    start, end = last_week(as_of)
    question = rng.choice(
        [
            f"how did {name_of(symbol, rng)} do last week?",
            f"What was {symbol}'s return last week?",
            f"{symbol} last week, up or down?",
        ]
    )
    value = move(ctx, symbol, start, end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def past_weeks(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 4, 15))
    n = rng.randint(2, 6)
    base = on_or_before(ctx.data[symbol], as_of - timedelta(days=7 * n))
    if base is None:
        return None
    question = rng.choice(
        [
            f"what has {name_of(symbol, rng)} done over the past {number_word(n)} weeks?",
            f"What is {symbol}'s return over the last {n} weeks?",
            f"{symbol} {n}-week change?",
        ]
    )
    value = (ctx.value(symbol, as_of) / base[1] - 1.0) * 100.0
    return numeric(sentence(question), as_of, value, "%", [symbol])


def past_months(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 9, 1))
    n = rng.choice([1, 2, 3, 6])
    start = months_back(as_of, n) + timedelta(days=1)
    if strictly_before(ctx.data[symbol], start) is None:
        return None
    span = "month" if n == 1 else f"{number_word(n)} months"
    question = rng.choice(
        [
            f"what's {possessive(name_of(symbol, rng))} return over the past {span}?",
            f"How much has {symbol} moved over the last {span}?",
        ]
    )
    value = move(ctx, symbol, start, as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def since_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 5, 1))
    point = as_of - timedelta(days=rng.randint(10, 120))
    if rng.random() < 0.3 and as_of.month <= 2:
        point = date(as_of.year - 1, 12, 31)
    if on_or_before(ctx.data[symbol], point) is None:
        return None
    when = some_date(point, as_of, rng)
    question = rng.choice(
        [
            f"How much has {name_of(symbol, rng)} gained or lost since {when}?",
            f"{symbol} since {when}?",
            f"what's {symbol} done since {when}",
        ]
    )
    value = move(ctx, symbol, point + timedelta(days=1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def from_to(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    end = session(ctx, rng, date(2025, 4, 1))
    start = end - timedelta(days=rng.randint(5, 40))
    as_of = ctx.after(end, rng.choice([0, 2, 10]))
    same_year = start.year == end.year == as_of.year
    a, b = (
        (short_date(start), short_date(end))
        if same_year and rng.random() < 0.6
        else (long_date(start), long_date(end))
    )
    question = rng.choice(
        [
            f"What was {symbol}'s return from {a} to {b}?",
            f"how did {name_of(symbol, rng)} do between {a} and {b}?",
        ]
    )
    value = move(ctx, symbol, start + timedelta(days=1), end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def yesterday(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 3, 3))
    prior = as_of - timedelta(days=1)
    if prior not in ctx.sessions:  # "yesterday" on a Monday or after a holiday is ambiguous
        return None
    question = rng.choice(
        [
            f"how did {name_of(symbol, rng)} do yesterday?",
            f"{symbol} yesterday?",
            f"What was {symbol}'s move yesterday?",
        ]
    )
    value = move(ctx, symbol, prior, prior, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def last_sessions(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = session(ctx, rng, date(2025, 3, 10))
    n = rng.choice([2, 2, 3, 5])
    i = ctx.sessions.index(as_of)
    question = rng.choice(
        [
            f"what did {name_of(symbol, rng)} do over the last {number_word(n)} sessions combined?",
            f"What is {symbol}'s total return over the past {n} trading days?",
            f"{symbol} {n}-day move?",
        ]
    )
    value = (ctx.value(symbol, as_of) / ctx.value(symbol, ctx.sessions[i - n]) - 1.0) * 100.0
    return numeric(sentence(question), as_of, value, "%", [symbol])


TEMPLATES = [
    Template("close-on-date", "level", close_on_date),
    Template("level-now", "level", level_now),
    Template("vix-level", "level", vix_level),
    Template("sp500-index-level", "level", sp500_index_level),
    Template("oil-price", "level", oil_price),
    Template("ytd", "move", ytd),
    Template("month-to-date", "move", month_to_date),
    Template("named-month", "move", named_month),
    Template("quarter", "move", quarter),
    Template("last-week", "move", last_week_move),
    Template("past-weeks", "move", past_weeks),
    Template("past-months", "move", past_months),
    Template("since-date", "move", since_date),
    Template("from-to", "move", from_to),
    Template("yesterday", "move", yesterday),
    Template("last-sessions", "move", last_sessions),
]
