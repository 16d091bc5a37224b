"""Shared plumbing for the market tools: symbols, loading values, registering sources."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from copilot.errors import UnknownSymbolError
from copilot.facts import Fact
from copilot.market.store import MarketStore
from copilot.market.symbols import lookup, resolve_concept
from copilot.sources import DataSource
from copilot.tools.registry import ToolDeps, ToolOutput


def store_of(deps: ToolDeps) -> MarketStore:
    if deps.market is None:
        raise UnknownSymbolError(
            "the market store is empty: import data with `market-copilot ingest market PATH`."
        )
    store: MarketStore = deps.market
    return store


def normalize_symbol(deps: ToolDeps, text: str) -> str:
    """A stored symbol for `text`: the symbol itself, or what a phrase like 'small caps' means."""
    store = store_of(deps)
    wanted = text.strip().upper()
    if store.table_of(wanted) is not None:
        return wanted
    for candidate in resolve_concept(text):
        if store.table_of(candidate) is not None:
            return candidate
    known = ", ".join(store.stored_symbols())
    ticker = wanted if re.fullmatch(r"[A-Z0-9.^=-]{1,12}", wanted) else "SYMBOL"
    raise UnknownSymbolError(
        f"no data for {text!r}. Symbols available: {known}. To add it: "
        f"`market-copilot ingest online --yahoo {ticker}` (a FRED series: `--fred ID`)."
    )


def latest_day(deps: ToolDeps, symbol: str) -> date:
    """The last date with data for `symbol`, never after the as-of date."""
    _, last = store_of(deps).date_range(symbol, as_of=deps.as_of)
    return last


def load(deps: ToolDeps, symbol: str) -> pd.Series:
    """All of `symbol`'s closes/values visible at the as-of date."""
    return store_of(deps).values(symbol, as_of=deps.as_of)


def describe(symbol: str) -> str:
    info = lookup(symbol)
    return f"{symbol} ({info.represents})" if info else symbol


DEFINITION = "Definition:"  # the line of a data tool's output that defines its metric


def without_definitions(output: str) -> str:
    """A tool's output without its definition lines: they stay in the Sources, and the small
    model copied them as prose ("a beat_streak of 2 consecutive sessions ending at a date, on
    dates both have, …")."""
    return "\n".join(line for line in output.splitlines() if not line.startswith(DEFINITION))


def cite(
    deps: ToolDeps,
    tool: str,
    symbols: list[str],
    start: date | None,
    end: date | None,
    metric: str,
    body: str,
    values: dict[str, str],
    data: dict[str, object],
    facts: list[Fact] | None = None,
) -> ToolOutput:
    """Register the data source in the ledger and return `[n] body` plus the structured data."""
    store = store_of(deps)
    provenance = sorted({src for s in symbols for src in store.sources_of(s)})
    as_of = max(store.date_range(s, as_of=deps.as_of)[1] for s in symbols)
    source = DataSource(
        tool=tool, metric=metric, symbols=symbols, start=start, end=end, data_as_of=as_of,
        provenance=provenance, values=values, text=f"{body} {DEFINITION} {metric}",
        facts=facts or [],
    )  # fmt: skip
    n = deps.ledger.register(source)
    text = f"[{n}] {body}\n{DEFINITION} {metric}"
    return ToolOutput(text=text, data={"source": n, **data}, sources=[n])
