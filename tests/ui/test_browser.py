"""The real app in a real browser: `market-copilot ui` on 127.0.0.1, driven by Playwright in
Debian's headless Chromium, answering the flagship question with the scripted model.

The screenshot is kept as a test artifact: test-artifacts/ui-flagship.png.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import ui_flagship as flagship
from ui_testkit import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
ARTIFACT = REPO / "test-artifacts" / "ui-flagship.png"
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ui_command(port: int) -> list[str]:
    """`market-copilot ui` once the CLI has it, else the exact command it runs."""
    import typer.main

    from copilot.cli import app
    from copilot.cli.ui_commands import streamlit_command

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    if "ui" in commands:
        return [sys.executable, "-m", "copilot", "ui", "--host", "127.0.0.1", "--port", str(port)]
    return streamlit_command("127.0.0.1", port)


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the app exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the app did not start:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def served(
    shared_data: Path, shared_market_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app on a free port over the shared market data and news (hash embeddings)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from copilot.news import HashEmbedder, NewsStore
    from copilot.settings import Settings
    from ingest.news import ingest_paths

    root = tmp_path_factory.mktemp("browser")
    data = root / "data"
    settings = Settings(_env_file=None, data_dir=data, embedding_model="hash:64")
    ingest_paths(NewsStore.open(settings, HashEmbedder()), [shared_data / "news"])
    env = {
        **os.environ,
        "COPILOT_DATA_DIR": str(data),
        "COPILOT_MARKET_DB": str(shared_market_path),
        "COPILOT_EMBEDDING_MODEL": "hash:64",
        "COPILOT_LLM_PROVIDER": "scripted",
        "COPILOT_SCRIPTED_TURNS": str(flagship.write_turns(root / "turns.json", news=True)),
        "COPILOT_AS_OF": flagship.AS_OF,
        # The app imports this checkout's code (not an editable install pointing elsewhere).
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
    }
    port = free_port()
    log = root / "app.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ui_command(port), cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stored_urls(news: Path) -> set[str]:
    """The source URL of every stored article, read from the files as the tracker saved them."""
    found = set()
    for path in news.glob("*/*.md"):
        match = re.search(r"\*\*Source:\*\* \[([^\]]+)\]", path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1).rstrip("/"))  # stored without a trailing slash
    return found


def test_flagship_question_in_a_real_browser(served: str, shared_data: Path) -> None:
    stored = stored_urls(shared_data / "news")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
        page.goto(served)
        box = page.get_by_test_id("stChatInputTextArea")
        expect(box).to_be_enabled(timeout=60_000)
        box.fill(flagship.QUESTION)
        box.press("Enter")

        answer = page.locator(".mc-answer")
        # Code's paragraph, the tools' lines: 13 figures and dates for IWM and SPY (+8.77%, 15,
        # 2025-12-30, 248.03, 2026-01-22, 269.79, +8.49 pp; +0.29%, 15, 2025-12-30, 687.01,
        # 2026-01-22, 688.98) and 3 for the streak, given by its own dates (14, 2026-01-02,
        # 2026-01-22); the model's reason states none.
        expect(answer).to_contain_text("longest run of sessions beating SPY 14", timeout=120_000)
        expect(page.locator(".mc-answer .mc-mark.mc-verified")).to_have_count(16)
        link = page.locator(".mc-answer a.mc-cite.mc-news").first
        expect(link).to_have_attribute("href", re.compile(r"^https://"))
        expect(link).to_have_attribute("target", "_blank")
        chart = page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible(timeout=30_000)
        expect(chart).to_contain_text("IWM beat SPY 14 sessions in a row")

        ARTIFACT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACT))
        _assert_links_only_to_sources(page, stored)

        page.get_by_role("button", name=re.compile(r"\[1\] IWM")).click()  # a data source chip
        expect(page.get_by_text("Definition.", exact=False).first).to_be_visible()
        page.keyboard.press("Escape")
        page.get_by_role("button", name=re.compile(r"\[3\] ")).click()  # the article chip
        expect(page.get_by_role("link", name="Open the article")).to_have_attribute(
            "href", re.compile(r"^https://")
        )
        _assert_links_only_to_sources(page, stored)
        page.screenshot(path=str(ARTIFACT.with_name("ui-flagship-source.png")))
        browser.close()
    assert not outside, f"the page fetched from outside this machine: {outside}"


def _assert_links_only_to_sources(page: Any, stored: set[str]) -> None:
    """Every link in the conversation goes to a stored article's URL (or stays in the app), and
    the answer's citations are among them."""
    cited = set(page.locator(".mc-answer a.mc-cite").evaluate_all("a => a.map(x => x.href)"))
    main = page.locator("[data-testid=stMainBlockContainer] a[href]")
    hrefs = main.evaluate_all("a => a.map(x => x.href)")
    outside = [h for h in hrefs if not h.startswith(LOCAL) and h.rstrip("/") not in stored]
    assert cited and {c.rstrip("/") for c in cited} <= stored, cited
    assert hrefs and not outside, outside  # hrefs: the locator finds the links
