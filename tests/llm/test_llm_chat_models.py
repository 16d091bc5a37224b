"""The LangChain adapter over an `LLM` that writes tool calls as text, and `create_agent` on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from langchain.agents import create_agent
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

from copilot.errors import ConfigError
from copilot.llm.base import ChatMessage
from copilot.llm.chat_models import TextToolChatModel, chat_model_for, to_chat_messages
from copilot.llm.testing import scripted
from copilot.settings import Settings


@tool
def close_price(symbol: str, day: str) -> str:
    """Closing price of a symbol on a day (YYYY-MM-DD)."""
    return f"{symbol} closed at 251.30 on {day}"


CALL = '<tool_call>{"name": "close_price", "arguments": {"symbol": "IWM", "day": "2026-01-22"}}'
CALL += "</tool_call>"


def test_bind_tools_renders_the_tools_into_the_system_prompt() -> None:
    llm = scripted([CALL])
    model = TextToolChatModel(llm=llm).bind_tools([close_price])
    reply = model.invoke([SystemMessage("You are terse."), HumanMessage("IWM close?")])
    assert isinstance(reply, AIMessage)
    assert reply.tool_calls == [
        {
            "name": "close_price",
            "args": {"symbol": "IWM", "day": "2026-01-22"},
            "id": reply.tool_calls[0]["id"],
            "type": "tool_call",
        }
    ]
    assert reply.tool_calls[0]["id"]
    assert reply.content == ""
    system = llm.calls[0][0]
    assert system["role"] == "system"
    assert system["content"].startswith("You are terse.\n\n# Tools")
    assert '"name": "close_price", "description": "Closing price of a symbol' in system["content"]
    assert '"symbol": {"type": "string"}' in system["content"]
    assert '"title"' not in system["content"]
    assert "<tool_call>" in system["content"]
    llm.assert_consumed()


def test_without_tools_the_reply_is_text() -> None:
    llm = scripted(['Plain answer {"name": "x", "arguments": {}}'])
    reply = TextToolChatModel(llm=llm).invoke("hi")
    assert reply.tool_calls == []
    assert reply.content == 'Plain answer {"name": "x", "arguments": {}}'
    assert llm.calls[0] == [ChatMessage(role="user", content="hi")]
    llm.assert_consumed()


def test_malformed_call_executes_nothing_and_carries_feedback() -> None:
    bad = '<tool_call>{"name": "close_price", "arguments": {"symbol": </tool_call>'
    good = '<tool_call>{"name": "close_price", "arguments": {"symbol": "IWM"}}</tool_call>'
    llm = scripted([bad + good])
    reply = TextToolChatModel(llm=llm).bind_tools([close_price]).invoke("IWM?")
    assert isinstance(reply, AIMessage)
    assert reply.tool_calls == []
    assert len(reply.invalid_tool_calls) == 2
    assert "invalid JSON" in (reply.invalid_tool_calls[0]["error"] or "")
    assert reply.invalid_tool_calls[1]["name"] == "close_price"
    assert "nothing was run" in reply.response_metadata["tool_call_feedback"]
    llm.assert_consumed()


def test_unknown_tool_is_invalid() -> None:
    llm = scripted(['<tool_call>{"name": "buy_stock", "arguments": {}}</tool_call>'])
    reply = TextToolChatModel(llm=llm).bind_tools([close_price]).invoke("buy")
    assert isinstance(reply, AIMessage)
    assert reply.tool_calls == []
    assert "unknown tool 'buy_stock'" in (reply.invalid_tool_calls[0]["error"] or "")


def test_messages_are_rendered_as_text_turns() -> None:
    messages = [
        SystemMessage("sys"),
        HumanMessage("q"),
        AIMessage(
            "checking",
            tool_calls=[
                {"name": "close_price", "args": {"symbol": "IWM"}, "id": "c1"},
                {"name": "close_price", "args": {"symbol": "SPY"}, "id": "c2"},
            ],
        ),
        ToolMessage("IWM 251.30", tool_call_id="c1"),
        ToolMessage("SPY 690.10", tool_call_id="c2", name="close_price"),
        AIMessage("done"),
    ]
    chat = to_chat_messages(messages, "TOOLS")
    assert [m["role"] for m in chat] == ["system", "user", "assistant", "user", "assistant"]
    assert chat[0]["content"] == "sys\n\nTOOLS"
    assert chat[2]["content"] == (
        "checking\n"
        '<tool_call>\n{"name": "close_price", "arguments": {"symbol": "IWM"}}\n</tool_call>\n'
        '<tool_call>\n{"name": "close_price", "arguments": {"symbol": "SPY"}}\n</tool_call>'
    )
    assert chat[3]["content"] == (
        '<tool_response name="close_price">\nIWM 251.30\n</tool_response>\n'
        '<tool_response name="close_price">\nSPY 690.10\n</tool_response>'
    )
    assert to_chat_messages([HumanMessage("q")], "TOOLS")[0] == ChatMessage(
        role="system", content="TOOLS"
    )


def test_usage_and_metadata() -> None:
    llm = scripted(["two words"])
    reply = TextToolChatModel(llm=llm).invoke("count these words")
    assert reply.usage_metadata is not None
    assert reply.usage_metadata["input_tokens"] == 3
    assert reply.usage_metadata["output_tokens"] == 2
    assert reply.response_metadata["model_name"] == "scripted"


def test_stop_words_cut_the_reply() -> None:
    llm = scripted(["answer STOP trailing"])
    assert TextToolChatModel(llm=llm).invoke("q", stop=["STOP"]).content == "answer "


def test_create_agent_runs_the_tool_loop() -> None:
    seen: list[list[ChatMessage]] = []

    def answer(messages: list[ChatMessage]) -> str:
        seen.append(messages)
        return "IWM closed at 251.30 on 2026-01-22."

    llm = scripted([CALL, answer])
    agent: Any = create_agent(
        TextToolChatModel(llm=llm), tools=[close_price], system_prompt="You are terse."
    )
    result = agent.invoke({"messages": [{"role": "user", "content": "IWM close on Jan 22?"}]})
    llm.assert_consumed()
    kinds = [type(m).__name__ for m in result["messages"]]
    assert kinds == ["HumanMessage", "AIMessage", "ToolMessage", "AIMessage"]
    assert result["messages"][2].content == "IWM closed at 251.30 on 2026-01-22"
    assert result["messages"][-1].content == "IWM closed at 251.30 on 2026-01-22."
    last_turn = seen[0][-1]
    assert last_turn["role"] == "user"
    assert '<tool_response name="close_price">\nIWM closed at 251.30' in last_turn["content"]
    assert seen[0][-2]["role"] == "assistant" and "<tool_call>" in seen[0][-2]["content"]


def test_create_agent_streams_tokens_without_tool_markup() -> None:
    llm = scripted(["Let me check. " + CALL, "IWM closed at 251.30."])
    agent: Any = create_agent(TextToolChatModel(llm=llm), tools=[close_price])
    streamed: list[str] = []
    for chunk, _meta in agent.stream(
        {"messages": [{"role": "user", "content": "IWM?"}]}, stream_mode="messages"
    ):
        if isinstance(chunk, AIMessage) and isinstance(chunk.content, str):
            streamed.append(chunk.content)
    llm.assert_consumed()
    text = "".join(streamed)
    assert "<tool_call>" not in text
    assert "Let me check." in text
    assert "IWM closed at 251.30." in text


def test_chat_model_for_providers(tmp_path: Path) -> None:
    base = {"data_dir": tmp_path, "_env_file": None}
    openai_settings = Settings(
        llm_provider="openai",
        openai_base_url="http://127.0.0.1:9/v1",
        openai_model="qwen",
        llm_timeout_s=7,
        llm_max_retries=1,
        **base,  # type: ignore[arg-type]
    )
    native = chat_model_for(openai_settings)
    assert isinstance(native, ChatOpenAI)
    assert native.model_name == "qwen"
    assert native.openai_api_base == "http://127.0.0.1:9/v1"
    assert native.max_retries == 1
    text = chat_model_for(openai_settings, tool_protocol="text")
    assert isinstance(text, TextToolChatModel)
    assert text.llm.model_id == "qwen"
    llm = scripted([])
    scripted_settings = Settings(llm_provider="scripted", **base)  # type: ignore[arg-type]
    model = chat_model_for(scripted_settings, llm)
    assert isinstance(model, TextToolChatModel) and model.llm is llm
    with pytest.raises(ConfigError):
        chat_model_for(scripted_settings)
