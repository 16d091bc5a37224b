"""Scoring for the evaluation set (`benchmarks/eval/questions.jsonl`): pure functions, no I/O
except `load_questions`.

* `extract_numbers` finds the figures in an answer with their units.
* `numeric_correct` says whether an answer states a numeric question's gold value.
* `facts_covered` counts the key facts a "why" answer mentions.
* `tool_choice_correct` says whether the agent called every tool the question needs.
* `summarize` aggregates per-question `QuestionResult`s into the reported scores.

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

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field, model_validator

Unit = Literal["%", "pp", "bp", "$", "count", "level"]
GoldUnit = Literal["%", "bp", "count", "level", "$"]
Kind = Literal["numeric", "why"]


class ExtractedNumber(NamedTuple):
    value: float
    unit: Unit | None
    span: tuple[int, int]  # character offsets in the text, sign and unit included


class Gold(BaseModel):
    """A numeric question's gold value: correct when an answer states it within `tolerance`
    (absolute, in `unit`; e.g. 0.01 for a percentage given to 2 decimals)."""

    value: float
    unit: GoldUnit
    tolerance: float = Field(ge=0.0)


class EvalQuestion(BaseModel):
    """One line of questions.jsonl (see benchmarks/eval/README.md)."""

    id: str
    question: str
    as_of: date
    kind: Kind
    gold: Gold | None = None
    expected_tools: list[str] = Field(default_factory=list)
    expected_symbols: list[str] = Field(default_factory=list)
    key_facts: list[list[str]] = Field(default_factory=list)
    gold_articles: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _kind_fields(self) -> EvalQuestion:
        if self.kind == "numeric" and self.gold is None:
            raise ValueError(f"{self.id}: a numeric question needs a gold value")
        if self.kind == "why" and not (self.key_facts and all(self.key_facts)):
            raise ValueError(f"{self.id}: a why question needs non-empty key facts")
        return self


class QuestionResult(BaseModel):
    """What the eval runner records for one question.

    `correct`: numeric questions only (None for why questions, or when not scored; an unscored
    numeric question counts as wrong). `facts_covered`/`facts_total`: why questions (0/0
    otherwise). `citations_valid`: every [n] in the answer resolved to a source. `share_verified`:
    verified (or derived) numbers / numbers shown, 1.0 when the answer shows none. `error`: the
    failure message when no answer came back (record correct=False and citations_valid=False)."""

    id: str
    kind: Kind
    correct: bool | None = None
    facts_covered: int = Field(0, ge=0)
    facts_total: int = Field(0, ge=0)
    citations_valid: bool
    share_verified: float = Field(ge=0.0, le=1.0)
    tool_choice_ok: bool
    seconds: float = Field(ge=0.0)
    error: str | None = None


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
_SIGNS = "+" + _MINUS


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


# --- scoring ----------------------------------------------------------------------------------


def _has_sign(text: str, number: ExtractedNumber) -> bool:
    head = text[number.span[0] : number.span[1]].lstrip()
    return bool(head) and (head[0] in _SIGNS or (head[0] == "$" and head[1:2] in _SIGNS))


def _candidates(number: ExtractedNumber, text: str, unit: GoldUnit) -> list[float]:
    """`number` expressed in the gold's unit, in each reading that unit allows."""
    v, u = number.value, number.unit
    if unit == "%":
        raw = text[number.span[0] : number.span[1]]
        as_fraction = u is None and "." in raw and abs(v) < 1.0
        return [v] if u in ("%", "pp") else [v * 100.0] if as_fraction else []
    if unit == "bp":
        return [v] if u == "bp" else [v * 100.0] if u == "pp" else []
    if unit == "count":
        return [v] if u in ("count", None) else []
    return [v] if u in (unit, None) else []  # "level" and "$": the unit or a bare number


def numeric_correct(answer_text: str, gold: Gold | Mapping[str, object]) -> bool:
    """True when some number in the answer equals the gold value within its tolerance.

    The number must carry the gold's unit, or a compatible one: for "%" also percentage points
    and a bare decimal fraction below 1 ("0.013" reads as 1.3%); for "bp" also percentage points
    x 100; for "count", "level" and "$" also a bare number. A number written without a sign
    matches a negative gold by magnitude ("fell 0.72%" states -0.72%); an explicit sign must agree.
    """
    g = gold if isinstance(gold, Gold) else Gold.model_validate(gold)
    limit = g.tolerance + 1e-9
    for number in extract_numbers(answer_text):
        signed = _has_sign(answer_text, number)
        for value in _candidates(number, answer_text, g.unit):
            if abs(value - g.value) <= limit:
                return True
            if not signed and abs(abs(value) - abs(g.value)) <= limit:
                return True
    return False


def _normalize(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub("[-\u2010-\u2015\u2212]", " ", text)  # hyphens, dashes, minus
    return " ".join(text.split())


def facts_covered(answer_text: str, key_facts: Sequence[Sequence[str]]) -> tuple[int, int]:
    """(facts mentioned, facts in total). A fact is a list of alternative phrases; it is covered
    when any one occurs in the answer, case-insensitively, hyphens and dashes read as spaces, as
    whole words (a trailing s/es/ed/ing is allowed: "tariff" matches "tariffs")."""
    text = _normalize(answer_text)
    covered = 0
    for alternatives in key_facts:
        for phrase in alternatives:
            wanted = re.escape(_normalize(phrase))
            if re.search(rf"(?<![a-z0-9]){wanted}(?:s|es|ed|ing)?(?![a-z0-9])", text):
                covered += 1
                break
    return covered, len(key_facts)


def tool_choice_correct(called_tools: Iterable[str], expected_tools: Iterable[str]) -> bool:
    """True when every expected tool was called (extra calls are allowed)."""
    return set(expected_tools) <= set(called_tools)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100.0
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def summarize(results: Sequence[QuestionResult]) -> dict[str, float | int | None]:
    """The reported scores over per-question results (None where nothing was measured).

    numeric_accuracy   correct numeric answers / numeric questions (unscored counts as wrong)
    fact_coverage      key facts covered / key facts, over the why questions (micro average)
    citation_validity  questions whose citations all resolved / questions
    share_verified     mean over questions of the share of shown numbers verified
    tool_choice        questions that called every expected tool / questions
    latency_p50_s, latency_p95_s, latency_mean_s   seconds per question
    """
    numeric = [r for r in results if r.kind == "numeric"]
    why = [r for r in results if r.kind == "why"]
    seconds = [r.seconds for r in results]
    return {
        "questions": len(results),
        "numeric": len(numeric),
        "why": len(why),
        "errors": sum(r.error is not None for r in results),
        "numeric_accuracy": _share(sum(r.correct is True for r in numeric), len(numeric)),
        "fact_coverage": _share(sum(r.facts_covered for r in why), sum(r.facts_total for r in why)),
        "citation_validity": _share(sum(r.citations_valid for r in results), len(results)),
        "share_verified": _share_mean([r.share_verified for r in results]),
        "tool_choice": _share(sum(r.tool_choice_ok for r in results), len(results)),
        "latency_p50_s": percentile(seconds, 50),
        "latency_p95_s": percentile(seconds, 95),
        "latency_mean_s": _share_mean(seconds),
    }


def _share_mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score_answer(
    question: EvalQuestion,
    answer_text: str,
    called_tools: Iterable[str],
    *,
    citations_valid: bool,
    share_verified: float,
    seconds: float,
    error: str | None = None,
) -> QuestionResult:
    """A `QuestionResult` for one answer, scoring the answer text and the tools it called."""
    covered, total = facts_covered(answer_text, question.key_facts)
    correct = None
    if question.gold is not None:
        correct = error is None and numeric_correct(answer_text, question.gold)
    return QuestionResult(
        id=question.id,
        kind=question.kind,
        correct=correct,
        facts_covered=covered if question.kind == "why" else 0,
        facts_total=total if question.kind == "why" else 0,
        citations_valid=citations_valid and error is None,
        share_verified=share_verified,
        tool_choice_ok=tool_choice_correct(called_tools, question.expected_tools),
        seconds=seconds,
        error=error,
    )


def parse_questions(lines: Iterable[str]) -> list[EvalQuestion]:
    """Questions from JSON lines (blank lines skipped); ids must be unique."""
    questions = [EvalQuestion.model_validate(json.loads(line)) for line in lines if line.strip()]
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate question ids: {duplicates}")
    return questions


def load_questions(path: Path) -> list[EvalQuestion]:
    """The question set in a questions.jsonl file."""
    return parse_questions(path.read_text(encoding="utf-8").splitlines())
