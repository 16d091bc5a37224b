"""Templates: questions the store cannot answer (an unknown name, a future date, a window before
the data). Standard library only."""

from __future__ import annotations

import random
from datetime import date, timedelta

from common import Ctx, Record, Template, unanswerable
from draw import session
from phrasing import (
    MONTHS,
    TICKERS,
    UNKNOWN,
    long_date,
    name_of,
    sentence,
)


def unknown_move(ctx: Ctx, rng: random.Random) -> Record | None:
    typed, symbol = rng.choice(UNKNOWN)
    as_of = session(ctx, rng, date(2025, 6, 2))
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
    as_of = session(ctx, rng, date(2025, 6, 2))
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
    as_of = session(ctx, rng, date(2025, 6, 2), date(2026, 2, 10))
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
    as_of = session(ctx, rng, date(2025, 6, 2))
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
    Template("unknown-move", "unanswerable", unknown_move),
    Template("unknown-compare", "unanswerable", unknown_compare),
    Template("future-date", "unanswerable", future_date),
    Template("before-data", "unanswerable", before_data),
]
