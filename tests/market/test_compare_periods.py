"""The `compare_periods` tool on the real store, against values read from the raw CSVs of
../shared/data with plain loops (never through the code under test): both periods' figures and
the change from the earlier to the later, in the unit a move of that figure has."""

from __future__ import annotations

import csv
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from copilot.tools import ToolDeps, run_tool
from copilot.tools.periods import period_label, said_label

D = date


def _rows(shared_data: Path, relative: str, column: str) -> dict[date, float]:
    with (shared_data / "market" / relative).open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        key = reader.fieldnames[0] if reader.fieldnames else "date"
        return {date.fromisoformat(r[key][:10]): float(r[column]) for r in reader if r[column]}


def _call(deps: ToolDeps, as_of: date, first: dict[str, object], periods: list[tuple[date, date]]
          ) -> str:  # fmt: skip
    deps.as_of = as_of
    args = {"first": first, "periods": [{"start": a, "end": b} for a, b in periods]}
    output = run_tool(deps, "compare_periods", args)
    assert not output.error, output.text
    return output.text.splitlines()[0]


def test_ten_year_monthly_averages_change_in_bp(shared_deps: ToolDeps, shared_data: Path) -> None:
    rate = _rows(shared_data, "series/US10Y_monthly.csv", "Rate")
    jan, sep = rate[D(2025, 1, 1)], rate[D(2025, 9, 1)]
    bp = round((sep - jan) * 100)
    line = _call(shared_deps, D(2026, 1, 9),
                 {"symbols": ["US10Y"], "measure": "level", "aggregate": "mean"},
                 [(D(2025, 9, 1), D(2025, 9, 30)), (D(2025, 1, 1), D(2025, 1, 31))])  # fmt: skip
    assert f"{jan:.2f}% in January 2025" in line and f"{sep:.2f}% in September 2025" in line
    assert line.endswith(f"change from January 2025 to September 2025: {bp:+d} bp.")


def test_average_closes_change_in_percent(shared_deps: ToolDeps, shared_data: Path) -> None:
    close = _rows(shared_data, "prices/XLE.csv", "close")
    april = [v for d, v in close.items() if (d.year, d.month) == (2025, 4)]
    may = [v for d, v in close.items() if (d.year, d.month) == (2025, 5)]
    apr_mean, may_mean = sum(april) / len(april), sum(may) / len(may)
    line = _call(shared_deps, D(2025, 6, 30),
                 {"symbols": ["XLE"], "measure": "level", "aggregate": "mean"},
                 [(D(2025, 4, 1), D(2025, 4, 30)), (D(2025, 5, 1), D(2025, 5, 31))])  # fmt: skip
    assert f"{apr_mean:,.2f} in April 2025" in line and f"{may_mean:,.2f} in May 2025" in line
    assert line.endswith(f"{(may_mean / apr_mean - 1) * 100:+.2f}%.")


def test_quarter_returns_change_in_points(shared_deps: ToolDeps, shared_data: Path) -> None:
    close = _rows(shared_data, "prices/XLK.csv", "close")

    def last_on_or_before(day: date) -> float:
        return close[max(d for d in close if d <= day)]

    q3 = (last_on_or_before(D(2025, 9, 30)) / last_on_or_before(D(2025, 6, 30)) - 1) * 100
    q4 = (last_on_or_before(D(2025, 12, 31)) / last_on_or_before(D(2025, 9, 30)) - 1) * 100
    line = _call(shared_deps, D(2026, 1, 15), {"symbols": ["XLK"], "measure": "return"},
                 [(D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 7, 1), D(2025, 9, 30))])  # fmt: skip
    assert f"{q3:+.2f}% in Q3 2025" in line and f"{q4:+.2f}% in Q4 2025" in line
    assert line.endswith(f"change from Q3 2025 to Q4 2025: {q4 - q3:+.2f} pp.")


def test_a_period_after_the_as_of_date_is_an_error_the_model_can_read(
    shared_deps: ToolDeps,
) -> None:
    shared_deps.as_of = D(2025, 8, 20)
    args = {"first": {"symbols": ["XLE"], "measure": "level", "aggregate": "mean"},
            "periods": [{"start": D(2025, 4, 1), "end": D(2025, 4, 30)},
                        {"start": D(2025, 10, 1), "end": D(2025, 10, 31)}]}  # fmt: skip
    output = run_tool(shared_deps, "compare_periods", args)
    assert output.error and "2025-10-01" in output.text


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [(D(2025, 2, 1), D(2025, 2, 28), "February 2025"),
     (D(2024, 2, 1), D(2024, 2, 29), "February 2024"),
     (D(2025, 10, 1), D(2025, 12, 31), "Q4 2025"), (D(2025, 1, 1), D(2025, 12, 31), "2025"),
     (D(2025, 1, 2), D(2025, 1, 31), "2025-01-02 to 2025-01-31"),
     # a week from its Monday, and a month not yet over ("this week vs last week")
     (D(2026, 1, 19), D(2026, 1, 23), "the week of 2026-01-19"),
     (D(2026, 1, 26), D(2026, 2, 1), "the week of 2026-01-26"),
     (D(2026, 1, 1), D(2026, 1, 30), "January 2026 through 2026-01-30"),
     (D(2026, 1, 20), D(2026, 1, 23), "2026-01-20 to 2026-01-23"),  # no Monday: as it is
     (D(2026, 1, 5), D(2026, 1, 6), "2026-01-05 to 2026-01-06"),  # two days of a week
     (D(2025, 12, 1), D(2025, 12, 15), "the first half of December 2025"),
     (D(2025, 12, 16), D(2025, 12, 31), "the second half of December 2025"),
     (D(2026, 1, 16), D(2026, 1, 30), "the second half of January 2026 through 2026-01-30")],
)  # fmt: skip
def test_period_labels(start: date, end: date, label: str) -> None:
    assert period_label(start, end) == label


def test_two_volatilities_each_with_its_length_verify_as_written(
    shared_deps: ToolDeps, shared_data: Path
) -> None:
    """'Is silver choppier over the last 10 sessions than the 10 before?' (found in the app):
    the second volatility had been read as a move and cut, and the lengths were shown nowhere,
    so "the last 10 sessions" could not be held to anything."""
    import math
    import statistics

    from copilot.claims.verify import verify_answer

    close = sorted(_rows(shared_data, "prices/SLV.csv", "close").items())
    days = [d for d, _ in close]

    def vol(first: date, last: date) -> float:
        i, j = days.index(first), days.index(last)
        values = [v for _, v in close[i - 1 : j + 1]]  # from the close before the window
        moves = [(b / a - 1) * 100 for a, b in pairwise(values)]
        return statistics.stdev(moves) * math.sqrt(252)

    early, late = vol(D(2026, 1, 2), D(2026, 1, 15)), vol(D(2026, 1, 16), D(2026, 1, 30))
    first = {"symbols": ["SLV"], "measure": "volatility"}
    periods = [(D(2026, 1, 16), D(2026, 1, 30)), (D(2026, 1, 2), D(2026, 1, 15))]
    shared_deps.as_of = D(2026, 1, 30)
    args = {"first": first, "periods": [{"start": a, "end": b} for a, b in periods]}
    output = run_tool(shared_deps, "compare_periods", args)
    assert not output.error, output.text
    line = output.text.splitlines()[0]
    assert f"{early:.2f}% in 2026-01-02 to 2026-01-15 (2026-01-02 to 2026-01-15, 10 moves)" in line
    assert f"{late:.2f}% in the second half of January 2026 through 2026-01-30" in line
    assert "(2026-01-16 to 2026-01-30, 10 moves)" in line
    _, checked = verify_answer(line, shared_deps.ledger, D(2026, 1, 30))  # its own [n]
    assert {n.text: n.status for n in checked.figures if n.status != "verified"} == {}


@pytest.mark.parametrize(
    ("label", "said"),
    [("the week before (2025-11-21 to 2025-11-27)", "the week before"),
     ("month to date", "this month"), ("week to date", "this week"),
     ("January 2026, so far", "January 2026"),
     ("last week (2026-01-19 to 2026-01-23)", "last week"), ("Q4 2025", "Q4 2025")],
)  # fmt: skip
def test_a_period_is_said_as_the_question_named_it(label: str, said: str) -> None:
    assert said_label(label) == said
