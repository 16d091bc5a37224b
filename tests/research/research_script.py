"""Scripted model turns for the research tests (imported by name from this folder)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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


# Distinct causes, so no reason repeats another (a repeat is not kept: `tidy.repeats`).
CAUSES = [
    "investors bet the Federal Reserve would cut interest rates",
    "regional lenders reported stronger loan growth",
    "chipmakers raised their spending plans for the year",
    "traders rotated out of the largest technology companies",
    "freight carriers reported better volumes",
    "builders reported more orders for new homes",
    "consumer prices rose less than forecast",
    "oil prices fell to a six-month low",
]


def is_reason_turn(messages: list[ChatMessage]) -> bool:
    """The why-answer's one-article turn (`prompts/write_reason.md`)."""
    return "News excerpt [" in messages[-1]["content"]


def article_number(messages: list[ChatMessage]) -> int:
    found = re.search(r"News excerpt \[(\d+)\]", messages[-1]["content"])
    assert found is not None
    return int(found.group(1))


class Reasons:
    """Answers every reasons turn: a distinct cause of the `move` citing the turn's own article,
    or `bad` (a draft that does not hold up) for the first `bad_first` articles read."""

    def __init__(self, bad: str = "", bad_first: int = 0, move: str = "Small caps rallied") -> None:
        self.bad, self.bad_first, self.move = bad, bad_first, move
        self.read: list[int] = []

    def __call__(self, messages: list[ChatMessage]) -> str:
        n = article_number(messages)
        self.read.append(n)
        if len(self.read) <= self.bad_first:
            return self.bad.format(n=n)
        return f"{self.move} as {CAUSES[(len(self.read) - 1) % len(CAUSES)]} [{n}]."

    def route(self) -> tuple[Callable[[list[ChatMessage]], bool], Callable[..., str]]:
        return is_reason_turn, self


class Quoting:
    """Answers every reasons turn with its excerpt's first sentence, citing it: a reason its
    article supports (it is the article's own words)."""

    def __call__(self, messages: list[ChatMessage]) -> str:
        n = article_number(messages)
        found = re.search(r"<<<ARTICLE[^\n]*\n(.*?)\n>>>", messages[-1]["content"], re.S)
        assert found is not None
        first = re.split(r"(?<=[.!?])\s", found.group(1).strip().lstrip("… "))[0]
        return f"{first.rstrip('.')} [{n}]."

    def route(self) -> tuple[Callable[[list[ChatMessage]], bool], Callable[..., str]]:
        return is_reason_turn, self
