"""Evaluation of the agent's answers against the question set in benchmarks/eval/."""

from copilot.evaluation.scoring import (
    EvalQuestion,
    ExtractedNumber,
    Gold,
    QuestionResult,
    extract_numbers,
    facts_covered,
    load_questions,
    numeric_correct,
    parse_questions,
    percentile,
    score_answer,
    summarize,
    tool_choice_correct,
)

__all__ = [
    "EvalQuestion",
    "ExtractedNumber",
    "Gold",
    "QuestionResult",
    "extract_numbers",
    "facts_covered",
    "load_questions",
    "numeric_correct",
    "parse_questions",
    "percentile",
    "score_answer",
    "summarize",
    "tool_choice_correct",
]
