"""Code-side corrections of a model-made plan, where the question itself settles the point.

The 1.5B model's plans go wrong in a few repeatable ways that the question's own words decide
(measured on the evaluation set, `benchmarks/results/eval_local.md`):
- "the S&P 500 index" planned on SPY, the ETF, when the store holds the index series;
- a price (WTI crude) sent to `yield_change`, which reports basis points of a rate;
- "from January 9 to January 16" planned with only the end date (a one-day move).
Each correction applies only when the question names the thing unambiguously; otherwise the
model's call runs as planned.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from copilot.errors import CopilotError
from copilot.market.store import MarketStore
from copilot.market.symbols import lookup, resolve_concept
from copilot.numbers import find_dates, on_or_before

BENCHMARK_ETF = "SPY"
_PRICE_KINDS = {"etf", "index", "commodity", "stock", "volatility"}
_WINDOW_TOOLS = {"price_return", "risk_stats", "new_highs", "yield_change"}


def align_with_question(
    calls: list[dict[str, Any]], question: str, as_of: date, store: MarketStore | None
) -> list[dict[str, Any]]:
    """The calls with the corrections above applied (the dicts are updated in place)."""
    if store is None:
        return calls
    stored = [s for s in resolve_concept(question) if store.table_of(s) is not None]
    index = [s for s in stored if (info := lookup(s)) is not None and info.kind == "index"]
    dates = sorted({d for found in find_dates(question) if (d := on_or_before(found, as_of))})
    for call in calls:
        args = call["args"]
        symbol = str(args.get("symbol", "")).upper()
        if symbol == BENCHMARK_ETF and len(index) == 1 and BENCHMARK_ETF not in stored:
            args["symbol"] = index[0]  # the question asked for the index, not the ETF
        if call["tool"] == "yield_change" and _is_price(store, str(args.get("symbol", ""))):
            call["tool"] = "price_return"  # a price changes in percent, not basis points
        if (call["tool"] in _WINDOW_TOOLS and len(dates) == 2 and not args.get("start")
                and not args.get("sessions")):  # fmt: skip
            args["start"] = dates[0].isoformat()
            args.setdefault("end", dates[1].isoformat())
    return calls


def _is_price(store: MarketStore, symbol: str) -> bool:
    info = lookup(symbol)
    if store.table_of(symbol) == "bars":
        return True
    return info is not None and info.kind in _PRICE_KINDS


def usable_symbols(store: MarketStore, symbols: list[str], as_of: date | None) -> list[str]:
    """The symbols with at least two observations by as-of: a one-row snapshot (FRED's latest
    DGS10) cannot answer a change, and offering it steers the model away from the series that
    can (US10Y)."""
    usable = []
    for symbol in symbols:
        if store.table_of(symbol) is None:
            continue
        try:
            first, last = store.date_range(symbol, as_of)
        except CopilotError:  # nothing visible by as-of
            continue
        if first < last:
            usable.append(symbol)
    return usable
