"""The create_agent mode over the same tools, with the scripted model writing tool calls as text."""

from __future__ import annotations

from datetime import date

from copilot.agent import AgentConfig
from copilot.agent_langchain import LangChainCopilot
from copilot.answer import AgentEvent
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.tools import ToolDeps

CALL = (
    '<tool_call>{"name": "streak", "arguments": '
    '{"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}}</tool_call>'
)


def test_agent_calls_tools_then_answers_with_verified_citations(shared_deps: ToolDeps) -> None:
    def answer(messages: list[ChatMessage]) -> str:
        shown = "\n".join(m["content"] for m in messages)
        assert "[1] IWM beat SPY 14 sessions in a row" in shown  # the tool result reached it
        return "Small caps beat the S&P 500 for 14 sessions in a row through January 22 [1]."

    llm = ScriptedLLM([CALL, answer])
    events: list[AgentEvent] = []
    result = LangChainCopilot(shared_deps, llm).ask(
        "How long did small caps beat large caps?", as_of=date(2026, 1, 23), on_event=events.append
    )
    llm.assert_consumed()
    assert [c.name for c in result.tool_calls] == ["streak"]
    assert result.tool_calls[0].arguments["versus"] == "SPY"
    assert result.verification.cited == [1]
    assert {n.status for n in result.verification.numbers} == {"verified"}
    assert any(e.kind == "tool_started" and e.name == "streak" for e in events)
    assert "Today is 2026-01-23" in llm.calls[0][0]["content"]


def test_agent_tool_calls_are_capped(shared_deps: ToolDeps) -> None:
    more = CALL.replace("2026-01-22", "2026-01-21")
    llm = ScriptedLLM([CALL, more, more.replace("01-21", "01-20"), "Done [1]."])
    result = LangChainCopilot(shared_deps, llm, AgentConfig(max_tool_calls=2)).ask(
        "streaks?", as_of=date(2026, 1, 23)
    )
    llm.assert_consumed()
    executed = [c for c in result.tool_calls if not c.error]
    assert len(executed) == 2


def test_malformed_tool_call_executes_nothing_and_goes_back_once(shared_deps: ToolDeps) -> None:
    broken = '<tool_call>{"name": "streak", "arguments": {"symbol": "IWM",</tool_call>'

    def corrected(messages: list[ChatMessage]) -> str:
        assert "streak" in messages[-1]["content"]  # the parse problem was sent back
        return CALL

    llm = ScriptedLLM([broken, corrected, "IWM beat SPY 14 sessions in a row [1]."])
    result = LangChainCopilot(shared_deps, llm).ask("streak?", as_of=date(2026, 1, 23))
    llm.assert_consumed()
    assert [c.name for c in result.tool_calls] == ["streak"]  # only the corrected call ran


def test_second_malformed_call_is_not_retried_again(shared_deps: ToolDeps) -> None:
    broken = '<tool_call>{"name": "streak", "arguments": </tool_call>'
    llm = ScriptedLLM([broken, broken])
    result = LangChainCopilot(shared_deps, llm).ask("streak?", as_of=date(2026, 1, 23))
    llm.assert_consumed()
    assert result.tool_calls == []
