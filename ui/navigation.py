"""The app's pages (a page is identified by its URL path, so these can be built anywhere)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

CHAT_INPUT_KEY = "copilot.chat_input"
CHAT_PLACEHOLDER = "Ask about the markets, e.g. “why did small caps rally?”"


def _chat() -> None:
    # The chat input goes out before anything is imported or read: the page is usable about a
    # second sooner on a small machine (measured in benchmarks/ui_bench.py).
    typed = st.chat_input(CHAT_PLACEHOLDER, key=CHAT_INPUT_KEY, max_chars=2000)
    from ui.chat import page

    page(typed if isinstance(typed, str) else None)


def _data() -> None:
    from ui.data_page import page

    page()


def _research() -> None:
    from ui.research_page import page

    page()


def _factcheck() -> None:
    from ui.factcheck_page import page

    page()


# No page icons: Streamlit makes the current page's icon the favicon, and fetches ":material/…"
# favicons from Google's servers (the app must not reach outside this machine).
def chat_page() -> StreamlitPage:
    return st.Page(_chat, title="Ask", url_path="ask", default=True)


def data_page() -> StreamlitPage:
    return st.Page(_data, title="Data", url_path="data")


def research_page() -> StreamlitPage:
    return st.Page(_research, title="Research", url_path="research")


def factcheck_page() -> StreamlitPage:
    return st.Page(_factcheck, title="Fact-check", url_path="factcheck")


def pages() -> list[StreamlitPage]:
    return [chat_page(), research_page(), factcheck_page(), data_page()]
