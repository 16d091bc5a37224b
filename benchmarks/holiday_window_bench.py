"""Windows named by a market holiday: how many questions that tie a move to a holiday ("when
markets reopened after MLK day", "the session before Good Friday", "the first day back after the
long weekend") the understanding reads as the sessions a careful reader pins, naming no ticker
that is not there ("MLK").

Run: `.venv/bin/python benchmarks/holiday_window_bench.py [--misses] [--write]` over the market
store of the settings (`make demo` or the ingest commands first). `--misses` lists the
development list's misses; the test list's questions are never printed. `--write` saves the
report to benchmarks/results/holiday_windows.md.

The lists (benchmarks/eval/holiday_windows/) were written by a helper from the NYSE calendar,
without seeing the code: `dev` is read and tuned on; `test` was frozen (sha256 in its README)
before the first change was measured on it and is reported in aggregate only.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path

from news_bench_lib import machine, write_keeping_notes

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.understand import Catalog, understand
from copilot.understand.model import Understanding
from copilot.understand.sessions import session_after, session_on_or_before

HERE = Path(__file__).resolve().parent
LISTS = HERE / "eval" / "holiday_windows"
RESULTS = HERE / "results" / "holiday_windows.md"


def sessions_read(understood: Understanding, as_of: date) -> tuple[date, date] | None:
    """The first and last session of the window the understanding settled (an open end is the
    as-of date's session)."""
    window = understood.window
    if window is None or window.start is None:
        return None
    start = session_after(window.start - timedelta(days=1))
    end = session_on_or_before(window.end or as_of)
    return start, end


def score(path: Path, catalog: Catalog) -> tuple[int, int, list[str]]:
    """(right, total, one line per miss) for one list."""
    right = total = 0
    misses: list[str] = []
    for line in path.open(encoding="utf-8"):
        item = json.loads(line)
        as_of = date.fromisoformat(item["as_of"])
        wanted = date.fromisoformat(item["start"]), date.fromisoformat(item["end"])
        understood = understand(item["q"], as_of, catalog)
        read = sessions_read(understood, as_of)
        unknown = [u.phrase for u in understood.unknown]
        total += 1
        if read == wanted and not unknown:
            right += 1
            continue
        shown = f"{read[0]}..{read[1]}" if read else "no window"
        extra = f"; names no market it is given: {unknown}" if unknown else ""
        misses.append(f"{item['q']!r} (as of {as_of}): read {shown}, wanted "
                      f"{wanted[0]}..{wanted[1]}{extra}")  # fmt: skip
    return right, total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev list's misses")
    parser.add_argument("--write", action="store_true", help=f"save the report to {RESULTS}")
    args = parser.parse_args()
    rows = []
    with MarketStore.open(Settings().market_db_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
        for name in ("dev", "test"):
            right, total, misses = score(LISTS / f"{name}.jsonl", catalog)
            rows.append(f"| {name} | {right}/{total} ({right / total:.3f}) |")
            if args.misses and name == "dev":
                print("\n".join(f"miss: {m}" for m in misses))
    report = "\n".join([
        "# Windows named by a market holiday",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/holiday_window_bench.py`.",
        "A question counts when the understanding's window is the labelled sessions and it names",
        "no market the question does not (\"MLK\" read as a ticker).",
        "",
        "| list | read right |",
        "|---|---|",
        *rows,
    ])  # fmt: skip
    print(report)
    if args.write:
        write_keeping_notes(RESULTS, report)


if __name__ == "__main__":
    main()
