"""Export: Markdown, self-contained sanitized HTML (chart inlined as SVG), PDF.

The Markdown (which carries the model's text) becomes HTML with raw HTML disabled and is then
sanitized with nh3; the page around it — styles and the chart — is our own template, added after
sanitizing. PDF is Chromium's print of that HTML (headless, via the `playwright` package driving
the system Chromium; no download).
"""

from __future__ import annotations

import shutil
from collections.abc import Collection
from html import escape
from pathlib import Path

import nh3

from copilot.errors import ConfigError
from copilot.research.chart import svg_chart
from copilot.research.markdown import report_policy, to_markdown
from copilot.research.report import Report
from copilot.safety import strip_controls

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote",
    "a", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}  # fmt: skip
STYLE = """
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:820px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.7em;border-bottom:2px solid #1f77b4;padding-bottom:.2em}
h2{font-size:1.25em;margin-top:1.6em;color:#1f3b63}
blockquote{border-left:4px solid #d62728;background:#fff4f4;margin:1em 0;padding:.4em 1em}
em{color:#555} a{color:#1f77b4;word-break:break-all} figure{margin:1.5em 0}
figcaption{font-size:.85em;color:#555}
"""


def markdown_to_safe_html(markdown: str, allowed_links: Collection[str] = ()) -> str:
    """Markdown → HTML with raw HTML off, then sanitized (no scripts, images, styles, events);
    a link keeps its target only when it is one of `allowed_links` (the report's stored
    sources: the shared link policy, checked again on the HTML)."""
    from markdown_it import MarkdownIt  # ~0.25 s to import: paid by exports, not every command

    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    allowed = set(allowed_links)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if value in allowed else None
        return value

    cleaned: str = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        attribute_filter=keep,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
    )
    return cleaned


def to_html(report: Report) -> str:
    """One self-contained page: no external scripts, styles, fonts or images."""
    policy = report_policy(report)
    body = markdown_to_safe_html(to_markdown(report), policy.allowed)
    chart = svg_chart(report.record.chart)
    if chart:
        symbols = ", ".join(s.symbol for s in report.record.chart)
        caption = (
            f"Closes rebased to 100 at the first session ({escape(symbols)}), "
            "from the stored market data."
        )
        figure = f"<figure>{chart}<figcaption>{caption}</figcaption></figure>"
        marker = "<h2>Executive Summary</h2>"
        body = body.replace(marker, figure + marker, 1) if marker in body else figure + body
    title = escape(policy.clean(strip_controls(report.title)))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{title}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def chromium_path(configured: str | None = None) -> str | None:
    for candidate in (configured, *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def html_to_pdf(html: str, chromium: str | None = None, timeout_s: float | None = None) -> bytes:
    """Chromium's print of `html` (A4, backgrounds on), stopped after `timeout_s` (default
    `copilot.research.pdf.PDF_TIMEOUT_S`) with a `PdfExportError`."""
    from copilot.research.pdf import PDF_TIMEOUT_S, print_pdf

    executable = chromium_path(chromium)
    if executable is None:
        raise ConfigError("PDF export needs Chromium: install it (Debian: apt-get install "
                          "chromium) or export Markdown/HTML instead.")  # fmt: skip
    try:
        import playwright  # noqa: F401 - the print runs in a child process that needs it
    except ImportError as exc:
        raise ConfigError(
            "PDF export needs the `playwright` package (pip install playwright); "
            "it drives the system Chromium, no browser download."
        ) from exc
    return print_pdf(html, executable, PDF_TIMEOUT_S if timeout_s is None else timeout_s)


def export(report: Report, path: Path) -> Path:
    """Write the report in the format `path`'s suffix names (.md, .html, .pdf)."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        path.write_text(to_markdown(report), encoding="utf-8")
    elif suffix in (".html", ".htm"):
        path.write_text(to_html(report), encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(html_to_pdf(to_html(report)))
    else:
        raise ConfigError(f"cannot export to {path.name}: use .md, .html or .pdf")
    return path
