"""Windows of a family of phrasings: how many questions the understanding reads as the sessions
a careful reader pins, naming no market the question does not name. Three families, each a list
in benchmarks/eval/<set>/:

* `holiday_windows`: a move tied to a market holiday ("when markets reopened after MLK day",
  "the session before Good Friday", "the first day back after the long weekend"; "MLK" is no
  ticker);
* `period_parts`: a part of a period named relatively ("the first week of the year", "the last
  two weeks of 2025", "the month's final week", "the first three sessions of this month");
* `everyday_windows` (session 61): the everyday words for a window ("so far this month", "the
  trailing 5 days", "the week before last", "since labor day", "the back half of december").

Run: `.venv/bin/python benchmarks/window_lists_bench.py --set holiday_windows [--misses]
[--write]` (or `--set period_parts`) over the market store of the settings (`make demo` or the
ingest commands first). `--misses` lists the development list's misses; the test list's
questions are never printed. `--write` saves the report to benchmarks/results/<set>.md.

Each set was written by a helper without seeing the code (the holidays from the NYSE calendar,
the parts from docs/windows-and-measures.md's rules): `dev` is read and tuned on; `test` was
frozen (sha256 in its README) before the first change was measured on it and is reported in
aggregate only.
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
from copilot.understand.sessions import session_after, session_on_or_before, sessions_counted

HERE = Path(__file__).resolve().parent
SETS = {
    "holiday_windows": "Windows named by a market holiday",
    "period_parts": "Windows that name a part of a period",
    "everyday_windows": "Windows in everyday words",
}


def sessions_read(understood: Understanding, as_of: date) -> tuple[date, date] | None:
    """The first and last session of the window the understanding settled (an open end is the
    as-of date's session; a count of sessions ends there)."""
    window = understood.window
    if window is None or (window.start is None and not window.sessions):
        return None
    end = session_on_or_before(window.end or as_of)
    if window.start is None:  # the last N sessions to the end ("the last 10 trading days")
        return sessions_counted(end, window.sessions or 1, forward=False)
    return session_after(window.start - timedelta(days=1)), end


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
    parser.add_argument("--set", choices=sorted(SETS), default="holiday_windows")
    parser.add_argument("--misses", action="store_true", help="list the dev list's misses")
    parser.add_argument("--write", action="store_true", help="save to benchmarks/results/<set>.md")
    args = parser.parse_args()
    lists = HERE / "eval" / args.set
    rows = []
    with MarketStore.open(Settings().market_db_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
        for name in ("dev", "test"):
            right, total, misses = score(lists / f"{name}.jsonl", catalog)
            rows.append(f"| {name} | {right}/{total} ({right / total:.3f}) |")
            if args.misses and name == "dev":
                print("\n".join(f"miss: {m}" for m in misses))
    report = "\n".join([
        f"# {SETS[args.set]}",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/window_lists_bench.py "
        f"--set {args.set}`.",
        "A question counts when the understanding's window is the labelled sessions and it names",
        "no market the question does not (\"MLK\" read as a ticker).",
        "",
        "| list | read right |",
        "|---|---|",
        *rows,
    ])  # fmt: skip
    print(report)
    if args.write:
        write_keeping_notes(HERE / "results" / f"{args.set}.md", report)


if __name__ == "__main__":
    main()
