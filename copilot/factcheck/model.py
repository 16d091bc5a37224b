"""What fact-check extracts from an article and what it concludes about each claim."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from copilot.market.measure_model import MeasureArgs

FigureUnit = Literal["%", "bp", "$", "level", "points", "sessions"]
Comparator = Literal["=", ">", "<", "~"]
Mark = Literal["✓", "✗", "?"]


class Figure(BaseModel):
    """A value as the article writes it."""

    value: float = Field(description="Signed: 'fell 1.9%' is -1.9.")
    unit: FigureUnit
    comparator: Comparator = "="
    decimals: int = Field(0, description="Digits after the point as written (the precision).")
    signed: bool = Field(True, description="False when no direction word or sign was written.")
    text: str = Field(description="The words that state it, e.g. 'fell 1.9%'.")
    streak: Literal["up", "down", "beat"] | None = None


class Claim(BaseModel):
    """One checkable statement: an instrument, a measure, a window and a figure."""

    number: int
    sentence: str
    clause: str
    figure: Figure
    phrase: str = Field("", description="The words that named the instrument.")
    symbol: str | None = None
    window_label: str = ""
    call: MeasureArgs | None = None
    unresolved: str = Field("", description="Why it cannot be checked, when that is known now.")
    notes: list[str] = Field(default_factory=list)


class Checked(BaseModel):
    """A claim and its verdict."""

    claim: Claim
    mark: Mark
    right: str = Field("", description="The right value as computed, e.g. '-1.94%'.")
    right_value: float | None = None
    source: int | None = Field(None, description="The [n] of the source that computed it.")
    reason: str = ""


class Report(BaseModel):
    """The whole check of one article."""

    title: str
    as_of: date
    as_of_why: str
    checked: list[Checked]
    sources: list[dict[str, object]] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {m: sum(1 for c in self.checked if c.mark == m) for m in ("✓", "✗", "?")}

    def verdict(self) -> str:
        """'7 claims: 5 ✓, 1 ✗, 1 ?'."""
        n = len(self.checked)
        counts = self.counts()
        noun = "claim" if n == 1 else "claims"
        return f"{n} {noun}: {counts['✓']} ✓, {counts['✗']} ✗, {counts['?']} ?"
