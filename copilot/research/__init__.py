"""Deep-research reports: plan → (accept/edit) → execute → write → verify → export, replayable.

Entry point: `ResearchSession` (see `copilot.research.session`).
"""

from copilot.research.bundle import load_bundle, save_bundle
from copilot.research.export import export, html_to_pdf, to_html
from copilot.research.markdown import to_markdown
from copilot.research.models import (
    Budget,
    PlanStep,
    ResearchEvent,
    ResearchPlan,
    ResearchRecord,
    StepRecord,
)
from copilot.research.report import Report, build_report
from copilot.research.session import ResearchSession, render, replay_report

__all__ = [
    "Budget",
    "PlanStep",
    "Report",
    "ResearchEvent",
    "ResearchPlan",
    "ResearchRecord",
    "ResearchSession",
    "StepRecord",
    "build_report",
    "export",
    "html_to_pdf",
    "load_bundle",
    "render",
    "replay_report",
    "save_bundle",
    "to_html",
    "to_markdown",
]
