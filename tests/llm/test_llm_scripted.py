"""The scripted fake model's consumption rules."""

from __future__ import annotations

import pytest

from copilot.errors import ProviderError
from copilot.llm.base import LLM, ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.llm.testing import scripted

USER = [ChatMessage(role="user", content="why did small caps rally?")]


def test_turns_are_consumed_in_order_by_complete_and_stream() -> None:
    llm = scripted(["first", "second reply here"])
    assert llm.complete(USER).text == "first"
    deltas: list[str] = []
    response = llm.stream(USER, deltas.append)
    assert response.text == "second reply here"
    assert "".join(deltas) == "second reply here"
    assert len(deltas) == 3
    assert response.first_token_seconds is not None
    assert response.completion_tokens == 3
    llm.assert_consumed()


def test_callable_turn_sees_the_messages() -> None:
    def reply(messages: list[ChatMessage]) -> str:
        assert messages[-1]["content"] == "why did small caps rally?"
        return "because"

    llm = scripted([reply])
    assert llm.complete(USER).text == "because"
    assert llm.calls == [USER]
    llm.assert_consumed()


def test_calls_record_copies() -> None:
    llm = scripted(["a"])
    messages = list(USER)
    llm.complete(messages)
    messages.append(ChatMessage(role="assistant", content="later"))
    assert llm.calls == [USER]


def test_running_out_of_turns_names_the_call() -> None:
    llm = scripted(["only"])
    llm.complete(USER)
    with pytest.raises(AssertionError, match=r"unexpected call #2 \(stream\)"):
        llm.stream(USER, lambda _: None)


def test_unconsumed_turns_fail() -> None:
    llm = scripted(["a", "b"])
    llm.complete(USER)
    with pytest.raises(AssertionError, match=r"1 scripted turn\(s\) never consumed.*'b'"):
        llm.assert_consumed()


def test_exception_turn_is_raised() -> None:
    llm = scripted([ProviderError("server down")])
    with pytest.raises(ProviderError, match="server down"):
        llm.complete(USER)
    llm.assert_consumed()


def test_json_schema_turn_must_be_json() -> None:
    schema = {"type": "object"}
    llm = scripted(['{"ok": true}', "not json"])
    assert llm.complete(USER, json_schema=schema).text == '{"ok": true}'
    assert llm.json_schemas == [schema]
    with pytest.raises(AssertionError, match="not JSON"):
        llm.complete(USER, json_schema=schema)


def test_is_an_llm() -> None:
    llm: LLM = ScriptedLLM([])
    assert llm.model_id == "scripted"
