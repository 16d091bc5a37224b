"""Options expiration named instead of dated ("how did SPY do on opex?" had measured the latest
session, silently). Expected days by hand from the calendar: the third Friday of January 2026
is the 16th (Fridays 2, 9, 16), of December 2025 the 19th (5, 12, 19); April 2025's third
Friday, the 18th, was Good Friday, so its options expired on Thursday the 17th."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand
from copilot.understand.opex import expiration_day

A = date(2026, 1, 30)
D = date


@pytest.mark.parametrize(
    ("question", "as_of", "start", "end"),
    [
        # the latest on or before the as-of date
        ("how did spy do on opex?", A, D(2026, 1, 16), D(2026, 1, 16)),
        ("how did spy do on opex?", D(2026, 1, 12), D(2025, 12, 19), D(2025, 12, 19)),
        ("how did qqq trade on options expiration day", A, D(2026, 1, 16), D(2026, 1, 16)),
        # triple (or quad) witching: a quarter's last month's
        ("how did tech trade on triple witching?", A, D(2025, 12, 19), D(2025, 12, 19)),
        ("what did iwm do on quad witching", A, D(2025, 12, 19), D(2025, 12, 19)),
        # the month named, before the name or after it
        ("what did qqq do on december opex?", A, D(2025, 12, 19), D(2025, 12, 19)),
        ("why did stocks climb on opex in december?", A, D(2025, 12, 19), D(2025, 12, 19)),
        # the usual words around a day apply
        ("since the january options expiration how has iwm done?", A, D(2026, 1, 17), None),
        ("how did the vix act the week of opex?", A, D(2026, 1, 12), D(2026, 1, 16)),
    ],
)  # fmt: skip
def test_an_options_expiration_named_is_its_day(
    catalog: Catalog, question: str, as_of: date, start: date, end: date | None
) -> None:
    got = understand(question, as_of, catalog)
    assert got.window is not None, got.trace
    assert (got.window.start, got.window.end) == (start, end), got.trace


def test_the_expiration_is_said_back_with_its_day(catalog: Catalog) -> None:
    got = understand("how did spy do on opex?", A, catalog)
    assert got.window is not None
    assert got.window.label == "the options expiration of 2026-01-16"


def test_a_third_friday_the_market_is_shut_expires_the_session_before() -> None:
    assert expiration_day(2025, 4) == D(2025, 4, 17)
    assert expiration_day(2026, 1) == D(2026, 1, 16)
