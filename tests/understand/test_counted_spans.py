# ruff: noqa: E501  (a table of cases reads best one case a line)
"""A count of sessions on one side of a day ("the 5 sessions after January 5"), and a count from
an event code cannot date ("the 5 sessions since the Maduro news").

Sessions counted by hand from the NYSE calendar: January 2026 has sessions on the 2nd, 5th–9th,
12th–16th and 20th–23rd (MLK Day, the 19th, closed); December 2025 on the 22nd–24th, 26th and
29th–31st (Christmas closed). The CPI report of December came out on January 13, 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date
AS_OF = D(2026, 1, 30)

# fmt: off
COUNTED = [
    ("how did XLE do in the 5 sessions after January 5?", "XLE", D(2026, 1, 6), D(2026, 1, 12)),
    ("how did XLE do in the 3 sessions following Jan 5?", "XLE", D(2026, 1, 6), D(2026, 1, 8)),
    ("XLE over the 5 trading days since January 5", "XLE", D(2026, 1, 6), D(2026, 1, 12)),
    ("how did TLT do in the 3 trading days before the CPI report?", "TLT", D(2026, 1, 8), D(2026, 1, 12)),
    ("how did SPY do in the 2 sessions before MLK day?", "SPY", D(2026, 1, 15), D(2026, 1, 16)),
    ("gold in the four sessions after christmas", "GLD", D(2025, 12, 26), D(2025, 12, 31)),
]
# fmt: on


@pytest.mark.parametrize(("question", "symbol", "start", "end"), COUNTED)
def test_a_count_of_sessions_beside_a_day_is_that_many_sessions(
    question: str, symbol: str, start: date, end: date, catalog: Catalog
) -> None:
    # Had been read as "since January 5" (the count lost) or as January 5 alone.
    got = understand(question, AS_OF, catalog)
    assert [i.symbol for i in got.instruments] == [symbol], got.trace
    assert got.window is not None and (got.window.start, got.window.end) == (start, end), got.trace


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "what's oil done in the 5 sessions since the Maduro news?",
            "the 5 sessions since the Maduro news",
        ),
        (
            "how did gold do the two days after the Greenland headlines?",
            "the two days after the Greenland headlines",
        ),
    ],
)
def test_a_count_from_an_event_code_cannot_date_is_said_back(
    question: str, said: str, catalog: Catalog
) -> None:
    # Had been measured as the latest 5 sessions, said only in the trace.
    got = understand(question, AS_OF, catalog)
    assert got.window is None, got.trace
    assert got.undated == said and "window" in got.open_slots, got.trace


def test_the_latest_sessions_counted_are_still_the_latest(catalog: Catalog) -> None:
    got = understand("how did SPY do in the last 5 sessions?", AS_OF, catalog)
    assert got.window is not None and got.window.sessions == 5, got.trace
    # "the days since Christmas" counts nothing: since Christmas, as before.
    got = understand("how did SPY do the days since christmas?", AS_OF, catalog)
    assert got.window is not None and got.window.end is None, got.trace
