"""The news ingest: load, merge copies of the same article, skip what is stored, embed the rest.

Once and only once: copies of one article (same canonical URL) are merged into one; an article
whose stored version has the same content hash costs nothing (no embedding); a changed article's
new chunks replace the old ones. Batches are whole articles, written one `add` call each.

Overlapped, in the same order of writes: while batch n+1 is embedded, a writer thread stores
batch n (Chroma's `add` is a large share of the time once embedding is fast), and while files are
read the embedding model loads, as soon as a file holds an article the store has never seen.
Articles cannot be embedded before every file is read: a later file may hold a better copy.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import Progress

from copilot.errors import CopilotError, ImportFileError
from copilot.news.embeddings import Embedder
from copilot.news.models import Article, Chunk
from copilot.news.store import NewsStore, StoredVersion
from ingest.news.chunking import CHUNK_CHARS, OVERLAP_CHARS, chunk_article
from ingest.news.registry import load_sources

BATCH_CHUNKS = 128
_PRECISION = {"month": 0, "day": 1, "time": 2}


@dataclass
class IngestReport:
    """What an ingest did; `problems` and `warnings` each name their file."""

    sources: int = 0
    copies: int = 0
    articles: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_full_text: int = 0
    chunks_written: int = 0
    embeddings: int = 0
    stale_versions_removed: int = 0
    seconds: float = 0.0
    problems: list[ImportFileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def merge_copies(articles: Iterable[Article]) -> list[Article]:
    """One article per id, sorted by id (so the result does not depend on input order).

    The kept copy has extracted text if any copy does, then the most precise date, then the
    latest scrape. Its date may be refined only by copies with the same title and text (a page
    can change between scrapes, and changed text must not be dated earlier than it was seen):
    the most precise of their dates, and for month-only dates the earliest bound.
    """
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.article_id, []).append(article)
    merged = []
    for article_id in sorted(groups):
        copies = groups[article_id]
        primary = max(copies, key=_preference)
        same = [c for c in copies if (c.title, c.text) == (primary.title, primary.text)]
        best = max(_PRECISION[c.date_precision] for c in same)
        precise = [c for c in same if _PRECISION[c.date_precision] == best]
        if primary in precise and best > 0:
            dated = primary
        else:
            dated = min(precise, key=lambda c: (c.published_at, c.source))
        merged.append(
            primary.model_copy(
                update={"published_at": dated.published_at, "date_precision": dated.date_precision}
            )
        )
    return merged


def _preference(article: Article) -> tuple[bool, int, str, str]:
    scraped = article.scraped_at.isoformat() if article.scraped_at else ""
    return (not article.summary_only, _PRECISION[article.date_precision], scraped, article.source)


def ingest_articles(
    store: NewsStore,
    articles: Sequence[Article],
    *,
    batch_chunks: int = BATCH_CHUNKS,
    chunk_chars: int = CHUNK_CHARS,
    overlap_chars: int = OVERLAP_CHARS,
    progress: Progress | None = None,
    overlap: bool = True,
) -> IngestReport:
    """Store `articles` (merged first). The caller holds the store's writer lock.
    `overlap=False` writes each batch before embedding the next (the order before overlapping,
    kept for benchmarks)."""
    report = IngestReport(copies=len(articles))
    merged = merge_copies(articles)
    report.articles = len(merged)
    stored = store.stored_versions()
    pending: list[tuple[Article, bool]] = []  # (article, replaces an older version)
    for article in merged:
        versions = stored.get(article.article_id, [])
        if any(v.version == article.version for v in versions):
            report.unchanged += 1
            if len(versions) > 1:  # an earlier ingest stopped between writing and cleaning up
                store.delete_other_versions(article.article_id, article.version)
                report.stale_versions_removed += len(versions) - 1
        elif article.summary_only and _has_full_text(versions):
            report.kept_full_text += 1
        else:
            pending.append((article, bool(versions)))
    batches = _batches(pending, batch_chunks, store.max_batch_size, chunk_chars, overlap_chars)
    task = None
    if progress is not None:
        total = sum(len(chunks) for batch in batches for _, _, chunks in batch)
        task = progress.add_task("Embedding", total=total, current="")

    def write(batch: Batch, chunks: list[Chunk], embeddings: list[list[float]]) -> None:
        _write_batch(store, batch, chunks, embeddings, report)
        if progress is not None and task is not None:
            progress.update(task, advance=len(chunks), current=batch[-1][0].title[:40])

    with ThreadPoolExecutor(1, thread_name_prefix="news-writer") as writer:
        in_flight: Future[None] | None = None
        for batch in batches:
            chunks = [chunk for _, _, chunks in batch for chunk in chunks]
            embeddings = store.embedder.embed([c.embed_text for c in chunks])
            report.embeddings += len(embeddings)
            if in_flight is not None:
                in_flight.result()  # one write at a time, in order; a failed write stops here
            in_flight = writer.submit(write, batch, chunks, embeddings)
            if not overlap:
                in_flight.result()
        if in_flight is not None:
            in_flight.result()
    return report


def _write_batch(
    store: NewsStore,
    batch: Batch,
    chunks: list[Chunk],
    embeddings: list[list[float]],
    report: IngestReport,
) -> None:
    """Whole articles in one `add`, then the older versions of the replaced ones removed."""
    store.add_chunks(chunks, embeddings)
    report.chunks_written += len(chunks)
    for article, replaces, _ in batch:
        if replaces:
            store.delete_other_versions(article.article_id, article.version)
            report.replaced += 1
        else:
            report.added += 1


def _has_full_text(versions: list[StoredVersion]) -> bool:
    return any(not v.summary_only for v in versions)


Batch = list[tuple[Article, bool, list[Chunk]]]


def _batches(
    pending: list[tuple[Article, bool]],
    batch_chunks: int,
    max_batch: int,
    chunk_chars: int,
    overlap_chars: int,
) -> list[Batch]:
    """Group whole articles into batches of about `batch_chunks` chunks (never over `max_batch`)."""
    batches: list[Batch] = []
    current: Batch = []
    size = 0
    for article, replaces in pending:
        chunks = chunk_article(article, chunk_chars, overlap_chars)[:max_batch]
        if current and (size + len(chunks) > max_batch or size >= batch_chunks):
            batches.append(current)
            current, size = [], 0
        current.append((article, replaces, chunks))
        size += len(chunks)
    if current:
        batches.append(current)
    return batches


def ingest_paths(
    store: NewsStore,
    paths: Sequence[Path],
    feed_urls: Sequence[str] = (),
    *,
    lock_timeout_s: float = 60.0,
    timeout_s: float = 20.0,
    batch_chunks: int = BATCH_CHUNKS,
    chunk_chars: int = CHUNK_CHARS,
    overlap_chars: int = OVERLAP_CHARS,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
    overlap: bool = True,
) -> IngestReport:
    """Load files, folders and feeds, then store their articles under the writer lock.

    A bad file is reported in `problems` and skipped; it never removes anything stored.
    """
    started = time.perf_counter()
    task = None
    if progress is not None:
        task = progress.add_task("Reading", total=None, current="")

    seen: list[str] = []

    def advance(name: str) -> None:
        seen.append(name)
        if progress is not None and task is not None:
            progress.update(task, advance=1, current=Path(name).name[:40])

    warm_up = _ModelWarmUp(store) if overlap else None
    loaded = load_sources(
        paths, feed_urls, timeout_s, on_source=advance,
        on_articles=warm_up.seen if warm_up is not None else None,
    )  # fmt: skip
    if progress is not None and task is not None:
        progress.update(task, total=len(seen), completed=len(seen), current="")
    try:
        with store.writer(lock_timeout_s, on_wait):
            report = ingest_articles(
                store,
                loaded.articles,
                batch_chunks=batch_chunks,
                chunk_chars=chunk_chars,
                overlap_chars=overlap_chars,
                progress=progress,
                overlap=overlap,
            )
    finally:
        if warm_up is not None:
            warm_up.join()  # no thread outlives the ingest (done once anything was embedded)
    report.sources = len(seen)
    report.problems = loaded.problems
    report.warnings = loaded.warnings
    report.seconds = time.perf_counter() - started
    return report


class _ModelWarmUp:
    """Loads the embedding model in the background once a file holds an article the store has
    never seen (never for an unchanged re-ingest, which must not load a model at all)."""

    def __init__(self, store: NewsStore) -> None:
        self.embedder = store.embedder
        self.stored: set[str] | None = None
        self.store = store
        self.thread: threading.Thread | None = None

    def seen(self, articles: list[Article]) -> None:
        if self.thread is not None:
            return
        if self.stored is None:
            self.stored = set(self.store.stored_versions())  # a hint: read before the lock
        if any(article.article_id not in self.stored for article in articles):
            self.thread = threading.Thread(
                target=_preload, args=(self.embedder,), name="embedder-warm-up", daemon=True
            )
            self.thread.start()

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


def _preload(embedder: Embedder) -> None:
    with contextlib.suppress(CopilotError):  # the first embed() raises it where it is reported
        embedder.preload()
