"""`LoadingLLM`: the model loads in the background while code answers what it can."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from copilot.agent import Copilot
from copilot.answer import AgentEvent
from copilot.errors import ConfigError, ProviderError
from copilot.llm.base import LLM, ChatMessage
from copilot.llm.loading import LoadingLLM
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps


def test_calls_go_to_the_loaded_model() -> None:
    inner = ScriptedLLM(["one", "two"], model_id="m1")
    llm = LoadingLLM(lambda: inner)
    assert llm.model_id == "m1"
    assert llm.complete([{"role": "user", "content": "q"}]).text == "one"
    tokens: list[str] = []
    assert llm.stream([{"role": "user", "content": "q"}], tokens.append).text == "two"
    assert "".join(tokens) == "two"
    assert llm.prime([{"role": "system", "content": "s"}]) == "unsupported"  # no KV cache
    inner.assert_consumed()


class _Judging(ScriptedLLM):
    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        return [0.25] * len(conversations)


def test_a_yes_no_reading_goes_to_the_loaded_model_when_it_can_give_one() -> None:
    # The cause judge reads reasons through the app's and the CLI's loading model.
    asked: list[ChatMessage] = [{"role": "user", "content": "yes or no?"}]
    assert LoadingLLM(lambda: _Judging([])).yes_probabilities([asked, asked]) == [0.25, 0.25]
    with pytest.raises(ProviderError, match="m1 gives no token probabilities to judge with"):
        LoadingLLM(lambda: ScriptedLLM([], model_id="m1")).yes_probabilities([asked])


def test_a_failed_load_raises_its_own_error_at_the_first_call() -> None:
    def load() -> LLM:
        raise ConfigError("cannot load /x.gguf as a GGUF model")

    llm = LoadingLLM(load)
    with pytest.raises(ConfigError, match=r"cannot load /x\.gguf"):
        llm.complete([{"role": "user", "content": "q"}])
    with pytest.raises(ConfigError, match=r"cannot load /x\.gguf"):
        _ = llm.model_id


def test_the_question_is_measured_while_the_model_loads(shared_deps: ToolDeps) -> None:
    """The load finishes only after code's tools ran: an engine that waited for the model
    before measuring would find it still loading (and the load would time out, unreleased)."""
    tools_done = threading.Event()
    released_by_tools: list[bool] = []
    inner = ScriptedLLM(["XLE moved [1]."])

    def slow_load() -> LLM:
        released_by_tools.append(tools_done.wait(timeout=20))
        return inner

    def on_event(event: AgentEvent) -> None:
        if event.kind == "tool_finished":
            tools_done.set()

    answer = Copilot(shared_deps, LoadingLLM(slow_load)).ask(
        "how did XLE do in December 2025?", date(2026, 1, 23), on_event
    )
    assert released_by_tools == [True]
    assert [c.name for c in answer.tool_calls] == ["measure"]
    assert answer.written == "XLE moved [1]."  # the model wrote, once loaded
    inner.assert_consumed()
