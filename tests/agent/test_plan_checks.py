"""Corrections of a model-made plan that the question's own words settle."""

from __future__ import annotations

from datetime import date
from typing import Any

from copilot.plan_checks import align_with_question, usable_symbols
from copilot.tools import ToolDeps


def call(tool: str, **args: Any) -> dict[str, Any]:
    return {"tool": tool, "args": args}


def test_the_sp500_index_is_not_the_etf(shared_deps: ToolDeps) -> None:
    question = "How much was the S&P 500 index up for the year as of January 22, 2026?"
    (fixed,) = align_with_question([call("ytd_return", symbol="SPY", end="2026-01-22")],
                                   question, date(2026, 1, 22), shared_deps.market)  # fmt: skip
    assert fixed["args"]["symbol"] == "SP500"
    # Where the question names the ETF's concept itself, SPY stays.
    (kept,) = align_with_question([call("ytd_return", symbol="SPY")],
                                  "How did the S&P 500 do this year?", date(2026, 1, 22),
                                  shared_deps.market)  # fmt: skip
    assert kept["args"]["symbol"] == "SPY"


def test_a_price_sent_to_yield_change_gets_a_percent_return(shared_deps: ToolDeps) -> None:
    plan = [call("yield_change", symbol="WTI", start="2026-01-02", end="2026-01-05"),
            call("yield_change", symbol="US10Y", start="2025-12-01")]  # fmt: skip
    fixed = align_with_question(plan, "How much did WTI crude change?", date(2026, 1, 5),
                                shared_deps.market)  # fmt: skip
    assert [c["tool"] for c in fixed] == ["price_return", "yield_change"]


def test_two_dates_in_the_question_make_the_window(shared_deps: ToolDeps) -> None:
    question = "How did XLF do in the week ending January 16 (January 9 close to January 16)?"
    plan = [call("price_return", symbol="XLF", end="2026-01-16"),
            call("price_return", symbol="SPY", sessions=5)]  # fmt: skip
    fixed = align_with_question(plan, question, date(2026, 1, 16), shared_deps.market)
    assert fixed[0]["args"] == {"symbol": "XLF", "start": "2026-01-09", "end": "2026-01-16"}
    assert fixed[1]["args"] == {"symbol": "SPY", "sessions": 5}  # a window of its own: kept


def test_a_one_row_snapshot_is_not_offered(shared_deps: ToolDeps) -> None:
    assert shared_deps.market is not None
    # The sample data's DGS10 is FRED's one-row snapshot of 2026-02-17; US10Y is monthly.
    assert usable_symbols(shared_deps.market, ["DGS10", "US10Y"], date(2026, 2, 18)) == ["US10Y"]
    assert usable_symbols(shared_deps.market, ["DGS10", "NOPE"], None) == []
