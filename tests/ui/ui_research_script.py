"""Scripted model turns for a research report in the UI tests (imported by name from this folder).

The plan asks for IWM's and SPY's returns since the end of 2025, a news search and IWM's streak
against SPY; the sections then cite what those steps return on the shared sample data as of
2026-01-23 ([1] IWM, [2] SPY, [3] the one stored article), so every figure checks out.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

TOPIC = "why did small caps rally?"
TITLE = "Small caps lead the January rally"
QUESTIONS = ["How far did small caps outrun large caps?", "What news drove it?"]
START, END = "2025-12-31", "2026-01-23"
PLAN = json.dumps(
    {
        "sub_questions": QUESTIONS,
        "steps": [
            {"tool": "price_return", "feeds": "analysis", "why": "the rally",
             "args": {"symbol": "IWM", "start": START, "end": END}},
            {"tool": "price_return", "feeds": "analysis", "why": "the benchmark",
             "args": {"symbol": "SPY", "start": START, "end": END}},
            {"tool": "search_news", "feeds": "analysis", "why": "the drivers",
             "args": {"query": "small caps rally", "k": 2, "since": "2026-01-12"}},
            {"tool": "streak", "feeds": "insights", "why": "how long it lasted",
             "args": {"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}},
        ],
    }
)  # fmt: skip


def raw_close(shared_data: Path, symbol: str, day: str) -> float:
    """A close read straight from the raw sample CSV (plain csv module, no project code)."""
    with (shared_data / "market" / "prices" / f"{symbol}.csv").open(newline="") as handle:
        return next(float(r["close"]) for r in csv.DictReader(handle) if r["date"] == day)


def returns(shared_data: Path) -> dict[str, str]:
    """IWM's and SPY's returns 2025-12-31 → 2026-01-23 from the raw CSVs, as the tool writes."""
    out = {}
    for symbol in ("IWM", "SPY"):
        ret = raw_close(shared_data, symbol, END) / raw_close(shared_data, symbol, START) - 1
        out[symbol] = f"{ret * 100:.2f}%"
    return out


def header(reason: str) -> str:
    return json.dumps({"title": TITLE, "tags": ["small caps", "IWM"], "market": "US equities",
                       "sentiment": "positive", "reason": reason})  # fmt: skip


INSIGHTS = json.dumps({"insights": ["Small caps led by a wide margin [1].",
                                    "Coverage tied the move to rate-cut hopes [3]."]})  # fmt: skip
RISKS = json.dumps(
    {"risks": ["The rally could fade if rate-cut hopes recede."],
     "opportunities": ["Breadth favours smaller companies."]}
)  # fmt: skip
REASON = "Small caps rallied as investors bet on lower interest rates [3]."


def writing_turns(ret: dict[str, str]) -> list[str]:
    """The six calls after the plan: the reasons turn of the one stored article (the report's
    "What drove the move"), then header, summary, one analysis part (the plan's "What news
    drove it?" is the drivers' to answer), insights, risks."""
    return [
        REASON,
        header(f"IWM rose {ret['IWM']} [1]."),
        f"Small caps rose {ret['IWM']} [1] while the S&P 500 ETF gained {ret['SPY']} [2]; "
        "news pointed to rate-cut hopes [3].",
        f"IWM returned {ret['IWM']} [1] against {ret['SPY']} for SPY [2].",
        INSIGHTS,
        RISKS,
    ]
