"""Research-report benchmark: the flagship topic, auto-accepted, with the embedded model.

Run: `.venv/bin/python benchmarks/research_bench.py [--write] [--out DIR]`
Uses the stores of the settings (`data/`: run `make demo` or the ingest commands first). Prints a
Markdown report — total time, LLM calls, tokens, per-section tokens/time, share of the model's
figures verified — and with `--write` saves it to benchmarks/results/research.md; the report
itself, its HTML/PDF and the replay bundle go to --out.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import date
from pathlib import Path

from copilot.llm import make_llm
from copilot.research import Budget, ResearchSession, export, to_markdown
from copilot.research.report import Report
from copilot.runtime import open_deps
from copilot.settings import Settings

HERE = Path(__file__).resolve().parent
TOPIC = "Why did small caps rally in January 2026?"
AS_OF = date(2026, 1, 23)
TARGETS = {"seconds": 240.0, "llm_calls": 12, "tokens": 40_000, "verified": 0.95, "articles": 4}


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, {platform.python_version()}"


def table(report: Report, plan_s: float, load_s: float, cpu_s: float) -> str:
    record = report.record
    usage = record.usage()
    tokens = usage["prompt_tokens"] + usage["completion_tokens"]
    total = record.timings.get("total", 0.0)
    share = report.share_verified
    ok = {
        "seconds": total <= TARGETS["seconds"],
        "llm_calls": usage["llm_calls"] <= TARGETS["llm_calls"],
        "tokens": tokens <= TARGETS["tokens"],
        "verified": share >= TARGETS["verified"],
        "articles": len(report.cited_articles) >= TARGETS["articles"],
        "failed": not report.failed_steps,
    }
    mark = {True: "✓", False: "✗"}
    figures = [n for n in report.numbers if n.kind == "figure"]  # as `share_verified` counts
    flagged = [n for n in figures if n in report.unverified]
    lines = [
        f"Topic: “{TOPIC}” --auto-accept --as-of {AS_OF} · model `{record.model_id}`",
        f"Machine: {machine()} — shared, noisy: times indicative.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| total time (plan → verified report) | {total:.1f} s | ≤ 240 s {mark[ok['seconds']]} |",
        f"| of which planning call | {plan_s:.1f} s | |",
        f"| LLM calls | {usage['llm_calls']} | ≤ 12 {mark[ok['llm_calls']]} |",
        f"| tokens (prompt + completion) | {tokens} ({usage['prompt_tokens']} + "
        f"{usage['completion_tokens']}) | ≤ 40000 {mark[ok['tokens']]} |",
        f"| tool calls | {usage['tool_calls']} ({len(report.failed_steps)} failed) | ≤ 12, 0 "
        f"failed {mark[ok['failed']]} |",
        f"| distinct articles cited | {len(report.cited_articles)} | ≥ 4 {mark[ok['articles']]} |",
        f"| model figures verified or derived (dates apart) | {len(figures) - len(flagged)}/"
        f"{len(figures)} = {share:.0%} | ≥ 95% {mark[ok['verified']]} |",
        f"| budget stop | {record.stopped or 'no'} | |",
        f"| model load (not in total) | {load_s:.1f} s | |",
        f"| CPU time of this process / wall (2 cores = 200%) | {cpu_s:.0f} s / "
        f"{total:.0f} s = {cpu_s / max(total, 1e-9):.0%} | |",
        "",
        "| call | section | prompt tokens | completion tokens | seconds |",
        "|---|---|---|---|---|",
    ]
    for call in record.llm_calls:
        lines.append(f"| {call.purpose} | {call.section} | {call.prompt_tokens} | "
                     f"{call.completion_tokens} | {call.seconds:.1f} |")  # fmt: skip
    lines += ["", "Unverified figures: "
              + (", ".join(n.text for n in report.unverified) or "none")]  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="save benchmarks/results/research.md")
    parser.add_argument("--out", type=Path, default=HERE / ".work" / "research")
    parser.add_argument("--max-seconds", type=float, default=None, help="wall-time budget")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    t0 = time.perf_counter()
    llm = make_llm(settings)
    load_s = time.perf_counter() - t0
    cpu0 = time.process_time()
    with open_deps(settings, AS_OF) as deps:
        budget = Budget.from_settings(settings)
        if args.max_seconds is not None:
            budget = budget.model_copy(update={"max_seconds": args.max_seconds})
        session = ResearchSession(deps, llm, budget)
        plan = session.propose_plan(TOPIC, AS_OF)
        report = session.run(plan, on_event=lambda e: print(e.kind, e.name, e.detail[:100])
                             if e.kind != "token" else None)  # fmt: skip
        session.save_bundle(args.out / "bundle.json")
    cpu_s = time.process_time() - cpu0
    export(report, args.out / "report.md")
    export(report, args.out / "report.html")
    try:
        export(report, args.out / "report.pdf")
    except Exception as exc:  # the benchmark still reports the rest
        print(f"PDF export failed: {exc}")
    text = (
        "# Research report benchmark\n\n"
        + table(report, session.plan_seconds, load_s, cpu_s)
        + "\n"
    )
    print(text)
    print(to_markdown(report))
    if args.write:
        (HERE / "results" / "research.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
