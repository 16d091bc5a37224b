"""The preset tools (price_return, ytd_return, …) as presets of the measure: they snap weekends and
holidays instead of failing, and their sources carry the facts their text shows. Expected values
are computed from the raw CSVs with the plain csv module."""

from __future__ import annotations

import csv
import math
import re
import statistics
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from copilot.facts import Fact
from copilot.sources import DataSource
from copilot.tools import ToolDeps, ToolOutput, run_tool
from tests.raw import close_on, index_of, raw_closes

AS_OF = date(2026, 1, 23)


@pytest.fixture
def deps(shared_deps: ToolDeps) -> ToolDeps:
    shared_deps.as_of = AS_OF
    return shared_deps


@pytest.fixture
def prices(shared_data: Path) -> Path:
    return shared_data / "market" / "prices"


# Digits a preset's sentence shows that are not figures: what a symbol stands for, a window's
# length given as an argument, the size of a ranked set, the 52-week look-back.
NOT_FIGURES = r"US10Y|Russell 2000|S&P 500|Nasdaq-100|30-day|\d+-(session|day|week)|of 11|52 weeks"


def call(deps: ToolDeps, tool: str, **args: Any) -> tuple[ToolOutput, list[Fact]]:
    """Run a preset; check it registered one source whose facts are exactly the figures its
    sentence shows: each fact's string is in the text, and no other figure is."""
    before = len(deps.ledger)
    out = run_tool(deps, tool, args)
    assert not out.error, out.text
    assert len(deps.ledger) == before + 1 and out.sources == [before + 1]
    source = deps.ledger.get(out.sources[0])
    assert isinstance(source, DataSource) and source.tool == tool and source.facts
    for fact in source.facts:
        assert fact.shown in out.text, fact
    assert "measure" in out.data or "measures" in out.data
    sentence = out.text.split("\nNotes:")[0].split("\nDefinition:")[0]
    rest = re.sub(rf"\d{{4}}-\d{{2}}-\d{{2}}|^\[\d+\]|{NOT_FIGURES}", " ", sentence)
    for shown in sorted({f.shown for f in source.facts}, key=len, reverse=True):
        rest = re.sub(rf"(?<!\d)(?<!\d[.,]){re.escape(shown)}(?![.,]?\d)", " ", rest)
    assert not re.search(r"\d", rest), rest
    return out, source.facts


def one(facts: list[Fact], measure: str, **where: Any) -> Fact:
    found = [f for f in facts if f.measure == measure
             and all(getattr(f, k) == v for k, v in where.items())]  # fmt: skip
    assert len(found) == 1, (measure, where, facts)
    return found[0]


def test_price_return_from_a_sunday_uses_the_friday_close(deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "IWM")
    base, end = close_on(rows, "2025-11-28"), close_on(rows, "2026-01-22")
    out, facts = call(deps, "price_return", symbol="IWM", start="2025-11-30", end="2026-01-22")
    expected = f"{(end / base - 1) * 100:+.2f}%"
    assert f"returned {expected}" in out.text and "from 2025-11-28 (close" in out.text
    assert "2025-11-30 is a Sunday: the close of 2025-11-28 is used." in out.text
    ret = one(facts, "return")
    assert ret.shown == expected and ret.base == date(2025, 11, 28)
    assert out.data["pct"] == pytest.approx(end / base - 1, rel=1e-12)
    sessions = index_of(rows, "2026-01-22") - index_of(rows, "2025-11-28")
    assert one(facts, "window_sessions").value == sessions
    assert f"over the {sessions} sessions" in out.text


def test_price_return_on_a_holiday_is_the_session_before(deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "SPY")
    i = index_of(rows, "2025-11-26")  # the day before Thanksgiving
    out, _ = call(deps, "price_return", symbol="SPY", end="2025-11-27")
    assert f"{(rows[i][1] / rows[i - 1][1] - 1) * 100:+.2f}%" in out.text
    assert "2025-11-27 is an NYSE holiday (Thanksgiving)" in out.text
    assert out.data["end"] == date(2025, 11, 26)


def test_ytd_return_matches_raw(deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "XLE")
    base, end = close_on(rows, "2025-12-31"), close_on(rows, "2026-01-23")
    out, facts = call(deps, "ytd_return", symbol="XLE")
    assert f"XLE {(end / base - 1) * 100:+.2f}% year to date at 2026-01-23" in out.text
    assert one(facts, "level", end=date(2025, 12, 31)).shown == f"{base:,.2f}"


def test_sector_returns_on_a_holiday(deps: ToolDeps, prices: Path) -> None:
    sectors = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]
    moves = {}
    for s in sectors:
        rows = raw_closes(prices, s)
        i = index_of(rows, "2026-01-16")
        moves[s] = (rows[i][1] / rows[i - 1][1] - 1) * 100
    ranked = sorted(sectors, key=lambda s: -moves[s])
    out, facts = call(deps, "sector_returns", day="2026-01-19", focus="banks")
    assert out.text.startswith(f"[1] Sector returns on 2026-01-16 (vs 2026-01-15): best "
                               f"{ranked[0]} {moves[ranked[0]]:+.2f}%, worst {ranked[-1]} "
                               f"{moves[ranked[-1]]:+.2f}%.")  # fmt: skip
    place = ranked.index("XLF") + 1
    assert f"XLF ranked #{place} of 11 ({moves['XLF']:+.2f}%)." in out.text
    assert one(facts, "rank", subject="XLF").value == place
    assert "2026-01-19 is an NYSE holiday" in out.text


def test_yield_change_and_its_facts(deps: ToolDeps, shared_data: Path) -> None:
    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open() as handle:
        rates = {row["Date"]: float(row["Rate"]) for row in csv.DictReader(handle)}
    # Point in time: January 2026's monthly average is published on the first business day of
    # February, after the as-of date; December's (published 2026-01-02) is the latest visible.
    bp = (rates["2025-12-01"] - rates["2025-01-01"]) * 100
    out, facts = call(deps, "yield_change", symbol="US10Y", start="2025-01-15")
    assert f"US10Y moved {bp:+.0f} bp from {rates['2025-01-01']:.2f}% (2025-01-01)" in out.text
    assert f"to {rates['2025-12-01']:.2f}% (2025-12-01)" in out.text
    assert "2025-01-15 is not a US10Y observation date" in out.text
    assert one(facts, "return").unit == "bp" and out.data["bp"] == pytest.approx(bp)


def test_moving_average_and_best_gain(deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "SPY")
    i = index_of(rows, "2026-01-23")
    average = statistics.fmean(c for _, c in rows[i - 49 : i + 1])
    out, facts = call(deps, "moving_average", symbol="SPY", window=50)
    assert one(facts, "sma").shown == f"{average:,.2f}"
    side = "above" if rows[i][1] > average else "below"
    assert f"{(rows[i][1] / average - 1) * 100:+.2f}% {side} its 50-day average" in out.text
    iwm = raw_closes(prices, "IWM")
    k = index_of(iwm, "2026-01-22")
    gains = [(iwm[j][0], iwm[j][1] / iwm[j - 2][1] - 1) for j in range(2, k + 1)]
    now = gains[-1][1]
    since = max((g for g in gains[:-1] if g[1] >= now), key=lambda g: g[0])
    out, facts = call(deps, "best_gain_since", symbol="IWM", sessions=2, end="2026-01-22")
    assert (f"gain to 2026-01-22 was {now * 100:+.2f}%, the best since {since[0]} "
            f"({since[1] * 100:+.2f}% then)") in out.text  # fmt: skip
    assert len([f for f in facts if f.measure == "return"]) == 2


def test_risk_stats_match_raw(deps: ToolDeps, prices: Path) -> None:
    rows = [r for r in raw_closes(prices, "IWM") if "2025-12-01" <= r[0] <= "2026-01-22"]
    peak, worst, at = rows[0], 0.0, ("", "")
    for day, close in rows:
        peak = max(peak, (day, close), key=lambda r: r[1])
        if close / peak[1] - 1 < worst:
            worst, at = close / peak[1] - 1, (peak[0], day)
    before = [r for r in raw_closes(prices, "IWM") if r[0] < "2025-12-01"][-1]
    closes = [before[1], *(c for _, c in rows)]
    moves = [(closes[j] / closes[j - 1] - 1) * 100 for j in range(1, len(closes))]
    vol = statistics.stdev(moves) * math.sqrt(252)
    out, facts = call(deps, "risk_stats", symbol="IWM", start="2025-12-01", end="2026-01-22")
    assert f"max drawdown {worst * 100:+.2f}% (from the {at[0]} close" in out.text
    assert f"to the {at[1]} trough" in out.text
    assert f"annualized volatility {vol:.2f}% over {len(moves)} daily returns" in out.text
    assert one(facts, "volatility").value == pytest.approx(vol)


def test_new_highs_over_52_weeks(deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "IWM")
    # The data (from 2025-02-19) starts inside the 52 weeks before January 2026, so the 52-week
    # look-back is every earlier close, and the text says the look-back is short.
    highs = [d for i, (d, c) in enumerate(rows)
             if "2026-01-02" <= d <= "2026-01-23" and all(c > x for _, x in rows[:i])]  # fmt: skip
    out, facts = call(deps, "new_highs", symbol="IWM", start="2026-01-01", lookback="52w")
    assert out.data["count"] == len(highs)
    assert one(facts, "count_new_highs_52w").value == len(highs)
    assert ", ".join(highs) in out.text and "data starts inside the 52-week look-back" in out.text


def test_streak_facts_cover_the_run_that_just_ended(deps: ToolDeps, prices: Path) -> None:
    iwm, spy = raw_closes(prices, "IWM"), raw_closes(prices, "SPY")
    end = index_of(iwm, "2026-01-23")
    run = 0
    while (
        iwm[end - 1 - run][1] / iwm[end - 2 - run][1]
        > spy[end - 1 - run][1] / spy[end - 2 - run][1]
    ):
        run += 1
    out, facts = call(deps, "streak", symbol="IWM", versus="SPY")
    assert f"IWM beat SPY {run} sessions in a row" in out.text
    ended = one(facts, "beat_streak", end=date(2026, 1, 22))
    assert (ended.value, ended.shown, ended.versus) == (run, f"{run} sessions", "SPY")
    assert ended.start == date.fromisoformat(iwm[end - run][0])
    assert "no date given: the run through 2026-01-23" in out.text.lower()
