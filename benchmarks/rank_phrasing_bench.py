"""Ranking questions that name no set: how each is read (ranked or not, which way, over a set,
asked why), on everyday phrasings.

"What fell the most last week?", "biggest losers this month?", "which got hit hardest
yesterday?" ask to rank every stored market, as "which ETF fell the most" does; "what sank banks
this week?" asks a cause, and "what was gold's best day" ranks one market's days. Each row of a
list says what a right reading is: `rank` (asc / desc / none), `set` (ranked over a group the
question does not list) and `why`; a question counts as read right when all three are.

Run: `.venv/bin/python benchmarks/rank_phrasing_bench.py [--misses] [--write]` over the market
store of the settings. `--misses` lists the development list's misses; the test list's
questions are never printed. `--write` saves the report to benchmarks/results/rank_phrasings.md.

The lists (benchmarks/eval/rank_phrasings/): `dev` was written and tuned on in the session that
built the reading; `test` was written by a helper that never saw the code and frozen before the
first change was measured on it; it is reported in aggregate only.
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
LISTS = HERE / "eval" / "rank_phrasings"
AS_OF = date(2026, 1, 30)
FROZEN = "test"
SET_READINGS = ("set", "sector_set")


def reading(read: Understanding) -> dict[str, object]:
    """What the benchmark compares: the ranking's way, whether a set is ranked, why or not."""
    return {
        "rank": read.intent.rank if read.intent is not None else "none",
        "set": any(i.how in SET_READINGS for i in read.instruments),
        "why": read.why,
    }


def score(path: Path, catalog: Catalog, show: bool) -> tuple[dict[str, list[int]], list[str]]:
    """Per kind of row (an unnamed set, a named set, neither), [read right, rows]; the misses."""
    tally: dict[str, list[int]] = {}
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        wanted = {key: row[key] for key in ("rank", "set", "why")}
        got = reading(understand(row["q"], AS_OF, catalog))
        kind = "ranking a set" if row["set"] else "no set"
        counts = tally.setdefault(kind, [0, 0])
        counts[0] += got == wanted
        counts[1] += 1
        if show and got != wanted:
            misses.append(f"{row['q']}: wanted {wanted}, read {got}")
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
            "# Ranking questions that name no set",
            "Command: `.venv/bin/python benchmarks/rank_phrasing_bench.py --write` · "
            f"as of {AS_OF}",
            f"Machine: {machine()}.",
            "",
            "Read right: the ranking's way, the set ranked and why-or-not all as the row says.",
            "",
            "| list | role | ranking a set (named or not) | no set (one market, a cause, "
            "no ranking) |",
            "|---|---|---|---|",
        ]
        rows, shown = list_rows(
            LISTS,
            FROZEN,
            ("ranking a set", "no set"),
            args.misses,
            lambda path, show: score(path, catalog, show),
        )
        lines += rows
    report = "\n".join(lines) + "\n"
    publish(report, shown, HERE / "results" / "rank_phrasings.md", args.write)


if __name__ == "__main__":
    main()
