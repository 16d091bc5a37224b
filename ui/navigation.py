"""The app's pages (a page is identified by its URL path, so these can be built anywhere)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage


def _chat() -> None:
    from ui.chat import page

    page()


def _data() -> None:
    from ui.data_page import page

    page()


def chat_page() -> StreamlitPage:
    return st.Page(_chat, title="Ask", icon=":material/forum:", url_path="ask", default=True)


def data_page() -> StreamlitPage:
    return st.Page(_data, title="Data", icon=":material/database:", url_path="data")


def pages() -> list[StreamlitPage]:
    return [chat_page(), data_page()]
