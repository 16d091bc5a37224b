"""Browser sessions asking at once against one app process (issue 14's last concurrency case).

    python -m benchmarks.reliability.browsers --sessions 4 --rounds 5 [--write]

One `market-copilot ui` process on 127.0.0.1 over a temporary data folder (the shared market
files imported into it, no news) answers with an OpenAI-compatible model on 127.0.0.1
(`echo_server.py`) that writes each answer from its own prompt's measured evidence, so a
crossed answer would name another session's instrument. Each round, every session (a browser
context of its own in Debian's headless Chromium) asks about a different instrument and window,
all pressing Enter within a fraction of a second; then each page must show: an answer and no
error, no live status or spinner left, its own instrument and no other session's, the return
computed independently from the raw CSV, every figure mark verified, and — when the one model
was busy with another session's answer — the queue's "Waiting for the model" label.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.reliability.browser_pages import (
    Asked,
    answered,
    chat_box,
    names,
    open_session,
    question_for,
    read_back,
    settle,
)
from benchmarks.reliability.echo_server import EchoServer, echo_server

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]  # fmt: skip
SYMBOLS = ("GLD", "TLT", "XLE", "KRE", "XLU", "SLV", "SMH", "XLV")
AS_OF = date(2026, 1, 23)
ANSWER_TIMEOUT_S = 120.0
# a question reaches the queue within this of its Enter (the rerun, the store opened): only
# a model still busy past it must have made the session wait
QUEUE_ENTRY_S = 1.0


def expected_return(prices: Path, sessions: int, as_of: date = AS_OF) -> str:
    """The return over the last `sessions` sessions to `as_of`, from the raw CSV's closes."""
    with prices.open(newline="") as handle:
        closes = [float(r["close"]) for r in csv.DictReader(handle) if r["date"] <= str(as_of)]
    change = (closes[-1] / closes[-1 - sessions] - 1) * 100
    return f"{change:+.2f}%"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def app_process(root: Path, market_db: Path, model_url: str) -> Iterator[str]:
    """`market-copilot ui` on a free loopback port; yields its URL."""
    env = {
        **os.environ, "COPILOT_DATA_DIR": str(root / "data"), "COPILOT_MARKET_DB": str(market_db),
        "COPILOT_EMBEDDING_MODEL": "hash:64", "COPILOT_LLM_PROVIDER": "openai",
        "COPILOT_OPENAI_BASE_URL": model_url, "COPILOT_OPENAI_MODEL": "echo",
        "COPILOT_OPENAI_API_KEY": "sk-browsers-corpus", "COPILOT_AS_OF": str(AS_OF),
        "PYTHONPATH": str(REPO),
    }  # fmt: skip
    port = free_port()
    log = root / "app.log"
    command = [sys.executable, "-m", "copilot", "ui", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the app did not start:\n{log.read_text(errors='replace')}")


def ask_round(pages: list[Any], number: int) -> list[Asked]:
    """Every session asks its question at once; returns each once its page is done."""
    count = len(pages)
    asked = [
        Asked(i, SYMBOLS[i], sessions, question_for(SYMBOLS[i], sessions))
        for i, sessions in enumerate(5 + (number * count + i) % 11 for i in range(count))
    ]
    before = [page.locator(".mc-answer").count() for page in pages]
    for page, item in zip(pages, asked, strict=True):
        page.evaluate("window.__mcWaits = []")
        chat_box(page).fill(item.question)
    for page, item in zip(pages, asked, strict=True):  # all Enters within a fraction of a second
        item.submitted = time.monotonic()
        chat_box(page).press("Enter")
    pending = set(range(count))
    deadline = time.monotonic() + ANSWER_TIMEOUT_S
    while pending and time.monotonic() < deadline:
        for i in sorted(pending):
            if answered(pages[i], before[i]):
                asked[i].done = time.monotonic()
                pending.discard(i)
        time.sleep(0.1)
    for page, item, old in zip(pages, asked, before, strict=True):
        settle(page)
        read_back(page, item, old)
    return asked


def warm_up(page: Any) -> None:
    """One question alone first: the app's first answer loads its modules and reads the
    store's catalog (10-20 s here), which would otherwise be the first round's figure."""
    before = page.locator(".mc-answer").count()
    chat_box(page).fill(question_for("SPY", 5))
    started = time.monotonic()
    chat_box(page).press("Enter")
    while not answered(page, before) and time.monotonic() - started < ANSWER_TIMEOUT_S:
        time.sleep(0.2)
    settle(page)
    print(f"warm-up answer: {time.monotonic() - started:.1f} s", file=sys.stderr)


def judge(asked: list[Asked], model: EchoServer, prices: Path) -> list[dict[str, Any]]:
    """Each answer's checks; `waited` is whether the model was busy with another session's
    answer when this question was asked (then the queue label must have been shown)."""
    rows = []
    for item in asked:
        others = [a.symbol for a in asked if a is not item]
        served = [s for s in model.served if s.question == item.question]
        busy = bool(served) and any(
            s.arrived < served[0].arrived and s.finished > item.submitted + QUEUE_ENTRY_S
            for s in model.served if s.question in {a.question for a in asked if a is not item}
        )  # fmt: skip
        figure = expected_return(prices / f"{item.symbol}.csv", item.sessions)
        checks = {
            "complete": bool(item.text) and not item.error and not item.live_left,
            "own instrument": names(item.text, item.symbol)
            and not any(names(item.text, o) for o in others),
            "figure from the CSV": figure in item.text,
            "all figures verified": item.verified > 0 and item.unchecked == 0,
            "queue label shown": bool(item.waits) or not busy,
        }
        rows.append({
            "session": item.session, "question": item.question, "seconds": item.seconds,
            "to_model_s": (served[0].arrived - item.submitted) if served else float("nan"),
            "waited": busy, "waits": item.waits, "checks": checks, "ok": all(checks.values()),
            "text": item.text, "error": item.error, "live_left": item.live_left,
        })  # fmt: skip
    return rows


def run(
    sessions: int, rounds: int, market_db: Path, prices: Path, warm: bool = True
) -> list[dict[str, Any]]:
    """`rounds` rounds of `sessions` sessions asking at once; one row per answer."""
    from playwright.sync_api import expect, sync_playwright

    results: list[dict[str, Any]] = []
    with (
        tempfile.TemporaryDirectory(prefix="browsers-") as tmp,
        echo_server(word_gap_s=0.05) as model,
        app_process(Path(tmp), market_db, model.base_url) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages = [open_session(browser, url) for _ in range(sessions)]
        for page in pages:
            expect(chat_box(page)).to_be_enabled(timeout=90_000)
        if warm:
            warm_up(pages[0])
        for number in range(rounds):
            rows = judge(ask_round(pages, number), model, prices)
            results.extend({"round": number + 1, **row} for row in rows)
            times = ", ".join(f"{r['seconds']:.1f}" for r in rows)
            print(f"round {number + 1}: {sum(r['ok'] for r in rows)}/{len(rows)} ok, "
                  f"answers {times} s", file=sys.stderr)  # fmt: skip
            for row in rows:
                if not row["ok"]:
                    failed = [k for k, v in row["checks"].items() if not v]
                    print(f"  session {row['session']}: {failed} {row['text'][:160]!r} "
                          f"{row['error']!r} {row['live_left']}", file=sys.stderr)  # fmt: skip
        browser.close()
    return results


def import_market(folder: Path) -> Path:
    from copilot.market.store import MarketStore
    from ingest.market.folder import import_folder

    path = folder / "market.duckdb"
    with MarketStore.open(path) as store:
        import_folder(store, SHARED / "market")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="Update reliability.md.")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium")
    if not (2 <= args.sessions <= len(SYMBOLS)):
        raise SystemExit(f"--sessions must be 2…{len(SYMBOLS)}")
    with tempfile.TemporaryDirectory(prefix="browsers-market-") as tmp:
        started = time.monotonic()
        results = run(args.sessions, args.rounds, import_market(Path(tmp)),
                      SHARED / "market" / "prices")  # fmt: skip
        elapsed = time.monotonic() - started
    from benchmarks.reliability.browsers_report import report, write_section

    text = report(results, args.sessions, args.rounds, elapsed, machine())
    print(text)
    if args.write:
        write_section(REPO / "benchmarks" / "results" / "reliability.md", text)


def machine() -> str:
    load = os.getloadavg()
    return (f"{platform.machine()}, {os.cpu_count()} cores (shared with other developers; load "
            f"average {load[0]:.1f} at the end), Python {platform.python_version()}, "
            f"Debian chromium headless")  # fmt: skip


if __name__ == "__main__":
    main()
