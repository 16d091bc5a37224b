"""Counting sentences in a streamed answer, so it can be stopped after the ones asked for.

A 1.5B model asked for two sentences often writes six, and each decoded token costs ~70 ms on
2 cores. The count is of *new sentences begun*: a sentence is over only when the next one starts
(". The"), which tells "5.05" from an end, and keeps a citation that follows the period
("rallied. [4]") with its sentence.
"""

from __future__ import annotations

import itertools
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


def _ends_here(text: str, boundary: re.Match[str]) -> bool:
    """Whether the terminator `boundary` opens on really ends a sentence."""
    head = text[: boundary.start() + 1]
    word = _WORD_BEFORE.search(head)
    if word is not None:
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS or "." in token or len(token) == 1:
            return False
    return re.search(r"(?:^|\n)\s*\d+\.$", head) is None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, by the same rule as `sentences_begun`; a
    citation after the period stays with its sentence, and a line break always ends one (list
    items, paragraphs). Spans cover the text without its separating whitespace."""
    cuts = [0]
    for boundary in _BOUNDARY.finditer(text):
        if _ends_here(text, boundary):
            cuts.append(boundary.end(1))
    for newline in re.finditer(r"\n+", text):
        cuts.append(newline.end())
    cuts = [*sorted(set(cuts)), len(text)]
    spans: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            spans.append((start + lead, start + lead + len(body)))
    return spans
