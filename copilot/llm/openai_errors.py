"""Reading what an OpenAI-compatible server says when something goes wrong: its own message,
its error code, whether the prompt overflowed the context, whether a stream chunk has the shape
the client reads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import openai

# How OpenAI, vLLM, llama.cpp and Ollama say a prompt does not fit the model's context.
CONTEXT_OVERFLOW = re.compile(
    r"context[_ ]length|maximum context|context (size|window)|too many tokens|"
    r"exceeds? (the )?(available )?context",
    re.IGNORECASE,
)


def error_detail(exc: openai.APIStatusError) -> str:
    """The server's own error message (OpenAI puts it at body.error.message or body.message)."""
    return error_detail_of(exc.body) or short(exc.message)


def error_detail_of(body: Any) -> str:
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return short(inner["message"])
    return ""


def error_code(exc: openai.APIStatusError) -> str:
    body: Any = exc.body
    inner = body.get("error", body) if isinstance(body, dict) else None
    return str(inner.get("code") or "") if isinstance(inner, dict) else ""


def chunk_shaped(chunk: Any) -> bool:
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


def cause(exc: BaseException) -> str:
    inner = exc.__cause__ or exc.__context__
    return short(str(inner or exc) or type(exc).__name__)


def short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
