"""Scoring for the evaluation sets (`benchmarks/eval/questions.jsonl`, the generalization set in
`benchmarks/eval/generalization/`): pure functions, no I/O except `load_questions`.

* `numeric_correct` says whether an answer states a numeric question's gold value.
* `facts_covered` counts the key facts a "why" answer mentions.
* `tool_choice_correct` says whether the agent called every tool the question needs.
* `score_answer` builds one question's record; an unanswerable question is correct when the
  answer plainly declines with no figure (`copilot.evaluation.checks`).
* `summarize` aggregates per-question `QuestionResult`s into the reported scores.

Figures are found by `copilot.evaluation.figures.extract_numbers` (its units are listed there).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from copilot.evaluation.checks import instrument_named, unanswerable_correct
from copilot.evaluation.figures import SIGNS, ExtractedNumber, extract_numbers

GoldUnit = Literal["%", "bp", "count", "level", "$"]
Kind = Literal["numeric", "why", "unanswerable"]


class Gold(BaseModel):
    """A numeric question's gold value: correct when an answer states it within `tolerance`
    (absolute, in `unit`; e.g. 0.01 for a percentage given to 2 decimals)."""

    value: float
    unit: GoldUnit
    tolerance: float = Field(ge=0.0)


class EvalQuestion(BaseModel):
    """One line of questions.jsonl (see benchmarks/eval/README.md) or of the generalization set
    (`template`, `family` and, for unanswerable questions, `reason`: see its README)."""

    id: str
    question: str
    as_of: date
    kind: Kind
    gold: Gold | None = None
    expected_tools: list[str] = Field(default_factory=list)
    expected_symbols: list[str] = Field(default_factory=list)
    key_facts: list[list[str]] = Field(default_factory=list)
    gold_articles: list[str] = Field(default_factory=list)
    template: str = ""
    family: str = ""
    reason: str = ""

    @model_validator(mode="after")
    def _kind_fields(self) -> EvalQuestion:
        if self.kind == "numeric" and self.gold is None:
            raise ValueError(f"{self.id}: a numeric question needs a gold value")
        if self.kind == "why" and not (self.key_facts and all(self.key_facts)):
            raise ValueError(f"{self.id}: a why question needs non-empty key facts")
        if self.kind == "unanswerable" and (self.gold is not None or not self.reason):
            raise ValueError(f"{self.id}: an unanswerable question needs a reason and no gold")
        return self


class QuestionResult(BaseModel):
    """What the eval runner records for one question.

    `correct`: numeric questions (the gold stated) and unanswerable ones (a plain refusal with
    no figure); None for why questions, or when not scored (an unscored question counts as
    wrong). `facts_covered`/`facts_total`: why questions (0/0 otherwise). `citations_valid`:
    every [n] in the answer resolved to a source. `share_verified`: verified (or derived) numbers
    / numbers shown, 1.0 when the answer shows none. `instrument_named`: the answer names every
    expected symbol (None when the question expects none). `untraced_figures`: figures the
    verifier left unverified. `reason_sentences` / `reasons_cited_supported`: why questions, the
    model's sentences and those it cited to an article that supports them
    (`copilot.evaluation.reasons`). `error`: the failure message when no answer came back (record
    correct=False and citations_valid=False)."""

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
    family: str = ""
    instrument_named: bool | None = None
    untraced_figures: int = Field(0, ge=0)
    reason_sentences: int = Field(0, ge=0)
    reasons_cited_supported: int = Field(0, ge=0)


# --- scoring ----------------------------------------------------------------------------------


def _has_sign(text: str, number: ExtractedNumber) -> bool:
    head = text[number.span[0] : number.span[1]].lstrip()
    return bool(head) and (head[0] in SIGNS or (head[0] == "$" and head[1:2] in SIGNS))


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

    numeric_accuracy       correct numeric answers / numeric questions (unscored counts as wrong)
    fact_coverage          key facts covered / key facts, over the why questions (micro average)
    citation_validity      questions whose citations all resolved / questions
    share_verified         mean over questions of the share of shown numbers verified
    tool_choice            questions that called every expected tool / questions
    latency_p50_s, latency_p95_s, latency_mean_s   seconds per question
    unanswerable_accuracy  plain refusals with no figure / unanswerable questions
    instrument_named       answers naming every expected symbol / questions that expect some
    untraced_figures       figures left unverified, summed over the answers
    reasons_cited_supported  why answers: the model's reason sentences it cited to an article
                           that supports them / its reason sentences
    zero_untraced_share    answers with no unverified figure / answers (errors excluded)
    """
    numeric = [r for r in results if r.kind == "numeric"]
    why = [r for r in results if r.kind == "why"]
    unanswerable = [r for r in results if r.kind == "unanswerable"]
    named = [r.instrument_named for r in results if r.instrument_named is not None]
    answered = [r for r in results if r.error is None]
    seconds = [r.seconds for r in results]
    return {
        "questions": len(results),
        "numeric": len(numeric),
        "why": len(why),
        "unanswerable": len(unanswerable),
        "errors": sum(r.error is not None for r in results),
        "numeric_accuracy": _share(sum(r.correct is True for r in numeric), len(numeric)),
        "fact_coverage": _share(sum(r.facts_covered for r in why), sum(r.facts_total for r in why)),
        "reasons_cited_supported": _share(
            sum(r.reasons_cited_supported for r in why), sum(r.reason_sentences for r in why)
        ),
        "unanswerable_accuracy": _share(
            sum(r.correct is True for r in unanswerable), len(unanswerable)
        ),
        "instrument_named": _share(sum(named), len(named)),
        "untraced_figures": sum(r.untraced_figures for r in results),
        "zero_untraced_share": _share(
            sum(r.untraced_figures == 0 for r in answered), len(answered)
        ),
        "citation_validity": _share(sum(r.citations_valid for r in results), len(results)),
        "share_verified": _share_mean([r.share_verified for r in results]),
        "tool_choice": _share(sum(r.tool_choice_ok for r in results), len(results)),
        "latency_p50_s": percentile(seconds, 50),
        "latency_p95_s": percentile(seconds, 95),
        "latency_mean_s": _share_mean(seconds),
    }


def summarize_families(results: Sequence[QuestionResult]) -> dict[str, dict[str, float | None]]:
    """Per family (in order of first appearance): questions, the share answered correctly
    (numeric and unanswerable questions), naming the instrument, and with no untraced figure."""
    families: dict[str, list[QuestionResult]] = {}
    for r in results:
        families.setdefault(r.family or r.kind, []).append(r)
    rows: dict[str, dict[str, float | None]] = {}
    for family, members in families.items():
        scored = [r for r in members if r.kind != "why"]
        named = [r.instrument_named for r in members if r.instrument_named is not None]
        answered = [r for r in members if r.error is None]
        rows[family] = {
            "questions": len(members),
            "correct": _share(sum(r.correct is True for r in scored), len(scored)),
            "instrument_named": _share(sum(named), len(named)),
            "zero_untraced_share": _share(
                sum(r.untraced_figures == 0 for r in answered), len(answered)
            ),
        }
    return rows


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
    untraced_figures: int = 0,
    reasons: tuple[int, int] = (0, 0),
) -> QuestionResult:
    """A `QuestionResult` for one answer, scoring the answer text and the tools it called."""
    covered, total = facts_covered(answer_text, question.key_facts)
    correct = None
    if question.gold is not None:
        correct = error is None and numeric_correct(answer_text, question.gold)
    elif question.kind == "unanswerable":
        correct = error is None and unanswerable_correct(answer_text)
    named = None
    if question.expected_symbols:
        named = error is None and instrument_named(answer_text, question.expected_symbols)
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
        family=question.family,
        instrument_named=named,
        untraced_figures=untraced_figures,
        reason_sentences=reasons[0] if question.kind == "why" else 0,
        reasons_cited_supported=reasons[1] if question.kind == "why" else 0,
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
