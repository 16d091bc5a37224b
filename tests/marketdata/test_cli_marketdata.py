"""End to end in the CLI: the measure across a split, and `refresh` on an up-to-date store
(pytest-socket blocks the network: any provider call would fail the run)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import exchange_calendars as xcals
import pandas as pd
import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.market.store import MarketStore
from copilot.settings import Settings
from ingest.market.online import import_online
from ingest.market.providers import YahooProvider

FIXTURE = Path(__file__).parents[1] / "fixtures" / "market_split" / "yahoo_AAPL_split_history.csv"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("COPILOT_MARKET_DB", raising=False)
    return tmp_path / "data"


def test_measure_across_a_split_in_the_cli(data_dir: Path) -> None:
    frame = pd.read_csv(FIXTURE, index_col="Date")
    frame.index = pd.DatetimeIndex(pd.to_datetime(frame.index, utc=True))
    with MarketStore.open(data_dir / "market.duckdb") as store:
        import_online(store, Settings(_env_file=None), ["AAPL"], [], date(2020, 8, 1),
                      yahoo=YahooProvider(history=lambda s, a, b: frame))  # fmt: skip
    with FIXTURE.open() as handle:
        adj = {r["Date"][:10]: float(r["Adj Close"]) for r in csv.DictReader(handle)}
    move = (adj["2020-09-04"] / adj["2020-08-24"] - 1) * 100
    args = '{"symbols": ["AAPL"], "start": "2020-08-25", "end": "2020-09-04"}'
    result = CliRunner().invoke(app, ["tool", "measure", "--args", args])
    assert result.exit_code == 0, result.output
    assert f"return {move:+.2f}%" in result.output
    assert "adjusted" in result.output


def test_refresh_on_an_up_to_date_store_calls_no_provider(data_dir: Path) -> None:
    today = pd.Timestamp(date.today())
    upcoming = xcals.get_calendar("XNYS").date_to_session(today, direction="next").date()
    month = date.today().replace(day=1)
    before = (pd.Timestamp(month) - pd.DateOffset(months=1)).date()
    spy = pd.DataFrame({"symbol": "SPY", "date": [upcoming], "open": 1.0, "high": 1.0,
                        "low": 1.0, "close": 1.0, "volume": 1.0})  # fmt: skip
    gs10 = pd.DataFrame({"symbol": "GS10", "date": [before, month], "value": [4.0, 4.1]})
    with MarketStore.open(data_dir / "market.duckdb") as store:
        store.upsert_bars(spy, "yahoo:SPY")
        store.upsert_series(gs10, "fred:GS10")  # this month's average comes next month
    result = CliRunner().invoke(app, ["refresh", "--only", "market"])
    assert result.exit_code == 0, result.output
    assert "2 up to date" in result.output and "0 failed" in result.output
