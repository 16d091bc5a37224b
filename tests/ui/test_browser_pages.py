"""Fact-check and Refresh now in a real browser: `market-copilot ui` on 127.0.0.1 driven by
Playwright in Debian's headless Chromium (the `browser` tests; see test_browser.py).

The refresh test points the app's FRED endpoint (`COPILOT_FRED_CSV_URL`) at a server on
127.0.0.1 that serves the recorded FRED response in tests/fixtures/market; the store it refreshes
holds only symbols refreshed from FRED or from no provider, so nothing asks Yahoo (yfinance has
its hosts built in). Screenshots: test-artifacts/ui-factcheck.png, ui-refresh*.png.
"""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd
import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, LOCAL, free_port, ui_command, wait_until_healthy
from ui_testkit import REPO

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts"
RECORDED_FRED = REPO / "tests" / "fixtures" / "market" / "fred_DGS10.csv"

# Planted errors. By hand from ../shared/data/market/prices/*.csv, closes of Friday 2026-01-16
# (the session before Tuesday 20 January; Monday 19 January was Martin Luther King Jr. Day) and
# of 2026-01-20:
#   SPY 691.66 → 677.58: 677.58 / 691.66 - 1 = -2.04 %  (the article's "fell 2.0%": right)
#   XLK 145.62 → 141.84: 141.84 / 145.62 - 1 = -2.60 %  (planted: "dropped 1.1%")
#   XLE  47.69 →  47.60:  47.60 /  47.69 - 1 = -0.19 %  (planted: "rose 0.4%", wrong direction)
#   QQQ closed at 608.06 on 2026-01-20                  (the article's "$608.06": right)
EXPECTED = [  # (mark, instrument, right value [source]) of each claim, in the article's order
    ("✓", "SPY", "-2.04% [1]"),
    ("✗", "XLK", "-2.60% [2]"),
    ("✗", "XLE", "-0.19% [3]"),
    ("✓", "QQQ", "$608.06 [4]"),
]
ARTICLE = """# Tuesday sell-off

**Published:** January 20, 2026

The SPDR S&P 500 ETF fell 2.0% on Tuesday. Technology stocks dropped 1.1% on Tuesday. \
Energy shares rose 0.4% on Tuesday. The Nasdaq-100 ETF QQQ closed at $608.06 on Tuesday.
"""


@contextmanager
def running_app(root: Path, env: dict[str, str]) -> Iterator[str]:
    """`market-copilot ui` on a free loopback port with `env`; yields its URL."""
    port = free_port()
    log = root / "app.log"
    # This checkout's code, whatever the environment has installed.
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    with log.open("wb") as out:
        process = subprocess.Popen(
            ui_command(port), cwd=root, env={**os.environ, **env, "PYTHONPATH": path}, stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
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


@contextmanager
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    """A fresh Chromium page and the list of requests it made beyond this machine."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400}, accept_downloads=True)
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
        try:
            yield page, outside
        finally:
            browser.close()


def test_factcheck_page_in_a_real_browser(shared_market_path: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    env = {
        "COPILOT_DATA_DIR": str(tmp_path / "data"),
        "COPILOT_MARKET_DB": str(shared_market_path),
        "COPILOT_EMBEDDING_MODEL": "hash:64",
        "COPILOT_LLM_PROVIDER": "scripted",
        "COPILOT_AS_OF": "2026-01-23",
    }
    with running_app(tmp_path, env) as url, browser_page() as (page, outside):
        page.goto(f"{url}/factcheck")
        box = page.get_by_label("Article text")
        expect(box).to_be_editable(timeout=60_000)
        box.fill(ARTICLE)
        box.blur()
        page.get_by_role("button", name="Check", exact=True).click()

        verdict = page.get_by_role("heading", name=re.compile("claims:"))
        expect(verdict).to_have_text("4 claims: 2 ✓, 2 ✗, 0 ?", timeout=60_000)
        expect(page.get_by_text("as of 2026-01-20 (the date the article states)")).to_be_visible()
        # The claims table as the page shows it (the grid's accessible cells: column, row).
        table = page.get_by_test_id("stDataFrame")
        for row, (mark, symbol, right) in enumerate(EXPECTED):
            expect(table.get_by_test_id(f"glide-cell-1-{row}")).to_have_text(mark)
            expect(table.get_by_test_id(f"glide-cell-3-{row}")).to_have_text(symbol)
            expect(table.get_by_test_id(f"glide-cell-5-{row}")).to_have_text(right)
        md = page.get_by_role("button", name="Download Markdown")
        expect(md).to_be_visible()
        expect(page.get_by_role("button", name="Download HTML")).to_be_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "ui-factcheck.png"), full_page=True)

        with page.expect_download() as download:
            md.click()
        report = Path(download.value.path()).read_text(encoding="utf-8")
    assert not outside, f"the page fetched from outside this machine: {outside}"
    assert "**4 claims: 2 ✓, 2 ✗, 0 ?**" in report, report
    md_escape = str.maketrans({c: "\\" + c for c in "$[]"})  # as the export writes cells
    expected = [[str(n), mark, symbol, right.translate(md_escape)]
                for n, (mark, symbol, right) in enumerate(EXPECTED, 1)]  # fmt: skip
    assert table_rows(report) == expected, report


def table_rows(markdown: str) -> list[list[str]]:
    """(#, mark, instrument, right value) of each claim row of the exported Markdown table."""
    rows = []
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 7 and cells[0].isdigit():
            rows.append([cells[0], cells[1], cells[3], cells[5]])
    return rows


class RecordedFred(http.server.BaseHTTPRequestHandler):
    """FRED's `fredgraph.csv` as recorded; a request waits while `hold` is clear."""

    hold: ClassVar[threading.Event] = threading.Event()
    asked: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        query = urllib.parse.urlparse(self.path)
        type(self).asked.append(urllib.parse.parse_qs(query.query))
        type(self).hold.wait(timeout=30)
        body = RECORDED_FRED.read_bytes()
        if urllib.parse.parse_qs(query.query).get("id") != ["DGS10"]:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorded_fred() -> Iterator[str]:
    RecordedFred.asked = []
    RecordedFred.hold = threading.Event()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordedFred)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/graph/fredgraph.csv"
    finally:
        RecordedFred.hold.set()
        server.shutdown()
        server.server_close()


def refresh_store(path: Path, shared_data: Path) -> None:
    """DGS10 as FRED sent it through 2026-01-09 (the recording's first rows), and one series
    imported from a file that no provider continues (BAMLH0A0HYM2: skipped, no call)."""
    from copilot.market.store import MarketStore

    recorded = pd.read_csv(RECORDED_FRED).dropna()
    recorded["date"] = [date.fromisoformat(d) for d in recorded["observation_date"]]
    early = recorded[recorded["date"] <= date(2026, 1, 9)]
    dgs10 = pd.DataFrame({"symbol": "DGS10", "date": early["date"], "value": early["DGS10"]})
    snapshot = shared_data / "market" / "series" / "fred_yields_snapshot.csv"
    raw = pd.read_csv(snapshot)  # indicator,value,date,series: one row a series
    row = raw[raw["series"] == "BAMLH0A0HYM2"]
    spread = pd.DataFrame({"symbol": "BAMLH0A0HYM2", "value": row["value"],
                           "date": [date.fromisoformat(d) for d in row["date"]]})  # fmt: skip
    with MarketStore.open(path) as store:
        store.upsert_series(dgs10, "fred:DGS10")
        store.upsert_series(spread, str(snapshot))


def test_refresh_now_in_a_real_browser(
    shared_data: Path, recorded_fred: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    data = tmp_path / "data"
    data.mkdir()
    refresh_store(data / "market.duckdb", shared_data)
    env = {
        "COPILOT_DATA_DIR": str(data),
        "COPILOT_FRED_CSV_URL": recorded_fred,
        "COPILOT_EMBEDDING_MODEL": "hash:64",
        "COPILOT_LLM_PROVIDER": "scripted",
        "COPILOT_HTTP_RETRIES": "1",
    }
    with running_app(tmp_path, env) as url, browser_page() as (page, outside):
        page.goto(f"{url}/data")
        button = page.get_by_role("button", name=re.compile("Refresh now"))
        expect(button).to_be_enabled(timeout=60_000)
        button.click()
        # The skipped series is done; DGS10's request waits at the server: the bar shows it.
        progress = page.get_by_test_id("stProgress")
        expect(progress).to_contain_text("1/2 BAMLH0A0HYM2", timeout=30_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "ui-refresh-progress.png"))
        RecordedFred.hold.set()
        done = page.get_by_text(re.compile(r"^Refresh: \d+ updated"))
        expect(done).to_have_text(
            "Refresh: 1 updated, 1 up to date or skipped, 0 failed.", timeout=30_000
        )
        # The report table under the message (symbol, status, provider, rows, …), row by row.
        report = page.get_by_test_id("stDataFrame").last
        for row, (symbol, status) in enumerate([("BAMLH0A0HYM2", "skipped"), ("DGS10", "updated")]):
            expect(report.get_by_test_id(f"glide-cell-0-{row}")).to_have_text(symbol)
            expect(report.get_by_test_id(f"glide-cell-1-{row}")).to_have_text(status)
        expect(report.get_by_test_id("glide-cell-3-1")).to_have_text("6")  # DGS10's new rows
        page.screenshot(path=str(ARTIFACTS / "ui-refresh.png"), full_page=True)
        first_ask = RecordedFred.asked[:]

        page.get_by_role("button", name=re.compile("Refresh now")).click()
        expect(done).to_have_text(
            "Refresh: 0 updated, 2 up to date or skipped, 0 failed.", timeout=30_000
        )
        # DGS10 was due again (a daily series), was asked for, and the recording had nothing new.
        expect(report.get_by_test_id("glide-cell-1-1")).to_have_text("no new data")
        page.screenshot(path=str(ARTIFACTS / "ui-refresh-again.png"), full_page=True)
    assert not outside, f"the page fetched from outside this machine: {outside}"
    # Only what is new was asked for: from the day after the last stored date (2026-01-09).
    assert first_ask == [{"id": ["DGS10"], "cosd": ["2026-01-10"]}], first_ask
    assert RecordedFred.asked[1:] == [{"id": ["DGS10"], "cosd": ["2026-01-21"]}], RecordedFred.asked
    from copilot.market.store import MarketStore

    with MarketStore.open(data / "market.duckdb", read_only=True) as store:
        # The recording's values after 2026-01-09, by hand from fred_DGS10.csv (01-19 is blank).
        stored = store.values("DGS10", start=date(2026, 1, 10))
    assert [round(float(v), 2) for v in stored] == [4.18, 4.17, 4.14, 4.17, 4.23, 4.29]
