"""One deadline per answer, across slot filling, tools, writing and repair, and cancellation.

The deadline comes from settings (`COPILOT_ANSWER_DEADLINE_S`); a cancel event is set by whoever
stops waiting (the browser session went away). Both are checked between phases and on every
streamed token, so an abandoned or overdue answer stops decoding at once instead of holding the
one local model.
"""

from __future__ import annotations

import threading
import time


class Deadline:
    def __init__(self, seconds: float | None, cancel: threading.Event | None = None) -> None:
        self.seconds = seconds
        self.cancel = cancel or threading.Event()
        self._end = time.monotonic() + seconds if seconds else None

    def expired(self) -> bool:
        return self.cancel.is_set() or (self._end is not None and time.monotonic() >= self._end)

    def reason(self) -> str:
        if self.cancel.is_set():
            return "the question was cancelled"
        return f"the answer deadline of {self.seconds:g} s passed"
