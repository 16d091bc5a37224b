"""Market-side benchmark: folder import, re-import, and tool-call latency.

Run: `.venv/bin/python benchmarks/market_bench.py [--data ../shared/data/market]`
Prints a Markdown report; `--write` also saves it to benchmarks/results/market.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from copilot.market.store import MarketStore
from copilot.settings import Settings
from copilot.sources import SourceLedger
from copilot.tools import ToolDeps, run_tool
from ingest.market.folder import import_folder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_bench_lib import machine

HERE = Path(__file__).resolve().parent
TOOL_CALLS = {
    "streak IWM vs SPY": ("streak", {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}),
    "sector_returns": ("sector_returns", {"day": "2026-01-22"}),
    "new_highs IWM 2026": (
        "new_highs", {"symbol": "IWM", "start": "2026-01-02", "end": "2026-01-22"}
    ),
    "moving_average SPY 200d": ("moving_average", {"symbol": "SPY", "day": "2026-01-22"}),
    "price_return small caps": (
        "price_return", {"symbol": "small caps", "start": "2025-12-31", "end": "2026-01-22"}
    ),
    "risk_stats IWM": ("risk_stats", {"symbol": "IWM", "start": "2025-06-02", "end": "2026-01-22"}),
    "measure YTD rank of 3": (
        "measure", {"symbols": ["XLE", "XLK", "XLF"], "start": "2026-01-01", "rank": "desc"}
    ),
    "measure best day XLF": (
        "measure", {"symbols": ["XLF"], "measure": "daily_return", "aggregate": "max",
                    "start": "2026-01-01", "end": "2026-01-22"}
    ),
}  # fmt: skip


def bench_import(data: Path, runs: int) -> tuple[list[float], list[float], int]:
    first, again, files = [], [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp, MarketStore.open(Path(tmp) / "m.duckdb") as s:
            t0 = time.perf_counter()
            results = import_folder(s, data)
            first.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            repeat = import_folder(s, data)
            again.append(time.perf_counter() - t0)
            files = len(results)
            assert all(r.status == "unchanged" for r in repeat)
    return first, again, files


def bench_tools(data: Path, calls: int) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Per tool: `calls` timed calls on a warm store, and the first (cold-cache) call."""
    timings: dict[str, list[float]] = {}
    cold: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.duckdb"
        with MarketStore.open(path) as store:
            import_folder(store, data)
        with MarketStore.open(path, read_only=True) as store:
            deps = ToolDeps(Settings(_env_file=None), SourceLedger(), market=store)  # type: ignore[call-arg]
            for label, (name, args) in TOOL_CALLS.items():
                t0 = time.perf_counter()
                run_tool(deps, name, args)  # first call: loads the symbols' rows into the cache
                cold[label] = time.perf_counter() - t0
                samples = []
                for _ in range(calls):
                    deps.ledger = SourceLedger()
                    t0 = time.perf_counter()
                    output = run_tool(deps, name, args)
                    samples.append(time.perf_counter() - t0)
                    assert not output.error, output.text
                timings[label] = samples
    return timings, cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared/data/market")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    first, again, files = bench_import(args.data, args.runs)
    tools, cold = bench_tools(args.data, args.calls)
    ms = 1000.0
    lines = [
        "# Market benchmark",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python benchmarks/market_bench.py --write`.",
        f"Date: {time.strftime('%Y-%m-%d')}. Medians of {args.runs} runs / {args.calls} calls.",
        "",
        "| measurement | median | min | max | target | first call |",
        "|---|---|---|---|---|---|",
        f"| import of {files} files (fresh store) | {statistics.median(first):.2f} s | "
        f"{min(first):.2f} s | {max(first):.2f} s | ≤ 5 s | |",
        f"| re-import, unchanged | {statistics.median(again):.3f} s | {min(again):.3f} s | "
        f"{max(again):.3f} s | ≤ 1 s | |",
    ]
    for label, samples in tools.items():
        lines.append(
            f"| tool `{label}` | {statistics.median(samples) * ms:.1f} ms | "
            f"{min(samples) * ms:.1f} ms | {max(samples) * ms:.1f} ms | ≤ 20 ms | "
            f"{cold[label] * ms:.1f} ms |"
        )
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        (HERE / "results" / "market.md").write_text(report)


if __name__ == "__main__":
    main()
