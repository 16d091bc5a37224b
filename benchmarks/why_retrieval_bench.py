"""Why-retrieval benchmark: recall@k and MRR on the labelled why-queries
(benchmarks/data/why_queries.jsonl), before and after move-centred retrieval, and the
precision/recall of the "no coverage" decision. Real bundled model (all-MiniLM-L6-v2).

Run: `.venv/bin/python benchmarks/why_retrieval_bench.py [--news ../shared/data/news] [--write]`
(`--write` saves the report to benchmarks/results/why_retrieval.md; add `--heldout` to score the
held-out queries instead, written after the parameters were frozen, into
results/why_retrieval_holdout.md; `--coverage` scores session 15's coverage development set
into results/why_retrieval_coverage.md). The store is built once in
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
import contextlib
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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

from copilot.news import evidence as evidence_module
from copilot.news.evidence import LEAD_DAYS, gather_evidence, morning_after
from copilot.news.search import search_news
from copilot.news.store import NewsStore

REPO = HERE.parent
KS = (3, 5, 8)
NEWS_DAYS = 21  # copilot/agent.py AgentConfig.news_days
NEWS_K = 3  # today's k on the why-path
COMMAND = ".venv/bin/python benchmarks/why_retrieval_bench.py"
HELDOUT_NOTES = [
    "## Notes",
    "- Held-out set: written and committed (sha256 in its commit) after every parameter of "
    "the evidence retrieval was frozen; nothing was chosen on it. It holds other entities on "
    "days whose causes the tuned set covers (a sector on a broad sell-off day) and new moves "
    "without coverage.",
    "- One change was made after its first run (figures in commit adb5de6): month-only dates "
    'no longer count as "published on the move\'s days" (their day is the scrape day). '
    "recall@3 0.611 → 0.667; recall@5/8, MRR and the coverage figures are unchanged.",
    "- Session 13: a market's drivers (`evidence_terms.DRIVERS`: consumer confidence and "
    "spending for retailers and consumer discretionary, banks and their results for regional "
    "banks, mortgage rates for homebuilders …) tie an article to its move. They were written "
    'from the development why-sets\' misses, not chosen on this set: "no coverage" precision '
    "0.667 → 0.800 (h04-xly-0120, consumer discretionary on January 20, is now covered), "
    "recall, recall@k and MRR unchanged.",
    "- Session 15: an article that names the market only in a later chunk, in a sentence "
    "saying it moved the move's way, counts for the coverage decision (a day's wrap gives the "
    "sector paragraphs after its lede), and is then read; chosen on the coverage set "
    "(`--coverage`), not on this one: every figure here is unchanged.",
]
COVERAGE_NOTES = [
    "## Notes",
    "- A development set: 36 moves labelled in session 15 by a helper from the shared data "
    "alone (19 explained by stored articles, 17 not), a stricter reading than the other sets "
    "(a sector needs its own name, or its leading companies', on the move's days). Four moves "
    "it shared with the fifth held-out why set were taken out after the first change had been "
    "measured on all 40; none of the four had motivated a change.",
    "- Session 15's changes were chosen on it: a candidate naming the market only in a later "
    "chunk counts for coverage, and then is read; words for a move ('decreased', 'dipped' …). "
    'At 5fe4e65, before them: recall@5 0.675, recall@8 0.890, MRR 0.698; "no coverage" '
    "precision 0.600, recall 0.706 (8 of the 19 covered moves said to have none).",
]
NOTES = [
    "## Notes",
    "- The labelled set was written and committed before any tuning (sha256 in its commit). "
    "Four choices were then made on it, so these are not held-out figures: the two priors "
    "(ENTITY_BONUS 0.25, OFF_DAYS_WEIGHT 0.85), the coverage rule (COVERAGE_SIMILARITY 0.45, "
    "COVERAGE_LEAD_DAYS 1; precision/recall are flat for thresholds 0.45–0.50, recall falls "
    "below 0.45) and the driver gate (UNNAMED_TOP 2). Everything else (queries, windows, RRF, "
    "MMR λ 0.7, publisher penalty 0.1) was fixed before the first run.",
    "- MMR costs a little recall (the labels reward several wraps of one publisher) and buys "
    "distinct publishers in the top 5: that is what the evidence sheet needs.",
    "- The store's dates decide visibility: a labelled article the store dates after the "
    "query's as-of cannot be returned by either method and is left out of both.",
    "- Session 13: a market's drivers (`evidence_terms.DRIVERS`) tie an article to its move "
    'without naming the market ("consumer confidence fell again" and retailers). On this set '
    "every figure is unchanged; on the 135 labelled moves of this set, the held-out queries "
    'and the why-evals, "no coverage" precision 0.79 → 0.87 at the same recall (0.92).',
    "- Session 27: the morning after is the next NYSE session; a wrap of the move's days that "
    "opens on another session is no driver (a later one's dropped, an earlier one's kept only "
    "for a guess's mention); a story stored twice is read once. recall@3 0.795 → 0.800, "
    "recall@8 0.864 → 0.848, MRR 0.813 → 0.815, 'no coverage' unchanged; labelled articles "
    "among the drivers 0.793 → 0.758: the labels count other sessions' wraps and both copies "
    "of a republished wrap as relevant. The median time was measured while an eval ran.",
]


def stored_meta(store: NewsStore, key: str) -> dict[str, str]:
    """A metadata field the store holds for each URL (first chunks only)."""
    found = store.collection.get(where={"chunk_index": 0}, include=["metadatas"])
    return {str(m["url"]): str(m[key]) for m in found["metadatas"] or []}


def published_by_url(store: NewsStore) -> dict[str, str]:
    """The publication day the store holds for each URL."""
    return {url: day[:10] for url, day in stored_meta(store, "published_at").items()}


def publishers_in_top(ranked: list[list[str]], publisher: dict[str, str], k: int = 5) -> float:
    """Mean number of distinct publishers among the top k of each ranking."""
    counts = [len({publisher.get(u, u) for u in urls[:k]}) for urls in ranked if urls]
    return statistics.mean(counts) if counts else 0.0


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
    until = min(morning_after(item.end), item.as_of)
    query = item.query.strip().rstrip("?")
    hits = search_news(store, query, k, since=since, until=until, as_of=item.as_of)
    return [hit.url for hit in hits]


@contextlib.contextmanager
def ablated(part: str) -> Iterator[None]:
    """Evidence retrieval with one part switched off: "priors" (entity and move-day weights),
    "mmr" (plain fused order: no novelty term, no publisher penalty) or "headlines" (the move's
    days' headlines are not read)."""
    saved = {name: getattr(evidence_module, name) for name in ("ENTITY_BONUS", "OFF_DAYS_WEIGHT")}
    plain_mmr = evidence_module.mmr_order
    headlines_name = "move_headlines"  # imported by name into the evidence module
    headlines = getattr(evidence_module, headlines_name)
    try:
        if part == "headlines":
            setattr(evidence_module, headlines_name, lambda *args, **kwargs: [])

        if part == "priors":
            evidence_module.ENTITY_BONUS, evidence_module.OFF_DAYS_WEIGHT = 0.0, 1.0
        if part == "mmr":

            def fused_order(articles: Any, relevance: Any, vectors: Any, hits: Any) -> list[str]:
                return plain_mmr(articles, relevance, vectors, hits, 1.0, 0.0)

            evidence_module.mmr_order = fused_order  # type: ignore[assignment]
        yield
    finally:
        for name, value in saved.items():
            setattr(evidence_module, name, value)
        evidence_module.mmr_order = plain_mmr
        setattr(evidence_module, headlines_name, headlines)


def ranked_urls(store: NewsStore, item: WhyQuery) -> list[str]:
    found = gather_evidence(
        store,
        item.symbols,
        item.direction,
        item.start,
        item.end,
        item.as_of,
    )
    return [d.url for d in found.ranked]


def sheet_line(details: list[tuple[WhyQuery, Any]]) -> str:
    """What the writer would get: drivers on covered, labelled queries, and drivers handed
    out for queries that have no coverage (false coverage)."""
    shares, recalls, ks, false_drivers = [], [], [], []
    for item, evidence in details:
        urls = [d.url for d in evidence.drivers]
        if not item.relevant:
            false_drivers.append(len(urls))
        elif urls:
            found = len(set(item.relevant) & set(urls))
            shares.append(found / len(urls))
            recalls.append(found / min(len(item.relevant), len(urls)))
            ks.append(len(urls))
    return (
        f"Drivers handed to the writer (covered, labelled queries): mean k "
        f"{statistics.mean(ks):.2f}; share labelled relevant {statistics.mean(shares):.3f} (a "
        "lower bound: the labels are not exhaustive); labelled relevant found among them "
        f"{statistics.mean(recalls):.3f}. Queries without coverage still given drivers: "
        f"{sum(1 for n in false_drivers if n)} of {len(false_drivers)}."
    )


def row(name: str, scores: Scores, publishers: float) -> str:
    recalls = " | ".join(f"{scores.recall[k]:.3f}" for k in KS)
    return f"| {name} | {recalls} | {scores.mrr:.3f} | {publishers:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=REPO.parent / "shared" / "data" / "news")
    parser.add_argument("--queries", type=Path, default=HERE / "data" / "why_queries.jsonl")
    parser.add_argument("--budget", type=int, default=800, help="prompt tokens for drivers")
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="score data/why_queries_coverage.jsonl (session 15's coverage development set) "
        "and write results/why_retrieval_coverage.md",
    )
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="score data/why_queries_holdout.jsonl (written after the parameters were frozen) "
        "and write results/why_retrieval_holdout.md",
    )
    args = parser.parse_args()
    if args.heldout:
        args.queries = HERE / "data" / "why_queries_holdout.jsonl"
    if args.coverage:
        args.queries = HERE / "data" / "why_queries_coverage.jsonl"
    if not args.news.is_dir():
        sys.exit(f"no news folder at {args.news}")
    started = time.perf_counter()
    store, built = shared_store(args.news.resolve())
    build_s = time.perf_counter() - started
    store.embedder.preload()
    published = published_by_url(store)
    queries, dropped = visible(load_why_queries(args.queries), published)

    # The same moves asked on the store's last day, as a user asking today would: the window
    # must not grow with the as-of date (it did, and later pieces crowded out the move's own).
    late_day = date.fromisoformat(max(published.values()))
    shipped, wide, windowed, after, seconds, said_none, details = [], [], [], [], [], [], []
    late_after: list[list[str]] = []
    late_none: list[bool] = []
    for item in queries:
        shipped.append(before(store, item, NEWS_K))
        wide.append(before(store, item, max(KS)))
        windowed.append(raw_in_window(store, item, max(KS)))
        t = time.perf_counter()
        evidence = gather_evidence(
            store, item.symbols, item.direction, item.start, item.end, item.as_of,
            budget_tokens=args.budget,
        )  # fmt: skip
        seconds.append(time.perf_counter() - t)
        after.append([d.url for d in evidence.ranked])
        said_none.append(evidence.no_coverage)
        details.append((item, evidence))
        late = gather_evidence(
            store, item.symbols, item.direction, item.start, item.end, max(late_day, item.as_of),
            budget_tokens=args.budget,
        )  # fmt: skip
        late_after.append([d.url for d in late.ranked])
        late_none.append(late.no_coverage)

    ablations: dict[str, tuple[Scores, float]] = {}
    publisher = stored_meta(store, "publisher")
    for part in ("priors", "mmr", "headlines"):
        with ablated(part):
            runs = [ranked_urls(store, q) for q in queries]
            ablations[part] = (score(queries, runs, KS), publishers_in_top(runs, publisher))
    old, old_wide = score(queries, shipped, KS), score(queries, wide, KS)
    new, raw_window = score(queries, after, KS), score(queries, windowed, KS)
    precision, recall, tp, predicted = coverage_scores(queries, said_none)
    late_scores = score(queries, late_after, KS)
    late_precision, late_recall, late_tp, late_predicted = coverage_scores(queries, late_none)
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
        "| method | recall@3 | recall@5 | recall@8 | MRR | publishers in top 5 |",
        "|---|---|---|---|---|---|",
        row(
            f"before: question text, k={NEWS_K}, as_of − {NEWS_DAYS} d (as shipped)",
            old,
            publishers_in_top(shipped, publisher),
        ),
        row(
            f"before, same query and window at k={max(KS)}",
            old_wide,
            publishers_in_top(wide, publisher),
        ),
        row(
            f"ablation: question text in the move window (start − {LEAD_DAYS} d … the "
            f"morning after), k={max(KS)}",
            raw_window,
            publishers_in_top(windowed, publisher),
        ),
        row(
            "ablation: evidence retrieval without the entity/move-day priors", *ablations["priors"]
        ),
        row("ablation: evidence retrieval without MMR (fused order)", *ablations["mmr"]),
        row(
            "ablation: evidence retrieval without the move's days' headlines",
            *ablations["headlines"],
        ),
        row(
            "**after: evidence retrieval** (entity × direction × why queries, RRF, window, "
            "priors, MMR, the move's days' headlines first)",
            new,
            publishers_in_top(after, publisher),
        ),
        row(
            f"after, every move asked on the store's last day ({late_day})",
            late_scores,
            publishers_in_top(late_after, publisher),
        ),
        "",
        f"Queries with nothing relevant in the top {max(KS)}: before {old_wide.misses or 'none'}; "
        f"after {new.misses or 'none'}.",
        "",
        "## No coverage",
        f'"No coverage" said for {predicted} queries, {tp} of them truly without coverage: '
        f"**precision {precision:.3f}, recall {recall:.3f}** "
        f"({len(queries) - len(labelled)} queries have no relevant article). Every move asked "
        f"on the store's last day ({late_day}): said for {late_predicted}, {late_tp} truly "
        f"without: precision {late_precision:.3f}, recall {late_recall:.3f}.",
        "",
        sheet_line(details),
        "",
        f"Evidence retrieval: median {statistics.median(seconds) * 1000:.0f} ms per move "
        f"(p max {max(seconds) * 1000:.0f} ms, {len(details[0][1].queries)} queries each); "
        f"budget {args.budget} tokens → k = {sorted(set(k_used))} drivers, excerpts of "
        f"{sorted({e.excerpt_chars for _, e in details if e.drivers})} chars at most.",
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
    out += [
        "",
        *(HELDOUT_NOTES if args.heldout else COVERAGE_NOTES if args.coverage else NOTES),
        "",
        f"Load average at end: {load_average()}.",
        f"Store kept at {STORE_DIR.relative_to(REPO)}.",
    ]
    report = "\n".join(out) + "\n"
    print(report)
    if args.write:
        name = ("why_retrieval_holdout.md" if args.heldout else
                "why_retrieval_coverage.md" if args.coverage else "why_retrieval.md")  # fmt: skip
        (HERE / "results" / name).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
