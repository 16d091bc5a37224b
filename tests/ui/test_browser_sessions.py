"""Four browser sessions asking at once against one app process (issue 14): one round of the
browsers corpus (benchmarks/reliability/browsers.py) — every answer complete, in its own
session, its figures verified, and the queue's waiting label shown where the model was busy.

No warm-up question first: the four questions meet the app cold, the hardest case.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")


def csv_return(prices: Path, sessions: int) -> str:
    """By hand from the raw closes: the last `sessions` sessions to 2026-01-23."""
    with prices.open(newline="") as handle:
        closes = [float(r["close"]) for r in csv.DictReader(handle) if r["date"] <= "2026-01-23"]
    return f"{(closes[-1] / closes[-1 - sessions] - 1) * 100:+.2f}%"


def test_four_sessions_at_once_each_get_their_own_complete_answer(
    shared_data: Path, shared_market_path: Path
) -> None:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from benchmarks.reliability.browsers import run

    prices = shared_data / "market" / "prices"
    rows = run(4, 1, shared_market_path, prices, warm=False)

    assert len(rows) == 4
    symbols = [re.search(r"did (\w+) return", r["question"]).group(1) for r in rows]  # type: ignore[union-attr]
    assert len(set(symbols)) == 4
    for row, symbol in zip(rows, symbols, strict=True):
        failed = [name for name, ok in row["checks"].items() if not ok]
        assert not failed, (row["question"], failed, row["text"], row["error"], row["live_left"])
        sessions = int(re.search(r"last (\d+) sessions", row["question"]).group(1))  # type: ignore[union-attr]
        assert csv_return(prices / f"{symbol}.csv", sessions) in row["text"]
        assert symbol in row["text"]
        assert not [s for s in symbols if s != symbol and s in row["text"]]
    # four at once on one model: at least three of them waited, and each was told so
    waited = [r for r in rows if r["waited"]]
    assert len(waited) >= 3, [(r["question"], r["to_model_s"]) for r in rows]
    assert all(r["waits"] for r in waited)
