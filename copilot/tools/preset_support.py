"""Plumbing for the preset market tools (copilot.tools.market): each maps its arguments to
`MeasureArgs`, computes with the measure, and writes its own familiar sentence from the facts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from copilot.errors import DateOutOfRangeError
from copilot.facts import Fact
from copilot.market.measure_model import MeasureArgs, MeasureResult, MeasureRow
from copilot.market.measure_window import snap_note
from copilot.tools.market_support import cite, describe, latest_day, load, store_of
from copilot.tools.measure_tool import compute, kind_of
from copilot.tools.registry import ToolDeps, ToolOutput


class Shown:
    """The facts a preset's sentence shows: each lookup returns a fact's `shown` string and
    keeps the fact, so the source states exactly the figures its text shows."""

    def __init__(self, *results: MeasureResult) -> None:
        self.pool = [f for r in results for f in r.facts]
        self.facts: list[Fact] = []

    def __call__(self, subject: str, measure: str, **where: Any) -> str:
        for fact in self.pool:
            if (
                fact.subject == subject
                and fact.measure == measure
                and all(getattr(fact, k) == v for k, v in where.items())
            ):
                if fact not in self.facts:
                    self.facts.append(fact)
                return fact.shown
        raise LookupError(f"no fact {subject} {measure} {where}")  # a bug, not a user error

    def add(self, fact: Fact) -> str:
        self.facts.append(fact)
        return fact.shown


def measure(deps: ToolDeps, symbols: list[str], **fields: Any) -> MeasureResult:
    """The measure of stored `symbols` with `fields` of MeasureArgs."""
    return compute(deps, MeasureArgs(symbols=symbols, **fields))


def visible(deps: ToolDeps, day: date | None) -> None:
    """A date after the as-of date cannot be measured: said with the date the caller gave."""
    if day is not None and deps.as_of is not None and day > deps.as_of:
        raise DateOutOfRangeError(
            f"{day} is after the as-of date {deps.as_of}; nothing later is visible."
        )


def point_start(deps: ToolDeps, symbol: str, day: date) -> dict[str, Any]:
    """A window measured *from the close of* `day` (a point): it starts the day after."""
    visible(deps, day)
    return {"start": day + timedelta(days=1)}


def note_point(deps: ToolDeps, result: MeasureResult, row: MeasureRow, day: date) -> None:
    """Say so when the close standing on `day` is an earlier one (a weekend, a holiday)."""
    first, _ = store_of(deps).date_range(row.symbol, as_of=deps.as_of)
    if row.base is not None and row.base != day and day >= first:
        kind = kind_of(store_of(deps), row.symbol)
        result.notes.insert(0, snap_note(row.symbol, day, row.base, kind))


def year_start(deps: ToolDeps, symbol: str, end: date | None) -> date:
    """January 1 of the year of `end` (default: of the symbol's latest date)."""
    visible(deps, end)
    day = end or latest_day(deps, symbol)
    return date(day.year, 1, 1)


def with_notes(body: str, *results: MeasureResult) -> str:
    notes = list(dict.fromkeys(n for r in results for n in r.notes))
    return body + ("\nNotes: " + " ".join(n[0].upper() + n[1:] for n in notes) if notes else "")


def definition(*results: MeasureResult) -> str:
    """The definitions of the distinct measures used (a second window of one is not repeated)."""
    first = {r.args.measure: r.definition.rstrip(".") for r in reversed(results)}
    return " | ".join(first[m] for m in dict.fromkeys(r.args.measure for r in results)) + "."


def dump(*results: MeasureResult) -> dict[str, Any]:
    """The structured results, for code and UI (one result: under 'measure')."""
    if len(results) == 1:
        return {"measure": results[0].model_dump(mode="json")}
    return {"measures": [r.model_dump(mode="json") for r in results]}


def cite_preset(
    deps: ToolDeps, tool: str, results: list[MeasureResult], body: str, shown: Shown,
    values: dict[str, str], data: dict[str, Any], span: tuple[date | None, date | None],
    symbols: list[str] | None = None, metric: str | None = None,
) -> ToolOutput:  # fmt: skip
    """Register the preset's source: its sentence plus the measure's notes, the definition, and
    the facts the sentence shows."""
    names = symbols or list(dict.fromkeys(r.symbol for res in results for r in res.rows))
    return cite(deps, tool, names, span[0], span[1], metric or definition(*results),
                with_notes(body, *results), values, {**data, **dump(*results)},
                shown.facts)  # fmt: skip


def sessions_of(deps: ToolDeps, symbol: str, versus: str | None = None) -> list[date]:
    """The dates a streak counts on: the symbol's (and the benchmark's) visible sessions."""
    index = load(deps, symbol).dropna().index
    if versus:
        index = index.intersection(load(deps, versus).dropna().index)
    return [d.date() for d in index]


def move_sentence(shown: Shown, row: MeasureRow, name: str) -> tuple[str, dict[str, str]]:
    """'IWM (…) returned +5.05% over the 20 sessions from D0 (close X) to D1 (close Y).'"""
    symbol, what = row.symbol, "close" if row.kind in ("price", "index") else "value"
    figure = shown(symbol, name, unit=row.unit)
    if row.percent is not None:
        figure += f" ({shown(symbol, name, unit='%')})"
    # "returned … over the N sessions": a bare ", 20 sessions." was read as a 20-session streak.
    span = "the session" if row.sessions == 1 else f"the {shown(symbol, 'window_sessions')}"
    start, end = shown(symbol, "level", end=row.base), shown(symbol, "level", end=row.end)
    body = (f"{describe(symbol)} returned {figure} over {span} from {row.base} ({what} {start}) "
            f"to {row.end} ({what} {end}).")  # fmt: skip
    return body, {"return": figure, "start close": start, "end close": end}


def fraction(row: MeasureRow) -> float | None:
    """close(end) / close(base) - 1 as a fraction; None from a base <= 0."""
    if row.base_value is None or row.end_value is None or row.base_value <= 0:
        return None
    return row.end_value / row.base_value - 1.0


def run_of(row: MeasureRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"length": int(row.value or 0), "start": row.ref_date, "end": row.end}


def recovered_on(deps: ToolDeps, symbol: str, dd: MeasureRow) -> date | None:
    """The first session after the trough, up to the window's end, closing at or above the peak."""
    closes = load(deps, symbol)
    assert dd.on is not None and dd.end is not None and dd.ref_value is not None
    after = closes[(closes.index > str(dd.on)) & (closes.index <= str(dd.end))]
    back = after[after >= dd.ref_value]
    return back.index[0].date() if len(back) and dd.value else None
