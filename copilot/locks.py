"""One writer per store (news, market): a file lock, plus a note saying who holds it.

A second writer first says whom it is waiting for, then waits up to a timeout, then fails with
`StoreLockedError` naming the holder (process id, host, command, since when).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from copilot.errors import StoreLockedError


class WriterLock:
    """`with WriterLock(path, timeout_s): …` — exclusive across processes on this machine."""

    def __init__(
        self,
        path: Path,
        timeout_s: float = 60.0,
        on_wait: Callable[[str], None] | None = None,
        what: str = "the news store",
    ) -> None:
        self.path = path
        self.owner_path = path.with_name(path.name + ".owner.json")
        self.timeout_s = timeout_s
        self.on_wait = on_wait
        self.what = what
        self._lock = FileLock(str(path), is_singleton=False)

    def holder(self) -> str:
        """Who holds the lock, as well as the owner note says."""
        try:
            note = json.loads(self.owner_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "another process"
        return (
            f"pid {note.get('pid')} on {note.get('host')} since {note.get('since')} "
            f"({note.get('command')})"
        )

    def __enter__(self) -> WriterLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            if self.on_wait is not None:
                self.on_wait(
                    f"{self.what} is being written by {self.holder()}; "
                    f"waiting up to {self.timeout_s:g} s"
                )
            try:
                self._lock.acquire(timeout=self.timeout_s)
            except Timeout:
                raise StoreLockedError(
                    f"{self.what} is locked by {self.holder()} (waited {self.timeout_s:g} s). "
                    "Let that ingest finish, or retry with a longer --lock-timeout."
                ) from None
        note = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": " ".join(sys.argv)[:200] or "python",
        }
        self.owner_path.write_text(json.dumps(note), encoding="utf-8")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.owner_path.unlink(missing_ok=True)
        self._lock.release()
