"""The Federal Reserve's rate decisions, a day code can date.

"Since the Fed's December meeting", "after the Fed cut rates in December", "ahead of the
January Fed decision", "on Fed day": people name the decision instead of its date, and the
answer had said it could not date them ("name the event's day"). The days are the FOMC
statement days of the Fed's own published meeting calendars for 2025 and 2026 (the second day
of each two-day meeting). A decision outside them stays an event the answer cannot date.
"""

from __future__ import annotations

import re
from datetime import date

from copilot.understand.vocabulary import MONTH, MONTHS, TIME_WORDS

DECISION_DAYS = (
    date(2025, 1, 29), date(2025, 3, 19), date(2025, 5, 7), date(2025, 6, 18),
    date(2025, 7, 30), date(2025, 9, 17), date(2025, 10, 29), date(2025, 12, 10),
    date(2026, 1, 28), date(2026, 3, 18), date(2026, 4, 29), date(2026, 6, 17),
    date(2026, 7, 29), date(2026, 9, 16), date(2026, 10, 28), date(2026, 12, 9),
)  # fmt: skip
LABEL = "the Fed decision of"  # a decision's label begins so ("the Fed decision of 2025-12-10")

_FED = r"(?:fed|fomc|federal\s+reserve)"
# "the Fed's December meeting", "the December Fed decision", "the FOMC statement", "Fed day",
# "the Fed rate cut"; not "rate cut hopes", "a Fed cut in March" (a cut hoped for: dated, it
# had been March 2025's decision), "the next Fed meeting" (not yet held)
_NAMED = re.compile(
    r"\b(?<!next\s)(?<!\ba\s)(?<!\ban\s)(?:the\s+)?"
    rf"(?:(?:last|latest|most\s+recent|recent)\s+)?(?:(?P<m1>{MONTH})(?:'s)?\s+)?{_FED}(?:'s)?\s+(?:(?P<m2>{MONTH})\s+)?(?:(?:rate|policy|interest[\s-]rate)\s+)?"
    r"(?:meeting|decision|announcement|statement|day|cut|hike)\b"
    r"(?!\s+(?:hopes?|bets?|expectations?|odds|worries|fears?|speculation|path|outlook|"
    r"pricing|chances?))"
    # "the Fed decision on December 10": the day is given (`windows` reads it)
    rf"(?!\s+(?:on|of)\s+(?:the\s+)?(?:\d|{MONTH}\s+\d))"
    rf"(?:\s+(?:in|of)\s+(?P<m4>{MONTH}))?",
    re.IGNORECASE,
)
# "the Fed cut rates in December", "the Fed held rates steady in January"
_ACTED = re.compile(
    rf"\b(?:the\s+)?{_FED}\s+(?:cut|raised|hiked|held|kept|lowered|paused|left)\s+"
    r"(?:(?:interest|its\s+(?:key\s+)?(?:policy\s+)?)\s*)?rates?"
    r"(?:\s+(?:steady|unchanged|on\s+hold))?"
    rf"(?:\s+(?:in|on|at\s+its)\s+(?P<m3>{MONTH})(?:\s+meeting)?)?",
    re.IGNORECASE,
)

# "after Powell's press conference", "Powell's December presser": held on a decision's day
# (his speeches and testimony are not, and stay events code cannot date).
_PRESSER = re.compile(
    r"\b(?:(?:fed\s+chair(?:man)?\s+)?(?:jerome\s+)?powell|the\s+fed\s+chair(?:man)?)(?:['’]s)?\s+"
    rf"(?:(?P<m6>{MONTH})\s+)?(?:press\s+conference|presser|news\s+conference)"
    rf"(?:\s+(?:in|of)\s+(?P<m7>{MONTH})\b)?",
    re.IGNORECASE,
)

# "after the Fed", "into the Fed", "post-Fed", "since the FOMC": the Fed alone, named as a time,
# is its latest decision (had been an event code could not date, or no window at all). Not the
# Fed as an actor: "after the Fed's chair spoke", "since the Fed cut" (`_ACTED` dates that).
_AS_A_TIME = re.compile(
    TIME_WORDS + rf"(?P<it>(?:the\s+)?{_FED}\b(?!['’]|\s+(?:chair\w*|officials?|speakers?|minutes|"
    r"governors?|cut|hike|raised|lowered|held|kept|paused|left|said|signal\w*|decision|"
    r"meeting|announcement|statement|day)\b)"
    # "after the FOMC in December": that month's decision
    rf"(?:\s+in\s+(?P<m5>{MONTH})\b)?)"
    # "react to the Fed in Q4": the period named dates it, not the latest decision
    r"(?!\s+(?:in|during|over|through(?:out)?|this|last)\b)",
    re.IGNORECASE,
)


def fed_decisions(text: str, as_of: date) -> list[tuple[int, int, date]]:
    """(start, end, decision day) of every Fed decision `text` names that code can date: the
    one in the month named, else the latest, on or before `as_of`."""
    spans: list[tuple[int, int, re.Match[str]]] = [
        (m.start(), m.end(), m)
        for pattern in (_NAMED, _ACTED, _PRESSER)
        for m in pattern.finditer(text)
    ]
    spans += [(m.start("it"), m.end("it"), m) for m in _AS_A_TIME.finditer(text)]
    spans.sort(key=lambda s: s[0] - s[1])  # the longest first: "the Fed cut rates in December"
    found: list[tuple[int, int, date]] = []  # over its "the Fed cut"
    for start, end, match in spans:
        if any(start < e and s < end for s, e, _ in found):
            continue
        said = next((m for k, m in match.groupdict().items() if m and k != "it"), None)
        day = _decision(MONTHS[said.lower().rstrip(".")] if said else None, as_of)
        if day is not None:
            found.append((start, end, day))
    return sorted(found)


def _decision(month: int | None, as_of: date) -> date | None:
    """The latest decision on or before `as_of` (in `month`, when given)."""
    held = [d for d in DECISION_DAYS if d <= as_of and (month is None or d.month == month)]
    return max(held) if held else None
