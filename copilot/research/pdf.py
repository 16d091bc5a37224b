"""Chromium's print of an HTML page, in a child process that a deadline can stop.

Playwright's sync API has no timeout for `page.pdf()`, and a stuck Chromium never returns: the
print runs in a child Python in its own process group (HTML on stdin, the PDF on stdout), and
past `timeout_s` the whole group — Python, Playwright's driver, Chromium — is killed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

from copilot.errors import CopilotError

PDF_TIMEOUT_S = 120.0


class PdfExportError(CopilotError):
    """The PDF could not be printed (in time)."""


# The child: no import of this package (it would cost seconds), only Playwright.
_CHILD = """
import sys
from playwright.sync_api import sync_playwright

html = sys.stdin.buffer.read().decode("utf-8")
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=sys.argv[1], args=["--no-sandbox"], timeout=0)
    try:
        page = browser.new_page()
        page.set_default_timeout(0)  # the parent's deadline is the one that counts
        page.set_content(html, wait_until="load")
        margin = {"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"}
        sys.stdout.buffer.write(page.pdf(format="A4", print_background=True, margin=margin))
    finally:
        browser.close()
"""


def print_pdf(html: str, executable: str, timeout_s: float = PDF_TIMEOUT_S) -> bytes:
    """The PDF of `html`, printed by the Chromium at `executable`, or `PdfExportError` within
    about `timeout_s`."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, executable],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the driver and Chromium go with it
    )  # fmt: skip
    try:
        pdf, errors = child.communicate(html.encode("utf-8"), timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise PdfExportError(
            f"printing the PDF took longer than {timeout_s:g} s and was stopped — export HTML "
            "and print it from a browser, or retry"
        ) from None
    finally:
        _kill_group(child)  # nothing of the print outlives it
    if child.returncode != 0 or not pdf.startswith(b"%PDF"):
        lines = errors.decode("utf-8", "replace").strip().splitlines()
        reason = next((ln for ln in reversed(lines) if ln.strip()), f"exit {child.returncode}")
        raise PdfExportError(
            f"Chromium could not print the PDF ({reason[:200]}) — export HTML and print it from "
            "a browser"
        )
    return pdf


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()
