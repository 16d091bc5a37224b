"""First- and last-place claims: how many of a labelled list's sentences the claim checker judges
as the raw closes do ("Utilities were the biggest loser last week [1]", "energy got hit hardest",
"tech led the sectors"), the ranking they cite computed by the real measure tool.

Each sentence cites [1]: the 11 sector funds' returns over its window, ranked by the measure tool
(`rank` "desc", highest first) — and again ranked lowest first ("asc"), the order the app uses for
"which fell most" questions. A claim counts as judged right, in both orders, when the checker
finds a place or superlative claim in it and calls it supported if and only if the label says it
is true. A control sentence ("among the laggards", "the second-worst", "the largest companies")
counts when nothing in it is judged unsupported.

Run: `.venv/bin/python benchmarks/rank_claims_bench.py [--misses] [--write]` over the market
store of the settings (`make demo` or the ingest commands first). `--misses` lists the
development lists' misses; the test lists' sentences are never printed. `--write` saves the
report to benchmarks/results/rank_claims.md.

The lists (benchmarks/data/rank_claims/) were written and labelled from the raw closes by a
helper who did not see the code: `dev` is read and tuned on; `test` was frozen (sha256 in its
README) before the first change was measured on it and is reported in aggregate only.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from news_bench_lib import machine, publish

from copilot.claims.verify import verify_answer
from copilot.market.symbols import sector_symbols
from copilot.runtime import open_deps
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools.registry import run_tool

HERE = Path(__file__).resolve().parent
LISTS = HERE / "data" / "rank_claims"
RESULTS = HERE / "results" / "rank_claims.md"
ORDERS = ("desc", "asc")
# dev, dev2: read and tuned on; test, test2: frozen, reported in aggregate only
LIST_NAMES = ("dev", "test", "dev2", "test2")


def ranking(deps: Any, start: str, end: str, order: str) -> SourceLedger:
    """A ledger whose [1] is the sectors' returns over [start, end], ranked in `order`."""
    deps.ledger = SourceLedger()
    output = run_tool(deps, "measure", {"symbols": sector_symbols(), "measure": "return",
                                        "start": start, "end": end, "rank": order})  # fmt: skip
    if output.error:
        raise SystemExit(f"the measure tool failed for {start}..{end}: {output.error}")
    return deps.ledger


def judged_right(
    item: dict[str, Any], ledger: SourceLedger, as_of: date, uncited: bool = False
) -> tuple[bool, str]:
    """(whether the checker judged the sentence as its label says, what it judged); `uncited`
    checks it with its [1] taken out, as a model that cites nothing writes it."""
    sentence = item["sentence"].replace(" [1]", "") if uncited else item["sentence"]
    _, verification = verify_answer(sentence, ledger, as_of, check_support=False)
    claims = [r for r in verification.reasons if r.kind in ("verdict", "superlative")]
    seen = "; ".join(f"{r.kind} {r.text!r} {r.status}" for r in claims) or "no claim found"
    if item["claim"] == "none":
        return all(r.status == "supported" for r in claims), seen
    want = "supported" if item["true"] else "unsupported"
    return bool(claims) and all(r.status == want for r in claims), seen


def score(path: Path, deps: Any, uncited: bool = False) -> tuple[dict[str, int], list[str]]:
    """Counts (right / total; false claims let through; true claims cut) and the misses."""
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    counts = {"right": 0, "total": 0, "false_passed": 0, "false": 0, "true_cut": 0, "true": 0,
              "control_flagged": 0, "control": 0}  # fmt: skip
    misses: list[str] = []
    for order in ORDERS:
        for window in sorted({(i["start"], i["end"]) for i in items}):
            ledger = ranking(deps, *window, order)
            as_of = date.fromisoformat(window[1])
            for item in (i for i in items if (i["start"], i["end"]) == window):
                right, seen = judged_right(item, ledger, as_of, uncited)
                counts["total"] += 1
                counts["right"] += right
                if item["claim"] == "none":
                    counts["control"] += 1
                    counts["control_flagged"] += not right
                else:
                    kind = "true" if item["true"] else "false"
                    counts[kind] += 1
                    if not right:
                        counts["true_cut" if item["true"] else "false_passed"] += 1
                if not right:
                    misses.append(f"[{order}] {item['sentence']!r} ({item['claim']}, "
                                  f"{item['true']}): {seen}")  # fmt: skip
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev list's misses")
    parser.add_argument("--write", action="store_true", help=f"save the report to {RESULTS}")
    parser.add_argument("--lists", nargs="+", default=LIST_NAMES, choices=LIST_NAMES)
    args = parser.parse_args()
    rows: list[str] = []
    shown: list[str] = []
    with open_deps(Settings()) as deps:
        for name in args.lists:
            for uncited in (False, True):
                c, misses = score(LISTS / f"{name}.jsonl", deps, uncited)
                share = f"{c['right']}/{c['total']} ({c['right'] / c['total']:.3f})"
                caught = (f"{c['false_passed']}/{c['false']} | {c['true_cut']}/{c['true']} | "
                          f"{c['control_flagged']}/{c['control']}")  # fmt: skip
                form = "no [1]" if uncited else "[1]"
                rows.append(f"| {name} | {form} | {share} | {caught} |")
                if args.misses and not name.startswith("test"):
                    shown += [f"miss ({name}, {form}): {m}" for m in misses]
    report = "\n".join([
        "# First- and last-place claims against a ranking",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/rank_claims_bench.py`.",
        "Each sentence is checked twice, under the ranking printed highest first and lowest",
        "first. Judged right: a claim found and called supported exactly when it is true; a",
        "control with nothing called unsupported. False passed: a false claim not caught;",
        "true not upheld: a true claim not found or called unsupported; controls flagged: a",
        "sentence claiming no place with something in it called unsupported. Each list is checked",
        "as written ([1] ending every sentence) and with the [1] taken out, as a model that",
        "cites nothing writes it: the checker must find the ranking the claim is about.",
        "",
        "| list | cited | judged right | false passed | true not upheld | controls flagged |",
        "|---|---|---|---|---|---|",
        *rows,
    ])  # fmt: skip
    publish(report, shown, RESULTS, args.write)


if __name__ == "__main__":
    main()
