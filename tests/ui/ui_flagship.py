"""The flagship question scripted for the UI tests and the UI benchmark (deterministic).

The engine settles the question in code: the most unusual recent rise of IWM (the 15 sessions
from 2025-12-31 to 2026-01-22 as of 2026-01-23), measured beside SPY [1], and the run of
sessions IWM beat SPY [2]. Without a news store the model writes one turn (`TURNS`); with one,
code states the move and the model writes only the articles' reasons, one turn per article
(`NEWS_TURNS`: the drivers are [3], [4] and [5], in the tool's order). The
written figures are what the measure reports on the shared sample data, so every one checks out.
"""

from __future__ import annotations

import json
from pathlib import Path

QUESTION = "why did small caps rally?"
AS_OF = "2026-01-23"
DATA_PART = (
    "Small caps (IWM) returned +8.77% over the 15 sessions to January 22 [1], +8.49 pp ahead of "
    "SPY's +0.29% [1]. IWM beat SPY 14 sessions in a row through January 22 [2]."
)
ANSWER = DATA_PART
TURNS = [ANSWER]
NEWS_PART = "News coverage at the time tied the streak to hopes for lower interest rates [3]."
NEWS_TURNS = [
    NEWS_PART,
    "A market review described traders rebalancing into small caps for the new year [4].",
    "Another wrap had small caps leading the market's gains [5].",
]


def write_turns(path: Path, *, news: bool = False) -> Path:
    """The turns as the `COPILOT_SCRIPTED_TURNS` file the app's test hook reads."""
    path.write_text(json.dumps(NEWS_TURNS if news else TURNS), encoding="utf-8")
    return path
