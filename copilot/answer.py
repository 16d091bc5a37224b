"""The typed result of a question: the answer, its sources, checks, tool calls and timings.

CLI, UI, evaluation and reports all render this one object.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from copilot.sources import DataSource, NewsSource

NumberStatus = Literal["verified", "moved", "derived", "contradicted", "unverified"]
# A figure counts as checked when its final citation states it (moved: after the correction) or
# it follows through a declared relation.
CHECKED: frozenset[str] = frozenset({"verified", "moved", "derived"})
FLAGGED: frozenset[str] = frozenset({"contradicted", "unverified"})


class NumberCheck(BaseModel):
    """One figure (or date) in the answer: the claim it makes and what it was checked against."""

    text: str = Field(description="As written, e.g. '1.41%', '14 sessions', '$263.99'.")
    value: float
    unit: str = Field(description="'%', 'pp', 'bp', '$', 'points', 'count', 'rank', 'level', "
                      "'date' or 'year'.")  # fmt: skip
    start: int = Field(description="Character offset in the answer.")
    end: int
    status: NumberStatus
    source: int | None = Field(None, description="Ledger number of the matching source.")
    evidence: str = Field("", description="The tool output / chunk text that matched, or why not.")
    kind: Literal["figure", "date"] = Field(
        "figure", description="Dates and years are checked but kept out of the figure score."
    )
    subject: list[str] = Field(default_factory=list, description="The instrument it is about.")
    measure: str | None = Field(None, description="What the words say was measured.")
    fact: str = Field("", description="The stated fact it was checked against (its label).")
    relation: str = Field("", description="For 'derived': the declared relation used.")
    cited: list[int] = Field(default_factory=list, description="The [n] its sentence cited.")
    corrected_to: int | None = Field(
        None, description="For 'moved': the source now cited for it (the text was corrected)."
    )

    def mark_note(self) -> str:
        """What the mark means for this figure, with the fact it was checked against."""
        fact = self.fact or self.evidence
        if self.status == "moved":
            was = ", ".join(f"[{n}]" for n in self.cited) or "no source"
            return f"cited {was}; stated by [{self.corrected_to}]: {fact}"
        if self.status == "derived":
            return f"{self.relation} ({fact})"
        if self.status == "contradicted":
            where = f"[{self.source}] states " if self.source is not None else ""
            return f"contradicted: {where}{fact}"
        if self.status == "unverified":
            return "no source states it"
        return f"[{self.source}] {fact}" if self.source is not None else fact


ReasonStatus = Literal["supported", "unsupported"]


class ReasonCheck(BaseModel):
    """A sentence that gives a reason, a superlative or a comparative verdict ("silver did
    better"), and whether its source supports it."""

    text: str
    start: int
    end: int
    kind: Literal["reason", "superlative", "verdict", "name"]
    status: ReasonStatus
    source: int | None = Field(None, description="The cited article that supports it best.")
    score: float = Field(0.0, description="Support score (reasons) against the threshold.")
    judged: float | None = Field(
        None, description="A reason the score accepted, read again: the judge's p(yes)."
    )
    stated: bool = Field(
        False, description="A reason whose cited article states its cause in a sentence of its "
        "own: supported by those words, neither the score nor the judge deciding.",
    )  # fmt: skip
    evidence: str = Field("", description="The passage that supports it, or why not.")

    @property
    def contradicted(self) -> bool:
        """A verdict or an instrument's name its source contradicts: cut from the answer like a
        contradicted figure ("gold did better" where silver ranks first; "XLY (Healthcare)")."""
        return self.kind in ("verdict", "name") and self.status == "unsupported"


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
    reasons: list[ReasonCheck] = Field(
        default_factory=list, description="Reasons and superlatives, checked against sources."
    )
    corrected: list[int] = Field(
        default_factory=list, description="[n] put in place of a wrong citation (moved figures)."
    )

    @property
    def figures(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.kind == "figure"]

    @property
    def dates(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.kind == "date"]

    @property
    def unverified(self) -> list[NumberCheck]:
        """Figures and dates that did not check out: no source, or contradicted by one."""
        return [n for n in self.numbers if n.status in FLAGGED]

    @property
    def contradicted(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.status == "contradicted"]

    @property
    def unsupported(self) -> list[ReasonCheck]:
        return [r for r in self.reasons if r.status == "unsupported"]

    @property
    def share_verified(self) -> float:
        """Checked figures (verified, moved, derived) over all figures — dates and years are
        reported apart (1.0 when there are none)."""
        figures = self.figures
        if not figures:
            return 1.0
        return sum(n.status in CHECKED for n in figures) / len(figures)


class ToolCallRecord(BaseModel):
    name: str
    arguments: dict[str, object]
    output: str
    error: bool = False
    sources: list[int] = Field(default_factory=list)
    seconds: float = 0.0
    note: str = Field("", description="Code's own sentence on the result (e.g. a guess checked).")


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
        "unsupported after the repair round, or (a why-answer) a drafted reason withheld before "
        "it was shown: a figure no source bears out, or a measured instrument said to move the "
        "other way (shown apart, never as fact).",
    )
    premises: list[NumberCheck] = Field(
        default_factory=list,
        description="Figures the question stated that the measured evidence contradicts (a "
        "false premise): each with the fact it was checked against; the answer opens with the "
        "correction.",
    )
    written: str = Field(
        "",
        description="The model's own text (tidied), before checking: the sentences the model "
        "wrote, with the citations it chose (code's lines and the checker's edits are not in it; "
        "a why-answer's drafted reasons are all in it, the withheld ones too).",
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
