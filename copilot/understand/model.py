"""What the question-understanding layer settles about a question (the contract between
`copilot.understand` and the answer engine)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from copilot.market.measure_model import Aggregate, MeasureArgs, MeasureName, Rank

# "implied": the whole market, named by its event alone ("the selloff")
How = Literal["ticker", "alias", "company", "sector_set", "set", "benchmark", "implied"]


class Instrument(BaseModel):
    """A stored symbol the question names."""

    symbol: str
    phrase: str = Field(description="The words that named it, as written in the question.")
    how: How
    represents: str = Field("", description="What it stands for, e.g. 'Russell 2000 small caps'.")


class UnknownName(BaseModel):
    """A name the store cannot answer for: reported, never replaced by a stand-in."""

    phrase: str
    symbol: str | None = Field(None, description="The ticker it means, when that is known.")
    reason: str = Field(description="E.g. 'NVIDIA (NVDA) is not in the market store'.")
    fix: str = Field("", description="E.g. 'market-copilot ingest online --yahoo NVDA'.")


class Window(BaseModel):
    """A calendar window per docs/windows-and-measures.md (the measure tool snaps and clips)."""

    start: date | None = Field(None, description="First calendar day; None with `sessions`.")
    end: date | None = Field(None, description="Last calendar day; None = latest data.")
    sessions: int | None = Field(None, description="The last N sessions to `end`.")
    label: str = Field(description="As the user reads it: 'November 2025', 'year to date'.")
    explicit: bool = Field(description="False when no window was named (a default applies).")
    around: date | None = Field(
        None, description="The day a vague window is centred on ('around Jan 21'), else None."
    )
    loose: bool = Field(
        False,
        description="A part of a period named loosely ('late January', 'the end of December', "
        "'around Jan 21'): the move asked about may lie inside it.",
    )


class Intent(BaseModel):
    """The measure the question asks for."""

    measure: MeasureName
    aggregate: Aggregate = "last"
    rank: Rank = "none"
    versus: str | None = None
    label: str = Field(description="As the user reads it: 'best day', 'return', 'average'.")


class Understanding(BaseModel):
    question: str
    as_of: date
    instruments: list[Instrument] = Field(default_factory=list)
    unknown: list[UnknownName] = Field(default_factory=list)
    window: Window | None = None
    intent: Intent | None = None
    direction: Literal["up", "down"] | None = Field(
        None, description="A move word's direction: 'why did X fall' is 'down'."
    )
    why: bool = Field(False, description="The question asks for reasons (why / what drove).")
    guess: str | None = Field(
        None,
        description="A cause the question puts to the test, in its words ('was it the jobs "
        "report that…' → 'the jobs report'): the articles are searched for it.",
    )
    each: str = Field(
        "",
        description="'month' / 'week': the measure over each calendar month or week; a weekday "
        "('Friday'): over each session on that weekday ('the last 3 Fridays').",
    )
    against_its_year: bool = Field(
        False, description="A level judged high or low, measured beside its past year."
    )
    periods: list[str] = Field(
        default_factory=list,
        description="Periods compared ('Q4 vs Q3', 'the week after Thanksgiving vs the week "
        "before'): each call's window as the question named it, in the calls' order.",
    )
    undated: str = Field(
        "",
        description="Period words code cannot date ('since the election', 'after the rate cap "
        "news'), left to the model; '' when none.",
    )
    window_note: str = Field(
        "",
        description="Code's words when the window measured is not the one the question named "
        "(an event code cannot date): the answer says them after the move.",
    )
    direction_note: str = Field(
        "",
        description="Code's words when the measured move runs against the question's direction "
        "('why did crude drop' when it rose over the window): the answer opens with them.",
    )
    run_end: date | None = Field(
        None,
        description="The last session of the move measured, when the question asks whether it "
        "goes on ('is the small cap run still going?'): the move since it is measured too.",
    )
    problems: list[str] = Field(
        default_factory=list,
        description="Why the question cannot be answered from the store as asked (a future "
        "date, a window before all data); each says what would fix it.",
    )
    calls: list[MeasureArgs] = Field(
        default_factory=list, description="The measures code settled, ready to run."
    )
    open_slots: list[str] = Field(
        default_factory=list,
        description="What code could not settle and the model must fill: 'instruments', "
        "'window', 'measure'.",
    )
    trace: list[str] = Field(default_factory=list, description="Shown to the user, in order.")

    def window_restated(self, window: Window, line: str, read_as: str) -> None:
        """The window code settled after the first reading ("the last 3 Fridays" for no window
        named), said in the trace in place of the lines that began `read_as`."""
        self.window = window
        self.trace = [line if said.startswith(read_as) else said for said in self.trace]
