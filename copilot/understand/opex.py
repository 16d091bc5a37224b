"""Options expiration days: the third Friday of each month, a day code can date.

"How did SPY do on opex?", "what did tech do into triple witching?", "since December's
options expiration": people name the expiration instead of its day, and the answer had
measured the latest session instead, saying nothing of it. Listed options expire on the third
Friday of the month (the session before it when that Friday is a market holiday, as Good Friday
was on April 18, 2025); those of March, June, September and December expire with the index
futures, "triple" (or "quad") witching. The stored articles name December 19, 2025's: "Stocks
Climb as Options Expiry Approaches $7.1 Trillion".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from copilot.understand.sessions import is_session, session_on_or_before
from copilot.understand.vocabulary import MONTH, MONTHS

LABEL = "the options expiration of"  # "the options expiration of 2026-01-16"
WITCHING_LABEL = "the triple witching of"  # "the triple witching of 2025-12-19"
LABELS = (LABEL, WITCHING_LABEL)
_QUARTER_ENDS = (3, 6, 9, 12)

_OPEX = re.compile(
    rf"\b(?:the\s+)?(?:(?P<month>{MONTH})(?:'s)?\s+)?(?:monthly\s+)?"
    r"(?:(?P<witching>(?:triple|quad(?:ruple)?)\s+witching)|"
    r"op(?:tions?)?[\s-]?ex(?:piration|piry)?|options?\s+expir(?:y|ation|ations|ies))"
    rf"(?:\s+day)?\b(?:\s+(?:in|of|for)\s+(?P<month2>{MONTH})\b)?(?!\s+(?:hopes?|worries|fears?))",
    re.IGNORECASE,
)


def expiration_day(year: int, month: int) -> date:
    """The month's third Friday, or the session before it when the market is shut then."""
    first = date(year, month, 1)
    friday = first + timedelta(days=(4 - first.weekday()) % 7 + 14)
    return friday if is_session(friday) else session_on_or_before(friday)


def opex_days(text: str, as_of: date) -> list[tuple[int, int, str, date]]:
    """(start, end, label, day) of every options expiration `text` names: the latest on or
    before `as_of` (in the month named, when one is; of a quarter's last month for witching)."""
    found = []
    for match in _OPEX.finditer(text):
        witching = match["witching"] is not None
        named = match["month"] or match["month2"]  # "December opex", "opex in December"
        said = MONTHS[named.lower().rstrip(".")] if named else None
        day = _latest(as_of, said, witching)
        if day is not None:
            label = WITCHING_LABEL if witching else LABEL
            found.append((match.start(), match.end(), f"{label} {day.isoformat()}", day))
    return found


def _latest(as_of: date, month: int | None, witching: bool) -> date | None:
    """The latest expiration on or before `as_of` that fits, looking back at most a year."""
    year, at = as_of.year, as_of.month
    for _ in range(13):
        day = expiration_day(year, at)
        fits = (month is None or at == month) and (not witching or at in _QUARTER_ENDS)
        if fits and day <= as_of:
            return day
        year, at = (year, at - 1) if at > 1 else (year - 1, 12)
    return None
