"""Helpers for benchmarks/news_bench.py: timing, BM25, retrieval metrics, a synthetic store."""

from __future__ import annotations

import json
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from copilot.news.embeddings import Embedder, Vector
from copilot.news.models import Chunk, NewsHit, make_chunk_id
from copilot.news.store import NewsStore


def publish(report: str, misses: list[str], out: Path, write: bool) -> None:
    """Print a phrasing list's report and its development misses; with `write`, save the
    report to `out`, keeping its notes."""
    print(report)
    if misses:
        print("\n".join(misses))
    if write:
        write_keeping_notes(out, report)


Tally = dict[str, list[int]]  # per kind of row: [read right, rows]


def list_rows(
    lists: Path, frozen: str, kinds: Sequence[str], show: bool,
    score: Callable[[Path, bool], tuple[Tally, list[str]]],
) -> tuple[list[str], list[str]]:  # fmt: skip
    """One table row per labelled list in `lists` ("| name | role | right/rows per kind |"),
    the `frozen` one said to be reported in aggregate only and its misses never shown; and the
    development lists' misses when `show`."""
    rows: list[str] = []
    shown: list[str] = []
    for path in sorted(lists.glob("*.jsonl")):
        is_frozen = path.stem == frozen
        tally, misses = score(path, show and not is_frozen)
        role = "frozen test (aggregate only)" if is_frozen else "development (tuned on)"
        cells = [f"{right}/{count}" for right, count in (tally.get(k, [0, 0]) for k in kinds)]
        rows.append(f"| {path.stem} | {role} | {' | '.join(cells)} |")
        shown += [f"{path.stem}: {m}" for m in misses]
    return rows, shown


def write_keeping_notes(out: Path, report: str) -> None:
    """Write `report` to `out`, keeping the "## Notes" section a person wrote below it."""
    notes = ""
    if out.exists() and "\n## Notes" in (old := out.read_text(encoding="utf-8")):
        notes = "\n## Notes" + old.split("\n## Notes", 1)[1]
    out.write_text(report + notes, encoding="utf-8")
    print(f"written to {out}", file=sys.stderr)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"nproc {os.cpu_count()}, {cpu}, Python {platform.python_version()}"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    index = max(0, math.ceil(q / 100 * len(ordered)) - 1)
    return ordered[index]


class Timings:
    """Wall-clock and CPU milliseconds of timed calls (CPU time, all threads of this process,
    is much less sensitive than wall time to other work on a shared machine)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def run(self, call: Callable[[], object], repeat: int, skip: int = 0) -> None:
        for i in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            call()
            if i >= skip:
                self.wall.append((time.perf_counter() - wall) * 1000)
                self.cpu.append((time.process_time() - cpu) * 1000)

    def summary(self) -> str:
        return (
            f"wall p50 {statistics.median(self.wall):.2f} ms, p95 "
            f"{percentile(self.wall, 95):.2f} ms; CPU p50 {statistics.median(self.cpu):.2f} ms, "
            f"p95 {percentile(self.cpu, 95):.2f} ms (n={len(self.wall)})"
        )


class TimingEmbedder(Embedder):
    """Wraps an embedder, adding up the wall and CPU seconds spent embedding."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.wall = 0.0
        self.cpu = 0.0
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        wall, cpu = time.perf_counter(), time.process_time()
        vectors = self.inner.embed(texts)
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        self.texts += len(texts)
        return vectors

    def embed_query(self, text: str) -> Vector:
        return self.inner.embed_query(text)  # keeps the model's own (one-thread) query path


# --- retrieval quality ------------------------------------------------------------------------


@dataclass
class Labelled:
    query: str
    relevant: list[str]


def load_queries(path: Path) -> list[Labelled]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Labelled(row["query"], row["relevant"]) for row in rows]


@dataclass
class Quality:
    recall_at_5: float
    mrr: float
    misses: list[str] = field(default_factory=list)


def score(queries: Sequence[Labelled], ranked: Sequence[list[str]]) -> Quality:
    """recall@5 = relevant articles in the top 5 / min(#relevant, 5); MRR of the first relevant
    article in the ranking given (the top 5 in the benchmark)."""
    recalls, reciprocal, misses = [], [], []
    for item, urls in zip(queries, ranked, strict=True):
        relevant = set(item.relevant)
        found = len(relevant & set(urls[:5]))
        recalls.append(found / min(len(relevant), 5))
        first = next((i for i, url in enumerate(urls[:10], 1) if url in relevant), None)
        reciprocal.append(1 / first if first else 0.0)
        if found == 0:
            misses.append(item.query)
    return Quality(statistics.mean(recalls), statistics.mean(reciprocal), misses)


def articles_in_order(hits: Sequence[NewsHit]) -> list[str]:
    urls: list[str] = []
    for hit in hits:
        if hit.url not in urls:
            urls.append(hit.url)
    return urls


# --- a synthetic store of N chunks ------------------------------------------------------------


class RandomQueries(Embedder):
    """Random unit vectors: the synthetic store's 'model' (text is ignored)."""

    def __init__(self, dim: int = 384, seed: int = 7) -> None:
        self.name = f"random:{dim}"
        self.dim = dim
        self.rng = np.random.default_rng(seed)

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        return [list(map(float, v)) for v in unit_vectors(self.rng, len(texts), self.dim)]


def unit_vectors(rng: np.random.Generator, n: int, dim: int) -> np.ndarray:
    vectors = rng.standard_normal((n, dim)).astype(np.float32)
    unit: np.ndarray = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return unit


PUBLISHERS = [f"Publisher {i}" for i in range(25)]
SYMBOLS = ["SPY", "IWM", "QQQ", "XLU", "XLE", "XLF", "XLK", "DGS10", "GLD", "TLT"]


def fill_synthetic(
    store: NewsStore, n_chunks: int, per_article: int = 8, batch: int = 5000
) -> float:
    """Add `n_chunks` chunks with random unit vectors and realistic metadata; seconds taken."""
    rng = np.random.default_rng(11)
    pick = random.Random(13)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    started = time.perf_counter()
    for offset in range(0, n_chunks, batch):
        count = min(batch, n_chunks - offset)
        vectors = unit_vectors(rng, count, 384)
        chunks = []
        for i in range(offset, offset + count):
            article = i // per_article
            published = start + timedelta(hours=(article * 37) % (24 * 760))
            symbols = pick.sample(SYMBOLS, pick.randint(0, 3))
            chunks.append(
                Chunk(
                    chunk_id=make_chunk_id(published, f"a{article:07d}", "v", i % per_article),
                    article_id=f"a{article:07d}",
                    version="v",
                    chunk_index=i % per_article,
                    n_chunks=per_article,
                    text=f"synthetic chunk {i}",
                    embed_text="",
                    title=f"Synthetic article {article}",
                    publisher=PUBLISHERS[article % len(PUBLISHERS)],
                    published_at=published,
                    date_precision="day",
                    url=f"https://example.com/{article}",
                    symbols=symbols,
                    summary_only=False,
                )
            )
        store.add_chunks(chunks, [list(map(float, v)) for v in vectors])
    return time.perf_counter() - started
