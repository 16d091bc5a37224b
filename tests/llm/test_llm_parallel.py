"""Several conversations answered at once: decoded together where the model can, else in turn.

The real decoding is tested with the embedded model (`test_llm_local_model.py`, marked); here,
the dispatch and the prefix arithmetic."""

from __future__ import annotations

from typing import Any

from copilot.llm.base import (
    AnswerCallback,
    ChatMessage,
    LLMResponse,
    StopWhen,
    complete_each,
)
from copilot.llm.kv_prefix import common_prefix
from copilot.llm.loading import LoadingLLM
from copilot.llm.scripted import ScriptedLLM

ASKS = [[ChatMessage(role="user", content=f"question {i}")] for i in range(3)]


class _Together(ScriptedLLM):
    """A scripted model that takes conversations together, recording each group."""

    def __init__(self, turns: list[str]) -> None:
        super().__init__(turns)
        self.groups: list[int] = []

    def complete_parallel(
        self, conversations: list[list[ChatMessage]], *, max_tokens: int = 512,
        stop_when: StopWhen | None = None, on_answer: AnswerCallback | None = None,
    ) -> list[LLMResponse]:  # fmt: skip
        self.groups.append(len(conversations))
        answers = [self.stream(c, lambda _d: None, max_tokens=max_tokens, stop_when=stop_when)
                   for c in conversations]  # fmt: skip
        for index in reversed(range(len(answers))):  # the last finished first
            if on_answer is not None:
                on_answer(index, answers[index])
        return answers


def test_a_model_that_cannot_decode_together_answers_in_turn_in_order() -> None:
    llm = ScriptedLLM(["One. More.", "Two.", "Three."])
    announced: list[tuple[int, str]] = []
    answers = complete_each(
        llm, ASKS, max_tokens=20, stop_when=lambda text: "More" in text,
        on_answer=lambda i, a: announced.append((i, a.text.strip())),
    )  # fmt: skip
    assert [a.text.strip() for a in answers] == ["One.", "Two.", "Three."]
    assert announced == [(0, "One."), (1, "Two."), (2, "Three.")]
    assert [call[-1]["content"] for call in llm.calls] == [f"question {i}" for i in range(3)]
    llm.assert_consumed()


def test_a_model_that_can_gets_them_all_at_once_and_one_alone_goes_in_turn() -> None:
    llm = _Together(["a", "b", "c", "d"])
    assert [a.text for a in complete_each(llm, ASKS)] == ["a", "b", "c"]
    assert [a.text for a in complete_each(llm, ASKS[:1])] == ["d"]
    assert llm.groups == [3]


def test_a_loading_model_hands_them_to_the_loaded_one() -> None:
    together = _Together(["a", "b", "c"])
    announced: list[int] = []
    answers = LoadingLLM(lambda: together).complete_parallel(
        ASKS, on_answer=lambda i, _a: announced.append(i)
    )
    assert [a.text for a in answers] == list("abc")
    assert together.groups == [3] and announced == [2, 1, 0]
    in_turn: Any = ScriptedLLM(["x", "y", "z"])
    assert [a.text for a in LoadingLLM(lambda: in_turn).complete_parallel(ASKS)] == list("xyz")
    in_turn.assert_consumed()


def test_common_prefix_counts_the_leading_tokens_two_prompts_share() -> None:
    assert common_prefix([5, 6, 7, 8], [5, 6, 9]) == 2
    assert common_prefix([5, 6], [5, 6, 7]) == 2
    assert common_prefix([1], [2]) == 0
    assert common_prefix([], [1]) == 0


def test_a_load_changes_model_and_context_defaults_together_then_restores_them() -> None:
    import llama_cpp.llama as loader

    from copilot.llm.local import parallel_sequences, weight_buffers

    binding = loader.llama_cpp
    before = binding.llama_context_default_params().n_seq_max
    with weight_buffers(False), parallel_sequences(3):  # nested, as `LocalLLM` loads
        context = binding.llama_context_default_params()
        assert context.n_seq_max == 3 and context.kv_unified
        assert binding.llama_model_default_params().use_extra_bufts is False
    assert binding.llama_context_default_params().n_seq_max == before
    assert binding.llama_model_default_params().use_extra_bufts is True  # llama.cpp's default
