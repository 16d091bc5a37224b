"""The move's own headlines: articles of the move's days whose headline says it moved.

Dense search ranks an article by how close its chunks lie to the move's queries. A day's wrap
saved as a video's two-line description ("Stocks Rise as Slower Payroll Growth Eases Rate Cut
Uncertainty", January 9, 2026) lies far from all of them (0.36) and ranked twelfth, below a
year's outlook pieces, though its headline alone states the move and its cause. So the first
chunk of every article published on the move's days or the morning after is read (a few dozen
headlines), and those with a clause that names the market moving the move's way are read first
(`copilot.news.evidence.gather_evidence`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

from copilot.news.embeddings import Vector
from copilot.news.evidence_terms import Direction, Entity, mentions, names_direction, opposite
from copilot.news.models import NewsHit
from copilot.news.store import NewsStore

_CLAUSES = re.compile(r"\s*[,;:|]\s*|\s+(?:as|after|while|amid|but|on|with)\s+", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def one_way(text: str, direction: Direction) -> bool:
    """Words for `direction`'s move and none for the other's ("Silver and gold drop from
    records" is a fall; "Stocks mixed: Dow up, Nasdaq down" is neither)."""
    return names_direction(text, direction) and not names_direction(text, opposite(direction))


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
    """Whether a clause of the headline names the market moving `direction`'s way."""
    return any(one_way(clause, direction) for clause in clauses_naming(names, title))


def move_headlines(
    store: NewsStore,
    markets: Sequence[Entity],
    direction: Direction,
    since: date,
    until: date,
    queries: Sequence[Vector],
) -> list[tuple[Entity, NewsHit]]:
    """The articles published from `since` to `until` (dated to the day) whose headline says
    one of `markets` moved `direction`'s way, each with the first market it names: the first
    market's first (the move's own instrument, then the wider markets it moved with), each
    read at its first chunk, scored by its closeness to the nearest query."""
    found: list[tuple[int, NewsHit]] = []
    for chunk_id, document, meta, vector in store.first_chunks(since, until):
        title = str(meta["title"])
        which = next((i for i, market in enumerate(markets)
                      if says_it_moved(market, title, direction)), None)  # fmt: skip
        if which is None:
            continue
        closest = max((cosine(vector, query) for query in queries), default=0.0)
        hit = NewsHit.from_chroma(chunk_id, document, meta, 1.0 - closest)
        if hit.dated_to_day:
            found.append((which, hit))
    found.sort(key=lambda pair: (pair[0], -pair[1].score, pair[1].article_id))
    return [(markets[which], hit) for which, hit in found]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """The cosine of two vectors (0 when either is zero)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
