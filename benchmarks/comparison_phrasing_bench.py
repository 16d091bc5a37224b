"""Markets compared by how they did: whether each question is read as comparing their moves,
on everyday phrasings with no period and no measure word.

"which one did better, iwm or spy?", "who won, tech or energy?", "was XLE better than XLK?" ask
for the named markets' moves side by side (ranked, or one against the other); "which is better
for retirement, spy or qqq" and "is gold a better hedge than bonds" ask a judgement the prices
cannot make, and "did xle do better this week" names one market. A comparing row is read right
when the question's markets are the row's, the measure is the move and they are ranked or set
one against the other; a control when no such comparison is read.

Run: `.venv/bin/python benchmarks/comparison_phrasing_bench.py [--misses] [--write]` over the
market store of the settings. `--misses` lists the development list's misses; the test list's
questions are never printed. `--write` saves the report to
benchmarks/results/comparison_phrasings.md.

The lists (benchmarks/eval/comparison_phrasings/) were written by a helper that never saw the
code, after the reading was built; `test` was frozen (sha256 in its README) before it was
measured and is reported in aggregate only.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from news_bench_lib import list_rows, machine, publish

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.understand import Catalog, understand
from copilot.understand.model import Understanding

HERE = Path(__file__).resolve().parent
LISTS = HERE / "eval" / "comparison_phrasings"
AS_OF = date(2026, 1, 30)
FROZEN = "test"


def compared(read: Understanding) -> list[str] | None:
    """The markets read as compared by their moves (ranked, or one against another), or None
    (also for a question the understanding refuses: "will energy beat tech next year" is
    answered with its problem, never a comparison)."""
    intent = read.intent
    if intent is None or intent.measure != "return" or read.problems:
        return None
    if intent.rank == "none" and intent.versus is None:
        return None
    return [i.symbol for i in read.instruments]


def score(path: Path, catalog: Catalog, show: bool) -> tuple[dict[str, list[int]], list[str]]:
    """Per kind of row (comparing, control), [read right, rows]; the misses."""
    tally: dict[str, list[int]] = {}
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        got = compared(understand(row["question"], AS_OF, catalog))
        if row["compares"]:
            right = got is not None and sorted(got) == sorted(row["symbols"])
        else:
            right = got is None
        counts = tally.setdefault("compares" if row["compares"] else "control", [0, 0])
        counts[0] += right
        counts[1] += 1
        if show and not right:
            wanted = row["symbols"] if row["compares"] else "no comparison"
            misses.append(f"{row['question']}: wanted {wanted}, read {got}")
    return tally, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the development misses")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    with MarketStore.open(settings.market_db_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
        lines = [
            "# Markets compared by how they did",
            "Command: `.venv/bin/python benchmarks/comparison_phrasing_bench.py --write` · "
            f"as of {AS_OF}",
            f"Machine: {machine()}.",
            "",
            "Read right: a comparing question's markets compared by their moves (ranked or one",
            "against the other); a control (advice, a judgement, one market) read as no such",
            "comparison.",
            "",
            "| list | role | comparing | controls |",
            "|---|---|---|---|",
        ]
        rows, shown = list_rows(
            LISTS,
            FROZEN,
            ("compares", "control"),
            args.misses,
            lambda path, show: score(path, catalog, show),
        )
        lines += rows
    report = "\n".join(lines) + "\n"
    publish(report, shown, HERE / "results" / "comparison_phrasings.md", args.write)


if __name__ == "__main__":
    main()
