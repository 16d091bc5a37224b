"""The Fact-check page: paste or upload a market article; each figure is recomputed from the
store and marked ✓ / ✗ (with the right value and its source) / ? (with why).

Article text is untrusted: it reaches the screen only through `st.dataframe` (plain cells),
`escape_markdown`, or the report exporters (which escape it)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from copilot.errors import CopilotError
from copilot.factcheck.model import Report
from copilot.factcheck.report import right_text, to_html, to_markdown
from copilot.factcheck.run import check_article
from copilot.factcheck.source import parse_article
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.understand import Catalog
from ui import style
from ui.market_gate import StoreBusyError
from ui.resources import get_settings, market_gate
from ui.safe import escape_markdown
from ui.sidebar import AS_OF_KEY

TEXT_KEY = "copilot.factcheck.text"
UPLOAD_KEY = "copilot.factcheck.upload"
AS_OF_CHOICE_KEY = "copilot.factcheck.as_of"
REPORT_KEY = "copilot.factcheck.report"
MAX_UPLOAD_BYTES = 2_000_000


def page() -> None:
    style.inject()
    st.title("Fact-check", anchor=False)
    st.caption(
        "Paste or upload a market article: every figure in it (a move, a close, a streak) is "
        "recomputed from the stored data and marked ✓, ✗ with the right value and its source, "
        "or ? with why it cannot be checked."
    )
    text = st.text_area("Article text", key=TEXT_KEY, height=200, max_chars=200_000)
    upload = st.file_uploader(
        "…or upload a file", type=["md", "txt", "html", "htm"], key=UPLOAD_KEY
    )
    as_of = st.date_input("As of (empty: the article's own date)", value=None, key=AS_OF_CHOICE_KEY)
    if st.button("Check", type="primary"):
        raw, name = _input(text, upload)
        if not raw.strip():
            st.info("Paste an article or upload a file first.")
        else:
            _run(raw, name, as_of if isinstance(as_of, date) else None)
    report = st.session_state.get(REPORT_KEY)
    if isinstance(report, Report):
        show(report)


def _input(text: str, upload: Any) -> tuple[str, str]:
    if upload is not None:
        data: bytes = upload.getvalue()[:MAX_UPLOAD_BYTES]
        return data.decode("utf-8", errors="replace"), str(upload.name)
    return text, "pasted text"


def _run(raw: str, name: str, as_of: date | None) -> None:
    settings = get_settings()
    fallback = st.session_state.get(AS_OF_KEY) or settings.as_of
    try:
        article = parse_article(raw, name)
        with market_gate().reader() as store, st.spinner("Checking each figure…"):
            if store is None:
                st.info("No market data yet: import some on the Data page first.")
                return
            deps = ToolDeps(settings=settings, ledger=SourceLedger(), market=store)
            report = check_article(article, deps, Catalog.from_store(store), as_of, fallback)
    except (StoreBusyError, CopilotError) as exc:
        st.warning(escape_markdown(str(exc)), icon=":material/warning:")
        return
    st.session_state[REPORT_KEY] = report


def claims_table(report: Report) -> pd.DataFrame:
    """One row a claim: plain values (st.dataframe renders cells as text, never Markdown)."""
    rows = [
        {
            "#": item.claim.number,
            "mark": item.mark,
            "claim": item.claim.clause,
            "instrument": item.claim.symbol or item.claim.phrase,
            "window": item.claim.window_label,
            "right value": right_text(item),
            "why": item.reason,
        }
        for item in report.checked
    ]
    return pd.DataFrame(rows, columns=["#", "mark", "claim", "instrument", "window",
                                       "right value", "why"])  # fmt: skip


def show(report: Report) -> None:
    st.subheader(escape_markdown(report.verdict()), anchor=False)
    st.caption(escape_markdown(f"{report.title} · as of {report.as_of} ({report.as_of_why})"))
    if report.checked:
        st.dataframe(claims_table(report), hide_index=True, width="stretch")
    else:
        st.info("No checkable market figures found in this text.")
    if report.sources:
        with st.expander(f"Sources ({len(report.sources)})"):
            for source in report.sources:
                st.markdown(escape_markdown(f"[{source['n']}] {source['title']}"))
                st.caption(escape_markdown(str(source["metric"])))
    left, right = st.columns(2)
    left.download_button("Download Markdown", to_markdown(report), "factcheck.md",
                         "text/markdown", key="factcheck-md")  # fmt: skip
    right.download_button("Download HTML", to_html(report), "factcheck.html", "text/html",
                          key="factcheck-html")  # fmt: skip
