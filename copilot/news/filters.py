"""Search filters: a publication window (UTC days), publisher and symbols.

Chroma's metadata range filters cost ~1 s at 100k chunks, so the window is applied in Python
to candidate ids (each chunk id starts with its publication timestamp, see
`models.make_chunk_id`); only publisher/symbol clauses, when given, go to Chroma's `where`.
Every hit is finally checked against its own metadata (`Filters.admits`), so a filter can
never be bypassed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any

from copilot.errors import InvalidArgumentError
from copilot.news.models import NewsHit, chunk_id_timestamp


def day_start_ts(day: date) -> int:
    return int(datetime.combine(day, time(), UTC).timestamp())


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    publisher: str | None = None
    symbols: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        since: date | None = None,
        until: date | None = None,
        as_of: date | None = None,
        publisher: str | None = None,
        symbols: Sequence[str] | None = None,
    ) -> Filters:
        """Validated filters: `since` may not be after `until` or `as_of`."""
        filters = cls(
            since=since,
            until=until,
            as_of=as_of,
            publisher=(publisher or "").strip().casefold() or None,
            symbols=tuple(s.strip().upper() for s in symbols or [] if s.strip()),
        )
        last = filters.last_day
        if since is not None and last is not None and since > last:
            which = "as-of date" if last == as_of else "'until' date"
            raise InvalidArgumentError(f"'since' {since} is after the {which} {last}.")
        return filters

    @property
    def last_day(self) -> date | None:
        return min((d for d in (self.until, self.as_of) if d is not None), default=None)

    @cached_property
    def window(self) -> tuple[int | None, int | None]:
        """Timestamps: published_ts must be >= the first and < the second (None = open)."""
        low = day_start_ts(self.since) if self.since else None
        last = self.last_day
        if last is None or last >= date.max:  # 9999-12-31 has no next day: an open end
            return low, None
        return low, day_start_ts(last + timedelta(days=1))

    def in_window(self, published_ts: int) -> bool:
        low, high = self.window
        return (low is None or published_ts >= low) and (high is None or published_ts < high)

    def id_in_window(self, chunk_id: str) -> bool:
        """From the id alone; ids without a timestamp pass here and are checked on metadata."""
        stamp = chunk_id_timestamp(chunk_id)
        return stamp is None or self.in_window(stamp)

    def where(self, with_window: bool = False) -> dict[str, Any] | None:
        """Chroma `where` for publisher and symbols (any), plus the window if asked."""
        clauses: list[dict[str, Any]] = []
        low, high = self.window if with_window else (None, None)
        if low is not None:
            clauses.append({"published_ts": {"$gte": low}})
        if high is not None:
            clauses.append({"published_ts": {"$lt": high}})
        if self.publisher:
            clauses.append({"publisher_key": self.publisher})
        tags = [{"symbol_tags": {"$contains": s}} for s in self.symbols]
        if len(tags) == 1:
            clauses.append(tags[0])
        elif tags:
            clauses.append({"$or": tags})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, hit: NewsHit) -> bool:
        """The exact check of a stored chunk against every filter."""
        if not self.in_window(int(hit.published_at.timestamp())):
            return False
        if self.publisher and hit.publisher.casefold() != self.publisher:
            return False
        return not self.symbols or any(s in hit.symbols for s in self.symbols)
