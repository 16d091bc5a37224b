"""Market providers: one class each, one `fetch` method, registered in `PROVIDERS`.

Every provider returns a frame in the standard schema — bars `symbol,date,open,high,low,close,
volume` (plus `adj_close`, the split- and dividend-adjusted close, where the provider has it) or
series `symbol,date,value` (plus `known_at`, the release date, where the provider has it), dates
as `datetime.date`, oldest first — or raises `NoDataError`; never an empty frame (DESIGN.md
convention 1). Network calls are retried with backoff (`copilot.retry`).
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pandas as pd

from copilot.errors import ImportFileError, NoDataError, ProviderError
from copilot.retry import raise_transient as _raise_transient
from copilot.retry import retrying, transient_http
from ingest.market.layouts import TableKind, parse_file, parse_text, plural, symbol_from_name


@dataclass(frozen=True)
class FetchRequest:
    symbol: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Fetched:
    table: TableKind
    frame: pd.DataFrame
    source: str
    notes: tuple[str, ...] = ()


class MarketProvider(ABC):
    """A source of market data. Subclasses implement `fetch` and nothing else."""

    name: ClassVar[str]

    @abstractmethod
    def fetch(self, request: FetchRequest) -> Fetched:
        """Data for `request`, or `NoDataError`."""


def _window(frame: pd.DataFrame, request: FetchRequest, where: str) -> pd.DataFrame:
    if request.start is not None:
        frame = frame[frame["date"] >= request.start]
    if request.end is not None:
        frame = frame[frame["date"] <= request.end]
    if frame.empty:
        raise NoDataError(
            f"{where} has no {request.symbol} data between {request.start or 'the start'} and "
            f"{request.end or 'the end'}."
        )
    return frame.reset_index(drop=True)


class CsvFolderProvider(MarketProvider):
    """Reads `<SYMBOL>.csv` (any known layout) from a folder, searched recursively."""

    name = "csv"

    def __init__(self, root: Path) -> None:
        self.root = root

    def fetch(self, request: FetchRequest) -> Fetched:
        wanted = request.symbol.upper()
        for path in sorted(self.root.rglob("*.csv")):
            if symbol_from_name(path.stem) == wanted:
                try:
                    parsed = parse_file(path, wanted)
                except ImportFileError as exc:
                    raise ProviderError(str(exc)) from exc
                if parsed.table == "symbols":
                    raise NoDataError(f"{path} is a symbol list, not {wanted} data.")
                if parsed.bad_rows:
                    raise ProviderError(
                        f"{path}: {plural(len(parsed.bad_rows), 'bad row')}, "
                        f"e.g. {parsed.bad_rows[0]}"
                    )
                frame = _window(parsed.frame, request, str(path))
                return Fetched(parsed.table, frame, str(path.resolve()), tuple(parsed.notes))
        raise NoDataError(f"no {wanted}.csv under {self.root}.")


HistoryFn = Callable[[str, date, date], pd.DataFrame]


def _yfinance_history(symbol: str, start: date, end: date) -> pd.DataFrame:
    import yfinance  # imported lazily: it is slow to import and only needed online

    ticker = yfinance.Ticker(symbol)
    # Close (split-adjusted by Yahoo), Adj Close (splits and dividends) and the actions, so the
    # provider can restore the closes as printed; `end` is exclusive in yfinance.
    frame: pd.DataFrame = ticker.history(
        start=start, end=end + timedelta(days=1), auto_adjust=False, actions=True,
        raise_errors=True,
    )  # fmt: skip
    return frame


def unsplit(raw: pd.DataFrame) -> pd.DataFrame:
    """Yahoo's OHLC and volume are restated for every split since: multiply each row's prices
    (divide its volume) by the splits *after* it to get what was printed that day. The frame
    must reach today (a later split not in it would go unnoticed)."""
    if "Stock Splits" not in raw.columns:
        return raw
    ratios = raw["Stock Splits"].fillna(0.0).astype(float)
    ratios = ratios.where(ratios > 0, 1.0)
    # The split applies from its ex-date on: rows before it carry every later split's ratio.
    later = ratios[::-1].cumprod()[::-1].shift(-1, fill_value=1.0)
    out = raw.copy()
    for column in ("Open", "High", "Low", "Close"):
        out[column] = raw[column] * later
    out["Volume"] = raw["Volume"] / later
    return out


class YahooProvider(MarketProvider):
    """Daily bars from Yahoo Finance through `yfinance`: OHLC and volume as printed that day
    (splits undone), and `adj_close`, Yahoo's split- and dividend-adjusted close."""

    name = "yahoo"

    def __init__(self, history: HistoryFn | None = None) -> None:
        self._history = history or _yfinance_history

    def fetch(self, request: FetchRequest) -> Fetched:
        start = request.start or date(1990, 1, 1)
        try:  # through today, whatever the window: a later split restates every earlier close
            raw = retrying(lambda: self._history(request.symbol, start, date.today()),
                           f"Yahoo Finance {request.symbol}", _yahoo_transient)  # fmt: skip
        except Exception as exc:  # yfinance raises many types; all mean "Yahoo said no"
            message = str(exc) or type(exc).__name__
            lowered = message.lower()
            if "too many requests" in lowered or "rate limit" in lowered:
                raise ProviderError(
                    f"Yahoo Finance is rate-limiting requests ({message}); retry in a while."
                ) from exc
            if _looks_offline(message):
                raise ProviderError(
                    f"cannot reach Yahoo Finance for {request.symbol} ({message}). Check the "
                    "network, or import CSV files with `market-copilot ingest market PATH`."
                ) from exc
            raise NoDataError(f"Yahoo Finance has no data for {request.symbol}: {message}") from exc
        if raw is None or raw.empty:
            raise NoDataError(f"Yahoo Finance returned no rows for {request.symbol}.")
        raw = unsplit(raw)
        frame = pd.DataFrame(
            {
                "symbol": request.symbol.upper(),
                "date": [ts.date() for ts in pd.DatetimeIndex(raw.index)],
                "open": raw["Open"].to_numpy(dtype=float),
                "high": raw["High"].to_numpy(dtype=float),
                "low": raw["Low"].to_numpy(dtype=float),
                "close": raw["Close"].to_numpy(dtype=float),
                "volume": raw["Volume"].to_numpy(dtype=float),
                "adj_close": raw.get("Adj Close", raw["Close"]).to_numpy(dtype=float),
            }
        )
        # Yahoo sends rows with missing prices on some holidays: those are not bars.
        frame = frame.dropna(subset=["open", "high", "low", "close"])
        frame = frame[frame[["open", "high", "low", "close"]].gt(0).all(axis=1)]
        frame = frame.drop_duplicates("date", keep="last").sort_values("date")
        return Fetched("bars", _window(frame, request, "Yahoo Finance"), f"yahoo:{request.symbol}")


FRED_CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"


class FredProvider(MarketProvider):
    """Series from FRED's public CSV endpoint (no API key)."""

    name = "fred"

    def __init__(self, client: httpx.Client | None = None, base_url: str = FRED_CSV_URL) -> None:
        self._client = client
        self.base_url = base_url

    def fetch(self, request: FetchRequest) -> Fetched:
        series = request.symbol.upper()
        params: dict[str, Any] = {"id": series}
        if request.start:
            params["cosd"] = request.start.isoformat()
        if request.end:
            params["coed"] = request.end.isoformat()
        client = self._client or httpx.Client(timeout=20.0, follow_redirects=True)
        try:
            response = retrying(
                lambda: _raise_transient(client.get(self.base_url, params=params)),
                f"FRED {series}", transient_http,
            )  # fmt: skip
        except httpx.HTTPError as exc:
            raise ProviderError(
                f"cannot reach FRED for {series} ({type(exc).__name__}: {exc}). Check the network, "
                "or import CSV files with `market-copilot ingest market PATH`."
            ) from exc
        finally:
            if self._client is None:
                client.close()
        if response.status_code == 404 or "text/html" in response.headers.get("content-type", ""):
            raise NoDataError(f"FRED has no series {series!r}.")
        if response.status_code >= 400:
            raise ProviderError(f"FRED answered HTTP {response.status_code} for {series}.")
        try:
            parsed = parse_text(Path(f"fred:{series}"), response.text, series)
        except ImportFileError as exc:
            raise NoDataError(f"FRED sent no usable data for {series}: {exc.reason}") from exc
        if parsed.bad_rows:
            raise ProviderError(f"FRED data for {series} has bad rows: {parsed.bad_rows[0]}")
        if parsed.frame.empty:
            raise NoDataError(f"FRED has no observations of {series} in that window.")
        frame = _window(parsed.frame, request, "FRED")
        return Fetched("series", frame, f"fred:{series}", tuple(parsed.notes))


def _yahoo_transient(exc: BaseException) -> bool:
    """Rate limits and network trouble are worth another try; 'no such ticker' is not."""
    lowered = str(exc).lower()
    return "too many requests" in lowered or "rate limit" in lowered or _looks_offline(lowered)


def _looks_offline(message: str) -> bool:
    lowered = message.lower()
    return any(
        word in lowered
        for word in (
            "resolve",
            "connection",
            "timed out",
            "timeout",
            "network",
            "curl: (6)",
        )
    )


def online_providers(fred_csv_url: str = FRED_CSV_URL) -> dict[str, MarketProvider]:
    """The online providers by name, FRED at `fred_csv_url` (`Settings.fred_csv_url`)."""
    return {"yahoo": YahooProvider(), "fred": FredProvider(base_url=fred_csv_url)}


PROVIDERS: dict[str, type[MarketProvider]] = {
    CsvFolderProvider.name: CsvFolderProvider,
    YahooProvider.name: YahooProvider,
    FredProvider.name: FredProvider,
}


def read_csv_text(text: str) -> pd.DataFrame:
    """Parse a recorded CSV response with pandas (used by tests and fixtures)."""
    return pd.read_csv(io.StringIO(text))
