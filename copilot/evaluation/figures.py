"""Figures in an answer's text, with their units: what the evaluation scores and counts.

Units, as `extract_numbers` reports them:
  "%"      "+1.41%", "-0.72 %", "1.4 percent", "3 per cent", "2.5 pct"
  "pp"     "6 percentage points", "0.07 pp" (a difference of percentages)
  "bp"     "37 bp", "37 bps", "37 basis points"
  "$"      "$263.99", "$5.1 billion", "-$3", "263.99 dollars", "263.99 USD"
  "count"  "14 sessions", "14 straight sessions", "14-day", "8 new highs", "10th", "fourteen days"
  "level"  "6,913.35 points", "37.73 pts"
  None     a bare number: "1,234.5", "0.013", "6913.35"
Not numbers: dates ("2026-01-22", "January 22, 2026", "Jan. 22", "1/22/2026", "January 2026",
"Q4"), a bare year (1900-2100 with no comma, decimals or unit), citation markers "[3]", numbers
inside names ("S&P 500", "Russell 2000", "Nasdaq-100", "H200", "10-year", "2-year").
Thousands separators are dropped ("1,234.5" -> 1234.5); "k/K", "m/M/mn", "b/B/bn", "T" and the
words thousand/million/billion/trillion multiply the value. A "-" or U+2212 directly before a
number (or right after its "$") is a minus sign unless it follows a word character, ".", ",",
"%" or ")"; so "3.5%-3.75%" is two positive numbers. An en dash is never a sign.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Unit = Literal["%", "pp", "bp", "$", "count", "level"]


class ExtractedNumber(NamedTuple):
    value: float
    unit: Unit | None
    span: tuple[int, int]  # character offsets in the text, sign and unit included


# --- number extraction ------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_SKIP = (  # each pattern is searched on its own, so overlapping matches all count
    r"\b\d{4}-\d{2}-\d{2}\b",  # ISO date
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",  # 1/22/2026, 1/22
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",  # January 22, 2026
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+\d{{4}}\b)?",  # 22 January 2026
    rf"\b{_MONTH}\.?,?\s+\d{{4}}\b",  # January 2026
    r"\bQ[1-4]\b|\bH[12]\b",  # quarters, halves
    r"\[\d+\]",  # citation markers
    r"S&P\s*\d+|\bRussell\s*[123]000|\bNasdaq[\s-]*100|\bDow\s*30\b|\bFTSE\s*100"
    r"|\bStoxx\s*600|\bNikkei\s*225",  # index names
    r"\b\d{1,2}[\s-](?:year|yr)\b",  # tenors: "10-year", "2 year"
)
_SKIPS = [re.compile(pattern, re.IGNORECASE) for pattern in _SKIP]
_COUNT_NOUNS = (
    r"sessions?|days?|trading\s+days?|times|highs?|lows?|records?|weeks?|months?|closes?|gains?"
    r"|declines?|advances?|streak|wins?|losses|straight|consecutive|in\s+a\s+row"
)
_ADJ = r"(?:(?:straight|consecutive|trading|winning|losing|new|record|closing|all-time|more)\s+)*"
_NUMBER = re.compile(
    r"(?<![\w.,%)])"
    r"(?P<sign1>[+\-\u2212])?(?:(?P<cur>\$)\s?)?(?P<sign2>[+\-\u2212])?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?![\w.]*\d)"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:\s?(?P<mag>thousand|million|billion|trillion|bn|mn|[kKmMbBT])(?![a-zA-Z]))?"
    r"(?P<suffix>\s?(?:%|percent(?:age)?\s+points?|per\s?cent|pct|pp|ppts?|bps?|basis\s+points?"
    r"|points?|pts|dollars|USD)(?![a-zA-Z])"
    rf"|(?:\s+|-){_ADJ}(?:{_COUNT_NOUNS})(?![a-zA-Z]))?"
)
_NUMBER_WORDS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_WORDS = {word: i for i, word in enumerate(_NUMBER_WORDS.split())}
_WORD_COUNT = re.compile(
    rf"\b(?P<word>{'|'.join(_WORDS)})(?:\s+|-){_ADJ}(?:{_COUNT_NOUNS})(?![a-zA-Z])", re.IGNORECASE
)
_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
              "bn": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12}  # fmt: skip
_MINUS = "-\u2212"
SIGNS = "+" + _MINUS  # an explicit sign, as `numeric_correct` reads it


def _unit_of(suffix: str, currency: bool, ordinal: bool) -> Unit | None:
    s = " ".join(suffix.lower().replace("-", " ").split())
    if currency or s in ("dollars", "usd"):
        return "$"
    if not s:
        return "count" if ordinal else None
    if s.startswith("percentage") or s in ("pp", "ppt", "ppts"):
        return "pp"
    if s in ("%", "percent", "per cent", "pct"):
        return "%"
    if s in ("bp", "bps") or s.startswith("basis"):
        return "bp"
    if s in ("point", "points", "pts"):
        return "level"
    return "count"


def _is_year(m: re.Match[str], unit: Unit | None) -> bool:
    num = m.group("num")
    return unit is None and num.isdigit() and 1900 <= int(num) <= 2100 and not m.group("sign1")


def extract_numbers(text: str) -> list[ExtractedNumber]:
    """Every figure in `text` as (value, unit, span), in order of appearance (see module doc)."""
    skipped = [m.span() for pattern in _SKIPS for m in pattern.finditer(text)]

    def inside_skip(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in skipped)

    found: list[ExtractedNumber] = []
    for m in _NUMBER.finditer(text):
        if inside_skip(*m.span("num")):
            continue
        unit = _unit_of(m.group("suffix") or "", bool(m.group("cur")), bool(m.group("ord")))
        if _is_year(m, unit):
            continue
        value = float(m.group("num").replace(",", ""))
        if m.group("mag"):
            value *= _MAGNITUDE[m.group("mag").lower()]
        if (m.group("sign1") or m.group("sign2") or "+") in _MINUS:
            value = -value
        end = m.end("suffix") if m.group("suffix") else m.end()
        found.append(ExtractedNumber(value, unit, (m.start(), end)))
    for m in _WORD_COUNT.finditer(text):
        if not inside_skip(*m.span()):
            found.append(ExtractedNumber(float(_WORDS[m.group("word").lower()]), "count", m.span()))
    return sorted(found, key=lambda n: n.span)
