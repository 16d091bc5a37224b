"""The fact-check report as Markdown, standalone HTML and JSON (article text is escaped in
every format: it is untrusted)."""

from __future__ import annotations

import html
import json

from copilot.factcheck.model import Checked, Report

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+!|~$"})


def md_cell(text: str) -> str:
    """Article words inside a Markdown table: special characters escaped, one line."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def claim_text(item: Checked) -> str:
    return item.claim.clause


def right_text(item: Checked) -> str:
    if not item.right:
        return ""
    return f"{item.right} [{item.source}]" if item.source else item.right


def to_markdown(report: Report) -> str:
    lines = [
        f"# Fact-check: {md_cell(report.title)}",
        "",
        f"**{report.verdict()}** — as of {report.as_of.isoformat()} ({report.as_of_why}).",
        "",
        "| # | mark | claim | instrument | window | right value | why |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in report.checked:
        claim = item.claim
        right = md_cell(item.right) + (f" \\[{item.source}\\]" if item.source else "")
        lines.append(
            f"| {claim.number} | {item.mark} | {md_cell(claim_text(item))} | "
            f"{md_cell(claim.symbol or claim.phrase)} | {md_cell(claim.window_label)} | "
            f"{right} | {md_cell(item.reason)} |"
        )
    if report.sources:
        lines += ["", "## Sources", ""]
        for source in report.sources:
            lines.append(
                f"\\[{source['n']}\\] {md_cell(str(source['title']))} — "
                f"{md_cell(str(source['metric']))}"
            )
    return "\n".join(lines) + "\n"


def to_html(report: Report) -> str:
    e = html.escape
    rows = []
    for item in report.checked:
        claim = item.claim
        cells = [
            str(claim.number),
            item.mark,
            claim_text(item),
            claim.symbol or claim.phrase,
            claim.window_label,
            right_text(item),
            item.reason,
        ]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    sources = "".join(
        f"<li>[{e(str(s['n']))}] {e(str(s['title']))} — {e(str(s['metric']))}</li>"
        for s in report.sources
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("#", "mark", "claim", "instrument", "window", "right value", "why")
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Fact-check: {e(report.title)}</title>"
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
        "td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}"
        "table{border-collapse:collapse}</style></head><body>"
        f"<h1>Fact-check: {e(report.title)}</h1>"
        f"<p><strong>{e(report.verdict())}</strong> — as of {e(report.as_of.isoformat())} "
        f"({e(report.as_of_why)}).</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>Sources</h2><ol style='list-style:none'>{sources}</ol></body></html>\n"
    )


def to_json(report: Report) -> str:
    data = report.model_dump(mode="json")
    data["verdict"] = report.verdict()
    return json.dumps(data, indent=2, ensure_ascii=False)
