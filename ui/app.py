"""Market Copilot in the browser: `market-copilot ui` (or `streamlit run ui/app.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run as a script by Streamlit: make `ui` and `copilot` importable
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)

from ui.guard import require_access, run_guarded
from ui.navigation import pages
from ui.resources import get_settings

# No page_icon: Streamlit's own favicon is served locally and costs nothing, whereas a
# ":material/…" icon is fetched from Google's servers, and an emoji or an image file costs the
# first page about 0.3 s of imports.
st.set_page_config(
    page_title="Market Copilot",
    layout="centered",
    menu_items={"About": "Market Copilot: market answers whose every figure is cited and checked."},
)
if require_access(get_settings()):  # the access token, on every session where one is set
    run_guarded(st.navigation(pages(), position="sidebar").run)
