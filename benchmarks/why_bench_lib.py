"""Helpers for benchmarks/why_retrieval_bench.py: the cached real-model store, the labelled
why-queries, and the retrieval metrics (recall@k, MRR, no-coverage precision/recall)."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from copilot.news.embeddings import SentenceTransformerEmbedder
from copilot.news.store import NewsStore
from copilot.settings import Settings
from ingest.news import ingest_paths
from ingest.news.normalize import canonical_url

HERE = Path(__file__).resolve().parent
STORE_DIR = HERE / ".work" / "why_store"  # git-ignored; reused between runs


def store_settings(path: Path = STORE_DIR) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=path,
        chroma_host=None,
        news_collection="news",
        embedding_model="all-MiniLM-L6-v2",
    )


def shared_store(news: Path, path: Path = STORE_DIR) -> tuple[NewsStore, str]:
    """The shared articles in a store embedded with the bundled model: built once (a few
    minutes on 2 cores), then reused; an unchanged re-ingest embeds nothing."""
    settings = store_settings(path)
    store = NewsStore.open(settings, SentenceTransformerEmbedder())
    built = store.count() == 0
    report = ingest_paths(store, [news])
    what = "built" if built else "reused"
    return store, f"{what} at {path} ({report.articles} articles, {store.count()} chunks)"


@dataclass(frozen=True)
class WhyQuery:
    id: str
    query: str
    symbols: list[str]
    direction: str
    start: date
    end: date
    as_of: date
    relevant: list[str]


def load_why_queries(path: Path) -> list[WhyQuery]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        WhyQuery(
            id=row["id"],
            query=row["query"],
            symbols=row["symbols"],
            direction=row["direction"],
            start=date.fromisoformat(row["start"]),
            end=date.fromisoformat(row["end"]),
            as_of=date.fromisoformat(row["as_of"]),
            relevant=[canonical_url(url) for url in row["relevant"]],  # as the store keeps them
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Scores:
    recall: dict[int, float]  # k → mean recall@k over queries with relevant articles
    mrr: float
    misses: list[str]  # ids with nothing relevant in the top max(k)


def score(queries: Sequence[WhyQuery], ranked: Sequence[list[str]], ks: Sequence[int]) -> Scores:
    """recall@k = relevant articles in the top k / min(#relevant, k); MRR over the whole list
    returned (at most max(ks) long). Queries without relevant articles are left out."""
    recalls: dict[int, list[float]] = {k: [] for k in ks}
    reciprocal: list[float] = []
    misses: list[str] = []
    for item, urls in zip(queries, ranked, strict=True):
        relevant = set(item.relevant)
        if not relevant:
            continue
        for k in ks:
            recalls[k].append(len(relevant & set(urls[:k])) / min(len(relevant), k))
        first = next((i for i, url in enumerate(urls[: max(ks)], 1) if url in relevant), None)
        reciprocal.append(1 / first if first else 0.0)
        if first is None:
            misses.append(item.id)
    return Scores(
        {k: statistics.mean(values) for k, values in recalls.items()},
        statistics.mean(reciprocal),
        misses,
    )


def coverage_scores(
    queries: Sequence[WhyQuery], said_none: Sequence[bool]
) -> tuple[float, float, int, int]:
    """(precision, recall, true positives, predicted) of the "no coverage" decision, where
    the truth is "the query has no relevant article"."""
    truth = [not item.relevant for item in queries]
    tp = sum(1 for t, p in zip(truth, said_none, strict=True) if t and p)
    predicted = sum(said_none)
    actual = sum(truth)
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    return precision, recall, tp, predicted
