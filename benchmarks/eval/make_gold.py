#!/usr/bin/env python3
"""Compute the gold values of the numeric evaluation questions from the raw CSVs.

Standard library only (csv, json, statistics): no pandas and no project code, so the gold values
are an independent check of `copilot.market.metrics` and the tools, not a copy of them.

Usage (from the repository root):
    python benchmarks/eval/make_gold.py                 # refresh the gold fields in questions.jsonl
    python benchmarks/eval/make_gold.py --check         # exit 1 if any stored gold is stale
    python benchmarks/eval/make_gold.py --data /path/to/shared/data

The data folder defaults to `../shared/data` relative to the repository root. Every numeric
question in questions.jsonl must have an entry in `GOLD` below (and every entry a question); the
entry names the calculation, its arguments, the unit and the absolute tolerance.

Definitions (the project's documented metric definitions, restated here on purpose):
* return            close(end) / close(start) - 1, in percent.
* n-session gain    close(end) / close(n rows before end) - 1, in percent (1 = the daily return).
* daily return      close(D) / close(previous row) - 1, in percent.
* year to date      close(D) / last close dated in the previous calendar year - 1, in percent.
* beat streak       consecutive sessions ending D (dates both files have) where A's close-to-close
                    return was strictly greater than B's.
* up streak         consecutive sessions ending D whose close was strictly above the prior close.
* new closing high  a close strictly above every earlier close in the file.
* 200-day SMA       mean of the last 200 closes up to and including D; distance = close/SMA - 1.
* max drawdown      min over [start, end] of close / running max (within the window) - 1, percent.
* yield change      (value(end) - value(start)) x 100 basis points, each the last observation on
                    or before its date.
* level             the value observed on D.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
QUESTIONS = HERE / "questions.jsonl"

SECTORS = ("XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY")

# Series files: symbol -> (file, date column, value column). Anything else is prices/<SYMBOL>.csv.
SERIES = {
    "SP500": ("SP500.csv", "observation_date", "SP500"),
    "VIX": ("VIX.csv", "DATE", "CLOSE"),
    "US10Y": ("US10Y_monthly.csv", "Date", "Rate"),
    "CPI": ("CPI_monthly.csv", "Date", "Index"),
    "WTI": ("WTI.csv", "Date", "Price"),
}

Rows = list[tuple[str, float]]


class Data:
    """Reads and caches (ISO date, value) rows, in file order, blank values skipped."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, Rows] = {}

    def rows(self, symbol: str) -> Rows:
        if symbol not in self._cache:
            if symbol in SERIES:
                name, date_col, value_col = SERIES[symbol]
                path = self.root / "market" / "series" / name
            else:
                path, date_col, value_col = (
                    self.root / "market" / "prices" / f"{symbol}.csv",
                    "date",
                    "close",
                )
            with path.open(newline="") as handle:
                self._cache[symbol] = [
                    (row[date_col], float(row[value_col]))
                    for row in csv.DictReader(handle)
                    if row[value_col].strip() not in ("", ".")
                ]
        return self._cache[symbol]


def _pos(rows: Rows, day: str) -> int:
    for i, (d, _) in enumerate(rows):
        if d == day:
            return i
    raise KeyError(f"{day} has no row")


def _pct(new: float, old: float) -> float:
    return (new / old - 1.0) * 100.0


# --- calculations: each takes the data and string arguments, returns the value (and for a
# ranking, the symbol that ranks) ---------------------------------------------------------------


def period_return(data: Data, symbol: str, start: str, end: str) -> float:
    rows = data.rows(symbol)
    return _pct(rows[_pos(rows, end)][1], rows[_pos(rows, start)][1])


def n_session_gain(data: Data, symbol: str, end: str, n: str) -> float:
    rows = data.rows(symbol)
    i = _pos(rows, end)
    return _pct(rows[i][1], rows[i - int(n)][1])


def ytd(data: Data, symbol: str, day: str) -> float:
    rows = data.rows(symbol)
    i = _pos(rows, day)
    previous_year = str(int(day[:4]) - 1)
    base = [v for d, v in rows[:i] if d[:4] == previous_year][-1]
    return _pct(rows[i][1], base)


def beat_streak(data: Data, a: str, b: str, end: str) -> float:
    b_close = dict(data.rows(b))
    both = [(d, v, b_close[d]) for d, v in data.rows(a) if d in b_close]
    i = next(k for k, row in enumerate(both) if row[0] == end)
    count = 0
    while i > 0:
        _, a1, b1 = both[i]
        _, a0, b0 = both[i - 1]
        if not a1 / a0 - 1.0 > b1 / b0 - 1.0:
            break
        count += 1
        i -= 1
    return float(count)


def up_streak(data: Data, symbol: str, end: str) -> float:
    rows = data.rows(symbol)
    i = _pos(rows, end)
    count = 0
    while i > 0 and rows[i][1] > rows[i - 1][1]:
        count += 1
        i -= 1
    return float(count)


def new_highs(data: Data, symbol: str, start: str, end: str) -> float:
    rows = data.rows(symbol)
    count = 0
    for i in range(_pos(rows, start), _pos(rows, end) + 1):
        if i > 0 and rows[i][1] > max(v for _, v in rows[:i]):
            count += 1
    return float(count)


def _sma(rows: Rows, i: int, window: int) -> float:
    if i + 1 < window:
        raise ValueError(f"only {i + 1} closes up to {rows[i][0]}, need {window}")
    return statistics.fmean(v for _, v in rows[i + 1 - window : i + 1])


def sma_distance(data: Data, symbol: str, day: str, window: str) -> float:
    rows = data.rows(symbol)
    i = _pos(rows, day)
    return _pct(rows[i][1], _sma(rows, i, int(window)))


def sma_level(data: Data, symbol: str, day: str, window: str) -> float:
    rows = data.rows(symbol)
    return _sma(rows, _pos(rows, day), int(window))


def max_drawdown(data: Data, symbol: str, start: str, end: str) -> float:
    rows = data.rows(symbol)
    running = -1.0
    worst = 0.0
    for _, v in rows[_pos(rows, start) : _pos(rows, end) + 1]:
        running = max(running, v)
        worst = min(worst, v / running - 1.0)
    return worst * 100.0


def yield_change_bp(data: Data, symbol: str, start: str, end: str) -> float:
    rows = data.rows(symbol)

    def on_or_before(day: str) -> float:
        return [v for d, v in rows if d <= day][-1]

    return (on_or_before(end) - on_or_before(start)) * 100.0


def level(data: Data, symbol: str, day: str) -> float:
    rows = data.rows(symbol)
    return rows[_pos(rows, day)][1]


def _sector_returns(data: Data, day: str) -> list[tuple[float, str]]:
    return sorted(
        ((n_session_gain(data, s, day, "1"), s) for s in SECTORS), key=lambda r: (-r[0], r[1])
    )


def best_sector(data: Data, day: str) -> tuple[float, str]:
    return _sector_returns(data, day)[0]


def worst_sector(data: Data, day: str) -> tuple[float, str]:
    return _sector_returns(data, day)[-1]


def sector_rank(data: Data, symbol: str, day: str) -> float:
    """The rank (1 = best of 11) of `symbol`'s daily return among the sector ETFs."""
    return float([s for _, s in _sector_returns(data, day)].index(symbol) + 1)


Calc = Callable[..., "float | tuple[float, str]"]
CALCS: dict[str, Calc] = {
    "return": period_return,
    "n_session_gain": n_session_gain,
    "ytd": ytd,
    "beat_streak": beat_streak,
    "up_streak": up_streak,
    "new_highs": new_highs,
    "sma_distance": sma_distance,
    "sma_level": sma_level,
    "max_drawdown": max_drawdown,
    "yield_change_bp": yield_change_bp,
    "level": level,
    "best_sector": best_sector,
    "worst_sector": worst_sector,
    "sector_rank": sector_rank,
}

PCT, BP, COUNT, LEVEL, USD = ("%", 0.01), ("bp", 0.5), ("count", 0.0), ("level", 0.01), ("$", 0.01)

# question id -> (calculation, arguments, (unit, absolute tolerance in that unit))
GOLD: dict[str, tuple[str, tuple[str, ...], tuple[str, float]]] = {
    "n01-iwm-beat-spy-streak-0122": ("beat_streak", ("IWM", "SPY", "2026-01-22"), COUNT),
    "n02-iwm-beat-spy-streak-0116": ("beat_streak", ("IWM", "SPY", "2026-01-16"), COUNT),
    "n03-iwm-ytd-0122": ("ytd", ("IWM", "2026-01-22"), PCT),
    "n04-iwm-ytd-0123": ("ytd", ("IWM", "2026-01-23"), PCT),
    "n05-spy-ytd-0123": ("ytd", ("SPY", "2026-01-23"), PCT),
    "n06-qqq-ytd-0123": ("ytd", ("QQQ", "2026-01-23"), PCT),
    "n07-iwm-return-0102-0122": ("return", ("IWM", "2026-01-02", "2026-01-22"), PCT),
    "n08-iwm-10-session-0122": ("n_session_gain", ("IWM", "2026-01-22", "10"), PCT),
    "n09-iwm-december-2025": ("return", ("IWM", "2025-11-28", "2025-12-31"), PCT),
    "n10-iwm-new-highs-jan": ("new_highs", ("IWM", "2026-01-02", "2026-01-30"), COUNT),
    "n11-spy-new-highs-jan": ("new_highs", ("SPY", "2026-01-02", "2026-01-30"), COUNT),
    "n12-best-sector-0122": ("best_sector", ("2026-01-22",), PCT),
    "n13-worst-sector-0122": ("worst_sector", ("2026-01-22",), PCT),
    "n14-best-sector-0121": ("best_sector", ("2026-01-21",), PCT),
    "n15-best-sector-0120": ("best_sector", ("2026-01-20",), PCT),
    "n16-xlu-rank-0122": ("sector_rank", ("XLU", "2026-01-22"), COUNT),
    "n17-xlu-return-0122": ("n_session_gain", ("XLU", "2026-01-22", "1"), PCT),
    "n18-spy-vs-200d-0122": ("sma_distance", ("SPY", "2026-01-22", "200"), PCT),
    "n19-spy-200d-level-0122": ("sma_level", ("SPY", "2026-01-22", "200"), USD),
    "n20-iwm-vs-200d-0122": ("sma_distance", ("IWM", "2026-01-22", "200"), PCT),
    "n21-spy-max-drawdown-2025": ("max_drawdown", ("SPY", "2025-02-19", "2025-12-31"), PCT),
    "n22-iwm-max-drawdown-2025": ("max_drawdown", ("IWM", "2025-02-19", "2025-12-31"), PCT),
    "n23-iwm-drawdown-after-peak": ("max_drawdown", ("IWM", "2026-01-22", "2026-02-18"), PCT),
    "n24-us10y-dec-to-jan": ("yield_change_bp", ("US10Y", "2025-12-01", "2026-01-01"), BP),
    "n25-us10y-2025": ("yield_change_bp", ("US10Y", "2025-01-01", "2025-12-01"), BP),
    "n26-gld-1229": ("n_session_gain", ("GLD", "2025-12-29", "1"), PCT),
    "n27-slv-1229": ("n_session_gain", ("SLV", "2025-12-29", "1"), PCT),
    "n28-slv-ytd-0123": ("ytd", ("SLV", "2026-01-23"), PCT),
    "n29-vix-level-0120": ("level", ("VIX", "2026-01-20"), LEVEL),
    "n30-sp500-ytd-0122": ("ytd", ("SP500", "2026-01-22"), PCT),
    "n31-sp500-level-0122": ("level", ("SP500", "2026-01-22"), LEVEL),
    "n32-wti-0105": ("return", ("WTI", "2026-01-02", "2026-01-05"), PCT),
    "n33-spy-up-streak-1224": ("up_streak", ("SPY", "2025-12-24"), COUNT),
    "n34-qqq-up-streak-0128": ("up_streak", ("QQQ", "2026-01-28"), COUNT),
    "n35-xle-january": ("return", ("XLE", "2025-12-31", "2026-01-30"), PCT),
    "n36-xlf-week-0116": ("return", ("XLF", "2026-01-09", "2026-01-16"), PCT),
    "n37-smh-0115": ("n_session_gain", ("SMH", "2026-01-15", "1"), PCT),
    "n38-iwm-5-session-0122": ("n_session_gain", ("IWM", "2026-01-22", "5"), PCT),
    "n39-slv-0130": ("n_session_gain", ("SLV", "2026-01-30", "1"), PCT),
}


def compute(data: Data, question_id: str) -> tuple[dict[str, float | str], str | None]:
    """The gold dict for a question, and the symbol a ranking question's answer names."""
    calc, args, (unit, tolerance) = GOLD[question_id]
    result = CALCS[calc](data, *args)
    value, symbol = result if isinstance(result, tuple) else (result, None)
    digits = 2 if unit in ("bp", "count") else 4
    return {"value": round(value, digits), "unit": unit, "tolerance": tolerance}, symbol


def refresh(questions: list[dict[str, object]], data: Data) -> list[str]:
    """Recompute every numeric question's gold in place; returns descriptions of what changed."""
    numeric = {str(q["id"]) for q in questions if q.get("kind") == "numeric"}
    missing, unused = numeric - GOLD.keys(), GOLD.keys() - numeric
    if missing or unused:
        raise SystemExit(
            f"no gold definition for {sorted(missing)}; no question for {sorted(unused)}"
        )
    changes: list[str] = []
    for q in questions:
        if q.get("kind") != "numeric":
            continue
        gold, symbol = compute(data, str(q["id"]))
        if q.get("gold") != gold:
            changes.append(f"{q['id']}: gold {q.get('gold')} -> {gold}")
            q["gold"] = gold
        if symbol is not None and q.get("expected_symbols") != [symbol]:
            changes.append(f"{q['id']}: expected_symbols {q.get('expected_symbols')} -> [{symbol}]")
            q["expected_symbols"] = [symbol]
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--check", action="store_true", help="only report stale gold values")
    args = parser.parse_args(argv)
    if not (args.data / "market" / "prices").is_dir():
        print(f"no market data under {args.data}", file=sys.stderr)
        return 2
    lines = args.questions.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    changes = refresh(questions, Data(args.data))
    for change in changes:
        print(change)
    if args.check:
        return 1 if changes else 0
    text = "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions)
    args.questions.write_text(text, encoding="utf-8")
    n_numeric = sum(q.get("kind") == "numeric" for q in questions)
    print(f"{len(changes)} change(s); {n_numeric} numeric of {len(questions)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
