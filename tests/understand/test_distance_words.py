# ruff: noqa: E501  (a table of cases reads best one case a line)
"""Distance from a peak or a trough named with its period or as a close: "its 2025 low", "this
year's low", "its highest close of 2025", "its lowest level in October". Each is the distance
from the extreme over that window (docs/windows-and-measures.md), never the extreme's level or
a move over the period. Windows worked out by hand, as-of Friday 2025-11-14."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2025, 11, 14)
D = date


@pytest.mark.parametrize(
    ("question", "symbol", "measure", "start", "end"),  # end None: through the latest close
    [
        ("How far above its 2025 low is IWM?", "IWM", "distance_from_trough", D(2025, 1, 1), None),
        ("What's the distance of GLD from its lowest close since June?", "GLD", "distance_from_trough", D(2025, 6, 1), None),
        ("How far is XLE above this year's low?", "XLE", "distance_from_trough", D(2025, 1, 1), None),
        ("How far is KRE from its highest close of 2025?", "KRE", "distance_from_peak", D(2025, 1, 1), None),
        ("How much is TLT above its lowest level in October?", "TLT", "distance_from_trough", D(2025, 10, 1), D(2025, 10, 31)),
        ("how far below this year's high is XLF", "XLF", "distance_from_peak", D(2025, 1, 1), None),
        ("How far off its highest closing price this month is SMH?", "SMH", "distance_from_peak", D(2025, 11, 1), None),
        ("How far has XLK come back from its low this month?", "XLK", "distance_from_trough", D(2025, 11, 1), None),
    ],
)  # fmt: skip
def test_distance_from_an_extreme_named_with_its_period(
    catalog: Catalog, question: str, symbol: str, measure: str, start: date, end: date | None
) -> None:
    u = understand(question, A, catalog)
    [call] = u.calls
    assert (call.symbols, call.measure, call.aggregate) == ([symbol], measure, "last")
    assert (call.start, call.end) == (start, end)


@pytest.mark.parametrize(
    ("question", "aggregate", "start"),
    [("What was XLF's lowest close this year?", "min", D(2025, 1, 1)),
     ("What was KRE's highest close in 2025?", "max", D(2025, 1, 1))],
)  # fmt: skip
def test_the_extreme_itself_stays_a_level(
    catalog: Catalog, question: str, aggregate: str, start: date
) -> None:
    [call] = understand(question, A, catalog).calls
    assert (call.measure, call.aggregate, call.start) == ("level", aggregate, start)


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        # The extreme told by its verb is "since its peak" / "since its low" in other words
        # (found in the app: "since it topped out" was an event code cannot date, and its
        # measure the highest level).
        ("what's the damage on SLV since it topped out?", "distance_from_peak"),
        ("how much has SLV lost since it peaked?", "distance_from_peak"),
        ("how much has SLV dropped since topping out?", "distance_from_peak"),
        ("how much is SLV down since it hit its record high?", "distance_from_peak"),
        ("how far has GLD come back since it bottomed?", "distance_from_trough"),
        ("how much has SPY gained since it hit its low?", "distance_from_trough"),
    ],
)
def test_an_extreme_told_by_its_verb_is_the_distance_from_it(
    catalog: Catalog, question: str, measure: str
) -> None:
    u = understand(question, A, catalog)
    assert u.undated == "", u.trace
    [call] = u.calls
    assert (call.measure, call.aggregate, call.start, call.end) == (measure, "last", None, None)


# Found in the app: "how much ground did the nasdaq 100 give up from its high into the end of
# january?" was read over January 21-30 (the end of January as a period), so the peak was that
# of those days; "at the end of January" refused on Friday January 30, the month's last session,
# because the month's calendar end (Saturday the 31st) lay after the as-of date.
@pytest.mark.parametrize(
    "question",
    [
        "how much ground did the nasdaq 100 give up from its high into the end of january?",
        "how far below its peak was the nasdaq at the end of january?",
        "how far off its highs was QQQ going into the end of january?",
        "how far below its high was QQQ by the end of january?",
    ],
)
def test_the_distance_at_a_periods_end_is_read_at_that_close_from_all_before_it(
    catalog: Catalog, question: str
) -> None:
    friday = D(2026, 1, 30)  # January's last session (the 31st is a Saturday)
    u = understand(question, friday, catalog)
    assert not u.problems
    [call] = u.calls
    assert (call.symbols, call.measure) == (["QQQ"], "distance_from_peak")
    assert (call.start, call.end) == (None, friday)


def test_a_periods_end_after_the_as_of_date_with_a_session_between_is_still_refused(
    catalog: Catalog,
) -> None:
    # January 30 (a Friday) is a session after the as-of date January 29: it is not visible.
    u = understand("what was spy's return through the end of january?", D(2026, 1, 29), catalog)
    assert u.problems and not u.calls
    # Asked on the 30th, the month's last session is in.
    u = understand("what was spy's return through the end of january?", D(2026, 1, 30), catalog)
    assert not u.problems and [(c.start, c.end) for c in u.calls] == [(None, D(2026, 1, 30))]
