"""Typed facts: what a data source states, one value at a time.

A tool that computes figures attaches them to its `DataSource` as facts, so that a claim in an
answer ("IWM returned +5.05% [1]") is checked against the fact its citation states — the same
subject, measure and window — not against any number that happens to appear somewhere.
The measure tool (`copilot.market.measure`) emits them; the claim checker (`copilot.claims`)
reads them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

# '%': a return or percent distance; 'pp': a difference of two returns; 'bp': a rate change;
# 'level': a price, index or series value ('$' when it is a price in dollars); 'points': a change
# of a non-rate series (VIX, WTI); 'sessions': a streak length or a window's length; 'count': a
# number of days/highs; 'rank': a place in a ranking; 'date': the day an extreme fell on
# (value = ordinal of the date).
FactUnit = Literal["%", "pp", "bp", "level", "$", "points", "sessions", "count", "rank", "date"]


class Fact(BaseModel):
    """One value a source states about one subject, measure and window."""

    subject: str = Field(description="The stored symbol the value is about, e.g. 'IWM'.")
    measure: str = Field(
        description="What was measured, e.g. 'return', 'level', 'max_daily_return', "
        "'beat_streak', 'rank', 'distance_from_peak', 'average', 'change'."
    )
    value: float = Field(description="Signed, in `unit` (percent as 5.05 for +5.05%).")
    unit: FactUnit
    start: date | None = Field(None, description="First day of the window (None: one day).")
    end: date | None = Field(None, description="Last day of the window, or the day of a level.")
    base: date | None = Field(None, description="The reference close a move is measured from.")
    on: date | None = Field(None, description="The day an extreme or peak fell on.")
    versus: str | None = Field(None, description="The benchmark of a comparison or beat streak.")
    of: int | None = Field(None, description="For a rank: the size of the ranked set.")
    shown: str = Field("", description="The value exactly as the source's text shows it.")

    def label(self) -> str:
        """'IWM return 2026-01-02..2026-01-22 = +5.05%' (for marks and error messages)."""
        window = f" {self.start}..{self.end}" if self.start and self.start != self.end else ""
        window = window or (f" {self.end}" if self.end else "")
        versus = f" vs {self.versus}" if self.versus else ""
        return f"{self.subject} {self.measure}{versus}{window} = {self.shown or self.value}"
