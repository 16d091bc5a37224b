"""Verification: every [n] must resolve, every number must trace to the evidence.

A number in the answer is
* **verified** when the same figure (same unit, equal at the precision written) appears in a
  tool output or retrieved chunk — preferably the source its sentence cites;
* **derived** when it equals the difference, sum or ratio-return of two evidence figures
  (e.g. "IWM beat SPY by 7.1 points" from +8.3% and +1.2%);
* **unverified** otherwise: flagged wherever the answer is shown.

Citations that resolve to nothing in the ledger are removed from the text and listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import permutations

from copilot.answer import NumberCheck, NumberStatus, Verification
from copilot.numbers import Number, find_numbers
from copilot.sources import NewsSource, SourceLedger

_CITATION = re.compile(r"\s?\[(\d+(?:\s*,\s*\d+)*)\]")
# A sentence ends at . ! or ? followed by space — but not after an initial like "J.B." or "U.S.".
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+|\n+")
MAX_DERIVATION_INPUTS = 120  # evidence numbers per unit considered for derived figures


@dataclass(frozen=True)
class Evidence:
    number: Number
    source: int | None  # ledger number; None for context (the question's dates, the as-of date)
    snippet: str


def clean_citations(text: str, ledger: SourceLedger) -> tuple[str, list[int], list[int]]:
    """Remove [n] that resolve to nothing; return (text, valid numbers, invalid numbers)."""
    valid: list[int] = []
    invalid: list[int] = []

    def keep(match: re.Match[str]) -> str:
        numbers = [int(x) for x in re.split(r"\s*,\s*", match[1])]
        good = [n for n in numbers if ledger.get(n) is not None]
        invalid.extend(n for n in numbers if ledger.get(n) is None)
        valid.extend(n for n in good if n not in valid)
        return f" [{', '.join(str(n) for n in good)}]" if good else ""

    return _CITATION.sub(keep, text), valid, invalid


def _snippet(text: str, number: Number, width: int = 60) -> str:
    lo, hi = max(0, number.start - width), min(len(text), number.end + width)
    return ("…" if lo else "") + text[lo:hi].replace("\n", " ") + ("…" if hi < len(text) else "")


def collect_evidence(ledger: SourceLedger, context: list[str]) -> list[Evidence]:
    evidence: list[Evidence] = []
    for n, source in ledger.items():
        text = source.text
        if isinstance(source, NewsSource):  # the model also saw the title and the date
            text = f"{source.title} ({source.publisher}, {source.published_at:%Y-%m-%d}) {text}"
        evidence.extend(Evidence(num, n, _snippet(text, num)) for num in find_numbers(text))
    for text in context:
        evidence.extend(Evidence(num, None, text) for num in find_numbers(text))
    return evidence


def _close(answer: float, evidence: float, decimals: int) -> bool:
    """Equal at the precision the answer was written with (the answer may round, not invent)."""
    return bool(abs(answer - evidence) <= 0.5 * 10 ** (-decimals) + 1e-9)


_COMPATIBLE = {
    "%": {"%"},
    "bp": {"bp"},
    "$": {"$", "level"},
    "level": {"level", "$", "%"},
    "count": {"count"},
}


# Words that give an unsigned change its direction ("fell 0.72%", "a 0.4% gain").
_UP = re.compile(
    r"\b(?:r[io]se[sn]?|gain(?:ed|s)?|climb(?:ed|s)?|rall(?:y|ied|ies)|advanc(?:e|ed|es)|"
    r"jump(?:ed|s)?|increas(?:e|ed|es)|up|higher|added|returned|surg(?:e|ed|es))\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall(?:s|en)?|drop(?:ped|s)?|declin(?:e|ed|es)|down|lost|loss(?:es)?|"
    r"los(?:e|es)|slip(?:ped|s)?|slid|sank|decreas(?:e|ed|es)|lower|shed|negative)\b",
    re.I,
)
CLAUSE_REACH = 40  # characters either side of a figure searched for its direction word
SIGNED_UNITS = ("%", "bp")


def direction(text: str, a: Number) -> int:
    """+1 or -1 for the sign a reader takes from how `a` is written: its own sign, else the
    nearest direction word in its clause, else positive (an unsigned return reads as a gain)."""
    if a.text[:1] in "+-\u2212":
        return -1 if a.value < 0 else 1
    before = re.split(r"[;,]|\d", text[max(0, a.start - CLAUSE_REACH) : a.start])[-1]
    after = re.split(r"[;,.]\s|\d", text[a.end : a.end + CLAUSE_REACH])[0]
    nearest: tuple[int, int] | None = None  # (distance, sign)
    for pattern, sign in ((_UP, 1), (_DOWN, -1)):
        for m in pattern.finditer(before):
            candidate = (len(before) - m.end(), sign)
            nearest = min(nearest, candidate) if nearest else candidate
        for m in pattern.finditer(after):
            candidate = (m.start(), sign)
            nearest = min(nearest, candidate) if nearest else candidate
    return nearest[1] if nearest else 1


def _same_figure(a: Number, e: Number, sign: int | None = None) -> bool:
    if a.unit == "date":
        if e.unit != "date" or a.month_day != e.month_day:
            return False
        return a.day is None or e.day is None or a.day == e.day
    if a.unit == "year":
        return (e.unit == "year" and e.value == a.value) or (
            e.unit == "date" and e.day is not None and e.day.year == a.value
        )
    if e.unit not in _COMPATIBLE.get(a.unit, set()):
        return False
    # Prose carries the sign in words ("fell 0.72%"): magnitudes are compared, and for changes
    # the sign the reader takes must not contradict the evidence's.
    if sign is not None and a.unit in SIGNED_UNITS and e.value * sign < 0:
        return False
    return _close(abs(a.value), abs(e.value), a.decimals)


def _derived(a: Number, evidence: list[Evidence], sign: int = 1) -> Evidence | None:
    """An evidence pair whose difference, sum or return gives `a` (with the sign it is read
    with, for changes)."""
    if a.unit not in ("%", "bp", "count", "level", "$"):
        return None
    target = sign * abs(a.value) if a.unit in SIGNED_UNITS else abs(a.value)
    pool_units = {"bp": {"bp", "%"}, "%": {"%", "level", "$"}, "level": {"level", "%", "$"}}.get(
        a.unit, {a.unit}
    )
    pool = [e for e in evidence if e.number.unit in pool_units][:MAX_DERIVATION_INPUTS]
    for x, y in permutations(pool, 2):
        u, v = x.number.value, y.number.value
        candidates: list[float] = []
        if x.number.unit == y.number.unit:
            scale = 100.0 if (a.unit == "bp" and x.number.unit == "%") else 1.0
            candidates += [(u - v) * scale, (u + v) * scale]
            if a.unit == "%" and x.number.unit in ("level", "$") and v:
                candidates.append((u / v - 1) * 100)  # a return computed from two prices
        if a.unit not in SIGNED_UNITS:
            candidates = [abs(c) for c in candidates]
        if any(_close(target, c, a.decimals) for c in candidates):
            snippet = f"{x.number.text} and {y.number.text}"
            return Evidence(a, x.source if x.source is not None else y.source, snippet)
    return None


def _sentence_citations(text: str, position: int) -> list[int]:
    """[n] markers in the sentence containing `position`."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    begin = max(s for s in starts if s <= position)
    following = [s for s in starts if s > position]
    end = following[0] if following else len(text)
    sentence = text[begin:end]
    return [int(n) for m in _CITATION.finditer(sentence) for n in re.split(r"\s*,\s*", m[1])]


def check_number(
    a: Number, text: str, evidence: list[Evidence]
) -> tuple[NumberStatus, Evidence | None]:
    cited = set(_sentence_citations(text, a.start))
    sign = direction(text, a)
    ordered = [e for e in evidence if e.source in cited] + [
        e for e in evidence if e.source not in cited
    ]
    for e in ordered:
        if _same_figure(a, e.number, sign):
            return "verified", e
    derived = _derived(a, evidence, sign)
    if derived is not None:
        return "derived", derived
    return "unverified", None


_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
_STOP = frozenset(
    [
        "also",
        "that",
        "this",
        "with",
        "from",
        "were",
        "have",
        "been",
        "their",
        "they",
        "than",
        "into",
        "over",
        "more",
        "most",
        "such",
        "which",
        "while",
        "about",
        "after",
        "before",
        "during",
        "amid",
        "among",
        "these",
        "those",
        "there",
        "where",
        "when",
        "what",
    ]
)
MIN_OVERLAP = 0.5  # share of a sentence's content words that must appear in one source


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def attribute_uncited(text: str, ledger: SourceLedger) -> tuple[str, list[int]]:
    """Add [n] to sentences without one when a figure in them, or most of their content words,
    trace to a single source. The code assigns the number; nothing is attributed on a guess."""
    sources = {n: _words(s.text if not isinstance(s, NewsSource) else f"{s.title} {s.text}")
               for n, s in ledger.items()}  # fmt: skip
    evidence = collect_evidence(ledger, [])
    pieces: list[str] = []
    added: list[int] = []
    cursor = 0
    for match in [*list(_SENTENCE_END.finditer(text)), None]:
        end = match.start() if match else len(text)
        sentence = text[cursor:end]
        number = None if _CITATION.search(sentence) else _source_for(sentence, evidence, sources)
        if number is not None:
            body = sentence.rstrip()
            tail = body[-1] if body and body[-1] in ".!?" else ""
            sentence = f"{body[: len(body) - len(tail)]} [{number}]{tail}"
            added.append(number)
        pieces.append(sentence + (match.group() if match else ""))
        cursor = match.end() if match else len(text)
    return "".join(pieces), added


def _source_for(
    sentence: str, evidence: list[Evidence], sources: dict[int, set[str]]
) -> int | None:
    for number in find_numbers(sentence):
        if number.unit in ("year", "date"):
            continue
        for e in evidence:
            if e.source is not None and _same_figure(number, e.number):
                return e.source
    words = _words(sentence)
    if len(words) < 3:
        return None
    scores = {n: len(words & w) / len(words) for n, w in sources.items()}
    best = max(scores, key=lambda n: scores[n], default=None)
    if best is None or scores[best] < MIN_OVERLAP:
        return None
    return best


def verify_answer(
    text: str, ledger: SourceLedger, as_of: date | None = None, question: str = ""
) -> tuple[str, Verification]:
    """Clean citations and check every number of `text` against the ledger's sources.

    The question and the as-of date count as context: a date the user asked about is not an
    invented figure.
    """
    cleaned, _, invalid = clean_citations(text, ledger)
    cleaned, attributed = attribute_uncited(cleaned, ledger)
    cleaned, cited, _ = clean_citations(cleaned, ledger)
    context = [question] + ([f"as of {as_of.isoformat()}"] if as_of else [])
    evidence = collect_evidence(ledger, context)
    checks = []
    for number in find_numbers(cleaned):
        status, match = check_number(number, cleaned, evidence)
        checks.append(
            NumberCheck(
                text=number.text,
                value=number.value,
                unit=number.unit,
                start=number.start,
                end=number.end,
                status=status,
                source=match.source if match else None,
                evidence=match.snippet if match else "no matching figure in the sources",
            )
        )
    return cleaned, Verification(
        numbers=checks, cited=cited, invalid_citations=invalid, attributed=attributed
    )
