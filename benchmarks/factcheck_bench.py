"""Fact-check on the planted-error set: the issue's targets, measured.

    .venv/bin/python benchmarks/factcheck_bench.py [--market-db PATH] [--out FILE]

The articles (benchmarks/data/factcheck/*.md) were written for this benchmark, with errors
planted on purpose; labels.json says for each claim whether it is right, wrong or cannot be
checked, and the right value, computed from the raw CSVs with handcalc.py (plain Python, none of
the project's code). Without --market-db, a store is built from ../shared/data/market.

Targets (issue #15): >= 95 % of wrong claims marked ✗ with the right value; <= 5 % of right
claims marked ✗.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from copilot.factcheck.model import Checked, Report
from copilot.factcheck.run import check_article
from copilot.factcheck.source import read_input
from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps
from copilot.understand import Catalog

DATA = Path(__file__).resolve().parent / "data" / "factcheck"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "market"


def build_store(folder: Path) -> Path:
    from ingest.market.folder import import_folder

    path = Path(tempfile.mkdtemp()) / "market.duckdb"
    with MarketStore.open(path) as store:
        import_folder(store, folder)
    return path


def find(report: Report, quote: str) -> Checked | None:
    hits = [c for c in report.checked if quote in c.claim.clause]
    return hits[0] if hits else None


def right_value_given(item: Checked, label: dict[str, object]) -> bool:
    """The ✗ states the labelled right value (to the label's two decimals)."""
    right = label["right"]
    if item.right_value is None or not isinstance(right, int | float):
        return False
    return abs(item.right_value - float(right)) <= 0.0051


def run(db: Path) -> tuple[list[str], dict[str, float]]:
    labels = json.loads((DATA / "labels.json").read_text())
    lines, seconds = [], []
    found = wrong_caught = wrong_total = right_total = right_crossed = 0
    unsure_total = unsure_marked = unlabeled = 0
    with MarketStore.open(db, read_only=True) as store:
        catalog = Catalog.from_store(store)
        for article in sorted({str(label["article"]) for label in labels}):
            deps = ToolDeps(settings=Settings(_env_file=None), ledger=SourceLedger(), market=store)
            started = time.perf_counter()
            report = check_article(read_input(str(DATA / article), 5.0), deps, catalog)
            seconds.append(time.perf_counter() - started)
            mine = [label for label in labels if label["article"] == article]
            matched = set()
            lines.append(f"### {article}: {report.verdict()}")
            for label in mine:
                item = find(report, str(label["quote"]))
                truth = label["truth"]
                mark = item.mark if item else "(not extracted)"
                if item is not None:
                    found += 1
                    matched.add(item.claim.number)
                if truth == "wrong":
                    wrong_total += 1
                    ok = item is not None and item.mark == "✗" and right_value_given(item, label)
                    wrong_caught += ok
                elif truth == "right":
                    right_total += 1
                    ok = item is not None and item.mark == "✓"
                    right_crossed += item is not None and item.mark == "✗"
                else:
                    unsure_total += 1
                    ok = item is not None and item.mark == "?"
                    unsure_marked += ok
                flag = "" if ok else "  ← MISSED"
                why = f" — {item.reason}" if item and item.reason else ""
                right = item.right if item else ""
                lines.append(f"- {truth}: “{label['quote']}” → {mark} {right}{why}{flag}")
            unlabeled += sum(1 for c in report.checked if c.claim.number not in matched)
    figures = {
        "claims labelled": len(labels),
        "claims extracted (labelled ones found)": found,
        "extra claims (not labelled)": unlabeled,
        "wrong claims": wrong_total,
        "wrong marked ✗ with the right value": wrong_caught,
        "right claims": right_total,
        "right marked ✗": right_crossed,
        "uncheckable claims": unsure_total,
        "uncheckable marked ?": unsure_marked,
        "median seconds per article": round(statistics.median(seconds), 2),
    }
    return lines, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--market-db", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    db = args.market_db or build_store(SHARED)
    lines, f = run(db)
    wrong_rate = f["wrong marked ✗ with the right value"] / f["wrong claims"]
    right_rate = f["right marked ✗"] / f["right claims"]
    summary = [
        "# Fact-check benchmark (planted-error set)",
        "",
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; shared 2-core dev box (timings are noisy).",
        "Command: `.venv/bin/python benchmarks/factcheck_bench.py --out "
        "benchmarks/results/factcheck.md`",
        "",
        *(f"- {name}: {value}" for name, value in f.items()),
        "",
        f"**Wrong claims marked ✗ with the right value: {wrong_rate:.0%} (target ≥ 95 %). "
        f"Right claims marked ✗: {right_rate:.0%} (target ≤ 5 %).**",
        "",
        "## Claims",
        "",
        *lines,
    ]
    text = "\n".join(summary) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
