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
# The measures whose figure is about one move: a day, a fall from a peak, a run of sessions.
_ANCHORING = frozenset(
    {"daily_return", "distance_from_peak", "distance_from_trough", "drawdown", "up_streak",
     "down_streak", "weekly_return", "monthly_return"}
)  # fmt: skip


@dataclass(frozen=True)
class Anchor:
    start: date  # first session of the move (the base is the close before it)
    end: date  # last session of the move
    direction: Way
    reason: str  # said to the user: which move is explained, and why that one


def own_measures(calls: list[MeasureArgs]) -> list[MeasureArgs]:
    """The question's measures that are not the move itself ("how far below its peak", "how
    volatile", "its worst day"): shown beside the move, never dropped for it. The last close
    is not one: the move's own line shows it ("what's weighing on banks?" reads as a level)."""
    return [
        args for args in calls
        if args.measure not in MOVE_MEASURES and args.rank == "none"
        and (args.measure, args.aggregate) != ("level", "last")
    ]  # fmt: skip


def anchored_move(deps: ToolDeps, args: MeasureArgs, subject: str) -> Anchor | None:
    """The move `args`' figure for `subject` is about, from the days the measure tool itself
    reports beside the figure (its day, its peak or trough, its run's first session), or None
    when the measure points at no move (a volatility, a count of days) or nothing moved (the
    last close is the peak)."""
    if args.measure not in _ANCHORING:
        return None  # a volatility or a count of days: not computed for nothing
    try:
        row = compute(deps, args.model_copy(update={"symbols": [subject]})).rows[0]
    except (CopilotError, IndexError):
        return None
    if row.end is None or row.value is None:
        return None
    measure, aggregate, value = args.measure, args.aggregate, row.value
    if measure == "daily_return" and aggregate in ("max", "min") and row.on is not None:
        way: Way = "up" if value > 0 else "down"
        return Anchor(row.on, row.on, way, f"the day asked about, {row.on}, is explained")
    if row.ref_date is None or value == 0:
        return None
    if measure in ("weekly_return", "monthly_return") and aggregate in ("max", "min"):
        first, last = _session_after(deps, subject, row.ref_date), row.on
        if first is None or last is None:
            return None
        period = "week" if measure == "weekly_return" else "month"
        return Anchor(first, last, "up" if value > 0 else "down",
                      f"the {period} asked about, {first} to {last}, is explained")  # fmt: skip
    if measure in ("distance_from_peak", "distance_from_trough", "drawdown"):
        last = row.on if aggregate != "last" and row.on is not None else row.end
        first = _session_after(deps, subject, row.ref_date)
        if last is None or first is None or first > last:
            return None
        if measure == "distance_from_trough":
            return Anchor(first, last, "up", f"the rise from its trough on {row.ref_date} to "
                          f"{last} is explained")  # fmt: skip
        return Anchor(first, last, "down", f"the fall from its peak on {row.ref_date} to {last} "
                      "is explained")  # fmt: skip
    if measure in ("up_streak", "down_streak") and aggregate == "last":
        way = "up" if measure == "up_streak" else "down"
        last = row.on or row.end
        span = f"the {int(value)} sessions from {row.ref_date} to {last}" if value > 1 else (
            f"the session of {last}"
        )  # fmt: skip
        return Anchor(row.ref_date, last, way, f"the streak asked about, {span}, is explained")
    return None


def _session_after(deps: ToolDeps, subject: str, day: date) -> date | None:
    """The first session after `day`: where a fall from a peak on `day` begins."""
    try:
        sessions = deps.market.values(subject, as_of=deps.as_of).dropna().index
    except CopilotError:
        return None
    later = sessions[sessions > pd.Timestamp(day)]
    return later[0].date() if len(later) else None
