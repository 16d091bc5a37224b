"""Reason drafts decoded together against one after another, on the same prompts.

Each question of a development why-list is answered once with the embedded model; every round of
reason drafts the answer asks for is decoded twice, back to back in this one process: as
parallel sequences of one llama.cpp context (what the app does, `COPILOT_LOCAL_PARALLEL`) and
one at a time through `stream` (what it did before). Before each, the KV cache is rewound to the
system prompt, as a round finds it, so neither reuses the other's work. The order alternates.

Reported: each round's wall times, the median of the per-round ratios, the totals, the tokens
decoded, and how many drafts came out differently — a batch's arithmetic can break a near-tie
between two tokens the other way, so the texts may differ (the app keeps the parallel ones).

Run: `.venv/bin/python benchmarks/reason_drafts_bench.py [--limit N] [--write]` over the market
and news stores of the settings (`make demo`, or the ingest commands on ../shared/data, first).
`--write` saves the report to benchmarks/results/reason_drafts.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from news_bench_lib import load_average, machine, write_keeping_notes

from copilot.agent import Copilot
from copilot.llm.base import ChatMessage, LLMResponse, StopWhen, TokenCallback
from copilot.llm.local import LocalLLM
from copilot.runtime import open_deps
from copilot.settings import Settings

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "eval" / "why_extended.jsonl"  # development: tuned on, ids may be shown
OUT = HERE / "results" / "reason_drafts.md"


@dataclass
class Round:
    question: str
    drafts: int
    seconds_together: float
    seconds_in_turn: float
    tokens_together: int
    tokens_in_turn: int
    same_texts: int


class TwoWays:
    """The embedded model, answering each group of reason drafts both ways (timed); the
    answer goes on with the parallel texts."""

    def __init__(self, inner: LocalLLM) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.rounds: list[Round] = []
        self.question = ""
        self._prefix = 0

    def prime(self, prefix: list[ChatMessage]) -> str:
        self._prefix = len(self.inner._prefix_tokens(prefix))
        return self.inner.prime(prefix)

    def _rewind(self) -> None:
        """Make the cache hold the system prompt at most: llama.cpp's bookkeeping drops the
        rest on the next call (benchmark-only use of the model's internals)."""
        llama: Any = self.inner._llama
        llama.n_tokens = min(llama.n_tokens, self._prefix)

    def complete(self, messages: list[ChatMessage], **kwargs: Any) -> LLMResponse:
        return self.inner.complete(messages, **kwargs)

    def stream(
        self, messages: list[ChatMessage], on_token: TokenCallback, **kwargs: Any
    ) -> LLMResponse:
        return self.inner.stream(messages, on_token, **kwargs)

    def complete_parallel(
        self,
        conversations: list[list[ChatMessage]],
        *,
        max_tokens: int = 512,
        stop_when: StopWhen | None = None,
    ) -> list[LLMResponse]:
        def together() -> list[LLMResponse]:
            return self.inner.complete_parallel(
                conversations, max_tokens=max_tokens, stop_when=stop_when
            )

        def in_turn() -> list[LLMResponse]:
            return [self.inner.stream(c, lambda _d: None, max_tokens=max_tokens,
                                      stop_when=stop_when) for c in conversations]  # fmt: skip

        timed: dict[str, tuple[float, list[LLMResponse]]] = {}
        order = [("together", together), ("in_turn", in_turn)]
        for name, run in order if len(self.rounds) % 2 == 0 else order[::-1]:
            self._rewind()
            start = time.perf_counter()
            responses = run()
            timed[name] = (time.perf_counter() - start, responses)
        (t_par, par), (t_seq, seq) = timed["together"], timed["in_turn"]
        self.rounds.append(Round(
            question=self.question, drafts=len(conversations), seconds_together=t_par,
            seconds_in_turn=t_seq, tokens_together=sum(r.completion_tokens for r in par),
            tokens_in_turn=sum(r.completion_tokens for r in seq),
            same_texts=sum(a.text == b.text for a, b in zip(par, seq, strict=True)),
        ))  # fmt: skip
        return par


def report(rounds: list[Round], questions: int, started_load: str) -> str:
    ratios = [r.seconds_together / r.seconds_in_turn for r in rounds]
    drafts = sum(r.drafts for r in rounds)
    lines = [
        "# Reason drafts: decoded together vs one at a time",
        "",
        f"Machine: {machine()}; load average {started_load} → {load_average()}.",
        "Command: `.venv/bin/python benchmarks/reason_drafts_bench.py"
        f"{' --limit ' + str(questions) if questions else ''} --write`; questions: the first "
        f"{questions or 'all'} of `{QUESTIONS.relative_to(HERE.parent)}` (development).",
        "Each round of drafts decoded both ways back to back in one process, the KV cache rewound"
        " to the system prompt before each; the order alternates by round.",
        "",
        "| question | drafts | together s | one at a time s | ratio | tokens together / "
        "one at a time | same text |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        lines.append(
            f"| {r.question} | {r.drafts} | {r.seconds_together:.2f} | {r.seconds_in_turn:.2f} "
            f"| {r.seconds_together / r.seconds_in_turn:.2f} | {r.tokens_together} / "
            f"{r.tokens_in_turn} | {r.same_texts}/{r.drafts} |"
        )
    together = sum(r.seconds_together for r in rounds)
    in_turn = sum(r.seconds_in_turn for r in rounds)
    lines += [
        "",
        "| summary | value |",
        "|---|---|",
        f"| rounds of two or more drafts | {len(rounds)} ({drafts} drafts) |",
        f"| median ratio, together / one at a time | {statistics.median(ratios):.2f} |",
        f"| total seconds, together / one at a time | {together:.1f} / {in_turn:.1f} "
        f"({together / in_turn:.2f}) |",
        f"| median seconds saved per round | "
        f"{statistics.median(r.seconds_in_turn - r.seconds_together for r in rounds):.2f} |",
        f"| drafts whose text differs between the two | "
        f"{drafts - sum(r.same_texts for r in rounds)}/{drafts} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    parser.add_argument("--write", action="store_true", help=f"save the report to {OUT}")
    args = parser.parse_args()
    settings = Settings()
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    started_load = load_average()
    llm = TwoWays(LocalLLM.from_settings(settings))
    for row in rows:
        llm.question = row["id"]
        as_of = date.fromisoformat(row["as_of"])
        with open_deps(settings, as_of) as deps:
            Copilot(deps, llm).ask(row["question"], as_of)
        print(f"{row['id']}: {len([r for r in llm.rounds if r.question == row['id']])} rounds")
    text = report(llm.rounds, args.limit, started_load)
    print(text)
    if args.write:
        write_keeping_notes(OUT, text)


if __name__ == "__main__":
    main()
