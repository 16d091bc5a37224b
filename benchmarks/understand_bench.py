"""Question-understanding benchmark: import, calendar warm-up, first call and per-question time.

Run: `.venv/bin/python benchmarks/understand_bench.py [--data ../shared/data/market] [--write]`
Prints a Markdown report; `--write` also saves it to benchmarks/results/understand.md.
The catalog comes from a store holding the shared data (the 31 ETFs, the series and the 503
names of the constituents list), imported into a temporary DuckDB file first.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from copilot.market.store import MarketStore
from copilot.understand import understand, warm_up
from copilot.understand.catalog import Catalog
from ingest.market.folder import import_folder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_bench_lib import load_average, machine

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 2, 18)
QUESTIONS = [
    "how is XLE doing this year?",
    "How have banks done so far this month?",
    "what did IWM do over the last two sessions combined?",
    "How did SPY do in November 2025?",
    "What was XLF's best day this year?",
    "how high did the VIX get last month?",
    "How far is SMH below its peak?",
    "Which did best since the start of the year: XLE, XLK or XLF?",
    "which sector got hit hardest on Jan 22?",
    "What was the average 10-year yield in 2025?",
    "How much did the 10-year yield change this year?",
    "Why did small caps rally?",
    "Did small caps beat the S&P 500 last week?",
    "How did Nvidia do yesterday?",
    "where did the S&P 500 close on January 22nd, 2026?",
    "How many days in a row has IWM beaten SPY?",
    "What's the max drawdown for QQQ over the past year?",
    "Is SPY above its 200-day moving average?",
    "How volatile was gold in Q4?",
    "What's bitcoin at?",
    "Could you tell me how the Russell 2000 performed during the month of December 2025?",
    "Give me IWM's performance between Dec 1 and Dec 31.",
    "how'd semis do this wk",
    "How did Tesla and Nvidia do vs the Nasdaq in January?",
    "what was WTI on Christmas Eve?",
    "How did SPY do in 2024?",
    "How did energy compare to tech since the election?",
    "I want to know how AI stocks did YTD",
]


def run(data: Path, runs: int) -> str:
    imported = _import_seconds()
    started = time.perf_counter()
    warm_up()
    warmed = time.perf_counter() - started
    catalog = _catalog(data)
    started = time.perf_counter()
    understand(QUESTIONS[0], AS_OF, catalog)  # builds the company-name index and the patterns
    first = time.perf_counter() - started
    per_question: list[float] = []
    cpu: list[float] = []  # this thread's CPU time: what is left when the 2 cores are shared
    for _ in range(runs):
        for question in QUESTIONS:
            started, started_cpu = time.perf_counter(), time.thread_time()
            understand(question, AS_OF, catalog)
            per_question.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - started_cpu)
    per_question.sort()
    cpu.sort()
    p95 = per_question[int(0.95 * (len(per_question) - 1))]
    rows = [
        ("import copilot.understand (fresh process, less an empty one)", imported),
        ("warm_up() (NYSE calendar, once per process)", warmed),
        ("first understand() (name index, patterns)", first),
        ("understand(), median", statistics.median(per_question)),
        ("understand(), p95", p95),
        ("understand(), max", per_question[-1]),
        ("understand(), CPU time, median", statistics.median(cpu)),
        ("understand(), CPU time, p95", cpu[int(0.95 * (len(cpu) - 1))]),
        ("understand(), CPU time, max", cpu[-1]),
    ]
    lines = [
        "# Question-understanding benchmark",
        "",
        f"Machine: {machine()}; load average at the end: {load_average()}.",
        "Command: `.venv/bin/python benchmarks/understand_bench.py --write`. "
        f"Date: {date.today()}.",
        f"{len(QUESTIONS)} questions × {runs} runs over the shared data's catalog "
        f"({len(catalog.stored)} stored symbols, {len(catalog.names)} company names); "
        "target: well under 50 ms a question after import.",
        "",
        "| measurement | time |",
        "|---|---|",
        *[f"| {name} | {seconds * 1000:.2f} ms |" for name, seconds in rows],
        "",
        "Wall-clock p95 and max include the time the process waited for a core on the shared",
        "machine (see the load average); the CPU-time rows are the work itself. The import and",
        "the calendar warm-up are paid once per process (the market tools build the same",
        "calendar).",
    ]
    return "\n".join(lines) + "\n"


def _import_seconds() -> float:
    """The import alone, in a fresh interpreter (less the interpreter's own start)."""

    def timed(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=HERE.parent)
        return time.perf_counter() - started

    return timed("import copilot.understand") - timed("pass")


def _catalog(data: Path) -> Catalog:
    with (
        tempfile.TemporaryDirectory() as folder,
        MarketStore.open(Path(folder) / "market.duckdb") as store,
    ):
        import_folder(store, data)
        return Catalog.from_store(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data" / "market")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    report = run(args.data, args.runs)
    print(report)
    if args.write:
        (HERE / "results" / "understand.md").write_text(report)


if __name__ == "__main__":
    main()
