"""Claim-level verification: each figure of an answer bound to the subject, measure and window
it states and checked against the source it cites; reasons and superlatives too.

`verify_answer(text, ledger, as_of, question)` is the one entry point every output uses;
`false_premises(question, ledger, as_of)` checks the figures the question itself states.
"""

from copilot.claims.extract import Claim, extract_claims
from copilot.claims.numbers import Number, find_dates, find_numbers, on_or_before
from copilot.claims.premises import FalsePremise, false_premises
from copilot.claims.verify import (
    attribute_uncited,
    clean_citations,
    premise_checks,
    verify_answer,
)

__all__ = [
    "Claim",
    "FalsePremise",
    "Number",
    "attribute_uncited",
    "clean_citations",
    "extract_claims",
    "false_premises",
    "find_dates",
    "find_numbers",
    "on_or_before",
    "premise_checks",
    "verify_answer",
]
