"""Sources you can open: a chip per cited source that reveals what it is, and the full list."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

import streamlit as st

from copilot.sources import DataSource, NewsSource
from ui.safe import escape_markdown, is_safe_url, quoted_html

if TYPE_CHECKING:
    from copilot.answer import Answer

LABEL_CHARS = 48


def chip_label(n: int, source: DataSource | NewsSource) -> str:
    """A short, literal (escaped) label for a source chip."""
    if isinstance(source, NewsSource):
        title = source.title if len(source.title) <= LABEL_CHARS else source.title[:LABEL_CHARS]
        more = "…" if len(source.title) > LABEL_CHARS else ""
        text = f"[{n}] {source.publisher} · {title}{more}"
    else:
        symbols = ", ".join(source.symbols[:3]) + (" …" if len(source.symbols) > 3 else "")
        text = f"[{n}] {symbols} · {source.tool.replace('_', ' ')}"
    return escape_markdown(text)


def render_sources(answer: Answer, key: str) -> None:
    """The cited sources as chips (each opens its detail), then every other retrieved source."""
    cited = answer.cited_sources()
    if cited:
        st.markdown("**Sources**")
        with st.container(horizontal=True, gap="small"):
            for n, source in cited.items():
                icon = ":material/article:" if source.kind == "news" else ":material/table_chart:"
                with st.popover(chip_label(n, source), icon=icon, key=f"{key}-src-{n}"):
                    render_source(n, source)
    others = {n: s for n, s in sorted(answer.sources.items()) if n not in cited}
    if others:
        with st.expander(f"Also retrieved, not cited ({len(others)})"):
            for n, source in others.items():
                st.divider()
                render_source(n, source, nested=True)


def render_source(n: int, source: DataSource | NewsSource, nested: bool = False) -> None:
    """One source's detail; `nested` inside an expander (which may not hold another)."""
    if isinstance(source, NewsSource):
        _news(n, source)
    else:
        _data(n, source, nested)


def _news(n: int, source: NewsSource) -> None:
    st.markdown(f"**\\[{n}\\] {escape_markdown(source.title)}**")
    at = source.published_at
    when = f"{at:%Y-%m-%d %H:%M} UTC" if (at.hour, at.minute) != (0, 0) else f"{at:%Y-%m-%d}"
    st.caption(escape_markdown(f"{source.publisher} · {when}"))
    if is_safe_url(source.url):
        st.link_button("Open the article", source.url, icon=":material/open_in_new:")
        st.caption(escape_markdown(source.url))
    else:
        st.caption("No web link is stored for this article.")
    st.markdown("The passage the answer was given:")
    st.markdown(quoted_html(source.text), unsafe_allow_html=True)


def _data(n: int, source: DataSource, nested: bool) -> None:
    span = f"{source.start} → {source.end}" if source.start != source.end else f"{source.end}"
    st.markdown(f"**\\[{n}\\] {escape_markdown(', '.join(source.symbols))}** · `{source.tool}`")
    st.caption(escape_markdown(f"{span} · data as of {source.data_as_of}"))
    st.markdown(f"**Definition.** {escape_markdown(source.metric)}")
    if source.values:
        rows = [{"figure": k, "value": v} for k, v in source.values.items()]
        st.dataframe(rows, hide_index=True, width="stretch")
    if source.provenance:
        files = ", ".join(sorted({PurePath(p).name for p in source.provenance}))
        st.caption(escape_markdown(f"Computed from: {files}"))
    if nested:
        st.caption("What the model was shown:")
        st.code(source.text, language=None, wrap_lines=True)
    else:
        with st.expander("What the model was shown"):
            st.code(source.text, language=None, wrap_lines=True)
