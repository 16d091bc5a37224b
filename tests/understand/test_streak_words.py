"""Runs named with 'running', 'on end', 'in succession', 'successive': a streak through the
latest close (up, down, or beating a benchmark), never a count of up days in a window."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2025, 11, 14)


@pytest.mark.parametrize(
    ("question", "symbols", "measure", "versus"),
    [
        ("Has XLK beaten QQQ for several days running? how many?", ["XLK"], "beat_streak", "QQQ"),
        ("How many sessions running has GLD closed higher?", ["GLD"], "up_streak", None),
        ("How many days in succession has XLE fallen?", ["XLE"], "down_streak", None),
        ("IWM has outperformed SPY for how many sessions on end?", ["IWM"], "beat_streak", "SPY"),
        ("How many successive up days for SMH?", ["SMH"], "up_streak", None),
        ("How many trading days running has XLF beaten SPY?", ["XLF"], "beat_streak", "SPY"),
    ],
)  # fmt: skip
def test_run_words_ask_for_a_streak(
    catalog: Catalog, question: str, symbols: list[str], measure: str, versus: str | None
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.symbols, call.measure, call.aggregate, call.versus) == (
        symbols,
        measure,
        "last",
        versus,
    )
    assert (call.start, call.end, call.sessions) == (None, None, None)  # through the latest close
