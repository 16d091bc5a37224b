"""Sessions on one weekday — "the last 3 Fridays", "on Mondays this month", "every Friday in
January" — measured one call per session (had been the latest session's move, silently).

Dates by hand from the NYSE calendar: the Fridays of January 2026 are the 2nd, 9th, 16th, 23rd
and 30th; its Mondays the 5th, 12th and 26th (the 19th is MLK Day, closed); the Fridays of April
2025 the 4th, 11th and 25th (the 18th is Good Friday, closed).
"""

from __future__ import annotations

from datetime import date

import pytest

from copilot.understand import Catalog, understand

D = date
AS_OF = D(2026, 1, 30)


@pytest.mark.parametrize(
    ("question", "as_of", "days", "each"),
    [
        ("how did SPY do the last 3 Fridays", AS_OF,
         [D(2026, 1, 16), D(2026, 1, 23), D(2026, 1, 30)], "Friday"),
        ("how did QQQ do on Mondays this month", AS_OF,
         [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 26)], "Monday"),
        ("each Monday in January, how did QQQ do?", AS_OF,
         [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 26)], "Monday"),
        ("SPY every Friday in January", AS_OF,
         [D(2026, 1, 2), D(2026, 1, 9), D(2026, 1, 16), D(2026, 1, 23), D(2026, 1, 30)],
         "Friday"),
        ("how did tech do the past few Mondays", AS_OF,
         [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 26)], "Monday"),
        ("how did SPY do on Fridays in April 2025", D(2025, 5, 2),
         [D(2025, 4, 4), D(2025, 4, 11), D(2025, 4, 25)], "Friday"),
        # No window named: the last eight.
        ("how did SPY do on Fridays", AS_OF,
         [D(2025, 12, 12), D(2025, 12, 19), D(2025, 12, 26), D(2026, 1, 2), D(2026, 1, 9),
          D(2026, 1, 16), D(2026, 1, 23), D(2026, 1, 30)], "Friday"),
    ],
)  # fmt: skip
def test_each_session_on_the_weekday_is_measured(
    question: str, as_of: date, days: list[date], each: str, catalog: Catalog
) -> None:
    got = understand(question, as_of, catalog)
    assert [(c.start, c.end) for c in got.calls] == [(d, d) for d in days], got.trace
    assert got.each == each


def test_one_weekday_named_is_that_day(catalog: Catalog) -> None:
    got = understand("what did SPY do on Friday", AS_OF, catalog)
    assert [(c.start, c.end) for c in got.calls] == [(AS_OF, AS_OF)] and not got.each


def test_a_why_question_over_a_weekday_set_says_it_explains_one_move(catalog: Catalog) -> None:
    got = understand("why did SPY fall the last 3 Fridays", AS_OF, catalog)
    assert got.problems and "Fridays are separate sessions" in got.problems[0]
