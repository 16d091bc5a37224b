"""The Data page: coverage with staleness, news counts, imports with progress; pure helpers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from ui_testkit import REPO, article, build_news, of_type

from ui.data_stats import coverage_table, news_counts, staleness


def data_page() -> None:
    from ui.data_page import page

    page()


def open_data_page() -> AppTest:
    at = AppTest.from_function(data_page, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_staleness_counts_nyse_sessions_for_bars_and_days_for_series() -> None:
    friday, tuesday = date(2026, 1, 16), date(2026, 1, 20)  # Monday 19th: MLK Day, closed
    assert staleness("bars", friday, tuesday) == "1 session"
    assert staleness("bars", friday, date(2026, 1, 19)) == "up to date"
    assert staleness("series", friday, tuesday) == "4 days"
    assert staleness("bars", tuesday, friday) == "up to date"


def test_coverage_table_compares_with_today_and_the_as_of_date() -> None:
    coverage = pd.DataFrame(
        [{"symbol": "IWM", "kind": "bars", "first": date(2025, 2, 19),
          "last": date(2026, 1, 22), "rows": 230, "imported_at": datetime(2026, 1, 23)}]
    )  # fmt: skip
    row = coverage_table(coverage, date(2026, 1, 26), date(2026, 1, 23)).iloc[0]
    assert row["what"] and row["kind"] == "price bars"
    assert row["behind today"] == "2 sessions" and row["at the as-of date"] == "1 session"
    early = coverage_table(coverage, date(2026, 1, 26), date(2025, 1, 2)).iloc[0]
    assert early["at the as-of date"] == "no data yet"


def test_news_counts_count_each_article_once() -> None:
    day = datetime(2026, 1, 22, 14, tzinfo=UTC).isoformat()
    records = [
        {"article_id": "a", "published_at": day, "publisher": "AP"},
        {"article_id": "a", "published_at": day, "publisher": "AP"},  # an older version
        {"article_id": "b", "published_at": day, "publisher": "Reuters"},
    ]
    by_day, by_publisher = news_counts(records)
    assert by_day.to_dict("records") == [{"day": date(2026, 1, 22), "articles": 2}]
    assert set(by_publisher["publisher"]) == {"AP", "Reuters"}


def test_data_page_shows_coverage_and_news(market_env: Path, tmp_path: Path) -> None:
    article(tmp_path / "articles", "a.md")
    article(tmp_path / "articles", "b.md", url="https://e.org/b", publisher="AP",
            published="January 21, 2026", title="Stocks rise")  # fmt: skip
    build_news(market_env, tmp_path / "articles")
    at = open_data_page()
    coverage = at.dataframe[0].value
    assert {"IWM", "SPY", "XLU"} <= set(coverage["symbol"])
    assert {"behind today", "at the as-of date"} <= set(coverage.columns)
    iwm = coverage[coverage["symbol"] == "IWM"].iloc[0]
    assert iwm["at the as-of date"] == "up to date"  # data runs past 2026-01-23
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "2" and metrics["Publishers"] == "2"
    assert of_type(at, "plotly_chart")  # articles per day


def test_empty_stores_say_what_to_do(app_env: Path) -> None:
    at = open_data_page()
    infos = " ".join(i.value for i in at.info)
    assert "No market data yet" in infos and "No news yet" in infos


def test_import_a_market_folder_with_progress(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPILOT_UI_IMPORT_ROOTS", str(REPO / "tests" / "fixtures"))
    at = open_data_page()
    at.text_input[0].set_value(str(REPO / "tests" / "fixtures" / "market"))
    at.checkbox[0].check()  # the IWM file has one empty row
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "2 imported\\, 0 unchanged\\, 0 failed\\."
    coverage, report = at.dataframe[0].value, at.dataframe[1].value
    assert coverage["symbol"].tolist() == ["FRED_DGS10", "YAHOO_IWM_HISTORY"]  # redrawn
    assert report["status"].tolist() == ["imported", "imported"]


def test_import_news_with_progress(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPILOT_UI_IMPORT_ROOTS", str(tmp_path / "articles"))
    article(tmp_path / "articles", "a.md")
    article(tmp_path / "articles", "b.md", url="https://e.org/b", title="Stocks rise")
    at = open_data_page()
    at.text_input[3].set_value(str(tmp_path / "articles"))  # the News folder tab's input
    at.button[2].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value.startswith("2 distinct articles\\: 2 added")
    assert {m.label: m.value for m in at.metric}["Articles"] == "2"  # redrawn with the news
