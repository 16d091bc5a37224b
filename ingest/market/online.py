"""Download the configured universe from Yahoo Finance and FRED into the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from copilot.errors import NoDataError, ProviderError
from copilot.market.store import MarketStore
from copilot.settings import Settings
from ingest.market.folder import ImportResult, describe_symbol
from ingest.market.providers import FetchRequest, FredProvider, MarketProvider, YahooProvider


def import_online(
    store: MarketStore,
    settings: Settings,
    yahoo_symbols: list[str],
    fred_series: list[str],
    start: date,
    on_item: Callable[[str], None] | None = None,
    yahoo: MarketProvider | None = None,
    fred: MarketProvider | None = None,
) -> list[ImportResult]:
    """Fetch each symbol and store it in its own transaction; failures are reported, not fatal."""
    yahoo = yahoo or YahooProvider()
    fred = fred or FredProvider(base_url=settings.fred_csv_url)
    work = [(yahoo, s) for s in yahoo_symbols] + [(fred, s) for s in fred_series]
    results = []
    for provider, symbol in work:
        results.append(_import_one(store, provider, FetchRequest(symbol, start, None)))
        if on_item is not None:
            on_item(f"{provider.name}:{symbol}")
    return results


def _import_one(
    store: MarketStore, provider: MarketProvider, request: FetchRequest
) -> ImportResult:
    label = f"{provider.name}:{request.symbol}"
    try:
        fetched = provider.fetch(request)
    except (NoDataError, ProviderError) as exc:
        return ImportResult(label, "failed", provider.name, [request.symbol], error=str(exc))
    frame = fetched.frame
    symbol = str(frame["symbol"].iloc[0])
    with store.transaction():
        if fetched.table == "bars":
            rows = store.upsert_bars(frame, fetched.source)
        else:
            rows = store.upsert_series(frame, fetched.source)
        store.upsert_symbols([describe_symbol(symbol, fetched.table, store)], fetched.source)
    return ImportResult(
        label, "imported", provider.name, [symbol], rows,
        frame["date"].min(), frame["date"].max(), list(fetched.notes),
    )  # fmt: skip
