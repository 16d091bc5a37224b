"""Templates: comparisons (gaps in points) and rankings with direction words. Standard library
only."""

from __future__ import annotations

import random
from datetime import date

from common import Ctx, Record, Template, clear_winner, numeric
from draw import month_ago, move, session
from gold_rules import (
    last_week,
    month_end,
)
from phrasing import (
    SECTORS,
    TICKERS,
    month_words,
    name_of,
    sentence,
    some_date,
)


def gap_ytd(ctx: Ctx, rng: random.Random) -> Record | None:
    a, b = rng.sample(list(TICKERS), 2)
    as_of = session(ctx, rng, date(2026, 1, 8))
    ra = move(ctx, a, date(as_of.year, 1, 1), as_of, as_of)
    rb = move(ctx, b, date(as_of.year, 1, 1), as_of, as_of)
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
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
    start, end = date(year, month, 1), month_end(year, month)
    ra, rb = move(ctx, a, start, end, as_of), move(ctx, b, start, end, as_of)
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
    scores = {s: move(ctx, s, start, end, as_of) for s in symbols}
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
    day = session(ctx, rng, date(2025, 3, 3))
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
    as_of = session(ctx, rng, date(2026, 1, 8))
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
    as_of = session(ctx, rng, date(2025, 4, 15))
    year, month = month_ago(rng, as_of)
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
    as_of = session(ctx, rng, date(2025, 3, 10))
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
    Template("gap-ytd", "compare", gap_ytd),
    Template("gap-month", "compare", gap_month),
    Template("sector-hit-hardest", "rank", sector_hit_hardest),
    Template("best-of-three-ytd", "rank", best_of_three),
    Template("best-sector-month", "rank", best_sector_month),
    Template("worst-of-set-week", "rank", worst_of_set_week),
]
