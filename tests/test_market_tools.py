"""Market tools over the real sample data; expected values computed from the raw CSVs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from copilot.sources import DataSource
from copilot.tools import TOOLS, ToolDeps, build_langchain_tools, run_tool
from tests.raw import close_on, index_of, raw_closes

SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]


@pytest.fixture
def prices(shared_data: Path) -> Path:
    return shared_data / "market" / "prices"


def test_iwm_beat_spy_streak_matches_raw_count(shared_deps: ToolDeps, prices: Path) -> None:
    iwm, spy = raw_closes(prices, "IWM"), raw_closes(prices, "SPY")
    i = index_of(iwm, "2026-01-22")
    assert spy[i][0] == "2026-01-22"
    expected = 0
    while i > 0 and iwm[i][1] / iwm[i - 1][1] > spy[i][1] / spy[i - 1][1]:
        expected += 1
        i -= 1
    out = run_tool(shared_deps, "streak", {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"})
    assert not out.error
    assert f"IWM beat SPY {expected} sessions in a row through 2026-01-22" in out.text
    assert out.data["length"] == expected
    source = shared_deps.ledger.get(out.sources[0])
    assert isinstance(source, DataSource)
    assert source.symbols == ["IWM", "SPY"] and source.end == date(2026, 1, 22)
    assert out.text.startswith(f"[{out.sources[0]}] ") and "Definition:" in out.text


def test_streak_reports_the_run_that_just_ended(shared_deps: ToolDeps, prices: Path) -> None:
    iwm, spy = raw_closes(prices, "IWM"), raw_closes(prices, "SPY")

    def beat(i: int) -> bool:
        return iwm[i][1] / iwm[i - 1][1] > spy[i][1] / spy[i - 1][1]

    end = index_of(iwm, "2026-01-23")
    assert not beat(end), "the sample data has IWM trailing SPY on 2026-01-23"
    first = end - 1
    while first > 1 and beat(first - 1):
        first -= 1
    length = end - first
    assert length > 1
    out = run_tool(shared_deps, "streak", {"symbol": "IWM", "versus": "SPY", "end": "2026-01-23"})
    # The run that just ended is said instead of a bare "0 sessions".
    assert out.text.startswith(f"[1] IWM beat SPY {length} sessions in a row "
                               f"({iwm[first][0]} to {iwm[end - 1][0]}), a run that ended on "
                               "2026-01-23.")  # fmt: skip
    assert out.data["length"] == 0
    assert out.data["previous"]["length"] == length


def test_price_return_on_one_day_is_that_sessions_move(shared_deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "GLD")
    i = index_of(rows, "2025-12-29")
    expected = f"{(rows[i][1] / rows[i - 1][1] - 1) * 100:+.2f}%"
    # No start, and start == end, both mean the day's move from the previous close.
    for args in ({"end": "2025-12-29"}, {"start": "2025-12-29", "end": "2025-12-29"}):
        out = run_tool(shared_deps, "price_return", {"symbol": "GLD", **args})
        assert not out.error, out.text
        assert f"returned {expected} over the session from {rows[i - 1][0]}" in out.text


def test_sector_returns_ranked_match_raw(shared_deps: ToolDeps, prices: Path) -> None:
    expected = []
    for symbol in SECTORS:
        rows = raw_closes(prices, symbol)
        i = index_of(rows, "2026-01-22")
        expected.append((rows[i][1] / rows[i - 1][1] - 1, symbol))
    expected.sort(reverse=True)
    out = run_tool(shared_deps, "sector_returns", {"day": "2026-01-22"})
    ranked = out.data["ranked"]
    assert [r["symbol"] for r in ranked] == [s for _, s in expected]
    for row, (ret, _) in zip(ranked, expected, strict=True):
        assert row["pct"] == pytest.approx(ret, abs=1e-12)
    best_ret, best = expected[0]
    assert f"#1 {best} " in out.text and f"{best_ret * 100:+.2f}%" in out.text
    worst_ret, worst = expected[-1]
    assert f"best {best} {best_ret * 100:+.2f}%, worst {worst} {worst_ret * 100:+.2f}%." in out.text
    # A sector asked about by name gets its place said up front.
    rank = [s for _, s in expected].index("XLU") + 1
    xlu = next(ret for ret, s in expected if s == "XLU")
    focused = run_tool(shared_deps, "sector_returns", {"day": "2026-01-22", "focus": "utilities"})
    assert f"XLU ranked #{rank} of 11 ({xlu * 100:+.2f}%)." in focused.text


def test_iwm_new_highs_in_2026_match_raw(shared_deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "IWM")
    highs = []
    for i, (day, close) in enumerate(rows):
        if "2026-01-02" <= day <= "2026-01-22" and all(close > c for _, c in rows[:i]):
            highs.append(day)
    out = run_tool(
        shared_deps, "new_highs", {"symbol": "IWM", "start": "2026-01-02", "end": "2026-01-22"}
    )
    assert out.data["count"] == len(highs)
    assert [d.isoformat() for d in out.data["dates"]] == highs
    assert f"set {len(highs)} new closing highs" in out.text
    assert "all data since 2025-02-19" in out.text


def test_spy_200_day_average_matches_raw(shared_deps: ToolDeps, prices: Path) -> None:
    rows = raw_closes(prices, "SPY")
    i = index_of(rows, "2026-01-22")
    window = [close for _, close in rows[i - 199 : i + 1]]
    average = sum(window) / 200
    close = close_on(rows, "2026-01-22")
    out = run_tool(shared_deps, "moving_average", {"symbol": "SPY", "day": "2026-01-22"})
    assert out.data["sma"] == pytest.approx(average, rel=1e-12)
    assert out.data["above"] is (close > average)
    assert f"{average:,.2f}" in out.text
    assert ("above" if close > average else "below") in out.text


def test_price_return_accepts_a_concept_and_matches_raw(
    shared_deps: ToolDeps, prices: Path
) -> None:
    rows = raw_closes(prices, "IWM")
    expected = close_on(rows, "2026-01-22") / close_on(rows, "2025-12-31") - 1
    out = run_tool(
        shared_deps,
        "price_return",
        {"symbol": "small caps", "start": "2025-12-31", "end": "2026-01-22"},
    )
    assert out.data["pct"] == pytest.approx(expected, rel=1e-12)
    assert f"{expected * 100:+.2f}%" in out.text and "IWM" in out.text


def test_a_holiday_snaps_to_the_session_before_and_says_so(
    shared_deps: ToolDeps, prices: Path
) -> None:
    # 2026-01-19 (Martin Luther King Jr. Day) is no error: the close that stood that day is
    # 2026-01-16's, the streak runs through it, and the text says which day was used.
    rows = raw_closes(prices, "IWM")
    i = index_of(rows, "2026-01-16")
    assert rows[i + 1][0] == "2026-01-20"
    expected = 0
    while rows[i - expected][1] > rows[i - expected - 1][1]:
        expected += 1
    out = run_tool(shared_deps, "streak", {"symbol": "IWM", "end": "2026-01-19"})
    assert not out.error, out.text
    assert out.data["end"] == date(2026, 1, 16) and out.data["length"] == expected
    assert f"IWM closed higher {expected} sessions in a row through 2026-01-16" in out.text
    assert "2026-01-19 is an NYSE holiday" in out.text and "close of 2026-01-16 is used" in out.text


def test_unknown_symbol_lists_what_is_available(shared_deps: ToolDeps) -> None:
    out = run_tool(shared_deps, "price_return", {"symbol": "ZZZZ", "sessions": 5})
    assert out.error and "ZZZZ" in out.text and "IWM" in out.text and "XLU" in out.text


def test_as_of_hides_later_data(shared_deps: ToolDeps) -> None:
    shared_deps.as_of = date(2026, 1, 10)
    out = run_tool(shared_deps, "price_return", {"symbol": "IWM", "sessions": 1})
    assert not out.error and out.data["end"] == date(2026, 1, 9)  # last session on/before as-of
    late = run_tool(shared_deps, "price_return", {"symbol": "IWM", "start": "2026-01-20"})
    assert late.error and "as-of date 2026-01-10" in late.text


def test_date_outside_data_says_the_range(shared_deps: ToolDeps, prices: Path) -> None:
    # A window that begins before the data is measured from the first close, and says so.
    rows = raw_closes(prices, "SPY")
    out = run_tool(shared_deps, "price_return", {"symbol": "SPY", "start": "2024-01-02"})
    assert not out.error and "SPY data begins 2025-02-19" in out.text
    assert (out.data["start"], out.data["end"]) == (date(2025, 2, 19), date(2026, 2, 18))
    assert out.data["pct"] == pytest.approx(rows[-1][1] / rows[0][1] - 1, rel=1e-12)
    # A window wholly before the data cannot be measured: the error says where the data starts.
    before = run_tool(
        shared_deps, "price_return", {"symbol": "SPY", "start": "2024-01-02", "end": "2024-06-28"}
    )
    assert before.error and "2024-06-28" in before.text and "2025-02-19" in before.text
    assert len(shared_deps.ledger) == 1  # nothing cited for the failed call


def test_invalid_arguments_come_back_as_text(shared_deps: ToolDeps) -> None:
    out = run_tool(shared_deps, "best_gain_since", {"symbol": "IWM", "sessions": 0})
    assert out.error and "sessions" in out.text
    missing = run_tool(shared_deps, "nonexistent_tool", {})
    assert missing.error and "streak" in missing.text


def test_yield_change_in_basis_points(shared_deps: ToolDeps, shared_data: Path) -> None:
    import csv

    with (shared_data / "market" / "series" / "US10Y_monthly.csv").open() as handle:
        rates = {row["Date"]: float(row["Rate"]) for row in csv.DictReader(handle)}
    expected_bp = (rates["2026-01-01"] - rates["2025-01-01"]) * 100
    out = run_tool(
        shared_deps, "yield_change", {"symbol": "US10Y", "start": "2025-01-01", "end": "2026-01-01"}
    )
    assert out.data["bp"] == pytest.approx(expected_bp)
    assert f"{expected_bp:+.0f} bp" in out.text


def test_same_call_twice_keeps_one_citation_number(shared_deps: ToolDeps) -> None:
    first = run_tool(shared_deps, "ytd_return", {"symbol": "IWM", "end": "2026-01-22"})
    second = run_tool(shared_deps, "ytd_return", {"symbol": "IWM", "end": "2026-01-22"})
    other = run_tool(shared_deps, "ytd_return", {"symbol": "SPY", "end": "2026-01-22"})
    assert first.sources == second.sources == [1] and other.sources == [2]


def test_every_tool_is_a_langchain_tool_with_its_docstring(shared_deps: ToolDeps) -> None:
    tools = {t.name: t for t in build_langchain_tools(shared_deps)}
    assert set(TOOLS) <= set(tools)
    for name, spec in TOOLS.items():
        assert tools[name].description == spec.description != ""
    message = tools["risk_stats"].invoke(
        {"type": "tool_call", "id": "c1", "name": "risk_stats",
         "args": {"symbol": "IWM", "start": "2025-12-01", "end": "2026-01-22"}}
    )  # fmt: skip
    assert "max drawdown" in message.content and message.artifact.sources == [1]
