"""Figures as articles write them: '-1.9%', 'fell 1.9 percent', '12 basis points', 'closed
above $300', 'a 10-session winning streak' → signed value, unit, comparator, precision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from copilot.factcheck.model import Comparator, Figure, FigureUnit

_I = re.IGNORECASE
_NUM = r"[-+−–]?\d[\d,]*(?:\.\d+)?"
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}  # fmt: skip
_COUNT = r"(\d+|" + "|".join(_WORDS) + r")(?:st|nd|rd|th)?"
_SPAN = r"(?:sessions?|days?|trading[\s-]days?)"
_STREAK = re.compile(
    r"\b"
    + _COUNT
    + r"\s+"
    + _SPAN
    + r"\s+in\s+a\s+row"
    + r"|\bstreak\s+to\s+"
    + _COUNT
    + r"\s+(?:straight\s+)?"
    + _SPAN
    + r"|\b"
    + _COUNT
    + r"[\s-]+(?:"
    + _SPAN
    + r"|straight|consecutive)[\s-]+"
    r"(?:(?:straight|consecutive|in\s+a\s+row)\s+)?(?:" + _SPAN + r"\s+)?"
    r"(?:(winning|losing|win|outperformance|beat(?:ing)?)\s+)?(streak|run|"
    r"sessions?|days?|gains?|declines?|advances?|losses|drops)?",
    _I,
)
_BP = re.compile(r"(?<![\d,.])(" + _NUM + r")\s*(?:basis\s+points?|bps?)\b", _I)
_PCT = re.compile(r"(?<![\d,.])(" + _NUM + r")\s*(?:%|percent\b|per\s+cent\b)(?!\s*points)", _I)
# "lost 14.63 points" is a change; "to close at 23,515.39 points" is a level (the lookbehind)
_POINTS = re.compile(
    r"(?<![\d,.])(?<!\bat\s)(?<!\bto\s)(" + _NUM + r")\s+(?<!basis\s)points?\b", _I
)
# "$269.79" is a price; "$250B", "$1.2 billion" are amounts, not market figures
_DOLLAR = re.compile(
    r"\$\s?(" + _NUM.replace("[-+−–]?", "") + r")(?![\d,.]*\s*(?:[bmkt]n?\b|billion|million|"
    r"trillion|thousand))",
    _I,
)
_LEVEL = re.compile(
    r"\b(?:closed?|ended|end|finish(?:ed)?|settled?|stood|traded|rose|fell|climbed|slipped|"
    r"dropped|jumped)\s+(?:the\s+(?:day|session|week|month|year|quarter)\s+)?"
    r"(?:at|to|above|below|near|around|"
    r"under|over)\s+(?:a\s+record\s+|about\s+)?(\d[\d,]*(?:\.\d+)?)(?![\d%])",
    _I,
)
# "rose 78.76 points, or 1.2%, to 6,875.62": the level a move ended at
_TO = re.compile(r"(?:^|[%,]\s*)\bto\s+(\d[\d,]*(?:\.\d+)?)(?![\d%.,]*\s*(?:%|percent))", _I)
_UP = re.compile(
    r"\b(?:rose|rise[sn]?|rising|gain(?:ed|s|ing)?|climb(?:ed|s|ing)?|advanc(?:ed|es|ing)|"
    r"rall(?:ied|ies|y)|jump(?:ed|s)?|add(?:ed|s)|up|higher|increas(?:ed|es)|surg(?:ed|es)|"
    r"soar(?:ed|s)|rebound(?:ed|s)?|pop(?:ped)?|edg(?:ed|es)\s+up|firm(?:ed)?|winning|"
    r"tick(?:ed)?\s+up|spik(?:ed|es))\b",
    _I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall(?:s|ing)?|drop(?:ped|s)?|declin(?:ed|es|ing)|los(?:t|es|ing)|loss|"
    r"slipp?(?:ed|s)?|down|lower|s[ao]nk|tumbl(?:ed|es)|slid(?:e|es)?|retreat(?:ed|s)?|"
    r"decreas(?:ed|es)|plung(?:ed|es)|shed|eas(?:ed|es)|skid(?:ded)?|dip(?:ped)?|"
    r"sell[\s-]?off|losing|edg(?:ed|es)\s+down|tick(?:ed)?\s+down)\b",
    _I,
)
_MORE = re.compile(r"\b(?:more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of)\s*$", _I)
_LESS = re.compile(r"\b(?:less\s+than|under|below|at\s+most|shy\s+of)\s*$", _I)
_ABOUT = re.compile(r"\b(?:about|nearly|almost|roughly|around|some|close\s+to|near|approximately|"
                    r"~)\s*$", _I)  # fmt: skip
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class Found:
    """A figure and where it is in the clause."""

    figure: Figure
    start: int
    end: int


def _number(text: str) -> tuple[float, int]:
    clean = text.replace(",", "").replace("−", "-").replace("–", "-")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    return float(clean), decimals


def _count(text: str) -> int:
    text = text.lower()
    return _WORDS[text] if text in _WORDS else int(re.sub(r"\D", "", text))


def _comparator(before: str) -> Comparator:
    if _MORE.search(before):
        return ">"
    if _LESS.search(before):
        return "<"
    if _ABOUT.search(before):
        return "~"
    return "="


def _direction(clause: str, start: int) -> int:
    """+1 / -1 from the move word nearest before the figure (else after it), 0 when none."""
    before = clause[:start]
    words = [(m.end(), 1) for m in _UP.finditer(before)] + [
        (m.end(), -1) for m in _DOWN.finditer(before)
    ]
    if words:
        return max(words)[1]
    after = clause[start : start + 40]
    up, down = _UP.search(after), _DOWN.search(after)
    if up and (not down or up.start() < down.start()):
        return 1
    return -1 if down else 0


def find_figures(clause: str) -> list[Found]:
    """Every figure in `clause`, left to right, none overlapping."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _STREAK.finditer(clause):
        figure = _streak(match, clause)
        if figure is not None and free(match.start(), match.end()):
            found.append(Found(figure, match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for pattern, unit in ((_BP, "bp"), (_PCT, "%"), (_POINTS, "points")):
        for match in pattern.finditer(clause):
            if free(match.start(), match.end()):
                found.append(Found(_move(match, clause, unit), match.start(), match.end()))
                taken.append((match.start(), match.end()))
    for pattern, unit in ((_DOLLAR, "$"), (_LEVEL, "level"), (_TO, "level")):
        for match in pattern.finditer(clause):
            if free(match.start(1), match.end(1)) and not _YEAR.match(match.group(1)):
                figure = _level(match, clause, unit)
                found.append(Found(figure, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def _streak(match: re.Match[str], clause: str) -> Figure | None:
    count = next(g for g in (match.group(1), match.group(2), match.group(3)) if g)
    words = match.group(0).lower()
    context = clause[max(0, match.start() - 60) : match.end() + 40].lower()
    if not re.search(r"streak|straight|consecutive|in a row|run\b", words):
        return None
    kind: Literal["up", "down", "beat"]
    if re.search(r"beat|outperform|ahead of|better than|topp", context):
        kind = "beat"
    elif re.search(r"losing|declines?|losses|drops|fell|lower|down", context):
        kind = "down"
    else:
        kind = "up"
    text = match.group(0).strip()
    return Figure(value=_count(count), unit="sessions", text=text, streak=kind)


def _move(match: re.Match[str], clause: str, unit: str) -> Figure:
    raw = match.group(1)
    value, decimals = _number(raw)
    explicit = raw[0] in "-+−–"
    sign = 0 if explicit else _direction(clause, match.start())
    if sign:
        value = abs(value) * sign
    text = clause[max(0, match.start() - 12) : match.end()].strip()
    unit_name: FigureUnit = unit  # type: ignore[assignment]
    return Figure(
        value=value,
        unit=unit_name,
        comparator=_comparator(clause[: match.start()]),
        decimals=decimals,
        signed=explicit or sign != 0,
        text=text,
    )


def _level(match: re.Match[str], clause: str, unit: str) -> Figure:
    value, decimals = _number(match.group(1))
    before = clause[: match.start(1)]
    comparator = _comparator(before)
    if re.search(r"\babove\s+\$?\s*$", before, _I):
        comparator = ">"
    elif re.search(r"\bbelow\s+\$?\s*$", before, _I):
        comparator = "<"
    unit_name: FigureUnit = unit  # type: ignore[assignment]
    return Figure(
        value=value,
        unit=unit_name,
        comparator=comparator,
        decimals=decimals,
        text=match.group(0).strip(),
    )
