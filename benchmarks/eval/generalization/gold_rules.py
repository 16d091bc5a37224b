"""The calendar/measure convention of docs/windows-and-measures.md, restated independently.

Standard library only and no project code: this is the evaluation's own reading of the
convention, so the gold values check the project's measure tool rather than copy it.

* Observations are the rows of a file (blank values dropped); sessions = those rows.
* A window [start, end] reads the rows dated start <= d <= min(end, as_of), the *base* (last row
  strictly before start) and the *end value* (last row on or before end).
* A date that is not a row snaps to the last row on or before it.
"""

from __future__ import annotations

import csv
import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

Obs = list[tuple[date, float]]

# Series files: symbol -> (file, date column, value column). ETFs are prices/<SYMBOL>.csv.
SERIES = {
    "SP500": ("SP500.csv", "observation_date", "SP500"),
    "VIX": ("VIX.csv", "DATE", "CLOSE"),
    "US10Y": ("US10Y_monthly.csv", "Date", "Rate"),
    "WTI": ("WTI.csv", "Date", "Price"),
}


def read_csv(path: Path, date_col: str, value_col: str) -> Obs:
    rows: Obs = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (row.get(value_col) or "").strip()
            if text and text != ".":
                rows.append((date.fromisoformat(row[date_col].strip()), float(text)))
    rows.sort()
    return rows


def load_market(market: Path) -> dict[str, Obs]:
    """Every ETF's closes and every series' values, keyed by stored symbol."""
    data = {p.stem: read_csv(p, "date", "close") for p in sorted((market / "prices").glob("*.csv"))}
    for symbol, (name, date_col, value_col) in SERIES.items():
        data[symbol] = read_csv(market / "series" / name, date_col, value_col)
    return data


def visible(obs: Obs, as_of: date) -> Obs:
    return [o for o in obs if o[0] <= as_of]


def on_or_before(obs: Obs, day: date) -> tuple[date, float] | None:
    found = None
    for o in obs:
        if o[0] > day:
            break
        found = o
    return found


def strictly_before(obs: Obs, day: date) -> tuple[date, float] | None:
    found = None
    for o in obs:
        if o[0] >= day:
            break
        found = o
    return found


@dataclass(frozen=True)
class Window:
    base: tuple[date, float]
    rows: Obs  # the observations inside [start, end]
    end: tuple[date, float]


def window(obs: Obs, start: date, end: date, as_of: date) -> Window | None:
    """None when the window cannot be measured without clipping (no base, no rows)."""
    seen = visible(obs, as_of)
    end = min(end, as_of)
    rows = [o for o in seen if start <= o[0] <= end]
    base = strictly_before(seen, start)
    last = on_or_before(seen, end)
    if base is None or not rows or last is None:
        return None
    return Window(base, rows, last)


def move_pct(w: Window) -> float:
    return (w.end[1] / w.base[1] - 1.0) * 100.0


def move_bp(w: Window) -> float:
    return (w.end[1] - w.base[1]) * 100.0


def daily_moves(w: Window) -> list[tuple[date, float]]:
    """Each row's close-to-close move in percent, the first one from the base."""
    moves = []
    previous = w.base[1]
    for day, value in w.rows:
        moves.append((day, (value / previous - 1.0) * 100.0))
        previous = value
    return moves


def mean(values: list[float]) -> float:
    return statistics.fmean(values)


def up_streak(obs: Obs, as_of: date, up: bool = True) -> int:
    seen = visible(obs, as_of)
    count = 0
    for i in range(len(seen) - 1, 0, -1):
        now, before = seen[i][1], seen[i - 1][1]
        if (now > before) if up else (now < before):
            count += 1
        else:
            break
    return count


def beat_streak(a: Obs, b: Obs, as_of: date) -> int:
    """Consecutive common dates ending at as-of where a's daily return beat b's."""
    ra, rb = _returns(visible(a, as_of)), _returns(visible(b, as_of))
    common = sorted(set(ra) & set(rb))
    count = 0
    for day in reversed(common):
        if ra[day] > rb[day]:
            count += 1
        else:
            break
    return count


def _returns(obs: Obs) -> dict[date, float]:
    return {obs[i][0]: obs[i][1] / obs[i - 1][1] - 1.0 for i in range(1, len(obs))}


# --- calendar words -------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_week(as_of: date) -> tuple[date, date]:
    start = monday(as_of) - timedelta(days=7)
    return start, start + timedelta(days=4)


def last_month(as_of: date) -> tuple[date, date]:
    year, month = (as_of.year, as_of.month - 1) if as_of.month > 1 else (as_of.year - 1, 12)
    return date(year, month, 1), month_end(year, month)


def months_back(day: date, n: int) -> date:
    """The same calendar day n months earlier (clamped to the month's end)."""
    total = day.year * 12 + day.month - 1 - n
    year, month = divmod(total, 12)
    return min(
        date(year, month + 1, 1).replace(day=1) + timedelta(days=day.day - 1),
        month_end(year, month + 1),
    )


def near_half(value: float, decimals: int) -> bool:
    """True when rounding `value` to `decimals` is fragile (within 0.1 of a unit of the half)."""
    scaled = abs(value) * float(10**decimals)
    return abs(scaled - int(scaled) - 0.5) < 0.1
