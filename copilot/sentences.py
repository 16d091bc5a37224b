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
    {"inc", "corp", "co", "cos", "ltd", "bros", "mgmt", "hldgs", "intl", "jr", "sr", "st", "mr",
     "mrs", "ms", "dr", "vs", "no", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul",
     "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?]\)?$")


def _ends(text: str) -> list[int]:
    """Offsets where a sentence ends and the next begins (after the spaces)."""
    ends = []
    for boundary in _BOUNDARY.finditer(text):
        head = text[: boundary.start()]
        head += text[boundary.start()]  # up to and including the terminator
        word = _WORD_BEFORE.search(head)
        # A citation after the period closes the claim: "… the software giant Oracle Corp. [2]
        # The excerpt reports …" is two sentences, whatever word the period ends.
        if word is not None and "[" not in boundary.group():
            token = word.group(1).lower().rstrip(".")
            # "U.S." and "J.B." (letters with dots) and "Inc." do not end a sentence.
            if token in _ABBREVIATIONS or "." in token or len(token) == 1:
                continue
        if re.search(r"(?:^|\n)\s*\d+\.$", head):
            continue  # a list marker "1."
        ends.append(boundary.end())
    return ends


def sentences_begun(text: str) -> int:
    """How many sentences of `text` are followed by the start of another."""
    return len(_ends(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, citations after a period kept with their
    sentence; a paragraph break or a new list item also ends a sentence. Spans cover the text
    without gaps except the spaces between sentences."""
    breaks = re.finditer(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)", text)  # paragraphs, list items
    cuts = sorted({0, *_ends(text), *(m.end() for m in breaks), len(text)})
    spans = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end]
        stripped = piece.rstrip()
        lead = len(piece) - len(piece.lstrip())
        if stripped.strip():
            spans.append((start + lead, start + len(stripped)))
    return spans


def after_sentences(count: int) -> StopWhen:
    """Stop at the first token of sentence `count + 1` (that token is not kept)."""
    return lambda text: sentences_begun(text) >= count


# A sentence that opens with a period longer than a day gives it to the figures that continue
# it: "For the week, the Dow lost 0.3%. The S&P 500 and the Nasdaq lost 0.4% and 0.7%,
# respectively." (a market wrap's words).
_PERIOD_OPENER = re.compile(
    r"^\W*(?:for|on|over|during|across)\s+the\s+(?:(?:past|last|holiday-shortened|shortened|"
    r"full|whole|entire)\s+)?(?:week|month|quarter|year)\b|^\W*(?:weekly|monthly)\b",
    re.I,
)


def opens_a_period(sentence: str) -> bool:
    """Whether `sentence` opens with a period longer than a day ("For the week, …")."""
    return _PERIOD_OPENER.match(sentence) is not None


def spoken_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
