"""The cause judge (`copilot.claims.cause_judge`) on the writer's own drafts.

Every (sentence, excerpt) pair of `benchmarks/data/reason_pairs_writer.jsonl` whose excerpt is
the one the sentence cites — what the answer's reason check decides on — is scored by the
support score, then read by the embedded model as the answer reads it (`CauseJudge`, batches of
`local_parallel`). Precision and recall of "supported" against the hand labels, for the score
alone, the judge alone, both required, a cause the article states (`copilot.claims.stated_cause`,
which the answer accepts without the score or the judge) and what ships (a stated cause, or the
score and the judge), on each half of the set (split by question before labelling). The judge's
threshold was chosen on the development half; the test half is reported as it came.

    .venv/bin/python benchmarks/cause_judge_bench.py --write   # needs ../shared/data/news
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from news_bench_lib import load_average, machine, write_keeping_notes
from reason_pairs_real import NEWS_ROOT, RealPair, load_pairs
from verify_bench import pr

from copilot.claims.cause_judge import JUDGE_THRESHOLD, CauseJudge
from copilot.claims.reasons import default_scorer
from copilot.claims.stated_cause import cause_stated
from copilot.llm.local import LocalLLM
from copilot.settings import Settings

PAIRS = Path("benchmarks/data/reason_pairs_writer.jsonl")
OUT = Path("benchmarks/results/cause_judge.md")
CURVE = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)


def _row(name: str, accepted: list[bool], labels: list[int]) -> str:
    p, r = pr([float(a) for a in accepted], labels, 1.0)
    return f"| {name} | {p:.2f} | {r:.2f} | {sum(accepted)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--news", type=Path, default=NEWS_ROOT)
    parser.add_argument("--write", action="store_true", help=f"write {OUT}")
    args = parser.parse_args()
    if not args.news.is_dir():
        sys.exit(f"no shared news folder at {args.news}: the excerpts are rebuilt from it")
    pairs: list[RealPair] = [p for p in load_pairs(args.pairs, args.news) if p.role == "cited"]
    scorer = default_scorer()
    settings = Settings()
    llm = LocalLLM.from_settings(settings)
    judge = CauseJudge(llm)
    started_load = load_average()
    seconds: list[float] = []
    judged: dict[str, float] = {}
    batch = max(1, settings.local_parallel)
    for start in range(0, len(pairs), batch):
        group = pairs[start : start + batch]
        t0 = time.perf_counter()
        found = judge.probabilities([(p.sentence, p.passage) for p in group])
        seconds.append((time.perf_counter() - t0) / len(group))
        judged.update({p.id: x for p, x in zip(group, found, strict=True)})
        print(f"{start + len(group)}/{len(pairs)}", file=sys.stderr, flush=True)
    lines = [
        "# Cause judge: the embedded model reads each accepted reason again",
        "",
        f"Command: `.venv/bin/python benchmarks/cause_judge_bench.py --write`. Machine: "
        f"{machine()}; load average {started_load} → {load_average()}. Model "
        f"`{llm.model_id}`, {batch} pairs evaluated together; "
        f"{statistics.median(seconds):.2f} s a judgement (median over batches).",
        "",
        f"Pairs: `{args.pairs}`, the sentence with the excerpt it cites ({len(pairs)}). "
        f"Support score threshold {scorer.threshold}, judge threshold {JUDGE_THRESHOLD} "
        "(p(yes) / (p(yes) + p(no)), chosen on the development half).",
    ]
    for split in ("dev", "test"):
        part = [p for p in pairs if p.split == split]
        labels = [p.label for p in part]
        scored = [scorer.score(p.sentence, p.passage) >= scorer.threshold for p in part]
        said = [judged[p.id] >= JUDGE_THRESHOLD for p in part]
        stated = [cause_stated(p.sentence, p.passage) is not None for p in part]
        lines += [
            "",
            f"## {'Development' if split == 'dev' else 'Test'} half: {len(part)} pairs, "
            f"{sum(labels)} supported by hand",
            "",
            "| accepted by | precision | recall | accepted |",
            "|---|---|---|---|",
            _row("the support score (before)", scored, labels),
            _row("the judge alone", said, labels),
            _row(
                "the score and the judge",
                [a and b for a, b in zip(scored, said, strict=True)],
                labels,
            ),
            _row("a stated cause alone", stated, labels),
            _row(
                "the score, and the judge or a stated cause (session 46)",
                [a and (b or c) for a, b, c in zip(scored, said, stated, strict=True)],
                labels,
            ),
            _row(
                "a stated cause, or the score and the judge (shipped)",
                [c or (a and b) for a, b, c in zip(scored, said, stated, strict=True)],
                labels,
            ),
        ]
        if split == "dev":
            lines += [
                "",
                "The score and the judge, by judge threshold (development half only):",
                "",
                "| judge threshold | precision | recall | accepted |",
                "|---|---|---|---|",
            ]
            for t in CURVE:
                both = [a and judged[p.id] >= t for a, p in zip(scored, part, strict=True)]
                lines.append(_row(str(t), both, labels))
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        write_keeping_notes(OUT, report)


if __name__ == "__main__":
    main()
