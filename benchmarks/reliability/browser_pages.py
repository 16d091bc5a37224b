"""One browser session of the browsers corpus: ask in its page, then read back what it shows.

A script added to every page before the app loads watches the DOM for the queue's "Waiting for
the model: N questions ahead…" label, so a label that is shown for a moment is not missed
between two looks.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

WAIT_WATCH = """
window.__mcWaits = [];
new MutationObserver((records) => {
  for (const record of records) {
    const text = (record.target && record.target.textContent) || "";
    const hit = text.match(/Waiting for the model: \\d+ questions? ahead/);
    if (hit && !window.__mcWaits.includes(hit[0])) window.__mcWaits.push(hit[0]);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
LIVE_LABELS = ("Waiting for the model", "Planning which data", "Writing the answer", "Running ")
ERROR_SELECTOR = "[data-testid^=stAlertContentError], [data-testid=stException]"


@dataclass
class Asked:
    """One question in one session and what its page showed."""

    session: int
    symbol: str
    sessions: int  # the question's window, in trading sessions
    question: str
    submitted: float = 0.0  # time.monotonic() when Enter was pressed
    done: float = 0.0
    text: str = ""
    error: str = ""
    verified: int = 0
    unchecked: int = 0  # figure marks that are not verified
    waits: list[str] = field(default_factory=list)
    live_left: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return self.done - self.submitted if self.done else float("nan")


def question_for(symbol: str, sessions: int) -> str:
    return f"How much did {symbol} return over the last {sessions} sessions?"


def open_session(browser: Any, url: str) -> Any:
    """A page in a browser context of its own (its own cookies, its own app session)."""
    context = browser.new_context(viewport={"width": 1200, "height": 1400})
    context.add_init_script(WAIT_WATCH)
    page = context.new_page()
    page.goto(url)
    return page


def chat_box(page: Any) -> Any:
    return page.get_by_test_id("stChatInputTextArea")


def answered(page: Any, before: int) -> bool:
    """An answer or an error appeared after the `before` answers already on the page."""
    return bool(page.locator(".mc-answer").count() > before or page.locator(ERROR_SELECTOR).count())


def settle(page: Any, timeout_s: float = 20.0) -> None:
    """Wait until the script run that drew the answer has finished (no live status left)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and live_labels(page):
        time.sleep(0.2)


def live_labels(page: Any) -> list[str]:
    """Live-phase labels or spinners still on the page (a run that has not finished)."""
    main = page.locator("[data-testid=stMainBlockContainer]").inner_text()
    left = [label for label in LIVE_LABELS if label in main]
    if page.locator("[data-testid=stSpinner]").count():
        left.append("spinner")
    return left


def read_back(page: Any, asked: Asked, before: int) -> None:
    """What the page shows for `asked` (its newest answer), once it is done."""
    errors = page.locator(ERROR_SELECTOR)
    if errors.count():
        asked.error = " | ".join(errors.all_inner_texts())[:300]
    answers = page.locator(".mc-answer")
    if answers.count() > before:
        newest = answers.nth(answers.count() - 1)
        asked.text = newest.inner_text()
        asked.verified = newest.locator(".mc-mark.mc-verified").count()
        asked.unchecked = newest.locator(".mc-mark:not(.mc-verified)").count()
    asked.waits = list(page.evaluate("window.__mcWaits || []"))
    asked.live_left = live_labels(page)


def names(text: str, symbol: str) -> bool:
    return re.search(rf"(?<![A-Z]){re.escape(symbol)}(?![A-Z])", text) is not None
