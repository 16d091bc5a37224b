"""Search the news store by meaning within a publication window.

Dates are UTC days. `since` keeps articles published on or after that day; `until` and `as_of`
keep those published on or before theirs. `as_of` is a hard limit: nothing published after it is
ever returned, whatever else is asked. A search takes the nearest chunks inside the filters,
re-ranks them with BM25 on the query words (`copilot.news.lexical`) and returns the best chunk
of each of the `k` best articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from copilot.errors import InvalidArgumentError
from copilot.news.filters import Filters
from copilot.news.lexical import bm25_order, fuse
from copilot.news.models import NewsHit, chunk_id_article
from copilot.news.present import cite, excerpt, fenced, published_label
from copilot.news.store import NewsStore

__all__ = [
    "LEXICAL_POOL",
    "MAX_K",
    "OVERFETCH",
    "build_where",
    "cite",
    "excerpt",
    "fenced",
    "published_label",
    "search_by_embedding",
    "search_news",
]

MAX_K = 50
OVERFETCH = 4  # chunks read per wanted article, before keeping one chunk per article
LEXICAL_POOL = 20  # dense candidates re-ranked with BM25 when the query text is known
MAX_CHUNKS = 1000  # never read more chunks than this for one search
MAX_SCAN = 2000  # ids scanned for the window before asking Chroma to apply it


def build_where(**filters: Any) -> dict[str, Any] | None:
    """The full Chroma `where` (window included) for `Filters.of(**filters)`."""
    return Filters.of(**filters).where(with_window=True)


def search_by_embedding(
    store: NewsStore,
    embedding: list[float],
    k: int = 5,
    query: str | None = None,
    **filters: Any,
) -> list[NewsHit]:
    """The best chunk of each of the `k` best articles that pass `filters` (see `Filters.of`):
    the nearest chunks, re-ranked with BM25 on `query` when it is given.

    Only ids and distances are read for the candidates, their documents for the re-ranking,
    and full records (metadata) for the winners alone: reading metadata is Chroma's slow part.
    """
    if not 1 <= k <= MAX_K:
        raise InvalidArgumentError(f"k must be between 1 and {MAX_K}, not {k}.")
    wanted = Filters.of(**filters)
    need = max(k * OVERFETCH, LEXICAL_POOL if query else 0)
    while True:
        candidates, exhausted = _candidates(store, embedding, wanted, need)
        order: Sequence[int] = range(len(candidates))
        if query:
            documents = store.documents([chunk_id for chunk_id, _ in candidates])
            texts = [documents.get(chunk_id, "") for chunk_id, _ in candidates]
            order = fuse(order, bm25_order(query, texts))
        hits = _one_per_article(store, [candidates[i] for i in order], wanted, k)
        if len(hits) >= k or exhausted or need >= MAX_CHUNKS:
            return hits
        need = min(need * 4, MAX_CHUNKS)


def _one_per_article(
    store: NewsStore, ranked: list[tuple[str, float]], wanted: Filters, k: int
) -> list[NewsHit]:
    """The first chunk of each article in `ranked`, read in full, checked, up to `k`."""
    hits: list[NewsHit] = []
    seen: set[str] = set()
    start = 0
    while len(hits) < k and start < len(ranked):
        picked: list[tuple[str, float]] = []
        while len(picked) < k - len(hits) and start < len(ranked):
            chunk_id, distance = ranked[start]
            start += 1
            if chunk_id_article(chunk_id) not in seen:
                seen.add(chunk_id_article(chunk_id))
                picked.append((chunk_id, distance))
        for hit in store.hits(picked):
            if wanted.admits(hit) and hit.article_id not in {h.article_id for h in hits}:
                hits.append(hit)
    return hits


def _candidates(
    store: NewsStore, embedding: list[float], wanted: Filters, need: int
) -> tuple[list[tuple[str, float]], bool]:
    """The `need` nearest chunk ids inside the filters, and whether there are no more.

    The window is applied to ids (cheap); only a window so narrow that `MAX_SCAN` nearest ids
    hold too few is left to Chroma's `where` (exact, but slow on large stores)."""
    where = wanted.where()
    windowed = wanted.window != (None, None)
    n = need * 2 if windowed else need
    while True:
        found = store.nearest(embedding, n, where)
        kept = [pair for pair in found if wanted.id_in_window(pair[0])]
        if len(kept) >= need or len(found) < n:
            return kept[:need], len(found) < n and len(kept) <= need
        if n >= MAX_SCAN:
            found = store.nearest(embedding, need, wanted.where(with_window=True))
            return found, len(found) < need
        n = min(n * 4, MAX_SCAN)


def search_news(
    store: NewsStore,
    query: str,
    k: int = 5,
    *,
    since: date | None = None,
    until: date | None = None,
    as_of: date | None = None,
    publisher: str | None = None,
    symbols: Sequence[str] | None = None,
) -> list[NewsHit]:
    """Articles about `query`, best first (one hit per article, its best chunk)."""
    if not query.strip():
        raise InvalidArgumentError("the query is empty; say what the news should be about.")
    embedding = store.embedder.embed_query(query)
    return search_by_embedding(
        store,
        embedding,
        k,
        query,
        since=since,
        until=until,
        as_of=as_of,
        publisher=publisher,
        symbols=symbols,
    )
