"""Run a question in a worker thread and hand its progress to the script thread as events.

`Copilot.ask` reports through a callback; Streamlit wants a generator for `st.write_stream` and
wants every `st.*` call made from the script thread. The worker only puts events on a queue;
the script thread consumes them (tokens are streamed, tool events update the status area).
When the script stops consuming (the browser session went away, or the user asked something
else), `cancel()` stops the worker's decoding; answers take turns on the one model
(`copilot.answering.model_queue`), and a waiting one is told its place.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from copilot.answer import AgentEvent

if TYPE_CHECKING:
    from copilot.agent import Copilot
    from copilot.answer import Answer
    from copilot.answering.model_queue import ModelQueue


@dataclass
class _Done:
    answer: Answer | None
    error: BaseException | None


class AskRun:
    """One question being answered; iterate `events()` in the script thread."""

    def __init__(
        self,
        copilot: Copilot,
        question: str,
        as_of: date | None,
        cleanup: Callable[[], None] = lambda: None,
        model_queue: ModelQueue | None = None,
    ) -> None:
        self._copilot = copilot
        self._question = question
        self._as_of = as_of
        self._cleanup = cleanup
        self._model_queue = model_queue
        self._cancel = threading.Event()
        self._queue: queue.Queue[AgentEvent | _Done] = queue.Queue()
        self.answer: Answer | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="copilot-ask", daemon=True)

    def start(self) -> AskRun:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop the work: waiting for the model, or decoding, ends at the next token."""
        self._cancel.set()

    def _waiting(self, ahead: int) -> None:
        text = f"Waiting for the model: {ahead} question{'s' if ahead != 1 else ''} ahead…"
        self._queue.put(AgentEvent(kind="phase", name="queued", text=text))

    def _work(self) -> None:
        try:
            if self._model_queue is None:
                answer = self._ask()
            else:
                with self._model_queue.turn(self._waiting, self._cancel):
                    answer = self._ask()
            self._queue.put(_Done(answer, None))
        except BaseException as exc:  # handed to the script thread, which decides
            self._queue.put(_Done(None, exc))
        finally:
            self._cleanup()  # the worker owns the store it used: it closes it, not the page

    def _ask(self) -> Answer:
        return self._copilot.ask(
            self._question, self._as_of, on_event=self._queue.put, cancel=self._cancel
        )

    def events(self) -> Iterator[AgentEvent]:
        """Events until the answer is done; then `answer` or `error` is set."""
        while True:
            item = self._queue.get()
            if isinstance(item, _Done):
                self.answer, self.error = item.answer, item.error
                return
            yield item
