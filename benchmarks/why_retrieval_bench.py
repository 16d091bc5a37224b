"""Why-retrieval benchmark: recall@k and MRR on the labelled why-queries
(benchmarks/data/why_queries.jsonl), before and after move-centred retrieval, and the
precision/recall of the "no coverage" decision. Real bundled model (all-MiniLM-L6-v2).

Run: `.venv/bin/python benchmarks/why_retrieval_bench.py [--news ../shared/data/news] [--write]`
(`--write` saves the report to benchmarks/results/why_retrieval.md). The store is built once in
benchmarks/.work/why_store (git-ignored, a few minutes on 2 cores) and reused afterwards.

* before — today's why-path (copilot/agent.py, copilot/quick_plan.py): `search_news` with the
  question text, k=3, articles from as_of − 21 days to as_of. Also shown at k=8, same query and
  window, so that recall@5/@8 compare like with like.
* after — `copilot.news.evidence.gather_evidence` with the query's symbols, direction, window
  and as_of; its full candidate order (`Evidence.ranked`) is scored, and its drivers decide
  coverage.

A labelled article published after the query's as-of (by the store's dates) can never be
returned; it is left out of that query's relevant set, and the report counts how many were.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's copilot first

from news_bench_lib import load_average, machine
from why_bench_lib import (
    HERE,
    STORE_DIR,
    Scores,
    WhyQuery,
    coverage_scores,
    load_why_queries,
    score,
    shared_store,
)

from copilot.news.evidence import LAG_DAYS, LEAD_DAYS, gather_evidence
from copilot.news.search import search_news
from copilot.news.store import NewsStore

REPO = HERE.parent
KS = (3, 5, 8)
NEWS_DAYS = 21  # copilot/agent.py AgentConfig.news_days
NEWS_K = 3  # today's k on the why-path
COMMAND = ".venv/bin/python benchmarks/why_retrieval_bench.py"


def published_by_url(store: NewsStore) -> dict[str, str]:
    """The publication day the store holds for each URL (first chunks only)."""
    found = store.collection.get(where={"chunk_index": 0}, include=["metadatas"])
    return {str(m["url"]): str(m["published_at"])[:10] for m in found["metadatas"] or []}


def visible(queries: list[WhyQuery], published: dict[str, str]) -> tuple[list[WhyQuery], int]:
    """The queries with their relevant sets cut to articles published by as_of."""
    dropped = 0
    kept: list[WhyQuery] = []
    for item in queries:
        relevant = [u for u in item.relevant if published.get(u, "9999") <= item.as_of.isoformat()]
        dropped += len(item.relevant) - len(relevant)
        kept.append(WhyQuery(**{**item.__dict__, "relevant": relevant}))
    return kept, dropped


def before(store: NewsStore, item: WhyQuery, k: int) -> list[str]:
    since = item.as_of - timedelta(days=NEWS_DAYS)
    query = item.query.strip().rstrip("?")
    hits = search_news(store, query, k, since=since, until=item.as_of, as_of=item.as_of)
    return [hit.url for hit in hits]


def raw_in_window(store: NewsStore, item: WhyQuery, k: int) -> list[str]:
    """Ablation: the question text, but searched in the move-centred window."""
    since = item.start - timedelta(days=LEAD_DAYS)
    until = min(item.end + timedelta(days=LAG_DAYS), item.as_of)
    query = item.query.strip().rstrip("?")
    hits = search_news(store, query, k, since=since, until=until, as_of=item.as_of)
    return [hit.url for hit in hits]


def row(name: str, scores: Scores) -> str:
    recalls = " | ".join(f"{scores.recall[k]:.3f}" for k in KS)
    return f"| {name} | {recalls} | {scores.mrr:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=REPO.parent / "shared" / "data" / "news")
    parser.add_argument("--queries", type=Path, default=HERE / "data" / "why_queries.jsonl")
    parser.add_argument("--budget", type=int, default=800, help="prompt tokens for drivers")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not args.news.is_dir():
        sys.exit(f"no news folder at {args.news}")
    started = time.perf_counter()
    store, built = shared_store(args.news.resolve())
    build_s = time.perf_counter() - started
    store.embedder.preload()
    queries, dropped = visible(load_why_queries(args.queries), published_by_url(store))

    shipped, wide, windowed, after, seconds, said_none, details = [], [], [], [], [], [], []
    for item in queries:
        shipped.append(before(store, item, NEWS_K))
        wide.append(before(store, item, max(KS)))
        windowed.append(raw_in_window(store, item, max(KS)))
        t = time.perf_counter()
        evidence = gather_evidence(
            store, item.symbols, item.direction, item.start, item.end, item.as_of,  # type: ignore[arg-type]
            budget_tokens=args.budget,
        )  # fmt: skip
        seconds.append(time.perf_counter() - t)
        after.append([d.url for d in evidence.ranked])
        said_none.append(evidence.no_coverage)
        details.append((item, evidence))

    old, old_wide = score(queries, shipped, KS), score(queries, wide, KS)
    new, raw_window = score(queries, after, KS), score(queries, windowed, KS)
    precision, recall, tp, predicted = coverage_scores(queries, said_none)
    labelled = [q for q in queries if q.relevant]
    k_used = [len(e.drivers) for _, e in details if e.drivers]
    out = [
        "# Why-retrieval benchmark",
        f"Command: `{' '.join([COMMAND, *sys.argv[1:]])}`",
        f"Machine: {machine()}; load average at start {load_average()} (shared, noisy).",
        f"Store: shared news, all-MiniLM-L6-v2, {built}; ingest/check {build_s:.0f} s.",
        "",
        f"Labelled set: {args.queries.relative_to(REPO)} — {len(queries)} queries, "
        f"{len(labelled)} with relevant articles, {len(queries) - len(labelled)} without "
        f"(no coverage); {dropped} labelled article(s) published after their query's as-of "
        "by the store's dates were left out of the relevant sets.",
        "",
        "## Recall@k and MRR (queries with relevant articles)",
        "recall@k = relevant in the top k / min(#relevant, k); MRR of the first relevant "
        f"article within the top {max(KS)}.",
        "",
        "| method | recall@3 | recall@5 | recall@8 | MRR |",
        "|---|---|---|---|---|",
        row(f"before: question text, k={NEWS_K}, as_of − {NEWS_DAYS} d (as shipped)", old),
        row(f"before, same query and window at k={max(KS)}", old_wide),
        row(
            f"ablation: question text in the move window (start − {LEAD_DAYS} d … end + "
            f"{LAG_DAYS} d), k={max(KS)}",
            raw_window,
        ),
        row("after: evidence retrieval (entity × direction × why queries, RRF, window, MMR)", new),
        "",
        f"Queries with nothing relevant in the top {max(KS)}: before {old_wide.misses or 'none'}; "
        f"after {new.misses or 'none'}.",
        "",
        "## No coverage",
        f'"No coverage" said for {predicted} queries, {tp} of them truly without coverage: '
        f"**precision {precision:.3f}, recall {recall:.3f}** "
        f"({len(queries) - len(labelled)} queries have no relevant article).",
        "",
        f"Evidence retrieval: median {statistics.median(seconds) * 1000:.0f} ms per move "
        f"(p max {max(seconds) * 1000:.0f} ms, {len(details[0][1].queries)} queries each); "
        f"budget {args.budget} tokens → k = {sorted(set(k_used))} drivers, excerpts ≤ "
        f"{details[0][1].excerpt_chars} chars.",
        "",
        "## Per query (after)",
        "| id | relevant | first relevant rank | no coverage said | top 3 publishers |",
        "|---|---|---|---|---|",
    ]
    for (item, evidence), urls in zip(details, after, strict=True):
        first = next((i for i, u in enumerate(urls, 1) if u in set(item.relevant)), "—")
        pubs = ", ".join(d.publisher for d in evidence.ranked[:3])
        out.append(
            f"| {item.id} | {len(item.relevant)} | {first} | {evidence.no_coverage} | {pubs} |"
        )
    out += ["", f"Load average at end: {load_average()}.", f"Store kept at {STORE_DIR}."]
    report = "\n".join(out) + "\n"
    print(report)
    if args.write:
        (HERE / "results" / "why_retrieval.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
