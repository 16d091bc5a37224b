"""A fair queue for the one local model: answers take turns in arrival order.

The embedded model answers one question at a time (a `Llama` is not thread-safe, and two
decodes on 2 cores only slow each other). Browser sessions that ask at once wait in FIFO order
and are told their place; a waiter whose session went away leaves the queue.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_S = 0.5


class ModelQueue:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting: deque[int] = deque()
        self._tickets = itertools.count()

    def position(self, ticket: int) -> int:
        """1 = next (or running); 0 = not queued."""
        with self._cond:
            return self._waiting.index(ticket) + 1 if ticket in self._waiting else 0

    @contextmanager
    def turn(
        self,
        on_wait: Callable[[int], None] = lambda _position: None,
        cancel: threading.Event | None = None,
    ) -> Iterator[None]:
        """Wait for this caller's turn (`on_wait(position)` whenever it changes); raises
        `InterruptedError` if `cancel` is set while waiting."""
        ticket = next(self._tickets)
        with self._cond:
            self._waiting.append(ticket)
            shown = 0
            try:
                while self._waiting[0] != ticket:
                    position = self._waiting.index(ticket) + 1
                    if position != shown:
                        shown = position
                        on_wait(position - 1)  # how many are ahead
                    if cancel is not None and cancel.is_set():
                        raise InterruptedError("the question was cancelled while waiting")
                    self._cond.wait(POLL_S)
            except BaseException:
                self._waiting.remove(ticket)
                self._cond.notify_all()
                raise
        try:
            yield
        finally:
            with self._cond:
                self._waiting.remove(ticket)
                self._cond.notify_all()
