"""The same tools driven by LangChain's `create_agent` (a model-led tool loop on LangGraph).

Kept beside the pipeline in `copilot.agent` so the two can be measured on the evaluation set
(`market-copilot eval --mode agent`). The model decides every call; the code still numbers the
sources, caps the calls (`ToolCallLimitMiddleware`, blocked calls answered with a message so the
model writes with what it has) and verifies the final answer.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from langchain.agents import create_agent
from langchain.agents.middleware import (
    AgentMiddleware,
    AgentState,
    ModelCallLimitMiddleware,
    ToolCallLimitMiddleware,
    hook_config,
)
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.runtime import Runtime

from copilot import prompts
from copilot.agent import AgentConfig
from copilot.answer import AgentEvent, Answer, EventCallback, ToolCallRecord
from copilot.claims.cause_judge import cause_judge_for
from copilot.hints import concept_hints
from copilot.llm.base import LLM
from copilot.llm.chat_models import chat_model_for
from copilot.tools import ToolDeps, ToolOutput, build_langchain_tools
from copilot.verify import verify_answer


class MalformedCallRetry(AgentMiddleware):
    """A reply with a malformed tool call executed nothing; send the problem back, once."""

    def __init__(self) -> None:
        super().__init__()
        self.retried = False

    @hook_config(can_jump_to=["model"])
    def after_model(self, state: AgentState, runtime: Runtime[Any]) -> dict[str, Any] | None:
        last = state["messages"][-1]
        if not isinstance(last, AIMessage) or not last.invalid_tool_calls or self.retried:
            return None
        self.retried = True
        feedback = last.response_metadata.get("tool_call_feedback") or (
            "Your tool call could not be parsed; write it again as valid JSON."
        )
        return {"messages": [HumanMessage(str(feedback))], "jump_to": "model"}


class LangChainCopilot:
    """`Copilot`'s interface on a `create_agent` tool loop."""

    mode = "agent"

    def __init__(
        self,
        deps: ToolDeps,
        llm: LLM,
        config: AgentConfig | None = None,
        chat_model: BaseChatModel | None = None,
    ) -> None:
        self.deps = deps
        self.llm = llm
        self.config = config or AgentConfig()
        self.chat_model = chat_model or chat_model_for(
            deps.settings, llm, max_tokens=self.config.answer_max_tokens
        )

    def ask(
        self, question: str, as_of: date | None = None, on_event: EventCallback | None = None
    ) -> Answer:
        started = time.perf_counter()
        emit = on_event or (lambda _event: None)
        store = self.deps.market
        latest = store.latest_date(as_of) if store is not None else None
        self.deps.as_of = as_of or self.deps.as_of or latest or date.today()
        system = prompts.render(
            "agent_system",
            as_of=self.deps.as_of,
            data_latest=latest,
            max_calls=self.config.max_tool_calls,
            sentences=self.config.sentences,
        )
        names = None if self.deps.news is not None else _market_tool_names()
        limits: list[Any] = [
            MalformedCallRetry(),
            ToolCallLimitMiddleware(run_limit=self.config.max_tool_calls),
            ModelCallLimitMiddleware(run_limit=self.config.max_tool_calls + 2, exit_behavior="end"),
        ]
        agent: Any = create_agent(
            self.chat_model,
            tools=build_langchain_tools(self.deps, names),
            system_prompt=system,
            middleware=limits,
        )
        hints = concept_hints(self.deps, question, self.deps.as_of)
        user = question + (f"\n(Hints: {hints})" if hints else "")
        records: list[ToolCallRecord] = []
        self._pending: dict[str, dict[str, Any]] = {}
        tokens = {"prompt": 0, "completion": 0, "llm_calls": 0}
        final = ""
        emit(AgentEvent(kind="phase", name="agent"))
        for update in agent.stream({"messages": [{"role": "user", "content": user}]},
                                   stream_mode="updates"):  # fmt: skip
            for node in update.values():
                for message in (node or {}).get("messages", []):
                    final = self._observe(message, records, tokens, emit) or final
        judge = cause_judge_for(self.llm) if self.deps.settings.cause_judge else None
        text, verification = verify_answer(
            final, self.deps.ledger, self.deps.as_of, question, judge=judge
        )
        for token in text.split(" "):
            emit(AgentEvent(kind="token", text=token + " "))
        return Answer(
            question=question, as_of=self.deps.as_of, data_latest=latest, text=text,
            sources=dict(self.deps.ledger.items()), verification=verification,
            tool_calls=records, model=self.llm.model_id, mode=self.mode,
            timings={"total": time.perf_counter() - started}, tokens=tokens, planned_by="model",
        )  # fmt: skip

    def _observe(
        self,
        message: Any,
        records: list[ToolCallRecord],
        tokens: dict[str, int],
        emit: EventCallback,
    ) -> str | None:
        """Turn one agent message into events/records; return the text of a final answer."""
        if isinstance(message, AIMessage):
            usage: dict[str, Any] = dict(message.usage_metadata or {})
            tokens["prompt"] += int(usage.get("input_tokens", 0))
            tokens["completion"] += int(usage.get("output_tokens", 0))
            tokens["llm_calls"] += 1
            for call in message.tool_calls:
                self._pending[call.get("id") or ""] = call["args"]
                emit(AgentEvent(kind="tool_started", name=call["name"], arguments=call["args"]))
            if not message.tool_calls and isinstance(message.content, str):
                return message.content.strip()
        elif isinstance(message, ToolMessage):
            output = message.artifact if isinstance(message.artifact, ToolOutput) else None
            text = output.text if output else str(message.content)
            record = ToolCallRecord(
                name=message.name or "",
                arguments=self._pending.pop(message.tool_call_id, {}),
                output=text,
                error=output.error if output else True,
                sources=output.sources if output else [],
                note=output.note if output else "",
            )
            records.append(record)
            emit(AgentEvent(kind="tool_finished", name=record.name, text=text, error=record.error))
        return None


def _market_tool_names() -> list[str]:
    from copilot.tools import TOOLS

    return [name for name in TOOLS if name != "search_news"]
