"""The `compare_periods` tool: one instrument's measure over two periods, and the change from
the earlier period's figure to the later one's ("the 10-year's January average vs its September
average", "the monthly average change from February to July", "Q4 vs Q3").

Both figures come from the measure (`copilot.market.measure`); the change is computed here, in
the unit a move of that figure has: percentage points between two returns, basis points between
two yield levels, % between two price or index levels, points between two other series values.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, Field, model_validator

from copilot.errors import DateOutOfRangeError
from copilot.facts import Fact, FactUnit
from copilot.market.measure_model import MeasureArgs, MeasureResult, MeasureRow
from copilot.market.measure_text import _label, fmt, measure_name
from copilot.tools.market_support import cite
from copilot.tools.measure_tool import compute, resolve_args
from copilot.tools.registry import ToolDeps, ToolOutput, register_tool


class Period(BaseModel):
    start: date = Field(description="First calendar day of the period.")
    end: date = Field(description="Last calendar day of the period.")
    label: str = Field("", description="As the user reads it: 'January 2025', 'Q3 2025'.")


class ComparePeriodsArgs(BaseModel):
    """The measure of `first` (one symbol, no window) over each of two periods."""

    first: MeasureArgs = Field(description="The measure; its window is ignored.")
    periods: list[Period] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _one_symbol(self) -> ComparePeriodsArgs:
        if len(self.first.symbols) != 1 or self.first.versus or self.first.rank != "none":
            raise ValueError("compare_periods takes one symbol, no benchmark and no ranking")
        return self


def change_of(row_a: MeasureRow, row_b: MeasureRow) -> tuple[float, FactUnit] | None:
    """The change from row_a's figure to row_b's, in the unit a move of that figure has."""
    a, b = row_a.value, row_b.value
    if a is None or b is None or row_a.unit != row_b.unit or row_a.unit == "date":
        return None
    unit = row_a.unit
    if unit == "%":
        return b - a, "pp"
    if unit in ("$", "level") and row_a.kind == "rate":
        return (b - a) * 100.0, "bp"
    if unit in ("$", "level") and row_a.kind in ("price", "index"):
        return ((b / a - 1.0) * 100.0, "%") if a > 0 else None
    if unit in ("$", "level"):
        return b - a, "points"
    return b - a, unit


def period_label(start: date, end: date) -> str:
    """'January 2025', 'Q3 2025', '2025' for a whole calendar period; 'the week of D' for a
    week from its Monday to its Friday or later; 'the first (second) half of December 2025';
    'January 2026 through D' for a month from its first day, not yet over ("this month vs last
    month" had read "in 2026-01-01 to 2026-01-30", and "change from December 2025 to
    2026-01-01 to 2026-01-30"); else 'start to end'."""
    last = (end + timedelta(days=1)).day == 1
    month = f"{calendar.month_name[start.month]} {start.year}"
    if start.day == 1 and last and start.year == end.year:
        if start.month == end.month:
            return month
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"Q{start.month // 3 + 1} {start.year}"
        if (start.month, end.month) == (1, 12):
            return str(start.year)
    if start.weekday() == 0 and 4 <= (end - start).days <= 6:
        return f"the week of {start}"
    same_month = (start.year, start.month) == (end.year, end.month)
    if same_month and (start.day, end.day) == (1, 15):
        return f"the first half of {month}"
    if same_month and start.day == 16:  # "… vs the second half"
        return f"the second half of {month}" + ("" if last else f" through {end}")
    if start.day == 1 and same_month:
        return f"{month} through {end}"
    return f"{start} to {end}"


# The understanding layer's labels, as a reader says them beside the dates the line shows.
_TO_DATE = {"week to date": "this week", "month to date": "this month", "year to date": "this year"}


def said_label(label: str) -> str:
    """'the week before (2025-11-21 to 2025-11-27)' → 'the week before'; 'month to date' →
    'this month'; 'January 2026, so far' → 'January 2026' (the line gives each span's dates)."""
    plain = re.sub(r"\s*\([^()]*\)", "", label).removesuffix(", so far").strip()
    return _TO_DATE.get(plain, plain)


def _in(label: str) -> str:
    """'in December 2025', but 'last month', 'this week' as they are."""
    return label if label.startswith(("last ", "this ")) else f"in {label}"


def compare_call(calls: list[MeasureArgs], named: list[str] | None = None) -> dict[str, Any] | None:
    """One `compare_periods` call for the same measure of one instrument over two periods (what
    the understanding layer settles for "Q4 vs Q3"), else None; each period labelled as the
    question `named` it, when it did ("the week before", not "2025-11-21 to 2025-11-27": the
    model had written the week before's figure under the other week's name)."""
    if len(calls) != 2:
        return None
    a, b = calls
    same = a.model_copy(update={"start": b.start, "end": b.end}) == b
    bounded = all(c.start is not None and c.end is not None for c in calls)
    if not same or not bounded or (a.start, a.end) == (b.start, b.end):
        return None
    if a.start and a.end and b.start and b.end and a.start <= b.end and b.start <= a.end:
        return None  # a move and the run since its base ("made back its January 20 losses?")
    try:
        args = ComparePeriodsArgs(
            first=a,
            periods=[Period(start=c.start, end=c.end,
                            label=said_label(words) or period_label(c.start, c.end))
                     for c, words in zip(calls, named or ["", ""], strict=False)
                     if c.start is not None and c.end is not None],
        )  # fmt: skip
    except ValueError:  # more than one symbol, a benchmark or a ranking: not this tool's
        return None
    return {"tool": "compare_periods", "args": args.model_dump(mode="json", exclude_none=True)}


@register_tool("compare_periods", ComparePeriodsArgs)
def compare_periods(deps: ToolDeps, args: ComparePeriodsArgs) -> ToolOutput:
    """One symbol's measure over two periods and the change from the earlier to the later:
    pp between returns, bp between yield levels, % between price levels, points otherwise."""
    base = resolve_args(deps, args.first)
    periods = sorted(args.periods, key=lambda p: p.start)  # a change runs forward in time
    results: list[MeasureResult] = [
        compute(deps, base.model_copy(update={"start": p.start, "end": p.end, "sessions": None}))
        for p in periods
    ]
    rows = [r.rows[0] for r in results]
    if any(r.value is None for r in rows):
        raise DateOutOfRangeError(" ".join(r.note for r in rows if r.value is None))
    symbol, name = rows[0].symbol, measure_name(base)
    facts = [f for r in results for f in r.facts if f.measure == name]
    shown = [f.shown for f in facts]
    labels = [p.label or period_label(p.start, p.end) for p in periods]
    # each period's length too ("the last 10 sessions", written beside its figure, had nothing
    # to be held to and was cut)
    lengths = [f for r in results for f in r.facts
               if f.measure in ("window_sessions", "window_moves")]  # fmt: skip
    facts += lengths
    sessions = {(f.start, f.end): f.shown if f.unit == "sessions" else f"{f.shown} moves"
                for f in lengths}  # fmt: skip
    spans = [(f"{r.start}" if r.start == r.end else f"{r.start} to {r.end}")
             + (f", {sessions[(r.start, r.end)]}" if (r.start, r.end) in sessions else "")
             for r in rows]  # fmt: skip
    figures = [f"{s} {_in(label)} ({span})" for s, label, span in
               zip(shown, labels, spans, strict=True)]  # fmt: skip
    change = change_of(rows[0], rows[1])
    body = f"{symbol}: {_label(base, rows[0].kind)} {figures[0]}, {figures[1]}"
    if change is not None:
        value, unit = change
        text = fmt(value, unit, rows[0].kind)
        facts.append(Fact(subject=symbol, measure=f"{name}_change", value=value, unit=unit,
                          start=rows[0].start, end=rows[1].end, shown=text))  # fmt: skip
        body += f"; change from {labels[0]} to {labels[1]}: {text}"
    notes = list(dict.fromkeys(n for r in results for n in r.notes))
    text = (
        body + "." + ("\nNotes: " + " ".join(n[0].upper() + n[1:] for n in notes) if notes else "")
    )
    measured = re.sub(r"; window: [^;]*", "", results[0].definition).rstrip(".")
    named = "; ".join(f"{label}: {p.start} to {p.end}" for label, p in zip(labels, periods,
                                                                        strict=True))  # fmt: skip
    definition = (f"{measured}; over each period ({named}); change: the later figure against "
                  "the earlier (pp between returns, bp between yield levels, % between price "
                  "or index levels, points otherwise).")  # fmt: skip
    data: dict[str, object] = {"measure": [r.model_dump(mode="json") for r in results]}
    return cite(deps, "compare_periods", [symbol], rows[0].start, rows[1].end, definition, text,
                {symbol: text}, data, facts)  # fmt: skip
