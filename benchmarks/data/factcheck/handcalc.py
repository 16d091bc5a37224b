"""The labels' right values, computed from the raw CSVs with plain Python (no project code), so
the benchmark's truth does not come from the code it measures.

    python benchmarks/data/factcheck/handcalc.py close IWM 2026-01-22
    python benchmarks/data/factcheck/handcalc.py ret XLU 2026-01-21 2026-01-22   # close to close
    python benchmarks/data/factcheck/handcalc.py streak IWM 2026-01-22 [SPY]
"""

from __future__ import annotations

import csv
import itertools
import sys
from pathlib import Path

MARKET = Path(__file__).resolve().parents[4] / "shared" / "data" / "market"


def closes(symbol: str) -> dict[str, float]:
    path = MARKET / "prices" / f"{symbol}.csv"
    if path.exists():
        with path.open() as f:
            return {r["date"][:10]: float(r["close"]) for r in csv.DictReader(f)}
    series = {
        "SP500": ("observation_date", "SP500"),
        "VIX": ("DATE", "CLOSE"),
        "WTI": ("Date", "Price"),
    }
    day, value = series[symbol]
    with (MARKET / "series" / f"{symbol}.csv").open() as f:
        return {r[day][:10]: float(r[value]) for r in csv.DictReader(f) if r[value].strip()}


def close_on(symbol: str, day: str) -> float:
    data = closes(symbol)
    return data[max(d for d in data if d <= day)]


def streak(symbol: str, day: str, versus: str | None) -> int:
    mine = closes(symbol)
    days = sorted(d for d in mine if d <= day)
    other = closes(versus) if versus else None
    count = 0
    for prev, cur in reversed(list(itertools.pairwise(days))):
        up = mine[cur] / mine[prev] - 1
        ok = up > 0 if other is None else up > other[cur] / other[prev] - 1
        if not ok:
            break
        count += 1
    return count


if __name__ == "__main__":
    what, symbol, *rest = sys.argv[1:]
    if what == "close":
        print(f"{close_on(symbol, rest[0]):.4f}")
    elif what == "ret":
        base, end = close_on(symbol, rest[0]), close_on(symbol, rest[1])
        print(f"{(end / base - 1) * 100:+.4f}%  points {end - base:+.4f}")
    elif what == "streak":
        print(streak(symbol, rest[0], rest[1] if len(rest) > 1 else None))
