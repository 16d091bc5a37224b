"""The Data page: what the stores hold (and how fresh it is), and imports with progress."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import streamlit as st

from copilot.errors import CopilotError
from ui import style
from ui.data_import import market_folder_form, news_folder_form, online_form, show_last_report
from ui.data_refresh import refresh_section
from ui.market_gate import StoreBusyError
from ui.resources import UISettings, get_settings, market_gate, news_store
from ui.safe import escape_markdown
from ui.sidebar import AS_OF_KEY, CHOSEN_AS_OF_KEY

NEWS_WINDOW = timedelta(days=60)  # days shown at first in the news chart


def page() -> None:
    st.set_page_config(layout="wide")
    style.inject()
    settings = get_settings()
    as_of = (st.session_state.get(AS_OF_KEY) or st.session_state.get(CHOSEN_AS_OF_KEY)
             or settings.as_of)  # fmt: skip
    st.title("Data", anchor=False)
    st.caption(
        escape_markdown(
            f"Market store: {settings.market_db_path} · news store: "
            f"{settings.chroma_host or settings.news_path}"
        )
    )
    market_section(as_of)
    news_section(as_of)
    import_section(settings)
    refresh_section(settings)


def market_section(as_of: date | None) -> None:
    from ui.data_stats import coverage_table

    st.subheader("Market data", divider="gray")
    try:
        with market_gate().reader() as store:
            coverage = store.coverage() if store is not None else None
    except StoreBusyError as exc:
        st.warning(escape_markdown(str(exc)), icon=":material/hourglass:")
        return
    if coverage is None or coverage.empty:
        st.info("No market data yet: import a folder of CSV files or download online below.")
        return
    table = coverage_table(coverage, date.today(), as_of)
    bars = table[table["kind"] == "price bars"]
    cols = st.columns(4)
    cols[0].metric("Symbols", len(table))
    cols[1].metric("Price rows", f"{int(bars['rows'].sum()):,}")
    cols[2].metric("Latest session", str(bars["last"].max()) if len(bars) else "—")
    cols[3].metric("As-of date", str(as_of) if as_of else "latest")
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "rows": st.column_config.NumberColumn(format="%d"),
            "imported": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
        },
    )  # fmt: skip


def news_section(as_of: date | None) -> None:
    from ui.data_stats import article_metadata, news_counts

    st.subheader("News", divider="gray")
    try:
        with st.spinner("Opening the news store…"):
            store = news_store()
        records = article_metadata(store) if store is not None else []
    except CopilotError as exc:
        st.warning(escape_markdown(str(exc)), icon=":material/warning:")
        return
    if not records:
        st.info("No news yet: import a folder of articles below. Answers then cite the news too.")
        return
    by_day, by_publisher = news_counts(records)
    cols = st.columns(4)
    cols[0].metric("Articles", int(by_day["articles"].sum()))
    cols[1].metric("Publishers", len(by_publisher))
    cols[2].metric("First published", str(by_day["day"].min()))
    cols[3].metric("Last published", str(by_day["day"].max()))
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(_by_day_figure(by_day, as_of), key="news-by-day")
    with right:
        st.dataframe(by_publisher, hide_index=True, width="stretch", height=320)


def _by_day_figure(by_day: Any, as_of: date | None) -> Any:
    from ui.charts import plotly_go, style_figure

    go = plotly_go()
    figure = go.Figure(go.Bar(x=by_day["day"], y=by_day["articles"], marker_color="#2456c7"))
    if as_of is not None:
        figure.add_vline(x=as_of.isoformat(), line_dash="dot", line_color="#c62828")
    return style_figure(
        figure, "Articles per publication day (dotted: as-of date)", "", legend=False
    )


def import_section(settings: UISettings) -> None:
    st.subheader("Import", divider="gray")
    market, online, news = st.tabs(["Market folder", "Online (Yahoo, FRED)", "News folder"])
    with market:
        st.caption("CSV files in any of the known layouts; each file is its own transaction.")
        market_folder_form(settings)
    with online:
        st.caption("Downloads daily bars from Yahoo Finance and series from FRED.")
        online_form(settings)
    with news:
        st.caption("Tracker Markdown, JSONL, RSS/Atom or HTML files; stored once per article.")
        news_folder_form(settings)
    show_last_report()
