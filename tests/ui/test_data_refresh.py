"""The Data page's *Refresh now* (offline providers through the test hook), the app's default
as-of date (the latest date the priced instruments share) and the chosen date across pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from copilot.errors import NoDataError
from copilot.market.store import MarketStore
from ingest.market.providers import Fetched, FetchRequest, MarketProvider
from ui.data_refresh import REFRESH_PROVIDERS_KEY

DAYS = [date(2026, 1, d) for d in (12, 13, 14, 15, 16, 20, 21, 22, 23)]


def bars(days: list[date]) -> pd.DataFrame:
    closes = [600.0 + i for i in range(len(days))]
    return pd.DataFrame({"symbol": "SPY", "date": days, "open": closes, "high": closes,
                         "low": closes, "close": closes, "volume": 1.0})  # fmt: skip


@dataclass
class Served(MarketProvider):
    frame: pd.DataFrame
    calls: list[FetchRequest] = field(default_factory=list)
    name = "served"

    def fetch(self, request: FetchRequest) -> Fetched:
        self.calls.append(request)
        frame = self.frame[self.frame["date"] >= (request.start or date.min)]
        if frame.empty:
            raise NoDataError("nothing new")
        return Fetched("bars", frame.reset_index(drop=True), "yahoo:SPY")


def data_page() -> None:
    from ui.data_page import page

    page()


def test_refresh_now_fetches_what_is_new_with_progress(app_env: Path) -> None:
    with MarketStore.open(app_env / "market.duckdb") as store:
        store.upsert_bars(bars(DAYS[:4]), "yahoo:SPY")
    provider = Served(bars(DAYS))
    at = AppTest.from_function(data_page, default_timeout=120)
    at.session_state[REFRESH_PROVIDERS_KEY] = {"yahoo": provider, "fred": provider}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="refresh-now").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [c.start for c in provider.calls] == [date(2026, 1, 16)]  # the day after the last
    shown = at.success[0].value.replace("\\", "")  # Markdown-escaped
    assert shown == "Refresh: 1 updated, 0 up to date or skipped, 0 failed.", shown
    report = at.dataframe[-1].value
    assert report.iloc[0]["rows"] == 5 and report.iloc[0]["status"] == "updated"
    with MarketStore.open(app_env / "market.duckdb", read_only=True) as store:
        assert store.date_range("SPY")[1] == date(2026, 1, 23)


def sidebar_script() -> None:
    import streamlit as st

    from ui.resources import get_settings, store_summary
    from ui.sidebar import render_sidebar

    if st.session_state.get("draw", True):  # False: a page without the picker (Data)
        render_sidebar(get_settings(), store_summary())


def test_default_as_of_is_the_prices_last_shared_date(
    market_env: Path, shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COPILOT_AS_OF")
    spy = pd.read_csv(shared_data / "market" / "prices" / "SPY.csv")
    at = AppTest.from_function(sidebar_script, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.date_input[0].value == date.fromisoformat(spy["date"].max())  # not VIX's 2026-07
    # The caption says where the prices end as well as the VIX's longer span (read by hand).
    vix = pd.read_csv(shared_data / "market" / "series" / "VIX.csv")
    vix_last = pd.to_datetime(vix[vix.columns[0]]).max().date()
    (caption,) = [c.value for c in at.sidebar.caption if c.value.startswith("Market data")]
    assert caption.endswith(
        f"to {vix_last}; every priced instrument has closes through {spy['date'].max()}."
    ), caption


def test_chosen_date_survives_a_page_without_the_picker(market_env: Path) -> None:
    at = AppTest.from_function(sidebar_script, default_timeout=60)
    at.run()
    at.date_input[0].set_value(date(2026, 1, 21)).run()
    at.session_state["draw"] = False
    at.run()
    at.session_state["draw"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.date_input[0].value == date(2026, 1, 21)
