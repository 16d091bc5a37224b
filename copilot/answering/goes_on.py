"""Whether a move goes on, answered from the prices.

"Is the small cap run still going, and what's fueling it?" was measured over IWM's run (+6.11 %
from January 2 to January 26, 2026) and the model wrote "The small cap run is still going"
unchecked, four sessions after the run's last; "is gold's rally over?" measured the latest
session alone (GLD -10.27 % on 2026-01-30) and left the question to the model. The run is the
most unusual recent move the question's way (as a why-question's recent move is found), and
the move since its last session is measured too: the answer says which way it has gone since
(`copilot.answering.premise`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pandas as pd

from copilot.errors import CopilotError
from copilot.market.recent_move import recent_move
from copilot.tools import ToolDeps
from copilot.understand.model import Understanding
from copilot.understand.vocabulary import run_asked


def since_call(deps: ToolDeps, settled: Understanding, subject: str, last: date) -> dict[str, Any]:
    """The measure call of `subject`'s move since the session `last` (the run's last), when
    the question asks whether the move goes on and sessions came after it; `last` is noted on
    `settled` either way (`run_end`). Empty when not asked."""
    if run_asked(settled.question) is None:
        return {}
    try:
        values = deps.market.values(subject, as_of=deps.as_of).dropna()
    except CopilotError:
        return {}
    return _since(settled, subject, values, last)


def _since(settled: Understanding, subject: str, values: pd.Series, last: date) -> dict[str, Any]:
    """`since_call` over closes already read."""
    settled.run_end = last
    later = values[values.index > pd.Timestamp(last)]
    if later.empty:
        settled.trace.append(f"goes on: {subject}'s move runs to the latest session, {last}")
        return {}
    settled.trace.append(
        f"goes on: asked whether the move goes on, so {subject}'s move since {last} "
        f"(its last session) is measured too"
    )
    args = {"symbols": [subject], "measure": "return", "start": later.index[0].date().isoformat(),
            "end": later.index[-1].date().isoformat()}  # fmt: skip
    return {"tool": "measure", "args": args}


def goes_on_calls(deps: ToolDeps, settled: Understanding) -> list[dict[str, Any]]:
    """For a question that is not a why-question ("is gold's rally over?"): the run (the most
    unusual recent move the question's way) and the move since its last session. Empty when
    not asked, or when no run can be found (then the question's own calls stand)."""
    if run_asked(settled.question) is None or len(settled.instruments) != 1:
        return []
    subject = settled.instruments[0].symbol
    try:
        values = deps.market.values(subject, as_of=deps.as_of).dropna()
    except CopilotError:
        return []
    run = recent_move(values, settled.direction, because="the question asks whether a move goes on")
    if run is None:
        return []
    settled.trace[:] = [line for line in settled.trace if not line.startswith("window:")]
    settled.trace.append(f"window: {run.reason}")
    way: Literal["up", "down"] = "up" if run.change > 0 else "down"
    settled.direction = settled.direction or way
    measured = {"symbols": [subject], "measure": "return", "start": run.start.isoformat(),
                "end": run.end.isoformat()}  # fmt: skip
    since = _since(settled, subject, values, run.end)
    return [{"tool": "measure", "args": measured}, *([since] if since else [])]
