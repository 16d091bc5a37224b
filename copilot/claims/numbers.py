"""Find the numbers in a text: percentages, percentage points, basis points, dollars, points,
counts, ranks, levels, dates and years — written in digits or in words ("fourteen sessions",
"third-best").

Used on both sides of verification: the answer's figures and the figures a source's text shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from copilot.counts import COUNT, NOT_A_SPAN
from copilot.market.symbols import KNOWN_SYMBOLS

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # 1/21/2026
_WORD_DATE = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I
)
# "January 20 to 28, 2026", "Jan. 13 and 14", "December 22-23": the second day of the month
# is a date too, never a count (the model dates a move's window this way).
_DAY_RANGE = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|through|thru)"
    rf"\s*(\d{{1,2}})(?:st|nd|rd|th)?(?!\s*(?:%|percent|pp\b|bp\b|[.,]\d))(?:,?\s+(\d{{4}}))?\b",
    re.I,
)
# A day of the month named by its ordinal alone: "Friday the 19th", "on the 23rd due to …",
# "between the 11th and the 20th" (the way people date a move this month), or "the 19th of
# December" / "the 22nd Dec". With no weekday before it, only a clause's end or a word that goes
# on with the sentence may follow it: "on the 3rd attempt", "to the 21st century" and "the 3rd
# straight session" are places, not days.
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = r"(?P<weekday>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs|ur)?"
_AFTER_A_DAY = (
    r"(?=\s*(?:[.,;:!?)\]\[]|$)|\s+(?:as|after|amid|when|because|due|following|on|and|to|"
    r"through|until|with|while|but|or|when|was|were|is|in|at|before|than)\b)"
)
_DAY_OF_MONTH = re.compile(
    rf"\b{_WEEKDAY},?\s+the\s+(?P<dom>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH}\b)"
    rf"|\b(?:on|between|and|from|to|until|through|since)\s+the\s+(?P<dom3>\d{{1,2}})"
    rf"(?:st|nd|rd|th)\b{_AFTER_A_DAY}"
    rf"|\bthe\s+(?P<dom2>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?"
    r"(?:,?\s+(?P<year>\d{4}))?",
    re.I,
)
_NUMBER = re.compile(
    r"(?P<dollar>\$\s?)?(?P<sign>[+\-\u2212\u2013]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<unit>\s?%\s?(?:points?|pts?)\b|\s?percentage[\s-]points?\b|\s?(?:pp|ppts?)\b|\s?%|"
    r"\s?percent\b|\s?(?:bps?|basis[\s-]points?)\b|\s?(?:points?|pts)\b|"
    r"\s?(?:trillion|billion|million|bn|mn|tn)\b|(?:st|nd|rd|th)\b)?",
    re.I,
)
# Figures written in words: only before a word that makes them a figure ("fourteen sessions",
# "two straight days"), so "one of the" is not a count.
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
)
_WORDS = {w: i for i, w in enumerate(_NUMBER_WORDS.split())}
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS.split())}
_WORD_NUMBER = re.compile(
    rf"\b(?P<word>{'|'.join(list(_WORDS)[2:])})(?=[\s-]+(?:straight|consecutive|sessions?|days?|trading|"
    r"weeks?|months?|sectors?|times|new|record|of\s+(?:the\s+)?(?:last|past|\d|eleven|11)))",
    re.I,
)
_WORD_ORDINAL = re.compile(
    rf"\b(?P<word>{'|'.join(list(_ORDINALS)[2:])})(?=[\s-]+(?:best|worst|place|biggest|largest|"
    r"strongest|weakest|highest|lowest|of|among|\w+(?:ing|ed)\b))|(?<=ranked\s)(?P<word2>"
    rf"{'|'.join(list(_ORDINALS)[1:])})\b",
    re.I,
)
_CITATION = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6}


@dataclass(frozen=True)
class Number:
    text: str
    value: float  # signed as written; percent stays in percent units (1.41 for "1.41%")
    unit: str  # '%', 'bp', '$', 'count', 'level', 'date'
    decimals: int  # digits after the decimal point as written (precision for matching)
    start: int
    end: int
    day: date | None = None  # for unit == 'date'
    month_day: tuple[int, int] | None = None  # for dates written without a year
    day_of_month: int | None = None  # for a day written without its month ("the 19th")
    weekday: int | None = None  # the weekday written with it ("Friday the 19th": 4)


# Numbers that are part of a name, not a figure: "S&P 500", "Russell 2000", "Nasdaq-100",
# "10-year yield", "52-week high". An "N-session" or "N-day" window is a figure (a claim about
# the window), not a name.
_NAMES = re.compile(
    r"S\s?&\s?P\s?\d+|Russell\s\d+|Nasdaq[-\s]\d+|Dow\s(?:Jones\s)?\d+|\bQ[1-4]\b|"
    r"\b\d+-(?:week|month|year)s?\b|\b(?:DGS|XL|T10Y)\w*|"
    # "the top 2 bond ETFs", "the three best sectors": how many places, the question's count
    rf"\b(?:top|bottom)\s+{COUNT}\b{NOT_A_SPAN}|"
    rf"\b{COUNT}\s+(?:best|worst|biggest|largest|strongest|weakest|leading|lagging)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _registry_names() -> re.Pattern[str]:
    """The registry's names and glosses that hold digits, as the writer copies them from its
    prompt: "VIX (expected 30-day S&P 500 volatility)", "iShares 20+ Year Treasury Bond ETF".
    Their digits name an instrument; they are no figure to check (a copied "30-day" was read as
    an unsourced 30, and its sentence cut)."""
    phrases = {p for info in KNOWN_SYMBOLS for p in (info.name, info.represents, *info.aliases)
               if p and any(c.isdigit() for c in p)}  # fmt: skip
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)", re.I)


def _masked(text: str) -> str:
    """Blank out citation markers ("[3]") and names containing digits ("S&P 500")."""
    text = _CITATION.sub(lambda m: " " * len(m.group()), text)
    text = _registry_names().sub(lambda m: "#" * len(m.group()), text)
    return _NAMES.sub(lambda m: "#" * len(m.group()), text)


def find_dates(text: str) -> list[Number]:
    found: list[Number] = []
    for m in _ISO_DATE.finditer(text):
        try:
            iso = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        found.append(
            Number(m.group(), 0.0, "date", 0, m.start(), m.end(), iso, (iso.month, iso.day))
        )
    for m in _US_DATE.finditer(text):
        try:
            us = date(int(m[3]), int(m[1]), int(m[2]))
        except ValueError:
            continue
        found.append(Number(m.group(), 0.0, "date", 0, m.start(), m.end(), us, (us.month, us.day)))
    ranges = _day_ranges(text)
    found += ranges
    found += _days_of_month(text)
    for m in _WORD_DATE.finditer(text):
        if any(r.start <= m.start() < r.end for r in ranges):
            continue
        month = _month_number(m[1])
        dom = int(m[2])
        if not 1 <= dom <= 31:
            continue
        day: date | None = None
        if m[3]:
            try:
                day = date(int(m[3]), month, dom)
            except ValueError:
                continue
        found.append(Number(m.group(), 0.0, "date", 0, m.start(), m.end(), day, (month, dom)))
    return found


def _day_ranges(text: str) -> list[Number]:
    """Both days of each "January 20 to 28, 2026" (the year, when written, dates both)."""
    found: list[Number] = []
    for m in _DAY_RANGE.finditer(text):
        month = _month_number(m[1])
        first, last = int(m[2]), int(m[3])
        if not 1 <= first < last <= 31:
            continue
        for dom, start, end in ((first, m.start(), m.end(2)), (last, m.start(3), m.end())):
            try:
                day = date(int(m[4]), month, dom) if m[4] else None
            except ValueError:
                day = None
            found.append(Number(text[start:end], 0.0, "date", 0, start, end, day, (month, dom)))
    return found


def _days_of_month(text: str) -> list[Number]:
    """Each day named by its ordinal ("Friday the 19th"): a date with no month (and its
    weekday when written), or with the month that follows it ("the 19th of December, 2025")."""
    found: list[Number] = []
    for m in _DAY_OF_MONTH.finditer(text):
        group = next(g for g in ("dom", "dom3", "dom2") if m[g])
        dom, start = int(m[group]), m.start(group)
        if not 1 <= dom <= 31:
            continue
        if m["month"] is None:
            weekday = _WEEKDAYS.index(m["weekday"].lower()[:3]) if m["weekday"] else None
            end = m.end(group) + 2  # the ordinal's suffix
            found.append(Number(text[start:end], 0.0, "date", 0, start, end,
                                day_of_month=dom, weekday=weekday))  # fmt: skip
            continue
        month = _month_number(m["month"])
        try:
            day = date(int(m["year"]), month, dom) if m["year"] else None
        except ValueError:
            continue
        found.append(Number(text[start : m.end()], 0.0, "date", 0, start, m.end(), day,
                            (month, dom)))  # fmt: skip
    return found


def day_of_month_before(found: Number, as_of: date) -> date | None:
    """The day a month-less ordinal means: the latest day with that number on or before
    as-of ("the 19th" asked on December 21 is December 19; "the 31st" asked on January 23 is
    December 31), None when the weekday written with it is that day's no more."""
    if found.day_of_month is None:
        return None
    year, month = as_of.year, as_of.month
    for _ in range(12):
        try:
            day = date(year, month, found.day_of_month)
        except ValueError:
            day = None
        if day is not None and day <= as_of:
            return day if found.weekday in (None, day.weekday()) else None
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]


def on_or_before(found: Number, as_of: date) -> date | None:
    """The day a written date means: its own year, or for "January 15" the latest January 15
    on or before as-of. None for a day after as-of (not yet seen)."""
    day = found.day
    if day is None and found.month_day is not None:
        for year in (as_of.year, as_of.year - 1):
            try:
                candidate = date(year, *found.month_day)
            except ValueError:
                continue
            if candidate <= as_of:
                day = candidate
                break
    return day if day is not None and day <= as_of else None


def find_numbers(text: str) -> list[Number]:
    """Every number in `text` with its unit; dates come back as unit 'date'."""
    masked = _masked(text)
    dates = find_dates(masked)
    taken = [(d.start, d.end) for d in dates]
    numbers: list[Number] = list(dates)
    for m in _NUMBER.finditer(masked):
        if any(s <= m.start("num") < e for s, e in taken):
            continue
        before = masked[m.start() - 1] if m.start() > 0 else " "
        if before.isalnum() or before in "_.":
            continue  # part of a word, ticker or longer number, e.g. "S&P500", "DGS10"
        if _list_marker(masked, m):
            continue  # "1." opening a list item
        numbers.append(_number(m))
    numbers += _word_numbers(masked)
    numbers.sort(key=lambda n: n.start)
    return numbers


def _list_marker(text: str, m: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start : m.start()].strip(" -*") and text[m.end() : m.end() + 2] == ". "


def _number(m: re.Match[str]) -> Number:
    raw = m["num"].replace(",", "")
    value = float(raw)
    if m["sign"] in ("-", "\u2212", "\u2013"):  # hyphen, minus sign, en dash
        value = -value
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    unit_text = re.sub(r"\s+", " ", (m["unit"] or "").strip().lower())
    if (unit_text.startswith("%") and unit_text != "%") or unit_text.startswith(
        ("percentage", "pp")
    ):
        unit = "pp"
    elif unit_text.startswith(("%", "percent")):
        unit = "%"
    elif unit_text.startswith(("bp", "basis")):
        unit = "bp"
    elif unit_text.startswith(("point", "pt")):
        unit = "points"
    elif unit_text in ("st", "nd", "rd", "th"):
        unit = "rank"
    elif m["dollar"]:
        unit = "$"
        value *= _SCALE.get(unit_text, 1.0)
    elif unit_text in _SCALE:
        unit, value = "level", value * _SCALE[unit_text]
    elif decimals == 0 and 1900 <= value <= 2100 and not m["sign"]:
        unit = "year"
    else:
        unit = "count" if decimals == 0 else "level"
    text = m.group().strip()
    return Number(text, value, unit, decimals, m.start(), m.start() + len(text))


def _word_numbers(masked: str) -> list[Number]:
    found: list[Number] = []
    for m in _WORD_NUMBER.finditer(masked):
        word = m["word"]
        found.append(Number(word, float(_WORDS[word.lower()]), "count", 0, m.start(), m.end()))
    for m in _WORD_ORDINAL.finditer(masked):
        word = m["word"] or m["word2"]
        start = m.start("word") if m["word"] else m.start("word2")
        value = float(_ORDINALS[word.lower()])
        found.append(Number(word, value, "rank", 0, start, start + len(word)))
    return found
