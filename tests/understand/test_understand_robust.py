"""Random word salads of the vocabulary: understanding never raises, and whatever it settles is
a valid, runnable measure (seeded, so a failure reproduces)."""

from __future__ import annotations

import random
from datetime import date

from copilot.understand import Catalog, understand


def _parts(text: str) -> list[str]:
    return text.split("|")


PARTS = _parts(
    "how did|XLE|SPY|small caps|Nvidia|the 10-year|vs|beat|which sector|best day|worst|since|"
    "from|to|between|and|Jan 22|Jan 24|2025|Q4|last week|this year|past 3 months|yesterday|"
    "today|on Saturday|the day after|through|lately|above 20|in a row|average|drawdown|?|'s|"
    "combined|early|the election|2026-01-05|1/9|Dec 31|the 5th|Christmas|week of Jan 5|"
    "New Year's|high and low|the first session of|a month ago|year-end|tomorrow|P/E|ETF|"
    "gold miners|S&P 500 index|over 5 days|the week before|last winter|Q4 vs Q3"
)
AS_OFS = (
    date(2026, 2, 18),
    date(2026, 1, 1),
    date(2026, 1, 24),
    date(2025, 2, 19),
    date(2030, 6, 1),
)


def test_word_salads(catalog: Catalog) -> None:
    rng = random.Random(20260218)
    for _ in range(1500):
        question = " ".join(rng.choice(PARTS) for _ in range(rng.randint(1, 9)))
        as_of = rng.choice(AS_OFS)
        got = understand(question, as_of, catalog)
        for call in got.calls:
            assert call.symbols, question
            assert call.start is None or call.end is None or call.start <= call.end, question
            assert call.end is None or call.end <= as_of, question
        if got.problems:
            assert got.calls == [], question
