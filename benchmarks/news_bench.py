"""News-side benchmark: ingest speed, re-ingest, search latency (shared corpus and 100k chunks),
and retrieval quality on the labelled queries in benchmarks/data/news_queries.jsonl.

Run: `.venv/bin/python benchmarks/news_bench.py [--news ../shared/data/news] [--write]`
(`--write` saves the Markdown report to benchmarks/results/news.md). The stores are built in
benchmarks/.work/ (git-ignored) and removed afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from news_bench_lib import (
    RandomQueries,
    TimingEmbedder,
    Timings,
    articles_in_order,
    fill_synthetic,
    load_average,
    load_queries,
    machine,
    score,
    unit_vectors,
)

from copilot.news.embeddings import SentenceTransformerEmbedder
from copilot.news.search import LEXICAL_POOL, search_by_embedding
from copilot.news.store import NewsStore
from copilot.settings import Settings
from ingest.news import ingest_paths
from ingest.news.chunking import CHUNK_CHARS, OVERLAP_CHARS

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work" / "news"
AS_OF = date(2026, 1, 23)


def settings(path: Path, model: str, collection: str = "news") -> Settings:
    return Settings(
        _env_file=None,
        data_dir=path,
        chroma_host=None,
        news_collection=collection,
        embedding_model=model,
    )


def bench_ingest(args: argparse.Namespace, out: list[str]) -> NewsStore:
    model = SentenceTransformerEmbedder(
        batch_size=args.batch, max_seq_length=args.seq_len, threads=args.threads
    )
    model.load()  # loading (≈1 s) is reported apart from the ingest
    timing = TimingEmbedder(model)
    firsts, agains, report = [], [], None
    store = None
    for run in range(args.ingest_runs):
        path = WORK / f"ingest-{run}"
        shutil.rmtree(path, ignore_errors=True)
        store = NewsStore.open(settings(path, model.name), timing)
        cpu = time.process_time()
        report = ingest_paths(
            store,
            [args.news],
            batch_chunks=args.chunks_per_batch,
            chunk_chars=args.chunk_chars,
            overlap_chars=args.overlap,
        )
        firsts.append((report.seconds, time.process_time() - cpu))
        for _ in range(3):
            again = ingest_paths(
                store, [args.news], chunk_chars=args.chunk_chars, overlap_chars=args.overlap
            )
            assert again.embeddings == 0, "unchanged re-ingest must not embed"
            agains.append(again.seconds)
    assert report is not None and store is not None
    wall = statistics.median(w for w, _ in firsts)
    cpu_s = statistics.median(c for _, c in firsts)
    again_s = statistics.median(agains)
    chunks = report.chunks_written
    embed_share = timing.wall / max(sum(w for w, _ in firsts), 1e-9)
    out += [
        "## Ingest of the shared news folder",
        f"- {report.sources} files → {report.copies} article copies → **{report.articles} distinct "
        f"articles, {chunks} chunks** (chunk ≤ {args.chunk_chars} chars, embedding input ≤ "
        f"{args.seq_len} tokens, encode batch {args.batch}, "
        f"torch threads {args.threads or 'default'})",
        f"- first ingest (median of {len(firsts)}): {wall:.1f} s wall, {cpu_s:.1f} s CPU → "
        f"**{report.articles / wall:.1f} articles/s, {chunks / wall:.1f} chunks/s** "
        f"({chunks / cpu_s:.1f} chunks per CPU-second); embedding is {embed_share:.0%} of it",
        f"- unchanged re-ingest (median of {len(agains)}): {again_s:.2f} s, 0 embeddings → "
        f"**{again_s / wall:.1%} of the first run**",
        "",
    ]
    return store


def bench_search(store: NewsStore, queries: list[str], repeat: int, out: list[str]) -> None:
    embed, plain, dated = Timings(), Timings(), Timings()
    for query in queries:
        embed.run(partial(store.embedder.embed_query, query), 3, skip=1)
        v = store.embedder.embed_query(query)
        plain.run(partial(search_by_embedding, store, v, 5, query), repeat)
        dated.run(partial(search_by_embedding, store, v, 5, query, as_of=AS_OF), repeat)
    out += [
        f"## Search latency, shared corpus ({store.count()} chunks), k=5",
        "Search = nearest chunk ids, the window applied to ids, text of the best "
        f"{LEXICAL_POOL} read, BM25 re-rank, one chunk per article.",
        f"- query embedding alone (one thread): {embed.summary()}",
        f"- search without the embedding, no filter: {plain.summary()}",
        f"- search without the embedding, as_of={AS_OF}: {dated.summary()}",
        "",
    ]


SYNTHETIC_CASES: dict[str, dict[str, Any]] = {
    "no filter": {},
    "as_of 2025-12-31 (most of the store)": {"as_of": date(2025, 12, 31)},
    "as_of 2024-06-30 (a fifth of the store)": {"as_of": date(2024, 6, 30)},
    "since/until, one month": {"since": date(2025, 3, 1), "until": date(2025, 3, 31)},
    "as_of 2025-12-31 + symbol IWM": {"as_of": date(2025, 12, 31), "symbols": ["IWM"]},
    "publisher": {"publisher": "Publisher 3"},
}


def bench_100k(n_chunks: int, repeat: int, out: list[str], keep: Path | None) -> None:
    """`keep`: build the synthetic store there once and reuse it on later runs."""
    path = keep or WORK / "synthetic"
    queries = RandomQueries()
    if keep is None or not (path / "news" / "chroma.sqlite3").exists():
        shutil.rmtree(path, ignore_errors=True)
        store = NewsStore.open(settings(path, queries.name, "synthetic"), queries)
        seconds = f"built in {fill_synthetic(store, n_chunks):.0f} s"
    else:
        store = NewsStore.open(settings(path, queries.name, "synthetic"), queries, create=False)
        seconds = f"reused from {path}"
    vectors = [[float(x) for x in v] for v in unit_vectors(np.random.default_rng(3), 50, 384)]
    out.append(
        f"## Search latency at {store.count():,} chunks (random unit vectors, 384-d, dates over "
        f"2024-01 … 2026-01; {seconds}), k=5, query embedding excluded"
    )
    for name, filters in SYNTHETIC_CASES.items():
        times = Timings()
        for v in vectors:
            call = partial(search_by_embedding, store, v, 5, "small caps rally", **filters)
            times.run(call, repeat + 1, skip=1)
        out.append(f"- {name}: {times.summary()}")
    out.append("")


def bench_quality(store: NewsStore, path: Path, out: list[str]) -> None:
    labelled = load_queries(path)
    dense_runs, fused_runs = [], []
    for item in labelled:
        vector = store.embedder.embed_query(item.query)
        dense_runs.append(articles_in_order(search_by_embedding(store, vector, 5)))
        fused_runs.append(articles_in_order(search_by_embedding(store, vector, 5, item.query)))
    dense, fused = score(labelled, dense_runs), score(labelled, fused_runs)
    out += [
        f"## Retrieval quality ({len(labelled)} labelled queries, {path.relative_to(REPO)})",
        "recall@5 = relevant articles in the top 5 / min(#relevant, 5); MRR of the first "
        "relevant article in the top 5.",
        "",
        "| method | recall@5 | MRR |",
        "|---|---|---|",
        f"| dense only (all-MiniLM-L6-v2, cosine) | {dense.recall_at_5:.3f} | {dense.mrr:.3f} |",
        f"| dense top {LEXICAL_POOL} re-ranked with BM25 (RRF) — the default | "
        f"**{fused.recall_at_5:.3f}** | **{fused.mrr:.3f}** |",
        "",
        f"Queries with nothing relevant in the top 5 (default method): {fused.misses or 'none'}",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=REPO.parent / "shared" / "data" / "news")
    parser.add_argument("--queries", type=Path, default=HERE / "data" / "news_queries.jsonl")
    parser.add_argument("--chunks", type=int, default=100_000, help="synthetic store size")
    parser.add_argument("--ingest-runs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="timed calls per query")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--batch", type=int, default=32, help="sentence-transformers batch")
    parser.add_argument("--seq-len", type=int, default=256)
    parser.add_argument("--chunk-chars", type=int, default=CHUNK_CHARS)
    parser.add_argument("--overlap", type=int, default=OVERLAP_CHARS)
    parser.add_argument("--chunks-per-batch", type=int, default=128)
    parser.add_argument("--skip-100k", action="store_true")
    parser.add_argument("--keep-synthetic", type=Path, help="build/reuse the 100k store here")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not args.news.is_dir():
        sys.exit(f"no news folder at {args.news}")
    out = [
        "# News benchmark",
        f"Command: `.venv/bin/python benchmarks/news_bench.py {' '.join(sys.argv[1:])}`".strip(),
        f"Machine: {machine()}; load average at start {load_average()} (shared, noisy).",
        "",
    ]
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        store = bench_ingest(args, out)
        bench_quality(store, args.queries, out)
        queries = [item.query for item in load_queries(args.queries)]
        bench_search(store, queries, args.repeat, out)
        if not args.skip_100k:
            bench_100k(args.chunks, args.repeat, out, args.keep_synthetic)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    out.append(f"Load average at end: {load_average()}.")
    report = "\n".join(out) + "\n"
    print(report)
    if args.write:
        (HERE / "results" / "news.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
