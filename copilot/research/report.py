"""From a `ResearchRecord` to a `Report`: pure — no model, no stores — so replay is exact."""

from __future__ import annotations

from pydantic import BaseModel, Field

from copilot.answer import FLAGGED, NumberCheck
from copilot.research.drivers import drivers_section
from copilot.research.freshness import time_sensitivity
from copilot.research.models import RelatedArticle, ResearchRecord, StepRecord
from copilot.research.sections import SectionResult, assemble_section, section_specs
from copilot.research.summary import premise_notes, summary_spec
from copilot.sources import DataSource, NewsSource, SourceLedger

NOTICE = "This report is information, not investment advice."


class Report(BaseModel):
    record: ResearchRecord
    sections: dict[str, SectionResult] = Field(default_factory=dict)
    key_figures: list[str] = Field(default_factory=list)

    @property
    def header(self) -> dict[str, str | list[str]]:
        section = self.sections.get("header")
        return section.fields if section else {}

    @property
    def title(self) -> str:
        value = self.header.get("title")
        return value if isinstance(value, str) and value else self.record.topic

    @property
    def numbers(self) -> list[NumberCheck]:
        """Every figure the model wrote, with its check."""
        return [n for s in self.sections.values() for n in s.numbers]

    @property
    def unverified(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.status in FLAGGED]

    @property
    def share_verified(self) -> float:
        figures = [n for n in self.numbers if n.kind == "figure"]  # dates are reported apart
        flagged = [n for n in figures if n.status in FLAGGED]
        return 1.0 if not figures else 1 - len(flagged) / len(figures)

    @property
    def failed_steps(self) -> list[StepRecord]:
        return [s for s in self.record.steps if s.status == "failed"]

    @property
    def cited_articles(self) -> list[NewsSource]:
        """The distinct articles the written sections cite (by article, not by chunk)."""
        ledger = ledger_of(self.record)
        seen: dict[str, NewsSource] = {}
        for section in self.sections.values():
            for n in section.cited:
                source = ledger.get(n)
                if isinstance(source, NewsSource):
                    seen.setdefault(source.article_id, source)
        return list(seen.values())

    @property
    def notes(self) -> list[str]:
        """Code's notes on the topic's premise, cited (shown first in the analysis)."""
        return premise_notes(self.record.plan.notes, self.record.steps)

    @property
    def time_text(self) -> str:
        """The Time Sensitivity Assessment (code's words: `copilot.research.freshness`)."""
        record = self.record
        measured = any(isinstance(s, DataSource) for s in record.sources)
        return time_sensitivity(record.as_of, record.data_latest, measured, self.cited_articles)

    @property
    def partial(self) -> bool:
        return self.record.stopped is not None


def ledger_of(record: ResearchRecord) -> SourceLedger:
    ledger = SourceLedger()
    for source in record.sources:
        ledger.register(source)
    return ledger


def analysis_focus(steps: list[StepRecord]) -> str:
    numbers = [n for s in steps if s.status == "ok" and s.feeds == "analysis" for n in s.sources]
    return ", ".join(f"[{n}]" for n in dict.fromkeys(numbers))


def key_figures(ledger: SourceLedger) -> list[str]:
    """The data sources' headline lines, each with its [n] — written by code, from the tools."""
    lines = []
    for n, source in ledger.items():
        if isinstance(source, DataSource):
            head = source.text.split(" Definition:")[0].strip()
            lines.append(f"{head} [{n}]")
    return lines


def build_report(record: ResearchRecord) -> Report:
    ledger = ledger_of(record)
    drivers = drivers_section(record, ledger)
    specs = section_specs(record.plan.sub_questions, analysis_focus(record.steps),
                          summary_spec(record, ledger, drivers))  # fmt: skip
    written: dict[str, SectionResult] = {}
    for spec in specs:
        draft, revision = record.outputs_for(spec.key)
        written[spec.key] = assemble_section(
            spec, draft, revision, ledger, record.as_of, record.topic
        )
    # In reading order: the analysis opens with what drove the move.
    sections: dict[str, SectionResult] = {
        key: written.pop(key) for key in ("header", "summary") if key in written
    }
    if drivers is not None:
        sections[drivers.key] = drivers
    sections.update(written)
    return Report(record=record, sections=sections, key_figures=key_figures(ledger))


def reference_line(n: int, source: DataSource | NewsSource) -> str:
    if isinstance(source, NewsSource):
        return (f"[{n}] {source.title} — {source.publisher}, {source.published_at:%Y-%m-%d}. "
                f"<{source.url}>")  # fmt: skip
    return f"[{n}] {source.title()} — {source.metric}"


def related_line(article: RelatedArticle) -> str:
    return f"[{article.title}](<{article.url}>) — {article.publisher}, {article.published}"
