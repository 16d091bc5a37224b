"""Tool calls written as text by small models: parse them, and say what was wrong when they fail.

Models without native tool calling (the embedded Qwen2.5-Coder, most GGUFs behind llama.cpp)
write calls as text. `parse_tool_calls` accepts, in order of precedence:

1. Qwen-style tags: `<tool_call>{"name": …, "arguments": {…}}</tool_call>` (an unclosed last tag
   is read to the end of the text). A tag always means "this is a tool call": whatever inside it
   is not a valid call is reported as malformed.
2. Fenced blocks: ```` ```json {…} ``` ```` (or a fence with no/another language tag) holding a
   call-shaped object or a list of them.
3. Bare JSON anywhere in the text: an object (or list) that has a call shape.

A *call shape* is an object with `name` (or `tool`/`tool_name`/`function` as a string) and
`arguments` (or `args`/`parameters`/`input`/`tool_input`; a dict, or a JSON string encoding
one; missing means `{}`), or the OpenAI shape `{"function": {"name": …, "arguments": …}}`, or a
wrapper `{"tool_calls": [...]}`. Outside tags, JSON that is not call-shaped (an ordinary JSON
answer) is left alone as content; JSON that *tries* to be a call (it has a name key, or a fence
whose text mentions `"name"`) but is broken is reported.

Malformed calls are data, not exceptions: the result carries `errors` next to `calls`, so the
agent can decide. The project's rule (issue 4) is that a reply with any malformed call executes
nothing and goes back to the model once, with `ParsedToolCalls.feedback()` as the next user turn;
`ParsedToolCalls.raise_for_errors()` turns the errors into a `MalformedToolCallError` (a
`ModelFixableError`) for code that prefers raising.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from copilot.errors import ModelFixableError
from copilot.llm.base import ToolCall

NAME_KEYS = ("name", "tool", "tool_name", "function")
ARGUMENT_KEYS = ("arguments", "args", "parameters", "input", "tool_input")

_TAG_RE = re.compile(r"<tool_call>(.*?)(?:</tool_call>|$)", re.DOTALL)
_FENCE_RE = re.compile(r"```[ \t]*([A-Za-z_]*)[ \t]*\n?(.*?)(?:```|$)", re.DOTALL)
_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_MAX_RAW = 300


@dataclass(frozen=True)
class MalformedToolCall:
    """A tool call the model tried to write but that cannot be executed."""

    raw: str
    reason: str

    def describe(self) -> str:
        raw = self.raw if len(self.raw) <= _MAX_RAW else self.raw[:_MAX_RAW] + "…"
        return f"{self.reason}: {raw}"


class MalformedToolCallError(ModelFixableError):
    """Raised by `ParsedToolCalls.raise_for_errors`; the message is written for the model."""

    def __init__(self, errors: Sequence[MalformedToolCall]) -> None:
        self.errors = list(errors)
        super().__init__(feedback_message(self.errors))


@dataclass
class ParsedToolCalls:
    """What a reply contained: valid calls, malformed ones, and the remaining prose."""

    calls: list[ToolCall] = field(default_factory=list)
    errors: list[MalformedToolCall] = field(default_factory=list)
    content: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def feedback(self) -> str:
        """The message to send back to the model when `errors` is not empty."""
        return feedback_message(self.errors)

    def raise_for_errors(self) -> None:
        if self.errors:
            raise MalformedToolCallError(self.errors)


def feedback_message(errors: Sequence[MalformedToolCall]) -> str:
    lines = ["Your tool call could not be executed, so nothing was run:"]
    lines += [f"- {e.describe()}" for e in errors]
    lines.append(
        "Write each call again as exactly "
        '<tool_call>{"name": "<tool name>", "arguments": {<JSON arguments>}}</tool_call> '
        "using only the tools listed, or answer without tools."
    )
    return "\n".join(lines)


def new_tool_call_id() -> str:
    return f"call_{uuid.uuid4().hex[:16]}"


def parse_tool_calls(
    text: str,
    *,
    tool_names: Collection[str] | None = None,
    id_factory: Callable[[], str] = new_tool_call_id,
) -> ParsedToolCalls:
    """Extract the tool calls in a model's reply (see the module docstring for the formats).

    With `tool_names`, a call to a name not in it is reported as malformed (and, outside tags,
    an object naming a known tool counts as a call even without an arguments key). Every call
    gets an id from `id_factory` unless the model wrote one.
    """
    parser = _Parser(tool_names)
    spans: list[tuple[int, int]] = []
    for match in _TAG_RE.finditer(text):
        spans.append(match.span())
        parser.collect(_strip_fence(match.group(1)), strict=True)
    if not spans:
        for match in _FENCE_RE.finditer(text):
            if parser.collect(match.group(2), strict=False):
                spans.append(match.span())
    if not spans:
        spans = parser.collect_bare(text)
    result = parser.result
    result.content = _remove_spans(text, spans).strip()
    _finish(result, tool_names, id_factory)
    return result


class _Parser:
    def __init__(self, tool_names: Collection[str] | None) -> None:
        self.tool_names = tool_names
        self.result = ParsedToolCalls()

    def _count(self) -> int:
        return len(self.result.calls) + len(self.result.errors)

    def collect(self, body: str, *, strict: bool) -> bool:
        """Parse a tag or fence body (JSON values, each a call or a list of calls).

        Returns whether it held anything call-like (a call or a malformed call)."""
        before = self._count()
        body = body.strip()
        if not body:
            if strict:
                self.result.errors.append(MalformedToolCall(body, "empty <tool_call> tag"))
            return self._count() > before
        try:
            values = _json_values(body)
        except ValueError as exc:
            if strict or _mentions_name(body):
                self.result.errors.append(MalformedToolCall(body, f"invalid JSON ({exc})"))
            return self._count() > before
        for value in values:
            self.add(value, body, strict=strict)
        return self._count() > before

    def collect_bare(self, text: str) -> list[tuple[int, int]]:
        """Find call-shaped JSON objects/lists anywhere in free text."""
        spans: list[tuple[int, int]] = []
        decoder = json.JSONDecoder()
        pos = 0
        while (start := _next_json_start(text, pos)) >= 0:
            try:
                value, end = decoder.raw_decode(text, start)
            except ValueError:
                pos = start + 1
                continue
            before = self._count()
            self.add(value, text[start:end], strict=False)
            if self._count() > before:
                spans.append((start, end))
            pos = end
        return spans

    def add(self, value: Any, raw: str, *, strict: bool) -> None:
        if isinstance(value, list):
            for item in value:
                self.add(item, json.dumps(item), strict=strict)
            return
        if isinstance(value, Mapping) and isinstance(value.get("tool_calls"), list):
            self.add(value["tool_calls"], raw, strict=strict)
            return
        if not isinstance(value, Mapping):
            if strict:
                self.result.errors.append(
                    MalformedToolCall(raw, "a tool call must be a JSON object")
                )
            return
        if not strict and not self._looks_like_call(value):
            return
        call_or_error = _to_call(value, raw)
        if isinstance(call_or_error, ToolCall):
            self.result.calls.append(call_or_error)
        elif call_or_error is not None:
            self.result.errors.append(call_or_error)
        elif strict:
            self.result.errors.append(
                MalformedToolCall(raw, 'no "name" key: expected {"name": …, "arguments": {…}}')
            )

    def _looks_like_call(self, obj: Mapping[str, Any]) -> bool:
        """Outside tags, only JSON with an arguments key (or naming a known tool) is a call, so
        that an ordinary JSON answer such as {"name": "Apple Inc."} is left alone."""
        if isinstance(obj.get("function"), Mapping):
            return True
        if any(k in obj for k in ARGUMENT_KEYS):
            return any(k in obj for k in NAME_KEYS)
        name = next((obj[k] for k in NAME_KEYS if k in obj), None)
        return self.tool_names is not None and isinstance(name, str) and name in self.tool_names


def _strip_fence(body: str) -> str:
    """A tag body the model also wrapped in a ``` fence."""
    match = re.fullmatch(r"\s*```[A-Za-z_]*\s*(.*?)\s*(?:```)?\s*", body, re.DOTALL)
    return match.group(1) if match else body


def _next_json_start(text: str, pos: int) -> int:
    starts = [i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0]
    return min(starts) if starts else -1


def _json_values(body: str) -> list[Any]:
    """Every JSON value in `body` (several may follow one another); tolerates trailing commas."""
    decoder = json.JSONDecoder()
    try:
        return _decode_all(decoder, body)
    except ValueError:
        repaired = _TRAILING_COMMA_RE.sub(r"\1", body)
        if repaired == body:
            raise
        return _decode_all(decoder, repaired)


def _decode_all(decoder: json.JSONDecoder, body: str) -> list[Any]:
    values: list[Any] = []
    pos = 0
    while pos < len(body):
        while pos < len(body) and body[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(body):
            break
        value, pos = decoder.raw_decode(body, pos)
        values.append(value)
    if not values:
        raise ValueError("no JSON value")
    return values


def _to_call(obj: Mapping[str, Any], raw: str) -> ToolCall | MalformedToolCall | None:
    """A call, an error for an object that tries to be a call, or None for other JSON."""
    if isinstance(obj.get("function"), Mapping):  # OpenAI shape {"function": {...}}
        inner = dict(obj["function"])
        if "id" in obj:
            inner.setdefault("id", obj["id"])
        return _to_call(inner, raw)
    name_key = next((k for k in NAME_KEYS if k in obj), None)
    if name_key is None:
        return None
    name = obj[name_key]
    if not isinstance(name, str) or not name.strip():
        return MalformedToolCall(raw, f'"{name_key}" must be a non-empty string')
    arg_key = next((k for k in ARGUMENT_KEYS if k in obj), None)
    arguments: Any = {} if arg_key is None else obj[arg_key]
    if arguments is None:
        arguments = {}
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments) if arguments.strip() else {}
        except ValueError:
            return MalformedToolCall(raw, f'"{arg_key}" is a string that is not valid JSON')
    if not isinstance(arguments, Mapping):
        return MalformedToolCall(raw, f'"{arg_key}" must be a JSON object')
    call_id = obj.get("id")
    return ToolCall(
        name=name.strip(),
        arguments=dict(arguments),
        id=call_id if isinstance(call_id, str) else "",
    )


def _mentions_name(body: str) -> bool:
    return any(f'"{key}"' in body for key in NAME_KEYS)


def _finish(
    result: ParsedToolCalls,
    tool_names: Collection[str] | None,
    id_factory: Callable[[], str],
) -> None:
    valid: list[ToolCall] = []
    for call in result.calls:
        if tool_names is not None and call.name not in tool_names:
            known = ", ".join(sorted(tool_names)) or "(none)"
            raw = json.dumps({"name": call.name, "arguments": call.arguments})
            result.errors.append(
                MalformedToolCall(raw, f"unknown tool {call.name!r}; available: {known}")
            )
            continue
        if not call.id:
            call.id = id_factory()
        valid.append(call)
    result.calls = valid


def _remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        out.append(text[pos:start])
        pos = max(pos, end)
    out.append(text[pos:])
    return "".join(out)
