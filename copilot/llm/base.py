"""The provider-neutral LLM interface the rest of the project codes against.

Only `copilot.llm` knows provider SDKs (llama-cpp-python, openai/langchain-openai). Everything
else sees `LLM`: a blocking `complete` (optionally JSON-schema constrained) and a streaming
`stream` that reports text deltas through a callback and returns the whole response.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypedDict, runtime_checkable

Role = Literal["system", "user", "assistant", "tool"]


class ChatMessage(TypedDict):
    role: Role
    content: str


@dataclass
class ToolCall:
    """A tool call the model asked for (parsed from text for models that write them as text)."""

    name: str
    arguments: dict[str, Any]
    id: str = ""


@dataclass
class LLMResponse:
    text: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    first_token_seconds: float | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str = ""


TokenCallback = Callable[[str], None]
# Called with the text so far plus the next delta; True ends the answer before that delta (the
# agent stops a part after its sentences: decoding is the slowest thing a 2-core machine does).
StopWhen = Callable[[str], bool]
STOPPED = "stop_when"  # the finish_reason of an answer that `stop_when` ended


class LLM(Protocol):
    """What the agent needs from a language model."""

    @property
    def model_id(self) -> str:
        """The model's name, as answers and reports record it."""
        ...

    def complete(
        self,
        messages: list[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
    ) -> LLMResponse:
        """One answer. With `json_schema`, the text is JSON valid against it (constrained
        decoding where the provider supports it, else the provider's JSON mode + validation)."""
        ...

    def stream(
        self,
        messages: list[ChatMessage],
        on_token: TokenCallback,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop_when: StopWhen | None = None,
    ) -> LLMResponse:
        """Like `complete`, calling `on_token` with each text delta as it arrives; generation
        ends early (finish_reason `STOPPED`), that delta dropped, once `stop_when(text so far
        + delta)` is true."""
        ...


@runtime_checkable
class SupportsPrime(Protocol):
    """A model that can load the KV state of a fixed prompt prefix ahead of the question."""

    def prime(self, prefix: list[ChatMessage]) -> str:
        """Make the model hold `prefix`; returns "held", "loaded" or "computed"."""
        ...


@runtime_checkable
class SupportsContext(Protocol):
    """A model with a fixed context that can count a conversation's prompt tokens."""

    n_ctx: int

    def count_prompt_tokens(self, messages: list[ChatMessage]) -> int:
        """Tokens of the prompt the model's chat template makes of `messages`."""
        ...


@runtime_checkable
class SupportsParallel(Protocol):
    """A model that decodes several conversations at once, one batch per step (a 2-core CPU
    does three sequences' step in about twice one's time)."""

    def complete_parallel(
        self,
        conversations: list[list[ChatMessage]],
        *,
        max_tokens: int = 512,
        stop_when: StopWhen | None = None,
        on_answer: AnswerCallback | None = None,
    ) -> list[LLMResponse]:
        """One answer per conversation, in order; `stop_when` as in `LLM.stream`, per answer;
        `on_answer(i, answer)` as soon as the i-th is finished (in any order; it must not
        call the model, which may be mid-decoding)."""
        ...


@runtime_checkable
class SupportsYesNo(Protocol):
    """A model that can say how likely its answer to a yes-or-no question is "yes" (the
    cause judge, `copilot.claims.cause_judge`): read from the first token's probabilities."""

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        """p(yes) / (p(yes) + p(no)) of each conversation's next answer, in order."""
        ...


# Called with a conversation's index and its answer as soon as that answer is finished.
AnswerCallback = Callable[[int, LLMResponse], None]


def complete_each(
    llm: LLM,
    conversations: list[list[ChatMessage]],
    *,
    max_tokens: int = 512,
    stop_when: StopWhen | None = None,
    on_answer: AnswerCallback | None = None,
) -> list[LLMResponse]:
    """One answer per conversation: decoded together where the model can, else one by one;
    `on_answer` as in `SupportsParallel.complete_parallel`."""
    if len(conversations) > 1 and isinstance(llm, SupportsParallel):
        return llm.complete_parallel(
            conversations, max_tokens=max_tokens, stop_when=stop_when, on_answer=on_answer
        )
    return answer_in_turn(llm, conversations, max_tokens, stop_when, on_answer)


def answer_in_turn(
    llm: LLM,
    conversations: list[list[ChatMessage]],
    max_tokens: int,
    stop_when: StopWhen | None,
    on_answer: AnswerCallback | None,
    offset: int = 0,
) -> list[LLMResponse]:
    """One `stream` call per conversation, in order; `on_answer` gets each index + `offset`."""
    answers: list[LLMResponse] = []
    for i, conversation in enumerate(conversations):
        answers.append(llm.stream(conversation, lambda _delta: None, max_tokens=max_tokens,
                                  stop_when=stop_when))  # fmt: skip
        if on_answer is not None:
            on_answer(offset + i, answers[-1])
    return answers
