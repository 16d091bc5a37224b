"""A plan without a model call, for the one question shape that leaves nothing to decide.

"Why did small caps rally?" names one market and a move, and no period. For that shape the plan
the model is taught (the why-example in prompts/system.md) is fixed: the market's and the S&P
500's return over the last 20 sessions, the run of sessions it beat the benchmark, and the news
of the window. Filling it in here saves the plan call — 10–16 s on a 2-core machine, a third of
the answer. Every other shape (no stored market or two of them, any date or period, a yield, a
question that is not about a move) returns None and gets the model's plan. Questions naming a
day were tried here too and left to the model: without its own plan turn in the conversation,
the 1.5B model copied the one-day evidence blocks instead of writing sentences.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from copilot.market.symbols import resolve_concept

BENCHMARK = "SPY"
DEFAULT_SESSIONS = 20  # the window the system prompt's why-example uses when none is named

_WHY = re.compile(r"^\s*(why|what (drove|caused|pushed|sent|is behind|was behind))\b", re.I)
_MOVE = re.compile(
    r"\b(rall(y|ied|ies|ying)|r(ise|ose|isen|ising)|gain(ed|ing)?|climb(ed|ing)?|jump(ed)?|"
    r"surge(d)?|soar(ed)?|rebound(ed)?|advance(d)?|outperform(ed)?|fall|fell|fallen|"
    r"drop(ped)?|slid(e)?|slump(ed)?|sink|sank|tumble(d)?|decline(d)?|plunge(d)?|"
    r"sell[- ]off|sold off|underperform(ed)?|higher|lower|up|down)\b",
    re.I,
)
# Any period, date or number: the model decides those windows.
_PERIOD = re.compile(
    r"\b(week|month|quarter|year|ytd|since|through|between|from|during|today|yesterday|"
    r"sessions?|days?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|on|in|last|this)\b|\d",
    re.I,
)
# Words that add a second subject or a condition the fixed plan would not answer.
_BEYOND = re.compile(r"\b(and|or|versus|vs\.?|compared|than|while|despite)\b", re.I)


def quick_plan(
    question: str, as_of: date, price_symbols: Collection[str], news: bool, news_days: int
) -> list[dict[str, Any]] | None:
    """The fixed why-did-it-move plan's tool calls, or None when the question is any other shape.

    `price_symbols` are the stored symbols with price bars (a yield or macro series has no
    "return" to explain this way); `news` says whether a news store is attached.
    """
    if not news or not _WHY.search(question) or not _MOVE.search(question):
        return None
    # Numbers inside names ("S&P 500", "Russell 2000") are not periods.
    unnamed = re.sub(r"S&P\s?500|Russell\s2000|Nasdaq[-\s]100", " ", question, flags=re.I)
    if _BEYOND.search(question) or _PERIOD.search(unnamed):
        return None
    symbols = [s for s in resolve_concept(question) if s in price_symbols]
    subjects = [s for s in symbols if s != BENCHMARK] or symbols
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    window = {"sessions": DEFAULT_SESSIONS}
    calls: list[dict[str, Any]] = [{"tool": "price_return", "args": {"symbol": subject, **window}}]
    if subject != BENCHMARK and BENCHMARK in price_symbols:
        calls.append({"tool": "price_return", "args": {"symbol": BENCHMARK, **window}})
        calls.append({"tool": "streak", "args": {"symbol": subject, "versus": BENCHMARK}})
    else:
        calls.append({"tool": "streak", "args": {"symbol": subject}})
    since = as_of - timedelta(days=news_days)
    query = question.strip().rstrip("?")
    news_args = {"query": query, "since": since.isoformat(), "until": as_of.isoformat()}
    calls.append({"tool": "search_news", "args": news_args})
    return calls
