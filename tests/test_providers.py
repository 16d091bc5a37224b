"""Market providers on recorded responses in each provider's real format (no network).

One contract test runs over every provider registered in `PROVIDERS`; a provider added to the
dict without a factory here makes that test fail and say so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import httpx
import pandas as pd
import pytest

from copilot.errors import NoDataError, ProviderError
from copilot.market.store import MarketStore
from copilot.settings import Settings
from ingest.market.online import import_online
from ingest.market.providers import (
    PROVIDERS,
    CsvFolderProvider,
    Fetched,
    FetchRequest,
    FredProvider,
    MarketProvider,
    YahooProvider,
)

FIXTURES = Path(__file__).parent / "fixtures" / "market"
STANDARD_COLUMNS = {
    "bars": ["symbol", "date", "open", "high", "low", "close", "volume"],
    "series": ["symbol", "date", "value"],
}
OPTIONAL_COLUMNS = {"bars": {"adj_close"}, "series": {"known_at"}}  # where a provider has them


# ---- recorded responses -------------------------------------------------------------------------


def recorded_yahoo_history() -> pd.DataFrame:
    """What `yfinance.Ticker("IWM").history(...)` returns: a tz-aware `Date` index (exchange
    time), columns Open, High, Low, Close, Adj Close, Volume."""
    frame = pd.read_csv(FIXTURES / "yahoo_IWM_history.csv", index_col="Date")
    index = pd.to_datetime(frame.index, utc=True).tz_convert("America/New_York")
    frame.index = pd.DatetimeIndex(index, name="Date")
    return frame


@dataclass
class FakeYahoo:
    """Stands in for `ticker.history(start, end + 1 day)`; serves the recorded IWM frame."""

    calls: list[tuple[str, date, date]] = field(default_factory=list)

    def __call__(self, symbol: str, start: date, end: date) -> pd.DataFrame:
        self.calls.append((symbol, start, end))
        if symbol != "IWM":
            # yfinance's own message for an unknown ticker (YFPricesMissingError).
            raise Exception(
                f"${symbol}: possibly delisted; no price data found (1d {start} -> {end})"
            )
        frame = recorded_yahoo_history()
        days = frame.index.date
        return frame[(days >= start) & (days < end + timedelta(days=1))]


@dataclass
class FakeFred:
    """A `httpx.MockTransport` handler serving FRED's fredgraph.csv for DGS10."""

    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.url.path == "/graph/fredgraph.csv"
        if request.url.params.get("id") != "DGS10":
            html = "<html><body><h1>Error - Series not found</h1></body></html>"
            return httpx.Response(404, text=html, headers={"content-type": "text/html"})
        body = (FIXTURES / "fred_DGS10.csv").read_bytes()
        return httpx.Response(200, content=body, headers={"content-type": "text/csv"})

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))


# ---- the contract over every registered provider ------------------------------------------------


@dataclass
class Case:
    provider: MarketProvider
    known: FetchRequest
    unknown: FetchRequest
    table: str
    rows: int  # rows the recorded data holds for `known`
    check: Callable[[pd.DataFrame], None]


def csv_case(tmp_path: Path) -> Case:
    folder = tmp_path / "csv" / "prices"
    folder.mkdir(parents=True)
    (folder / "SPY.csv").write_text(
        "date,open,high,low,close,volume\n"
        "2026-01-02,685.00,687.10,680.20,683.17,80000000\n"
        "2026-01-05,684.10,690.00,683.50,688.50,70000000\n"
        "2026-01-06,688.00,693.40,687.00,692.10,65000000\n"
    )

    def check(frame: pd.DataFrame) -> None:
        assert frame["close"].tolist() == [683.17, 688.50, 692.10]

    request = FetchRequest("spy", date(2026, 1, 1), date(2026, 1, 31))
    return Case(
        CsvFolderProvider(tmp_path / "csv"), request, FetchRequest("NOPE"), "bars", 3, check
    )


def yahoo_case(tmp_path: Path) -> Case:
    def check(frame: pd.DataFrame) -> None:
        assert frame["date"].iloc[0] == date(2026, 1, 2)  # the NaN holiday row is gone
        assert frame["close"].iloc[1] == 252.73  # Close, not Adj Close (251.44)
        assert frame["volume"].iloc[-1] == 33882400

    request = FetchRequest("IWM", date(2026, 1, 1), date(2026, 1, 13))
    unknown = FetchRequest("NOPE", date(2026, 1, 1), date(2026, 1, 13))
    return Case(YahooProvider(history=FakeYahoo()), request, unknown, "bars", 8, check)


def fred_case(tmp_path: Path) -> Case:
    def check(frame: pd.DataFrame) -> None:
        assert frame["value"].tolist()[:3] == [4.19, 4.17, 4.18]
        assert date(2026, 1, 19) not in set(frame["date"])

    request = FetchRequest("dgs10", date(2026, 1, 1), date(2026, 1, 31))
    provider = FredProvider(client=FakeFred().client())
    return Case(provider, request, FetchRequest("NOSUCHSERIES"), "series", 12, check)


CASES: dict[str, Callable[[Path], Case]] = {"csv": csv_case, "yahoo": yahoo_case, "fred": fred_case}


@pytest.mark.parametrize("name", list(PROVIDERS))
def test_provider_contract(name: str, tmp_path: Path) -> None:
    assert name in CASES, f"provider {name!r} has no recorded-response factory in CASES"
    case = CASES[name](tmp_path)
    assert isinstance(case.provider, PROVIDERS[name])
    assert case.provider.name == name

    fetched = case.provider.fetch(case.known)
    assert isinstance(fetched, Fetched)
    assert fetched.table == case.table
    frame = fetched.frame
    optional = OPTIONAL_COLUMNS[case.table]
    assert [c for c in frame.columns if c not in optional] == STANDARD_COLUMNS[case.table]
    assert len(frame) == case.rows
    assert set(frame["symbol"]) == {case.known.symbol.upper()}
    assert all(type(d) is date for d in frame["date"])
    dates = list(frame["date"])
    assert all(a < b for a, b in itertools.pairwise(dates)), "dates strictly increase"
    assert case.known.start is not None and case.known.end is not None
    assert case.known.start <= dates[0] and dates[-1] <= case.known.end
    numeric = ["open", "high", "low", "close"] if case.table == "bars" else ["value"]
    for column in numeric:
        assert all(math.isfinite(v) for v in frame[column]), column
    assert list(frame.index) == list(range(len(frame)))
    assert fetched.source
    case.check(frame)

    with pytest.raises(NoDataError):
        case.provider.fetch(case.unknown)


@pytest.mark.parametrize("name", list(PROVIDERS))
def test_provider_window_without_data_raises(name: str, tmp_path: Path) -> None:
    case = CASES[name](tmp_path)
    later = FetchRequest(case.known.symbol, date(2030, 1, 1), date(2030, 1, 31))
    with pytest.raises(NoDataError):
        case.provider.fetch(later)


# ---- Yahoo --------------------------------------------------------------------------------------


def test_yahoo_passes_symbol_and_dates() -> None:
    fake = FakeYahoo()
    fetched = YahooProvider(history=fake).fetch(
        FetchRequest("IWM", date(2026, 1, 5), date(2026, 1, 7))
    )
    # Fetched through today (a later split restates earlier closes), then cut to the window.
    assert fake.calls == [("IWM", date(2026, 1, 5), date.today())]
    assert fetched.frame["date"].tolist() == [date(2026, 1, d) for d in (5, 6, 7)]


def test_yahoo_timestamps_become_exchange_dates() -> None:
    fetched = YahooProvider(history=FakeYahoo()).fetch(FetchRequest("IWM", date(2026, 1, 1)))
    assert fetched.frame["date"].tolist() == [date(2026, 1, d) for d in (2, 5, 6, 7, 8, 9, 12, 13)]


def test_yahoo_offline_is_a_provider_error() -> None:
    def offline(symbol: str, start: date, end: date) -> pd.DataFrame:
        raise Exception(
            "Failed to perform, curl: (6) Could not resolve host: query2.finance.yahoo.com."
        )

    with pytest.raises(ProviderError, match="cannot reach Yahoo Finance for IWM") as info:
        YahooProvider(history=offline).fetch(FetchRequest("IWM"))
    assert "Could not resolve host" in str(info.value)
    assert "market-copilot ingest market" in str(info.value)


def test_yahoo_empty_frame_is_no_data() -> None:
    def empty(symbol: str, start: date, end: date) -> pd.DataFrame:
        return recorded_yahoo_history().iloc[0:0]

    with pytest.raises(NoDataError, match="no rows for IWM"):
        YahooProvider(history=empty).fetch(FetchRequest("IWM"))


def test_yahoo_only_nan_rows_is_no_data() -> None:
    def holiday(symbol: str, start: date, end: date) -> pd.DataFrame:
        return recorded_yahoo_history().iloc[0:1]  # the NaN holiday row alone

    with pytest.raises(NoDataError):
        YahooProvider(history=holiday).fetch(FetchRequest("IWM"))


def test_yahoo_rate_limit_is_a_provider_error() -> None:
    def limited(symbol: str, start: date, end: date) -> pd.DataFrame:
        raise Exception("Too Many Requests. Rate limited. Try after a while.")

    with pytest.raises(ProviderError):
        YahooProvider(history=limited).fetch(FetchRequest("IWM"))


# ---- FRED ---------------------------------------------------------------------------------------


def test_fred_request_and_notes() -> None:
    fake = FakeFred()
    request = FetchRequest("dgs10", date(2026, 1, 1), date(2026, 1, 31))
    fetched = FredProvider(client=fake.client()).fetch(request)
    [sent] = fake.requests
    assert sent.method == "GET"
    assert sent.url.host == "fred.stlouisfed.org"
    assert dict(sent.url.params) == {"id": "DGS10", "cosd": "2026-01-01", "coed": "2026-01-31"}
    assert fetched.source == "fred:DGS10"
    assert "2 dates without an observation ('.' or blank) skipped" in fetched.notes
    assert fetched.frame["value"].iloc[-1] == 4.29


def test_fred_unreachable_is_a_provider_error() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)

    client = httpx.Client(transport=httpx.MockTransport(down))
    with pytest.raises(ProviderError, match="cannot reach FRED for DGS10") as info:
        FredProvider(client=client).fetch(FetchRequest("DGS10"))
    assert "ConnectError" in str(info.value)
    assert "Check the network" in str(info.value)


def test_fred_404_html_is_no_data() -> None:
    with pytest.raises(NoDataError, match="FRED has no series 'NOSUCHSERIES'"):
        FredProvider(client=FakeFred().client()).fetch(FetchRequest("NOSUCHSERIES"))


def test_fred_html_with_200_is_no_data() -> None:
    def html(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, text="<html>maintenance</html>", headers={"content-type": "text/html"}
        )

    client = httpx.Client(transport=httpx.MockTransport(html))
    with pytest.raises(NoDataError):
        FredProvider(client=client).fetch(FetchRequest("DGS10"))


def test_fred_server_error_is_a_provider_error() -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503, text="")))
    with pytest.raises(ProviderError, match="HTTP 503"):
        FredProvider(client=client).fetch(FetchRequest("DGS10"))


# ---- CSV folder ---------------------------------------------------------------------------------


def test_csv_provider_rejects_a_file_with_bad_rows(tmp_path: Path) -> None:
    (tmp_path / "IWM.csv").write_text("date,open,high,low,close,volume\n2026-01-02,1,2,0.5,x,10\n")
    with pytest.raises(ProviderError, match="1 bad row,"):
        CsvFolderProvider(tmp_path).fetch(FetchRequest("IWM"))


def test_csv_provider_symbol_list_is_no_data(tmp_path: Path) -> None:
    (tmp_path / "members.csv").write_text("Symbol,Security\nMMM,3M\n")
    with pytest.raises(NoDataError):
        CsvFolderProvider(tmp_path).fetch(FetchRequest("members", date(2026, 1, 1)))


# ---- online import with the fake providers ------------------------------------------------------


def test_import_online_stores_rows_and_reports_failures(settings: Settings) -> None:
    store = MarketStore.in_memory()
    seen: list[str] = []
    results = import_online(
        store,
        settings,
        yahoo_symbols=["IWM", "NOPE"],
        fred_series=["DGS10", "NOSUCHSERIES"],
        start=date(2026, 1, 1),
        on_item=seen.append,
        yahoo=YahooProvider(history=FakeYahoo()),
        fred=FredProvider(client=FakeFred().client()),
    )
    assert seen == ["yahoo:IWM", "yahoo:NOPE", "fred:DGS10", "fred:NOSUCHSERIES"]
    by_label = {r.source: r for r in results}
    assert [r.status for r in results] == ["imported", "failed", "imported", "failed"]

    iwm = by_label["yahoo:IWM"]
    assert (iwm.rows, iwm.first, iwm.last) == (8, date(2026, 1, 2), date(2026, 1, 13))
    assert "possibly delisted" in (by_label["yahoo:NOPE"].error or "")
    dgs10 = by_label["fred:DGS10"]
    assert (dgs10.rows, dgs10.first, dgs10.last) == (12, date(2026, 1, 2), date(2026, 1, 20))
    assert "NOSUCHSERIES" in (by_label["fred:NOSUCHSERIES"].error or "")

    assert store.count_rows("bars") == 8
    assert store.count_rows("series") == 12
    assert store.values("IWM").loc["2026-01-05"] == 252.73
    assert store.values("DGS10").loc["2026-01-20"] == 4.29
    assert store.sources_of("IWM") == ["yahoo:IWM"]
    assert store.sources_of("DGS10") == ["fred:DGS10"]
    assert store.stored_symbols() == ["DGS10", "IWM"]
    assert store.symbol_info("IWM") is not None


def test_import_online_when_offline_reports_every_symbol(settings: Settings) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network is unreachable", request=request)

    def offline(symbol: str, start: date, end: date) -> pd.DataFrame:
        raise OSError("Could not resolve host: query2.finance.yahoo.com")

    store = MarketStore.in_memory()
    results = import_online(
        store,
        settings,
        ["SPY", "IWM"],
        ["DGS10"],
        date(2026, 1, 1),
        yahoo=YahooProvider(history=offline),
        fred=FredProvider(client=httpx.Client(transport=httpx.MockTransport(down))),
    )
    assert [r.status for r in results] == ["failed"] * 3
    assert all("cannot reach" in (r.error or "") for r in results)
    assert store.count_rows("bars") == store.count_rows("series") == 0
