"""A market's way said with no figure ("Gold fell in January [1]"): how many of a labelled list's
ways the claim checker judges as the raw closes do, the returns cited computed by the real
measure tool.

Each row's source [1] is the named markets' returns over the row's window. A claim counts as
judged right when the checker checks that market's way and calls it supported exactly when the
label says it is true; a control (a modal, a negation, another month, a day, a place, a figure,
two ways of one market) when no way of it is checked at all. Each list is checked as written
and with its [1] taken out, as a model that cites nothing writes it.

Run: `.venv/bin/python benchmarks/way_claims_bench.py [--misses] [--write]` over the market store
of the settings. `--misses` lists the development list's misses; the test list's sentences are
never printed. `--write` saves the report to benchmarks/results/way_claims.md.

The lists (benchmarks/data/way_claims/) were written and labelled from the raw closes by a helper
who did not see the code, after the check was built; `test` was frozen (sha256 in its README)
before it was measured and is reported in aggregate only.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from news_bench_lib import machine, publish

from copilot.answer import ReasonCheck
from copilot.claims.verify import verify_answer
from copilot.runtime import open_deps
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools.registry import run_tool

HERE = Path(__file__).resolve().parent
LISTS = HERE / "data" / "way_claims"
RESULTS = HERE / "results" / "way_claims.md"
LIST_NAMES = ("dev", "test")  # dev: read and tuned on; test: frozen, aggregate only


def returns(deps: Any, symbols: list[str], start: str, end: str) -> SourceLedger:
    """A ledger whose [1] is the markets' returns over [start, end]."""
    deps.ledger = SourceLedger()
    args = {"symbols": symbols, "measure": "return", "start": start, "end": end}
    output = run_tool(deps, "measure", args)
    if output.error:
        raise SystemExit(f"the measure tool failed for {args}: {output.error}")
    return deps.ledger


def way_checks(sentence: str, ledger: SourceLedger, as_of: date) -> list[ReasonCheck]:
    _, verification = verify_answer(sentence, ledger, as_of, check_support=False)
    return [r for r in verification.reasons
            if r.kind == "verdict" and r.evidence.endswith(("it rose", "it fell"))]  # fmt: skip


def judged(row: dict[str, Any], checks: list[ReasonCheck]) -> tuple[int, int]:
    """(claims or control judged right, claims or control in all) for one row."""
    if not row["claims"]:
        return int(not checks), 1
    right = 0
    for claim in row["claims"]:
        mine = [c for c in checks if f" {claim['symbol']} " in f" {c.evidence} "]
        want = "supported" if claim["true"] else "unsupported"
        right += bool(mine) and all(c.status == want for c in mine)
    return right, len(row["claims"])


def score(path: Path, deps: Any, uncited: bool) -> tuple[dict[str, list[int]], list[str]]:
    """[right, total] for claims true, claims false and controls; the rows missed."""
    tally = {"true": [0, 0], "false": [0, 0], "control": [0, 0]}
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        ledger = returns(deps, row["symbols"], row["start"], row["end"])
        sentence = row["sentence"].replace(" [1]", "") if uncited else row["sentence"]
        checks = way_checks(sentence, ledger, date.fromisoformat(row["end"]))
        if not row["claims"]:
            right, total = judged(row, checks)
            tally["control"][0] += right
            tally["control"][1] += total
        for claim in row["claims"]:
            one = {**row, "claims": [claim]}
            right, total = judged(one, checks)
            kind = "true" if claim["true"] else "false"
            tally[kind][0] += right
            tally[kind][1] += total
        if judged(row, checks)[0] < judged(row, checks)[1]:
            seen = "; ".join(f"{c.text!r} {c.status} ({c.evidence})" for c in checks) or "none"
            misses.append(f"{sentence!r}: {seen}")
    return tally, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev list's misses")
    parser.add_argument("--write", action="store_true", help=f"save the report to {RESULTS}")
    args = parser.parse_args()
    rows: list[str] = []
    shown: list[str] = []
    with open_deps(Settings()) as deps:
        for name in LIST_NAMES:
            for uncited in (False, True):
                tally, misses = score(LISTS / f"{name}.jsonl", deps, uncited)
                cells = [f"{r}/{t}" for r, t in tally.values()]
                form = "no [1]" if uncited else "[1]"
                rows.append(f"| {name} | {form} | {' | '.join(cells)} |")
                if args.misses and name == "dev":
                    shown += [f"miss ({form}): {m}" for m in misses]
    report = "\n".join([
        "# A market's way said with no figure",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/way_claims_bench.py`.",
        "Judged right: a true way called supported, a false one unsupported (it is cut from the",
        "answer); a control (no plain past way over the window) with no way checked at all.",
        "",
        "| list | cited | true ways upheld | false ways caught | controls left alone |",
        "|---|---|---|---|---|",
        *rows,
    ])  # fmt: skip
    publish(report, shown, RESULTS, args.write)


if __name__ == "__main__":
    main()
