"""What every template needs: the data context, the question records and the gold rounding.

Standard library only. Gold values are rounded the way a tool prints them (2 decimals for %,
$ and levels; whole basis points; counts exact); a value whose rounding is fragile (within a
tenth of a unit of the half) is rejected so that the gold is unambiguous.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from gold_rules import Obs, near_half, on_or_before

Record = dict[str, Any]
K = TypeVar("K")
TOLERANCE = {"%": 0.01, "$": 0.01, "level": 0.01, "bp": 0.5, "count": 0.0}
DATA_START = date(2025, 2, 19)


@dataclass(frozen=True)
class Ctx:
    data: dict[str, Obs]
    sessions: list[date]  # the ETF rows (all ETF files share them)

    def between(self, lo: date, hi: date) -> list[date]:
        return [d for d in self.sessions if lo <= d <= hi]

    def after(self, day: date, k: int) -> date:
        """The session k sessions after `day` (capped at the last one)."""
        i = self.sessions.index(day)
        return self.sessions[min(i + k, len(self.sessions) - 1)]

    def value(self, symbol: str, day: date) -> float:
        found = on_or_before(self.data[symbol], day)
        assert found is not None and found[0] == day, (symbol, day)
        return found[1]

    def clean_series(self, symbol: str, lo: date, hi: date) -> bool:
        """True when the series' rows in [lo, hi] are exactly the ETF sessions there (the VIX
        file has rows on some NYSE holidays; WTI lacks a few sessions): no calendar doubt."""
        rows = [d for d, _ in self.data[symbol] if lo <= d <= hi]
        return rows == self.between(lo, hi)


@dataclass(frozen=True)
class Template:
    id: str
    family: str
    make: Callable[[Ctx, random.Random], Record | None]
    pinned: str | None = None  # "dev" for a template added after the freeze (never "test")


def numeric(
    question: str, as_of: date, value: float, unit: str, symbols: list[str]
) -> Record | None:
    if unit == "count":
        gold = float(round(value))
    elif unit == "bp":
        if near_half(value, 0):
            return None
        gold = float(round(value))
    else:
        if near_half(value, 2):
            return None
        gold = round(value, 2)
    return {
        "question": question,
        "as_of": as_of.isoformat(),
        "kind": "numeric",
        "gold": {"value": gold, "unit": unit, "tolerance": TOLERANCE[unit]},
        "expected_symbols": symbols,
    }


def unanswerable(question: str, as_of: date, symbols: list[str], reason: str) -> Record:
    return {
        "question": question,
        "as_of": as_of.isoformat(),
        "kind": "unanswerable",
        "gold": None,
        "expected_symbols": symbols,
        "reason": reason,
    }


def clear_winner(scores: dict[K, float], lowest: bool, margin: float = 0.05) -> K | None:
    """The top (or bottom) key when it leads the runner-up by at least `margin`."""
    ordered = sorted(scores.items(), key=lambda kv: kv[1], reverse=not lowest)
    if len(ordered) > 1 and abs(ordered[0][1] - ordered[1][1]) < margin:
        return None
    return ordered[0][0]
