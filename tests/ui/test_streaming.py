"""The answer streams: tokens reach `st.write_stream` as they come, tool events the status area."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest

from copilot.answer import AgentEvent, Answer, EventCallback
from copilot.errors import ProviderError
from ui.chat import _tokens
from ui.runner import AskRun


class FakeCopilot:
    """Emits a plan, one tool call and three tokens; the third waits until the test says so."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.release = threading.Event()
        self.asked: tuple[str, date | None] | None = None

    def ask(
        self, question: str, as_of: date | None, on_event: EventCallback,
        cancel: threading.Event | None = None, memory: object = None,
    ) -> Answer:  # fmt: skip
        self.asked = (question, as_of)
        self.cancel = cancel
        on_event(AgentEvent(kind="phase", name="plan"))
        on_event(AgentEvent(kind="tool_started", name="streak", arguments={"symbol": "IWM"}))
        on_event(AgentEvent(kind="tool_finished", name="streak", text="no data", error=True))
        if self.fail:
            raise ProviderError("server down")
        on_event(AgentEvent(kind="phase", name="write"))
        on_event(AgentEvent(kind="token", text="IWM *rose*"))
        on_event(AgentEvent(kind="token", text=" [1]"))
        self.release.wait(5)
        on_event(AgentEvent(kind="token", text=" $5."))
        return Answer(question=question, as_of=as_of, text="IWM *rose* [1] $5.")


class FakeStatus:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def update(self, **kwargs: Any) -> None:
        self.calls.append(("update", kwargs.get("label")))

    def markdown(self, body: str) -> None:
        self.calls.append(("markdown", body))

    def code(self, body: str, **_: Any) -> None:
        self.calls.append(("code", body))

    def caption(self, body: str) -> None:
        self.calls.append(("caption", body))


def test_tokens_stream_before_the_answer_is_done() -> None:
    copilot = FakeCopilot()
    closed: list[bool] = []
    run = AskRun(copilot, "q", date(2026, 1, 23), cleanup=lambda: closed.append(True))  # type: ignore[arg-type]
    status = FakeStatus()
    stream = _tokens(run.start(), status)  # type: ignore[arg-type]
    first = next(stream)
    second = next(stream)
    assert run.answer is None  # still answering: the engine is waiting on `release`
    copilot.release.set()
    rest = list(stream)
    assert [first, second, *rest] == ["IWM \\*rose\\*", " \\[1\\]", " \\$5\\."]  # literal text
    assert run.answer is not None and run.error is None and closed == [True]
    assert copilot.asked == ("q", date(2026, 1, 23))
    assert status.calls == [
        ("update", "Planning which data to look up…"),
        ("update", "Running streak…"),
        ("markdown", "→ `streak`"),
        ("code", '{"symbol": "IWM"}'),
        ("caption", "no data"),
        ("update", "Writing the answer…"),
    ]


def test_an_engine_error_reaches_the_page_and_the_store_is_released() -> None:
    closed: list[bool] = []
    run = AskRun(FakeCopilot(fail=True), "q", None, cleanup=lambda: closed.append(True))  # type: ignore[arg-type]
    assert list(_tokens(run.start(), FakeStatus())) == []  # type: ignore[arg-type]
    assert isinstance(run.error, ProviderError) and run.answer is None
    assert closed == [True]


def test_a_stream_closed_early_cancels_the_run() -> None:
    """The page stops reading (the browser session went away): the engine is told to stop."""
    copilot = FakeCopilot()
    run = AskRun(copilot, "q", None)  # type: ignore[arg-type]
    stream = _tokens(run.start(), FakeStatus())  # type: ignore[arg-type]
    next(stream)
    stream.close()  # what Python does to the generator when the script run is stopped
    assert copilot.cancel is not None and copilot.cancel.is_set()
    copilot.release.set()


def test_waiting_for_the_model_is_shown_with_the_place_in_the_queue() -> None:
    from copilot.answering.model_queue import ModelQueue

    queue = ModelQueue()
    holder = FakeCopilot()
    first = AskRun(holder, "first", None, model_queue=queue).start()  # type: ignore[arg-type]
    stream = _tokens(first, FakeStatus())  # type: ignore[arg-type]
    next(stream)  # the first question holds the model, waiting on `release`
    status = FakeStatus()
    second = AskRun(FakeCopilot(), "second", None, model_queue=queue).start()  # type: ignore[arg-type]
    waiting = _tokens(second, status)  # type: ignore[arg-type]
    holder.release.set()
    list(stream)
    second_copilot = second._copilot
    second_copilot.release.set()  # type: ignore[attr-defined]
    list(waiting)
    assert ("update", "Waiting for the model: 1 question ahead…") in status.calls
    assert second.answer is not None


@pytest.mark.parametrize("count", [1, 3])
def test_gate_readers_share_and_writer_waits(tmp_path: Any, count: int) -> None:
    from ui.market_gate import MarketGate, StoreBusyError

    gate = MarketGate(tmp_path / "market.duckdb")
    with gate.writer() as store:  # creates the file
        assert store is not None
    for _ in range(count):
        gate.acquire_read()
    with pytest.raises(StoreBusyError), gate.writer(timeout_s=0.05):
        pass
    for _ in range(count):
        gate.release_read()
    with gate.writer(timeout_s=1), pytest.raises(StoreBusyError):
        gate.acquire_read(timeout_s=0.05)
    with gate.reader() as store:
        assert store is not None and store.stored_symbols() == []
