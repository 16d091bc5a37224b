"""Several prompts decoded greedily by one llama.cpp context at once, one sequence each.

On a 2-core CPU a decode step for one token costs ~106 ms and a step carrying three sequences'
tokens ~220 ms, so a round of reason drafts costs about its longest draft's steps at twice the
price instead of every draft's steps one after the other. The prompts, read before the first
token, are not cheaper together, only their shared start is read once: on 12 development
questions a round took a median 0.88 of its one-at-a-time time, 2.1 s less
(`benchmarks/results/reason_drafts.md`).

The prompts share a prefix (the system prompt, the question and the move): it is evaluated once,
in sequence 0, reusing what the KV cache already holds, and copied to the other sequences (a copy
shares the cells; it costs no compute). Each prompt's own remainder is evaluated in the same
batches, then every step decodes one token for each unfinished sequence. A batch's arithmetic
differs from a single sequence's, so a near-tie between two tokens may break the other way: the
texts are not always those of one-at-a-time decoding (9 of those 27 drafts differed).

Afterwards the cache holds the first prompt alone, in sequence 0, which is what `Llama`'s own
bookkeeping (`n_tokens`, `input_ids`) is set to, so later calls reuse it as usual. Greedy only
(every caller asks for temperature 0): the next token is the logits' argmax.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from copilot.llm.base import STOPPED, StopWhen
from copilot.llm.kv_prefix import common_prefix, shared_prefix

T = TypeVar("T")


@dataclass
class Decoded:
    """One sequence's answer: its text, its tokens, and why it ended."""

    tokens: list[int] = field(default_factory=list)
    text: str = ""
    finish_reason: str = ""


def decode_together(
    llama: Any,
    prompts: list[list[int]],
    *,
    max_tokens: int,
    stop_when: StopWhen | None = None,
    on_done: Callable[[int, Decoded], None] | None = None,
) -> list[Decoded]:
    """Greedy answers to `prompts` (token lists), decoded as parallel sequences of `llama`'s
    context, which must allow `len(prompts)` sequences in one unified KV cache. `on_done(i,
    answer)` is called as each sequence finishes, while the others decode on."""
    with _sequences(llama, prompts) as batch:
        chosen = _prefill(llama, batch, prompts)
        results = [Decoded() for _ in prompts]
        positions = [len(p) for p in prompts]
        while True:
            step = []
            for seq, result in enumerate(results):
                if result.finish_reason:
                    continue
                result.finish_reason = _next(llama, result, chosen[seq], max_tokens, stop_when)
                if result.finish_reason:
                    if on_done is not None:
                        on_done(seq, result)
                    continue
                step.append((chosen[seq], positions[seq], seq, True))
                positions[seq] += 1
            if not step:
                return results
            chosen = batch.decode(step)


def read_together(llama: Any, prompts: list[list[int]], read: Callable[[Any], T]) -> list[T]:
    """`read(logits)` of the token that would follow each prompt, the prompts evaluated
    together as `decode_together` evaluates them (nothing is decoded)."""
    with _sequences(llama, prompts) as batch:
        found = _prefill(llama, batch, prompts, read)
        return [found[seq] for seq in range(len(prompts))]


@contextmanager
def _sequences(llama: Any, prompts: list[list[int]]) -> Iterator[_Batch]:
    """A batch for `prompts`' sequences; afterwards the cache holds the first prompt alone, in
    sequence 0, as a single call would leave it (emptied, and said to be, after an error)."""
    import llama_cpp

    memory = llama_cpp.llama_get_memory(llama._ctx.ctx)
    batch = _Batch(llama)
    failed = False
    try:
        yield batch
    except BaseException:  # the cache's state is unknown
        failed = True
        llama_cpp.llama_memory_clear(memory, True)
        llama.n_tokens = 0
        raise
    finally:
        batch.free()
        if not failed:
            for seq in range(1, len(prompts)):
                llama_cpp.llama_memory_seq_rm(memory, seq, -1, -1)
            llama_cpp.llama_memory_seq_rm(memory, 0, len(prompts[0]), -1)
            llama.input_ids[: len(prompts[0])] = prompts[0]
            llama.n_tokens = len(prompts[0])


def _prefill(
    llama: Any, batch: _Batch, prompts: list[list[int]], read: Callable[[Any], Any] | None = None
) -> dict[int, Any]:
    """Evaluate the prompts, their shared prefix once (reusing what the cache holds, then
    copied to every sequence); each sequence's next token, or `read` of its logits."""
    import llama_cpp

    memory = llama_cpp.llama_get_memory(llama._ctx.ctx)
    shared = min(len(p) for p in prompts) - 1  # each prompt keeps a token to give its logits
    for prompt in prompts[1:]:
        shared = min(shared, common_prefix(prompts[0], prompt))
    reused = min(shared_prefix(llama, prompts[0]), shared)
    llama_cpp.llama_memory_seq_rm(memory, 0, reused, -1)
    for seq in range(1, len(prompts)):
        llama_cpp.llama_memory_seq_rm(memory, seq, -1, -1)
    batch.decode([(t, i, 0, False) for i, t in enumerate(prompts[0]) if reused <= i < shared])
    for seq in range(1, len(prompts)):  # shares sequence 0's cells for the prefix
        llama_cpp.llama_memory_seq_cp(memory, 0, seq, -1, -1)
    remainders = [
        (t, i, seq, i == len(p) - 1) for seq, p in enumerate(prompts) for i, t in enumerate(p)
        if i >= shared
    ]  # fmt: skip
    return batch.decode(remainders, read)


def _next(
    llama: Any, result: Decoded, token: int, max_tokens: int, stop_when: StopWhen | None
) -> str:
    """Take `token` into `result` unless it ends it; why the answer ended, or "" to go on."""
    import llama_cpp

    if llama_cpp.llama_vocab_is_eog(llama._model.vocab, token):
        return "stop"
    text = _text(llama, [*result.tokens, token])
    if stop_when is not None and text != result.text and stop_when(text):
        return STOPPED  # that token's text is left out, as `LLM.stream` leaves its delta out
    result.tokens.append(token)
    result.text = text
    return "length" if len(result.tokens) >= max_tokens else ""


def _text(llama: Any, tokens: list[int]) -> str:
    """The tokens as text; a character still cut between tokens is left for the next step."""
    return bytes(llama.detokenize(tokens)).decode("utf-8", errors="ignore")


class _Batch:
    """A llama.cpp batch: decodes (token, position, sequence, wants logits) items in chunks of
    the context's batch size and returns each sequence's argmax where logits were asked."""

    def __init__(self, llama: Any) -> None:
        import llama_cpp

        self._llama = llama
        self._size = int(llama.n_batch)
        self._batch = llama_cpp.llama_batch_init(self._size, 0, 1)
        self._n_vocab = int(llama.n_vocab())

    def decode(
        self, items: list[tuple[int, int, int, bool]], read: Callable[[Any], Any] | None = None
    ) -> dict[int, Any]:
        """Each sequence's argmax where logits were asked, or `read(logits)` of them."""
        import llama_cpp
        import numpy as np

        chosen: dict[int, Any] = {}
        ctx, batch = self._llama._ctx.ctx, self._batch
        for start in range(0, len(items), self._size):
            chunk = items[start : start + self._size]
            batch.n_tokens = len(chunk)
            for i, (token, position, seq, logits) in enumerate(chunk):
                batch.token[i], batch.pos[i], batch.logits[i] = token, position, logits
                batch.n_seq_id[i] = 1
                batch.seq_id[i][0] = seq
            if llama_cpp.llama_decode(ctx, batch) != 0:
                raise RuntimeError("llama_decode failed (the KV cache may be full)")
            for i, (_, _, seq, logits) in enumerate(chunk):
                if logits:
                    row = llama_cpp.llama_get_logits_ith(ctx, i)
                    logits_of = np.ctypeslib.as_array(row, shape=(self._n_vocab,))
                    chosen[seq] = int(logits_of.argmax()) if read is None else read(logits_of)
        return chosen

    def free(self) -> None:
        import llama_cpp

        llama_cpp.llama_batch_free(self._batch)
