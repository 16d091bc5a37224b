"""The text protocol for tool calling with models that have no native tool API.

* `render_tools` writes the tools (name, description, compact JSON schema of the arguments) into
  the system prompt the way Qwen2.5's own chat template does, with the instruction to answer
  with `<tool_call>{"name": …, "arguments": …}</tool_call>` — parsed back by
  `copilot.llm.toolcalls.parse_tool_calls`.
* `render_call` / `render_results` write the model's earlier calls and the tools' results back
  into the conversation as text turns.
* `TagFilter` hides the `<tool_call>` markup from a token stream so that a UI streaming the
  answer shows only prose.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

OPEN_TAG = "<tool_call>"
CLOSE_TAG = "</tool_call>"

_SCHEMA_NOISE = frozenset({"title", "additionalProperties", "$schema"})


def compact_schema(schema: Any) -> Any:
    """The schema without keys that cost prompt tokens and tell the model nothing."""
    if isinstance(schema, Mapping):
        return {
            k: (compact_schema(v) if k != "properties" else _compact_properties(v))
            for k, v in schema.items()
            if k not in _SCHEMA_NOISE
        }
    if isinstance(schema, list):
        return [compact_schema(v) for v in schema]
    return schema


def _compact_properties(props: Any) -> Any:
    if not isinstance(props, Mapping):
        return props
    return {name: compact_schema(value) for name, value in props.items()}


def render_tools(tools: Sequence[Mapping[str, Any]], tool_choice: str | None = None) -> str:
    """System-prompt text for OpenAI-format tool dicts (`{"type": "function", "function": …}`).

    The layout is the one Qwen2.5's chat template writes for native tools (a `<tools>` block of
    JSON signatures, then the `<tool_call>` instruction): the 1.5B model follows it far more
    reliably than terser layouts (with those it tended to copy the schema as the arguments).
    Schemas are compacted (`compact_schema`) to save prompt tokens.
    """
    lines = [
        "# Tools",
        "",
        "You may call one or more functions to assist with the user query.",
        "",
        "You are provided with function signatures within <tools></tools> XML tags:",
        "<tools>",
    ]
    for tool in tools:
        fn = dict(tool.get("function", tool))
        fn["description"] = " ".join(str(fn.get("description") or "").split())
        fn["parameters"] = compact_schema(
            fn.get("parameters") or {"type": "object", "properties": {}}
        )
        lines.append(json.dumps({"type": "function", "function": fn}, ensure_ascii=False))
    lines += [
        "</tools>",
        "",
        "For each function call, return a json object with function name and arguments within "
        "<tool_call></tool_call> XML tags:",
        OPEN_TAG,
        '{"name": <function-name>, "arguments": <args-json-object>}',
        CLOSE_TAG,
        "Each result comes back in a <tool_response> block. When you have what you need, "
        "answer in plain text without tool calls.",
    ]
    if tool_choice in ("any", "required"):
        lines.append("You must call at least one function now.")
    elif tool_choice and tool_choice not in ("auto", "none"):
        lines.append(f"You must call the function {tool_choice} now.")
    return "\n".join(lines)


def render_call(name: str, arguments: Mapping[str, Any]) -> str:
    """A call as Qwen2.5's template writes it in an assistant turn."""
    payload = json.dumps({"name": name, "arguments": dict(arguments)}, ensure_ascii=False)
    return f"{OPEN_TAG}\n{payload}\n{CLOSE_TAG}"


def render_results(results: Sequence[tuple[str, str]]) -> str:
    """`(tool name, result text)` pairs as one user turn of `<tool_response>` blocks."""
    return "\n".join(
        f'<tool_response name="{name}">\n{content}\n</tool_response>' for name, content in results
    )


class TagFilter:
    """Feed it stream deltas; it returns the text outside `<tool_call>…</tool_call>` tags.

    Text that might be the start of a tag is held back until it is known not to be one.
    """

    def __init__(self) -> None:
        self._pending = ""
        self._inside = False

    def feed(self, delta: str) -> str:
        self._pending += delta
        out: list[str] = []
        while self._pending:
            if self._inside:
                end = self._pending.find(CLOSE_TAG)
                if end < 0:
                    self._pending = self._pending[-(len(CLOSE_TAG) - 1) :]
                    break
                self._pending = self._pending[end + len(CLOSE_TAG) :]
                self._inside = False
                continue
            start = self._pending.find(OPEN_TAG)
            if start >= 0:
                out.append(self._pending[:start])
                self._pending = self._pending[start + len(OPEN_TAG) :]
                self._inside = True
                continue
            keep = _partial_suffix(self._pending, OPEN_TAG)
            out.append(self._pending[: len(self._pending) - keep])
            self._pending = self._pending[len(self._pending) - keep :]
            break
        return "".join(out)

    def flush(self) -> str:
        """What is left at the end of the stream (an unfinished tag is dropped)."""
        rest = "" if self._inside else self._pending
        self._pending = ""
        return rest


def _partial_suffix(text: str, tag: str) -> int:
    """Length of the longest suffix of `text` that is a proper prefix of `tag`."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0
