"""The fair queue for the one model: arrival order, positions told, cancellation leaves it."""

from __future__ import annotations

import threading
import time

import pytest

from copilot.answering.model_queue import ModelQueue


def test_turns_are_taken_in_arrival_order_and_waiters_hear_their_place() -> None:
    queue = ModelQueue()
    order: list[str] = []
    heard: dict[str, list[int]] = {"b": [], "c": []}
    first_in = threading.Event()
    release = threading.Event()

    def first() -> None:
        with queue.turn():
            first_in.set()
            release.wait(5)
            order.append("a")

    def later(name: str) -> None:
        with queue.turn(heard[name].append):
            order.append(name)

    a = threading.Thread(target=first)
    a.start()
    first_in.wait(5)
    b = threading.Thread(target=later, args=("b",))
    b.start()
    while queue.position(1) != 2:  # ticket 1 (b) waits behind ticket 0 (a)
        time.sleep(0.01)
    c = threading.Thread(target=later, args=("c",))
    c.start()
    while queue.position(2) != 3:
        time.sleep(0.01)
    release.set()
    for t in (a, b, c):
        t.join(5)
    assert order == ["a", "b", "c"]
    assert heard["b"] == [1]  # one question ahead of b
    assert heard["c"][0] == 2  # two ahead of c when it arrived


def test_a_cancelled_waiter_leaves_the_queue() -> None:
    queue = ModelQueue()
    cancel = threading.Event()
    holding = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def hold() -> None:
        with queue.turn():
            holding.set()
            release.wait(5)

    def wait() -> None:
        try:
            with queue.turn(cancel=cancel):
                pass
        except InterruptedError as exc:
            errors.append(exc)

    h = threading.Thread(target=hold)
    h.start()
    holding.wait(5)
    w = threading.Thread(target=wait)
    w.start()
    while queue.position(1) != 2:
        time.sleep(0.01)
    cancel.set()
    w.join(5)
    assert errors and queue.position(1) == 0
    release.set()
    h.join(5)
    with queue.turn():  # the queue is free again
        pass


def test_an_error_inside_a_turn_frees_the_model() -> None:
    queue = ModelQueue()
    with pytest.raises(RuntimeError), queue.turn():
        raise RuntimeError("boom")
    with queue.turn():
        assert queue.position(1) == 1
