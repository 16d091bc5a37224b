"""How a why-answer's reasons hold up: sentences the model wrote, cited by the model itself, that
the reason-support check accepts.

The model's own text (`Answer.written`) is split into sentences; a sentence of at least four
words is a reason sentence. It counts as *cited and supported* when the model put an article's
[n] on it and the checked answer holds a supported reason check for that sentence. Citations the
checker added to an uncited sentence do not count: the issue's measure is what the model wrote.
"""

from __future__ import annotations

import re

from copilot.answer import Answer
from copilot.claims.extract import CITATION, citations_in
from copilot.sentences import sentence_spans
from copilot.sources import NewsSource

_WORD = re.compile(r"[A-Za-z]{2,}")


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(CITATION.sub("", text)))


def reason_counts(answer: Answer) -> tuple[int, int]:
    """(reason sentences the model wrote, of them cited by the model to an article and
    supported by it)."""
    supported = {_key(r.text) for r in answer.verification.reasons
                 if r.kind == "reason" and r.status == "supported"}  # fmt: skip
    total = accepted = 0
    for start, end in sentence_spans(answer.written):
        sentence = answer.written[start:end]
        if len(_WORD.findall(sentence)) < 4:
            continue
        total += 1
        on_article = any(isinstance(answer.sources.get(n), NewsSource)
                         for n in citations_in(sentence))  # fmt: skip
        accepted += on_article and _key(sentence) in supported
    return total, accepted
