"""Answer latency benchmark: the flagship question with the embedded model, as a user runs it.

Run: `.venv/bin/python benchmarks/answer_bench.py [--runs 3] [--write]`
Each run is a fresh `market-copilot ask … --json` process (model load, KV snapshot of the system
prompt, plan, tools, write, verify), over the stores of the settings (`data/`: run `make demo` or
the ingest commands first). Prints a Markdown report of the phase times, tokens and the targets;
`--write` saves it to benchmarks/results/answer.md.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from news_bench_lib import load_average, machine

HERE = Path(__file__).resolve().parent
QUESTION = "why did small caps rally?"
AS_OF = "2026-01-23"
PHASES = ["prime", "plan", "tools", "write", "verify", "judge", "first_token", "first_reason",
          "total"]  # fmt: skip
TARGETS = {"total": 22.0, "first_token": 5.0, "non_llm": 0.1, "articles": 3}


def ask_once(provider: str | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "copilot", "ask", QUESTION, "--as-of", AS_OF, "--json"]
    if provider:
        command += ["--provider", provider]
    load_before = load_average()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ask failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    result["process_wall"] = wall
    result["load"] = f"{load_before} → {load_average()}"
    return result


def model_cited_articles(run: dict[str, Any]) -> int:
    """Distinct articles the model itself cited in its reasons (not code, not the checker)."""
    news = {n for n, source in run["sources"].items() if source.get("kind") == "news"}
    return len({n for n in re.findall(r"\[(\d+)\]", run.get("written", "")) if n in news})


def report(runs: list[dict[str, Any]]) -> str:
    def median(key: str) -> float:
        return float(statistics.median(r["timings"].get(key, 0.0) for r in runs))

    # The check's own model calls (the cause judge reading reasons again) are LLM work.
    non_llm = statistics.median(
        r["timings"].get("tools", 0.0) + r["timings"].get("verify", 0.0)
        - r["timings"].get("judge", 0.0) for r in runs
    )  # fmt: skip
    numbers = [n for r in runs for n in r["verification"]["numbers"]]
    checked = sum(n["status"] != "unverified" for n in numbers)
    lines = [
        f"Question: “{QUESTION}” --as-of {AS_OF} · model `{runs[0]['model']}` · "
        f"mode {runs[0]['mode']}",
        f"Machine: {machine()} — shared; load average (1/5/15 min) per run below.",
        "Command: `.venv/bin/python benchmarks/answer_bench.py --runs "
        f"{len(runs)} --write` (each run a fresh `market-copilot ask --json` process).",
        f"Plan made by: {', '.join(sorted({r.get('planned_by', 'model') for r in runs}))}. "
        "Seconds; `first_token` (code's move), `first_reason` (the first reason the model wrote, "
        "once checked) and `total` count from the question; `process wall` adds "
        "Python start-up and opening the stores (the model loads meanwhile, in the background: "
        "`prime` includes any wait for it).",
        "",
        "| run | " + " | ".join(PHASES) + " | process wall | prompt+completion tokens | load |",
        "|---" * (len(PHASES) + 4) + "|",
    ]
    for i, r in enumerate(runs, 1):
        cells = [f"{r['timings'].get(p, 0.0):.2f}" for p in PHASES]
        tokens = f"{r['tokens']['prompt']}+{r['tokens']['completion']}"
        lines.append(f"| {i} | " + " | ".join(cells) +
                     f" | {r['process_wall']:.1f} | {tokens} | {r['load']} |")  # fmt: skip
    lines += [
        "| **median** | " + " | ".join(f"**{median(p):.2f}**" for p in PHASES) + " | | | |",
        "",
        "| target | median | goal |",
        "|---|---|---|",
        f"| final answer, from the question | {median('total'):.1f} s "
        f"| ≤ {TARGETS['total']:.0f} s |",
        f"| final answer, whole fresh process (start-up and model load too) "
        f"| {statistics.median(r['process_wall'] for r in runs):.1f} s "
        f"| ≤ {TARGETS['total']:.0f} s |",
        "| articles the model cited in its reasons (fewest in a run) "
        f"| {min(model_cited_articles(r) for r in runs)} | ≥ {TARGETS['articles']} |",
        f"| first answer token | {median('first_token'):.1f} s "
        f"| ≤ {TARGETS['first_token']:.0f} s |",
        f"| non-LLM work (tools + verification, less the judge's model calls) | "
        f"{non_llm * 1000:.0f} ms | ≤ 100 ms |",
        f"| figures verified or derived (all runs) | {checked}/{len(numbers)} | ≥ 95% |",
        "",
        "Tools, calls and the answer of the last run:",
        "",
        *[f"- `{c['name']}({json.dumps(c['arguments'])})`" for c in runs[-1]["tool_calls"]],
        "",
        "> " + runs[-1]["text"].replace("\n", "\n> "),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--provider", default=None, help="local (default) | openai")
    parser.add_argument("--write", action="store_true", help="save to results/answer.md")
    args = parser.parse_args()
    runs = []
    for i in range(args.runs):
        runs.append(ask_once(args.provider))
        print(f"run {i + 1}: {runs[-1]['timings'].get('total', 0):.1f} s", file=sys.stderr)
    text = "# Answer latency — the flagship question, embedded model\n\n" + report(runs)
    print(text)
    if args.write:
        (HERE / "results" / "answer.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
