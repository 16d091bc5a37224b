"""`LocalLLM`: a GGUF model run in-process by llama-cpp-python — no key, no network.

One `llama_cpp.Llama` is created per `LocalLLM` and kept: llama.cpp compares each new prompt with
the tokens already in its KV cache and evaluates only the part after the longest common prefix,
so turns that share a system prompt (and the conversation so far) skip most prompt processing —
the dominant cost on a CPU. Calls are serialised with a lock (a `Llama` is not thread-safe).

The chat format comes from the GGUF's own template (`tokenizer.chat_template`).
`complete(json_schema=…)` is grammar-constrained through
`response_format={"type": "json_object", "schema": …}` and then validated.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from copilot.errors import ConfigError, ContextOverflowError
from copilot.llm.base import (
    STOPPED,
    AnswerCallback,
    ChatMessage,
    LLMResponse,
    StopWhen,
    TokenCallback,
    answer_in_turn,
)
from copilot.llm.batch_decode import Decoded, decode_together, read_together
from copilot.llm.json_output import validate_json_output
from copilot.llm.kv_prefix import load_snapshot, save_snapshot, shared_prefix, snapshot_key
from copilot.llm.model_files import ProgressCallback, ensure_local_model
from copilot.settings import Settings

_PARAMS_LOCK = threading.RLock()  # a load changes both kinds of defaults, nested


@contextmanager
def _defaults_changed(name: str, change: Callable[[Any], None]) -> Iterator[None]:
    """While a model loads, llama-cpp-python's default `name` parameters (model or context)
    pass through `change`: it has no argument for the settings changed here."""
    import llama_cpp.llama as loader

    binding: Any = getattr(loader, "llama_cpp")  # noqa: B009 (the module `Llama` reads from)
    with _PARAMS_LOCK:
        original = getattr(binding, name)

        def changed() -> Any:
            params = original()
            change(params)
            return params

        setattr(binding, name, changed)
        try:
            yield
        finally:
            setattr(binding, name, original)


def weight_buffers(repack: bool) -> AbstractContextManager[None]:
    """Load with or without llama.cpp's extra weight buffers (repacked weights, AMX tiles).
    Off by default: with a native build on a CPU with AMX (seen on a Sapphire Rapids virtual
    machine) the first decode crashes the process."""
    if repack:
        return nullcontext()
    return _defaults_changed("llama_model_default_params", _without_extra_buffers)


def _without_extra_buffers(params: Any) -> None:
    params.use_extra_bufts = False


def parallel_sequences(count: int) -> AbstractContextManager[None]:
    """Create contexts that hold `count` sequences in one KV cache of the whole context size
    (`decode_together`)."""
    if count <= 1:
        return nullcontext()

    def with_sequences(params: Any) -> None:
        params.n_seq_max = count
        params.kv_unified = True

    return _defaults_changed("llama_context_default_params", with_sequences)


@dataclass(frozen=True)
class LocalTimings:
    """llama.cpp's own counters for the last call (prompt = tokens actually evaluated, i.e.
    excluding the prefix reused from the KV cache)."""

    prompt_tokens_evaluated: int
    prompt_ms: float
    decode_tokens: int
    decode_ms: float

    @property
    def prompt_tokens_per_s(self) -> float:
        return self.prompt_tokens_evaluated / self.prompt_ms * 1000 if self.prompt_ms else 0.0

    @property
    def decode_tokens_per_s(self) -> float:
        return self.decode_tokens / self.decode_ms * 1000 if self.decode_ms else 0.0


class LocalLLM:
    """An `LLM` on a GGUF file, in this process."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        snapshot_dir: Path | None = None,
        repack: bool = False,
        parallel: int = 1,
    ) -> None:
        from llama_cpp import Llama

        if not model_path.is_file():
            raise ConfigError(f"local model file not found: {model_path}")
        self.model_path = model_path
        self.model_id = model_path.name.removesuffix(".gguf")
        self.n_ctx = n_ctx
        self.snapshot_dir = snapshot_dir
        self.parallel = max(1, parallel)
        try:
            with weight_buffers(repack), parallel_sequences(self.parallel):
                self._llama: Any = Llama(
                    model_path=str(model_path),
                    n_ctx=n_ctx,
                    n_threads=n_threads or os.cpu_count() or 1,
                    verbose=False,
                )
        except ValueError as exc:
            raise ConfigError(
                f"cannot load {model_path} as a GGUF model ({exc}) — point "
                "COPILOT_LOCAL_MODEL_PATH at a valid GGUF file, or unset it"
            ) from exc
        self._lock = threading.Lock()
        self._formatter = _chat_formatter(self._llama)
        self.last_timings: LocalTimings | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, on_model_progress: ProgressCallback | None = None
    ) -> LocalLLM:
        """Assemble/verify the model file if needed, then load it."""
        path = ensure_local_model(settings, on_model_progress)
        return cls(
            path,
            n_ctx=settings.local_n_ctx,
            n_threads=settings.local_n_threads,
            snapshot_dir=settings.model_cache_dir / "kv-prefix",
            repack=settings.local_weight_repack,
            parallel=settings.local_parallel,
        )

    def prime(self, prefix: list[ChatMessage]) -> str:
        """Make the KV cache hold `prefix` (the fixed start of every conversation), from a
        snapshot on disk when there is one. Returns how: "held", "loaded" or "computed"."""
        tokens = self._prefix_tokens(prefix)
        with self._lock:
            if shared_prefix(self._llama, tokens) == len(tokens):
                return "held"
            path = self._snapshot_path(tokens)
            if path is not None and path.is_file() and load_snapshot(self._llama, path, tokens):
                return "loaded"
            self._llama.reset()
            self._llama.eval(tokens)
            if path is not None:
                with suppress(OSError):  # a read-only cache only costs the next process time
                    save_snapshot(self._llama, path)
            return "computed"

    def _prefix_tokens(self, prefix: list[ChatMessage]) -> list[int]:
        """The tokens the chat template puts before the next user message's text."""
        marker = "\u2063"  # invisible separator: never in a real prompt
        text, special = self._render([*prefix, {"role": "user", "content": marker}])
        return self._tokenize(text.split(marker)[0], special)

    def _prompt_tokens(self, messages: list[ChatMessage]) -> list[int]:
        """The tokens `create_chat_completion` evaluates for `messages`."""
        return self._tokenize(*self._render(messages))

    def _render(self, messages: list[ChatMessage]) -> tuple[str, bool]:
        """The chat template's text for `messages`, the assistant's turn opened, and whether
        the template wrote its own BOS."""
        if self._formatter is None:
            return "".join(m["content"] for m in messages), False
        result = self._formatter(messages=list(messages))
        return result.prompt, bool(result.added_special)

    def _tokenize(self, text: str, special: bool) -> list[int]:
        return list(self._llama.tokenize(text.encode("utf-8"), add_bos=not special, special=True))

    def _snapshot_path(self, tokens: list[int]) -> Path | None:
        if self.snapshot_dir is None:
            return None
        key = snapshot_key(self.model_path, self.n_ctx, tokens, self.parallel)
        return self.snapshot_dir / f"{key}.kv"

    def complete(
        self,
        messages: list[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 512,
        temperature: float = 0.0,
    ) -> LLMResponse:
        extra: dict[str, Any] = {}
        if json_schema is not None:
            extra["response_format"] = {"type": "json_object", "schema": json_schema}
        with self._lock, self._errors(), self._timed() as clock:
            result = self._llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                **extra,
            )
        choice = result["choices"][0]
        text = choice["message"].get("content") or ""
        if json_schema is not None:
            validate_json_output(text, json_schema)
        usage = result.get("usage") or {}
        return LLMResponse(
            text=text,
            model=self.model_id,
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            seconds=clock.seconds,
            finish_reason=choice.get("finish_reason") or "",
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
        parts: list[str] = []
        first: float | None = None
        finish = ""
        with self._lock, self._errors(), self._timed() as clock:
            chunks = self._llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                stream=True,
            )
            for chunk in chunks:
                choice = chunk["choices"][0]
                finish = choice.get("finish_reason") or finish
                delta = choice.get("delta", {}).get("content")
                if delta:
                    if stop_when is not None and stop_when("".join(parts) + delta):
                        chunks.close()  # no further token is decoded
                        finish = STOPPED
                        break
                    if first is None:
                        first = clock.elapsed()
                    parts.append(delta)
                    on_token(delta)
            prompt_tokens = self.count_prompt_tokens(messages)
        text = "".join(parts)
        return LLMResponse(
            text=text,
            model=self.model_id,
            prompt_tokens=prompt_tokens,
            completion_tokens=self._count(text),
            seconds=clock.seconds,
            first_token_seconds=first,
            finish_reason=finish,
        )

    def complete_parallel(
        self,
        conversations: list[list[ChatMessage]],
        *,
        max_tokens: int = 512,
        stop_when: StopWhen | None = None,
        on_answer: AnswerCallback | None = None,
    ) -> list[LLMResponse]:
        """Greedy answers to `conversations`, `parallel` at a time decoded together (one batch
        per step); one by one when the context holds one sequence or a group would not fit.
        `on_answer(i, answer)` is called as each finishes."""
        answers: list[LLMResponse] = []
        for start in range(0, len(conversations), self.parallel):
            group = conversations[start : start + self.parallel]
            if len(group) > 1:  # a lone one is not tokenized here and again by `stream`
                prompts = [self._prompt_tokens(c) for c in group]
                if sum(len(p) + max_tokens for p in prompts) <= self.n_ctx:
                    answers += self._decode_group(prompts, start, max_tokens, stop_when, on_answer)
                    continue
            answers += answer_in_turn(self, group, max_tokens, stop_when, on_answer, start)
        return answers

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        """p(yes) / (p(yes) + p(no)) of each conversation's first answer token ("yes", "Yes",
        " no", …), `parallel` at a time evaluated together; nothing is decoded."""
        yes, no = self._yes_no

        def share(logits: Any) -> float:
            top = float(logits.max())
            weight = {t: math.exp(float(logits[t]) - top) for t in (*yes, *no)}
            said_yes, said_no = sum(weight[t] for t in yes), sum(weight[t] for t in no)
            return said_yes / (said_yes + said_no) if said_yes + said_no > 0 else 0.0

        found: list[float] = []
        with self._lock, self._errors():
            for start in range(0, len(conversations), self.parallel):
                prompts = [
                    self._prompt_tokens(c) for c in conversations[start : start + self.parallel]
                ]
                if sum(len(p) + 1 for p in prompts) > self.n_ctx:  # one at a time, then
                    found += [read_together(self._llama, [p], share)[0] for p in prompts]
                else:
                    found += read_together(self._llama, prompts, share)
        return found

    @cached_property
    def _yes_no(self) -> tuple[list[int], list[int]]:
        """The single tokens that open a "yes" and a "no" answer, in their usual spellings."""

        def single(*words: str) -> list[int]:
            ids = [self._llama.tokenize(w.encode(), add_bos=False, special=False) for w in words]
            return sorted({i[0] for i in ids if len(i) == 1})

        return single("yes", "Yes", "YES", " yes", " Yes"), single("no", "No", "NO", " no", " No")

    def _decode_group(
        self,
        prompts: list[list[int]],
        offset: int,
        max_tokens: int,
        stop_when: StopWhen | None,
        on_answer: AnswerCallback | None,
    ) -> list[LLMResponse]:
        """`prompts` decoded together; `on_answer` gets each answer's index plus `offset`."""
        finished: dict[int, LLMResponse] = {}
        with self._lock, self._timed() as clock:

            def done(seq: int, decoded: Decoded) -> None:
                finished[seq] = LLMResponse(
                    text=decoded.text, model=self.model_id, prompt_tokens=len(prompts[seq]),
                    completion_tokens=len(decoded.tokens), seconds=clock.elapsed(),
                    finish_reason=decoded.finish_reason,
                )  # fmt: skip
                if on_answer is not None:
                    on_answer(offset + seq, finished[seq])

            decode_together(self._llama, prompts, max_tokens=max_tokens, stop_when=stop_when,
                            on_done=done)  # fmt: skip
        return [finished[seq] for seq in range(len(prompts))]

    def count_prompt_tokens(self, messages: list[ChatMessage]) -> int:
        """Tokens of the prompt the chat template makes of `messages` (cached prefix included)."""
        if self._formatter is None:
            return sum(self._count(m["content"]) for m in messages)
        prompt = self._formatter(messages=list(messages)).prompt
        return self._count(prompt)

    def _count(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except ValueError as exc:
            if "context window" in str(exc):
                raise ContextOverflowError(
                    f"the prompt does not fit the local model's context ({self.n_ctx} tokens): "
                    f"{exc} — shorten the evidence or raise COPILOT_LOCAL_N_CTX"
                ) from exc
            raise

    def _timed(self) -> _Clock:
        return _Clock(self)


class _Clock:
    """Wall time of one call, plus llama.cpp's perf counters stored on the `LocalLLM`."""

    def __init__(self, owner: LocalLLM) -> None:
        self._owner = owner
        self._start = 0.0
        self.seconds = 0.0

    def elapsed(self) -> float:
        return time.perf_counter() - self._start

    def __enter__(self) -> _Clock:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(self._owner._llama.ctx)
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        import llama_cpp

        self.seconds = self.elapsed()
        data = llama_cpp.llama_perf_context(self._owner._llama.ctx)
        self._owner.last_timings = LocalTimings(
            prompt_tokens_evaluated=int(data.n_p_eval),
            prompt_ms=float(data.t_p_eval_ms),
            decode_tokens=int(data.n_eval),
            decode_ms=float(data.t_eval_ms),
        )


def _chat_formatter(llama: Any) -> Callable[..., Any] | None:
    """The GGUF's chat template as a formatter (to count prompt tokens), or None."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        return None
    eos_id, bos_id = llama.token_eos(), llama.token_bos()
    model = llama._model
    formatter: Callable[..., Any] = Jinja2ChatFormatter(
        template=template,
        eos_token=model.token_get_text(eos_id) if eos_id != -1 else "",
        bos_token=model.token_get_text(bos_id) if bos_id != -1 else "",
    )
    return formatter
