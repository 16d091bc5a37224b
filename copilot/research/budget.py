"""The report's budget as a hard stop: checked before every model and tool call."""

from __future__ import annotations

import time

from copilot.llm.base import LLMResponse
from copilot.research.models import Budget


class BudgetExhausted(Exception):
    """Raised before a call the budget no longer allows; its message says which limit."""


class BudgetTracker:
    def __init__(self, budget: Budget, clock: float | None = None) -> None:
        self.budget = budget
        self.started = time.perf_counter() if clock is None else clock
        self.llm_calls = 0
        self.tokens = 0
        self.tool_calls = 0

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def _check_time(self) -> None:
        if self.elapsed() >= self.budget.max_seconds:
            raise BudgetExhausted(f"wall time {self.budget.max_seconds:.0f} s")

    def before_llm_call(self) -> None:
        self._check_time()
        if self.llm_calls >= self.budget.max_llm_calls:
            raise BudgetExhausted(f"{self.budget.max_llm_calls} LLM calls")
        if self.tokens >= self.budget.max_tokens:
            raise BudgetExhausted(f"{self.budget.max_tokens} tokens")

    def before_tool_call(self) -> None:
        self._check_time()
        if self.tool_calls >= self.budget.max_tool_calls:
            raise BudgetExhausted(f"{self.budget.max_tool_calls} tool calls")
        self.tool_calls += 1

    def count(self, response: LLMResponse) -> None:
        self.llm_calls += 1
        self.tokens += response.prompt_tokens + response.completion_tokens

    def calls_left(self) -> int:
        return max(0, self.budget.max_llm_calls - self.llm_calls)

    def max_tokens_for(self, wanted: int) -> int:
        """A call's completion cap: what it wants, never past the token budget."""
        return max(1, min(wanted, self.budget.max_tokens - self.tokens))
