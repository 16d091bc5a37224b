"""Helpers for tests that need a model: `scripted(turns)` builds a `ScriptedLLM`.

A test module using it must finish with `llm.assert_consumed()` (or use a fixture that calls it
at teardown) so that scripted turns the code never reached fail the test::

    def test_answer() -> None:
        llm = scripted(['<tool_call>{"name": "streak", "arguments": {"symbol": "IWM"}}</tool_call>',
                        "IWM rose 9 sessions in a row [1]."])
        answer = ask(deps, llm, "why did small caps rally?")
        llm.assert_consumed()
"""

from __future__ import annotations

from collections.abc import Iterable

from copilot.llm.scripted import ScriptedLLM, ScriptedTurn


def scripted(turns: Iterable[ScriptedTurn], *, model_id: str = "scripted") -> ScriptedLLM:
    """A fresh `ScriptedLLM` replaying `turns` (str, callable(messages) -> str, or exception)."""
    return ScriptedLLM(turns, model_id=model_id)
