"""The report as Markdown: a pure function of the `Report` (so replay is byte-identical).

The model's text goes out under the shared link policy (`copilot.safety`): links only to the
report's stored articles, no images, no control characters — the same rule as the chat."""

from __future__ import annotations

from copilot.research.report import NOTICE, Report, ledger_of, reference_line, related_line
from copilot.research.sections import UNVERIFIED_MARK, SectionResult
from copilot.safety import LinkPolicy, strip_controls
from copilot.safety.answers import source_urls

NOT_WRITTEN = "_Not written: the budget was spent before this section._"
UNUSABLE = "_Not written: the model's output for this section was unusable._"


def _missing(section: SectionResult | None) -> str:
    return UNUSABLE if section is not None and section.attempted else NOT_WRITTEN


def _text(section: SectionResult | None, name: str = "text") -> str:
    if section is None or not section.written:
        return _missing(section)
    value = section.fields.get(name, "")
    return value if isinstance(value, str) and value else "_(empty)_"


def _bullets(section: SectionResult | None, name: str) -> str:
    if section is None or not section.written:
        return _missing(section)
    value = section.fields.get(name, [])
    items = value if isinstance(value, list) else [value]
    return "\n".join(f"- {item}" for item in items if item) or "_(none)_"


def _warnings(report: Report) -> list[str]:
    lines = []
    if report.partial:
        lines.append(f"> **⚠ Partial report:** the budget ({report.record.stopped}) was spent "
                     "before the report was finished; unfinished sections say so.")  # fmt: skip
    if report.unverified:
        listed = ", ".join(dict.fromkeys(n.text for n in report.unverified))
        lines.append(f"> **⚠ Unverified figures** (found in no source, marked "
                     f"{UNVERIFIED_MARK.strip()}): {listed}")  # fmt: skip
    if report.failed_steps:
        names = ", ".join(f"{s.id} {s.tool}" for s in report.failed_steps)
        lines.append(f"> **⚠ Failed research steps:** {names} (see Method).")
    return lines


def _header(report: Report) -> list[str]:
    header = report.header
    record = report.record
    tags = header.get("tags", [])
    sentiment = header.get("sentiment", "")
    reason = header.get("reason", "")
    latest = f" (market data through {record.data_latest})" if record.data_latest else ""
    lines = [
        f"**Tags:** {' · '.join(tags) if isinstance(tags, list) and tags else '—'}  ",
        f"**Sentiment:** {str(sentiment).capitalize() or '—'}"
        + (f" — {reason}" if reason else "") + "  ",
        f"**Market:** {header.get('market') or '—'}  ",
        f"**Date (as of):** {record.as_of.isoformat()}{latest}  ",
        f"**Topic:** {record.topic}",
    ]  # fmt: skip
    return lines


UNSUPPORTED_MARK = " _(⚠ its article does not support this reason)_"


def _drivers(section: SectionResult) -> list[str]:
    """The reasons one per article, each an unsupported one marked, or why there are none."""
    reasons = section.fields.get("reasons", [])
    reasons = reasons if isinstance(reasons, list) else []
    quotes = section.fields.get("quotes", [])  # the article's sentence a reason rewords
    quotes = [*quotes, *[""] * len(reasons)] if isinstance(quotes, list) else [""] * len(reasons)
    unsupported = section.unsupported_reasons
    items = [f"- {reason}" + (UNSUPPORTED_MARK if reason.strip() in unsupported else "") + quote
             for reason, quote in zip(reasons, quotes, strict=False) if reason]  # fmt: skip
    gap = section.fields.get("gap")
    if gap:  # code's words: no stored article covers the move
        items = [f"_{gap}_"]
    elif not items:
        withheld = len(section.withheld)
        items = [f"_No drafted reason held up against its own article ({withheld} withheld, "
                 "listed in Method); the articles read are in the References._"]  # fmt: skip
    return [f"### {section.title}", "", *items, ""]


def _analysis(report: Report) -> list[str]:
    drivers = report.sections.get("drivers")
    parts = [f"**Note:** {note}" for note in report.notes] + ([""] if report.notes else [])
    parts += _drivers(drivers) if drivers is not None else []
    for key, section in report.sections.items():
        if key.startswith("analysis:"):
            parts += [f"### {section.title}", "", _text(section), ""]
    return parts


def _method(report: Report) -> list[str]:
    record = report.record
    usage = record.usage()
    lines = [f"- Plan: {len(record.plan.steps)} steps, {len(record.plan.sub_questions)} "
             f"sub-questions; {len(record.plan.rejected)} proposed steps rejected."]  # fmt: skip
    for step in record.steps:
        if step.status != "ok":
            first = step.output.splitlines()[0] if step.output else ""
            lines.append(f"- Step {step.id} `{step.tool}` {step.status}: {first}")
    drivers = report.sections.get("drivers")
    if drivers is not None and drivers.fields.get("gap"):
        lines.append("- Drivers: no stored article covers the move (the search is in the steps).")
    elif drivers is not None:
        reasons = drivers.fields.get("reasons", [])
        kept = len(reasons) if isinstance(reasons, list) else 0
        lines.append(f"- Drivers: one reason drafted per article read, {kept} kept, "
                     f"{len(drivers.withheld)} withheld by the checks"
                     + "".join(f"; withheld: “{w}”" for w in drivers.withheld) + ".")  # fmt: skip
    numbers = report.numbers
    derived = sum(n.status == "derived" for n in numbers)
    revised = [s.key for s in report.sections.values() if s.revised]
    lines.append(
        f"- Checks: {len(numbers)} figures written by the model, "
        f"{len(numbers) - len(report.unverified) - derived} verified, {derived} derived, "
        f"{len(report.unverified)} unverified"
        + (f"; revised: {', '.join(revised)}" if revised else "") + "."
    )  # fmt: skip
    tokens = usage["prompt_tokens"] + usage["completion_tokens"]
    lines.append(f"- Model: {record.model_id} · {usage['llm_calls']} LLM calls · {tokens} tokens "
                 f"· {usage['tool_calls']} tool calls · "
                 f"{record.timings.get('total', 0.0):.1f} s.")  # fmt: skip
    return lines


def report_policy(report: Report) -> LinkPolicy:
    """Links allowed in a report: its sources' and related articles' stored URLs."""
    related = {a.url for a in report.record.related}
    return LinkPolicy.of(source_urls(report.record.sources) | related)


def to_markdown(report: Report) -> str:
    """The report under the link policy (what every export and the UI show)."""
    raw = strip_controls(_raw_markdown(report), keep_layout=True)
    return report_policy(report).clean(raw)


def _raw_markdown(report: Report) -> str:
    s = report.sections
    ledger = ledger_of(report.record)
    references = [f"- {reference_line(n, src)}" for n, src in ledger.items()]
    related = [f"- {related_line(a)}" for a in report.record.related]
    insights, risks = s.get("insights"), s.get("risks")
    lines = [
        f"# {report.title}", "", *_warnings(report), "" if _warnings(report) else None,
        *_header(report), "",
        "## Executive Summary", "", _text(s.get("summary")), "",
        "## Integrated Analysis", "", *_analysis(report),
        "## Key Insights", "", _bullets(insights, "insights"), "",
        "## Risks and Opportunities", "", "**Risks**", "", _bullets(risks, "risks"), "",
        "**Opportunities**", "", _bullets(risks, "opportunities"), "",
        "## Time Sensitivity Assessment", "", report.time_text, "",
        "## Key Information Summary", "",
        *([f"- {line}" for line in report.key_figures] or ["_(no market figures)_"]), "",
        "## References", "", *(references or ["_(none)_"]), "",
        "## Related Reading", "", *(related or ["_(no other stored articles)_"]), "",
        "## Method", "", *_method(report), "",
        "---", "", f"_{NOTICE}_", "",
    ]  # fmt: skip
    return "\n".join(line for line in lines if line is not None)
