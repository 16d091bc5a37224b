"""The typed result of a question: the answer, its sources, checks, tool calls and timings.

CLI, UI, evaluation and reports all render this one object.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from copilot.sources import DataSource, NewsSource

NumberStatus = Literal["verified", "derived", "unverified"]


class NumberCheck(BaseModel):
    """One number in the answer and what it was matched to."""

    text: str = Field(description="As written, e.g. '1.41%', '14 sessions', '$263.99'.")
    value: float
    unit: str = Field(description="'%', 'bp', '$', 'count', 'level' or 'date'.")
    start: int = Field(description="Character offset in the answer.")
    end: int
    status: NumberStatus
    source: int | None = Field(None, description="Ledger number of the matching source.")
    evidence: str = Field("", description="The tool output / chunk text that matched, or why not.")


class Verification(BaseModel):
    numbers: list[NumberCheck] = Field(default_factory=list)
    cited: list[int] = Field(default_factory=list, description="[n] that resolve, in order.")
    invalid_citations: list[int] = Field(
        default_factory=list, description="[n] that resolved to nothing and were removed."
    )
    repaired: bool = Field(False, description="A repair round rewrote the answer.")
    attributed: list[int] = Field(
        default_factory=list,
        description="[n] the verifier added to sentences the model left uncited, where a figure "
        "or most of the sentence's words trace to exactly that source.",
    )

    @property
    def unverified(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.status == "unverified"]

    @property
    def share_verified(self) -> float:
        """Verified or derived numbers over all numbers (1.0 when there are none)."""
        if not self.numbers:
            return 1.0
        return sum(n.status != "unverified" for n in self.numbers) / len(self.numbers)


class ToolCallRecord(BaseModel):
    name: str
    arguments: dict[str, object]
    output: str
    error: bool = False
    sources: list[int] = Field(default_factory=list)
    seconds: float = 0.0


class Answer(BaseModel):
    question: str
    as_of: date | None
    data_latest: date | None = Field(None, description="Latest market date visible.")
    text: str = Field(description="Markdown answer with [n] citations (invalid ones removed).")
    sources: dict[int, DataSource | NewsSource] = Field(
        default_factory=dict, description="Every source the tools returned, by ledger number."
    )
    verification: Verification = Field(default_factory=Verification)
    tool_calls: list[ToolCallRecord] = Field(default_factory=list)
    model: str = ""
    mode: str = Field("", description="Which agent strategy produced it.")
    planned_by: Literal["model", "rules"] = Field(
        "rules",
        description="Who settled the tool calls: code from the question's words "
        "(copilot.understand), or the model filling what code could not settle.",
    )
    understanding: list[str] = Field(
        default_factory=list,
        description="What code settled about the question (instruments, window, measure), "
        "one line each, as the user sees it.",
    )
    failures: list[str] = Field(
        default_factory=list,
        description="Evidence that could not be gathered, each with what would fix it.",
    )
    removed: list[str] = Field(
        default_factory=list,
        description="Sentences taken out of the answer because a figure in them stayed "
        "unsupported after the repair round (shown apart, never as fact).",
    )
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per phase.")
    tokens: dict[str, int] = Field(default_factory=dict, description="Prompt/completion tokens.")

    def cited_sources(self) -> dict[int, DataSource | NewsSource]:
        return {n: self.sources[n] for n in self.verification.cited if n in self.sources}


class AgentEvent(BaseModel):
    """Progress reported while answering: a phase, a tool starting/finishing, or a token."""

    kind: Literal["phase", "understood", "tool_started", "tool_finished", "token"]
    name: str = ""
    arguments: dict[str, object] = Field(default_factory=dict)
    text: str = ""
    error: bool = False


EventCallback = Callable[[AgentEvent], None]


class AnswerEngine(Protocol):
    """What the CLI, UI and evaluation need from an answer engine (pipeline or agent)."""

    deps: Any  # copilot.tools.ToolDeps
    mode: str

    def ask(
        self, question: str, as_of: date | None = None, on_event: EventCallback | None = None
    ) -> Answer: ...
