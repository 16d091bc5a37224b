"""`ScriptedLLM`: the deterministic fake model of the unit tests.

Each `complete`/`stream` call consumes the next scripted turn:

* a `str` — the reply;
* a callable `(messages) -> str` — computes the reply and lets a test assert on what the model
  was shown;
* an exception instance — raised, to simulate a failing provider.

`routes` answer a kind of call outside the script, as often as it comes: `(predicate, turn)`
pairs, the first whose predicate holds for the call's messages answering it (a research report's
reasons turns, one per article, however many articles the store has).

Running out of turns fails the test with an `AssertionError` naming the call; a test must end
with `assert_consumed()` so that turns it scripted but never reached fail it too. `calls` holds a
copy of every messages list, in order.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from copilot.llm.base import STOPPED, ChatMessage, LLMResponse, StopWhen, TokenCallback

ScriptedTurn = str | Callable[[list[ChatMessage]], str] | BaseException

_PIECE_RE = re.compile(r"\s*\S+|\s+")


class ScriptedLLM:
    """An `LLM` that replays scripted turns (see the module docstring)."""

    def __init__(
        self,
        turns: Iterable[ScriptedTurn],
        *,
        model_id: str = "scripted",
        routes: Iterable[tuple[Callable[[list[ChatMessage]], bool], ScriptedTurn]] = (),
    ) -> None:
        self.model_id = model_id
        self._turns: list[ScriptedTurn] = list(turns)
        self._routes = list(routes)
        self._next = 0
        self.calls: list[list[ChatMessage]] = []
        self.json_schemas: list[dict[str, Any] | None] = []

    @property
    def remaining(self) -> int:
        return len(self._turns) - self._next

    def assert_consumed(self) -> None:
        """Fail when scripted turns were never used (the code under test stopped early)."""
        if self.remaining:
            left = self._turns[self._next :]
            raise AssertionError(
                f"ScriptedLLM: {self.remaining} scripted turn(s) never consumed "
                f"after {len(self.calls)} call(s); next unused: {_describe(left[0])}"
            )

    def complete(
        self,
        messages: list[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
    ) -> LLMResponse:
        start = time.perf_counter()
        text = self._take("complete", messages, json_schema)
        if json_schema is not None:
            try:
                json.loads(text)
            except ValueError as exc:
                raise AssertionError(
                    f"ScriptedLLM call #{len(self.calls)} (complete with json_schema): the "
                    f"scripted turn is not JSON ({exc}): {text[:200]!r}"
                ) from exc
        return self._response(text, messages, start, first_token=None)

    def stream(
        self,
        messages: list[ChatMessage],
        on_token: TokenCallback,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop_when: StopWhen | None = None,
    ) -> LLMResponse:
        start = time.perf_counter()
        script = self._take("stream", messages, None)
        first: float | None = None
        text = ""
        for piece in _PIECE_RE.findall(script):
            if stop_when is not None and stop_when(text + piece):
                response = self._response(text, messages, start, first_token=first)
                response.finish_reason = STOPPED
                return response
            if first is None:
                first = time.perf_counter() - start
            on_token(piece)
            text += piece
        return self._response(script, messages, start, first_token=first)

    def _take(
        self, kind: str, messages: list[ChatMessage], json_schema: dict[str, Any] | None
    ) -> str:
        self.calls.append([ChatMessage(role=m["role"], content=m["content"]) for m in messages])
        self.json_schemas.append(json_schema)
        number = len(self.calls)
        routed = next((turn for holds, turn in self._routes if holds(self.calls[-1])), None)
        if routed is not None:
            return self._play(routed, number)
        if self._next >= len(self._turns):
            last = messages[-1]["content"][:200] if messages else ""
            raise AssertionError(
                f"ScriptedLLM: unexpected call #{number} ({kind}): all {len(self._turns)} "
                f"scripted turn(s) were consumed; last message: {last!r}"
            )
        turn = self._turns[self._next]
        self._next += 1
        return self._play(turn, number)

    def _play(self, turn: ScriptedTurn, number: int) -> str:
        if isinstance(turn, BaseException):
            raise turn
        text = turn if isinstance(turn, str) else turn(self.calls[-1])
        if not isinstance(text, str):
            raise AssertionError(f"ScriptedLLM call #{number}: turn returned {type(text)}")
        return text

    def _response(
        self, text: str, messages: list[ChatMessage], start: float, first_token: float | None
    ) -> LLMResponse:
        prompt = sum(len(m["content"].split()) for m in messages)
        return LLMResponse(
            text=text,
            model=self.model_id,
            prompt_tokens=prompt,
            completion_tokens=len(text.split()),
            seconds=time.perf_counter() - start,
            first_token_seconds=first_token,
            finish_reason="stop",
        )


def _describe(turn: ScriptedTurn) -> str:
    if isinstance(turn, str):
        return repr(turn[:120])
    if isinstance(turn, BaseException):
        return f"raise {turn!r}"
    return f"callable {getattr(turn, '__name__', repr(turn))}"
