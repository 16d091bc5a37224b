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

from copilot.news.evidence_terms import CAUSAL
from copilot.news.lexical import tokens
from copilot.sentences import sentence_spans

# A market's price line, as a wrap's table in words gives it: "rose 270.50 points, or 1.2%",
# "up 32 cents, or 0.5%", "to settle at $58.08", "$65.24/barrel", "to 23,224.82". A release's
# reading ("declined by 3.8 points to 89.1", "119,000 jobs added versus estimates of 51,000") and
# a company's plan ("$52-56B capex") are news, and stay.
_PRICE_LINE = re.compile(
    r"\d\s*(?:points?|cents?)\s*,?\s+or\s+(?:about\s+|nearly\s+|less\s+than\s+|more\s+than\s+)?\d"
    r"|\b(?:close[ds]?|closing|settle[ds]?|settling|finish(?:ed|es)?|end(?:ed|s)?)\s+at\s+\$?\d"
    r"|\$\s?\d[\d,.]*\s*(?:/\s*|an?\s+|per\s+)(?:barrel|bbl|ounce|oz)\b"
    r"|\bto\s+\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?\b",
    re.IGNORECASE,
)

# The parts of an excerpt joined by "…" (a cut between them, often with no period before it).
_PIECE = re.compile(r"[^…]+")


def for_the_writer(excerpt: str) -> str:
    """`excerpt` without its sentences that give a market's price line and no cause word, or
    the whole excerpt when every sentence is such a line."""
    spans = [(start + piece.start(), end + piece.start())
             for piece in _PIECE.finditer(excerpt)
             for start, end in sentence_spans(piece.group(0))]  # fmt: skip
    bare = [span for span in spans if _bare_price_line(excerpt[span[0] : span[1]])]
    if not bare or len(bare) == len(spans):
        return excerpt
    kept, last = [], 0
    for start, end in bare:
        kept.append(excerpt[last:start])
        last = end
    kept.append(excerpt[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()


def _bare_price_line(sentence: str) -> bool:
    if _PRICE_LINE.search(sentence) is None:
        return False
    return not any(word in CAUSAL for word in tokens(sentence))
