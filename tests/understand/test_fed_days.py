# ruff: noqa: E501  (a table of cases reads best one case a line)
"""A Fed decision named instead of dated is the FOMC statement day of the Fed's published
calendar (2025-12-10 and 2026-01-28 around these questions): found reading new phrasings, the
answer had said it could not date "the day after the Fed cut rates in December". Windows
worked out by hand; as of Friday 2026-01-30."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 1, 30)
D = date


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("how has gold done since the fed's december meeting?", D(2025, 12, 11), None),  # from its close
        ("how did the s&p do the day after the fed cut rates in december?", D(2025, 12, 11), D(2025, 12, 11)),
        ("how did bonds react to the last fed meeting?", D(2026, 1, 28), D(2026, 1, 28)),
        ("why did stocks move on fed day in december?", D(2025, 12, 10), D(2025, 12, 10)),
        # the week on that side of it, as for any day ("ahead of Christmas")
        ("what did tlt do ahead of the january fed decision?", D(2026, 1, 21), D(2026, 1, 27)),
        ("how did gold trade in the week after the december fed meeting?", D(2025, 12, 11), D(2025, 12, 17)),
        ("how did gold do before the december fed meeting?", None, D(2025, 12, 9)),
        # had been left open as an event: the latest meeting's week, Monday to Friday
        ("how did gold behave in the week of the fed meeting?", D(2026, 1, 26), None),  # so far
    ],
)  # fmt: skip
def test_a_fed_decision_named_is_its_day(
    catalog: Catalog, question: str, start: date | None, end: date | None
) -> None:
    u = understand(question, A, catalog)
    assert not u.open_slots and not u.problems, u.trace
    assert [(c.start, c.end) for c in u.calls] == [(start, end)]
    assert any("Fed decision of" in line for line in u.trace)


@pytest.mark.parametrize(
    "question",
    [
        "why did stocks rise on fed rate cut hopes?",  # a cut hoped for, no decision
        "how will stocks do into the next fed meeting?",  # not yet held
    ],
)
def test_no_decision_is_dated_where_none_was_named_or_held(catalog: Catalog, question: str) -> None:
    u = understand(question, A, catalog)
    assert not any("Fed decision of" in line for line in u.trace), u.trace


def test_a_decision_before_the_calendar_stays_an_event(catalog: Catalog) -> None:
    """As of 2025-12-05 the December decision is still to come, and the calendar holds no
    earlier December: the words stay an event the answer cannot date."""
    u = understand("how has gold done since the fed's december meeting?", D(2025, 12, 5), catalog)
    assert u.open_slots == ["window"]


def test_a_cut_hoped_for_is_no_decision(catalog: Catalog) -> None:
    """'a Fed cut in March', asked in January 2026, is a cut hoped for: it had been dated to
    the March 2025 decision (found reading the diff again)."""
    from copilot.understand.fed_days import fed_decisions

    assert fed_decisions("will stocks rally on a fed cut in march?", A) == []
    # the same month with "the", a decision held: March 2025's
    assert [d for *_, d in fed_decisions("since the fed's march meeting", A)] == [D(2025, 3, 19)]
