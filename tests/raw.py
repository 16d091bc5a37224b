"""Independent readers of the raw sample CSVs for expected values (plain csv module, no project
code), so tests never compute expectations with the code under test."""

from __future__ import annotations

import csv
from pathlib import Path


def raw_closes(prices_dir: Path, symbol: str) -> list[tuple[str, float]]:
    """(ISO date, close) rows of prices/<symbol>.csv, in file order."""
    with (prices_dir / f"{symbol}.csv").open(newline="") as handle:
        return [(row["date"], float(row["close"])) for row in csv.DictReader(handle)]


def raw_series(series_dir: Path, name: str, column: str) -> list[tuple[str, float]]:
    """(ISO date, value) rows of series/<name> with a value (FRED leaves holidays blank)."""
    with (series_dir / name).open(newline="") as handle:
        rows = csv.DictReader(handle)
        return [(row["observation_date"], float(row[column])) for row in rows if row[column]]


def close_on(rows: list[tuple[str, float]], day: str) -> float:
    return next(close for d, close in rows if d == day)


def index_of(rows: list[tuple[str, float]], day: str) -> int:
    return next(i for i, (d, _) in enumerate(rows) if d == day)
