"""The flagship question scripted for the UI tests and the UI benchmark (deterministic).

The plan asks for IWM's streak against SPY and both ETFs' returns since the end of 2025; the
engine adds a news search for a "why" question when a news store exists. The written answer's
figures are what those tools report on the shared sample data (as of 2026-01-23), so every
number checks out; [4] is the first news hit when there is one (and is dropped otherwise).
"""

from __future__ import annotations

import json
from pathlib import Path

QUESTION = "why did small caps rally?"
AS_OF = "2026-01-23"
PLAN = json.dumps(
    {
        "calls": [
            {"tool": "streak", "args": {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}},
            {"tool": "price_return",
             "args": {"symbol": "IWM", "start": "2025-12-31", "end": "2026-01-22"}},
            {"tool": "price_return",
             "args": {"symbol": "SPY", "start": "2025-12-31", "end": "2026-01-22"}},
        ]
    }
)  # fmt: skip
ANSWER = (
    "Small caps rallied as investors rotated out of the largest stocks: the Russell 2000 ETF "
    "IWM beat the S&P 500 for 14 sessions in a row through January 22 [1]. Since the end of "
    "2025 IWM gained 9.60% [2], against 1.04% for SPY [3], a gap of 8.56 percentage points. "
    "News coverage at the time tied the streak to hopes for lower interest rates and a "
    "broadening rally [4]."
)
TURNS = [PLAN, ANSWER]


def write_turns(path: Path) -> Path:
    """The turns as the `COPILOT_SCRIPTED_TURNS` file the app's test hook reads."""
    path.write_text(json.dumps(TURNS), encoding="utf-8")
    return path
