"""Helpers every template draws with: sessions, moves, recent months. Standard library only."""

from __future__ import annotations

import random
from datetime import date

from common import Ctx
from gold_rules import Window, month_end, move_pct, window
from phrasing import name_of

LAST = date(2026, 2, 18)
# The store also holds a one-row DGS10 snapshot dated 2026-02-17: "the 10-year" questions are
# asked before it, so only the monthly-average US10Y can answer them.
YIELD_LAST = date(2026, 2, 13)
# Index-like names read as index levels, so level questions name these ETFs by ticker only.
TICKER_ONLY = {"SPY", "IWM", "QQQ"}


def level_name(symbol: str, rng: random.Random) -> str:
    return symbol if symbol in TICKER_ONLY else name_of(symbol, rng)


def session(ctx: Ctx, rng: random.Random, lo: date, hi: date = LAST) -> date:
    return rng.choice(ctx.between(lo, hi))


def move(ctx: Ctx, symbol: str, start: date, end: date, as_of: date) -> float | None:
    w = window(ctx.data[symbol], start, end, as_of)
    return None if w is None else move_pct(w)


def month_ago(rng: random.Random, as_of: date) -> tuple[int, int]:
    """A whole month that ended before as-of and has a base (March 2025 or later)."""
    back = rng.randint(1, 3)
    total = as_of.year * 12 + as_of.month - 1 - back
    year, month = divmod(total, 12)
    if date(year, month + 1, 1) < date(2025, 3, 1):
        year, month = 2025, 2  # March 2025
    return year, month + 1


def month_rows(ctx: Ctx, symbol: str, year: int, month: int, as_of: date) -> Window | None:
    return window(ctx.data[symbol], date(year, month, 1), month_end(year, month), as_of)
