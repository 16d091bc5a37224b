"""The app's own CSS (a constant: no user or model text ever reaches it)."""

from __future__ import annotations

import streamlit as st

CSS = """
<style>
.mc-answer { font-size: 1.02rem; line-height: 1.62; }
.mc-answer p { margin: 0 0 0.6rem 0; }
.mc-cite {
  display: inline-block; min-width: 1.15rem; padding: 0 0.32rem; margin: 0 0.08rem;
  border-radius: 0.6rem; font-size: 0.72rem; font-weight: 600; line-height: 1.15rem;
  text-align: center; vertical-align: super; text-decoration: none !important; cursor: help;
}
.mc-cite.mc-news { background: #e6efff; color: #1d4fb8 !important; cursor: pointer; }
.mc-cite.mc-news:hover { background: #cfe0ff; }
.mc-cite.mc-data { background: #e9f6ee; color: #17693a; }
.mc-mark {
  font-size: 0.72rem; font-weight: 700; margin-left: 0.08rem; vertical-align: super;
  cursor: help;
}
.mc-mark.mc-verified { color: #18864b; }
.mc-mark.mc-derived { color: #0f7c8c; }
.mc-mark.mc-moved { color: #a15c00; }
.mc-mark.mc-contradicted, .mc-mark.mc-unsupported { color: #c62828; background: #fdecea;
  border-radius: 0.3rem; padding: 0 0.2rem; }
.mc-mark.mc-unverified { color: #c62828; background: #fdecea; border-radius: 0.3rem;
  padding: 0 0.2rem; }
.mc-said { color: #4a5568; font-style: italic; }
.mc-quote {
  border-left: 3px solid #c9d3e6; padding: 0.35rem 0.75rem; color: #384152;
  background: #f7f9fc; font-size: 0.9rem; max-height: 16rem; overflow-y: auto;
}
</style>
"""


def inject() -> None:
    """Add the stylesheet to the page (a style-only `st.html` takes no space)."""
    st.html(CSS)
