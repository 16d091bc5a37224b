"""The generalization question set (benchmarks/eval/generalization/): the test half is frozen,
the script regenerates both halves byte for byte, templates are split (never questions), and a
few gold values are recomputed here with separate plain loops over the raw CSVs."""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "benchmarks" / "eval" / "generalization"
# Frozen before any tuning on it (see SET/README.md): change only with a recorded reason.
TEST_SHA256 = "58369d85ab9d29e621608894e1dc83f1f3214fe7e499ef7a923a16a6d7ceb1c3"
UNITS = {"%": 0.01, "$": 0.01, "level": 0.01, "bp": 0.5, "count": 0.0}
SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip

Row = dict[str, Any]


def half(name: str) -> list[Row]:
    text = (SET / f"{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def column(data: Path, relative: str, date_col: str, value_col: str) -> list[tuple[date, float]]:
    with (data / "market" / relative).open(newline="") as handle:
        rows = [(date.fromisoformat(r[date_col]), r[value_col]) for r in csv.DictReader(handle)]
    return [(d, float(v)) for d, v in rows if v.strip()]


def closes(data: Path, symbol: str) -> list[tuple[date, float]]:
    return column(data, f"prices/{symbol}.csv", "date", "close")


def assert_gold(row: Row, expected: float) -> None:
    shown = round(expected) if row["gold"]["unit"] in ("bp", "count") else round(expected, 2)
    assert row["gold"]["value"] == pytest.approx(shown, abs=1e-9), (row["id"], expected)


# --- the freeze and the split ---------------------------------------------------------------


def test_the_test_half_is_frozen() -> None:
    digest = hashlib.sha256((SET / "test.jsonl").read_bytes()).hexdigest()
    assert digest == TEST_SHA256, "test.jsonl changed after the freeze (see its README)"


def test_the_script_regenerates_both_halves_byte_identically(shared_data: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SET / "make_set.py"), "--check", "--data", str(shared_data)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_templates_not_questions_are_split() -> None:
    dev, test = half("dev"), half("test")
    dev_templates = {r["template"] for r in dev}
    test_templates = {r["template"] for r in test}
    assert not dev_templates & test_templates
    assert len(dev_templates | test_templates) >= 30
    assert len(dev) + len(test) >= 250
    assert {r["family"] for r in dev} == {r["family"] for r in test}, "families in both halves"
    per_family = Counter(r["family"] for r in {r["template"]: r for r in dev + test}.values())
    dev_per_family = Counter(r["family"] for r in {r["template"]: r for r in dev}.values())
    for family, count in per_family.items():
        assert abs(2 * dev_per_family[family] - count) <= 1, family


def test_every_record_is_well_formed() -> None:
    ids: set[str] = set()
    for row in half("dev") + half("test"):
        assert row["id"] not in ids
        ids.add(row["id"])
        assert row["id"].startswith(row["template"] + "-")
        date.fromisoformat(row["as_of"])
        assert row["expected_symbols"], row["id"]
        if row["kind"] == "numeric":
            assert row["gold"]["tolerance"] == UNITS[row["gold"]["unit"]], row["id"]
            assert "reason" not in row
        else:
            assert row["kind"] == "unanswerable" and row["gold"] is None, row["id"]
            assert row["reason"], row["id"]


def test_the_script_imports_nothing_from_the_project() -> None:
    siblings = {p.stem for p in SET.glob("*.py")}
    for path in SET.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in siblings, (path.name, name)


# --- gold values recomputed with plain loops (dev-half templates) -----------------------------


def test_month_to_date_moves(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "month-to-date"]
    assert rows
    for row in rows:
        as_of = date.fromisoformat(row["as_of"])
        series = closes(shared_data, row["expected_symbols"][0])
        base = [v for d, v in series if d < as_of.replace(day=1)][-1]
        end = [v for d, v in series if d <= as_of][-1]
        assert_gold(row, (end / base - 1) * 100)


def test_ten_year_moves_this_year_in_bp(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "bp-this-year"]
    assert rows
    ten_year = column(shared_data, "series/US10Y_monthly.csv", "Date", "Rate")
    for row in rows:
        as_of = date.fromisoformat(row["as_of"])
        base = [v for d, v in ten_year if d < date(as_of.year, 1, 1)][-1]
        end = [v for d, v in ten_year if d <= as_of][-1]
        assert_gold(row, (end - base) * 100)


def test_up_and_down_streaks(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "streak-up-down"]
    assert rows
    for row in rows:
        up = re.search(r"gone up|closed higher", row["question"]) is not None
        values = [v for d, v in closes(shared_data, row["expected_symbols"][0])
                  if d <= date.fromisoformat(row["as_of"])]  # fmt: skip
        count = 0
        while count + 1 < len(values):
            now, before = values[-1 - count], values[-2 - count]
            if not (now > before if up else now < before):
                break
            count += 1
        assert_gold(row, count)


def spoken_date(text: str, as_of: date) -> date:
    iso = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if iso:
        return date.fromisoformat(iso.group())
    found = re.search(r"\b([A-Z][a-z]+) (\d{1,2})(?:, (\d{4}))?", text)
    assert found, text
    month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(found.group(1).lower()))
    year = int(found.group(3)) if found.group(3) else as_of.year
    day = date(year, month, int(found.group(2)))
    return day if day <= as_of else day.replace(year=year - 1)


def test_sector_rankings_on_a_day(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "sector-hit-hardest"]
    assert rows
    for row in rows:
        as_of = date.fromisoformat(row["as_of"])
        day = spoken_date(row["question"].split(" on ", 1)[1], as_of)
        moves = {}
        for symbol in SECTORS:
            series = closes(shared_data, symbol)
            i = [d for d, _ in series].index(day)
            moves[symbol] = (series[i][1] / series[i - 1][1] - 1) * 100
        lowest = re.search(r"hardest|fell", row["question"]) is not None
        winner = min(moves, key=moves.__getitem__) if lowest else max(moves, key=moves.__getitem__)
        assert row["expected_symbols"] == [winner], row["id"]
        assert_gold(row, moves[winner])


def test_average_vix_of_a_month(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "avg-vix"]
    assert rows
    vix = column(shared_data, "series/VIX.csv", "DATE", "CLOSE")
    for row in rows:
        as_of = date.fromisoformat(row["as_of"])
        found = re.search(r"in ([A-Z][a-z]+)(?: (\d{4}))?\?", row["question"])
        assert found, row["question"]
        month = MONTHS.index(found.group(1).lower()) + 1
        year = int(found.group(2)) if found.group(2) else (
            as_of.year if month < as_of.month else as_of.year - 1)  # fmt: skip
        first = date(year, month, 1)
        after = (first + timedelta(days=32)).replace(day=1)
        assert_gold(row, statistics.fmean(v for d, v in vix if first <= d < after))


def test_templates_added_after_the_freeze_are_dev_only(shared_data: Path) -> None:
    rows = [r for r in half("dev") if r["template"] == "since-dec-31"]
    assert rows and not [r for r in half("test") if r["template"] in ("since-dec-31",
                                                                      "casual-names")]  # fmt: skip
    for row in rows:
        series = closes(shared_data, row["expected_symbols"][0])
        base = [v for d, v in series if d <= date(2025, 12, 31)][-1]
        end = [v for d, v in series if d <= date.fromisoformat(row["as_of"])][-1]
        assert_gold(row, (end / base - 1) * 100)
