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
import re
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
    """The claim whose clause holds `quote` (of two figures in one clause: the one quoted)."""
    hits = [c for c in report.checked if quote in c.claim.clause]
    quoted = [c for c in hits if _number(c.claim.figure.text) in quote]
    chosen = quoted or hits
    return chosen[0] if chosen else None


def _number(text: str) -> str:
    found = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
    return found[-1] if found else text


def right_value_given(item: Checked, label: dict[str, object]) -> bool:
    """The ✗ states the labelled right value (to the label's two decimals)."""
    right = label["right"]
    if item.right_value is None or not isinstance(right, int | float):
        return False
    return abs(item.right_value - float(right)) <= 0.0051


class Tally:
    """Counts for one split of the labels (development or held-out)."""

    def __init__(self) -> None:
        self.found = self.wrong_caught = self.wrong_total = self.right_total = 0
        self.right_crossed = self.unsure_total = self.unsure_marked = 0

    def add(self, label: dict[str, object], item: Checked | None) -> bool:
        truth = label["truth"]
        self.found += item is not None
        if truth == "wrong":
            self.wrong_total += 1
            ok = item is not None and item.mark == "✗" and right_value_given(item, label)
            self.wrong_caught += ok
        elif truth == "right":
            self.right_total += 1
            ok = item is not None and item.mark == "✓"
            self.right_crossed += item is not None and item.mark == "✗"
        else:
            self.unsure_total += 1
            ok = item is not None and item.mark == "?"
            self.unsure_marked += ok
        return ok

    def figures(self, labelled: int) -> dict[str, object]:
        return {
            "claims labelled": labelled,
            "labelled claims extracted": self.found,
            "wrong claims": self.wrong_total,
            "wrong marked ✗ with the right value": self.wrong_caught,
            "wrong caught (rate)": f"{self.wrong_caught / max(self.wrong_total, 1):.0%}",
            "right claims": self.right_total,
            "right marked ✗": self.right_crossed,
            "right marked ✗ (rate)": f"{self.right_crossed / max(self.right_total, 1):.0%}",
            "uncheckable claims": self.unsure_total,
            "uncheckable marked ?": self.unsure_marked,
        }


def run(db: Path) -> tuple[list[str], dict[str, dict[str, object]], float, int]:
    labels = json.loads((DATA / "labels.json").read_text())
    lines: list[str] = []
    seconds: list[float] = []
    tallies = {"development": Tally(), "held-out": Tally(), "all": Tally()}
    unlabeled = 0
    with MarketStore.open(db, read_only=True) as store:
        catalog = Catalog.from_store(store)
        for article in sorted({str(label["article"]) for label in labels}):
            deps = ToolDeps(settings=Settings(_env_file=None), ledger=SourceLedger(), market=store)
            started = time.perf_counter()
            report = check_article(read_input(str(DATA / article), 5.0), deps, catalog)
            seconds.append(time.perf_counter() - started)
            mine = [label for label in labels if label["article"] == article]
            split = "held-out" if mine[0].get("heldout") else "development"
            matched = set()
            lines.append(f"### {article} ({split}): {report.verdict()}")
            for label in mine:
                item = find(report, str(label["quote"]))
                if item is not None:
                    matched.add(item.claim.number)
                ok = tallies[split].add(label, item)
                tallies["all"].add(label, item)
                mark = item.mark if item else "(not extracted)"
                flag = "" if ok else "  ← MISSED"
                why = f" — {item.reason}" if item and item.reason else ""
                right = item.right if item else ""
                lines.append(f"- {label['truth']}: “{label['quote']}” → {mark} {right}{why}{flag}")
            unlabeled += sum(1 for c in report.checked if c.claim.number not in matched)
    counts = {
        "development": sum(1 for lb in labels if not lb.get("heldout")),
        "held-out": sum(1 for lb in labels if lb.get("heldout")),
        "all": len(labels),
    }
    figures = {name: tally.figures(counts[name]) for name, tally in tallies.items()}
    return lines, figures, statistics.median(seconds), unlabeled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--market-db", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    db = args.market_db or build_store(SHARED)
    lines, figures, median_s, unlabeled = run(db)
    table = ["| | " + " | ".join(figures) + " |", "|---" * (len(figures) + 1) + "|"]
    for name in figures["all"]:
        table.append(f"| {name} | " + " | ".join(str(f[name]) for f in figures.values()) + " |")
    overall = figures["all"]
    summary = [
        "# Fact-check benchmark (planted-error set)",
        "",
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; shared 2-core dev box (timings are noisy).",
        "Command: `.venv/bin/python benchmarks/factcheck_bench.py --out "
        "benchmarks/results/factcheck.md`",
        "",
        "Development articles (01–06) were written while the checker was built and tuned on them;",
        "held-out articles (07–09) were written and labelled after, and first run unchanged.",
        "Their first run (code of commit b41c71e, recorded by hand): wrong claims 8/8 ✗ with",
        "the right value; right claims marked ✗ 1/28 ('Treasuries were flat, with TLT down 0.1%'",
        "was checked as IEF); one figure not extracted ('closed the week at 6,932.30'). Two family",
        "fixes followed (a ticker named in a clause wins over a name beside it; 'closed the",
        "week/month at' is a level); the table below is after them.",
        "",
        *table,
        "",
        f"Figures extracted that no label names: {unlabeled}. "
        f"Median seconds per article: {median_s:.2f}.",
        "",
        f"**All claims: wrong marked ✗ with the right value {overall['wrong caught (rate)']} "
        f"(target ≥ 95 %); right marked ✗ {overall['right marked ✗ (rate)']} (target ≤ 5 %).**",
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
