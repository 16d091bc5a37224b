# ruff: noqa: E501  (a table of cases reads best one case a line)
"""More phrasings: shorthand, named days, 'through', neighbouring sessions, the S&P 500's sectors,
S&P 500 index vs SPY, same-measure series, the trace and the contract's invariants.

Dates are worked out by hand (as-of 2026-02-18, a Wednesday, unless a case says otherwise).
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.market.symbols import resolve_concept
from copilot.understand import Catalog, understand

A = date(2026, 2, 18)
D = date
SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]


@pytest.mark.parametrize(
    ("question", "symbols", "start", "end", "sessions"),
    [
        ("how'd semis do this wk", ["SMH"], D(2026, 2, 16), None, None),
        ("IWM past 2 wks", ["IWM"], D(2026, 2, 5), None, None),
        ("xlf last 3 mos", ["XLF"], D(2025, 11, 19), None, None),
        # Thanksgiving 2025 is Thursday 2025-11-27 (a holiday): the session after it is Friday.
        (
            "how did stocks do the day after thanksgiving",
            ["SPY"],
            D(2025, 11, 28),
            D(2025, 11, 28),
            None,
        ),
        # The session before Monday 2026-01-19 (MLK day) ... before Tuesday 2026-01-20 is Friday 01-16.
        (
            "what did XLE do the session before Jan 20?",
            ["XLE"],
            D(2026, 1, 16),
            D(2026, 1, 16),
            None,
        ),
        # Christmas Eve 2025 is a Wednesday, a (half-day) session.
        ("what was WTI on Christmas Eve?", ["WTI"], D(2025, 12, 24), D(2025, 12, 24), None),
        ("How did XLF do on Presidents' Day?", ["XLF"], D(2026, 2, 13), D(2026, 2, 13), None),
        (
            "Which of the eleven S&P sectors performed worst in the fourth quarter?",
            SECTORS,
            D(2025, 10, 1),
            D(2025, 12, 31),
            None,
        ),
        ("how did the S&P 500 sectors do this week", SECTORS, D(2026, 2, 16), None, None),
        (
            "Could you tell me how the Russell 2000 performed during the month of December 2025?",
            ["IWM"],
            D(2025, 12, 1),
            D(2025, 12, 31),
            None,
        ),
        (
            "Give me IWM's performance between Dec 1 and Dec 31.",
            ["IWM"],
            D(2025, 12, 2),
            D(2025, 12, 31),
            None,
        ),
        (
            "Performance of XLRE, XLU and XLP since 2025-10-01?",
            ["XLRE", "XLU", "XLP"],
            D(2025, 10, 2),
            None,
            None,
        ),
        (
            "How is healthcare doing compared with staples this quarter?",
            ["XLV", "XLP"],
            D(2026, 1, 1),
            None,
            None,
        ),
        ("what did treasuries do today", ["IEF"], None, None, 1),
        ("spy ytd?", ["SPY"], D(2026, 1, 1), None, None),
        ("$XLE over the last ten trading days", ["XLE"], None, None, 10),
        ("How did the VIX change yesterday?", ["VIX"], D(2026, 2, 17), D(2026, 2, 17), None),
        (
            "Where did the Russell 2000 trade at the end of Q3 2025?",
            ["IWM"],
            D(2025, 7, 1),
            D(2025, 9, 30),
            None,
        ),
    ],
)
def test_more_windows(
    question: str, symbols: list[str], start: date | None, end: date | None,
    sessions: int | None, catalog: Catalog,
) -> None:  # fmt: skip
    got = understand(question, A, catalog)
    assert [i.symbol for i in got.instruments] == symbols, got.trace
    assert got.window is not None and got.window.explicit, got.trace
    assert (got.window.start, got.window.end, got.window.sessions) == (start, end, sessions)
    assert got.problems == [] and got.open_slots == []
    (call,) = got.calls
    assert (call.start, call.end, call.sessions) == (start, end, sessions)


def test_through_a_day_ends_the_window_there(catalog: Catalog) -> None:
    got = understand("How many consecutive sessions did XLF gain through Feb 13?", A, catalog)
    assert got.window is not None
    assert (got.window.start, got.window.end) == (None, D(2026, 2, 13))
    assert got.intent is not None and got.intent.measure == "up_streak"


def test_record_high_distance_is_a_peak_distance(catalog: Catalog) -> None:
    got = understand("How far is the S&P 500 from its record high?", A, catalog)
    assert got.intent is not None and got.intent.measure == "distance_from_peak"
    assert [i.symbol for i in got.instruments] == ["SPY"]


def test_the_sp500_for_a_return_is_spy_and_the_trace_says_so(catalog: Catalog) -> None:
    got = understand("How did the S&P 500 do in January?", A, catalog)
    assert [i.symbol for i in got.instruments] == ["SPY"]
    assert any(
        "SPY" in line and "ETF" in line for line in got.trace if line.startswith("instruments:")
    )


def test_the_sp500_index_level_is_the_index_series(catalog: Catalog) -> None:
    got = understand("What was the S&P 500 index level on Feb 2?", A, catalog)
    assert [i.symbol for i in got.instruments] == ["SP500"]
    assert got.intent is not None and got.intent.measure == "level"


def test_ten_year_yield_takes_the_series_that_covers_the_window(catalog: Catalog) -> None:
    # DGS10 holds one observation (2026-02-17); US10Y runs 1953 → 2026-06.
    latest = understand("what's the 10-year yield", A, catalog)
    assert [i.symbol for i in latest.instruments] == ["DGS10"]
    window = understand("what was the 10-year yield in November 2025", A, catalog)
    assert [i.symbol for i in window.instruments] == ["US10Y"]
    sessions = understand("10-year yield change over the last 5 sessions", A, catalog)
    assert [i.symbol for i in sessions.instruments] == ["US10Y"]
    assert sessions.intent is not None and sessions.intent.label == "change (bp)"


def test_trace_lines_name_each_settled_thing(catalog: Catalog) -> None:
    got = understand("What was XLF's best day in November 2025?", A, catalog)
    assert got.trace[0] == "instruments: XLF → XLF (S&P 500 financials sector)"
    assert got.trace[1] == (
        "window: November 2025 → from the last close before 2025-11-01 to the last close on "
        "or before 2025-11-30"
    )
    assert got.trace[2] == "measure: best day = the largest daily move in the window"


def test_snapping_is_said_in_the_trace(catalog: Catalog) -> None:
    got = understand("How did XLC do on Saturday, January 24?", A, catalog)
    assert "window: 2026-01-24 is a Saturday: the close of 2026-01-23 is used" in got.trace


def test_unknown_names_say_how_to_add_them(catalog: Catalog) -> None:
    got = understand("How did Nvidia and the Dow do this year?", A, catalog)
    fixes = {u.symbol: u.fix for u in got.unknown}
    assert fixes == {
        "NVDA": "market-copilot ingest online --yahoo NVDA",
        "DIA": "market-copilot ingest online --yahoo DIA",
    }
    assert got.instruments == [] and got.calls == []


def test_a_fred_series_fix_uses_fred(catalog: Catalog) -> None:
    got = understand("what is the unemployment rate", A, catalog)
    (unknown,) = got.unknown
    assert unknown.symbol == "UNRATE"
    assert unknown.fix == "market-copilot ingest online --fred UNRATE"


def test_context_words_not_stored_are_not_reported_beside_a_stored_subject(
    catalog: Catalog,
) -> None:
    got = understand("how did stocks do as the fed funds rate fell in Q4?", A, catalog)
    assert [i.symbol for i in got.instruments] == ["SPY"]
    assert got.unknown == []


def test_shouted_questions_do_not_turn_words_into_tickers(catalog: Catalog) -> None:
    got = understand("HOW DID XLE DO THIS YEAR", A, catalog)
    assert [i.symbol for i in got.instruments] == ["XLE"]
    assert got.unknown == []
    assert got.window is not None and got.window.start == D(2026, 1, 1)


def test_every_phrasing_is_deterministic(catalog: Catalog) -> None:
    question = "Which sector got hit hardest last week, and why?"
    first, second = understand(question, A, catalog), understand(question, A, catalog)
    assert first == second
    assert first.why and first.intent is not None and first.intent.rank == "asc"


def test_registry_phrases_reach_stored_series() -> None:
    # CPI is stored under FRED's CPIAUCSL or the dataset's CPI: both are offered, in order.
    assert resolve_concept("inflation") == ["CPIAUCSL", "CPI"]
    assert resolve_concept("how did chip stocks and the 10-year do") == ["SMH", "DGS10", "US10Y"]
