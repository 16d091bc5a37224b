"""Counting sentences in a streamed answer, so it can be stopped after the ones asked for.

A 1.5B model asked for two sentences often writes six, and each decoded token costs ~70 ms on
2 cores. The count is of *new sentences begun*: a sentence is over only when the next one starts
(". The"), which tells "5.05" from an end, and keeps a citation that follows the period
("rallied. [4]") with its sentence.
"""

from __future__ import annotations

import re

from copilot.llm.base import StopWhen

# A terminator, any citations after it, the spaces after those, and the first character of
# what follows.
_BOUNDARY = re.compile(r"[.!?]\)?(?:\s*\[[\d,\s]+\])*(\s+)(?=[^\s\[(])")
# Words that end in a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    {"inc", "corp", "co", "ltd", "jr", "sr", "st", "mr", "mrs", "ms", "dr", "vs", "no", "approx",
     "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?]\)?$")


def sentences_begun(text: str) -> int:
    """How many sentences of `text` are followed by the start of another."""
    count = 0
    for boundary in _BOUNDARY.finditer(text):
        head = text[: boundary.start()]
        head += text[boundary.start()]  # up to and including the terminator
        word = _WORD_BEFORE.search(head)
        if word is not None:
            token = word.group(1).lower().rstrip(".")
            # "U.S." and "J.B." (letters with dots) and "Inc." do not end a sentence.
            if token in _ABBREVIATIONS or "." in token or len(token) == 1:
                continue
        if re.search(r"(?:^|\n)\s*\d+\.$", head):
            continue  # a list marker "1."
        count += 1
    return count


def after_sentences(count: int) -> StopWhen:
    """Stop at the first token of sentence `count + 1` (that token is not kept)."""
    return lambda text: sentences_begun(text) >= count
