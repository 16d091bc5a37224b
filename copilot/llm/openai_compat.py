"""`OpenAICompatLLM`: any OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp).

The `openai` SDK does the transport: a per-request timeout and retries with exponential backoff
on connection errors, timeouts, 408/409/429 and 5xx (`settings.llm_timeout_s`,
`settings.llm_max_retries`). What is left after the retries is turned into a `ProviderError`
whose message says what to do — so is a stream that carries an error event or bad JSON, breaks
off, ends without a finish reason, or runs past `llm_timeout_s` in all (the SDK's timeout is per
read: a server dripping tokens would never trip it). A prompt longer than the server's context
is a `ContextOverflowError`.

JSON output is requested the strongest way the server accepts, learnt once per instance:
`json_schema` (OpenAI, vLLM, Ollama, llama.cpp's C++ server) → `json_object` with a `schema`
(llama-cpp-python's server, grammar-constrained) → plain `json_object` with the schema in the
prompt. The answer is validated against the schema in every case.
"""

from __future__ import annotations

import importlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import openai
from openai import OpenAI

from copilot.errors import ContextOverflowError, ProviderError
from copilot.llm.base import STOPPED, ChatMessage, LLMResponse, StopWhen, TokenCallback
from copilot.llm.json_output import schema_instruction, validate_json_output
from copilot.settings import Settings

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"
_JSON_MODES = ("json_schema", "json_object_schema", "json_object")
# How OpenAI, vLLM, llama.cpp and Ollama say a prompt does not fit the model's context.
_CONTEXT_OVERFLOW = re.compile(
    r"context[_ ]length|maximum context|context (size|window)|too many tokens|"
    r"exceeds? (the )?(available )?context",
    re.IGNORECASE,
)


def _transport_errors() -> tuple[type[Exception], type[Exception]]:
    """(timeout, transport) exception classes of the HTTP library under the SDK: errors raised
    while reading a stream reach us unwrapped. openai>=3 uses httpx2, older versions httpx."""
    for name in ("httpx2", "httpx"):
        try:
            module: Any = importlib.import_module(name)
        except ImportError:
            continue
        return module.TimeoutException, module.TransportError
    return openai.APITimeoutError, openai.APIConnectionError


_TIMEOUT_ERROR, _TRANSPORT_ERROR = _transport_errors()


class OpenAICompatLLM:
    """An `LLM` on an OpenAI-compatible `/v1/chat/completions` endpoint."""

    def __init__(self, settings: Settings, *, client: OpenAI | None = None) -> None:
        self.base_url = settings.openai_base_url or OPENAI_DEFAULT_BASE_URL
        self.model_id = settings.openai_model
        self.timeout_s = settings.llm_timeout_s
        self.max_retries = settings.llm_max_retries
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        self.client = client or OpenAI(
            base_url=self.base_url,
            api_key=key or "not-needed",
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
        )
        self._json_mode = 0  # index into _JSON_MODES: the strongest mode the server accepts
        self._json_mode_confirmed = False
        self._probe_client = self.client.with_options(max_retries=0)
        self._stream_usage = True  # whether the server accepts stream_options

    def complete(
        self,
        messages: list[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
    ) -> LLMResponse:
        start = time.perf_counter()
        with self._errors():
            if json_schema is None:
                completion = self._create(messages, max_tokens, temperature)
            else:
                completion = self._create_json(messages, json_schema, max_tokens, temperature)
        choice = completion.choices[0] if completion.choices else None
        text = (choice.message.content if choice else None) or ""
        if json_schema is not None:
            validate_json_output(text, json_schema)
        usage = completion.usage
        return LLMResponse(
            text=text,
            model=completion.model or self.model_id,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            seconds=time.perf_counter() - start,
            finish_reason=(choice.finish_reason if choice else None) or "",
        )

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
        first: float | None = None
        parts: list[str] = []
        chunks = 0
        prompt_tokens = completion_tokens = 0
        finish = ""
        model = self.model_id
        with self._errors():
            stream = self._open_stream(messages, max_tokens, temperature)
            for chunk in self._chunks(stream, start):
                model = chunk.model or model
                if chunk.usage is not None:
                    prompt_tokens = chunk.usage.prompt_tokens
                    completion_tokens = chunk.usage.completion_tokens
                for choice in chunk.choices[:1]:
                    finish = choice.finish_reason or finish
                    delta = choice.delta.content if choice.delta else None
                    if delta and stop_when is not None and stop_when("".join(parts) + delta):
                        finish = STOPPED
                    elif delta:
                        if first is None:
                            first = time.perf_counter() - start
                        chunks += 1
                        parts.append(delta)
                        on_token(delta)
                if finish == STOPPED:
                    stream.close()  # the server stops generating when the connection closes
                    break
        if not finish:
            raise ProviderError(
                f"the answer stream from {self.base_url} ended before the answer was finished "
                "(no finish reason) — retry; if it keeps happening, check the server's log"
            )
        return LLMResponse(
            text="".join(parts),
            model=model,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens or chunks,
            seconds=time.perf_counter() - start,
            first_token_seconds=first,
            finish_reason=finish,
        )

    def _chunks(self, stream: Any, start: float) -> Iterator[Any]:
        """The stream's chunks, each checked for shape; a stream that breaks off, carries bad
        JSON or runs past the timeout in all raises a `ProviderError` saying so."""
        iterator: Iterator[Any] = iter(stream)
        received = 0
        while True:
            if time.perf_counter() - start > self.timeout_s:
                stream.close()
                raise ProviderError(
                    f"the server at {self.base_url} was still streaming after "
                    f"{self.timeout_s:g} s — it is overloaded or too slow; retry, or raise "
                    "COPILOT_LLM_TIMEOUT_S"
                )
            try:
                chunk = next(iterator)
            except StopIteration:
                return
            except json.JSONDecodeError as exc:
                raise ProviderError(
                    f"the server at {self.base_url} sent a stream that is not valid JSON "
                    f"({exc.msg}) — check that COPILOT_OPENAI_BASE_URL is an OpenAI-compatible "
                    "endpoint"
                ) from None
            except (openai.APITimeoutError, _TIMEOUT_ERROR):
                if not received:
                    raise
                raise ProviderError(
                    f"the answer stream from {self.base_url} stalled mid-answer for more than "
                    f"{self.timeout_s:g} s — the server is overloaded or stuck; retry, or raise "
                    "COPILOT_LLM_TIMEOUT_S"
                ) from None
            except (openai.APIConnectionError, _TRANSPORT_ERROR) as exc:
                if not received:
                    raise
                raise ProviderError(
                    f"the answer stream from {self.base_url} broke off mid-answer "
                    f"({_cause(exc)}) — retry; if it keeps happening, check the server's log"
                ) from exc
            if not _chunk_shaped(chunk):
                raise ProviderError(
                    f"the server at {self.base_url} sent a stream chunk that is not a chat "
                    f"completion chunk ({_short(repr(chunk), 120)}) — check that "
                    "COPILOT_OPENAI_BASE_URL is an OpenAI-compatible endpoint"
                )
            received += 1
            yield chunk

    # -- requests ---------------------------------------------------------------------------

    def _create(
        self,
        messages: list[ChatMessage],
        max_tokens: int,
        temperature: float,
        response_format: dict[str, Any] | None = None,
        *,
        client: OpenAI | None = None,
    ) -> Any:
        extra: dict[str, Any] = {}
        if response_format is not None:
            extra["response_format"] = response_format
        return (client or self.client).chat.completions.create(
            model=self.model_id,
            messages=_wire(messages),
            max_tokens=max_tokens,
            temperature=temperature,
            **extra,
        )

    def _create_json(
        self,
        messages: list[ChatMessage],
        schema: dict[str, Any],
        max_tokens: int,
        temperature: float,
    ) -> Any:
        """Ask in the strongest JSON mode the server accepts; learn it on the first call.

        Until a mode is confirmed it is tried without the SDK's retries: a server that does not
        know it answers 400/422 — or 500 naming `response_format` (llama-cpp-python's server) —
        and the next mode is tried; any other error is retried normally in the same mode."""
        while True:
            mode = _JSON_MODES[self._json_mode]
            if mode == "json_object":
                hinted = _with_instruction(messages, schema_instruction(schema))
                return self._create(hinted, max_tokens, temperature, {"type": "json_object"})
            response_format = _json_format(mode, schema)
            if self._json_mode_confirmed:
                return self._create(messages, max_tokens, temperature, response_format)
            try:
                result = self._create(
                    messages, max_tokens, temperature, response_format, client=self._probe_client
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if _CONTEXT_OVERFLOW.search(_detail(exc)):
                    raise  # the prompt is too long, whatever the mode: not a mode to give up
                self._json_mode += 1
                continue
            except openai.APIStatusError as exc:
                if exc.status_code >= 500 and "response_format" in str(exc.message):
                    self._json_mode += 1
                    continue
                if exc.status_code < 500 and exc.status_code not in (408, 409, 429):
                    raise
                result = self._create(messages, max_tokens, temperature, response_format)
            except openai.APIConnectionError:
                result = self._create(messages, max_tokens, temperature, response_format)
            self._json_mode_confirmed = True
            return result

    def _open_stream(self, messages: list[ChatMessage], max_tokens: int, temperature: float) -> Any:
        """The SDK's `Stream` of chunks (iterable, with `close()`)."""
        extra: dict[str, Any] = {}
        if self._stream_usage:
            extra["stream_options"] = {"include_usage": True}
        try:
            stream = self.client.chat.completions.create(
                model=self.model_id,
                messages=_wire(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                stream=True,
                **extra,
            )
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
            if not self._stream_usage or _CONTEXT_OVERFLOW.search(_detail(exc)):
                raise
            self._stream_usage = False  # an older server that rejects stream_options
            return self._open_stream(messages, max_tokens, temperature)
        return stream

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn what the SDK raises after its retries into a `ProviderError` saying what to do."""
        try:
            yield
        except (openai.APITimeoutError, _TIMEOUT_ERROR) as exc:
            raise ProviderError(
                f"the OpenAI-compatible server at {self.base_url} did not answer within "
                f"{self.timeout_s:g} s ({self.max_retries} retries) — check that it is running "
                "and not overloaded, or raise COPILOT_LLM_TIMEOUT_S"
            ) from exc
        except (openai.APIConnectionError, _TRANSPORT_ERROR) as exc:
            raise ProviderError(
                f"cannot reach the OpenAI-compatible server at {self.base_url} ({_cause(exc)}) "
                "— start it or set COPILOT_OPENAI_BASE_URL"
            ) from exc
        except openai.AuthenticationError as exc:
            raise ProviderError(
                f"the server at {self.base_url} rejected the API key (401) — set "
                "COPILOT_OPENAI_API_KEY to a valid key for it"
            ) from exc
        except openai.PermissionDeniedError as exc:
            raise ProviderError(
                f"the API key may not use model {self.model_id!r} at {self.base_url} (403) — "
                "check the key's permissions or set COPILOT_OPENAI_MODEL"
            ) from exc
        except openai.NotFoundError as exc:
            raise ProviderError(
                f"model {self.model_id!r} or the chat endpoint was not found at {self.base_url} "
                "(404) — set COPILOT_OPENAI_MODEL to a model the server lists at /models, and "
                "check that COPILOT_OPENAI_BASE_URL ends with /v1"
            ) from exc
        except openai.RateLimitError as exc:
            raise ProviderError(
                f"the server at {self.base_url} is still rate-limiting (429) after "
                f"{self.max_retries} retries — wait and retry, or raise COPILOT_LLM_MAX_RETRIES"
            ) from exc
        except openai.APIStatusError as exc:
            if _CONTEXT_OVERFLOW.search(_detail(exc)) or _code(exc) == "context_length_exceeded":
                raise ContextOverflowError(
                    f"the prompt does not fit the context of model {self.model_id!r} at "
                    f"{self.base_url} ({_detail(exc)}) — ask a narrower question, or use a "
                    "model with a longer context"
                ) from exc
            raise ProviderError(
                f"the server at {self.base_url} failed with HTTP {exc.status_code} "
                f"({_detail(exc)}) after {self.max_retries} retries"
                if exc.status_code >= 500
                else f"the server at {self.base_url} rejected the request with HTTP "
                f"{exc.status_code}: {_detail(exc)}"
            ) from exc
        except openai.APIError as exc:  # an error event inside a stream (no HTTP status)
            message = _detail_of(exc.body) or _short(exc.message)
            if _CONTEXT_OVERFLOW.search(message):
                raise ContextOverflowError(
                    f"the prompt does not fit the context of model {self.model_id!r} at "
                    f"{self.base_url} ({message}) — ask a narrower question, or use a model "
                    "with a longer context"
                ) from exc
            raise ProviderError(
                f"the server at {self.base_url} reported an error mid-answer ({message}) — "
                "retry; if it keeps happening, check the server's log"
            ) from exc
        except json.JSONDecodeError as exc:  # a 200 answer whose body is not JSON
            raise ProviderError(
                f"the server at {self.base_url} answered with something that is not JSON "
                f"({exc.msg}) — check that COPILOT_OPENAI_BASE_URL is an OpenAI-compatible "
                "endpoint ending in /v1"
            ) from exc


def _wire(messages: list[ChatMessage]) -> Any:
    """Messages as the API takes them (tool results become user turns: no tool_call ids here)."""
    return [
        {"role": "user" if m["role"] == "tool" else m["role"], "content": m["content"]}
        for m in messages
    ]


def _json_format(mode: str, schema: dict[str, Any]) -> dict[str, Any]:
    if mode == "json_schema":
        name = str(schema.get("title") or "answer")
        name = "".join(c if c.isalnum() or c in "_-" else "_" for c in name)[:64]
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}
    return {"type": "json_object", "schema": schema}


def _with_instruction(messages: list[ChatMessage], instruction: str) -> list[ChatMessage]:
    if messages and messages[0]["role"] == "system":
        first = ChatMessage(role="system", content=f"{messages[0]['content']}\n\n{instruction}")
        return [first, *messages[1:]]
    return [ChatMessage(role="system", content=instruction), *messages]


def _detail(exc: openai.APIStatusError) -> str:
    """The server's own error message (OpenAI puts it at body.error.message or body.message)."""
    return _detail_of(exc.body) or _short(exc.message)


def _detail_of(body: Any) -> str:
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return _short(inner["message"])
    return ""


def _code(exc: openai.APIStatusError) -> str:
    body: Any = exc.body
    inner = body.get("error", body) if isinstance(body, dict) else None
    return str(inner.get("code") or "") if isinstance(inner, dict) else ""


def _chunk_shaped(chunk: Any) -> bool:
    """What `stream` reads of a chunk is there: a list of choices, each with a delta or none."""
    choices = getattr(chunk, "choices", None)
    if not isinstance(choices, Iterable) or isinstance(choices, str | bytes | dict):
        return False
    for choice in list(choices)[:1]:
        delta = getattr(choice, "delta", None)
        content = getattr(delta, "content", None) if delta is not None else None
        if content is not None and not isinstance(content, str):
            return False
        if not hasattr(choice, "finish_reason"):
            return False
    return True


def _cause(exc: BaseException) -> str:
    inner = exc.__cause__ or exc.__context__
    return _short(str(inner or exc) or type(exc).__name__)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
