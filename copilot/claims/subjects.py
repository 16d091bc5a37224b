"""Which instrument a stretch of text is about: tickers ("IWM") and everyday names ("small
caps", "the Russell 2000", "gold"), each resolved to a *family* of stored symbols that measure
the same thing (IWM and ^RUT are both "the Russell 2000": an answer may name either).

Uses the symbol registry's aliases (`copilot.market.symbols`); a subject is a frozenset of
symbols, empty when nothing is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copilot.market.symbols import KNOWN_SYMBOLS, family, resolve_concept

Subject = frozenset[str]
NO_SUBJECT: Subject = frozenset()


@dataclass(frozen=True)
class Mention:
    """An instrument named in a text, at [start, end)."""

    subject: Subject
    start: int
    end: int


@lru_cache(maxsize=1)
def _tickers() -> re.Pattern[str]:
    symbols = sorted({info.symbol for info in KNOWN_SYMBOLS}, key=len, reverse=True)
    escaped = "|".join(re.escape(s) for s in symbols)
    return re.compile(rf"(?<![\w^&])(?:{escaped})(?![\w&])")


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(alias, info.symbol) for info in KNOWN_SYMBOLS for alias in info.aliases]
    # "the market" and "bonds" are too loose to bind a figure to an instrument.
    pairs = [(a, s) for a, s in pairs if a not in {"the market", "bonds", "russell", "s&p"}]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    found = [
        (re.compile(rf"(?<![\w&]){re.escape(a)}(?![\w&-])", re.IGNORECASE), s) for a, s in pairs
    ]
    # "The S&P rose 1.5%" is the S&P 500; "S&P 400" and "S&P Global" are not (a name follows).
    return [*found, (_BARE_SP, "SPY")]


_BARE_SP = re.compile(r"(?<![\w&])[Ss]\s?&\s?[Pp](?![\w&-])(?!\s+(?:\d|[A-Z]))")


def mentions(text: str) -> list[Mention]:
    """Every instrument named in `text`, in order; a longer name wins over a shorter inside it
    ("S&P 500 index" over "S&P 500"), a ticker over a name."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, symbol: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Mention(family(symbol), start, end))

    for m in _tickers().finditer(text):
        add(m.start(), m.end(), m.group())
    for pattern, symbol in _aliases():
        for m in pattern.finditer(text):
            add(m.start(), m.end(), symbol)
    found.sort(key=lambda mention: mention.start)
    return found


def subject_of(text: str) -> Subject:
    """The family of the first instrument `text` names (for a title or a phrase)."""
    named = resolve_concept(text)
    return family(named[0]) if named else NO_SUBJECT


def name_of(subject: Subject) -> str:
    """The symbol a reader knows best for a family: the ETF over the index, the short name."""
    if not subject:
        return "?"
    return min(subject, key=lambda s: (s.startswith("^"), len(s), s))
