"""Inflation answers end to end (real engine, the shared CPI file, a scripted writer): the rate
is the CPI's change over twelve months, computed here from the raw file, and its figures verify
in code's line and in the model's sentence alike."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from copilot.agent import Copilot
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps

AS_OF = date(2026, 1, 30)  # December 2025's CPI is out (January 15), January's is not


def _cpi(shared_data: Path) -> dict[str, float]:
    with (shared_data / "market" / "series" / "CPI_monthly.csv").open(encoding="utf-8") as f:
        return {r["Date"][:7]: float(r["Index"]) for r in csv.DictReader(f)}


def _yoy(cpi: dict[str, float], month: str) -> float:
    year, m = month.split("-")
    return (cpi[month] / cpi[f"{int(year) - 1}-{m}"] - 1) * 100


def test_the_latest_inflation_rate_is_stated_and_verified(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    cpi = _cpi(shared_data)
    december = _yoy(cpi, "2025-12")
    written = (  # as the model copied the tool's line in the app: the change with its two values
        f"The latest reading on consumer price inflation is {december:+.2f}% from the 2024-12-01 "
        f"value {cpi['2024-12']:.2f} to the 2025-12-01 value {cpi['2025-12']:.2f} [1]."
    )
    answer = Copilot(shared_deps, ScriptedLLM([written] * 3)).ask(
        "what's the latest reading on consumer price inflation", as_of=AS_OF
    )
    assert written in answer.text and answer.removed == []
    shown = [n for n in answer.verification.numbers if n.text == f"{december:+.2f}%"]
    assert shown and all(n.status == "verified" for n in shown)


def test_two_months_of_inflation_compared_verify(shared_deps: ToolDeps, shared_data: Path) -> None:
    cpi = _cpi(shared_data)
    november, december = _yoy(cpi, "2025-11"), _yoy(cpi, "2025-12")
    written = f"Inflation was {november:.2f}% in November and {december:.2f}% in December [1]."
    answer = Copilot(shared_deps, ScriptedLLM([written] * 3)).ask(
        "was inflation hotter in november or december on a year over year basis", as_of=AS_OF
    )
    gap = f"{december - november:+.2f} pp"
    assert written in answer.text and gap in answer.text
    assert not [n for n in answer.verification.numbers if n.status == "contradicted"]
