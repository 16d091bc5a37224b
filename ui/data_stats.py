"""What is in the stores, as tables: market coverage with staleness, news counts (pure code)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from copilot.market.symbols import lookup


def sessions_after(last: date, reference: date) -> int | None:
    """NYSE sessions after `last` up to and including `reference` (None outside the calendar)."""
    from copilot.errors import CopilotError
    from copilot.market.calendar import sessions_between

    if reference <= last:
        return 0
    try:
        return len([d for d in sessions_between(last, reference) if d > last])
    except (CopilotError, ValueError, KeyError):  # beyond exchange-calendars' range
        return None


def staleness(kind: str, last: date, reference: date) -> str:
    """How far `last` is behind `reference`: sessions for price bars, days for series."""
    if last >= reference:
        return "up to date"
    if kind == "bars":
        behind = sessions_after(last, reference)
        if behind is not None:
            return "up to date" if behind == 0 else f"{behind} session{'s' * (behind != 1)}"
    days = (reference - last).days
    return f"{days} day{'s' * (days != 1)}"


def coverage_table(coverage: pd.DataFrame, today: date, as_of: date | None) -> pd.DataFrame:
    """One row per symbol: what it is, its dates and rows, and how stale it is."""
    rows = []
    for record in coverage.to_dict("records"):
        symbol, kind = str(record["symbol"]), str(record["kind"])
        first, last = _day(record["first"]), _day(record["last"])
        info = lookup(symbol)
        row: dict[str, Any] = {
            "symbol": symbol,
            "what": info.represents if info else "",
            "kind": "price bars" if kind == "bars" else "series",
            "first": first,
            "last": last,
            "rows": int(record["rows"]),
            "imported": record["imported_at"],
            "behind today": staleness(kind, last, today),
        }
        if as_of is not None:
            row["at the as-of date"] = (
                "no data yet" if first > as_of else staleness(kind, last, as_of)
            )
        rows.append(row)
    return pd.DataFrame(rows)


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(str(value)).date()


def article_metadata(store: Any) -> list[Mapping[str, Any]]:
    """One metadata record per stored article version (its first chunk's)."""
    found = store.collection.get(where={"chunk_index": 0}, include=["metadatas"])
    return list(found["metadatas"] or [])


def news_counts(records: Iterable[Mapping[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles per publication day, articles per publisher), each article counted once."""
    seen: dict[str, Mapping[str, Any]] = {}
    for meta in records:
        seen.setdefault(str(meta.get("article_id", id(meta))), meta)
    days: Counter[date] = Counter()
    publishers: Counter[str] = Counter()
    for meta in seen.values():
        published = datetime.fromisoformat(str(meta["published_at"]))
        days[published.date()] += 1
        publishers[str(meta.get("publisher") or "unknown")] += 1
    by_day = pd.DataFrame(sorted(days.items()), columns=["day", "articles"])
    by_publisher = pd.DataFrame(publishers.most_common(), columns=["publisher", "articles"])
    return by_day, by_publisher
