"""An exchange calendar kept on disk for the day it was built.

Building the NYSE calendar from 1990 takes ~0.45 s on 2 cores, paid by every fresh `ask` before
it can read a date; unpickling the same calendar takes ~0.05 s. The library builds its calendar
to a year after today, so a copy is good for the day it was made, with the library and pandas
versions it was made by; anything else (another day, an unreadable or foreign file) is built
afresh and written over. The file is ours, in the user's own cache directory, like the model's
KV snapshots; it is never read from anywhere else.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from contextlib import suppress
from datetime import date
from pathlib import Path

import exchange_calendars as xcals
import pandas as pd


def calendar_path(folder: Path, name: str, start: str, today: date) -> Path:
    """Where the calendar `name` from `start`, built on `today`, is kept."""
    versions = f"xcals{xcals.__version__}-pandas{pd.__version__}"
    return folder / f"{name}-from{start}-{today.isoformat()}-{versions}.pickle"


def cached_calendar(name: str, start: str, folder: Path) -> xcals.ExchangeCalendar:
    """The calendar `name` from `start`: today's copy in `folder`, or built (and kept there)."""
    path = calendar_path(folder, name, start, date.today())
    try:
        calendar = pickle.loads(path.read_bytes())
        if isinstance(calendar, xcals.ExchangeCalendar):
            return calendar
    except Exception:  # missing, truncated or foreign: any of them is rebuilt
        pass
    calendar = xcals.get_calendar(name, start=start)
    with suppress(OSError):  # a read-only cache only costs the next process the build
        _write(path, pickle.dumps(calendar))
        for old in folder.glob(f"{name}-from{start}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return calendar


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)  # readers never see a half-written file
