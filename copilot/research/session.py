"""`ResearchSession`: the API behind `market-copilot research` and the UI's report page.

session = ResearchSession(deps, llm)
plan = session.propose_plan("Why did small caps rally in January 2026?", as_of)
plan = plan.drop("s3")                       # the user edits, or accepts as is
report = session.run(plan, on_event=print)   # live progress: ResearchEvent objects
session.render("md" | "html" | "pdf")        # str, str, bytes
session.save_bundle(path)                    # replay: replay_report(path)
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Literal

from copilot.answering.company_news import outside_companies
from copilot.errors import CopilotError, NoEvidenceError
from copilot.llm.base import LLM, SupportsYesNo
from copilot.research.budget import BudgetExhausted, BudgetTracker
from copilot.research.bundle import load_bundle, prompt_digests, save_bundle
from copilot.research.chart import chart_series
from copilot.research.drivers import drivers_section, moved_symbols, recording, write_drivers
from copilot.research.executor import execute
from copilot.research.export import html_to_pdf, to_html
from copilot.research.markdown import to_markdown
from copilot.research.models import (
    Budget,
    LLMCallRecord,
    RejectedStep,
    RelatedArticle,
    ResearchCallback,
    ResearchEvent,
    ResearchPlan,
    ResearchRecord,
)
from copilot.research.planner import default_plan, parse_plan, plan_request, system_message
from copilot.research.report import Report, analysis_focus, build_report
from copilot.research.sections import section_specs
from copilot.research.summary import premise_notes, summary_spec
from copilot.research.writer import SectionWriter, evidence_text
from copilot.sources import NewsSource
from copilot.tools import ToolDeps
from copilot.understand import Catalog

Format = Literal["md", "html", "pdf"]
PLAN_MAX_TOKENS = 500
RELATED_K = 5


class ResearchSession:
    """One report: propose a plan, run it (execute → write → verify), render, save a bundle."""

    def __init__(self, deps: ToolDeps, llm: LLM, budget: Budget | None = None) -> None:
        self.deps = deps
        self.llm = llm
        self.budget = budget or Budget.from_settings(deps.settings)
        self.tracker = BudgetTracker(self.budget)
        self.calls: list[LLMCallRecord] = []
        self.plan_seconds = 0.0
        self.record: ResearchRecord | None = None
        self.report: Report | None = None

    def _judging(self) -> SupportsYesNo | None:
        """The model that reads the drivers' reasons again, when it can and is allowed to."""
        llm = self.llm
        return llm if self.deps.settings.cause_judge and isinstance(llm, SupportsYesNo) else None

    def _as_of(self, as_of: date | None) -> tuple[date, date | None]:
        store = self.deps.market
        latest = store.latest_date(as_of) if store is not None else None
        effective = as_of or self.deps.as_of or latest or date.today()
        self.deps.as_of = effective
        return effective, latest

    def propose_plan(self, topic: str, as_of: date | None = None) -> ResearchPlan:
        """The plan (one constrained-JSON call: the model's steps and sub-questions, or only
        the sub-questions when code planned the topic's why-evidence), validated, with
        safeguards."""
        t0 = time.perf_counter()
        day, latest = self._as_of(as_of)
        writer = SectionWriter(self.llm, system_message(self.deps), self.tracker,
                               lambda _e: None, self.calls)  # fmt: skip
        try:
            messages, schema = plan_request(self.deps, topic.strip(), day, latest)
            response = writer.call("plan", "plan", messages, None, schema, PLAN_MAX_TOKENS)
            plan = parse_plan(response.text, topic.strip(), day, self.budget, self.deps)
            if not response.text:  # the model's plan was unusable: the default plan, said so
                problem = "the model's plan was not valid JSON (cut off?); default steps used"
                plan = plan.model_copy(update={"rejected": [RejectedStep(raw={}, problem=problem)]})
        except BudgetExhausted:
            plan = default_plan(self.deps, topic.strip(), day, self.budget)
        self.plan_seconds = time.perf_counter() - t0
        return plan

    def run(self, plan: ResearchPlan, on_event: ResearchCallback | None = None) -> Report:
        """Execute the (accepted, maybe edited) plan, write, verify; the budget is a hard stop."""
        emit = on_event or (lambda _e: None)
        day, latest = self._as_of(plan.as_of)
        if plan.budget != self.budget:
            self.budget = self.tracker.budget = plan.budget
        self.tracker.started = time.perf_counter() - self.plan_seconds  # approval time excluded
        emit(ResearchEvent(kind="phase", name="execute", detail=f"{len(plan.steps)} steps"))
        t0 = time.perf_counter()
        steps, stopped = execute(self.deps, plan.steps, self.tracker, emit)
        if not any(s.status == "ok" for s in steps):  # no prose is written from nothing
            failed = "; ".join(f"{s.tool}: {s.output.removeprefix('Error: ')}" for s in steps)
            raise NoEvidenceError(
                f"no report: none of the plan's {len(steps)} steps produced evidence "
                f"({failed or 'the plan has no steps'}). Check the topic's dates and symbols "
                "(`market-copilot market status`), then run it again."
            )
        timings = {"plan": self.plan_seconds, "execute": time.perf_counter() - t0}
        record = ResearchRecord(
            topic=plan.topic, as_of=day, data_latest=latest, plan=plan, steps=steps,
            sources=[s for _, s in self.deps.ledger.items()], model_id=self.llm.model_id,
            model_settings=self._model_settings(), prompt_digests=prompt_digests(),
            chart=chart_series(self.deps, steps, day), related=self._related(plan.topic),
        )  # fmt: skip
        off_sector: dict[str, str] = {}  # drafts withheld as a company's news outside the sector
        judged: dict[str, float] = {}  # the drivers' reasons read again (the cause judge)
        if stopped is None:
            emit(ResearchEvent(kind="phase", name="write"))
            t1 = time.perf_counter()
            focus = analysis_focus(steps)
            writer = SectionWriter(self.llm, system_message(self.deps), self.tracker, emit,
                                   self.calls)  # fmt: skip
            notes = premise_notes(plan.notes, steps)
            sections = len(section_specs(plan.sub_questions, focus))  # the calls to leave
            market = self.deps.market
            check = outside_companies(market, lambda: Catalog.from_store(market),
                                      moved_symbols(steps))  # fmt: skip
            stopped = write_drivers(writer, steps, self.deps.ledger, plan.topic, day, sections,
                                    premise=" ".join(notes),
                                    outsider=check and recording(check, off_sector))  # fmt: skip
            if stopped is None:
                # The summary of a move is written from the reasons that held up, when any did.
                drafted = record.model_copy(update={
                    "llm_calls": list(self.calls), "off_sector": dict(off_sector),
                    "cause_judged": judged,
                })  # fmt: skip
                drivers = drivers_section(drafted, self.deps.ledger, self._judging())
                judged.update(drafted.cause_judged)  # kept for the record, and a replay
                summary = summary_spec(drafted, self.deps.ledger, drivers)
                specs = section_specs(plan.sub_questions, focus, summary)
                evidence = evidence_text(steps, notes)
                stopped = writer.write(specs, plan.topic, day, evidence, self.deps.ledger)
            timings["write"] = time.perf_counter() - t1
        timings["total"] = self.tracker.elapsed()
        self.record = record.model_copy(
            update={"llm_calls": list(self.calls), "stopped": stopped, "timings": timings,
                    "off_sector": off_sector, "cause_judged": judged}
        )  # fmt: skip
        emit(ResearchEvent(kind="phase", name="verify"))
        self.report = build_report(self.record)
        return self.report

    def _related(self, topic: str) -> list[RelatedArticle]:
        """Other stored articles on the topic (not already among the references)."""
        if self.deps.news is None:
            return []
        from copilot.news.search import published_label, search_news

        used = {s.article_id for _, s in self.deps.ledger.items() if isinstance(s, NewsSource)}
        try:
            hits = search_news(self.deps.news, topic, RELATED_K * 3, as_of=self.deps.as_of)
        except CopilotError:
            return []
        related = [
            RelatedArticle(title=h.title, publisher=h.publisher, published=published_label(h),
                           url=h.url, chunk_id=h.chunk_id)
            for h in hits if h.article_id not in used
        ]  # fmt: skip
        return related[:RELATED_K]

    def _model_settings(self) -> dict[str, object]:
        s = self.deps.settings
        return {
            "llm_provider": s.llm_provider, "local_model_path": str(s.local_model_path or ""),
            "local_n_ctx": s.local_n_ctx, "openai_model": s.openai_model,
            "openai_base_url": s.openai_base_url or "", "temperature": 0.0,
            "budget": self.budget.model_dump(),
        }  # fmt: skip

    def render(self, fmt: Format = "md") -> str | bytes:
        if self.report is None:
            raise RuntimeError("run() the plan before rendering")
        return render(self.report, fmt)

    def save_bundle(self, path: Path) -> Path:
        if self.record is None:
            raise RuntimeError("run() the plan before saving its bundle")
        return save_bundle(self.record, path)


def render(report: Report, fmt: Format = "md") -> str | bytes:
    if fmt == "md":
        return to_markdown(report)
    if fmt == "html":
        return to_html(report)
    return html_to_pdf(to_html(report))


def replay_report(path: Path) -> Report:
    """The report a bundle was made from, rebuilt without any model or store."""
    return build_report(load_bundle(path))
