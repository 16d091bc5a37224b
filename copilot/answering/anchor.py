"""The move a why-question's own measure points at.

"How far below its peak is silver, and what knocked it down?" asks about the fall from the peak,
not the latest session; "what caused gold's worst day in January?" about that day; "why has XLF
fallen four days running?" about the streak. The measure tool computes the figure asked for
(with its own window, day and peak); this module turns that figure into the move the news is
read around, and says which move it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd

from copilot.errors import CopilotError
from copilot.market.measure_model import MeasureArgs
from copilot.tools import ToolDeps
from copilot.tools.measure_tool import compute

Way = Literal["up", "down"]
# The measures a why-question can ask for beside the move itself. "return" is the move, and
# "beat_streak" the why path measures anyway.
MOVE_MEASURES = frozenset({"return", "beat_streak"})
_EXTREMES = frozenset({"max", "min", "argmax", "argmin"})


@dataclass(frozen=True)
class Anchor:
    start: date  # first session of the move (the base is the close before it)
    end: date  # last session of the move
    direction: Way
    reason: str  # said to the user: which move is explained, and why that one


def own_measures(calls: list[MeasureArgs]) -> list[MeasureArgs]:
    """The question's measures that are not the move itself ("how far below its peak", "how
    volatile", "its worst day"): shown beside the move, never dropped for it."""
    return [args for args in calls if args.measure not in MOVE_MEASURES and args.rank == "none"]


def anchored_move(deps: ToolDeps, args: MeasureArgs, subject: str) -> Anchor | None:
    """The move `args`' figure for `subject` is about, or None when the measure points at no
    move (a volatility, a count of days) or nothing moved (the last close is the peak)."""
    try:
        row = compute(deps, args.model_copy(update={"symbols": [subject]})).rows[0]
        closes = deps.market.values(subject, as_of=deps.as_of).dropna()
    except (CopilotError, IndexError):
        return None
    if row.end is None or row.start is None or len(closes) < 2:
        return None
    measure, aggregate = args.measure, args.aggregate
    if measure == "daily_return" and aggregate in _EXTREMES and row.on is not None:
        return _the_day(closes, row.on)
    if measure == "distance_from_peak" or (measure == "drawdown" and aggregate == "last"):
        return _since_extreme(_between(closes, row.start, row.end), "down")
    if measure == "distance_from_trough":
        return _since_extreme(_between(closes, row.start, row.end), "up")
    if measure == "drawdown" and aggregate == "min" and row.on is not None:
        return _worst_drawdown(closes, row.start, row.on)
    if measure in ("up_streak", "down_streak") and aggregate == "last" and row.value:
        way: Way = "up" if measure == "up_streak" else "down"
        return _streak(closes, row.end, int(row.value), way)
    return None


def _the_day(closes: pd.Series, day: date) -> Anchor | None:
    position = _position(closes, day)
    if position is None or position == 0:
        return None
    way: Way = "up" if closes.iloc[position] > closes.iloc[position - 1] else "down"
    return Anchor(day, day, way, f"the day the question asks about, {day}, is explained")


def _since_extreme(inside: pd.Series, way: Way) -> Anchor | None:
    """From the session after the window's peak (`down`) or trough (`up`) to its end."""
    if inside.empty:
        return None
    at = int(inside.to_numpy().argmax() if way == "down" else inside.to_numpy().argmin())
    extreme = inside.index[at].date()
    after = inside[inside.index > pd.Timestamp(extreme)]
    if after.empty:
        return None  # the last close is the peak: nothing fell since
    start, end = after.index[0].date(), after.index[-1].date()
    what = "the fall from its peak" if way == "down" else "the rise from its trough"
    return Anchor(start, end, way, f"{what} on {extreme} to {end} is explained")


def _worst_drawdown(closes: pd.Series, first: date, trough: date) -> Anchor | None:
    """From the session after the peak before the deepest trough, to that trough."""
    before = _between(closes, first, trough)
    if len(before) < 2:
        return None
    peak = before.index[int(before.to_numpy().argmax())]
    after = before[before.index > peak]
    if after.empty:
        return None
    return Anchor(
        after.index[0].date(), trough, "down",
        f"the deepest fall from a peak, {peak.date()} to {trough}, is explained",
    )  # fmt: skip


def _streak(closes: pd.Series, end: date, sessions: int, way: Way) -> Anchor | None:
    position = _position(closes, end)
    if position is None or sessions < 1 or position - sessions < 0:
        return None
    start = closes.index[position - sessions + 1].date()
    span = (
        f"the {sessions} sessions from {start} to {end}"
        if sessions > 1
        else f"the session of {end}"
    )
    return Anchor(start, end, way, f"the streak asked about, {span}, is explained")


def _between(closes: pd.Series, first: date, last: date) -> pd.Series:
    index = closes.index
    return closes[(index >= pd.Timestamp(first)) & (index <= pd.Timestamp(last))]


def _position(closes: pd.Series, day: date) -> int | None:
    matches = (closes.index == pd.Timestamp(day)).nonzero()[0]
    return int(matches[0]) if len(matches) else None
