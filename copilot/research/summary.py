"""The Executive Summary of a report on a move: code's figures, then the model's summary of
the reasons that held up.

Written from the whole evidence, the small model's summary garbled the tool's figures ("a
15-session run" for a run of 14 sessions inside a 15-session window, "a 6.50% return" for a gap
of 6.50 pp) and named its reasons vaguely ("a combination of factors, including tech stocks").
When the report's "What drove the move" kept reasons its articles support, the summary opens
with the move's tool lines, copied by code as the answer's first paragraph is, and the model
writes the explanation from those reasons alone: no tool figure is in its evidence to garble.
Pure: a replay builds the same spec from the record.
"""

from __future__ import annotations

from copilot.answering.lead import move_paragraph
from copilot.research.drivers import as_records
from copilot.research.models import ResearchRecord, StepRecord
from copilot.research.sections import (
    CONTRADICTED_MARK,
    UNVERIFIED_MARK,
    SectionResult,
    SectionSpec,
)
from copilot.sources import SourceLedger


def premise_notes(plan_notes: list[str], steps: list[StepRecord]) -> list[str]:
    """Code's notes on the topic's premise, each citing the measured move it rests on (none
    when that step did not run)."""
    measured = next((s.sources[0] for s in steps if s.tool == "measure" and s.status == "ok"
                     and s.args.get("measure") == "return" and s.sources), None)  # fmt: skip
    if measured is None:
        return []
    return [f"{note.rstrip('.')} [{measured}]." for note in plan_notes]


def move_steps(steps: list[StepRecord]) -> list[StepRecord]:
    """The measures of the move the news was searched for: its instrument, over its window."""
    found = [s for s in steps if s.tool == "news_drivers" and s.status == "ok"]
    if not found:
        return []
    args = found[0].args
    subject = (args.get("symbols") or [None])[0]
    return [
        s for s in steps
        if s.tool == "measure" and s.status == "ok" and s.sources
        and subject in s.args.get("symbols", [])
        and (s.args.get("start"), s.args.get("end")) == (args.get("start"), args.get("end"))
    ]  # fmt: skip


def sound_reasons(drivers: SectionResult) -> list[str]:
    """The kept reasons whose article supports them and whose figures all hold."""
    reasons = drivers.fields.get("reasons", [])
    unsupported = drivers.unsupported_reasons
    return [
        r for r in (reasons if isinstance(reasons, list) else [])
        if r.strip() not in unsupported and UNVERIFIED_MARK not in r and CONTRADICTED_MARK not in r
    ]  # fmt: skip


def summary_spec(
    record: ResearchRecord, ledger: SourceLedger, drivers: SectionResult | None
) -> SectionSpec | None:
    """The summary written from the move's sound reasons (`drivers`: the report's "What drove
    the move"), opened by the move's lines; code's alone, with the search's gap note, when no
    stored article covers the move (no model call); None when the report explains no move or no
    reason held up (the summary is then written from the whole evidence)."""
    reasons = sound_reasons(drivers) if drivers is not None else []
    gap = str(drivers.fields.get("gap", "")) if drivers is not None else ""
    if not reasons and not gap:
        return None
    notes = premise_notes(record.plan.notes, record.steps)
    opening = " ".join(p for p in [*notes, move_paragraph(as_records(move_steps(record.steps)),
                                                          ledger)] if p)  # fmt: skip
    if gap:  # nothing to explain the move with: code says so, and the model writes nothing
        return SectionSpec("summary", "Executive Summary", "", opening=f"{opening}\n\n{gap}")
    evidence = "\n".join([*(f"Note: {note}" for note in notes),
                          "Reasons the articles give for the move:",
                          *(f"- {reason}" for reason in reasons)])  # fmt: skip
    return SectionSpec("summary", "Executive Summary", "research_summary_reasons",
                       {"sentences": "2 to 3"}, max_tokens=160, evidence=evidence,
                       opening=opening)  # fmt: skip
