"""Crash list (issue 14): two imports at once, or a question during an import, end in a clear
one-line message (after a short wait) — never DuckDB's raw lock error."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from copilot.errors import StoreLockedError
from copilot.market.store import MarketStore

REPO = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from pathlib import Path
from copilot.market.store import MarketStore
store = MarketStore.open(Path(sys.argv[1]), read_only=sys.argv[2] == "read")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
store.close()
"""


@contextmanager
def held(path: Path, mode: str = "write", seconds: float = 60.0) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store (an import, or a question reading it)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "holding"
        yield process
    finally:
        process.kill()
        process.wait()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "market.duckdb"
    MarketStore.open(path).close()
    return path


def test_reader_during_an_import_gets_a_clear_message(store_path: Path) -> None:
    with held(store_path), pytest.raises(StoreLockedError) as caught:
        MarketStore.open(store_path, read_only=True, wait_s=0.5)
    message = str(caught.value)
    assert "busy (an import is running)" in message and "try again when it finishes" in message
    assert "\n" not in message


def test_second_writer_names_the_first_and_says_what_to_do(store_path: Path) -> None:
    with held(store_path) as first, pytest.raises(StoreLockedError) as caught:
        MarketStore.open(store_path, wait_s=0.5)
    assert f"pid {first.pid}" in str(caught.value) and "--lock-timeout" in str(caught.value)


def test_writer_while_a_question_reads_gets_a_clear_message(store_path: Path) -> None:
    with held(store_path, "read"), pytest.raises(StoreLockedError) as caught:
        MarketStore.open(store_path, wait_s=0.5)
    assert "in use by another process" in str(caught.value)


def test_reader_waits_for_a_short_import(store_path: Path) -> None:
    with held(store_path, seconds=1.0) as writer:
        started = time.monotonic()
        told: list[str] = []
        with MarketStore.open(store_path, read_only=True, wait_s=30, on_wait=told.append) as s:
            assert s.stored_symbols() == []
        assert writer.poll() is not None or time.monotonic() - started < 30
    assert told and "waiting up to 30 s" in told[0]


def test_cli_import_during_an_import_is_one_line(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "ABC.csv"
    csv.write_text("Date,Price\n2026-01-02,10\n")
    with held(store_path):
        result = subprocess.run(
            [sys.executable, "-m", "copilot", "ingest", "market", str(csv), "--lock-timeout", "1"],
            cwd=REPO, capture_output=True, text=True, timeout=120,
            env={"COPILOT_MARKET_DB": str(store_path), "PATH": "/usr/bin:/bin",
                 "HOME": str(tmp_path)},
        )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "IOException" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    said = " ".join(result.stderr.split())  # rich wraps long lines at the terminal width
    assert len(lines) == 1 and "is locked by pid" in said and "--lock-timeout" in said
