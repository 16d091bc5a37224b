"""Evaluation of the agent's answers against the question sets in benchmarks/eval/."""

from copilot.evaluation.checks import instrument_named, names_symbol, unanswerable_correct
from copilot.evaluation.figures import ExtractedNumber, extract_numbers
from copilot.evaluation.gates import Bar, failures, parse_bar
from copilot.evaluation.scoring import (
    EvalQuestion,
    Gold,
    QuestionResult,
    facts_covered,
    load_questions,
    numeric_correct,
    parse_questions,
    percentile,
    score_answer,
    summarize,
    summarize_families,
    tool_choice_correct,
)

__all__ = [
    "Bar",
    "EvalQuestion",
    "ExtractedNumber",
    "Gold",
    "QuestionResult",
    "extract_numbers",
    "facts_covered",
    "failures",
    "instrument_named",
    "load_questions",
    "names_symbol",
    "numeric_correct",
    "parse_bar",
    "parse_questions",
    "percentile",
    "score_answer",
    "summarize",
    "summarize_families",
    "tool_choice_correct",
    "unanswerable_correct",
]
