"""A second reading of a reason the support score accepts: does the article give that cause?

The support score (`reasons.SupportScorer`: shared words and an embedding's closeness) cannot
see a causal link the writer made up between two things an excerpt puts side by side: "Gold
rose on 2026-01-22 due to President Trump's statement that he wasn't aware of the subpoena"
scores high against "… President Trump said he wasn't aware of the subpoena. On Monday, gold
soared to a new all-time high." On the writer's own drafts (`benchmarks/data/
reason_pairs_writer.jsonl`, hand-labelled) about one accepted reason in five was such a link.

So a reason the score accepts is read once more, by the model, with only the cited excerpt and
the claim in front of it (not the conversation that drafted it), and asked yes or no. The share
of "yes" among the two answers' probabilities must reach `JUDGE_THRESHOLD`, or the reason is
marked unsupported. Chosen on the pairs' development half, judged once on the test half
(`benchmarks/cause_judge_bench.py`, `benchmarks/results/cause_judge.md`).

Only a model that can give those probabilities judges (`SupportsYesNo`: the embedded one);
without it, the score alone decides, as before. Judgements are cached by claim and passage: an
answer is checked several times (after a repair, after its lead is added). A research report
keeps its judgements in its record (`Recorded`), so a replay, with no model, judges the same.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Sequence

from copilot import prompts
from copilot.claims.extract import CITATION
from copilot.errors import ProviderError
from copilot.llm.base import ChatMessage, SupportsYesNo

JUDGE_THRESHOLD = 0.7  # p(yes) / (p(yes) + p(no)) a reason needs


def judge_messages(claim: str, passage: str) -> list[ChatMessage]:
    """The judging turn: the excerpt as the checker reads it, the claim without its [n]."""
    bare = CITATION.sub("", claim).strip()
    return [
        {"role": "system", "content": prompts.render("judge_cause_system")},
        {"role": "user", "content": prompts.render("judge_cause", passage=passage, claim=bare)},
    ]


class CauseJudge:
    """p(yes) that each (claim, passage)'s passage gives the claim's cause for the move."""

    def __init__(
        self, model: SupportsYesNo, threshold: float = JUDGE_THRESHOLD, cache_size: int = 512
    ) -> None:
        self.model = model
        self.threshold = threshold
        self._cache: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._cache_size = cache_size
        self.seconds = 0.0  # spent asking the model, all calls together (the answer's timings)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """One judgement per (claim, passage); those not judged before in one batch."""
        keys = [(CITATION.sub("", claim).strip(), passage) for claim, passage in pairs]
        known = {key: self._cache[key] for key in keys if key in self._cache}
        missing = [key for key in dict.fromkeys(keys) if key not in known]
        if missing:
            started = time.perf_counter()
            try:
                found = self.model.yes_probabilities([judge_messages(*key) for key in missing])
            finally:
                self.seconds += time.perf_counter() - started
            for key, p in zip(missing, found, strict=True):
                known[key] = self._cache[key] = p
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return [known[key] for key in keys]


def cause_judge_for(model: object) -> CauseJudge | None:
    """A judge on `model` when it can give yes/no probabilities, else None."""
    return CauseJudge(model) if isinstance(model, SupportsYesNo) else None


def turn_key(conversation: list[ChatMessage]) -> str:
    """A short digest of a judging turn: how a record names the judgement it kept."""
    text = "\n".join(m["content"] for m in conversation)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Recorded:
    """Judgements kept in `kept` (turn digest → p(yes)): asked of `model` and written there
    when there is one (a report being written), else read from it (a replay); a turn never
    judged is a `ProviderError`, so its reason keeps the score's verdict."""

    def __init__(self, kept: dict[str, float], model: SupportsYesNo | None = None) -> None:
        self.kept, self.model = kept, model

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        keys = [turn_key(c) for c in conversations]
        asked = [(k, c) for k, c in zip(keys, conversations, strict=True) if k not in self.kept]
        if asked and self.model is None:
            raise ProviderError("the reason was not read again when the report was written")
        if asked and self.model is not None:
            found = self.model.yes_probabilities([c for _, c in asked])
            self.kept.update({k: p for (k, _), p in zip(asked, found, strict=True)})
        return [self.kept[k] for k in keys]
