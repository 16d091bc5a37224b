"""Taking unsupported figures out of an answer.

After the repair round, a sentence that still states a figure no source supports is not shown
as fact: it is cut from the answer text and listed apart ("removed, unsupported"), so what the
reader sees as the answer carries only figures a tool or a cited article produced.
"""

from __future__ import annotations

from collections.abc import Iterable

from copilot.answer import NumberCheck, ReasonCheck
from copilot.sentences import sentence_spans

UNSUPPORTED = frozenset({"unverified", "contradicted"})


def prune_unsupported(
    text: str, checks: Iterable[NumberCheck], reasons: Iterable[ReasonCheck] = ()
) -> tuple[str, list[str]]:
    """`text` without the sentences that hold an unsupported figure, a verdict their source
    contradicts ("gold did better" under a ranking that puts silver first) or an instrument
    given another's name ("XLY (Healthcare)"), and those sentences."""
    # Figures only: a date is checked and reported apart, never a reason to cut a sentence.
    bad: list[NumberCheck | ReasonCheck] = [
        c for c in checks if c.status in UNSUPPORTED and c.kind == "figure"
    ]
    bad += [r for r in reasons if r.contradicted]
    if not bad:
        return text, []
    kept: list[str] = []
    removed: list[str] = []
    cursor = 0
    for start, end in sentence_spans(text):
        gap = text[cursor:start]
        sentence = text[start:end]
        if any(start <= c.start < end for c in bad):
            removed.append(sentence.strip())
        else:
            # Keep paragraph breaks between the sentences that stay.
            kept.append(("\n\n" if "\n\n" in gap and kept else " " if kept else "") + sentence)
        cursor = end
    return "".join(kept).strip(), removed
