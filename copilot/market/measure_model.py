"""The composable market measure's arguments and result (the contract; see
docs/windows-and-measures.md for every definition).

instruments × window × measure × aggregation × comparison. The question-understanding layer
(`copilot.understand`) produces `MeasureArgs`; the measure tool (`copilot.market.measure`)
computes a `MeasureResult`; the claim checker reads its `facts`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from copilot.facts import Fact, FactUnit

MeasureName = Literal[
    "level",  # the value itself (close of a price, observation of a series)
    "return",  # the move over the window: % for prices, bp for rate series, points (+%) else
    "daily_return",  # each session's move in the window (best/worst day through max/min)
    "daily_move_size",  # each session's move in size, either way: a typical day through mean
    "weekly_return",  # each calendar week's move, from the last close of the week before
    "monthly_return",  # each calendar month's move, from the last close of the month before
    "drawdown",  # value / running max of the window - 1 (max drawdown through min)
    "distance_from_peak",  # value(end) / max over the window - 1, with the peak's date
    "distance_from_trough",  # value(end) / min over the window - 1, with the trough's date
    "up_streak",  # consecutive sessions ending at end that closed above the previous close
    "down_streak",  # … below the previous close
    "beat_streak",  # consecutive sessions ending at end whose daily return beat `versus`'s
    "up_days",  # sessions in the window with a positive daily move
    "down_days",  # sessions in the window with a negative daily move
    "up_weeks",  # calendar weeks in the window whose move (as weekly_return's) was positive
    "down_weeks",  # … negative
    "up_months",  # calendar months in the window whose move (as monthly_return's) was positive
    "down_months",  # … negative
    "up_week_streak",  # consecutive calendar weeks ending at a date whose move was positive
    "down_week_streak",  # … negative
    "up_month_streak",  # consecutive calendar months ending at a date whose move was positive
    "down_month_streak",  # … negative
    "new_highs",  # closes above every earlier close of the data, within the window
    "days_above",  # sessions in the window closing strictly above `line`
    "days_below",  # sessions in the window closing strictly below `line`
    "sma_distance",  # close(end) / mean of the last `sma_window` closes - 1
    "volatility",  # annualized sample std of the window's daily returns
    "mom",  # month over month: value / the value one month earlier - 1 (CPI inflation)
    "yoy",  # year over year: value / the value twelve months earlier - 1
]
Aggregate = Literal["last", "max", "min", "argmax", "argmin", "mean", "sum", "count"]
Rank = Literal["none", "desc", "asc"]


class MeasureArgs(BaseModel):
    """One measure over one window for one or more instruments."""

    symbols: list[str] = Field(
        min_length=1, max_length=40, description="Stored symbols (or phrases like 'small caps')."
    )
    measure: MeasureName = "return"
    aggregate: Aggregate = Field(
        "last",
        description="How the window's per-session values become one figure: last (at end), "
        "max/min (with the day), argmax/argmin (the day), mean, sum, count.",
    )
    start: date | None = Field(
        None, description="First calendar day of the window; the base is the last close before "
        "it. None with no `sessions`: see the no-window defaults."
    )  # fmt: skip
    end: date | None = Field(None, description="Last day of the window; default: latest data.")
    sessions: int | None = Field(
        None, ge=1, le=5000, description="Instead of start: the last N sessions to end."
    )
    versus: str | None = Field(
        None, description="A benchmark: compared against (difference), or for beat_streak."
    )
    rank: Rank = Field("none", description="Rank the instruments: desc = highest first.")
    sma_window: int = Field(200, ge=2, le=1000, description="For sma_distance, in sessions.")
    line: float | None = Field(
        None, description="For days_above / days_below: the level the closes are counted against."
    )

    @model_validator(mode="after")
    def _window(self) -> MeasureArgs:
        if self.start is not None and self.sessions is not None:
            raise ValueError("give start or sessions, not both")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        if self.measure == "beat_streak" and not self.versus:
            raise ValueError("beat_streak needs versus (the benchmark)")
        if self.measure in ("days_above", "days_below") and self.line is None:
            raise ValueError(f"{self.measure} needs line (the level counted against)")
        return self


class MeasureRow(BaseModel):
    """The figure for one instrument."""

    symbol: str
    value: float | None = Field(description="In `unit`; None when it cannot be computed.")
    unit: FactUnit
    on: date | None = Field(None, description="The day of an extreme / peak / trough.")
    base: date | None = Field(None, description="The reference observation's date.")
    base_value: float | None = None
    start: date | None = Field(None, description="First observation inside the window.")
    end: date | None = Field(None, description="Last observation inside the window.")
    end_value: float | None = None
    sessions: int = Field(0, description="Observations in the window.")
    rank: int | None = None
    versus_value: float | None = Field(None, description="The benchmark's figure, if any.")
    difference: float | None = Field(None, description="value - versus_value (pp for %).")
    note: str = ""
    # Added by the measure tool (additive to the contract):
    kind: Literal["price", "index", "rate", "series"] | None = Field(
        None, description="price ($ closes), index (levels), rate (% series: bp moves), series."
    )
    percent: float | None = Field(
        None, description="A series' move in % besides its points; None when the base is <= 0."
    )
    points: float | None = Field(
        None,
        description='An index\'s move in points besides its % ("the S&P 500 added 93 points").',
    )
    extreme: float | None = Field(None, description="For argmax/argmin: the extreme's value.")
    extreme_unit: FactUnit | None = None
    ref_date: date | None = Field(
        None, description="The peak, trough or run start a relative measure is read against."
    )
    ref_value: float | None = Field(None, description="The peak / trough / moving average.")
    on_value: float | None = Field(
        None, description="For a week's or a month's move: the close it ends at (on `on`)."
    )
    adjusted: bool = Field(
        False, description="Moves read from split- and dividend-adjusted closes that differ from "
        "the raw closes in this window (levels stay raw)."
    )  # fmt: skip
    released: date | None = Field(
        None, description="When the end observation became known (a series' release date)."
    )


class MeasureResult(BaseModel):
    """What the measure tool returns besides its text."""

    args: MeasureArgs
    rows: list[MeasureRow]
    definition: str = Field(description="One line: exactly what was computed.")
    notes: list[str] = Field(
        default_factory=list, description="Snapping, clipping and defaults, said to the user."
    )
    facts: list[Fact] = Field(default_factory=list)
