"""The measure's text and facts, made together so every figure shown is a `Fact` whose `shown`
is exactly the string in the text; and its one-line definition. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from copilot.facts import Fact, FactUnit
from copilot.market.measure_model import MeasureArgs, MeasureResult, MeasureRow
from copilot.market.measure_window import ONE_YEAR_DEFAULT, frequency

COUNTED = {"up_days": "up days", "down_days": "down days", "new_highs": "new closing highs",
           "days_above": "closes above {line}", "days_below": "closes below {line}",
           "up_weeks": "up weeks", "down_weeks": "down weeks", "up_months": "up months",
           "down_months": "down months"}  # fmt: skip


def counted(args: MeasureArgs, value: float | None = None) -> str:
    """'up days', 'closes above 20' (a line written as the question wrote it: 20, 4.5); one
    'up day', 'new closing high', 'close above 20'."""
    words = COUNTED[args.measure].format(line=f"{args.line:g}" if args.line is not None else "")
    if value != 1:
        return words
    return re.sub(r"\b(close|day|high|week|month)s\b", r"\1", words, count=1)


_RUNS = {"up_streak", "down_streak", "beat_streak"}  # "IWM beat SPY 14 sessions in a row"


def fmt(value: float, unit: FactUnit, kind: str | None = None) -> str:
    """A value as the text shows it: +1.23%, +12 bp, +0.45 points, 258.55, 4.21% (a yield)."""
    if unit == "%":
        return f"{value:+.2f}%"
    if unit == "pp":
        return f"{value:+.2f} pp"
    if unit == "bp":
        exact = abs(value) >= 10 or round(value, 6) == round(value)
        return f"{value:+.0f} bp" if exact else f"{value:+.1f} bp"
    if unit == "points":
        return f"{value:+.2f} points"
    if unit == "level" and kind == "rate":
        return f"{value:.2f}%"
    if unit in ("$", "level"):
        return f"{value:,.2f}"
    if unit == "sessions":
        noun = "session" if kind in ("price", "index", None) else "observation"
        if value != int(value):  # an average run length
            return f"{value:.1f} {noun}s"
        return f"{int(value)} {noun}" + ("" if int(value) == 1 else "s")
    if unit == "rank":
        return f"#{int(value)}"
    if unit == "date":
        return date.fromordinal(int(value)).isoformat()
    return f"{int(value)}" if value == int(value) else f"{value:.2f}"  # count


def _what(kind: str | None) -> str:
    return "close" if kind in ("price", "index") else "value"


def _step(kind: str | None) -> str:
    return "session" if kind in ("price", "index", None) else "observation"


def _level_unit(kind: str | None) -> FactUnit:
    return "$" if kind == "price" else "level"


def measure_name(args: MeasureArgs) -> str:
    """The facts' measure: 'return' for aggregate last, else e.g. 'max_daily_return'."""
    return args.measure if args.aggregate == "last" else f"{args.aggregate}_{args.measure}"


def _label(args: MeasureArgs, kind: str | None) -> str:
    m, agg = args.measure, args.aggregate
    special = {
        ("daily_return", "max"): "best day", ("daily_return", "min"): "worst day",
        ("daily_return", "argmax"): "best day", ("daily_return", "argmin"): "worst day",
        ("daily_move_size", "max"): "largest daily move either way",
        ("daily_move_size", "min"): "smallest daily move either way",
        ("daily_move_size", "mean"): "average daily move either way",
        ("drawdown", "min"): "max drawdown",
        ("weekly_return", "max"): "best week", ("weekly_return", "min"): "worst week",
        ("monthly_return", "max"): "best month", ("monthly_return", "min"): "worst month",
    }  # fmt: skip
    if (m, agg) in special:
        return special[(m, agg)]
    names = {
        "level": _what(kind), "return": "change" if kind in ("series", "rate") else "return",
        "daily_return": "daily move", "daily_move_size": "daily move in size",
        "weekly_return": "week's move",
        "monthly_return": "month's move", "drawdown": "drawdown",
        "distance_from_peak": "distance from peak", "distance_from_trough": "distance from trough",
        "up_streak": "closed higher", "down_streak": "closed lower",
        "beat_streak": f"beat {args.versus}",
        "sma_distance": f"distance from the {args.sma_window}-{_step(kind)} average",
        "volatility": "annualized volatility", "mom": "month-over-month change",
        "yoy": "year-over-year change",
    }  # fmt: skip
    name = names.get(m, m)
    if agg == "count":
        return f"{_step(kind)}s counted"
    if m in ("up_streak", "down_streak", "beat_streak") and agg != "last":
        name = f"run ({name})"
    words = {"last": "", "max": "highest ", "min": "lowest ", "mean": "average ",
             "sum": "sum of ", "count": "number of ", "argmax": "day of the highest ",
             "argmin": "day of the lowest "}  # fmt: skip
    return f"{words[agg]}{name}"


class _Line:
    """One row's line, collecting a fact for every figure it shows."""

    def __init__(self, row: MeasureRow, args: MeasureArgs, of: int) -> None:
        self.row, self.args, self.of = row, args, of
        self.facts: list[Fact] = []
        self.parts: list[str] = []

    def show(self, value: float, unit: FactUnit, measure: str, **where: Any) -> str:
        text = fmt(value, unit, self.row.kind)
        sized = measure in ("volatility", "daily_move_size") or measure.endswith("_daily_move_size")
        if sized or (measure.endswith("volatility") and unit == "%"):  # a size has no sign
            text = text.lstrip("+")
        self.facts.append(Fact(subject=self.row.symbol, measure=measure, value=value, unit=unit,
                               shown=text, **where))  # fmt: skip
        return text

    def window(self) -> dict[str, Any]:
        row = self.row
        start = row.start if row.start != row.end else None
        if self.args.measure in _RUNS and self.args.aggregate == "last":
            start = row.ref_date  # the run itself
        versus = self.args.versus if self.args.measure == "beat_streak" else None
        base = row.base
        if self.args.measure in ("mom", "yoy") and self.args.aggregate == "last":
            base = row.ref_date  # the change is read from the value a month / a year earlier
        return {"start": start, "end": row.end, "base": base, "on": row.on, "versus": versus}

    def level(self, value: float, day: date | None) -> str:
        return self.show(value, _level_unit(self.row.kind), "level", end=day)

    def read_level(self, value: float, day: date | None, what: str) -> str:
        """A value a move is read from: a raw level, or — where a split or dividend lies in the
        window — an adjusted close (its own fact, never a 'level': it was not the print)."""
        if (day is not None and day == self.row.end) or not self.row.adjusted:
            return f"{what} {self.level(value, day)}"
        shown = self.show(value, _level_unit(self.row.kind), "adjusted_level", end=day)
        return f"adjusted {what} {shown}"

    def released(self) -> str:
        return f" (released {self.row.released})" if self.row.released else ""

    def sessions(self) -> str:
        # The base too: a source writes the window as "the N sessions from <base> to <end>".
        return self.show(self.row.sessions, "sessions", "window_sessions",
                         start=self.row.start, end=self.row.end, base=self.row.base)  # fmt: skip

    def build(self) -> str:
        row, args = self.row, self.args
        head = (
            f"{self.show(row.rank, 'rank', 'rank', of=self.of, end=row.end)} " if row.rank else ""
        )
        if row.value is None:
            return f"{head}{row.symbol}: not available: {row.note}"
        name, what = measure_name(args), _what(row.kind)
        body = _BODIES.get(args.measure, _generic)(self, name, what)
        if row.difference is not None and row.versus_value is not None:
            unit: FactUnit = "pp" if row.unit == "%" else row.unit
            where = {**self.window(), "versus": args.versus}
            diff = self.show(row.difference, unit, f"{name}_difference", **where)
            body += f"; {diff} vs {args.versus}"
        note = f" ({row.note.rstrip('.')})" if row.note else ""
        colon = "" if args.measure in _RUNS and args.aggregate == "last" else ":"
        return f"{head}{row.symbol}{colon} {body}{note}."


def _main(line: _Line, name: str) -> str:
    row = line.row
    assert row.value is not None
    if row.unit == "date" and row.extreme is not None and row.extreme_unit is not None:
        day = line.show(row.value, "date", name, **line.window())
        extreme_name = name.replace("argmax", "max").replace("argmin", "min")
        shown = line.show(row.extreme, row.extreme_unit, extreme_name, **line.window())
        return f"{day} ({shown})"
    return line.show(row.value, row.unit, name, **line.window())


def _span(line: _Line) -> str:
    return f"{line.row.start} to {line.row.end}, {line.sessions()}"


_DAILY_MOVES = ("daily_return", "daily_move_size")  # each session's move, signed or in size


def _generic(line: _Line, name: str, what: str) -> str:
    row, args = line.row, line.args
    label = _label(args, row.kind)
    if args.measure in _DAILY_MOVES and args.aggregate in _EXTREMES and row.start:
        label += f" since {row.start}"  # "its worst day since December" is what was computed
    text = f"{label} {_main(line, name)}"
    if row.on is not None and row.unit != "date" and row.on != row.ref_date:
        text += f" on {row.on}"
    if row.ref_date is not None and row.ref_value is not None:
        side = "trough" if args.measure == "distance_from_trough" else "peak"
        text += f" ({side} {line.read_level(row.ref_value, row.ref_date, what)} on {row.ref_date})"
    if args.aggregate == "last" and args.measure != "level":
        assert row.end_value is not None
        text += f", {what} {line.level(row.end_value, row.end)} on {row.end}{line.released()}"
    if args.aggregate == "last" and args.measure == "level":
        return f"{text} on {row.end}{line.released()}"
    return f"{text}; {_span(line)}"


_EXTREMES = ("max", "min", "argmax", "argmin")


def _move(line: _Line, name: str, what: str) -> str:
    row, args = line.row, line.args
    if args.aggregate != "last":
        return _generic(line, name, what)
    assert row.base_value is not None and row.end_value is not None
    text = f"{_label(args, row.kind)} {_main(line, name)}"
    if row.percent is not None:
        text += f" ({line.show(row.percent, '%', name, **line.window())})"
    if row.points is not None:
        text += f" ({line.show(row.points, 'points', name, **line.window())})"
    base = line.read_level(row.base_value, row.base, what)
    end = line.level(row.end_value, row.end)
    return (f"{text} over {line.sessions()}, from the {row.base} {base} to the {row.end} "
            f"{what} {end}{line.released()}")  # fmt: skip


def _period(line: _Line, name: str, what: str) -> str:
    """A week's or a month's move, by its own dates: "worst week since 2025-10-01 -3.09% (the
    week ending 2025-11-21, from the 2025-11-14 close 608.86 to the 2025-11-21 close 590.07)",
    then the window searched."""
    row, args = line.row, line.args
    if row.ref_date is None or row.ref_value is None or row.on is None or row.on_value is None:
        return _generic(line, name, what)
    period = "week" if args.measure == "weekly_return" else "month"
    # the window searched, and the period's own base close and end
    where = {"start": row.start, "end": row.end, "base": row.ref_date, "on": row.on}
    figure = line.show(row.value or 0.0, row.unit, name, **where)
    base = line.read_level(row.ref_value, row.ref_date, what)
    end = line.level(row.on_value, row.on)
    # "since" the window's first session: the superlative a writer makes of it ("its worst
    # week since October") is what was computed
    return (
        f"{_label(args, row.kind)} since {row.start} {figure} (the {period} ending "
        f"{row.on}, from the {row.ref_date} {base} to the {row.on} {what} {end}); "
        f"{_span(line)}"
    )


def _counted(line: _Line, name: str, what: str) -> str:
    row, args = line.row, line.args
    if args.aggregate == "mean":
        return f"share of {counted(args)} {_main(line, name)}; {_span(line)}"
    latest = f" (latest {row.on})" if row.on else ""
    return f"{_main(line, name)} {counted(args, row.value)}{latest}; {_span(line)}"


def _streak(line: _Line, name: str, what: str) -> str:
    row, args = line.row, line.args
    if args.aggregate not in ("last", "max"):
        return _generic(line, name, what)
    runs = f" ({row.ref_date} to {row.on or row.end})" if row.ref_date else ""
    if args.aggregate == "max":
        of = {"up_streak": "higher closes", "down_streak": "lower closes"}.get(
            args.measure, f"sessions beating {args.versus}"
        )
        # The run by its own dates alone (a run ending in the window may begin before it): the
        # window's session count beside the run read as the run's length ("a 15-session run"
        # for a run of 14 in a 15-session window). The window is in the definition.
        return f"longest run of {of} {_main(line, name)}{runs}"
    return f"{_label(args, row.kind)} {_main(line, name)} in a row through {row.end}{runs}"


_PERIOD_RUNS = {"up_week_streak": "up weeks", "down_week_streak": "down weeks",
                "up_month_streak": "up months", "down_month_streak": "down months"}  # fmt: skip


def _period_streak(line: _Line, name: str, what: str) -> str:
    """'GLD: 3 up weeks in a row through 2026-01-30 (weeks ending 2026-01-16 to 2026-01-30)';
    the longest: 'longest run of up weeks 5 (weeks ending … to …)'."""
    row, args = line.row, line.args
    if args.aggregate not in ("last", "max"):
        return _generic(line, name, what)
    words = _PERIOD_RUNS[args.measure]
    period = words.split()[1]
    last = row.on or row.end
    runs = (
        "" if not row.ref_date
        else f" (the {period[:-1]} ending {last})" if row.ref_date == last
        else f" ({period} ending {row.ref_date} to {last})"
    )  # fmt: skip
    if args.aggregate == "max":
        return f"longest run of {words} {_main(line, name)}{runs}"
    shown = words if row.value != 1 else words.removesuffix("s")
    return f"{_main(line, name)} {shown} in a row through {row.end}{runs}"


def _sma(line: _Line, name: str, what: str) -> str:
    row = line.row
    if line.args.aggregate != "last" or row.ref_value is None or row.end_value is None:
        return _generic(line, name, what)
    average = line.show(row.ref_value, _level_unit(row.kind), "sma", end=row.end)
    close = line.level(row.end_value, row.end)
    assert row.value is not None
    side = "above" if row.value > 0 else "below" if row.value < 0 else "at"
    return (f"{what} {close} on {row.end}, {_main(line, name)} {side} its "
            f"{line.args.sma_window}-{_step(row.kind)} average of {average}")  # fmt: skip


def _change(line: _Line, name: str, what: str) -> str:
    """Month over month / year over year: the end value against the one a period earlier."""
    row = line.row
    if line.args.aggregate != "last" or row.ref_value is None or row.end_value is None:
        return _generic(line, name, what)
    earlier = line.read_level(row.ref_value, row.ref_date, what)
    return (f"{_label(line.args, row.kind)} {_main(line, name)} from the {row.ref_date} "
            f"{earlier} to the {row.end} {what} {line.level(row.end_value, row.end)}"
            f"{line.released()}")  # fmt: skip


def _volatility(line: _Line, name: str, what: str) -> str:
    row = line.row
    moves = line.show(row.sessions, "count", "window_moves", start=row.start, end=row.end)
    figure = _main(line, name)
    return (f"annualized volatility {figure} from {moves} {_frequency(row)} moves, {row.start} "
            f"to {row.end}")  # fmt: skip


def _frequency(row: MeasureRow) -> str:
    """'daily', or for a weekly or monthly series what its moves are (a monthly yield's twelve
    moves were called "12 daily moves")."""
    if row.start is None or row.end is None or row.sessions < 2:
        return "daily"
    return frequency((row.end - row.start).days / (row.sessions - 1))[1]


_BODIES: dict[str, Callable[[_Line, str, str], str]] = {
    "return": _move, "daily_return": _move, "daily_move_size": _move, "up_days": _counted,
    "down_days": _counted,
    "up_weeks": _counted, "down_weeks": _counted, "up_months": _counted, "down_months": _counted,
    "up_week_streak": _period_streak, "down_week_streak": _period_streak,
    "up_month_streak": _period_streak, "down_month_streak": _period_streak,
    "weekly_return": _period, "monthly_return": _period,
    "new_highs": _counted, "days_above": _counted, "days_below": _counted,
    "up_streak": _streak, "down_streak": _streak, "beat_streak": _streak,
    "sma_distance": _sma, "volatility": _volatility, "mom": _change, "yoy": _change,
}  # fmt: skip


def render(result: MeasureResult) -> tuple[str, list[Fact]]:
    """The text the model reads (one line per instrument, then the notes) and its facts."""
    ranked = sum(1 for r in result.rows if r.rank is not None)
    lines: list[str] = []
    facts: list[Fact] = []
    # The order is said on the leader's line: a reader (or a small model) that takes the first
    # line then has the answer, not a header.
    order = "Ranked " + ("highest" if result.args.rank == "desc" else "lowest") + " first: "
    for i, row in enumerate(result.rows):
        line = _Line(row, result.args, ranked)
        lines.append((order if ranked and i == 0 else "") + line.build())
        facts.extend(line.facts)
    if result.notes:
        lines.append("Notes: " + " ".join(n[0].upper() + n[1:] for n in result.notes))
    return "\n".join(lines), facts


_DEFINE = {
    "level": "the {what} (a series: its last observation on or before the date)",
    "return": "the move from the base (the last observation before the window) to the end: {moves}",
    "daily_return": "each session's move from the previous observation: {moves}",
    "daily_move_size": "each session's move from the previous observation, in size (up or down "
    "alike): |{moves}|",
    "weekly_return": "each calendar week's move (Monday to Sunday), from the last observation "
    "before the week to its last: {moves}; weeks that begin before the window are left out",
    "monthly_return": "each calendar month's move, from the last observation before the month "
    "to its last: {moves}; months that begin before the window are left out",
    "drawdown": "value / running maximum of the window's values - 1{relative}",
    "distance_from_peak": "value at the end / highest value in the window - 1{relative}",
    "distance_from_trough": "value at the end / lowest value in the window - 1{relative}",
    "up_streak": "consecutive sessions ending at a date whose close was strictly above the "
    "previous close (counted back through all visible data)",
    "down_streak": "consecutive sessions ending at a date whose close was strictly below the "
    "previous close (counted back through all visible data)",
    "beat_streak": "consecutive sessions ending at a date, on dates both have, whose daily return "
    "was strictly greater than {versus}'s",
    "up_days": "sessions whose move was strictly above zero",
    "down_days": "sessions whose move was strictly below zero",
    "new_highs": "sessions closing strictly above every earlier close in the data",
    "days_above": "sessions whose {what} was strictly above {line}",
    "days_below": "sessions whose {what} was strictly below {line}",
    "sma_distance": "close / mean of the last {sma} closes - 1{relative}",
    "volatility": "sample standard deviation of the window's moves x sqrt(observations a year: "
    "252 for daily data, 12 for monthly)",
    "mom": "value / the last value on or before the date one month earlier - 1{relative}",
    "yoy": "value / the last value on or before the date twelve months earlier - 1{relative}",
}


def _calendar_definitions() -> dict[str, str]:
    """up_weeks … down_month_streak: calendar weeks (months) by the way each one's move went."""
    calendar = {"week": "calendar weeks (Monday to Sunday)", "month": "calendar months"}
    found = {}
    for period, named in calendar.items():
        for way, side in (("up", "above"), ("down", "below")):
            moved = (f"whose move, from the last observation before the {period} to its last, "
                     f"was strictly {side} zero")  # fmt: skip
            found[f"{way}_{period}s"] = (
                f"{named} {moved}; {period}s that begin before the window are left out"
            )
            found[f"{way}_{period}_streak"] = (
                f"consecutive {named} ending at a date {moved} (counted back through all "
                f"visible data; the {period} the window ends inside, to its end)"
            )
    return found


_DEFINE.update(_calendar_definitions())
_AGGREGATE = {
    "last": "at the window's end", "max": "its highest in the window, with the date",
    "min": "its lowest in the window, with the date", "argmax": "the date of its highest",
    "argmin": "the date of its lowest", "mean": "the mean over the window's sessions",
    "sum": "the sum over the window's sessions", "count": "the number of sessions",
}  # fmt: skip
_MOVES = {
    "price": "close(end) / close(base) - 1 in %", "index": "level(end) / level(base) - 1 in %",
    "rate": "(end - base) x 100 in bp", "series": "end - base in points (and end / base - 1 in % "
    "only when base > 0)",
}  # fmt: skip


def definition(args: MeasureArgs, kinds: set[str]) -> str:
    """One line: exactly what was computed."""
    moves = "; ".join(_MOVES[k] for k in ("price", "index", "rate", "series") if k in kinds)
    relative = " (rates: difference x 100 in bp)" if "rate" in kinds else ""
    what = "close" if kinds <= {"price", "index"} else "value"
    line = f"{args.line:g}" if args.line is not None else ""
    text = _DEFINE[args.measure].format(
        what=what, moves=moves, relative=relative, versus=args.versus, sma=args.sma_window,
        line=line,
    )  # fmt: skip
    if args.measure in COUNTED:
        aggregate = "the share of sessions" if args.aggregate == "mean" else "counted in the window"
    elif args.measure == "volatility":
        aggregate = "over the window"
    else:
        aggregate = _AGGREGATE[args.aggregate]
    extra = ""
    if args.versus and args.measure != "beat_streak":
        extra += f"; difference = value - {args.versus}'s (pp for %)"
    if args.rank != "none":
        extra += "; ranked " + ("highest" if args.rank == "desc" else "lowest") + " first"
    return f"{args.measure}: {text}; {aggregate}; {_window(args)}{extra}."


def _window(args: MeasureArgs) -> str:
    end = args.end or "the latest data"
    if args.sessions is not None:
        return f"window: the last {args.sessions} sessions to {end}"
    if args.start is not None:
        return f"window: {args.start} to {end} (calendar days)"
    if args.measure in ("level", "sma_distance", "mom", "yoy") and args.aggregate == "last":
        return f"at {end}"
    if args.measure in ("return", *_DAILY_MOVES) and args.aggregate == "last":
        return f"the one-session move to {end}"
    if args.measure in _RUNS and args.aggregate == "last":
        return f"the run ending at {end}"
    if args.measure in ONE_YEAR_DEFAULT:
        return f"no window: the last year to {end}"
    return f"no window: all visible data to {end}"
