"""LangChain chat models for the `create_agent` path.

* `openai` → `langchain_openai.ChatOpenAI` (native tool calling) — or, with
  `tool_protocol="text"`, the text adapter over `OpenAICompatLLM`, for servers whose model writes
  tool calls as text (llama-cpp-python's server with a GGUF chat template does).
* `local` and `scripted` → `TextToolChatModel`, a `BaseChatModel` over any `LLM`: `bind_tools`
  binds the tools' OpenAI schemas; `_generate` renders them compactly into the system prompt
  (`text_tools.render_tools`), renders earlier calls and `ToolMessage`s back as text turns, and
  parses the reply with `parse_tool_calls` into `AIMessage.tool_calls`.

A reply with a malformed call executes nothing: every call of that reply lands in
`AIMessage.invalid_tool_calls` and `response_metadata["tool_call_feedback"]` holds the message to
send back to the model (once) — see `copilot.llm.toolcalls`.

When LangChain passes a run manager, the reply is streamed through `LLM.stream` and each text
delta outside `<tool_call>` tags is reported with `on_llm_new_token` (LangGraph's
`stream_mode="messages"` picks these up); the final message carries the same id as the chunks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.messages import ToolCall as LCToolCall
from langchain_core.messages.tool import invalid_tool_call, tool_call
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, SkipValidation

from copilot.errors import ConfigError
from copilot.llm.base import LLM, ChatMessage, LLMResponse
from copilot.llm.text_tools import TagFilter, render_call, render_results, render_tools
from copilot.llm.toolcalls import ParsedToolCalls, parse_tool_calls
from copilot.settings import Settings

LC_ID_PREFIX = "lc_run-"  # langchain_core.utils.utils.LC_ID_PREFIX

ToolLike = dict[str, Any] | type | Callable[..., Any] | BaseTool


class TextToolChatModel(BaseChatModel):
    """A LangChain chat model over an `LLM` whose tool calls are written as text."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    llm: SkipValidation[LLM]
    max_tokens: int = 512
    temperature: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "copilot-text-tools"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": self.llm.model_id, "max_tokens": self.max_tokens}

    def bind_tools(
        self,
        tools: Sequence[ToolLike],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        formatted = [convert_to_openai_tool(t) for t in tools]
        return self.bind(tools=formatted, tool_choice=tool_choice, **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        tools: list[dict[str, Any]] = list(kwargs.get("tools") or [])
        choice = _choice_name(kwargs.get("tool_choice"))
        if choice == "none":
            tools = []
        prompt = render_tools(tools, choice) if tools else None
        chat = to_chat_messages(messages, prompt)
        message_id = f"{LC_ID_PREFIX}-{run_manager.run_id}" if run_manager else None
        response = self._call(chat, run_manager, message_id)
        text = _cut_at_stop(response.text, stop)
        if tools:
            names = [t["function"]["name"] for t in tools]
            parsed = parse_tool_calls(text, tool_names=names)
        else:
            parsed = ParsedToolCalls(content=text)
        message = _ai_message(parsed, text, response, message_id)
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _call(
        self,
        chat: list[ChatMessage],
        run_manager: CallbackManagerForLLMRun | None,
        message_id: str | None,
    ) -> LLMResponse:
        if run_manager is None:
            return self.llm.complete(chat, max_tokens=self.max_tokens, temperature=self.temperature)
        manager = run_manager
        tags = TagFilter()

        def on_token(delta: str) -> None:
            shown = tags.feed(delta)
            if shown:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=shown, id=message_id))
                manager.on_llm_new_token(shown, chunk=chunk)

        response = self.llm.stream(
            chat, on_token, max_tokens=self.max_tokens, temperature=self.temperature
        )
        if rest := tags.flush():
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=rest, id=message_id))
            manager.on_llm_new_token(rest, chunk=chunk)
        return response


def to_chat_messages(
    messages: Sequence[BaseMessage], tool_prompt: str | None = None
) -> list[ChatMessage]:
    """LangChain messages as `ChatMessage`s for the text protocol.

    The tool prompt joins the (first) system message; an `AIMessage`'s tool calls are written
    as `<tool_call>` lines; consecutive `ToolMessage`s become one user turn of
    `<tool_response>` blocks.
    """
    out: list[ChatMessage] = []
    results: list[tuple[str, str]] = []
    names_by_id: dict[str, str] = {}

    def flush_results() -> None:
        if results:
            out.append(ChatMessage(role="user", content=render_results(results)))
            results.clear()

    for message in messages:
        if isinstance(message, ToolMessage):
            name = message.name or names_by_id.get(message.tool_call_id, "tool")
            results.append((name, _text(message)))
            continue
        flush_results()
        if isinstance(message, SystemMessage):
            out.append(ChatMessage(role="system", content=_text(message)))
        elif isinstance(message, AIMessage):
            lines = [_text(message)] if _text(message) else []
            for call in message.tool_calls:
                names_by_id[call.get("id") or ""] = call["name"]
                lines.append(render_call(call["name"], call["args"]))
            out.append(ChatMessage(role="assistant", content="\n".join(lines)))
        elif isinstance(message, HumanMessage):
            out.append(ChatMessage(role="user", content=_text(message)))
        else:
            out.append(ChatMessage(role="user", content=_text(message)))
    flush_results()
    if tool_prompt:
        if out and out[0]["role"] == "system":
            out[0] = ChatMessage(role="system", content=f"{out[0]['content']}\n\n{tool_prompt}")
        else:
            out.insert(0, ChatMessage(role="system", content=tool_prompt))
    return out


def _ai_message(
    parsed: ParsedToolCalls, text: str, response: LLMResponse, message_id: str | None
) -> AIMessage:
    calls: list[LCToolCall] = []
    invalid = []
    metadata: dict[str, Any] = {
        "model_name": response.model,
        "finish_reason": response.finish_reason,
        "seconds": response.seconds,
        "first_token_seconds": response.first_token_seconds,
    }
    if parsed.errors:  # a reply with a malformed call executes nothing
        for error in parsed.errors:
            invalid.append(invalid_tool_call(args=error.raw, error=error.reason))
        for call in parsed.calls:
            args = json.dumps(call.arguments, ensure_ascii=False)
            invalid.append(
                invalid_tool_call(
                    name=call.name,
                    args=args,
                    id=call.id,
                    error="not executed: another call in the same reply was malformed",
                )
            )
        metadata["tool_call_feedback"] = parsed.feedback()
        content = text
    else:
        calls = [tool_call(name=c.name, args=c.arguments, id=c.id) for c in parsed.calls]
        content = parsed.content
    return AIMessage(
        content=content,
        id=message_id,
        tool_calls=calls,
        invalid_tool_calls=invalid,
        usage_metadata={
            "input_tokens": response.prompt_tokens,
            "output_tokens": response.completion_tokens,
            "total_tokens": response.prompt_tokens + response.completion_tokens,
        },
        response_metadata=metadata,
    )


def _choice_name(choice: Any) -> str | None:
    if isinstance(choice, str):
        return choice
    if isinstance(choice, dict):
        fn = choice.get("function")
        if isinstance(fn, dict) and isinstance(fn.get("name"), str):
            return str(fn["name"])
    if choice is True:
        return "any"
    return None


def _cut_at_stop(text: str, stop: list[str] | None) -> str:
    if not stop:
        return text
    cuts = [i for s in stop if s and (i := text.find(s)) >= 0]
    return text[: min(cuts)] if cuts else text


def chat_model_for(
    settings: Settings,
    llm: LLM | None = None,
    *,
    tool_protocol: Literal["native", "text"] = "native",
    max_tokens: int = 512,
) -> BaseChatModel:
    """The LangChain chat model for `settings.llm_provider`.

    `openai` uses `ChatOpenAI` with native tool calling unless `tool_protocol="text"`; `local`
    and `scripted` wrap `llm` (built with `make_llm(settings)` for `local` when omitted; a
    scripted model must be passed in) in a `TextToolChatModel`.
    """
    if settings.llm_provider == "openai" and tool_protocol == "native":
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        return ChatOpenAI(
            model=settings.openai_model,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key or SecretStr("not-needed"),
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            max_completion_tokens=max_tokens,
            temperature=0.0,
            stream_usage=True,
        )
    if llm is None:
        if settings.llm_provider == "scripted":
            raise ConfigError("the scripted provider needs its ScriptedLLM passed in")
        from copilot.llm import make_llm

        llm = make_llm(settings)
    return TextToolChatModel(llm=llm, max_tokens=max_tokens)


def _text(message: BaseMessage) -> str:
    return str(message.text)
