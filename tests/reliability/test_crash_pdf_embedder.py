"""Crash list (issue 14): the PDF timeout is enforced; the embedder's thread-count change is
safe across sessions."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from copilot.research.export import chromium_path, html_to_pdf
from copilot.research.pdf import PdfExportError


def processes_running(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if marker.encode() in cmdline:
                found.append(int(pid))
    return found


def test_a_stuck_chromium_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    fake = tmp_path / "stuck-chromium"
    fake.write_text("#!/bin/sh\nexec sleep 600\n")
    fake.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(PdfExportError, match="longer than 3 s"):
        html_to_pdf("<p>report</p>", chromium=str(fake), timeout_s=3)
    assert time.monotonic() - started < 10
    time.sleep(0.5)
    assert processes_running(str(fake)) == []  # Chromium and the driver went with it


def test_a_real_print_still_works() -> None:
    if chromium_path() is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium)")
    pdf = html_to_pdf("<h1>Report</h1><p>Small caps rose.</p>", timeout_s=120)
    assert pdf.startswith(b"%PDF") and len(pdf) > 500


class _SlowModel:
    """Stands in for the sentence-transformers model: `encode` takes a while, so calls from two
    sessions overlap the way they do in the app."""

    def __init__(self, entered: threading.Barrier) -> None:
        self.entered = entered

    def encode(self, texts: list[str], **_: object) -> list[list[float]]:
        self.entered.wait(timeout=10)
        time.sleep(0.05)
        return [[1.0, 0.0] for _ in texts]


def threads_seen_by_a_new_thread(torch: Any) -> int:
    """torch's thread count as a fresh thread (a new session, an import) starts with it."""
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(torch.get_num_threads()))
    worker.start()
    worker.join()
    return seen[0]


def test_concurrent_queries_leave_the_thread_count_as_it_was() -> None:
    torch = pytest.importorskip("torch")
    from copilot.news.embeddings import SentenceTransformerEmbedder

    target = threads_seen_by_a_new_thread(torch)
    sessions = 4
    embedder = SentenceTransformerEmbedder()
    embedder._model = _SlowModel(threading.Barrier(sessions))
    workers = [
        threading.Thread(target=embedder.embed_query, args=(f"q{i}",)) for i in range(sessions)
    ]
    for worker in workers:  # each session's query starts while the others are running
        worker.start()
        time.sleep(0.05)
    for worker in workers:
        worker.join(timeout=30)
    assert threads_seen_by_a_new_thread(torch) == target
