"""One slip of the keys: how a typed word may differ from the word meant."""

from __future__ import annotations


def one_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one letter changed, left out or added, or two neighbours
    swapped (never `word` itself)."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) != len(word):
        short, long = sorted((typed, word), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    diffs = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    if len(diffs) == 1:
        return True
    i = diffs[0] if len(diffs) == 2 else -1
    return i >= 0 and diffs[1] == i + 1 and typed[i] == word[i + 1] and typed[i + 1] == word[i]
