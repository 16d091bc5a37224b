"""Embedding backends side by side, in one run: torch (sentence-transformers), onnx (ONNX
Runtime, fp32) and onnx-int8 on the same chunks of the shared news folder.

Per backend: first-use load time (the ONNX export included, into a fresh cache), chunks/s of
embedding alone (median of `--runs`, the backends taking turns in each round so the machine's
load falls on all of them alike), the cosine of its vectors to torch's, the end-to-end ingest of
the whole folder, and recall@5 / MRR on the labelled queries. "today" is torch with the batches
written strictly one after another, as before the pipeline overlapped them.

Run: `.venv/bin/python benchmarks/embed_bench.py [--sample 300] [--runs 3] [--write]`
(`--write` replaces the "Embedding backends" section of benchmarks/results/news.md).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from news_bench_lib import articles_in_order, load_average, load_queries, machine, score

from copilot.news.embeddings import Embedder, SentenceTransformerEmbedder
from copilot.news.onnx_embedder import OnnxEmbedder
from copilot.news.search import search_by_embedding
from copilot.news.store import NewsStore
from copilot.settings import Settings
from ingest.news import ingest_paths, load_sources, merge_copies
from ingest.news.chunking import chunk_article

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work" / "embed"
RESULTS = HERE / "results" / "news.md"
SECTION = "## Embedding backends"
BACKENDS = ("torch", "onnx", "onnx-int8")


@dataclass
class Measured:
    backend: str
    load_s: float = 0.0
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    vectors: np.ndarray | None = None


def make(backend: str, cache: Path) -> Embedder:
    if backend == "torch":
        return SentenceTransformerEmbedder()
    return OnnxEmbedder(quantized=backend == "onnx-int8", cache_dir=cache)


def shared_texts(news: Path) -> list[str]:
    merged = merge_copies(load_sources([news]).articles)
    return [chunk.embed_text for article in merged for chunk in chunk_article(article)]


def bench_speed(texts: list[str], runs: int, cache: Path) -> dict[str, Measured]:
    measured = {name: Measured(name) for name in BACKENDS}
    models: dict[str, Embedder] = {}
    for name in BACKENDS:
        started = time.perf_counter()
        models[name] = make(name, cache)
        models[name].preload()
        measured[name].load_s = time.perf_counter() - started
        models[name].embed(texts[:4])  # warm-up
    for round_ in range(runs):
        shift = round_ % len(BACKENDS)
        for name in BACKENDS[shift:] + BACKENDS[:shift]:
            wall, cpu = time.perf_counter(), time.process_time()
            vectors = models[name].embed(texts)
            measured[name].wall.append(time.perf_counter() - wall)
            measured[name].cpu.append(time.process_time() - cpu)
            measured[name].vectors = np.asarray(vectors, dtype=np.float32)
            print(f"round {round_ + 1} {name}: {len(texts) / measured[name].wall[-1]:.1f}/s")
    return measured


def settings(path: Path) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=path,
        chroma_host=None,
        news_collection="news",
        embedding_model="all-MiniLM-L6-v2",
    )


def bench_ingest(
    name: str, embedder: Embedder, news: Path, overlap: bool
) -> tuple[float, NewsStore]:
    path = WORK / f"store-{name}"
    shutil.rmtree(path, ignore_errors=True)
    embedder.preload()
    store = NewsStore.open(settings(path), embedder)
    report = ingest_paths(store, [news], overlap=overlap)
    print(f"ingest {name}: {report.seconds:.1f} s, {report.chunks_written} chunks")
    return report.seconds, store


def quality(store: NewsStore, queries: Path, embedder: Embedder) -> tuple[float, float]:
    labelled = load_queries(queries)
    runs = []
    for item in labelled:
        vector = embedder.embed_query(item.query)
        runs.append(articles_in_order(search_by_embedding(store, vector, 5, item.query)))
    result = score(labelled, runs)
    return result.recall_at_5, result.mrr


def cosine_row(vectors: np.ndarray, reference: np.ndarray) -> str:
    cos = (vectors * reference).sum(axis=1)
    return f"{cos.min():.4f} / {np.percentile(cos, 1):.4f} / {cos.mean():.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=REPO.parent / "shared" / "data" / "news")
    parser.add_argument("--queries", type=Path, default=HERE / "data" / "news_queries.jsonl")
    parser.add_argument("--sample", type=int, default=0, help="chunks timed (0 = all)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not args.news.is_dir():
        sys.exit(f"no news folder at {args.news}")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    start_load = load_average()
    try:
        out = run(args)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    header = [
        SECTION,
        f"Command: `.venv/bin/python benchmarks/embed_bench.py {' '.join(sys.argv[1:])}`".strip(),
        f"Machine: {machine()}; load average {start_load} at start, {load_average()} at end "
        "(shared with other developers: compare the backends only within this run).",
        "",
    ]
    report = "\n".join(header + out) + "\n"
    print(report)
    if args.write:
        write_section(report)


def run(args: argparse.Namespace) -> list[str]:
    cache = WORK / "model-cache"
    texts = shared_texts(args.news)
    total = len(texts)
    if args.sample:
        picked = np.random.default_rng(5).choice(total, min(args.sample, total), replace=False)
        texts = [texts[i] for i in sorted(picked)]
    speed = bench_speed(texts, args.runs, cache)
    torch_vectors = speed["torch"].vectors
    assert torch_vectors is not None
    ingests: dict[str, tuple[float, NewsStore]] = {}
    for name, backend, overlap in (
        ("today: torch, writes not overlapped", "torch", False),
        ("onnx", "onnx", True),
        ("onnx-int8, writes not overlapped", "onnx-int8", False),
        ("onnx-int8", "onnx-int8", True),
    ):
        ingests[name] = bench_ingest(name, make(backend, cache), args.news, overlap)
    base_s, torch_store = ingests["today: torch, writes not overlapped"]
    lines = [
        f"Embedding alone: {len(texts)} of the {total} chunks of the shared news folder, each "
        f"backend {args.runs} times, taking turns; chunks/s = median over the runs.",
        "",
        "| backend | first use (load; ONNX export into an empty cache) | chunks/s wall | "
        "chunks per CPU-s | × torch (wall) | cosine to torch: min / 1st pct / mean |",
        "|---|---|---|---|---|---|",
    ]
    base = statistics.median(speed["torch"].wall)
    for name in BACKENDS:
        m = speed[name]
        assert m.vectors is not None
        wall, cpu = statistics.median(m.wall), statistics.median(m.cpu)
        lines.append(
            f"| {name} | {m.load_s:.1f} s | {len(texts) / wall:.1f} | {len(texts) / cpu:.1f} | "
            f"{base / wall:.2f} | {cosine_row(m.vectors, torch_vectors)} |"
        )
    lines += [
        "",
        f"End-to-end ingest of the whole folder ({total} chunks, model already loaded, one run "
        "each) and retrieval on the labelled queries (BM25-fused default search, k = 5):",
        "",
        "| ingest | seconds | chunks/s | × today | recall@5 | MRR |",
        "|---|---|---|---|---|---|",
    ]
    for name, (seconds, store) in ingests.items():
        recall, mrr = quality(store, args.queries, store.embedder)
        lines.append(
            f"| {name} | {seconds:.1f} | {total / seconds:.1f} | {base_s / seconds:.2f} | "
            f"{recall:.3f} | {mrr:.3f} |"
        )
    int8 = make("onnx-int8", cache)
    recall, mrr = quality(torch_store, args.queries, int8)
    lines += [
        f"| mixed: the torch-built store queried with onnx-int8 vectors | | | | {recall:.3f} | "
        f"{mrr:.3f} |",
        "",
    ]
    return lines


def write_section(section: str) -> None:
    """Replace the section from its heading to the next `## ` heading (or append it)."""
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
