"""Conversation memory: a follow-up reuses what the previous turn settled.

"And QQQ?" after "how did IWM do this year?" keeps the window and the measure and swaps the
instrument; "what about the week before?" keeps the instrument and the measure and moves the
window back by one week; "and in December?" keeps the instrument. What is carried over is said
in the trace ("… (from the previous question)"), and the model's prompt gets a short summary of
the earlier turns within a character budget.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, Field, ValidationError

from copilot.market.measure_model import MeasureArgs
from copilot.understand.model import Understanding, Window

SUMMARY_CHARS = 600  # ~150 tokens of earlier turns in the write prompt
_SHIFT = re.compile(
    r"\b(?:the\s+)?(day|session|week|month|quarter|year)\s+(?:before|prior|earlier)\b|"
    r"\bthe\s+(?:previous|prior)\s+(day|session|week|month|quarter|year)\b",
    re.I,
)


class Turn(BaseModel):
    """What a later question may lean on: what was settled, and the answer's first sentence."""

    question: str
    settled: Understanding
    answer_summary: str = ""


class Memory(BaseModel):
    turns: list[Turn] = Field(default_factory=list)

    @property
    def previous(self) -> Understanding | None:
        return self.turns[-1].settled if self.turns else None

    def remember(self, question: str, settled: Understanding | None, answer: str) -> None:
        if settled is not None:
            first = answer.strip().split("\n")[0][:200]
            self.turns.append(Turn(question=question, settled=settled, answer_summary=first))

    def summary(self, budget: int = SUMMARY_CHARS) -> str:
        """The latest turns, newest last, as many as fit in `budget` characters."""
        lines: list[str] = []
        used = 0
        for turn in reversed(self.turns):
            line = f"Q: {turn.question} A: {turn.answer_summary}"
            if used + len(line) > budget:
                break
            lines.insert(0, line)
            used += len(line)
        return "\n".join(lines)


def follow_up(new: Understanding, previous: Understanding | None) -> Understanding:
    """`new` with the slots it left open filled from `previous` (a copy; `new` is unchanged)."""
    if previous is None or new.problems or new.unknown:
        return new
    settled = new.model_copy(deep=True)
    carried: list[str] = []
    # "was the selloff about greenland?" after a question on XLE: the selloff is XLE's, not the
    # whole market's its event alone would name
    implied = bool(settled.instruments) and all(i.how == "implied" for i in settled.instruments)
    if (not settled.instruments or implied) and previous.instruments:
        settled.instruments = list(previous.instruments)
        _drop_slot(settled, "instruments")
        carried.append("instruments: " + ", ".join(i.symbol for i in settled.instruments))
    shift = _SHIFT.search(new.question)
    if shift and previous.window is not None and previous.window.explicit:
        moved = _shifted(previous.window, (shift.group(1) or shift.group(2)).lower())
        if moved is not None:
            settled.window = moved
            carried.append(f"window: {moved.label}")
    elif (settled.window is None or not settled.window.explicit) and _explicit(previous.window):
        settled.window = previous.window
        carried.append(f"window: {previous.window.label}")  # type: ignore[union-attr]
    if (settled.intent is None or "measure" in settled.open_slots) and previous.intent:
        settled.why = settled.why or previous.why  # "and QQQ?" after a why-question asks why
        settled.intent = previous.intent
        _drop_slot(settled, "measure")
        carried.append(f"measure: {previous.intent.label}")
    if not carried:
        return new
    settled.trace = [line for line in settled.trace if not _replaced(line, carried)]
    settled.trace += [f"{line} (from the previous question)" for line in carried]
    settled.calls = _calls(settled) if not settled.open_slots else []
    return settled


def _explicit(window: Window | None) -> bool:
    return window is not None and window.explicit


def _drop_slot(settled: Understanding, slot: str) -> None:
    settled.open_slots = [s for s in settled.open_slots if s != slot]


def _replaced(line: str, carried: list[str]) -> bool:
    """A trace line about a slot the previous question now fills."""
    topic = line.split(":", 1)[0]
    return any(c.startswith(f"{topic}:") for c in carried)


def _shifted(window: Window, unit: str) -> Window | None:
    """The same window moved back one `unit` (calendar days, weeks, months …)."""
    if window.start is None or window.end is None:
        return None
    step = {
        "day": relativedelta(days=1), "session": relativedelta(days=1),
        "week": relativedelta(weeks=1), "month": relativedelta(months=1),
        "quarter": relativedelta(months=3), "year": relativedelta(years=1),
    }[unit]  # fmt: skip
    start: date = window.start - step
    end: date = window.end - step
    if unit in ("day", "session"):
        start = end = _weekday_before(window.start)
    label = f"the {unit} before ({start} to {end})" if start != end else f"{start}"
    return Window(start=start, end=end, label=label, explicit=True)


def _weekday_before(day: date) -> date:
    """The weekday before `day` (the measure snaps a holiday to the session before it)."""
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _calls(settled: Understanding) -> list[MeasureArgs]:
    intent, window = settled.intent, settled.window
    if intent is None or not settled.instruments:
        return []
    fields: dict[str, object] = {
        "symbols": [i.symbol for i in settled.instruments],
        "measure": intent.measure, "aggregate": intent.aggregate, "rank": intent.rank,
        "versus": intent.versus,
    }  # fmt: skip
    if window is not None:
        fields.update(start=window.start, end=window.end, sessions=window.sessions)
    try:
        return [MeasureArgs.model_validate(fields)]
    except ValidationError:
        return []
