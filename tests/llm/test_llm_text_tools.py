"""Rendering tools for the text protocol and hiding tool-call markup from a token stream."""

from __future__ import annotations

import pytest

from copilot.llm.text_tools import TagFilter, compact_schema, render_tools


def test_compact_schema_drops_titles_but_keeps_a_property_named_title() -> None:
    schema = {
        "title": "Args",
        "type": "object",
        "properties": {"title": {"title": "Title", "type": "string"}},
        "additionalProperties": False,
    }
    assert compact_schema(schema) == {
        "type": "object",
        "properties": {"title": {"type": "string"}},
    }


def test_render_tools_and_tool_choice() -> None:
    tools = [
        {
            "type": "function",
            "function": {
                "name": "streak",
                "description": "Longest run\n   of up days.",
                "parameters": {
                    "title": "streak",
                    "type": "object",
                    "properties": {"symbol": {"type": "string"}},
                },
            },
        }
    ]
    text = render_tools(tools)
    assert (
        '<tools>\n{"type": "function", "function": {"name": "streak", "description": '
        '"Longest run of up days.", "parameters": {"type": "object", "properties": '
        '{"symbol": {"type": "string"}}}}}\n</tools>'
    ) in text
    assert '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}' in text
    assert "must call" not in text
    assert "You must call at least one function now." in render_tools(tools, "any")
    assert "You must call the function streak now." in render_tools(tools, "streak")


def run(filter_: TagFilter, pieces: list[str]) -> str:
    return "".join(filter_.feed(p) for p in pieces) + filter_.flush()


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_tag_filter_hides_calls_at_any_chunking(size: int) -> None:
    text = 'Checking <tool_call>{"name": "a"}</tool_call> then <b>bold</b> <tool'
    pieces = [text[i : i + size] for i in range(0, len(text), size)]
    assert run(TagFilter(), pieces) == "Checking  then <b>bold</b> <tool"


def test_tag_filter_drops_an_unfinished_call() -> None:
    assert run(TagFilter(), ["ok ", "<tool_call>", '{"name": ']) == "ok "
