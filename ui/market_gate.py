"""Safe access to the DuckDB market store from Streamlit's many session threads.

A DuckDB connection is not thread-safe, and a process cannot hold the file read-only and
read-write at once. So: every use opens its own short-lived read-only `MarketStore` (cheap: a
few milliseconds) and closes it, and an import from the Data page takes the store exclusively —
readers wait for it, and it waits for readers. Between uses the UI holds no connection, so a
`market-copilot ingest` in another process is never locked out by an idle app.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from copilot.errors import CopilotError

if TYPE_CHECKING:
    from copilot.market.store import MarketStore

WAIT_S = 30.0


class StoreBusyError(CopilotError):
    """The market store is being written (an import) and did not become free in time."""


class MarketGate:
    """Readers share the store; a writer has it alone (a small readers-writer lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    def exists(self) -> bool:
        return self.path.is_file()

    def acquire_read(self, timeout_s: float = WAIT_S) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing, timeout_s):
                raise StoreBusyError(
                    "an import is writing to the market store; try again when it has finished."
                )
            self._readers += 1

    def release_read(self) -> None:
        """May be called from another thread than `acquire_read` (a question's worker)."""
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    def open_reader(self) -> MarketStore | None:
        """A read-only store (caller holds the read side), or None when there is no store."""
        from copilot.market.store import MarketStore

        if not self.exists():
            return None
        try:
            return MarketStore.open(self.path, read_only=True)
        except duckdb.IOException as exc:  # e.g. another process holds the write lock
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"another process is writing to {self.path} (an import?); try again soon."
                ) from None
            raise

    def fetch(self, sql: str) -> list[tuple[object, ...]]:
        """Rows of one read-only SQL query, without loading pandas (for the first page)."""
        if not self.exists():
            return []
        self.acquire_read()
        try:
            con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.IOException as exc:
            self.release_read()
            raise StoreBusyError(f"cannot read {self.path}: {exc}") from None
        try:
            return [tuple(row) for row in con.execute(sql).fetchall()]
        finally:
            con.close()
            self.release_read()

    @contextmanager
    def reader(self) -> Iterator[MarketStore | None]:
        """`with gate.reader() as store:` — None when nothing has been imported yet."""
        self.acquire_read()
        store = None
        try:
            store = self.open_reader()
            yield store
        finally:
            if store is not None:
                store.close()
            self.release_read()

    @contextmanager
    def writer(self, timeout_s: float = 120.0) -> Iterator[MarketStore]:
        """The store opened for writing, once no question or page is reading it."""
        from copilot.market.store import MarketStore

        with self._cond:
            ready = self._cond.wait_for(lambda: not self._writing and not self._readers, timeout_s)
            if not ready:
                raise StoreBusyError("questions are still reading the market store; try again.")
            self._writing = True
        try:
            with MarketStore.open(self.path) as store:
                yield store
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
