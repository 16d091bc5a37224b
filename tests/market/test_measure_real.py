"""The `measure` tool over the real sample data. Every expected value is computed here from the raw
CSVs with the plain csv module (never with the code under test)."""

from __future__ import annotations

import csv
import math
import re
import statistics
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from copilot.facts import Fact
from copilot.sources import DataSource
from copilot.tools import ToolDeps, ToolOutput, run_tool
from tests.raw import raw_closes

AS_OF = date(2026, 1, 23)
Rows = list[tuple[str, float]]


@pytest.fixture
def deps(shared_deps: ToolDeps) -> ToolDeps:
    shared_deps.as_of = AS_OF
    return shared_deps


@pytest.fixture
def data(shared_data: Path) -> Path:
    return shared_data / "market"


def price(data: Path, symbol: str) -> Rows:
    return raw_closes(data / "prices", symbol)


def series(data: Path, name: str, day: str, value: str) -> Rows:
    with (data / "series" / name).open(newline="") as handle:
        return [(r[day], float(r[value])) for r in csv.DictReader(handle) if r[value].strip()]


def visible(rows: Rows, as_of: str = AS_OF.isoformat()) -> Rows:
    return [r for r in rows if r[0] <= as_of]


def window(rows: Rows, start: str, end: str) -> tuple[tuple[str, float], Rows, tuple[str, float]]:
    """(base, the window's rows, end): the contract's three readings, by hand."""
    base = [r for r in rows if r[0] < start][-1]
    inside = [r for r in rows if start <= r[0] <= end]
    return base, inside, [r for r in rows if r[0] <= end][-1]


def measure(deps: ToolDeps, **args: Any) -> tuple[ToolOutput, dict[str, Any], list[Fact]]:
    out = run_tool(deps, "measure", args)
    assert not out.error, out.text
    source = deps.ledger.get(out.sources[0])
    assert isinstance(source, DataSource) and source.tool == "measure"
    assert out.text.startswith(f"[{out.sources[0]}] ") and "\nDefinition: " in out.text
    for fact in source.facts:
        assert fact.shown and fact.shown in out.text, fact
    return out, out.data["measure"], source.facts


def fact(facts: list[Fact], subject: str, name: str, **where: Any) -> Fact:
    found = [f for f in facts if f.subject == subject and f.measure == name
             and all(getattr(f, k) == v for k, v in where.items())]  # fmt: skip
    assert len(found) == 1, (subject, name, where, facts)
    return found[0]


def pct(a: float, b: float) -> float:
    return (b / a - 1) * 100


def test_return_over_a_named_month(deps: ToolDeps, data: Path) -> None:
    (b_day, b), inside, (e_day, e) = window(price(data, "IWM"), "2025-11-01", "2025-11-30")
    out, result, facts = measure(deps, symbols=["IWM"], start="2025-11-01", end="2025-11-30")
    row = result["rows"][0]
    assert row["value"] == pytest.approx(pct(b, e), abs=1e-9) and row["unit"] == "%"
    assert (row["base"], row["end"], row["sessions"]) == (b_day, e_day, len(inside))
    ret = fact(facts, "IWM", "return")
    assert ret.shown == f"{pct(b, e):+.2f}%" and ret.base == date.fromisoformat(b_day)
    assert (ret.start, ret.end) == (date.fromisoformat(inside[0][0]), date.fromisoformat(e_day))
    assert fact(facts, "IWM", "level", end=date.fromisoformat(b_day)).shown == f"{b:,.2f}"
    assert fact(facts, "IWM", "level", end=date.fromisoformat(e_day)).unit == "$"
    assert fact(facts, "IWM", "window_sessions").value == len(inside)
    assert f"2025-11-30 is a Sunday: the close of {e_day} is used." in out.text


def test_year_to_date_ranked_both_ways(deps: ToolDeps, data: Path) -> None:
    symbols = ["XLE", "XLK", "XLF", "XLU"]
    ytd = {}
    for s in symbols:
        (_, b), _, (_, e) = window(price(data, s), "2026-01-01", "2026-01-22")
        ytd[s] = pct(b, e)
    best_first = sorted(symbols, key=lambda s: -ytd[s])
    out, result, facts = measure(deps, symbols=symbols, start="2026-01-01", end="2026-01-22",
                                 rank="desc")  # fmt: skip
    assert [r["symbol"] for r in result["rows"]] == best_first
    assert [r["rank"] for r in result["rows"]] == [1, 2, 3, 4]
    top = fact(facts, best_first[0], "rank")
    assert (top.value, top.of, top.shown) == (1, 4, "#1")
    assert f"#1 {best_first[0]}: return {ytd[best_first[0]]:+.2f}%" in out.text
    _, worst, _ = measure(deps, symbols=symbols, start="2026-01-01", end="2026-01-22", rank="asc")
    assert [r["symbol"] for r in worst["rows"]] == best_first[::-1]


def test_last_n_sessions(deps: ToolDeps, data: Path) -> None:
    rows = price(data, "SPY")
    i = next(k for k, r in enumerate(rows) if r[0] == "2026-01-22")
    _, result, facts = measure(deps, symbols=["SPY"], sessions=5, end="2026-01-22")
    row = result["rows"][0]
    assert row["base"] == rows[i - 5][0] and row["start"] == rows[i - 4][0]
    assert row["value"] == pytest.approx(pct(rows[i - 5][1], rows[i][1]), abs=1e-9)
    assert fact(facts, "SPY", "window_sessions").shown == "5 sessions"


def test_a_window_from_saturday_to_sunday(deps: ToolDeps, data: Path) -> None:
    (b_day, b), _, (e_day, e) = window(price(data, "QQQ"), "2026-01-10", "2026-01-18")
    out, result, _ = measure(deps, symbols=["QQQ"], start="2026-01-10", end="2026-01-18")
    assert (b_day, e_day) == ("2026-01-09", "2026-01-16")
    row = result["rows"][0]
    assert (row["base"], row["end"]) == (b_day, e_day)
    assert row["value"] == pytest.approx(pct(b, e), abs=1e-9)
    assert "2026-01-18 is a Sunday" in out.text


@pytest.mark.parametrize(
    ("holiday", "name"),
    [("2026-01-19", "Martin Luther King"), ("2025-11-27", "Thanksgiving"),
     ("2025-12-25", "Christmas")],
)  # fmt: skip
def test_a_holiday_is_the_session_before_it(
    deps: ToolDeps, data: Path, holiday: str, name: str
) -> None:
    rows = price(data, "SPY")
    assert holiday not in dict(rows)
    i = max(k for k, r in enumerate(rows) if r[0] < holiday)
    out, result, _ = measure(deps, symbols=["SPY"], start=holiday, end=holiday)
    row = result["rows"][0]
    assert (row["base"], row["end"]) == (rows[i - 1][0], rows[i][0])
    assert row["value"] == pytest.approx(pct(rows[i - 1][1], rows[i][1]), abs=1e-9)
    assert f"{holiday} is an NYSE holiday" in out.text and name in out.text
    _, level, _ = measure(deps, symbols=["SPY"], measure="level", end=holiday)
    assert level["rows"][0]["value"] == rows[i][1]


def test_a_window_clipped_at_the_start_of_the_data(deps: ToolDeps, data: Path) -> None:
    rows = price(data, "IWM")
    assert rows[0][0] == "2025-02-19"
    end = [r for r in rows if r[0] <= "2025-03-31"][-1]
    out, result, _ = measure(deps, symbols=["IWM"], start="2025-01-01", end="2025-03-31")
    row = result["rows"][0]
    assert row["base"] == "2025-02-19" and row["value"] == pytest.approx(pct(rows[0][1], end[1]))
    assert "data begins 2025-02-19" in out.text
    _, high, _ = measure(deps, symbols=["IWM"], measure="level", aggregate="max",
                         start="2025-01-01", end="2025-03-31")  # fmt: skip
    inside = [r for r in rows if r[0] <= "2025-03-31"]
    assert high["rows"][0]["value"] == max(c for _, c in inside)  # the first close counts


def test_windows_outside_the_data_or_after_the_as_of_date(deps: ToolDeps) -> None:
    before = run_tool(deps, "measure", {"symbols": ["SPY"], "start": "2024-01-01",
                                        "end": "2024-12-31"})  # fmt: skip
    assert before.error and "no SPY data" in before.text and "starts 2025-02-19" in before.text
    future = run_tool(deps, "measure", {"symbols": ["SPY"], "start": "2026-02-02"})
    assert (
        future.error and "after the as-of date 2026-01-23; nothing later is visible" in future.text
    )
    day = run_tool(deps, "measure", {"symbols": ["SPY"], "measure": "level", "end": "2026-02-10"})
    assert day.error and "2026-02-10 is after the as-of date" in day.text
    assert len(deps.ledger) == 0  # nothing cited for a failed call
    out, result, _ = measure(deps, symbols=["SPY"], start="2026-01-20", end="2026-01-31")
    assert result["rows"][0]["end"] == "2026-01-23" and "measured through 2026-01-23" in out.text


def test_an_unknown_symbol_says_what_is_stored_and_how_to_add_it(deps: ToolDeps) -> None:
    out = run_tool(deps, "measure", {"symbols": ["NVDA"], "start": "2026-01-01"})
    assert out.error and "NVDA" in out.text and "IWM" in out.text and "XLU" in out.text
    assert "market-copilot ingest online --yahoo NVDA" in out.text


def test_versus_a_benchmark(deps: ToolDeps, data: Path) -> None:
    got = {}
    for s in ("IWM", "SPY"):
        (_, b), _, (_, e) = window(price(data, s), "2026-01-01", "2026-01-22")
        got[s] = pct(b, e)
    _out, result, facts = measure(deps, symbols=["IWM"], versus="SPY", start="2026-01-01",
                                 end="2026-01-22")  # fmt: skip
    assert [r["symbol"] for r in result["rows"]] == ["IWM", "SPY"]
    diff = fact(facts, "IWM", "return_difference")
    assert diff.value == pytest.approx(got["IWM"] - got["SPY"], abs=1e-9)
    assert (diff.unit, diff.versus, diff.shown) == (
        "pp",
        "SPY",
        f"{got['IWM'] - got['SPY']:+.2f} pp",
    )


def test_daily_moves_aggregated(deps: ToolDeps, data: Path) -> None:
    rows = visible(price(data, "XLF"))
    base, inside, _ = window(rows, "2026-01-01", "2026-01-23")
    closes = [base, *inside]
    moves = [(closes[k][0], pct(closes[k - 1][1], closes[k][1])) for k in range(1, len(closes))]
    best = max(moves, key=lambda m: m[1])
    worst = min(moves, key=lambda m: m[1])
    expected = {"max": best[1], "min": worst[1], "mean": statistics.fmean(m for _, m in moves),
                "sum": sum(m for _, m in moves), "count": len(moves)}  # fmt: skip
    for aggregate, value in expected.items():
        out, result, facts = measure(deps, symbols=["XLF"], measure="daily_return",
                                     aggregate=aggregate, start="2026-01-01")  # fmt: skip
        assert result["rows"][0]["value"] == pytest.approx(value, abs=1e-9), aggregate
    _, result, facts = measure(deps, symbols=["XLF"], measure="daily_return", aggregate="argmax",
                               start="2026-01-01")  # fmt: skip
    assert result["rows"][0]["on"] == best[0]
    assert fact(facts, "XLF", "argmax_daily_return").shown == best[0]
    assert fact(facts, "XLF", "max_daily_return").shown == f"{best[1]:+.2f}%"
    out, _, facts = measure(deps, symbols=["XLF"], measure="daily_return", aggregate="min",
                            start="2026-01-01")  # fmt: skip
    assert f"worst day since 2026-01-02 {worst[1]:+.2f}% on {worst[0]}" in out.text
    assert fact(facts, "XLF", "min_daily_return").on == date.fromisoformat(worst[0])


def test_vix_levels_and_points(deps: ToolDeps, data: Path) -> None:
    vix = visible(series(data, "VIX.csv", "DATE", "CLOSE"))
    # October 2025 has no NYSE holiday (the store keeps VIX bars on sessions only).
    inside = [r for r in vix if "2025-10-01" <= r[0] <= "2025-10-31"]
    high = max(inside, key=lambda r: r[1])
    out, result, facts = measure(deps, symbols=["VIX"], measure="level", aggregate="max",
                                 start="2025-10-01", end="2025-10-31")  # fmt: skip
    assert result["rows"][0]["value"] == high[1] and result["rows"][0]["on"] == high[0]
    assert fact(facts, "VIX", "max_level").unit == "level"
    _, mean, _ = measure(deps, symbols=["VIX"], measure="level", aggregate="mean",
                         start="2025-10-01", end="2025-10-31")  # fmt: skip
    assert mean["rows"][0]["value"] == pytest.approx(statistics.fmean(c for _, c in inside))
    (_, b), _, (_, e) = window(vix, "2025-12-01", "2025-12-31")
    out, result, facts = measure(deps, symbols=["VIX"], start="2025-12-01", end="2025-12-31")
    row = result["rows"][0]
    assert row["unit"] == "points" and row["value"] == pytest.approx(e - b)
    assert row["percent"] == pytest.approx(pct(b, e))
    assert f"{e - b:+.2f} points ({pct(b, e):+.2f}%)" in out.text
    assert {f.unit for f in facts if f.measure == "return"} == {"points", "%"}


def test_peaks_troughs_and_drawdowns(deps: ToolDeps, data: Path) -> None:
    rows = visible(price(data, "SMH"))
    peak = max(rows, key=lambda r: r[1])
    out, result, facts = measure(deps, symbols=["SMH"], measure="distance_from_peak")
    row = result["rows"][0]
    assert row["value"] == pytest.approx(pct(peak[1], rows[-1][1])) and row["on"] == peak[0]
    assert "no window given: all visible data, 2025-02-19 to 2026-01-23" in out.text.lower()
    trough = min(rows, key=lambda r: r[1])
    _, low, _ = measure(deps, symbols=["SMH"], measure="distance_from_trough")
    assert low["rows"][0]["value"] == pytest.approx(pct(trough[1], rows[-1][1]))
    spy = [r for r in price(data, "SPY") if "2025-01-01" <= r[0] <= "2025-12-31"]
    worst, high, at = 0.0, spy[0], ("", "")
    for day, close in spy:
        high = max(high, (day, close), key=lambda r: r[1])
        if close / high[1] - 1 < worst:
            worst, at = close / high[1] - 1, (day, high[0])
    _, dd, facts = measure(deps, symbols=["SPY"], measure="drawdown", aggregate="min",
                           start="2025-01-01", end="2025-12-31")  # fmt: skip
    row = dd["rows"][0]
    assert row["value"] == pytest.approx(worst * 100) and (row["on"], row["ref_date"]) == at
    assert fact(facts, "SPY", "min_drawdown").shown == f"{worst * 100:+.2f}%"


def test_streaks(deps: ToolDeps, data: Path) -> None:
    iwm, spy = price(data, "IWM"), price(data, "SPY")
    i = next(k for k, r in enumerate(iwm) if r[0] == "2026-01-22")
    assert spy[i][0] == "2026-01-22"
    beat = 0
    while iwm[i - beat][1] / iwm[i - beat - 1][1] - 1 > spy[i - beat][1] / spy[i - beat - 1][1] - 1:
        beat += 1
    out, result, facts = measure(deps, symbols=["IWM"], measure="beat_streak", versus="SPY",
                                 end="2026-01-22")  # fmt: skip
    assert result["rows"][0]["value"] == beat and beat > 5
    assert f"beat SPY {beat} sessions in a row through 2026-01-22" in out.text
    assert fact(facts, "IWM", "beat_streak").unit == "sessions"
    up, longest, run = 0, 0, 0
    for k in range(1, len(visible(iwm))):
        run = run + 1 if iwm[k][1] > iwm[k - 1][1] else 0
        longest = max(longest, run)
        up = run if iwm[k][0] <= "2026-01-22" else up
    _, last, _ = measure(deps, symbols=["IWM"], measure="up_streak", end="2026-01-22")
    assert last["rows"][0]["value"] == up
    out, most, _ = measure(deps, symbols=["IWM"], measure="up_streak", aggregate="max")
    assert most["rows"][0]["value"] == longest
    # The run by its own dates: the window's session count beside it read as its length.
    line = out.text.splitlines()[0]
    assert f"longest run of higher closes {longest} sessions (" in line
    assert line.endswith(").") and line.count("session") == 1


def test_counted_days_and_new_highs(deps: ToolDeps, data: Path) -> None:
    rows = visible(price(data, "IWM"))
    first = next(k for k, r in enumerate(rows) if r[0] >= "2026-01-01")
    ups = [rows[k][0] for k in range(first, len(rows)) if rows[k][1] > rows[k - 1][1]]
    downs = [rows[k][0] for k in range(first, len(rows)) if rows[k][1] < rows[k - 1][1]]
    highs = [rows[k][0] for k in range(first, len(rows))
             if all(rows[k][1] > c for _, c in rows[:k])]  # fmt: skip
    for name, days in (("up_days", ups), ("down_days", downs), ("new_highs", highs)):
        _out, result, facts = measure(deps, symbols=["IWM"], measure=name, aggregate="count",
                                     start="2026-01-01")  # fmt: skip
        row = result["rows"][0]
        assert row["value"] == len(days) and row["on"] == days[-1], name
        assert fact(facts, "IWM", f"count_{name}").unit == "count"
    _, share, _ = measure(deps, symbols=["IWM"], measure="up_days", aggregate="mean",
                          start="2026-01-01")  # fmt: skip
    assert share["rows"][0]["value"] == pytest.approx(len(ups) / (len(rows) - first) * 100)


def test_closes_counted_above_or_below_a_line(deps: ToolDeps, data: Path) -> None:
    # "How many days did the VIX close above 20 this year?" was read as up days. By hand from
    # the raw files: the closes of 2026 to the as-of date past each line (the VIX's on NYSE
    # sessions: its file has a row on MLK Day, which the measure's calendar leaves out).
    spy = [r for r in visible(price(data, "SPY")) if r[0] >= "2026-01-01"]
    for name, line, days in (
        ("days_below", 690.0, [d for d, c in spy if c < 690.0]),
        ("days_above", 690.0, [d for d, c in spy if c > 690.0]),
    ):
        out, result, facts = measure(deps, symbols=["SPY"], measure=name, aggregate="count",
                                     start="2026-01-01", line=line)  # fmt: skip
        row = result["rows"][0]
        assert days and row["value"] == len(days) and row["on"] == days[-1], name
        assert fact(facts, "SPY", f"count_{name}").unit == "count"
        side = "above" if name == "days_above" else "below"
        assert f"SPY: {len(days)} closes {side} 690 (latest {days[-1]});" in out.text
    sessions = {d for d, _ in spy}
    vix = [(d, c) for d, c in visible(series(data, "VIX.csv", "DATE", "CLOSE"))
           if d >= "2026-01-01" and d in sessions]  # fmt: skip
    above = [d for d, c in vix if c > 20.0]
    out, result, _ = measure(deps, symbols=["VIX"], measure="days_above", aggregate="count",
                             start="2026-01-01", line=20)  # fmt: skip
    assert result["rows"][0]["value"] == len(above) == 1
    assert f"VIX: 1 close above 20 (latest {above[0]});" in out.text
    assert run_tool(deps, "measure", {"symbols": ["VIX"], "measure": "days_above"}).error


def test_the_sp500_index_s_records_are_its_own_and_one_is_said_as_one(
    deps: ToolDeps, data: Path
) -> None:
    # By hand from the raw files: FRED's SP500 closed above every earlier value on 2025-12-23
    # (6909.79, over 6901.00 of 2025-12-11); SPY, lower by its December dividend, did not
    # close above 689.17 (2025-12-11) until 2025-12-24.
    index = [(d, c) for d, c in series(data, "SP500.csv", "observation_date", "SP500")]
    highs = [index[k][0] for k in range(len(index))
             if "2025-12-22" <= index[k][0] <= "2025-12-23"
             and all(index[k][1] > c for _, c in index[:k])]  # fmt: skip
    spy = price(data, "SPY")
    spy_highs = [spy[k][0] for k in range(len(spy))
                 if "2025-12-22" <= spy[k][0] <= "2025-12-23"
                 and all(spy[k][1] > c for _, c in spy[:k])]  # fmt: skip
    assert (highs, spy_highs) == (["2025-12-23"], [])
    out, result, _ = measure(deps, symbols=["SP500"], measure="new_highs", aggregate="count",
                             start="2025-12-22", end="2025-12-23")  # fmt: skip
    assert result["rows"][0]["value"] == 1
    assert "SP500: 1 new closing high (latest 2025-12-23);" in out.text
    out, result, _ = measure(deps, symbols=["SPY"], measure="new_highs", aggregate="count",
                             start="2025-12-22", end="2025-12-23")  # fmt: skip
    assert result["rows"][0]["value"] == 0 and "SPY: 0 new closing highs;" in out.text


def test_an_index_move_is_also_given_in_points(deps: ToolDeps, data: Path) -> None:
    # "How many points did the S&P lose": the index's own points, from FRED's raw values
    # (SPY's dollars are about a tenth of them).
    index = [(d, c) for d, c in series(data, "SP500.csv", "observation_date", "SP500")]
    base, _, end = window(visible(index), "2026-01-20", "2026-01-20")
    points = end[1] - base[1]
    out, _, facts = measure(deps, symbols=["SP500"], measure="return", start="2026-01-20",
                            end="2026-01-20")  # fmt: skip
    assert f"({points:+.2f} points)" in out.text
    shown = fact(facts, "SP500", "return", unit="points")
    assert math.isclose(shown.value, points, abs_tol=1e-9)
    percent = fact(facts, "SP500", "return", unit="%")
    assert math.isclose(percent.value, pct(base[1], end[1]), abs_tol=1e-9)
    # A fund's move stays in % alone.
    spy, _, _ = measure(deps, symbols=["SPY"], measure="return", start="2026-01-20",
                        end="2026-01-20")  # fmt: skip
    assert " points)" not in spy.text


def test_distance_from_the_200_session_average(deps: ToolDeps, data: Path) -> None:
    rows = price(data, "SPY")
    i = next(k for k, r in enumerate(rows) if r[0] == "2026-01-22")
    average = sum(c for _, c in rows[i - 199 : i + 1]) / 200
    out, result, facts = measure(deps, symbols=["SPY"], measure="sma_distance", end="2026-01-22")
    row = result["rows"][0]
    assert row["ref_value"] == pytest.approx(average) and row["value"] == pytest.approx(
        pct(average, rows[i][1]))  # fmt: skip
    assert f"{average:,.2f}" in out.text and fact(facts, "SPY", "sma").unit == "$"


def test_volatility(deps: ToolDeps, data: Path) -> None:
    base, inside, _ = window(visible(price(data, "SPY")), "2025-12-01", "2026-01-23")
    closes = [c for _, c in [base, *inside]]
    moves = [(closes[k] / closes[k - 1] - 1) * 100 for k in range(1, len(closes))]
    _, result, _ = measure(deps, symbols=["SPY"], measure="volatility", start="2025-12-01")
    row = result["rows"][0]
    assert row["value"] == pytest.approx(statistics.stdev(moves) * math.sqrt(252))
    assert row["sessions"] == len(moves)


def test_a_typical_days_move_is_the_mean_size_of_the_daily_moves(
    deps: ToolDeps, data: Path
) -> None:
    """'How much does gold move on a typical day?': up and down days alike, by size (the mean
    of the signed moves would let them cancel)."""
    base, inside, _ = window(visible(price(data, "GLD")), "2025-12-01", "2026-01-23")
    closes = [c for _, c in [base, *inside]]
    moves = [(closes[k] / closes[k - 1] - 1) * 100 for k in range(1, len(closes))]
    out, result, facts = measure(
        deps, symbols=["GLD"], measure="daily_move_size", aggregate="mean", start="2025-12-01"
    )
    size = statistics.mean(abs(m) for m in moves)
    assert result["rows"][0]["value"] == pytest.approx(size)
    assert f"GLD: average daily move either way {size:.2f}%;" in out.text  # a size: no sign
    assert fact(facts, "GLD", "mean_daily_move_size").shown == f"{size:.2f}%"
    biggest = max(range(len(moves)), key=lambda k: abs(moves[k]))
    _, result, _ = measure(
        deps, symbols=["GLD"], measure="daily_move_size", aggregate="max", start="2025-12-01"
    )
    row = result["rows"][0]
    assert row["value"] == pytest.approx(abs(moves[biggest]))
    assert row["on"] == inside[biggest][0]


def test_sizes_in_points_or_bp_carry_no_sign(deps: ToolDeps) -> None:
    """A typical day's move of the VIX (points) and the 10-year's volatility (bp) are sizes:
    no "+" (an edit had kept it off only for sizes in %). The GLD test above holds the value."""
    out, _, _ = measure(
        deps, symbols=["VIX"], measure="daily_move_size", aggregate="mean", start="2026-01-01"
    )
    assert re.search(r"VIX: average daily move either way \d+\.\d\d points;", out.text), out.text
    out, _, _ = measure(deps, symbols=["US10Y"], measure="volatility")
    assert re.search(r"US10Y: annualized volatility \d+ bp", out.text), out.text


def test_the_10_year_yield_moves_in_basis_points(deps: ToolDeps, data: Path) -> None:
    rates = series(data, "US10Y_monthly.csv", "Date", "Rate")
    (_, b), inside, (_, e) = window(rates, "2025-01-01", "2025-12-31")
    out, result, facts = measure(deps, symbols=["US10Y"], start="2025-01-01", end="2025-12-31")
    row = result["rows"][0]
    assert row["unit"] == "bp" and row["value"] == pytest.approx((e - b) * 100)
    assert f"US10Y: change {(e - b) * 100:+.0f} bp" in out.text  # a yield changes, not returns
    assert fact(facts, "US10Y", "return").shown == f"{(e - b) * 100:+.0f} bp"
    assert fact(facts, "US10Y", "level", end=date.fromisoformat(inside[-1][0])).shown == f"{e:.2f}%"
    _, mean, facts = measure(deps, symbols=["US10Y"], measure="level", aggregate="mean",
                             start="2025-01-01", end="2025-12-31")  # fmt: skip
    assert mean["rows"][0]["value"] == pytest.approx(statistics.fmean(r for _, r in inside))
    moves = [(inside[k][1] - inside[k - 1][1]) * 100 for k in range(1, len(inside))]
    _, big, _ = measure(deps, symbols=["US10Y"], measure="daily_return", aggregate="min",
                        start="2025-02-01", end="2025-12-31")  # fmt: skip
    assert big["rows"][0]["value"] == pytest.approx(min(moves)) and big["rows"][0]["unit"] == "bp"


def test_dgs10_from_the_snapshot(shared_deps: ToolDeps, data: Path) -> None:
    with (data / "series" / "fred_yields_snapshot.csv").open(newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["series"] == "DGS10")
    _, result, facts = measure(shared_deps, symbols=["DGS10"], measure="level")
    assert result["rows"][0]["value"] == float(row["value"])
    assert result["rows"][0]["end"] == row["date"]
    assert fact(facts, "DGS10", "level").shown == f"{float(row['value']):.2f}%"
    move = run_tool(shared_deps, "measure", {"symbols": ["DGS10"]})
    assert move.error and "first DGS10 observation" in move.text


GRID = [
    (measure, aggregate)
    for measure in ("level", "return", "daily_return", "drawdown", "distance_from_peak",
                    "distance_from_trough", "up_streak", "down_streak", "up_days", "down_days",
                    "new_highs", "sma_distance", "volatility")
    for aggregate in ("last", "max", "min", "argmax", "argmin", "mean", "sum", "count")
]  # fmt: skip


@pytest.mark.parametrize("symbols", [["SPY", "XLE"], ["US10Y"], ["VIX"]])
def test_every_figure_shown_is_a_fact(deps: ToolDeps, symbols: list[str]) -> None:
    """Each row line, once its facts' strings and its dates are taken out, has no digit left:
    nothing is shown that the facts do not state."""
    import re

    for name, aggregate in GRID:
        versus = "SPY" if len(symbols) > 1 else None
        args: dict[str, Any] = {"symbols": symbols, "measure": name, "aggregate": aggregate,
                                "start": "2025-06-01", "versus": versus}  # fmt: skip
        if name == "sma_distance":
            args["sma_window"] = 20
        out = run_tool(deps, "measure", args)
        assert not out.error, (name, aggregate, out.text)
        source = deps.ledger.get(out.sources[0])
        assert isinstance(source, DataSource)
        body = out.text.split("\n")[:-1]  # the definition line is last
        shown = sorted({f.shown for f in source.facts}, key=len, reverse=True)
        for line in body:
            if line.startswith(("Notes:", "Ranked")):
                continue
            line = re.sub(r"\d{4}-\d{2}-\d{2}|\[\d+\]|20-(session|observation)|US10Y", " ", line)
            for text in shown:  # whole figures only: "0" must not eat the 0 of "+0.50%"
                line = re.sub(rf"(?<!\d)(?<!\d[.,]){re.escape(text)}(?![.,]?\d)", " ", line)
            assert not re.search(r"\d", line), (name, aggregate, line)


def test_wti_through_zero_in_the_real_series(shared_deps: ToolDeps, data: Path) -> None:
    wti = series(data, "WTI.csv", "Date", "Price")
    (b_day, b), _, (e_day, e) = window(wti, "2020-04-21", "2020-04-22")
    assert b < 0 < e, "the sample has WTI below zero on 2020-04-20"
    out, result, facts = measure(shared_deps, symbols=["WTI"], start="2020-04-21",
                                 end="2020-04-22")  # fmt: skip
    row = result["rows"][0]
    assert (row["base"], row["end"]) == (b_day, e_day)
    assert row["unit"] == "points" and row["value"] == pytest.approx(e - b)
    assert row["percent"] is None and "%" not in out.text.split("\nDefinition:")[0]
    assert [f.unit for f in facts if f.measure == "return"] == ["points"]
    # A drop into negative ground from a positive base does get its percent.
    (_, b2), _, (_, e2) = window(wti, "2020-04-20", "2020-04-20")
    _, down, _ = measure(shared_deps, symbols=["WTI"], start="2020-04-20", end="2020-04-20")
    assert down["rows"][0]["percent"] == pytest.approx(pct(b2, e2))


def test_lowest_close_its_day_and_a_down_streak(deps: ToolDeps, data: Path) -> None:
    rows = [r for r in price(data, "SPY") if "2025-03-01" <= r[0] <= "2025-06-30"]
    low = min(rows, key=lambda r: r[1])
    _, result, facts = measure(deps, symbols=["SPY"], measure="level", aggregate="argmin",
                               start="2025-03-01", end="2025-06-30")  # fmt: skip
    row = result["rows"][0]
    assert (row["on"], row["extreme"], row["unit"]) == (low[0], low[1], "date")
    assert fact(facts, "SPY", "argmin_level").shown == low[0]
    assert fact(facts, "SPY", "min_level").shown == f"{low[1]:,.2f}"
    _, lowest, _ = measure(deps, symbols=["SPY"], measure="level", aggregate="min",
                           start="2025-03-01", end="2025-06-30")  # fmt: skip
    assert lowest["rows"][0]["value"] == low[1] and lowest["rows"][0]["on"] == low[0]
    spy = visible(price(data, "SPY"))
    i = next(k for k, r in enumerate(spy) if r[0] == low[0])
    down = 0
    while spy[i - down][1] < spy[i - down - 1][1]:
        down += 1
    _, streak, _ = measure(deps, symbols=["SPY"], measure="down_streak", end=low[0])
    assert streak["rows"][0]["value"] == down


def _period_moves(rows: Rows, key: Any, start: str, end: str) -> list[tuple[float, str, str]]:
    """(move %, base day, end day) of each calendar period (`key` of a day) whose base close —
    the last close of the period before — is on or after the window's base, by hand."""
    base_day = [d for d, _ in rows if d < start][-1]
    periods: dict[Any, list[tuple[str, float]]] = {}
    for day, close in rows:
        if day <= end:
            periods.setdefault(key(date.fromisoformat(day)), []).append((day, close))
    keys = sorted(periods)
    return [(pct(periods[a][-1][1], periods[b][-1][1]), periods[a][-1][0], periods[b][-1][0])
            for a, b in pairwise(keys)
            if periods[a][-1][0] >= base_day and periods[b][-1][0] >= start]  # fmt: skip


@pytest.mark.parametrize(
    ("measure_name", "key", "aggregate", "word"),
    [("weekly_return", lambda d: d.isocalendar()[:2], "min", "worst week"),
     ("weekly_return", lambda d: d.isocalendar()[:2], "max", "best week"),
     ("monthly_return", lambda d: (d.year, d.month), "max", "best month")],
)  # fmt: skip
def test_a_week_s_or_a_month_s_move_ranked_among_the_window_s(
    deps: ToolDeps, data: Path, measure_name: str, key: Any, aggregate: str, word: str
) -> None:
    """'The Nasdaq's worst week since October': each calendar week's move (Monday to Sunday)
    from the last close before it; the week the window starts inside (Sep 29 - Oct 3) is not
    the window's."""
    moves = _period_moves(visible(price(data, "QQQ")), key, "2025-10-01", AS_OF.isoformat())
    pick = min(moves) if aggregate == "min" else max(moves)
    value, base_day, end_day = pick
    out, result, facts = measure(deps, symbols=["QQQ"], measure=measure_name,
                                 aggregate=aggregate, start="2025-10-01")  # fmt: skip
    row = result["rows"][0]
    assert row["value"] == pytest.approx(value, abs=1e-9)
    assert (row["on"], row["ref_date"]) == (end_day, base_day)
    period = fact(facts, "QQQ", f"{aggregate}_{measure_name}")
    assert (period.base, period.on) == (date.fromisoformat(base_day), date.fromisoformat(end_day))
    assert (
        f"QQQ: {word} since 2025-10-01 {value:+.2f}% (the {word.split()[1]} ending {end_day}"
        in out.text
    )


def test_a_week_the_window_starts_inside_is_left_out(deps: ToolDeps, data: Path) -> None:
    """From Wednesday 2025-10-01: the week of September 29 began before the window, so the
    first week measured ends on 2025-10-10 (its base, 2025-10-03, inside the window's days)."""
    moves = _period_moves(visible(price(data, "QQQ")), lambda d: d.isocalendar()[:2],
                          "2025-10-01", "2025-10-17")  # fmt: skip
    assert [end for _, _, end in moves] == ["2025-10-10", "2025-10-17"]
    _, result, _ = measure(deps, symbols=["QQQ"], measure="weekly_return", aggregate="min",
                           start="2025-10-01", end="2025-10-17")  # fmt: skip
    assert result["rows"][0]["on"] in ("2025-10-10", "2025-10-17")
    assert result["rows"][0]["value"] == pytest.approx(min(moves)[0], abs=1e-9)


@pytest.mark.parametrize(
    ("measure_name", "key", "up", "start", "end"),
    [("up_weeks", lambda d: d.isocalendar()[:2], True, "2025-10-01", "2026-01-30"),
     ("down_weeks", lambda d: d.isocalendar()[:2], False, "2025-10-01", "2026-01-30"),
     ("up_months", lambda d: (d.year, d.month), True, "2025-03-01", "2025-12-31"),
     ("down_months", lambda d: (d.year, d.month), False, "2025-03-01", "2025-12-31")],
)  # fmt: skip
def test_weeks_and_months_counted_by_the_way_each_moved(
    deps: ToolDeps, data: Path, measure_name: str, key: Any, up: bool, start: str, end: str
) -> None:
    """'How many up weeks did the S&P have …', 'how many months did gold fall': each calendar
    period's move from the last close before it, counted by its sign (by hand from the CSV)."""
    moves = _period_moves(visible(price(data, "GLD")), key, start, end)
    want = sum(1 for value, _, _ in moves if (value > 0 if up else value < 0))
    assert 0 < want < len(moves)  # the data's own: both ways happened
    out, result, _ = measure(deps, symbols=["GLD"], measure=measure_name, aggregate="count",
                             start=start, end=end)  # fmt: skip
    assert result["rows"][0]["value"] == want
    word = measure_name.replace("_", " ")
    assert f"GLD: {want} {word}" in out.text


def _weekly_signs(rows: Rows, end: str) -> list[tuple[str, bool]]:
    """(last session, rose) of every calendar week to `end` with a close before it, by hand."""
    weeks: dict[Any, list[tuple[str, float]]] = {}
    for day, close in rows:
        if day <= end:
            weeks.setdefault(date.fromisoformat(day).isocalendar()[:2], []).append((day, close))
    keys = sorted(weeks)
    return [(weeks[b][-1][0], weeks[b][-1][1] > weeks[a][-1][1]) for a, b in pairwise(keys)]


@pytest.mark.parametrize("end", ["2026-01-23", "2026-01-16", "2026-01-09", "2026-01-02"])
def test_up_weeks_in_a_row_to_the_end(deps: ToolDeps, data: Path, end: str) -> None:
    """'How many weeks in a row has gold gone up?': the calendar weeks to the end that rose,
    counted back from it (by hand: 3 to January 23, 2 to January 16, 1 to January 9, 0 to
    January 2)."""
    signs = _weekly_signs(visible(price(data, "GLD")), end)
    run = 0
    while run < len(signs) and signs[-1 - run][1]:
        run += 1
    out, result, _ = measure(deps, symbols=["GLD"], measure="up_week_streak", end=end)
    assert result["rows"][0]["value"] == run
    first = signs[-run][0] if run else None
    assert f"GLD: {run} up week{'s' if run != 1 else ''} in a row through {end}" in out.text
    if run > 1:
        assert f"(weeks ending {first} to {end})" in out.text
    if run == 1:
        assert f"(the week ending {end})" in out.text


def test_the_longest_run_of_up_weeks_in_a_window(deps: ToolDeps, data: Path) -> None:
    """The most weeks in a row that rose, ending inside the window (a run may begin before it:
    counted back through all the data, as a run of sessions is)."""
    signs = _weekly_signs(visible(price(data, "GLD")), AS_OF.isoformat())
    best, run, last = 0, 0, ""
    for day, rose in signs:
        run = run + 1 if rose else 0
        if day >= "2025-06-01" and run > best:
            best, last = run, day
    out, result, _ = measure(deps, symbols=["GLD"], measure="up_week_streak", aggregate="max",
                             start="2025-06-01")  # fmt: skip
    assert (result["rows"][0]["value"], result["rows"][0]["on"]) == (best, last)
    assert f"GLD: longest run of up weeks {best} (weeks ending " in out.text
