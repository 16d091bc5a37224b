"""The move's own headlines: articles of the move's days whose headline says it moved.

Dense search ranks an article by how close its chunks lie to the move's queries. A day's wrap
saved as a video's two-line description ("Stocks Rise as Slower Payroll Growth Eases Rate Cut
Uncertainty", January 9, 2026) lies far from all of them (0.36) and ranked twelfth, below a
year's outlook pieces, though its headline alone states the move and its cause. So the first
chunk of every article published on the move's days or the morning after is read (a few dozen
headlines), and those with a clause that names the market moving the move's way are read first
(`copilot.news.evidence.gather_evidence`).

A wrap whose headline is its day ("Stock Market News for Dec 22, 2025", "Bloomberg
Surveillance 12/26/2025", "Market Quick Take - 12 January 2026") states the move in its lede
instead: "U.S. stock markets closed higher on Friday after artificial intelligence (AI)
trade regained momentum", "…; Intel +10.8%, Glencore +9.6%". Its first two sentences are read
after every headline, by the market's names and companies only (a driver's way is its own), each
clause for a move word after the name (`lede_says_it_moved`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from copilot.market.symbols import is_yield
from copilot.news.embeddings import Vector
from copilot.news.evidence_terms import (
    Direction,
    Entity,
    mentions,
    names_direction,
    opposite,
    sentences,
)
from copilot.news.filters import day_start_ts
from copilot.news.models import NewsHit, chunk_text
from copilot.news.store import NewsStore

_CLAUSES = re.compile(r"\s*[,;:|]\s*|\s+(?:as|after|while|amid|but|on|with)\s+", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
# A name of yields or rates, at most three words in: "Treasury yields", "the 10-year yield",
# "mortgage rates" (never "high-yield bonds", which are bonds).
_OF_YIELDS = re.compile(r"^\W*(?:[\w&.-]+\s+){0,3}?(?:yields?|rates?)\b(?!-|\s+bonds?\b)", re.I)
# A day in a headline ("Stock Market News for Jan 9, 2026", "Bloomberg Surveillance 12/26/2025",
# "Market Quick Take - 12 January 2026"): a wrap of that day, whose lede states the move.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_IN_TITLE = re.compile(
    rf"\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}(?!\w)",
    re.IGNORECASE,
)
# A signed percent, as quick takes list movers ("Intel +10.8%", "Nike (−3.1%)"), or "up 3.4%":
# "up" alone is no move ("picked up", "up to"), but before a percent it is.
_SIGNED = re.compile(
    r"(?:^|[\s(])(?P<sign>[+\-−–])\d+(?:[.,]\d+)?\s?%|"
    r"\b(?P<word>up|down)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?\d+(?:[.,]\d+)?\s?(?:%|percent)",
    re.IGNORECASE,
)
LEDE_SENTENCES = 2  # a summary's first sentences state the move as a headline would


def one_way(text: str, direction: Direction) -> bool:
    """Words (or signed percents) for `direction`'s move and none for the other's ("Silver and
    gold drop from records" is a fall, "Intel +10.8%" a rise; "Stocks mixed: Dow up, Nasdaq
    down" is neither)."""
    signs = {"up" if (m.group("sign") or m.group("word").lower()) in ("+", "up") else "down"
             for m in _SIGNED.finditer(text)}  # fmt: skip
    this = names_direction(text, direction) or direction in signs
    other = opposite(direction)
    return this and not (names_direction(text, other) or other in signs)


def lede(text: str) -> list[str]:
    """The first sentences of an article's text (its first chunk's): where a wrap titled by
    its date states the move."""
    return sentences(text)[:LEDE_SENTENCES]


def lede_says_it_moved(market: Entity, title: str, text: str, direction: Direction) -> bool:
    """Whether a wrap titled by its day says in its lede (`lede`, the article's first chunk's
    `text`) that the market moved `direction`'s way, by its names or companies: a driver's way
    is its own, and an outlook's lede tells no day's move."""
    if not _DAY_IN_TITLE.search(title):
        return False
    named = Entity(market.symbols, market.phrases, market.members)
    return any(_moved_after_its_name(named, clause, direction)
               for line in lede(text) for clause in _CLAUSES.split(line))  # fmt: skip


def _moved_after_its_name(market: Entity, clause: str, direction: Direction) -> bool:
    """Whether the clause names the market and then a move of its way: "U.S. stock markets
    closed higher", "Intel +10.8%", but not "… a fall in the manufacture of semiconductors"
    (a statistics note's lede: the fall is output's)."""
    words = clause.split()
    for end in range(1, len(words) + 1):
        if mentions(market, " ".join(words[:end])):
            return one_way(" ".join(words[end:]), direction)
    return False


def clauses_naming(names: Entity, title: str) -> list[str]:
    """The headline's clauses that name the market, each from the name through the clause's
    end: "… as Dollar Weakens and Precious Metals Gain" is a rise of metals (the way of their
    words, not of every word in the line), "Gold and Silver Hit Record Highs" one of gold too,
    and "Gold Holds Steady as Stocks Rally" none of gold."""
    found = []
    for clause in _CLAUSES.split(title):
        parts = _AND.split(clause)
        found += [" and ".join(parts[i:]) for i, part in enumerate(parts) if mentions(names, part)]
    return found


def says_it_moved(names: Entity, title: str, direction: Direction) -> bool:
    """Whether a clause of the headline names the market moving `direction`'s way. A clause
    that opens with its yields or rates moves the market the other way ("Treasury Yields Jump
    After Jobs Data" is a fall of bonds, "Mortgage rates fall" a rise of homebuilders), unless
    the market is itself a yield."""
    yields = () if any(is_yield(s) for s in names.symbols) else _yield_words(names)
    return any(
        one_way(clause, opposite(direction) if _named_by_yields(clause, yields) else direction)
        for clause in clauses_naming(names, title)
    )


def _yield_words(market: Entity) -> tuple[str, ...]:
    """The market's words that name its yields or rates ("treasury yields", "mortgage
    rates"); a market named by none ("stocks") is never moved the other way."""
    return tuple(w for w in market.words if _OF_YIELDS.match(w))


def _named_by_yields(clause: str, yields: tuple[str, ...]) -> bool:
    """Whether the clause opens with the market's own words for its yields: "Treasury Yields
    Jump …" for bonds, but not "Rate Cut Hopes Lift Stocks" (no word of the market's)."""
    return bool(yields) and bool(_OF_YIELDS.match(clause)) and mentions(Entity((), yields), clause)


def yields_moved(market: Entity, sentence: str, direction: Direction) -> bool:
    """Whether `sentence` says the market's yields moved against `direction` ("Treasury yields
    … rose following encouraging reports" under a fall of intermediate Treasuries): a price
    move told as its yield's, read anywhere in the text (a yield is named for no other
    market). False for a market that is itself a yield, or has no words for its yields."""
    if any(is_yield(symbol) for symbol in market.symbols):
        return False
    words = _yield_words(market)
    return bool(words) and says_it_moved(Entity((), words), sentence, direction)


def move_headlines(
    store: NewsStore,
    markets: Sequence[Entity],
    direction: Direction,
    since: date,
    until: date,
    queries: Sequence[Vector],
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]] | None = None,
    ways: Sequence[Direction] | None = None,
) -> list[tuple[Entity, NewsHit]]:
    """The articles published from `since` to `until` (dated to the day) whose headline, or
    else whose lede (`lede`), says one of `markets` moved `direction`'s way, each with the
    first market it names: headlines first, then ledes, each by market (the move's own
    instrument, then the wider markets it moved with), each read at its first chunk, scored by
    its closeness to the nearest query. `firsts`: the first chunks already read for a window
    that holds `since` … `until` (those outside it are passed over), else they are read.
    `ways`: each market's own way, when not all went `direction`'s (the stock market falls as
    the fear gauge rises)."""
    ways = list(ways) if ways is not None else [direction] * len(markets)
    found: list[tuple[tuple[bool, int], NewsHit]] = []
    low, high = day_start_ts(since), day_start_ts(until + timedelta(days=1))
    rows = store.first_chunks(since, until) if firsts is None else firsts
    for chunk_id, document, meta, vector in rows:
        if not low <= int(meta["published_ts"]) < high:
            continue
        title = str(meta["title"])
        which = next((i for i, market in enumerate(markets)
                      if says_it_moved(market, title, ways[i])), None)  # fmt: skip
        from_lede = which is None
        if from_lede:
            text = chunk_text(document, title)
            which = next((i for i, market in enumerate(markets)
                          if lede_says_it_moved(market, title, text, ways[i])), None)  # fmt: skip
        if which is None:
            continue
        closest = max((cosine(vector, query) for query in queries), default=0.0)
        hit = NewsHit.from_chroma(chunk_id, document, meta, 1.0 - closest)
        if hit.dated_to_day:
            found.append(((from_lede, which), hit))
    found.sort(key=lambda pair: (pair[0], -pair[1].score, pair[1].article_id))
    return [(markets[which], hit) for (_, which), hit in found]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """The cosine of two vectors (0 when either is zero)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
