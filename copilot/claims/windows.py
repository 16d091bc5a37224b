"""Window lengths an answer writes beside a figure ("over the last 20 sessions", "a 5-session
gain", "in the past 30 days", "over the past two weeks", "from a year ago") and whether a
source's window agrees.

A written length is a claim about the figure's window: a return measured over 13 sessions is
not "over the last 20 sessions", whatever its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_WORD_NUMBERS = {w: i for i, w in enumerate(_NUMBER_WORDS.split())}
_N = rf"(\d+|{'|'.join(_WORD_NUMBERS)})"
_UNITS = r"(sessions?|days?|weeks?|months?|years?)"
_PHRASE = re.compile(
    # "over the last 20 sessions", "in the past 30 days", "the 15 sessions from", "over 13 days"
    rf"\b(?:last|past|over|the|previous|prior)\s+(?:the\s+)?(?:(?:last|past)\s+)?{_N}\s+"
    rf"(?:trading\s+)?{_UNITS}\b"
    # "a 5-session gain", "its 10-day return", "a 12-month return"
    rf"|\b{_N}-(?:trading-)?(session|day|week|month|year)\s+(?:gain|return|move|rally|drop|"
    r"decline|loss|advance|climb|slide|window|period|change|performance|stretch|span)"
    # "over the past week", "in the last session": one of them (not "since last week")
    r"|\b(?:over|in|during|for)\s+the\s+(?:last|past|previous|prior)\s+"
    r"(session|week|month|year)\b"
    # "up 2.3% from a year ago", "year over year": one year
    r"|\b(?:from|than|since|vs\.?|versus)\s+(a\s+year)\s+(?:ago|earlier|before)\b"
    r"|\b(year[-\s]over[-\s]year|yoy)\b",
    re.I,
)
# "its best day in the past 30 sessions": the window of the superlative, not of the figure
_SUPERLATIVE = re.compile(r"\b(?:best|worst|biggest|largest|highest|lowest|strongest|weakest|"
                          r"most|least|first|only)\b", re.I)  # fmt: skip
# Where one figure's clause ends and the next one's begins.
CLAUSE_BREAK = re.compile(
    r"[;:()]|,\s|\s(?:while|whereas|but|versus|vs\.?|compared with|against|and|with)\s|\s[-–—]\s",
    re.I,
)
_OPENING = re.compile(r"^\W*(?:\w+\W+){0,3}$")  # at most three words before the phrase
DAY_SLACK = 3  # calendar days a written "N days" may differ from the window's span


@dataclass(frozen=True)
class StatedWindow:
    length: int
    unit: str  # 'sessions', 'days', 'weeks', 'months' or 'years'
    start: int  # where its number (or word) starts in the text
    end: int


def _parse(m: re.Match[str], offset: int) -> StatedWindow:
    for group, unit in ((5, ""), (6, "years"), (7, "years")):
        if m[group]:  # one of them: "the past week", "a year ago", "year over year"
            unit = unit or m[group].lower() + "s"
            return StatedWindow(1, unit, offset + m.start(group), offset + m.end(group))
    group = 1 if m[1] else 3
    raw = m[group].lower()
    length = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    unit = (m[group + 1] or "").lower().rstrip("s") + "s"
    return StatedWindow(length, unit, offset + m.start(group), offset + m.end(group))


def windows_in(text: str, lo: int, hi: int) -> list[StatedWindow]:
    return [_parse(m, lo) for m in _PHRASE.finditer(text[lo:hi])]


def stated_windows(
    text: str,
    clause: tuple[int, int],
    figure: tuple[int, int],
    sentence: tuple[int, int],
    figures: list[int],
) -> tuple[StatedWindow, ...]:
    """The window lengths written for the figure at `figure`: those in its clause (not the
    figure itself: "the 15 sessions" states a length, it is not one); else the first one
    after it in its sentence with no other figure between ("fell 2.31% from the January 9
    close to the January 16 close over the last 3 sessions"); else one that opens its sentence
    ("Over the last 20 sessions, IWM rose 8%"). `figures`: where the sentence's other figures
    (not dates) start."""
    own = [w for w in windows_in(text, *clause) if w.start != figure[0] and _binds(text, figure, w)]
    if own:
        return tuple(own)
    for w in windows_in(text, figure[1], sentence[1]):
        between = text[figure[1] : w.start]
        if any(figure[1] <= at < w.start for at in figures) or CLAUSE_BREAK.search(between):
            break
        if _binds(text, figure, w):
            return (w,)
    lo = sentence[0]
    opening = [w for w in windows_in(text, lo, figure[0])
               if _OPENING.match(text[lo : w.start].replace("\n", " ")) and
               w.start != figure[0] and not _RATE_SPAN.match(text, w.start)]  # fmt: skip
    return tuple(opening[:1])


# "CPI: year-over-year change +2.74% …; change from November to December: -0.06 pp": the span of
# the rate the sentence opens with, not the window of every figure after it.
_RATE_SPAN = re.compile(r"(?:year|month)[\s-]+(?:over|on)[\s-]+(?:year|month)|yoy\b", re.I)


def _binds(text: str, figure: tuple[int, int], w: StatedWindow) -> bool:
    return not _SUPERLATIVE.search(text[min(figure[1], w.start) : max(figure[0], w.start)])


def nearest_sessions(windows: tuple[StatedWindow, ...], at: int) -> int | None:
    """The length, in sessions or days, of the written window nearest the figure at `at`."""
    counted = [w for w in windows if w.unit in ("sessions", "days")]
    if not counted:
        return None
    return min(counted, key=lambda w: abs(w.start - at)).length


# Sessions in one unit, at least and at most (a trading day is a session; a calendar day is
# 5/7 of one; months and years as the NYSE calendar has them).
_SESSIONS_PER = {"weeks": (4.6, 5.2), "months": (19.0, 23.0), "years": (245.0, 256.0)}
_DAYS_PER = {"weeks": 7.0, "months": 30.44, "years": 365.25}


def session_range(window: StatedWindow) -> tuple[float, float]:
    n = window.length
    if window.unit == "sessions":
        return n, n
    if window.unit == "days":
        return n * 5 / 7 - 1, n
    low, high = _SESSIONS_PER[window.unit]
    return low * n - 1, high * n + 1


def agrees(window: StatedWindow, sessions: int | None, span_days: int | None) -> bool:
    """Whether a source window of `sessions` sessions spanning `span_days` calendar days (from
    its base close to its end) can be called `window`. No known window: nothing to contradict."""
    if sessions is None:
        return True
    n = window.length
    if window.unit == "sessions":
        return n == sessions
    if window.unit == "days":  # trading days, or calendar days
        return n == sessions or (span_days is not None and abs(n - span_days) <= DAY_SLACK)
    low, high = session_range(window)
    days = _DAYS_PER[window.unit] * n
    return low <= sessions <= high or (
        span_days is not None and abs(days - span_days) <= DAY_SLACK + 0.02 * days
    )


def compatible(a: StatedWindow, b: StatedWindow) -> bool:
    """Two written windows that can be the same one ("the past week" and "5 sessions"; not
    "over 1 session" and "from a year ago")."""
    (a_low, a_high), (b_low, b_high) = session_range(a), session_range(b)
    return a_low <= b_high and b_low <= a_high


def all_agree(
    windows: tuple[StatedWindow, ...], sessions: int | None, dates: frozenset[date]
) -> bool:
    span = (max(dates) - min(dates)).days if len(dates) >= 2 else None
    return all(agrees(w, sessions, span) for w in windows)
