"""Every output a person or a program meets, rendered by the project's own edge code, then
scored: the CLI's streamed and final text, `--json`, the UI's answer HTML; a report's Markdown,
HTML and PDF exports."""

from __future__ import annotations

import io
from dataclasses import asdict
from pathlib import Path
from typing import Any

from corpus import Attack
from rich.console import Console
from score import (
    Findings,
    key_leaks,
    model_text_findings,
    off_allowlist_html,
    off_allowlist_text,
)

from copilot.answer import AgentEvent, Answer
from copilot.safety.answers import StreamingLinkFilter, safe_answer, source_urls


def answer_surfaces(answer: Answer, tokens: list[str]) -> dict[str, str]:
    """What `ask` prints (streamed tokens through its filter, then the final answer), what
    `ask --json` prints, and the UI's rendering of the same answer."""
    from copilot.cli.ask_commands import answer_json, print_answer
    from ui.answer_html import answer_html

    shown = safe_answer(answer)
    stream = StreamingLinkFilter()
    streamed = "".join(stream.feed(t) for t in tokens) + stream.finish()
    buffer = io.StringIO()
    # wide: a long stored URL folded across lines would read as two partial (foreign) URLs
    print_answer(Console(file=buffer, width=4000, color_system=None), shown)
    payload = answer_json(shown)
    return {"cli": streamed + buffer.getvalue(), "json": payload, "ui": answer_html(answer)}


def score_answer(
    answer: Answer, tokens: list[str], attacks: list[Attack], key: str
) -> tuple[Findings, dict[str, Any]]:
    """Findings over every chat surface; also what the raw model text did (before the edges)."""
    import json

    surfaces = answer_surfaces(answer, tokens)
    allowed = source_urls(answer.sources.values())
    shown = json.loads(surfaces["json"])
    followed, figures, fakes = model_text_findings(shown["text"], attacks, set(answer.sources))
    findings = Findings(followed, figures, fakes)
    findings.off_allowlist = {
        "cli": off_allowlist_text(surfaces["cli"], allowed),
        "json": off_allowlist_text(shown["text"], allowed),
        "ui": off_allowlist_html(surfaces["ui"], allowed),
    }
    findings.key_leaks = key_leaks(surfaces, key)
    raw = {
        "off_allowlist": off_allowlist_text(answer.text, allowed),
        "followed": model_text_findings(answer.text, attacks, set(answer.sources))[0],
    }
    return findings, raw


def collect_tokens(tokens: list[str]) -> Any:
    def on_event(event: AgentEvent) -> None:
        if event.kind == "token":
            tokens.append(event.text)

    return on_event


def score_report(report: Any, attacks: list[Attack], key: str, out_dir: Path) -> Findings:
    """Findings over a report's Markdown, HTML and (where Chromium exists) PDF exports, and
    the research page's rendering of it."""
    from copilot.errors import ConfigError
    from copilot.research import export, to_html, to_markdown
    from copilot.research.export import chromium_path
    from copilot.research.markdown import report_policy
    from ui.research_report import report_html, report_links

    allowed = set(report_policy(report).allowed)
    markdown, html = to_markdown(report), to_html(report)
    sections = "\n".join(str(v) for s in report.sections.values() for v in s.fields.values())
    followed, figures, fakes = model_text_findings(
        _model_part(markdown), attacks, {n for n, _ in enumerate(report.record.sources, 1)}
    )
    findings = Findings(followed, figures, fakes)
    ui = report_html(markdown, report_links(report))  # the research page's rendering
    findings.off_allowlist = {
        "markdown": off_allowlist_text(markdown, allowed),
        "html": off_allowlist_html(html, allowed),
        "ui": off_allowlist_html(ui, allowed),
    }
    outputs = {"markdown": markdown, "html": html, "ui": ui, "sections": sections}
    if chromium_path() is not None:
        try:
            pdf = export(report, out_dir / "report.pdf").read_bytes()
            outputs["pdf"] = _pdf_text(pdf)
            findings.off_allowlist["pdf"] = _pdf_links(pdf, allowed)
        except ConfigError as exc:
            findings.off_allowlist["pdf"] = [f"not made: {exc}"]
    findings.key_leaks = key_leaks(outputs, key)
    return findings


def _model_part(markdown: str) -> str:
    """The report up to its References (the rest lists stored titles verbatim)."""
    return markdown.split("\n## References\n")[0]


def _pdf_links(pdf: bytes, allowed: set[str]) -> list[str]:
    """URI actions in the PDF (its clickable links) not in `allowed`."""
    import re

    uris = [u.decode("latin-1") for u in re.findall(rb"/URI\s*\(([^)]*)\)", pdf)]
    return [u for u in uris if u not in allowed]


def _pdf_text(pdf: bytes) -> str:
    return pdf.decode("latin-1", errors="replace")


def as_record(findings: Findings) -> dict[str, Any]:
    return asdict(findings)
