"""A why-question's evidence: measure the move first, then read the news around it.

"Why did X move?" gets X's move over the window the question names — or, when it names none,
over the move that just happened (`copilot.market.recent_move`, which says why it chose that
window) — beside the S&P 500's over the same window, how many sessions in a row X beat it, and the
news published around the move (never after the as-of date). Direction matters: "why did gold
fall" looks for the fall.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from copilot.errors import CopilotError
from copilot.market.recent_move import recent_move
from copilot.market.symbols import lookup
from copilot.tools import ToolDeps
from copilot.understand.model import Understanding

BENCHMARK = "SPY"
MAX_SUBJECTS = 3
NEWS_LEAD_DAYS = 3  # articles from a few days before the move can carry its cause


def why_calls(
    deps: ToolDeps, settled: Understanding, news_k: int, news_days: int
) -> list[dict[str, Any]]:
    """The measure calls for the move and the news search around it."""
    store = deps.market
    subjects = [i.symbol for i in settled.instruments][:MAX_SUBJECTS]
    if len(subjects) > 1 and BENCHMARK in subjects:
        subjects.remove(BENCHMARK)
    start, end, sessions = _window(deps, settled, subjects[0])
    window = {"start": start, "end": end, "sessions": sessions}
    window = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in window.items() if v}
    priced = [s for s in subjects if store.table_of(s) == "bars"]
    compare = bool(priced) and store.table_of(BENCHMARK) is not None and BENCHMARK not in subjects
    symbols = subjects + ([BENCHMARK] if compare else [])
    move: dict[str, Any] = {"symbols": symbols, "measure": "return", **window}
    if compare:
        move["versus"] = BENCHMARK
    calls: list[dict[str, Any]] = [{"tool": "measure", "args": move}]
    if compare and len(priced) == 1:
        streak = {"symbols": priced, "measure": "beat_streak", "versus": BENCHMARK}
        if end:
            streak["end"] = end.isoformat()
        calls.append({"tool": "measure", "args": streak})
    if deps.news is not None:
        calls.append({"tool": "search_news", "args": _news_args(settled, subjects, start, end,
                                                               news_k, news_days)})  # fmt: skip
    return calls


def _window(
    deps: ToolDeps, settled: Understanding, subject: str
) -> tuple[date | None, date | None, int | None]:
    """The question's own window, else the recent move's (said in the trace)."""
    window = settled.window
    if window is not None and window.explicit:
        return window.start, window.end, window.sessions
    try:
        values = deps.market.values(subject, as_of=deps.as_of)
    except CopilotError:
        return None, None, 20
    move = recent_move(values, settled.direction)
    if move is None:
        settled.trace.append("window: no recent move in the asked direction; the last 20 sessions")
        return None, None, 20
    settled.trace.append(f"window: {move.reason}")
    return move.start, move.end, None


def _news_args(
    settled: Understanding, subjects: list[str], start: date | None, end: date | None,
    k: int, news_days: int,
) -> dict[str, Any]:  # fmt: skip
    """A query from the entity and the move's direction (not the raw question), and a window
    centred on the move with the as-of date as the hard limit."""
    as_of = settled.as_of
    words = []
    for symbol in subjects:
        info = lookup(symbol)
        words.append(info.represents if info else symbol)
    way = {"up": "rally gains rise", "down": "fall losses selloff"}.get(settled.direction or "", "")
    query = " ".join([*words, way, "why stocks moved"]).strip()
    since = (start - timedelta(days=NEWS_LEAD_DAYS)) if start else as_of - timedelta(news_days)
    until = min(as_of, end + timedelta(days=NEWS_LEAD_DAYS)) if end else as_of
    return {"query": query, "k": k, "since": since.isoformat(), "until": until.isoformat()}
