"""Templates: levels, moves over windows, comparisons and rankings. Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, clear_winner, numeric
from gold_rules import (
    last_week,
    month_end,
    months_back,
    move_pct,
    on_or_before,
    strictly_before,
    window,
)
from phrasing import (
    MONTHS,
    SECTORS,
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

LAST = date(2026, 2, 18)
# Index-like names read as index levels, so level questions name these ETFs by ticker only.
TICKER_ONLY = {"SPY", "IWM", "QQQ"}


def _level_name(symbol: str, rng: random.Random) -> str:
    return symbol if symbol in TICKER_ONLY else name_of(symbol, rng)


def _session(ctx: Ctx, rng: random.Random, lo: date, hi: date = LAST) -> date:
    return rng.choice(ctx.between(lo, hi))


def _move(ctx: Ctx, symbol: str, start: date, end: date, as_of: date) -> float | None:
    w = window(ctx.data[symbol], start, end, as_of)
    return None if w is None else move_pct(w)


def _month_ago(rng: random.Random, as_of: date) -> tuple[int, int]:
    """A whole month that ended before as-of and has a base (March 2025 or later)."""
    back = rng.randint(1, 3)
    total = as_of.year * 12 + as_of.month - 1 - back
    year, month = divmod(total, 12)
    if date(year, month + 1, 1) < date(2025, 3, 1):
        year, month = 2025, 2  # March 2025
    return year, month + 1


# --- levels ---------------------------------------------------------------------------------


def close_on_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    day = _session(ctx, rng, date(2025, 3, 3))
    as_of = ctx.after(day, rng.choice([0, 0, 3, 8]))
    question = rng.choice(
        [
            f"What was the closing price of {symbol} on {long_date(day)}?",
            f"where did {_level_name(symbol, rng)} close on {some_date(day, as_of, rng)}?",
            f"{symbol} close on {day.isoformat()}?",
        ]
    )
    return numeric(sentence(question), as_of, ctx.value(symbol, day), "$", [symbol])


def level_now(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 4, 1))
    question = rng.choice(
        [
            f"what's {_level_name(symbol, rng)} trading at?",
            f"What is the latest closing price of {symbol}?",
            f"where is {symbol} right now",
        ]
    )
    return numeric(sentence(question), as_of, ctx.value(symbol, as_of), "$", [symbol])


def vix_level(ctx: Ctx, rng: random.Random) -> Record | None:
    day = _session(ctx, rng, date(2025, 3, 3))
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
    day = _session(ctx, rng, date(2025, 3, 3), date(2026, 2, 11))
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
    day = _session(ctx, rng, date(2025, 3, 3))
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


# --- moves ----------------------------------------------------------------------------------


def ytd(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2026, 1, 6))
    name = name_of(symbol, rng)
    question = rng.choice(
        [
            f"how is {name} doing this year?",
            f"{symbol} YTD?",
            f"What is the year-to-date return of {symbol}?",
            f"how much is {name} up or down so far this year",
        ]
    )
    value = _move(ctx, symbol, date(as_of.year, 1, 1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def month_to_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 3, 5))
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
    value = _move(ctx, symbol, as_of.replace(day=1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def named_month(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [
            f"How did {name_of(symbol, rng)} do in {words}?",
            f"What was {symbol}'s return for {MONTHS[month - 1]} {year}?",
            f"{symbol} performance during {words}",
        ]
    )
    value = _move(ctx, symbol, date(year, month, 1), month_end(year, month), as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def quarter(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    q, year = rng.choice([(2, 2025), (3, 2025), (4, 2025)])
    start, end = date(year, 3 * q - 2, 1), month_end(year, 3 * q)
    as_of = _session(ctx, rng, end + timedelta(days=1), end + timedelta(days=50))
    ordinal = ("first", "second", "third", "fourth")[q - 1]
    question = rng.choice(
        [
            f"How did {symbol} perform in Q{q} {year}?",
            f"what did {name_of(symbol, rng)} return in the {ordinal} quarter of {year}?",
        ]
    )
    value = _move(ctx, symbol, start, end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def last_week_move(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 3, 10))
    start, end = last_week(as_of)
    question = rng.choice(
        [
            f"how did {name_of(symbol, rng)} do last week?",
            f"What was {symbol}'s return last week?",
            f"{symbol} last week, up or down?",
        ]
    )
    value = _move(ctx, symbol, start, end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def past_weeks(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 4, 15))
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
    as_of = _session(ctx, rng, date(2025, 9, 1))
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
    value = _move(ctx, symbol, start, as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def since_date(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 5, 1))
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
    value = _move(ctx, symbol, point + timedelta(days=1), as_of, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def from_to(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    end = _session(ctx, rng, date(2025, 4, 1))
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
    value = _move(ctx, symbol, start + timedelta(days=1), end, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def yesterday(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 3, 3))
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
    value = _move(ctx, symbol, prior, prior, as_of)
    return None if value is None else numeric(sentence(question), as_of, value, "%", [symbol])


def last_sessions(ctx: Ctx, rng: random.Random) -> Record | None:
    symbol = rng.choice(TICKERS)
    as_of = _session(ctx, rng, date(2025, 3, 10))
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


# --- comparisons and rankings ---------------------------------------------------------------


def gap_ytd(ctx: Ctx, rng: random.Random) -> Record | None:
    a, b = rng.sample(list(TICKERS), 2)
    as_of = _session(ctx, rng, date(2026, 1, 8))
    ra = _move(ctx, a, date(as_of.year, 1, 1), as_of, as_of)
    rb = _move(ctx, b, date(as_of.year, 1, 1), as_of, as_of)
    if ra is None or rb is None:
        return None
    question = rng.choice(
        [
            f"By how many percentage points is {a} ahead of or behind {b} this year?",
            f"is {name_of(a, rng)} beating {name_of(b, rng)} year to date? by how much?",
        ]
    )
    return numeric(sentence(question), as_of, ra - rb, "%", [a, b])


def gap_month(ctx: Ctx, rng: random.Random) -> Record | None:
    a = rng.choice(TICKERS)
    b = "SPY" if a != "SPY" else "QQQ"
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    start, end = date(year, month, 1), month_end(year, month)
    ra, rb = _move(ctx, a, start, end, as_of), _move(ctx, b, start, end, as_of)
    if ra is None or rb is None:
        return None
    words = month_words(year, month, as_of, rng)
    question = rng.choice(
        [
            f"Did {name_of(a, rng)} beat {name_of(b, rng)} in {words}, and by how much?",
            f"What was the difference between {a}'s and {b}'s returns in {words}, in points?",
        ]
    )
    return numeric(sentence(question), as_of, ra - rb, "%", [a, b])


def _ranked(
    ctx: Ctx,
    symbols: list[str],
    start: date,
    end: date,
    as_of: date,
    lowest: bool,
) -> tuple[str, float] | None:
    scores = {s: _move(ctx, s, start, end, as_of) for s in symbols}
    if any(v is None for v in scores.values()):
        return None
    clean = {s: v for s, v in scores.items() if v is not None}
    winner = clear_winner(clean, lowest)
    return None if winner is None else (winner, clean[winner])


def _signed(ranked: tuple[str, float] | None, lowest: bool) -> tuple[str, float] | None:
    """Keep a 'fell most' winner only when it fell, a 'did best' one only when it rose."""
    if ranked is None or (ranked[1] >= 0 if lowest else ranked[1] <= 0):
        return None
    return ranked


def sector_hit_hardest(ctx: Ctx, rng: random.Random) -> Record | None:
    day = _session(ctx, rng, date(2025, 3, 3))
    as_of = ctx.after(day, rng.choice([0, 1, 5]))
    lowest = rng.random() < 0.7
    ranked = _signed(_ranked(ctx, list(SECTORS), day, day, as_of, lowest), lowest)
    if ranked is None:
        return None
    when = some_date(day, as_of, rng)
    question = (
        rng.choice(
            [
                f"which sector got hit hardest on {when}?",
                f"Which S&P 500 sector fell the most on {when}?",
            ]
        )
        if lowest
        else rng.choice(
            [
                f"which sector did best on {when}?",
                f"Which sector ETF was the top performer on {when}?",
            ]
        )
    )
    return numeric(sentence(question), as_of, ranked[1], "%", [ranked[0]])


def best_of_three(ctx: Ctx, rng: random.Random) -> Record | None:
    trio = rng.sample(list(TICKERS), 3)
    as_of = _session(ctx, rng, date(2026, 1, 8))
    lowest = rng.random() < 0.35
    ranked = _ranked(ctx, trio, date(as_of.year, 1, 1), as_of, as_of, lowest)
    if ranked is None:
        return None
    listed = f"{trio[0]}, {trio[1]} or {trio[2]}"
    question = (
        f"which did worst since the start of the year: {listed}?"
        if lowest
        else rng.choice(
            [
                f"which did best since the start of the year: {listed}?",
                f"Of {listed}, which has the highest return year to date?",
            ]
        )
    )
    return numeric(sentence(question), as_of, ranked[1], "%", [ranked[0]])


def best_sector_month(ctx: Ctx, rng: random.Random) -> Record | None:
    as_of = _session(ctx, rng, date(2025, 4, 15))
    year, month = _month_ago(rng, as_of)
    lowest = rng.random() < 0.4
    ranked = _ranked(
        ctx, list(SECTORS), date(year, month, 1), month_end(year, month), as_of, lowest
    )
    if ranked is None:
        return None
    words = month_words(year, month, as_of, rng)
    question = (
        f"Which sector was the worst performer in {words}?"
        if lowest
        else rng.choice(
            [f"Which sector was the top performer in {words}?", f"best sector in {words}?"]
        )
    )
    return numeric(sentence(question), as_of, ranked[1], "%", [ranked[0]])


def worst_of_set_week(ctx: Ctx, rng: random.Random) -> Record | None:
    trio = rng.choice(
        [
            ["GLD", "SLV", "CPER"],
            ["TLT", "HYG", "SPY"],
            ["XHB", "XRT", "IYT"],
            ["KRE", "XLF", "SPY"],
            ["SMH", "XLK", "QQQ"],
        ]
    )
    as_of = _session(ctx, rng, date(2025, 3, 10))
    start, end = last_week(as_of)
    ranked = _signed(_ranked(ctx, trio, start, end, as_of, lowest=True), lowest=True)
    if ranked is None:
        return None
    names = [name_of(s, rng) for s in trio]
    question = rng.choice(
        [
            f"Among {names[0]}, {names[1]} and {names[2]}, which fell most last week?",
            f"which was weakest last week: {', '.join(trio)}?",
        ]
    )
    return numeric(sentence(question), as_of, ranked[1], "%", [ranked[0]])


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
    Template("gap-ytd", "compare", gap_ytd),
    Template("gap-month", "compare", gap_month),
    Template("sector-hit-hardest", "rank", sector_hit_hardest),
    Template("best-of-three-ytd", "rank", best_of_three),
    Template("best-sector-month", "rank", best_sector_month),
    Template("worst-of-set-week", "rank", worst_of_set_week),
]
