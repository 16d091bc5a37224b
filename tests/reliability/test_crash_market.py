"""Crash list (issue 14), market side: full-history files and two writers at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from copilot.market.calendar import is_session, sessions_between
from copilot.market.store import MarketStore
from ingest.market.folder import import_folder

# ^GSPC-style export reaching back before the calendar the project builds (1990-01-02):
# 1985-12-24 (Tue), 1985-12-25 (Christmas, NYSE closed), 1985-12-26 (Thu).
OLD_BARS = """Date,Open,High,Low,Close,Adj Close,Volume
1985-12-24,10,11,9,10.5,10.5,100
1985-12-25,10.5,11,10,10.7,10.7,100
1985-12-26,10.7,12,10,11.5,11.5,100
1990-01-02,20,21,19,20.5,20.5,100
"""
# Before 1885 no calendar exists: rows are kept, unchecked, and the summary says so.
ANCIENT_BARS = """Date,Open,High,Low,Close,Volume
1880-06-01,1,1,1,1,0
1880-06-02,1,1,1,1,0
"""
LATER_FILE = "Date,Price\n2026-01-02,10\n2026-01-05,11\n"


def test_full_history_export_imports_and_later_files_are_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A_OLD.csv").write_text(OLD_BARS)
    (folder / "B_ANCIENT.csv").write_text(ANCIENT_BARS)
    (folder / "C_LATER.csv").write_text(LATER_FILE)
    with MarketStore.open(tmp_path / "m.duckdb") as store:
        results = import_folder(store, folder)
        assert [r.status for r in results] == ["imported", "imported", "imported"]
        old, ancient, later = results
        assert old.rows == 3  # Christmas 1985 left out
        assert any("1985-12-25" in note for note in old.notes), old.notes
        assert ancient.rows == 2
        assert any("outside the NYSE calendar" in note for note in ancient.notes), ancient.notes
        assert later.rows == 2
        stored = [ts.date() for ts in store.values("A_OLD").index]
        assert stored == [date(1985, 12, 24), date(1985, 12, 26), date(1990, 1, 2)]


def test_calendar_questions_before_1990_are_answered() -> None:
    assert is_session(date(1985, 12, 24)) and not is_session(date(1985, 12, 25))
    # 1987-10-19 (Black Monday) to 1987-10-23: five sessions.
    assert len(sessions_between(date(1987, 10, 19), date(1987, 10, 23))) == 5
    assert sessions_between(date(1700, 1, 1), date(1700, 12, 31)) == []
