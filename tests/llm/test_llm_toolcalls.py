"""Parsing tool calls that small models write as text."""

from __future__ import annotations

import itertools

import pytest

from copilot.errors import ModelFixableError
from copilot.llm.toolcalls import MalformedToolCallError, parse_tool_calls


def ids() -> itertools.count[int]:
    return itertools.count(1)


def parse(text: str, tool_names: list[str] | None = None):  # type: ignore[no-untyped-def]
    counter = ids()
    return parse_tool_calls(text, tool_names=tool_names, id_factory=lambda: f"c{next(counter)}")


def test_qwen_tag() -> None:
    text = '<tool_call>\n{"name": "streak", "arguments": {"symbol": "IWM"}}\n</tool_call>'
    parsed = parse(text)
    assert parsed.ok
    assert [(c.name, c.arguments, c.id) for c in parsed.calls] == [
        ("streak", {"symbol": "IWM"}, "c1")
    ]
    assert parsed.content == ""


def test_several_tags_with_prose_around() -> None:
    text = (
        "Let me look.\n"
        '<tool_call>{"name": "a", "arguments": {"x": 1}}</tool_call>\n'
        '<tool_call>{"name": "b", "arguments": {}}</tool_call>\nDone.'
    )
    parsed = parse(text)
    assert [c.name for c in parsed.calls] == ["a", "b"]
    assert parsed.content == "Let me look.\n\n\nDone."


def test_unclosed_last_tag_is_read_to_the_end() -> None:
    parsed = parse('<tool_call>{"name": "a", "arguments": {"x": 1}}')
    assert [c.name for c in parsed.calls] == ["a"]


def test_tag_holding_a_fence() -> None:
    parsed = parse('<tool_call>\n```json\n{"name": "a", "arguments": {}}\n```\n</tool_call>')
    assert [c.name for c in parsed.calls] == ["a"]


def test_json_fence() -> None:
    text = (
        'I will call:\n```json\n{"name": "news_search", "arguments": {"query": "small caps"}}\n```'
    )
    parsed = parse(text)
    assert parsed.calls[0].name == "news_search"
    assert parsed.calls[0].arguments == {"query": "small caps"}
    assert parsed.content == "I will call:"


def test_fence_with_a_list_of_calls() -> None:
    text = '```\n[{"name": "a", "args": {"x": 1}}, {"name": "b", "parameters": {"y": 2}}]\n```'
    parsed = parse(text)
    assert [(c.name, c.arguments) for c in parsed.calls] == [("a", {"x": 1}), ("b", {"y": 2})]


def test_bare_object() -> None:
    parsed = parse('{"name": "a", "arguments": {"x": 1}}')
    assert [(c.name, c.arguments) for c in parsed.calls] == [("a", {"x": 1})]


def test_bare_object_inside_prose() -> None:
    parsed = parse('Calling {"name": "a", "arguments": {"x": {"y": [1, 2]}}} now')
    assert parsed.calls[0].arguments == {"x": {"y": [1, 2]}}
    assert parsed.content == "Calling  now"


def test_arguments_as_a_json_string() -> None:
    parsed = parse('<tool_call>{"name": "a", "arguments": "{\\"x\\": 1}"}</tool_call>')
    assert parsed.calls[0].arguments == {"x": 1}


def test_openai_shape_and_wrapper() -> None:
    text = (
        '{"tool_calls": [{"id": "call_9", "type": "function", '
        '"function": {"name": "a", "arguments": "{\\"x\\": 1}"}}]}'
    )
    parsed = parse(text)
    assert [(c.name, c.arguments, c.id) for c in parsed.calls] == [("a", {"x": 1}, "call_9")]


def test_missing_arguments_means_none_inside_a_tag() -> None:
    parsed = parse('<tool_call>{"name": "latest_date"}</tool_call>')
    assert parsed.calls[0].arguments == {}


def test_trailing_comma_is_tolerated() -> None:
    parsed = parse('<tool_call>{"name": "a", "arguments": {"x": 1,},}</tool_call>')
    assert parsed.calls[0].arguments == {"x": 1}


def test_two_objects_in_one_tag() -> None:
    parsed = parse('<tool_call>{"name": "a", "arguments": {}}\n{"name": "b"}</tool_call>')
    assert [c.name for c in parsed.calls] == ["a", "b"]


def test_plain_answer_has_no_calls() -> None:
    parsed = parse("IWM rose 9 sessions in a row [1].")
    assert parsed.ok and not parsed.calls
    assert parsed.content == "IWM rose 9 sessions in a row [1]."


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "Apple Inc.", "ticker": "AAPL"}',  # a JSON answer, not a call
        '```json\n{"close": 212.2, "day": 12}\n```',
        "[1, 2, 3]",
        "Use {braces} freely.",
    ],
)
def test_json_that_is_not_a_call_is_content(text: str) -> None:
    parsed = parse(text)
    assert parsed.ok and not parsed.calls
    assert parsed.content == text


def test_known_tool_without_arguments_key_outside_tags() -> None:
    parsed = parse('```json\n{"name": "latest_date"}\n```', tool_names=["latest_date"])
    assert [c.name for c in parsed.calls] == ["latest_date"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('<tool_call>{"name": "a", "arguments": {"x": 1</tool_call>', "invalid JSON"),
        ("<tool_call></tool_call>", "empty"),
        ('<tool_call>{"arguments": {"x": 1}}</tool_call>', 'no "name"'),
        ('<tool_call>["a"]</tool_call>', "must be a JSON object"),
        ('<tool_call>{"name": "", "arguments": {}}</tool_call>', "non-empty string"),
        ('<tool_call>{"name": "a", "arguments": [1]}</tool_call>', "must be a JSON object"),
        ('<tool_call>{"name": "a", "arguments": "{x: 1}"}</tool_call>', "not valid JSON"),
        ('```json\n{"name": "a", "arguments": {"x": 1\n```', "invalid JSON"),
    ],
)
def test_malformed_calls_are_reported(text: str, reason: str) -> None:
    parsed = parse(text)
    assert not parsed.ok
    assert reason in parsed.errors[0].reason
    assert not parsed.calls


def test_unknown_tool_is_an_error_naming_the_available_ones() -> None:
    parsed = parse(
        '<tool_call>{"name": "stonks", "arguments": {}}</tool_call>'
        '<tool_call>{"name": "streak", "arguments": {"symbol": "IWM"}}</tool_call>',
        tool_names=["streak", "news_search"],
    )
    assert [c.name for c in parsed.calls] == ["streak"]
    assert "unknown tool 'stonks'; available: news_search, streak" in parsed.errors[0].reason


def test_feedback_and_typed_error() -> None:
    parsed = parse('<tool_call>{"name": "a", "arguments": {"x": </tool_call>')
    feedback = parsed.feedback()
    assert "nothing was run" in feedback
    assert '<tool_call>{"name": "<tool name>"' in feedback
    with pytest.raises(MalformedToolCallError) as info:
        parsed.raise_for_errors()
    assert isinstance(info.value, ModelFixableError)
    assert info.value.errors == parsed.errors
    assert str(info.value) == feedback


def test_default_ids_are_unique() -> None:
    parsed = parse_tool_calls('[{"name": "a", "arguments": {}}, {"name": "a", "arguments": {}}]')
    assert len({c.id for c in parsed.calls}) == 2
    assert all(c.id.startswith("call_") for c in parsed.calls)
