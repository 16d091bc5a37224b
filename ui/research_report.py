"""A finished research report on the page: warnings first, the sanitized report with its chart,
the steps that ran, the figure checks, and downloads (Markdown, HTML, PDF, replay bundle).

The report's text is the model's: it is shown only as Markdown rendered with raw HTML off and
sanitized by `ui.safe.sanitize` (links kept only to the report's own articles). The downloads
are the research exports (`copilot.research.export`), themselves sanitized.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from ui.answer_html import MARKS
from ui.answer_view import check_row
from ui.safe import REPORT_TAGS, escape_markdown, markdown_html, one_block, sanitize

if TYPE_CHECKING:
    from copilot.research import Report

PDF_TIMEOUT_S = 120.0
SUMMARY_HEADING = "## Executive Summary"
WARNING_PREFIX = "> **⚠"  # the Markdown export's own warning lines (shown as banners here)


@dataclass(frozen=True)
class Exports:
    """The report in every download format, made once when the report is done."""

    name: str
    markdown: str
    html: str
    bundle: str
    pdf: bytes | None = None
    pdf_error: str | None = None


def file_stem(topic: str, as_of: object) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")[:60].rstrip("-")
    return f"research-{slug or 'report'}-{as_of}"


def pdf_of(html: str) -> tuple[bytes | None, str | None]:
    """Chromium's print of the HTML export, or why it could not be made (readable)."""
    from copilot.research.export import html_to_pdf

    # The print runs in its own thread: Playwright's sync API refuses a thread that has an
    # asyncio loop, and the page must not depend on whether the script thread has one.
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="copilot-pdf") as pool:
            return pool.submit(html_to_pdf, html).result(timeout=PDF_TIMEOUT_S), None
    except Exception as exc:  # optional extra: any failure is reported, the rest still works
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return None, (
            f"The PDF could not be made ({detail}). Download the HTML and print it from a "
            "browser, or install Chromium (Debian: apt-get install chromium)."
        )


def build_exports(report: Report, pdf: bool = True) -> Exports:
    from copilot.research import to_html, to_markdown
    from copilot.research.bundle import bundle_json

    html = to_html(report)
    made, error = pdf_of(html) if pdf else (None, "PDF export is off.")
    return Exports(
        name=file_stem(report.record.topic, report.record.as_of),
        markdown=to_markdown(report), html=html, bundle=bundle_json(report.record),
        pdf=made, pdf_error=error,
    )  # fmt: skip


def report_links(report: Report) -> set[str]:
    """The only URLs the page links to: the report's articles and related reading (the shared
    link policy of the exports and the chat)."""
    from copilot.research.markdown import report_policy

    return set(report_policy(report).allowed)


def report_html(markdown: str, links: set[str]) -> str:
    """Untrusted Markdown → one sanitized HTML block, its headings one level down (the report's
    title is an `h2` under the page's title)."""
    html = sanitize(markdown_html(markdown), links, extra_tags=REPORT_TAGS)
    for level in (3, 2, 1):  # after sanitizing, a tag is a tag: text "<h1>" is escaped
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return one_block(html)


def render_report(report: Report, exports: Exports) -> None:
    render_banners(report)
    body = "\n".join(
        line for line in exports.markdown.splitlines() if not line.startswith(WARNING_PREFIX)
    )
    head, marker, rest = body.partition(f"\n{SUMMARY_HEADING}\n")
    links = report_links(report)
    st.markdown(report_html(head, links), unsafe_allow_html=True)
    figure = chart_figure(report)
    if figure is not None:
        st.plotly_chart(figure, key="research-chart", config={"displaylogo": False})
    if marker:
        st.markdown(report_html(f"{SUMMARY_HEADING}\n{rest}", links), unsafe_allow_html=True)
    render_steps(report)
    render_checks(report)
    render_downloads(exports)


def render_banners(report: Report) -> None:
    """What the reader must know before reading: cut short, unverified figures, failed steps."""
    record = report.record
    if report.partial:
        st.warning(
            escape_markdown(
                f"Partial report: the budget ({record.stopped}) was spent before the report was "
                "finished; the unfinished sections say so."
            ),
            icon=":material/hourglass_bottom:",
        )
    if report.unverified:
        listed = ", ".join(dict.fromkeys(n.text for n in report.unverified))
        st.warning(
            escape_markdown(
                f"Unverified figures (found in no source; marked “(unverified)” where they "
                f"stand): {listed}"
            ),
            icon=":material/warning:",
        )
    if report.failed_steps:
        names = ", ".join(f"{s.id} {s.tool}" for s in report.failed_steps)
        st.warning(
            escape_markdown(f"Failed research steps: {names} (see the steps below)."),
            icon=":material/error:",
        )


def chart_figure(report: Report) -> Any:
    """The studied symbols' closes rebased to 100 (the series the HTML export draws)."""
    series = report.record.chart
    if not series:
        return None
    from ui.charts import PALETTE, plotly_go, style_figure

    go = plotly_go()
    figure = go.Figure()
    for i, line in enumerate(series):
        figure.add_trace(
            go.Scatter(x=line.dates, y=line.values, name=line.symbol, mode="lines",
                       line={"width": 2.4, "color": PALETTE[i % len(PALETTE)]})
        )  # fmt: skip
    figure.add_hline(y=100, line_dash="dot", line_color="#9aa3b2", line_width=1)
    symbols = ", ".join(s.symbol for s in series)
    return style_figure(figure, f"{symbols}: closes rebased to 100 at the first session", "Index")


def step_table(report: Report) -> list[dict[str, str]]:
    import json

    return [
        {"id": s.id, "tool": s.tool, "arguments": json.dumps(s.args, default=str),
         "feeds": s.feeds, "status": s.status, "sources": ", ".join(f"[{n}]" for n in s.sources),
         "result": s.output.splitlines()[0] if s.output else ""}
        for s in report.record.steps
    ]  # fmt: skip


def render_steps(report: Report) -> None:
    record = report.record
    usage = record.usage()
    tokens = usage["prompt_tokens"] + usage["completion_tokens"]
    label = (
        f"Steps run: {len(record.steps)} · {usage['llm_calls']} LLM calls · {tokens} tokens · "
        f"{record.timings.get('total', 0.0):.1f} s"
    )
    with st.expander(label, icon=":material/checklist:"):
        st.dataframe(step_table(report), hide_index=True, width="stretch", key="research-steps")


def check_rows(report: Report) -> list[dict[str, str]]:
    rows = []
    for key, section in report.sections.items():
        for check in sorted(section.numbers, key=lambda n: n.start):
            rows.append({"section": section.title or key, **check_row(check)})
    return rows


def render_checks(report: Report) -> None:
    numbers = report.numbers
    if not numbers:
        return
    counts = {s: sum(n.status == s for n in numbers) for s in MARKS}
    label = (
        f"Checks: {len(numbers)} figures — {counts['verified']} verified ✓, "
        f"{counts['moved']} moved ↪, {counts['derived']} derived ≈, "
        f"{counts['contradicted']} contradicted ✗, {counts['unverified']} unverified ?"
    )
    with st.expander(label, icon=":material/fact_check:"):
        st.dataframe(check_rows(report), hide_index=True, width="stretch", key="research-checks")


def render_downloads(exports: Exports) -> None:
    st.markdown("**Download**")
    with st.container(horizontal=True, gap="small"):
        st.download_button("Markdown", exports.markdown, f"{exports.name}.md", "text/markdown",
                           key="research-dl-md", on_click="ignore",
                           icon=":material/download:")  # fmt: skip
        st.download_button("HTML", exports.html, f"{exports.name}.html", "text/html",
                           key="research-dl-html", on_click="ignore",
                           icon=":material/download:")  # fmt: skip
        if exports.pdf is not None:
            st.download_button("PDF", exports.pdf, f"{exports.name}.pdf", "application/pdf",
                               key="research-dl-pdf", on_click="ignore",
                               icon=":material/download:")  # fmt: skip
        st.download_button("Replay bundle (JSON)", exports.bundle,
                           f"{exports.name}.bundle.json", "application/json",
                           key="research-dl-bundle", on_click="ignore",
                           icon=":material/download:")  # fmt: skip
    if exports.pdf is None and exports.pdf_error:
        st.info(escape_markdown(exports.pdf_error), icon=":material/picture_as_pdf:")
    st.caption(
        "Replay the bundle without a model: `market-copilot research --replay FILE.json -o "
        "report.html`. This report is information, not investment advice."
    )
