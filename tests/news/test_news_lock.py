"""One writer per store across processes; the second says whom it waits for."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from copilot.errors import StoreLockedError
from copilot.news.lock import WriterLock

HOLDER = """
import sys, time
from pathlib import Path
from copilot.news.lock import WriterLock
with WriterLock(Path(sys.argv[1]), 1):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


def test_second_writer_times_out_naming_the_other_process(tmp_path: Path) -> None:
    path = tmp_path / "writer.lock"
    holder = _hold(path, 30)
    try:
        waits: list[str] = []
        started = time.monotonic()
        with pytest.raises(StoreLockedError) as info, WriterLock(path, 0.5, waits.append):
            pass
        assert time.monotonic() - started >= 0.5
        assert f"pid {holder.pid}" in str(info.value)
        assert f"pid {holder.pid}" in waits[0]
    finally:
        holder.kill()
        holder.wait()


def test_second_writer_gets_the_lock_when_the_first_finishes(tmp_path: Path) -> None:
    path = tmp_path / "writer.lock"
    holder = _hold(path, 0.5)
    waits: list[str] = []
    with WriterLock(path, 30, waits.append) as lock:
        assert lock.owner_path.exists()
    assert len(waits) == 1
    holder.wait()
    assert not lock.owner_path.exists()


def test_a_killed_writer_does_not_block_the_next(tmp_path: Path) -> None:
    path = tmp_path / "writer.lock"
    holder = _hold(path, 30)
    holder.kill()
    holder.wait()
    with WriterLock(path, 2):
        pass
