"""The Research page: a topic → the model's plan (edit and accept it, or auto-accept) → live
progress per step and section → the checked report, with its downloads.

It drives `copilot.research.ResearchSession` exactly as `market-copilot research` does: the
budget comes from the settings (`Budget.from_settings`), the heavy parts (settings, stores, the
model) are the app's cached resources. The session lives in `st.session_state` between the plan
and the run, so the plan's model call counts against the budget and is in the replay bundle;
the market store is opened only while the planner or the run reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from copilot.errors import CopilotError
from ui import style
from ui.market_gate import StoreBusyError
from ui.research import TOPIC_KEY
from ui.resources import (
    get_llm,
    get_settings,
    market_gate,
    model_progress,
    news_store,
    store_summary,
)
from ui.safe import escape_markdown
from ui.sidebar import Controls, render_sidebar

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.elements.lib.mutable_status_container import StatusContainer

    from copilot.research import Report, ResearchEvent, ResearchPlan, ResearchSession
    from ui.research_report import Exports
    from ui.resources import UISettings

JOB_KEY = "copilot.research.job"
AUTO_KEY = "copilot.research.auto"
COUNTER_KEY = "copilot.research.jobs"
PLACEHOLDER = "e.g. Why did small caps rally in January 2026, and can it last?"
INTERRUPTED = (
    "The last run was stopped before it finished (a click or a page change while it ran). "
    "Accept the plan again to rerun it."
)
PHASES = {
    "execute": "Running the plan's tool steps…",
    "write": "Writing the report, section by section…",
    "verify": "Checking every figure and citation…",
}


@dataclass
class ResearchJob:
    """One topic's plan and, once run, its report (kept in the session between reruns)."""

    id: int
    session: ResearchSession
    plan: ResearchPlan
    model: str
    report: Report | None = None
    exports: Exports | None = None
    error: str | None = None
    hint: str | None = None
    started: bool = False
    running: bool = False


def page() -> None:
    style.inject()
    settings = get_settings()
    try:
        summary = store_summary()
    except StoreBusyError as exc:
        st.title("Research", anchor=False)
        st.warning(escape_markdown(str(exc)), icon=":material/hourglass:")
        return
    controls = render_sidebar(settings, summary, conversation=False)
    st.title("Research", anchor=False)
    if summary.empty:
        no_data()
        return
    st.caption(
        escape_markdown(f"Deep research as of {controls.as_of} with {controls.choice.label()}.")
        + " The model proposes a plan; you review it (or auto-accept); every figure in the "
        "report is cited and checked."
    )
    to_run = setup(controls, settings)
    job: ResearchJob | None = st.session_state.get(JOB_KEY)
    if job is None:
        return
    if job.running and to_run is None:
        job.running = False
        st.warning(INTERRUPTED, icon=":material/warning:")
    accepted = show_plan(job)
    to_run = to_run or accepted
    if to_run is not None:
        run(job, to_run, settings)
    elif job.report is not None and job.exports is not None:
        show_report(job)
    elif job.error is not None:
        show_error(job)


def no_data() -> None:
    from ui.navigation import data_page

    st.info(
        "**There is no market data here yet.** Research reads only data stored on this "
        "machine: import some on the Data page first.",
        icon=":material/database:",
    )
    st.page_link(data_page(), label="Go to the Data page", icon=":material/arrow_forward:")


def setup(controls: Controls, settings: UISettings) -> ResearchPlan | None:
    """Topic, auto-accept and "Propose plan"; the plan to run at once when auto-accepted."""
    topic = st.text_input("Topic", key=TOPIC_KEY, placeholder=PLACEHOLDER, max_chars=500)
    auto = st.checkbox(
        "Auto-accept the plan", key=AUTO_KEY,
        help="Run the proposed plan straight away, without reviewing it.",
    )  # fmt: skip
    if not st.button("Propose plan", type="primary", icon=":material/lightbulb:"):
        return None
    if not topic.strip():
        st.warning("Type a topic to research first.", icon=":material/edit:")
        return None
    job = propose(topic.strip(), controls, settings)
    return job.plan if job is not None and auto else None


def propose(topic: str, controls: Controls, settings: UISettings) -> ResearchJob | None:
    """The model's plan (one call), with the session kept for the run; None after an error
    (shown)."""
    from copilot.research import ResearchSession
    from copilot.sources import SourceLedger
    from copilot.tools import ToolDeps

    st.session_state.pop(JOB_KEY, None)
    status = st.status("Proposing a research plan…", expanded=False)
    try:
        llm = get_llm(controls.choice, model_progress(status))
        news = news_store()
        with market_gate().reader() as store:
            deps = ToolDeps(settings, SourceLedger(), market=store, news=news,
                            as_of=controls.as_of)  # fmt: skip
            session = ResearchSession(deps, llm)
            plan = session.propose_plan(topic, controls.as_of)
            deps.market = None  # closed on leaving the block; the run opens its own
    except (CopilotError, FileNotFoundError) as exc:
        status.update(label="Could not propose a plan", state="error")
        show_failure(str(exc) or type(exc).__name__, exc)
        return None
    status.update(label="Plan proposed", state="complete")
    number = st.session_state.get(COUNTER_KEY, 0) + 1
    st.session_state[COUNTER_KEY] = number
    job = ResearchJob(id=number, session=session, plan=plan, model=controls.choice.label())
    st.session_state[JOB_KEY] = job
    return job


def show_plan(job: ResearchJob) -> ResearchPlan | None:
    """The plan as editable tables; the plan to run when "Accept and run" was clicked."""
    from copilot.research.planner import tool_names
    from ui.research_plan import render_plan_editor

    plan = job.plan
    st.subheader("Plan", divider="gray")
    st.caption(
        escape_markdown(
            f"“{plan.topic}” as of {plan.as_of} · proposed by {job.model} · "
            f"{len(plan.steps)} tool steps, {len(plan.sub_questions)} sub-questions"
        )
    )
    return render_plan_editor(plan, tool_names(job.session.deps), key=f"copilot.research.{job.id}")


def run(job: ResearchJob, plan: ResearchPlan, settings: UISettings) -> None:
    """Run `plan` live (status and progress bar), then show the report in its place."""
    if job.started:  # a rerun: a fresh session (ledger, budget), the same model and news
        job.session = fresh_session(job.session, settings)
    job.started, job.running = True, True
    job.report = job.exports = job.error = job.hint = None
    slot = st.empty()
    with slot.container():
        execute_live(job, plan)
    job.running = False
    with slot.container():
        if job.report is not None and job.exports is not None:
            show_report(job)
        else:
            show_error(job)


def fresh_session(old: ResearchSession, settings: UISettings) -> ResearchSession:
    from copilot.research import ResearchSession
    from copilot.sources import SourceLedger
    from copilot.tools import ToolDeps

    deps = ToolDeps(settings, SourceLedger(), news=old.deps.news, as_of=old.deps.as_of)
    return ResearchSession(deps, old.llm)


def execute_live(job: ResearchJob, plan: ResearchPlan) -> None:
    from ui.research_report import build_exports

    status = st.status(PHASES["execute"], expanded=True)
    progress = Progress(status, plan)
    session = job.session
    try:
        with market_gate().reader() as store:
            session.deps.market = store
            try:
                report = session.run(plan, on_event=progress.on_event)
            finally:
                session.deps.market = None
    except (CopilotError, FileNotFoundError) as exc:
        from ui.chat import hint_for

        job.error, job.hint = str(exc) or type(exc).__name__, hint_for(exc)
        status.update(label="Could not finish the report", state="error", expanded=False)
        return
    status.update(label="Preparing the downloads (HTML, PDF, replay bundle)…")
    job.exports = build_exports(report)
    job.report = report
    label = "Report ready" if not report.partial else "Report cut short by the budget"
    status.update(label=label, state="complete", expanded=False)


class Progress:
    """Turns the session's `ResearchEvent`s into the status area and a progress bar."""

    def __init__(self, status: StatusContainer, plan: ResearchPlan) -> None:
        from copilot.research.sections import section_specs

        self.status = status
        drivers = any(step.tool == "news_drivers" for step in plan.steps)  # "What drove the move"
        self.total = len(plan.steps) + len(section_specs(plan.sub_questions, "")) + drivers
        self.done = 0
        self.bar = status.progress(0.0, text=f"0 of {self.total} steps and sections")
        self.live: DeltaGenerator | None = None
        self.text = ""

    def _advance(self) -> None:
        self.done += 1
        fraction = min(self.done / self.total, 1.0) if self.total else 1.0
        self.bar.progress(fraction, text=f"{self.done} of {self.total} steps and sections")

    def on_event(self, event: ResearchEvent) -> None:
        kind, name, detail = event.kind, event.name, event.detail
        if kind == "step_started":
            self.status.update(label=f"Running step {name}…")
            self.status.markdown(f"→ **{escape_markdown(name)}**")
            self.status.code(detail, language="json", wrap_lines=True)
        elif kind == "step_finished":
            self._advance()
            mark = "failed: " if event.error else "✓ "
            self.status.caption(escape_markdown(mark + detail[:240]))
        elif kind == "section_started":
            self.status.update(label=f"Writing {detail}…")
            self.status.markdown(f"✎ **{escape_markdown(detail)}**")
            self.text, self.live = "", self.status.empty()
        elif kind == "token" and self.live is not None:
            self.text += detail
            self.live.caption(escape_markdown(self.text))
        elif kind == "section_finished":
            self._advance()
            if self.live is not None:
                self.live.caption(escape_markdown(f"written ({detail})"))
            self.live = None
        elif kind == "phase":
            self._phase(name, detail)
        elif kind == "budget_stop":
            self.status.warning(escape_markdown(f"Budget spent ({detail}): stopping here."))

    def _phase(self, name: str, detail: str) -> None:
        if name in PHASES:
            self.status.update(label=PHASES[name])
        elif name == "revise":
            self.status.update(label=f"Revising {detail} (unverified figures)…")
            self.status.caption(escape_markdown(f"revising {detail}: some figures did not check"))
        elif name == "unusable":
            self.status.caption(escape_markdown(f"unusable model output: {detail}"))


def show_report(job: ResearchJob) -> None:
    from ui.research_report import render_report

    assert job.report is not None and job.exports is not None
    st.divider()
    render_report(job.report, job.exports)


def show_error(job: ResearchJob) -> None:
    from ui.answer_view import render_error

    render_error(job.error or INTERRUPTED, job.hint)


def show_failure(message: str, exc: BaseException) -> None:
    from ui.answer_view import render_error
    from ui.chat import hint_for

    render_error(message, hint_for(exc))
