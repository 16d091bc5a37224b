"""The typed objects of a research report: its plan, what ran, what the model wrote.

Everything a report is rendered from lives in `ResearchRecord`, which is also the replay bundle:
rendering is a pure function of it, so a bundle re-renders the identical report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from copilot.settings import Settings
from copilot.sources import DataSource, NewsSource

FEEDS: tuple[str, ...] = ("analysis", "insights", "time", "summary")
StepStatus = Literal["ok", "failed", "skipped"]


class Budget(BaseModel):
    """Hard limits of one report. Reaching any of them stops the run; the report says so."""

    max_llm_calls: int = Field(12, ge=1)
    max_tokens: int = Field(40_000, ge=100, description="Prompt + completion tokens, all calls.")
    max_tool_calls: int = Field(12, ge=0)
    max_seconds: float = Field(300.0, gt=0)

    @classmethod
    def from_settings(cls, settings: Settings) -> Budget:
        """The `research_max_*` settings (COPILOT_RESEARCH_MAX_LLM_CALLS …)."""
        return cls(
            max_llm_calls=settings.research_max_llm_calls,
            max_tokens=settings.research_max_tokens,
            max_tool_calls=settings.research_max_tool_calls,
            max_seconds=settings.research_max_seconds,
        )


def tool_args_problem(tool: str, args: dict[str, Any]) -> str | None:
    """Why `args` are not valid for `tool` (None when they are)."""
    from copilot.tools import TOOLS

    spec = TOOLS.get(tool)
    if spec is None:
        return f"unknown tool {tool!r}; tools: {', '.join(sorted(TOOLS))}"
    try:
        spec.args_model.model_validate(args)
    except ValidationError as exc:
        return "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'args'}: {e['msg']}" for e in exc.errors()
        )
    return None


class PlanStep(BaseModel):
    """One tool call of the plan, validated against the tool's argument model."""

    id: str
    tool: str
    args: dict[str, Any] = Field(default_factory=dict)
    feeds: str = Field("analysis", description="The section this evidence is for.")
    why: str = ""

    @field_validator("feeds")
    @classmethod
    def _known_section(cls, value: str) -> str:
        if value not in FEEDS:
            raise ValueError(f"feeds must be one of {', '.join(FEEDS)}")
        return value

    @model_validator(mode="after")
    def _valid_args(self) -> PlanStep:
        problem = tool_args_problem(self.tool, self.args)
        if problem:
            raise ValueError(f"{self.tool}: {problem}")
        return self


class RejectedStep(BaseModel):
    """A step the model proposed that did not validate (shown to the user, never run)."""

    raw: dict[str, Any]
    problem: str


class ResearchPlan(BaseModel):
    topic: str
    as_of: date
    sub_questions: list[str] = Field(default_factory=list)
    steps: list[PlanStep] = Field(default_factory=list)
    budget: Budget = Field(default_factory=Budget)
    rejected: list[RejectedStep] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        description="Code's notes on the topic's premise (a move that ran the other way), shown "
        "first in the analysis and given to the writer.",
    )

    def next_id(self) -> str:
        used = {s.id for s in self.steps}
        n = len(self.steps) + 1
        while f"s{n}" in used:
            n += 1
        return f"s{n}"

    def drop(self, step_id: str) -> ResearchPlan:
        if step_id not in {s.id for s in self.steps}:
            raise KeyError(f"no step {step_id!r}")
        return self.model_copy(update={"steps": [s for s in self.steps if s.id != step_id]})

    def add(
        self, tool: str, args: dict[str, Any], feeds: str = "analysis", why: str = ""
    ) -> ResearchPlan:
        step = PlanStep(id=self.next_id(), tool=tool, args=args, feeds=feeds, why=why)
        return self.model_copy(update={"steps": [*self.steps, step]})

    def change(self, step_id: str, **fields: Any) -> ResearchPlan:
        """Replace fields (tool, args, feeds, why) of one step; the result is re-validated."""
        steps = []
        for step in self.steps:
            if step.id == step_id:
                step = PlanStep.model_validate({**step.model_dump(), **fields, "id": step_id})
            steps.append(step)
        if step_id not in {s.id for s in self.steps}:
            raise KeyError(f"no step {step_id!r}")
        return self.model_copy(update={"steps": steps})


class StepRecord(BaseModel):
    """What one plan step did: its input and output (with hashes) and the sources it added."""

    id: str
    tool: str
    args: dict[str, Any]
    feeds: str
    status: StepStatus
    output: str = ""
    data: dict[str, Any] = Field(default_factory=dict)
    sources: list[int] = Field(default_factory=list)
    seconds: float = 0.0
    args_sha256: str = ""
    output_sha256: str = ""


class LLMCallRecord(BaseModel):
    """One model call: which section, its prompt's hash, the output and its cost."""

    section: str
    purpose: Literal["plan", "draft", "revision"]
    prompt_sha256: str
    output: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0


class RelatedArticle(BaseModel):
    title: str
    publisher: str
    published: str
    url: str
    chunk_id: str


class ChartSeries(BaseModel):
    """Closes rebased to 100 at the window's first session, for the report's chart."""

    symbol: str
    dates: list[str]
    values: list[float]


class ResearchRecord(BaseModel):
    """Everything the report is rendered from — saved as the replay bundle."""

    version: int = 1
    topic: str
    as_of: date
    data_latest: date | None = None
    plan: ResearchPlan
    steps: list[StepRecord] = Field(default_factory=list)
    sources: list[DataSource | NewsSource] = Field(default_factory=list)
    llm_calls: list[LLMCallRecord] = Field(default_factory=list)
    related: list[RelatedArticle] = Field(default_factory=list)
    chart: list[ChartSeries] = Field(default_factory=list)
    stopped: str | None = Field(None, description="Why the budget stopped the run, if it did.")
    off_sector: dict[str, str] = Field(
        default_factory=dict,
        description="Drafted reasons (tidied) that give only the news of a listed company outside "
        "the moved market's sector, each with that company: withheld from the drivers section "
        "when drafted and in a replay (which has no market store to judge them by).",
    )
    cause_judged: dict[str, float] = Field(
        default_factory=dict,
        description="The drivers section's reasons read again by the model (the cause judge): "
        "each judging turn's digest with its p(yes), so a replay judges them the same.",
    )
    model_id: str = ""
    model_settings: dict[str, Any] = Field(default_factory=dict)
    prompt_digests: dict[str, str] = Field(default_factory=dict)
    timings: dict[str, float] = Field(default_factory=dict)

    def retrieved_chunk_ids(self) -> list[str]:
        ids = [s.chunk_id for s in self.sources if isinstance(s, NewsSource)]
        return ids + [r.chunk_id for r in self.related if r.chunk_id not in ids]

    def outputs_for(self, section: str) -> tuple[str | None, str | None]:
        """The (draft, revision) outputs recorded for `section`."""
        draft = next((c.output for c in self.llm_calls
                      if c.section == section and c.purpose == "draft"), None)  # fmt: skip
        revision = next((c.output for c in self.llm_calls
                         if c.section == section and c.purpose == "revision"), None)  # fmt: skip
        return draft, revision

    def usage(self) -> dict[str, int]:
        return {
            "llm_calls": len(self.llm_calls),
            "prompt_tokens": sum(c.prompt_tokens for c in self.llm_calls),
            "completion_tokens": sum(c.completion_tokens for c in self.llm_calls),
            "tool_calls": sum(s.status != "skipped" for s in self.steps),
        }


class ResearchEvent(BaseModel):
    """Live progress for CLI and UI."""

    kind: Literal[
        "phase", "step_started", "step_finished", "section_started", "section_finished",
        "token", "budget_stop",
    ]  # fmt: skip
    name: str = ""
    detail: str = ""
    error: bool = False


ResearchCallback = Callable[[ResearchEvent], None]
