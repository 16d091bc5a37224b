"""Browser-app benchmark: cold start to an interactive page, and answer latency, in Chromium.

Cold start = from launching `market-copilot ui` (the exact `streamlit run` command it runs) to
the chat input being visible in a real headless Chromium (Debian's /usr/bin/chromium, launched
beforehand with a fresh profile per run, so nothing is cached). Then the flagship question is
asked with the scripted model (deterministic, no model time) twice: the first answer includes
the one-time imports of the answer engine, the second shows the steady state.

Each run also starts a bare Streamlit script (a title and a chat input, same flags) the same
way: Streamlit's own floor on this machine at that moment, so the app's share is visible even
when the machine is busy.

Run: `.venv/bin/python benchmarks/ui_bench.py [--runs 3] [--write]`
Needs ../shared/data/market (imported into a temporary store first, not timed).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from copilot.cli.ui_commands import streamlit_command

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
BUDGET_S = 5.0


def flagship() -> Any:
    """The scripted flagship turns shared with the tests (tests/ui/ui_flagship.py)."""
    path = REPO / "tests" / "ui" / "ui_flagship.py"
    spec = importlib.util.spec_from_file_location("ui_flagship", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def versions() -> str:
    from importlib.metadata import version

    chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True)
    return (f"Python {platform.python_version()}, Streamlit {version('streamlit')}, "
            f"Playwright {version('playwright')}, {chromium.stdout.strip()}")  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(root: Path, market: Path) -> dict[str, str]:
    from copilot.market.store import MarketStore
    from ingest.market.folder import import_folder

    db = root / "data" / "market.duckdb"
    with MarketStore.open(db) as store:
        import_folder(store, market)
    turns = flagship().write_turns(root / "turns.json")
    return {
        **os.environ,
        "COPILOT_DATA_DIR": str(root / "data"),
        "COPILOT_LLM_PROVIDER": "scripted",
        "COPILOT_SCRIPTED_TURNS": str(turns),
        "COPILOT_AS_OF": "2026-01-23",
        "COPILOT_EMBEDDING_MODEL": "hash:64",
    }


def wait_healthy(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the app exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("the app did not start")


HEADER = (
    "| run | app: server healthy (s) | app: chat input visible (s) "
    "| bare Streamlit: chat input visible (s) | 1st answer + chart (s) "
    "| 2nd answer + chart (s) |\n|---|---|---|---|---|---|"
)
BARE_APP = 'import streamlit as st\nst.title("Bare")\nst.chat_input("Ask")\n'


def one_run(
    browser: Any, env: dict[str, str], cwd: Path, bare: Path | None = None
) -> dict[str, float]:
    """Seconds from process start to: server healthy, chat input visible, answers shown (the
    app), or only the first two (`bare`: a minimal script, same command)."""
    question = flagship().QUESTION
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    page = context.new_page()
    port = free_port()
    command = streamlit_command("127.0.0.1", port)
    if bare is not None:
        command[4] = str(bare)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_healthy(port, process)
        healthy = time.perf_counter() - started
        page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(state="visible", timeout=120_000)
        ready = time.perf_counter() - started
        if bare is not None:
            return {"server": healthy, "ready": ready}
        answers = []
        for n in (1, 2):
            t0 = time.perf_counter()
            box.fill(question)
            box.press("Enter")
            page.locator(".mc-answer").nth(n - 1).wait_for(timeout=120_000)
            page.locator(".js-plotly-plot").nth(n - 1).wait_for(timeout=120_000)
            answers.append(time.perf_counter() - t0)
        return {"server": healthy, "ready": ready, "answer1": answers[0], "answer2": answers[1]}
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=30)


def report(runs: list[dict[str, float]], bare: list[dict[str, float]], load: str) -> str:
    def med(key: str, rows: list[dict[str, float]] = runs) -> float:
        return statistics.median(r[key] for r in rows)

    rows = "\n".join(
        f"| {i} | {r['server']:.2f} | **{r['ready']:.2f}** | {b['ready']:.2f} | "
        f"{r['answer1']:.2f} | {r['answer2']:.2f} |"
        for i, (r, b) in enumerate(zip(runs, bare, strict=True), 1)
    )
    verdict = "within" if med("ready") <= BUDGET_S else "over"
    return f"""# Browser app benchmark

Machine: {machine()}; load average {load} (1/5/15 min, start → end of the benchmark).
Software: {versions()}.
Command: `.venv/bin/python benchmarks/ui_bench.py --runs {len(runs)} --write`

Cold start = launching `market-copilot ui`'s `streamlit run` command → the chat input visible in
headless Chromium (started beforehand, fresh profile each run). "Bare Streamlit" is the same
command on a two-line script (a title and a chat input): Streamlit's own floor at that moment.
Answers use the scripted model over the shared sample market data (no news store), so they time
the app, not a model: the first includes the one-time import of the answer engine (which the
app otherwise warms in the background once the page is up), the second is the steady state.

{HEADER}
{rows}

**Median cold start: {med("ready"):.2f} s** ({verdict} the {BUDGET_S:.0f} s budget) against
{med("ready", bare):.2f} s for bare Streamlit on the same machine in the same minutes; server
healthy after {med("server"):.2f} s; first answer {med("answer1"):.2f} s, then
{med("answer2"):.2f} s.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--market", type=Path, default=REPO.parent / "shared/data/market")
    parser.add_argument("--write", action="store_true", help="save benchmarks/results/ui.md")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium")
    if not args.market.is_dir():
        sys.exit(f"no market data at {args.market}")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        root = Path(tmp)
        env = prepare(root, args.market)
        bare_app = root / "bare.py"
        bare_app.write_text(BARE_APP, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        before = os.getloadavg()
        runs, bare = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine
            bare.append(one_run(browser, env, root, bare_app))
            runs.append(one_run(browser, env, root))
        after = os.getloadavg()
        browser.close()
    load = " / ".join(f"{a:.1f} → {b:.1f}" for a, b in zip(before, after, strict=True))
    text = report(runs, bare, load)
    print(text)
    if args.write:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "ui.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
