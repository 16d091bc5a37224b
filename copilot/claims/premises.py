"""The question is not evidence: the figures it asserts are checked against what was measured.

A *premise* is a figure the question states as fact about a named instrument ("why did XLE gain
3% this year?", "SPY closed at $700 on January 22 — why?"). It is *false* when a measured
fact (a tool's typed fact, never a news article) about the same instrument and measure
contradicts it. Figures that set a criterion ("more than 1%", "which sectors rose 2%?", "when
SPY was at 700, …") are no premise, and a premise no measured fact speaks to is left unchecked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from copilot.answer import NumberCheck
from copilot.claims.check import check_figure, same_subject
from copilot.claims.extract import Claim, extract_claims
from copilot.claims.statements import Statement, ledger_statements
from copilot.claims.verify import number_check
from copilot.facts import Fact
from copilot.sources import DataSource, SourceLedger

# Measures whose figure is a value of the instrument (not a window, a count or a rank: in a
# question those say what to look at, not what happened).
VALUE_MEASURES = frozenset(
    {"move", "level", "drawdown", "daily_extreme", "sma_distance", "peak_distance", "volatility"}
)
# A bound, not a value: "more than 1%", "above 700", "2% or more".
_BOUND_BEFORE = re.compile(
    r"(?:(?:more|less|greater|fewer|higher|lower|bigger|smaller|better|worse)\s+than|over|above|"
    r"under|below|beyond|exceed\w*|at\s+least|at\s+most|up\s+to|within|between|top|than|"
    r"through|past|[<>≥≤])\s*$",
    re.I,
)
_BOUND_AFTER = re.compile(r"^\s*(?:or\s+(?:more|less|better|worse|higher|lower)|\+(?!\d)|and\b)",
                          re.I)  # fmt: skip
# A figure naming a policy or a term, not a move: "a 10% ceiling on card rates", "25% tariffs",
# "a 15% stake", "a 3% pay raise" — the question's event, which no market measure speaks to.
_TERM_AFTER = re.compile(
    r"^\s*(?:-\s*)?(?:ceilings?|caps?|limits?|tariffs?|tax(?:es)?|levy|levies|duty|duties|"
    r"interest|rates?|stakes?|discounts?|premiums?|fees?|targets?|thresholds?|margins?|"
    r"raises?|pay|wages?|down\s+payments?|coupons?|dividends?|layoffs?|cuts?\s+(?:to|in)\s+"
    r"(?:jobs|staff|workforce)|of\s+(?:the|its|their)\s+(?:shares|stock|workforce|revenue))\b",
    re.I,
)
# A question that asserts what it asks about ("why did …", "what drove …", "did …"), as against
# one whose figure picks what to look at ("how many sessions rose 1%?", "which sectors …").
_ASSERTS = re.compile(
    r"\bwhy\b|\bhow\s+come\b|\bwhat\s+(?:drove|caused|explains?|pushed|sent|made|led|"
    r"triggered|(?:is|was)\s+behind)\b|^\W*(?:did|does|do|is|was|were|are|has|have|had)\b",
    re.I,
)


@dataclass(frozen=True)
class FalsePremise:
    """A figure of the question that the measured evidence contradicts."""

    stated: str  # as the question wrote it: "3%", "40 basis points", "$700"
    check: NumberCheck  # status "contradicted", with the fact and its source
    fact: Fact  # what the cited source measured instead
    measure: str  # the claim reader's measure class of that fact
    source: int


def is_premise(question: str, claim: Claim) -> bool:
    """The question asserts this figure about a named instrument's value."""
    if claim.is_date or not claim.subject or claim.measure not in VALUE_MEASURES:
        return False
    number = claim.number
    if _BOUND_BEFORE.search(question[: number.start]) or _BOUND_AFTER.match(question[number.end :]):
        return False
    if _TERM_AFTER.match(question[number.end :]):
        return False
    lo, hi = claim.sentence
    body = question[lo:hi].strip()
    return not body.endswith("?") or bool(_ASSERTS.search(body))


def false_premises(question: str, ledger: SourceLedger, as_of: date | None = None
                   ) -> list[FalsePremise]:  # fmt: skip
    """The question's premises that a measured fact about the same instrument and measure
    contradicts (a true premise, or one nothing measured speaks to, is not listed)."""
    measured = [st for found in ledger_statements(ledger).values() for st in found if st.typed]
    found: list[FalsePremise] = []
    for claim in extract_claims(question, as_of):
        if not is_premise(question, claim):
            continue
        outcome = check_figure(claim, measured, [], measured)
        st = outcome.statement
        if outcome.status != "contradicted" or st is None or not same_subject(claim, st):
            continue
        fact = _fact_of(ledger, st)
        if fact is None or st.measure is None:
            continue
        check = number_check(claim, outcome, question)
        found.append(FalsePremise(claim.number.text, check, fact, st.measure, st.source))
    return found


def _fact_of(ledger: SourceLedger, st: Statement) -> Fact | None:
    source = ledger.get(st.source)
    if not isinstance(source, DataSource):
        return None
    return next((f for f in source.facts if f.label() == st.label), None)
