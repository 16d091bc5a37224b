"""`OpenAICompatLLM` against a real HTTP server on 127.0.0.1 replaying recorded responses."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llm_fake_openai import (
    FakeOpenAIServer,
    Reply,
    closed_port_url,
    fake_openai_server,
    recorded,
)
from pydantic import SecretStr

from copilot.errors import ProviderError
from copilot.llm.base import STOPPED, ChatMessage
from copilot.llm.json_output import ModelOutputError
from copilot.llm.openai_compat import OpenAICompatLLM
from copilot.settings import Settings

USER = [ChatMessage(role="user", content="Say hello in two words.")]
SCHEMA: dict[str, Any] = {
    "title": "City answer",
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
}


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with fake_openai_server() as srv:
        yield srv


def make(base_url: str, tmp_path: Path, **overrides: Any) -> OpenAICompatLLM:
    values: dict[str, Any] = {
        "llm_provider": "openai",
        "openai_base_url": base_url,
        "openai_model": "qwen2.5-coder-1.5b",
        "llm_timeout_s": 2.0,
        "llm_max_retries": 2,
        "data_dir": tmp_path,
        "_env_file": None,
    }
    values.update(overrides)
    return OpenAICompatLLM(Settings(**values))


def completion(text: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(recorded("nonstream.json"))
    body["choices"][0]["message"]["content"] = text
    return body


def test_complete_with_a_recorded_response(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.json(recorded("nonstream.json")))
    response = make(server.base_url, tmp_path, openai_api_key=SecretStr("sk-test")).complete(
        USER, max_tokens=8
    )
    assert response.text == "Hello"
    assert (response.prompt_tokens, response.completion_tokens) == (35, 1)
    assert response.model == "qwen2.5-coder-1.5b"
    assert response.finish_reason == "stop"
    assert response.seconds > 0
    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["messages"] == USER
    assert request.body["max_tokens"] == 8 and request.body["temperature"] == 0.0
    assert request.headers["authorization"] == "Bearer sk-test"


def test_without_a_key_a_placeholder_is_sent(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.json(recorded("nonstream.json")))
    make(server.base_url, tmp_path).complete(USER)
    assert server.requests[0].headers["authorization"] == "Bearer not-needed"


def test_tool_role_is_sent_as_user(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.json(recorded("nonstream.json")))
    make(server.base_url, tmp_path).complete([ChatMessage(role="tool", content="result")])
    assert server.requests[0].body["messages"] == [{"role": "user", "content": "result"}]


def test_429_then_200_is_retried(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(
        Reply.error(429, "slow down", retry_after_ms="20"),
        Reply.error(429, "slow down", retry_after_ms="20"),
        Reply.json(recorded("nonstream.json")),
    )
    assert make(server.base_url, tmp_path).complete(USER).text == "Hello"
    assert len(server.requests) == 3


def test_500_then_200_is_retried(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(500, "boom"), Reply.json(recorded("nonstream.json")))
    assert make(server.base_url, tmp_path).complete(USER).text == "Hello"
    assert len(server.requests) == 2


def test_persistent_429_gives_up_with_a_message(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(429, "slow down", retry_after_ms="10"))
    with pytest.raises(ProviderError, match=r"rate-limiting \(429\) after 2 retries"):
        make(server.base_url, tmp_path).complete(USER)
    assert len(server.requests) == 3


def test_persistent_500(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(503, "overloaded", retry_after_ms="10"))
    with pytest.raises(ProviderError, match=r"HTTP 503 \(overloaded\) after 1 retries"):
        make(server.base_url, tmp_path, llm_max_retries=1).complete(USER)
    assert len(server.requests) == 2


def test_hanging_server_times_out(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply(hang_s=30))
    llm = make(server.base_url, tmp_path, llm_timeout_s=0.3, llm_max_retries=1)
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"did not answer within 0\.3 s") as info:
        llm.complete(USER)
    elapsed = time.monotonic() - started
    assert elapsed < 3.0, elapsed  # 2 attempts x 0.3 s + one backoff (<= 1 s)
    assert "COPILOT_LLM_TIMEOUT_S" in str(info.value)
    assert len(server.requests) == 2


def test_connection_refused(tmp_path: Path) -> None:
    url = closed_port_url()
    with pytest.raises(ProviderError) as info:
        make(url, tmp_path, llm_max_retries=0).complete(USER)
    message = str(info.value)
    assert f"cannot reach the OpenAI-compatible server at {url}" in message
    assert "start it or set COPILOT_OPENAI_BASE_URL" in message


def test_401_is_about_the_key(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(401, "Incorrect API key provided"))
    with pytest.raises(ProviderError, match=r"rejected the API key.*COPILOT_OPENAI_API_KEY"):
        make(server.base_url, tmp_path).complete(USER)
    assert len(server.requests) == 1  # not retried


def test_404_names_the_model(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(404, "model not found"))
    with pytest.raises(ProviderError, match="COPILOT_OPENAI_MODEL"):
        make(server.base_url, tmp_path).complete(USER)


def test_json_schema_request_body(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.json(completion('{"city": "Paris"}')))
    response = make(server.base_url, tmp_path).complete(USER, json_schema=SCHEMA)
    assert json.loads(response.text) == {"city": "Paris"}
    assert server.requests[0].body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "City_answer", "schema": SCHEMA},
    }


def test_json_schema_rejected_falls_back_to_json_object_with_schema(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    # llama-cpp-python's server answers an unknown response_format type with HTTP 500.
    server.script(
        Reply.json(recorded("json_schema_rejected.json"), 500),
        Reply.json(recorded("json_object_schema.json")),
    )
    llm = make(server.base_url, tmp_path)
    assert json.loads(llm.complete(USER, json_schema=SCHEMA).text) == {"city": "Paris"}
    assert len(server.requests) == 2  # the probe is not retried
    assert server.requests[1].body["response_format"] == {"type": "json_object", "schema": SCHEMA}
    llm.complete(USER, json_schema=SCHEMA)  # the mode is remembered
    assert len(server.requests) == 3
    assert server.requests[2].body["response_format"]["type"] == "json_object"


def test_plain_json_mode_puts_the_schema_in_the_prompt(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.script(
        Reply.error(400, "response_format json_schema is not supported"),
        Reply.error(400, "unknown field schema"),
        Reply.json(completion('{"city": "Lyon"}')),
    )
    llm = make(server.base_url, tmp_path)
    assert llm.complete(USER, json_schema=SCHEMA).text == '{"city": "Lyon"}'
    last = server.requests[-1].body
    assert last["response_format"] == {"type": "json_object"}
    assert last["messages"][0]["role"] == "system"
    assert "matches this JSON schema" in last["messages"][0]["content"]


def test_transient_500_during_the_probe_is_retried_in_the_same_mode(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.script(Reply.error(500, "boom"), Reply.json(completion('{"city": "Paris"}')))
    llm = make(server.base_url, tmp_path)
    llm.complete(USER, json_schema=SCHEMA)
    assert [r.body["response_format"]["type"] for r in server.requests] == [
        "json_schema",
        "json_schema",
    ]


def test_json_answer_not_matching_the_schema(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.json(completion('{"town": "Paris"}')))
    with pytest.raises(ModelOutputError, match="'city' is a required property"):
        make(server.base_url, tmp_path).complete(USER, json_schema=SCHEMA)


def test_stream_with_usage(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.sse(recorded("stream_openai_usage.sse")))
    deltas: list[str] = []
    response = make(server.base_url, tmp_path).stream(USER, deltas.append)
    assert deltas == ["Small", " caps", " rallied."]
    assert response.text == "Small caps rallied."
    assert (response.prompt_tokens, response.completion_tokens) == (21, 3)
    assert response.finish_reason == "stop"
    assert response.first_token_seconds is not None
    assert response.first_token_seconds <= response.seconds
    body = server.requests[0].body
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}


def test_stream_stops_when_told_and_closes_the_connection(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    body = recorded("stream_openai_usage.sse")
    second_chunk_end = body.index("\n\n", body.index("caps")) + 2
    # The server would stall after " caps": stopping there must not wait for it.
    server.script(Reply(body=body, content_type="text/event-stream", stall_after=second_chunk_end))
    llm = make(server.base_url, tmp_path, llm_timeout_s=0.5, llm_max_retries=0)
    deltas: list[str] = []
    response = llm.stream(USER, deltas.append, stop_when=lambda text: text.endswith("caps"))
    assert deltas == ["Small"] and response.text == "Small"
    assert response.finish_reason == STOPPED


def test_stream_recorded_from_llama_cpp_server(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.sse(recorded("stream_llama_cpp.sse")))
    response = make(server.base_url, tmp_path).stream(USER, lambda _: None)
    assert response.text == "Hello"
    assert response.completion_tokens == 1  # no usage chunk: counted from the deltas
    assert response.prompt_tokens == 0


def test_stream_500_then_200(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply.error(502, "bad gateway"), Reply.sse(recorded("stream_openai_usage.sse")))
    assert make(server.base_url, tmp_path).stream(USER, lambda _: None).text.startswith("Small")
    assert len(server.requests) == 2


def test_stream_options_rejected_is_dropped(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(
        Reply.error(400, "Unrecognized request argument supplied: stream_options"),
        Reply.sse(recorded("stream_llama_cpp.sse")),
    )
    assert make(server.base_url, tmp_path).stream(USER, lambda _: None).text == "Hello"
    assert "stream_options" not in server.requests[1].body


def test_stream_hanging_server_times_out(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.script(Reply(hang_s=30))
    llm = make(server.base_url, tmp_path, llm_timeout_s=0.3, llm_max_retries=0)
    with pytest.raises(ProviderError, match="did not answer"):
        llm.stream(USER, lambda _: None)


def test_stream_stalling_mid_way_times_out(server: FakeOpenAIServer, tmp_path: Path) -> None:
    body = recorded("stream_openai_usage.sse")
    second_chunk_end = body.index("\n\n", body.index("Small")) + 2
    server.script(Reply(body=body, content_type="text/event-stream", stall_after=second_chunk_end))
    llm = make(server.base_url, tmp_path, llm_timeout_s=0.3, llm_max_retries=0)
    deltas: list[str] = []
    with pytest.raises(ProviderError, match=r"stalled mid-answer for more than 0\.3 s"):
        llm.stream(USER, deltas.append)
    assert deltas == ["Small"]
