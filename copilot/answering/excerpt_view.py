"""What the reason writer is shown of an excerpt: its sentences without the bare price lines.

A market wrap's excerpt puts its cause beside a table in words: "Oil prices ended Wednesday
higher, supported by optimism over tighter supply following a temporary shutdown at two major
oil fields in Kazakhstan. … Brent crude settled up 32 cents, or 0.5%, at $65.24/barrel, while WTI
crude gained 26 cents, or 0.4%, to finish at $60.62/barrel." Asked for what explains the move,
the 1.5B model often copied the price line instead of the cause, and a price line explains
nothing. A sentence that gives a market's price or level and no cause word is left out of the
writer's view. The source the reader opens, and the check the draft must pass, keep the whole
excerpt; an excerpt made only of such lines is shown whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from copilot.claims.reasons import content_stems, lexical_support
from copilot.news.evidence_terms import (
    Entity,
    bare_price_line,
    gives_a_cause,
    hypothetical,
    is_boilerplate,
    mentions,
    points_back,
)
from copilot.sentences import sentence_spans

# The parts of an excerpt joined by "…" (a cut between them, often with no period before it).
_PIECE = re.compile(r"[^…]+")


def _spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text`, read piece by piece between its "…" cuts."""
    return [(start + piece.start(), end + piece.start())
            for piece in _PIECE.finditer(text)
            for start, end in sentence_spans(piece.group(0))]  # fmt: skip


def view_sentences(view: str) -> list[str]:
    """The sentences of a writer's view (`for_the_writer`), stripped, those without a content
    word left out."""
    sentences = (view[start:end].strip() for start, end in _spans(view))
    return [sentence for sentence in sentences if content_stems(sentence)]


def for_the_writer(excerpt: str) -> str:
    """`excerpt` without its sentences that give a market's price line and no cause word, or
    the whole excerpt when every sentence is such a line."""
    spans = _spans(excerpt)
    bare = [span for span in spans if bare_price_line(excerpt[span[0] : span[1]])]
    if not bare or len(bare) == len(spans):
        return excerpt
    kept, last = [], 0
    for start, end in bare:
        kept.append(excerpt[last:start])
        last = end
    kept.append(excerpt[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()


TAKEN = 0.5  # share of a sentence's content words a draft carries when it took the sentence


def the_rest(excerpt: str, draft: str, about: Sequence[str]) -> str | None:
    """What a second reasons turn on the same article is shown: the sentences of the writer's
    view that `draft` did not take and that give a cause of the move's market (a cause word,
    the market named by `about`, its words for the moving instrument; no scenario, heading or
    bare price line, nor a line pointing back to the story the draft took), in their order;
    None when there is none, or when they are the whole view (a draft that took none of it was
    shown them already: the same turn again).

    The 1.5B model copies one sentence an excerpt: "Oil prices ended Wednesday higher, supported
    by … Kazakhstan" and not the next line's "Natural gas prices also jumped after forecasts of
    a severe Arctic cold wave", or "Kevin Warsh has moved ahead of Hassett" and not the sentence
    before it that said why bonds moved ("… Hassett … who could keep interest rates low"). An
    article read for the move that tells a second cause is worth its second reason more than a
    lower-ranked article is worth its first."""
    names = Entity((), tuple(about))
    view = for_the_writer(excerpt)
    spans = _spans(view)
    kept: list[tuple[int, int]] = []
    taken = False  # whether the draft took the sentence before
    for start, end in spans:
        sentence = view[start:end].strip()
        if not content_stems(sentence) or lexical_support(sentence, draft) >= TAKEN:
            taken = True
            continue
        if taken and points_back(sentence):  # "Following the news, … Oracle climbed 6.6%."
            continue  # told with the story the draft took: no cause of its own
        taken = False
        if (gives_a_cause(sentence) and not hypothetical(sentence)
                and not is_boilerplate(sentence) and not bare_price_line(sentence)
                and (not about or mentions(names, sentence))):  # fmt: skip
            kept.append((start, end))
    if not kept or len(kept) == len(spans):  # the first turn was shown just these already
        return None
    parts = [view[kept[0][0] : kept[0][1]].strip()]
    for (_, before), (start, end) in pairwise(kept):
        gap = view[before:start]
        parts.append(("" if gap.strip() == "" else "… ") + view[start:end].strip())
    return " ".join(parts)
