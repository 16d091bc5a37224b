"""After an event, asked of a move, is the event's reaction, its own session, as "after the
jobs report on January 9" was: "why did stocks drop after the fed meeting in december?" had been
read as December 10 to the latest close (seven weeks, in which SPY rose). "Since", or a move
said to go on ("kept rising after", "how has gold done after", "in the weeks after"), still runs
from the event's close to the latest. The Fed named with its month ("the FOMC in December") or
by its chair's press conference is that decision. Windows worked out by hand from the Fed's
calendar (2025-12-10, 2026-01-28) and the BLS schedule (jobs 2026-01-09, CPI 2026-01-13); as of
Friday 2026-01-30."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)
D = date


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "why did stocks drop after the fed meeting in december?",
            D(2025, 12, 10),
            D(2025, 12, 10),
        ),
        (
            "what happened to gold after the fed decision in december?",
            D(2025, 12, 10),
            D(2025, 12, 10),
        ),
        ("why did bonds rally after the jobs report in january?", D(2026, 1, 9), D(2026, 1, 9)),
        (
            "why did small caps jump after the cpi report in january?",
            D(2026, 1, 13),
            D(2026, 1, 13),
        ),
        # the Fed named with its month, or by the chair's press conference
        ("why did gold slide after the fomc in december?", D(2025, 12, 10), D(2025, 12, 10)),
        ("how did silver react to the fed in december?", D(2025, 12, 10), D(2025, 12, 10)),
        (
            "why did stocks rally after powell's press conference in december?",
            D(2025, 12, 10),
            D(2025, 12, 10),
        ),
        ("why did gold jump after powell's december presser?", D(2025, 12, 10), D(2025, 12, 10)),
        ("why did tech fall after Powell's press conference", D(2026, 1, 28), D(2026, 1, 28)),
        # since it, or a move that went on: from its close to the latest
        ("how has gold done since the fed meeting in december?", D(2025, 12, 11), None),
        ("how has gold done after the fed meeting in december?", D(2025, 12, 11), None),
        ("why did small caps keep rising after the december fed meeting?", D(2025, 12, 11), None),
        (
            "how did copper trade in the weeks after the december fed meeting?",
            D(2025, 12, 11),
            None,
        ),
    ],
)
def test_after_an_event_is_its_reaction(
    catalog: Catalog, question: str, start: date, end: date | None
) -> None:
    u = understand(question, A, catalog)
    assert not u.open_slots and not u.problems, u.trace
    assert [(c.start, c.end) for c in u.calls] == [(start, end)], u.trace


@pytest.mark.parametrize(
    "question",
    [
        "why did stocks rally after powell spoke at jackson hole?",  # a speech, not a decision
        "why did stocks rally after the fed in q4?",  # the quarter dates it
    ],
)
def test_no_decision_day_where_none_was_named(catalog: Catalog, question: str) -> None:
    u = understand(question, A, catalog)
    assert not any("Fed decision of" in line for line in u.trace), u.trace
