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

from copilot.news.evidence_terms import bare_price_line
from copilot.sentences import sentence_spans

# The parts of an excerpt joined by "…" (a cut between them, often with no period before it).
_PIECE = re.compile(r"[^…]+")


def for_the_writer(excerpt: str) -> str:
    """`excerpt` without its sentences that give a market's price line and no cause word, or
    the whole excerpt when every sentence is such a line."""
    spans = [(start + piece.start(), end + piece.start())
             for piece in _PIECE.finditer(excerpt)
             for start, end in sentence_spans(piece.group(0))]  # fmt: skip
    bare = [span for span in spans if bare_price_line(excerpt[span[0] : span[1]])]
    if not bare or len(bare) == len(spans):
        return excerpt
    kept, last = [], 0
    for start, end in bare:
        kept.append(excerpt[last:start])
        last = end
    kept.append(excerpt[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()
