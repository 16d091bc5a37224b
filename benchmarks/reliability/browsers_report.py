"""The browsers corpus's results as a Markdown section of benchmarks/results/reliability.md."""

from __future__ import annotations

import math
import statistics
from pathlib import Path
from typing import Any

HEADING = "## Browser sessions at once"
CHECKS = ("complete", "own instrument", "figure from the CSV", "all figures verified",
          "queue label shown")  # fmt: skip


def _median(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return statistics.median(kept) if kept else float("nan")


def _max(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return max(kept) if kept else float("nan")


def report(
    results: list[dict[str, Any]], sessions: int, rounds: int, elapsed: float, machine: str
) -> str:
    ok = sum(r["ok"] for r in results)
    waited = [r for r in results if r["waited"]]
    shown = sum(bool(r["waits"]) for r in waited)
    lines = [
        HEADING, "",
        f"`python -m benchmarks.reliability.browsers --sessions {sessions} --rounds {rounds}`: "
        "one `market-copilot ui` process on 127.0.0.1 (the shared market files imported into a "
        "temporary data folder), its model an OpenAI-compatible server on 127.0.0.1 "
        "(`benchmarks/reliability/echo_server.py`) that writes each answer from its own "
        "prompt's measured evidence, streamed a word every 0.05 s; "
        f"{sessions} browser contexts in Debian's headless Chromium, each asking about its own "
        "instrument and window, Enter pressed in all within a fraction of a second, each round.",
        "", f"Machine: {machine}. {len(results)} answers in {elapsed:.0f} s.", "",
        "| round | answers ok | median s | max s | max s to the model | queue label shown |",
        "|---:|---:|---:|---:|---:|---:|",
    ]  # fmt: skip
    for number in range(1, rounds + 1):
        rows = [r for r in results if r["round"] == number]
        need = [r for r in rows if r["waited"]]
        lines.append(
            f"| {number} | {sum(r['ok'] for r in rows)}/{len(rows)} "
            f"| {_median([r['seconds'] for r in rows]):.1f} "
            f"| {_max([r['seconds'] for r in rows]):.1f} "
            f"| {_max([r['to_model_s'] for r in rows]):.1f} "
            f"| {sum(bool(r['waits']) for r in need)}/{len(need)} |"
        )
    failed = {c: sum(not r["checks"][c] for r in results) for c in CHECKS}
    lines += [
        "",
        f"**{ok}/{len(results)} answers complete and in their own session**; median "
        f"{_median([r['seconds'] for r in results]):.1f} s from Enter to the answer on the page, "
        f"max {_max([r['seconds'] for r in results]):.1f} s; the longest wait from Enter until "
        f"the model got the question (the queue, plus understanding and measuring) "
        f"{_max([r['to_model_s'] for r in results]):.1f} s. The queue label was shown in "
        f"{shown} of the {len(waited)} sessions asked while the one model was answering another "
        "session (past the second a question takes to reach the queue).",
        "",
        "Failed checks: " + ", ".join(f"{c} {n}" for c, n in failed.items()) + ".",
        "",
        "Each answer must show: an answer and no error, no live status or spinner left once the "
        "run ended; its own instrument and none of the other sessions'; the return computed from "
        "the raw CSV's closes (`expected_return`); at least one figure mark and every one "
        'verified; and the queue\'s "Waiting for the model: N questions ahead" label where the '
        "model was busy with another session's answer (a DOM watcher in each page records it). "
        "The browser test `tests/ui/test_browser_sessions.py` runs one round of 4.",
    ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace this corpus's section of `path` (or add it before the Injection section)."""
    text = path.read_text(encoding="utf-8")
    if HEADING in text:
        start = text.index(HEADING)
        rest = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + ("" if rest < 0 else text[rest:])
    elif "\n## Findings left open" in text:
        at = text.index("\n## Findings left open") + 1
        text = text[:at] + section + "\n" + text[at:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
