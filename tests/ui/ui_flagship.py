"""The flagship question scripted for the UI tests and the UI benchmark (deterministic).

Without a news store the model plans: IWM's streak against SPY and both ETFs' returns since the
end of 2025 (`TURNS`: plan, answer). With one, the engine plans the question in code (IWM's and
SPY's 20-session returns [1] [2], the streak [3], the news [4]…) and the model writes two parts
(`NEWS_TURNS`). The written figures are what those tools report on the shared sample data (as
of 2026-01-23), so every number checks out.
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
DATA_PART = (
    "Small caps (IWM) returned +5.05% over the 20 sessions to January 23 [1], against +0.18% for "
    "SPY [2]. IWM beat SPY 14 sessions in a row through January 22 [3]."
)
NEWS_PART = "News coverage at the time tied the streak to hopes for lower interest rates [4]."
NEWS_TURNS = [DATA_PART, NEWS_PART]


def write_turns(path: Path, *, news: bool = False) -> Path:
    """The turns as the `COPILOT_SCRIPTED_TURNS` file the app's test hook reads."""
    path.write_text(json.dumps(NEWS_TURNS if news else TURNS), encoding="utf-8")
    return path
