"""Measures of a family of phrasings: how many questions the understanding reads as the measure,
aggregate and ranking order a careful reader pins, over the instruments the question names.
Two sets, each a pair of lists in benchmarks/eval/<set>/: `measure_words`, three families:

* inflation asked of a price index ("what is inflation running at": its year-over-year change,
  "monthly inflation": month over month; the index only when asked for as one);
* the depth of a fall ("how deep was the pullback in W": W's maximum drawdown; "how much did X
  fall in W" stays the net move);
* rankings by distance from a peak or trough and by drawdown, read by depth ("furthest below its
  high" first: the lowest) or nearness ("closest to its high" first: the highest);
and `everyday_measures` (session 61): figures asked in everyday words ("how far off its high is
gold", "how many green days did spy have", "is xle on a losing streak", "how choppy has the vix
been", "typical daily swing in oil"), one family.

Run: `.venv/bin/python benchmarks/measure_lists_bench.py [--set everyday_measures] [--misses]
[--write]` over the market
store of the settings (`make demo` or the ingest commands first). `--misses` lists the
development list's misses; the test list's questions are never printed. `--write` saves the
report to benchmarks/results/<set>.md.

The list was written by a helper from docs/windows-and-measures.md's rules and the raw data,
without seeing the code: `dev` is read and tuned on; `test` was frozen (sha256 in its README)
before the first change was measured on it and is reported in aggregate only.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from news_bench_lib import machine, write_keeping_notes

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.understand import Catalog, understand

HERE = Path(__file__).resolve().parent
SETS = ("measure_words", "everyday_measures")


def reading(item: dict[str, object], catalog: Catalog) -> tuple[object, ...] | None:
    """(symbols, measure, aggregate, rank) of the one call the understanding settled; its
    benchmark counts among the symbols ("how many days in a row has smh beaten the s&p": SMH
    against SPY)."""
    understood = understand(str(item["q"]), date.fromisoformat(str(item["as_of"])), catalog)
    if len(understood.calls) != 1:
        return None
    call = understood.calls[0]
    named = {*call.symbols, *([call.versus] if call.versus else [])}
    return sorted(named), call.measure, call.aggregate, call.rank


def score(path: Path, catalog: Catalog) -> tuple[Counter[str], Counter[str], list[str]]:
    """(right per family, total per family, one line per miss) for one list."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for line in path.open(encoding="utf-8"):
        item = json.loads(line)
        family = str(item.get("family", "all"))
        wanted = (sorted(item["symbols"]), item["measure"], item["aggregate"], item["rank"])
        read = reading(item, catalog)
        total[family] += 1
        if read == wanted:
            right[family] += 1
        else:
            misses.append(f"{item['q']!r} (as of {item['as_of']}): read {read}, wanted {wanted}")
    return right, total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="measure_words")
    parser.add_argument("--misses", action="store_true", help="list the dev list's misses")
    parser.add_argument("--write", action="store_true", help="save to benchmarks/results/")
    args = parser.parse_args()
    rows = []
    with MarketStore.open(Settings().market_db_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
        for name in ("dev", "test"):
            right, total, misses = score(HERE / "eval" / args.set / f"{name}.jsonl", catalog)
            families = ", ".join(f"{f} {right[f]}/{total[f]}" for f in sorted(total))
            n, of = sum(right.values()), sum(total.values())
            rows.append(f"| {name} | {n}/{of} ({n / of:.3f}) | {families} |")
            if args.misses and name == "dev":
                print("\n".join(f"miss: {m}" for m in misses))
    report = "\n".join([
        "# Measures named by their own words",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/measure_lists_bench.py "
        f"--set {args.set}`.",
        "A question counts when the understanding settles one call whose instruments, measure,",
        "aggregate and ranking order are the labelled ones.",
        "",
        "| list | read right | per family |",
        "|---|---|---|",
        *rows,
    ])  # fmt: skip
    print(report)
    if args.write:
        write_keeping_notes(HERE / "results" / f"{args.set}.md", report)


if __name__ == "__main__":
    main()
