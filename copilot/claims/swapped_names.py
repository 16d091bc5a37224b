"""A reason that copies an article's sentence with another of its names put in: "Investors have
been betting on Kevin Warsh to succeed Fed Chairman Jerome Powell …" from "Investors have been
betting on Hassett to succeed Fed Chairman Jerome Powell … However, former Fed Governor Kevin
Warsh has moved ahead of Hassett in the race lately." (asked in the app why long Treasuries fell
on January 16). Every word of the reason is in the article, so the support score passed it; but
the article says that of Hassett, not of Warsh.

A name here is a run of capitalised words. The reason swaps one when a sentence of its article
has a name in the very place the reason has another (the same word before it and the same word
after it), the reason's name is not in that sentence, the article's name is not in the reason,
and the two share no word ("JPMorgan" for "JPMorgan Chase", "Fed" for "Federal Reserve" are the
same name shortened).
"""

from __future__ import annotations

import re

from copilot.claims.extract import CITATION
from copilot.sentences import sentence_spans

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.&-]*|\d[\d,.%]*")
# A capitalised word that starts no name of its own: a sentence's opening article or pronoun.
_NOT_NAMES = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "its", "they",
                        "their", "he", "she", "his", "her", "we", "i", "in", "on", "at", "as",
                        "but", "and", "however", "after", "while", "with", "for"})  # fmt: skip


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(CITATION.sub(" ", text))


def _names(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of the runs of capitalised words."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0].isupper() and tokens[i].lower() not in _NOT_NAMES:
            j = i
            while j < len(tokens) and tokens[j][0].isupper():
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def _key(words: list[str]) -> str:
    return " ".join(re.sub(r"[^a-z0-9]", "", w.lower()) for w in words)


def _same_name(one: str, other: str) -> bool:
    """Whether two names share a word or one's word opens the other's ("Fed", "Federal")."""
    a, b = one.split(), other.split()
    return any(x == y or x.startswith(y) or y.startswith(x) for x in a for y in b if x and y)


def _around(tokens: list[str], span: tuple[int, int]) -> tuple[str, str] | None:
    """The words just before and just after a name, lowercased; None at either edge."""
    start, end = span
    if start == 0 or end >= len(tokens):
        return None
    return tokens[start - 1].lower(), tokens[end].lower()


def swapped_name(reason: str, passage: str) -> tuple[str, str] | None:
    """(the reason's name, the article's) when the reason puts a name where a sentence of the
    passage has another; None when it puts none."""
    said = _tokens(reason)
    said_names = {_key(said[s:e]): (s, e) for s, e in _names(said)}
    for start, end in sentence_spans(passage):
        words = _tokens(passage[start:end])
        names = {_key(words[s:e]): (s, e) for s, e in _names(words)}
        for theirs, span in names.items():
            if theirs in said_names:
                continue
            place = _around(words, span)
            if place is None:
                continue
            for ours, own in said_names.items():
                if ours in names or _same_name(ours, theirs):
                    continue
                if _around(said, own) == place:
                    return " ".join(said[own[0] : own[1]]), " ".join(words[span[0] : span[1]])
    return None
