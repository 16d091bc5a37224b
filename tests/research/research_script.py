"""Scripted model turns for the research tests (imported by name from this folder)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from copilot.llm.base import ChatMessage
from tests.raw import close_on, raw_closes

TOPIC = "Why did small caps rally in January 2026?"
AS_OF = date(2026, 1, 23)


def expected_returns(shared_data: Path) -> dict[str, str]:
    """IWM's and SPY's returns 2025-12-31 → 2026-01-23 from the raw CSVs, as the tool writes."""
    prices = shared_data / "market" / "prices"
    out = {}
    for symbol in ("IWM", "SPY"):
        rows = raw_closes(prices, symbol)
        ret = (close_on(rows, "2026-01-23") / close_on(rows, "2025-12-31") - 1) * 100
        out[symbol] = f"{ret:.2f}%"
    return out


def plan_json(extra_steps: list[dict[str, Any]] | None = None) -> str:
    steps = [
        {
            "tool": "price_return",
            "feeds": "analysis",
            "why": "the rally",
            "args": {"symbol": "IWM", "start": "2025-12-31", "end": "2026-01-23"},
        },
        {
            "tool": "price_return",
            "feeds": "analysis",
            "why": "the benchmark",
            "args": {"symbol": "SPY", "start": "2025-12-31", "end": "2026-01-23"},
        },
        {
            "tool": "search_news",
            "feeds": "analysis",
            "why": "the drivers",
            "args": {"query": "small caps rally", "k": 3, "since": "2026-01-12"},
        },
        {"tool": "price_return", "feeds": "analysis", "args": {"symbol": "IWM", "sessions": 0}},
        *(extra_steps or []),
    ]
    return json.dumps(
        {
            "sub_questions": ["How far did small caps outrun large caps?", "What news drove it?"],
            "steps": steps,
        }
    )


def header(reason: str) -> str:
    return json.dumps(
        {
            "title": "Small caps lead the January rally",
            "tags": ["small caps", "IWM"],
            "market": "US equities",
            "sentiment": "positive",
            "reason": reason,
        }
    )


def insights(first: str) -> str:
    return json.dumps({"insights": [first, "Breadth widened beyond mega caps [3]."]})


RISKS = json.dumps(
    {
        "risks": ["The rally could fade if rate-cut hopes recede."],
        "opportunities": ["Breadth favours smaller companies."],
    }
)


def user_text(messages: list[ChatMessage]) -> str:
    return messages[-1]["content"]
