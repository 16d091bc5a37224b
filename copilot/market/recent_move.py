"""The move that just happened: which recent window a "why did X move?" question is about.

When a why-question names no period, the answer explains the recent move, and says which window
it chose and why. Candidates are windows of 1, 2, 3, 5, 10, 15 or 20 sessions ending on one of
the last `recent` sessions (of a monthly series, 1, 2 or 3 observations ending on the latest);
each is scored by how unusual it is — its return over the typical
move for its length (the daily standard deviation of the preceding `history` sessions times
√length) — and, when the question gives a direction ("fall", "rally"), only moves that way
count. The most unusual wins; ties go to the later, then the longer window. Pure pandas: no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

import pandas as pd

LENGTHS: tuple[int, ...] = (1, 2, 3, 5, 10, 15, 20)
MONTHLY_LENGTHS: tuple[int, ...] = (1, 2, 3)


def is_monthly(values: pd.Series) -> bool:
    """Observations about a month apart (the median gap over 20 days)."""
    days = [(b - a).days for a, b in zip(values.index[:-1], values.index[1:], strict=True)]
    return bool(days) and sorted(days)[len(days) // 2] > 20


@dataclass(frozen=True)
class RecentMove:
    start: date  # first session of the move (the base is the close before it)
    end: date  # last session of the move
    sessions: int
    change: float  # close(end) / close(base) - 1
    score: float  # change over the typical move for this length (in standard deviations)
    reason: str  # said to the user: why this window was chosen
    step: str = "session"  # "observation" for a monthly series


def recent_move(
    close: pd.Series,
    direction: Literal["up", "down"] | None = None,
    recent: int = 5,
    history: int = 60,
    because: str = "no period was named",
) -> RecentMove | None:
    """The most unusual recent move of `close` (sorted, date-indexed), or None when there is
    too little data or no move in the asked direction. `because` says why the recent move is
    the one explained."""
    values = close.dropna()
    if len(values) < 3:
        return None
    last = len(values) - 1
    monthly = is_monthly(values)
    # A monthly series (the CPI, the 10-year's monthly average): twenty observations are twenty
    # months, no recent move; the latest observation's change is, or the two or three to it.
    lengths, recent = (MONTHLY_LENGTHS, 1) if monthly else (LENGTHS, recent)
    spans = [(end - length, end) for end in range(last, max(last - recent, 0), -1)
             for length in lengths if end - length >= 0]  # fmt: skip
    move = _most_unusual(values, spans, direction, _typical_daily(values, history))
    if move is None:
        return None
    if monthly:
        move = replace(move, step="observation")
    way = "rise" if move.change > 0 else "fall"
    reason = (
        f"{because}, so the most unusual recent {way} is explained: {span_words(move)} "
        f"({move.score:.1f}× the typical move of that length)"
    )
    return replace(move, reason=reason)


def move_within(
    close: pd.Series,
    start: date,
    end: date,
    direction: Literal["up", "down"],
    history: int = 60,
) -> RecentMove | None:
    """The most unusual move in `direction` whose sessions all lie in [start, end], scored as
    `recent_move` scores against the typical daily move before the window (ties: the later,
    then the longer); None when no session of the window moved that way. "What pushed
    transport stocks higher around Jan 21?": the week around the day fell, the session of the
    21st rose 2.4%, and that rise is the one asked about."""
    values = close.dropna()
    values = values[values.index <= pd.Timestamp(end)]
    first = int((values.index < pd.Timestamp(start)).sum())  # the first session of the window
    if first == 0 or first >= len(values):
        return None  # no base close before the window, or no session in it
    spans = [(base, last) for last in range(first, len(values)) for base in range(first - 1, last)]
    sigma = _typical_daily(values.iloc[:first], history)
    move = _most_unusual(values, spans, direction, sigma)
    if move is None:
        return None
    way = "rise" if move.change > 0 else "fall"
    reason = (
        f"the days asked about moved the other way overall, so the {way} inside them is the "
        f"move asked about: {span_words(move)} ({move.change * 100:+.2f}%)"
    )
    return replace(move, reason=reason)


def _typical_daily(values: pd.Series, history: int) -> float:
    """The standard deviation of the last `history` daily returns (a floor when flat)."""
    daily = values.pct_change().dropna()
    sigma = float(daily.iloc[-history:].std()) if len(daily) > 2 else 0.0
    return sigma if sigma > 0 else 1e-4


def _most_unusual(
    values: pd.Series,
    spans: list[tuple[int, int]],
    direction: Literal["up", "down"] | None,
    sigma: float,
) -> RecentMove | None:
    """Of the (base, end) positions, the move in `direction` (any, when None) with the highest
    score, |change| / (sigma·√sessions); ties go to the later end, then the longer move."""
    best: tuple[tuple[float, int, int], RecentMove] | None = None
    for base, end in spans:
        change = float(values.iloc[end] / values.iloc[base] - 1)
        if (direction == "up" and change <= 0) or (direction == "down" and change >= 0):
            continue
        length = end - base
        score = abs(change) / (sigma * math.sqrt(length))
        key = (round(score, 6), end, length)
        if best is None or key > best[0]:
            move = RecentMove(values.index[base + 1].date(), values.index[end].date(), length,
                              change, score, reason="")  # fmt: skip
            best = (key, move)
    return None if best is None else best[1]


def span_words(move: RecentMove) -> str:
    """The move's sessions in words: 'the 3 sessions from 2026-01-12 to 2026-01-14' (of a
    monthly series, 'the observation of 2025-12-01')."""
    if move.sessions == 1:
        return f"the {move.step} of {move.end}"
    return f"the {move.sessions} {move.step}s from {move.start} to {move.end}"
