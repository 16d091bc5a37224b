"""`LoadingLLM`: a model that loads in a background thread while code answers what it can.

A fresh `ask` spends ~0.5 s loading the embedded model and about as long opening the stores,
understanding the question and running the tools — none of which needs the model. Loading it
meanwhile takes that time off every fresh process; the first model call waits for the load (and
raises its error, if it failed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from copilot.errors import ProviderError
from copilot.llm.base import (
    LLM,
    AnswerCallback,
    ChatMessage,
    LLMResponse,
    StopWhen,
    SupportsPrime,
    SupportsYesNo,
    TokenCallback,
    complete_each,
)


class LoadingLLM:
    """An `LLM` whose provider `load()` builds in a background thread, started at once."""

    def __init__(self, load: Callable[[], LLM]) -> None:
        self._load = load
        self._llm: LLM | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="copilot-llm-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._llm = self._load()
        except BaseException as exc:  # re-raised, with its message, by the first call
            self._error = exc

    def ready(self) -> LLM:
        """The loaded model, waiting for it; the load's own error if it failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._llm is not None
        return self._llm

    @property
    def model_id(self) -> str:
        return self.ready().model_id

    def loaded(self) -> LLM:
        """The model itself, once loaded (what it supports beyond `LLM` is read from it)."""
        return self.ready()

    def prime(self, prefix: list[ChatMessage]) -> str:
        """The loaded model's `prime`; "unsupported" for a provider without a KV cache."""
        llm = self.ready()
        return llm.prime(prefix) if isinstance(llm, SupportsPrime) else "unsupported"

    def complete(
        self,
        messages: list[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
    ) -> LLMResponse:
        return self.ready().complete(
            messages, json_schema=json_schema, max_tokens=max_tokens, temperature=temperature
        )

    def stream(
        self,
        messages: list[ChatMessage],
        on_token: TokenCallback,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop_when: StopWhen | None = None,
    ) -> LLMResponse:
        return self.ready().stream(
            messages, on_token, max_tokens=max_tokens, temperature=temperature,
            stop_when=stop_when,
        )  # fmt: skip

    def complete_parallel(
        self,
        conversations: list[list[ChatMessage]],
        *,
        max_tokens: int = 512,
        stop_when: StopWhen | None = None,
        on_answer: AnswerCallback | None = None,
    ) -> list[LLMResponse]:
        """The loaded model's answers, decoded together where it can."""
        return complete_each(self.ready(), conversations, max_tokens=max_tokens,
                             stop_when=stop_when, on_answer=on_answer)  # fmt: skip

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        """The loaded model's yes/no reading (the cause judge); a provider that cannot give one
        is a `ProviderError`, so the reasons keep the support score's verdict."""
        llm = self.ready()
        if not isinstance(llm, SupportsYesNo):
            raise ProviderError(f"{llm.model_id} gives no token probabilities to judge with")
        return llm.yes_probabilities(conversations)
