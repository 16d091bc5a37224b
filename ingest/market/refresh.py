"""Incremental refresh: fetch only what is new since each stored symbol's last date.

For every stored symbol the provider is the one its rows came from (`yahoo:SPY`, `fred:DGS10`);
a symbol imported from a file is refreshed from Yahoo under its own ticker (price bars) or from
the FRED series in `FILE_SERIES` (the shared sample's series), else skipped with the reason.
Nothing is asked of a provider before new data can exist: a price needs a completed NYSE session
after the last stored one, a macro series the release date of its next observation
(`copilot.market.release`). So `refresh` on an up-to-date store makes no provider call at all.

Adjusted closes are restated by every later split or dividend: a symbol stored with adjusted
closes is fetched from its last stored day, and when that day's adjusted/raw ratio moved, its
whole history is fetched again so the adjusted series has no break. A symbol stored without
adjusted closes (a CSV import) keeps none, for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import pandas as pd

from copilot.errors import NoDataError, ProviderError
from copilot.market.calendar import nyse
from copilot.market.release import next_release as next_observation
from copilot.market.store import MarketStore
from ingest.market.providers import (
    Fetched,
    FetchRequest,
    FredProvider,
    MarketProvider,
    YahooProvider,
)

Status = Literal["updated", "up to date", "no new data", "failed", "skipped"]
NEW_YORK = ZoneInfo("America/New_York")
SETTLED = time(18, 0)  # a session's close is final (and at the providers) by 18:00 New York
# Series of the shared sample (files) and the FRED series that continues each.
FILE_SERIES = {"US10Y": "GS10", "CPI": "CPIAUCNS", "SP500": "SP500", "WTI": "DCOILWTICO"}
FILE_BARS = {"VIX": "^VIX"}  # a file's bars whose Yahoo ticker differs from the symbol
RATIO_TOLERANCE = 1e-6


@dataclass
class RefreshResult:
    """What `refresh` did for one stored symbol."""

    symbol: str
    status: Status
    provider: str = ""
    rows: int = 0
    first: date | None = None
    last: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """Where a stored symbol's new data comes from."""

    symbol: str
    table: str
    provider: str  # "yahoo" or "fred"
    remote: str  # the provider's name for it
    last: date


def latest_completed_session(now: datetime) -> date:
    """The last NYSE session whose close is settled at `now` (any time zone; naive = UTC)."""
    local = (now if now.tzinfo else now.replace(tzinfo=ZoneInfo("UTC"))).astimezone(NEW_YORK)
    cal = nyse()
    day = pd.Timestamp(local.date())
    if local.time() < SETTLED or not cal.is_session(day):
        day = day - pd.Timedelta(days=1)
    return pd.Timestamp(cal.date_to_session(day, direction="previous")).date()


def plan_for(store: MarketStore, symbol: str) -> Plan | str:
    """The provider for `symbol`, or why it cannot be refreshed."""
    meta = store.symbol_meta(symbol)
    assert meta is not None
    online = [s for s in meta.sources if s.startswith(("yahoo:", "fred:"))]
    if online:
        provider, _, remote = sorted(online)[-1].partition(":")
        return Plan(symbol, meta.table, provider, remote, meta.last)
    if meta.table == "bars":
        return Plan(symbol, "bars", "yahoo", FILE_BARS.get(symbol, symbol), meta.last)
    if symbol in FILE_SERIES:
        return Plan(symbol, "series", "fred", FILE_SERIES[symbol], meta.last)
    return "imported from a file with no known online source: re-import the file"


def next_release(store: MarketStore, plan: Plan) -> date:
    """The first day new data can exist: the session after the last bar; for a series, the
    release date of the observation that follows the last one."""
    if plan.table == "bars":
        after = pd.Timestamp(plan.last) + pd.Timedelta(days=1)
        return pd.Timestamp(nyse().date_to_session(after, direction="next")).date()
    dates = [d.date() for d in pd.DatetimeIndex(store.values(plan.symbol).index)]
    return next_observation(plan.symbol, dates)[1]


def refresh_market(
    store: MarketStore,
    now: datetime | None = None,
    providers: dict[str, MarketProvider] | None = None,
    on_item: Callable[[str, int], None] | None = None,
) -> list[RefreshResult]:
    """Bring every stored symbol up to date; each symbol is its own transaction."""
    moment = now or datetime.now(tz=NEW_YORK)
    chosen = providers or {"yahoo": YahooProvider(), "fred": FredProvider()}
    session = latest_completed_session(moment)
    today = moment.astimezone(NEW_YORK).date() if moment.tzinfo else moment.date()
    symbols = store.stored_symbols()
    results = []
    for symbol in symbols:
        results.append(_refresh_one(store, symbol, chosen, session, today))
        if on_item is not None:
            on_item(symbol, len(symbols))
    return results


def _refresh_one(
    store: MarketStore, symbol: str, providers: dict[str, MarketProvider], session: date,
    today: date,
) -> RefreshResult:  # fmt: skip
    plan = plan_for(store, symbol)
    if isinstance(plan, str):
        return RefreshResult(symbol, "skipped", note=plan)
    due = next_release(store, plan)
    if due > (session if plan.table == "bars" else today):
        return RefreshResult(symbol, "up to date", plan.provider, note=f"next data {due}")
    adjusted = plan.table == "bars" and store.has_adjustments(symbol)
    start = plan.last if adjusted else plan.last + timedelta(days=1)
    try:
        fetched = providers[plan.provider].fetch(FetchRequest(plan.remote, start, None))
        frame, note = fetched.frame.assign(symbol=symbol), ""
        if adjusted and _restated(store, symbol, frame, plan.last):
            first = store.date_range(symbol)[0]
            fetched = providers[plan.provider].fetch(FetchRequest(plan.remote, first, None))
            frame, note = fetched.frame.assign(symbol=symbol), "adjusted closes restated"
    except NoDataError as exc:  # new data was due: say what the provider said
        return RefreshResult(symbol, "no new data", plan.provider,
                             note=f"nothing after {plan.last} (due from {due}): {exc}")  # fmt: skip
    except ProviderError as exc:
        return RefreshResult(symbol, "failed", plan.provider, note=str(exc))
    if not note:
        frame = frame[frame["date"] > plan.last]
    if plan.table == "bars" and not adjusted and "adj_close" in frame.columns:
        frame = frame.drop(columns="adj_close")  # the stored rows have none: no break
    if frame.empty:
        return RefreshResult(symbol, "up to date", plan.provider, note="no new data yet")
    rows = _store(store, fetched, frame)
    return RefreshResult(symbol, "updated", plan.provider, rows, frame["date"].min(),
                         frame["date"].max(), note)  # fmt: skip


def _restated(store: MarketStore, symbol: str, frame: pd.DataFrame, day: date) -> bool:
    """Whether the adjusted/raw ratio of the last stored day changed (a split or dividend
    since the last refresh)."""
    row = frame[frame["date"] == day]
    if row.empty or "adj_close" not in frame.columns:
        return False
    stored = store.values(symbol, start=day, end=day, adjusted=True).iloc[-1]
    stored_ratio = stored / store.values(symbol, start=day, end=day).iloc[-1]
    fetched_ratio = float(row["adj_close"].iloc[0]) / float(row["close"].iloc[0])
    return bool(abs(fetched_ratio / stored_ratio - 1.0) > RATIO_TOLERANCE)


def _store(store: MarketStore, fetched: Fetched, frame: pd.DataFrame) -> int:
    with store.transaction():
        if fetched.table == "bars":
            return store.upsert_bars(frame, fetched.source)
        return store.upsert_series(frame, fetched.source)
