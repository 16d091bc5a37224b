"""The jobs report and the CPI report, days code can date.

"How did bonds react to the jobs report?", "what did gold do on CPI day?", "since the December
CPI report": people name the release instead of its day, and the answer had left the window to
the model ("'the jobs report' is not a period code can date"). The days are the release days
of the Bureau of Labor Statistics' published schedules for 2025 and January 2026, with the
shutdown's changes (September's jobs report on November 20; October's and November's on
December 16; September's CPI on October 24; no October CPI). The stored articles confirm those
of December and January: "the jobs report on the 16th, inflation on the 18th", "the Labor
Department released the closely-watched December jobs report" (January 9), "an inflation update
via the consumer price index for December" in the week of January 12 (January 13).

"The December jobs report" is the report on December, released in January; "the jobs report in
December" is the one released in December. A release outside the schedules stays an event the
answer cannot date.
"""

from __future__ import annotations

import re
from datetime import date

from copilot.understand.vocabulary import MONTH, MONTHS, TIME_WORDS

Release = tuple[date, tuple[int, int]]  # (release day, (year, month) the data are for)

JOBS_DAYS: tuple[Release, ...] = (
    (date(2025, 1, 10), (2024, 12)), (date(2025, 2, 7), (2025, 1)),
    (date(2025, 3, 7), (2025, 2)), (date(2025, 4, 4), (2025, 3)),
    (date(2025, 5, 2), (2025, 4)), (date(2025, 6, 6), (2025, 5)),
    (date(2025, 7, 3), (2025, 6)), (date(2025, 8, 1), (2025, 7)),
    (date(2025, 9, 5), (2025, 8)), (date(2025, 11, 20), (2025, 9)),
    (date(2025, 12, 16), (2025, 11)), (date(2026, 1, 9), (2025, 12)),
)  # fmt: skip
CPI_DAYS: tuple[Release, ...] = (
    (date(2025, 1, 15), (2024, 12)), (date(2025, 2, 12), (2025, 1)),
    (date(2025, 3, 12), (2025, 2)), (date(2025, 4, 10), (2025, 3)),
    (date(2025, 5, 13), (2025, 4)), (date(2025, 6, 11), (2025, 5)),
    (date(2025, 7, 15), (2025, 6)), (date(2025, 8, 12), (2025, 7)),
    (date(2025, 9, 11), (2025, 8)), (date(2025, 10, 24), (2025, 9)),
    (date(2025, 12, 18), (2025, 11)), (date(2026, 1, 13), (2025, 12)),
)  # fmt: skip
JOBS_LABEL = "the jobs report of"  # a release's label begins so ("the jobs report of 2026-01-09")
CPI_LABEL = "the CPI report of"
LABELS = (JOBS_LABEL, CPI_LABEL)

# the release's own words, and what it did: "the December payrolls beat", "the CPI miss"
_WORD = r"(?:report|data|numbers?|print|release|reading|figures|day|beat|miss|surprise|shock)"
_LEAD = (
    r"\b(?<!next\s)(?<!\ba\s)(?<!\ban\s)(?:the\s+)?(?:(?:last|latest|most\s+recent|recent)\s+)?"
    rf"(?:(?P<data>{MONTH})(?:'s)?\s+)?"
)
# Not "the jobs report on January 9" (the day is given: `windows` reads it), nor "jobs data
# worries" (a mood, not the release).
_TAIL = (
    rf"(?!\s+(?:on|of)\s+(?:the\s+)?(?:\d|{MONTH}\s+\d))"
    r"(?!\s+(?:hopes?|worries|fears?|expectations?|jitters))"
    rf"(?:\s+(?:for\s+(?P<data2>{MONTH})|in\s+(?P<out>{MONTH})))?"
)
_JOBS = re.compile(
    _LEAD + r"(?:(?:nonfarm\s+)?(?:jobs|payrolls?|employment|labou?r[\s-]market)\s+"
    rf"{_WORD}\b|nonfarm\s+payrolls\b|payrolls\b(?=\s+{_WORD}\b))" + _TAIL,
    re.IGNORECASE,
)
_CPI = re.compile(
    _LEAD
    + rf"(?:cpi|consumer[\s-]price[\s-]index|consumer[\s-]prices?|inflation)\s+{_WORD}\b"
    + _TAIL,
    re.IGNORECASE,
)

# The release named bare as a time: "after CPI", "ahead of the December CPI", "post-NFP", "into
# payrolls", "react to the nonfarm payrolls". Bare "CPI" elsewhere is the index itself ("what
# was the December CPI", "how has CPI changed this year"), so only a word of time reads it so.
_AS_A_TIME = TIME_WORDS + rf"(?P<it>\b(?:the\s+)?(?:(?P<data>{MONTH})(?:'s)?\s+)?"
# A release's name ends here, after a word of time: "after the December |CPI|"
RELEASE_AT_TIME = re.compile(TIME_WORDS + rf"(?:the\s+)?(?:{MONTH}(?:'s)?\s+)?$", re.IGNORECASE)
# Not "the CPI on Dec 18" (its day is given, and the date reader reads it) nor "CPI worries".
_BARE_TAIL = (
    r")(?![\w-])(?!\s+(?:hopes?|worries|fears?|expectations?|jitters))"
    rf"(?!(?:\s+{_WORD})?\s+(?:on|of)\s+(?:the\s+)?(?:\d|{MONTH}\s+\d))"
)
_JOBS_AT = re.compile(_AS_A_TIME + r"(?:nfp|(?:nonfarm\s+)?payrolls)" + _BARE_TAIL, re.IGNORECASE)
_CPI_AT = re.compile(_AS_A_TIME + r"cpi" + _BARE_TAIL, re.IGNORECASE)

# The release named by its coming out: "the day the CPI came out in January", "on the day the
# jobs numbers dropped", "when the December payrolls were released". The whole phrase is the
# day (its "CPI" is no market); "in January" says when it came out.
_THE_DAY = (
    r"\b(?:(?:on\s+)?the\s+day\s+(?:that\s+|when\s+)?|when\s+)(?:the\s+)?"
    rf"(?:(?P<data>{MONTH})(?:'s)?\s+)?"
)
_CAME_OUT = (
    r"\s+(?:came\s+out|come\s+out|(?:was|were)\s+(?:released|published|out)|dropped|hit|"
    rf"landed|printed)(?:\s+in\s+(?P<out>{MONTH}))?\b"
)
_JOBS_DAY = re.compile(
    _THE_DAY + rf"(?:(?:nonfarm\s+)?(?:jobs|payrolls?|employment)(?:\s+{_WORD})?|nfp)" + _CAME_OUT,
    re.IGNORECASE,
)
_CPI_DAY = re.compile(
    _THE_DAY
    + rf"(?:cpi(?:\s+{_WORD})?|(?:inflation|consumer[\s-]price(?:[\s-]index)?)\s+{_WORD})"
    + _CAME_OUT,
    re.IGNORECASE,
)


def came_out_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a release by its coming out ("the day the CPI came out")."""
    return [m.span() for pattern in (_JOBS_DAY, _CPI_DAY) for m in pattern.finditer(text)]


def release_days(text: str, as_of: date) -> list[tuple[int, int, str, date]]:
    """(start, end, label, release day) of every jobs or CPI report `text` names that code can
    date: the one on the month named, else released in it, else the latest, on or before
    `as_of`."""
    found: list[tuple[int, int, str, date]] = []
    for came_out, named, bare, days, label in (
        (_JOBS_DAY, _JOBS, _JOBS_AT, JOBS_DAYS, JOBS_LABEL),
        (_CPI_DAY, _CPI, _CPI_AT, CPI_DAYS, CPI_LABEL),
    ):
        spans = [(m.start(), m.end(), m) for m in came_out.finditer(text)]
        spans += [
            (m.start(), m.end(), m)
            for m in named.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e, _ in spans)
        ]
        spans += [
            (m.start("it"), m.end("it"), m)
            for m in bare.finditer(text)
            if not any(s < m.end() and m.start("it") < e for s, e, _ in spans)
        ]
        for start, end, match in spans:
            day = _release(days, match, as_of)
            if day is not None:
                found.append((start, end, f"{label} {day.isoformat()}", day))
    return sorted(found)


def _release(days: tuple[Release, ...], match: re.Match[str], as_of: date) -> date | None:
    out = [(day, data) for day, data in days if day <= as_of]
    data_month = match["data"] or match.groupdict().get("data2")
    if data_month:  # "the December jobs report", "the jobs report for December"
        month = MONTHS[data_month.lower().rstrip(".")]
        out = [(day, data) for day, data in out if data[1] == month]
    elif match.groupdict().get("out"):  # "the jobs report in December": released then
        month = MONTHS[match["out"].lower().rstrip(".")]
        out = [(day, data) for day, data in out if day.month == month]
    return max(out)[0] if out else None
