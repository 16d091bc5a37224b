"""The NYSE calendar kept on disk for the day: read back instead of built, rebuilt when bad."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from copilot.market.calendar_cache import cached_calendar, calendar_path

# By hand, from the NYSE's 2026 holiday list: Monday 2026-01-19 (Martin Luther King Jr. Day) is
# closed, Friday 2026-01-16 and Tuesday 2026-01-20 are sessions; 2026-01-17/18 a weekend.
START = "2025-06-02"


def _checks(calendar: object) -> list[bool]:
    return [calendar.is_session(pd.Timestamp(day))  # type: ignore[attr-defined]
            for day in ("2026-01-16", "2026-01-17", "2026-01-19", "2026-01-20")]  # fmt: skip


def test_a_calendar_is_built_once_then_read_back(tmp_path: Path) -> None:
    built = cached_calendar("XNYS", START, tmp_path)
    kept = calendar_path(tmp_path, "XNYS", START, date.today())
    assert kept.is_file()
    assert _checks(built) == [True, False, False, True]
    stamp = kept.stat().st_mtime_ns
    again = cached_calendar("XNYS", START, tmp_path)
    assert kept.stat().st_mtime_ns == stamp  # read back, not rebuilt and written again
    assert _checks(again) == [True, False, False, True]
    assert list(again.sessions) == list(built.sessions)


def test_a_bad_or_old_copy_is_rebuilt_and_the_old_one_removed(tmp_path: Path) -> None:
    kept = calendar_path(tmp_path, "XNYS", START, date.today())
    old = calendar_path(tmp_path, "XNYS", START, date(2020, 1, 2))
    tmp_path.mkdir(exist_ok=True)
    kept.write_bytes(b"not a pickle")
    old.write_bytes(b"yesterday's")
    calendar = cached_calendar("XNYS", START, tmp_path)
    assert _checks(calendar) == [True, False, False, True]
    assert kept.read_bytes() != b"not a pickle" and not old.exists()


def test_an_unwritable_folder_still_gives_the_calendar(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    assert _checks(cached_calendar("XNYS", START, blocker / "calendars")) == [
        True, False, False, True
    ]  # fmt: skip


def test_the_calendar_needs_no_valid_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.market import calendar

    monkeypatch.setenv("COPILOT_LOCAL_PARALLEL", "not a number")  # its reader reports it
    calendar.nyse.cache_clear()
    try:
        assert calendar.is_session("2026-01-16") and not calendar.is_session("2026-01-19")
    finally:
        calendar.nyse.cache_clear()
