"""The Data page's *Refresh now*: fetch what is new for every stored symbol, series and feed,
with a progress bar, then redraw the page with the report (`market-copilot refresh` in-app).

Test hook: `st.session_state[REFRESH_PROVIDERS_KEY]` = {"yahoo": provider, "fred": provider}
replaces the online providers (AppTest runs offline)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import streamlit as st

from copilot.errors import CopilotError
from ui.data_import import REPORT_KEY, ImportReport
from ui.resources import UISettings, forget_news_store, market_gate, news_store
from ui.safe import escape_markdown

REFRESH_PROVIDERS_KEY = "copilot.refresh_providers"


def refresh_section(settings: UISettings) -> None:
    st.subheader("Refresh", divider="gray")
    st.caption(
        "Fetches only what is new since each symbol's last stored date (Yahoo Finance, FRED) "
        "and each stored feed; an up-to-date store asks the providers nothing."
    )
    if not st.button("Refresh now", icon=":material/sync:", key="refresh-now"):
        return
    bar = st.progress(0.0, text="Starting…")

    done = 0

    def on_item(name: str, total: int) -> None:
        nonlocal done
        done += 1
        text = escape_markdown(f"{done}/{total} {name}")
        bar.progress(min(done / max(total, 1), 1.0), text=text)

    try:
        rows = _market(on_item, settings) if market_gate().exists() else []
        notes = _feeds(settings)
    except (CopilotError, OSError) as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
        return
    bar.progress(1.0, text="Finished")
    updated = sum(r["status"] == "updated" for r in rows)
    failed = sum(r["status"] == "failed" for r in rows)
    message = (f"Refresh: {updated} updated, {len(rows) - updated - failed} up to date or "
               f"skipped, {failed} failed.")  # fmt: skip
    st.session_state[REPORT_KEY] = ImportReport(message, bool(failed), rows, notes)
    st.rerun()


def _market(on_item: Any, settings: UISettings) -> list[dict[str, Any]]:
    from ingest.market.providers import online_providers
    from ingest.market.refresh import refresh_market

    providers = st.session_state.get(REFRESH_PROVIDERS_KEY) or online_providers(
        settings.fred_csv_url
    )
    with market_gate().writer() as store:
        results = refresh_market(store, providers=providers, on_item=on_item)
    return [asdict(r) for r in results]


def _feeds(settings: UISettings) -> list[str]:
    from ingest.news.feed_refresh import load_feeds, refresh_feeds

    if not load_feeds(settings.feeds_path):
        return []
    store = news_store()
    if store is None:
        return ["No news store: the stored feeds were not checked."]
    results = refresh_feeds(store, settings.feeds_path)
    forget_news_store()
    return [f"{r.url}: {r.status}, {r.added} new articles. {r.note}" for r in results]
