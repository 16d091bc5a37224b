"""`refresh`: only what is new, no provider call on an up-to-date store (a counting fake)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.errors import NoDataError
from copilot.market.store import MarketStore
from ingest.market.providers import Fetched, FetchRequest, MarketProvider
from ingest.market.refresh import latest_completed_session, refresh_market

NY = ZoneInfo("America/New_York")
SESSIONS = [date(2026, 1, d) for d in (2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 20, 21, 22, 23)]


@dataclass
class CountingProvider(MarketProvider):
    """Serves a fixed history; records every call and what it returned."""

    history: dict[str, pd.DataFrame]
    table: str = "bars"
    calls: list[FetchRequest] = field(default_factory=list)
    returned: list[list[date]] = field(default_factory=list)
    name = "counting"

    def fetch(self, request: FetchRequest) -> Fetched:
        self.calls.append(request)
        frame = self.history[request.symbol]
        frame = frame[frame["date"] >= (request.start or date.min)]
        if frame.empty:
            raise NoDataError("nothing new")
        self.returned.append(list(frame["date"]))
        return Fetched(self.table, frame.reset_index(drop=True), f"yahoo:{request.symbol}")  # type: ignore[arg-type]


def bars(symbol: str, days: list[date], adjust: float | None = None) -> pd.DataFrame:
    closes = [100.0 + i for i in range(len(days))]
    frame = pd.DataFrame({"symbol": symbol, "date": days, "open": closes, "high": closes,
                          "low": closes, "close": closes, "volume": 1.0})  # fmt: skip
    if adjust is not None:
        frame["adj_close"] = [c * adjust for c in closes]
    return frame


def monthly(symbol: str, months: list[date]) -> pd.DataFrame:
    return pd.DataFrame({"symbol": symbol, "date": months, "value": range(len(months))})


def test_latest_completed_session_waits_for_the_close() -> None:
    assert latest_completed_session(datetime(2026, 1, 21, 12, tzinfo=NY)) == date(2026, 1, 20)
    assert latest_completed_session(datetime(2026, 1, 21, 18, 30, tzinfo=NY)) == date(2026, 1, 21)
    # Saturday, and Monday 19 January (Martin Luther King Jr. Day): Friday's session.
    assert latest_completed_session(datetime(2026, 1, 19, 20, tzinfo=NY)) == date(2026, 1, 16)


def test_up_to_date_store_makes_no_provider_call() -> None:
    store = MarketStore.in_memory()
    store.upsert_bars(bars("SPY", SESSIONS), "yahoo:SPY")
    store.upsert_series(monthly("GS10", [date(2025, 11, 1), date(2025, 12, 1)]), "fred:GS10")
    yahoo = CountingProvider({"SPY": bars("SPY", SESSIONS)})
    fred = CountingProvider({"GS10": monthly("GS10", [date(2025, 12, 1)])}, table="series")
    # Friday 23 January 2026, evening: SPY has that session; January's GS10 comes 2 February.
    now = datetime(2026, 1, 23, 19, tzinfo=NY)
    results = refresh_market(store, now, {"yahoo": yahoo, "fred": fred})
    assert yahoo.calls == [] and fred.calls == []
    assert [r.status for r in results] == ["up to date", "up to date"]
    # Monday before the close: still nothing to ask for.
    refresh_market(store, datetime(2026, 1, 26, 15, tzinfo=NY), {"yahoo": yahoo, "fred": fred})
    assert yahoo.calls == [] and fred.calls == []


def test_behind_store_fetches_only_new_days() -> None:
    store = MarketStore.in_memory()
    store.upsert_bars(bars("SPY", SESSIONS[:10]), "yahoo:SPY")
    served = bars("SPY", SESSIONS)
    yahoo = CountingProvider({"SPY": served})
    results = refresh_market(store, datetime(2026, 1, 23, 19, tzinfo=NY), {"yahoo": yahoo})
    assert [c.start for c in yahoo.calls] == [date(2026, 1, 16)]  # the day after the last
    assert all(d > SESSIONS[9] for d in yahoo.returned[0])  # nothing already stored came back
    assert (results[0].status, results[0].rows) == ("updated", 5)
    assert store.values("SPY").tolist() == served["close"].tolist()
    again = refresh_market(store, datetime(2026, 1, 23, 19, tzinfo=NY), {"yahoo": yahoo})
    assert len(yahoo.calls) == 1 and again[0].status == "up to date"


def test_monthly_series_is_asked_for_only_after_its_release() -> None:
    store = MarketStore.in_memory()
    store.upsert_series(monthly("GS10", [date(2025, 11, 1), date(2025, 12, 1)]), "fred:GS10")
    fred = CountingProvider(
        {"GS10": monthly("GS10", [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1)])},
        table="series",
    )
    refresh_market(store, datetime(2026, 1, 30, 19, tzinfo=NY), {"fred": fred})
    assert fred.calls == []
    results = refresh_market(store, datetime(2026, 2, 2, 19, tzinfo=NY), {"fred": fred})
    assert [c.start for c in fred.calls] == [date(2025, 12, 2)]
    assert results[0].rows == 1
    assert store.date_range("GS10", as_of=date(2026, 2, 2))[1] == date(2026, 1, 1)


def test_a_new_dividend_restates_the_adjusted_history() -> None:
    store = MarketStore.in_memory()
    store.upsert_bars(bars("AAPL", SESSIONS[:10], adjust=1.0), "yahoo:AAPL")
    store.upsert_bars(
        bars("AAPL", SESSIONS[:10], adjust=1.0).iloc[:1].assign(adj_close=99.0), "yahoo:AAPL"
    )  # fmt: skip  (an old dividend: the store has adjustments)
    # Since the last refresh a dividend went ex: every earlier adjusted close is now x 0.99.
    served = bars("AAPL", SESSIONS, adjust=0.99)
    served.loc[0, "adj_close"] = 99.0 * 0.99
    yahoo = CountingProvider({"AAPL": served})
    results = refresh_market(store, datetime(2026, 1, 23, 19, tzinfo=NY), {"yahoo": yahoo})
    assert [c.start for c in yahoo.calls] == [SESSIONS[9], SESSIONS[0]]  # overlap, then all
    assert results[0].note == "adjusted closes restated"
    assert store.values("AAPL", adjusted=True).tolist() == pytest.approx(
        served["adj_close"].tolist()
    )


def test_csv_rows_without_adjusted_closes_get_none_added(tmp_path: Path) -> None:
    store = MarketStore.in_memory()
    store.upsert_bars(bars("IWM", SESSIONS[:10]), str(tmp_path / "IWM.csv"))
    yahoo = CountingProvider({"IWM": bars("IWM", SESSIONS, adjust=0.98)})
    refresh_market(store, datetime(2026, 1, 23, 19, tzinfo=NY), {"yahoo": yahoo})
    assert not store.has_adjustments("IWM")  # no break between the file's rows and Yahoo's
    assert store.date_range("IWM")[1] == SESSIONS[-1]


def test_refresh_command_on_an_empty_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["refresh"])
    assert result.exit_code == 0, result.output
    assert "No market store yet" in result.output
    assert "No feeds to refresh" in result.output


def test_yahoo_option_takes_comma_separated_tickers() -> None:
    from copilot.cli.ingest_commands import _listed

    assert _listed(["AAPL,msft", " NVDA ", "AAPL"]) == ["AAPL", "MSFT", "NVDA"]
    assert _listed([]) == []
