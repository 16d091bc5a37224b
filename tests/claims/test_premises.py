"""Which figures of a question are premises, and which of those the measured facts contradict.

The ledger (tests/claims/ledger_kit.py, written by hand) states: [2] IWM +8.32% from the
2025-12-31 close to 2026-01-22; [3] SPY +1.21%; [4] sectors on 2026-01-22 (XLB +1.52% …);
[5] DGS10 +16 bp, 4.12% → 4.28% on 2026-01-22; [6] gold fell 4.4% (a news article).
"""

from __future__ import annotations

from ledger_kit import AS_OF, book

from copilot.claims.premises import false_premises


def corrected(question: str) -> list[tuple[str, str, int]]:
    """(the question's figure, the fact that contradicts it, its source)."""
    return [(p.stated, p.check.fact, p.source) for p in false_premises(question, book(), AS_OF)]


def test_a_false_move_in_a_why_question_or_a_statement_is_contradicted() -> None:
    iwm = ("3%", "IWM return 2026-01-02..2026-01-22 = +8.32%", 2)
    assert corrected("Why did small caps gain 3% this year?") == [iwm]
    assert corrected("Small caps gained 3% this year. What drove it?") == [iwm]
    assert corrected("Did small caps rise 3% this year?") == [iwm]
    # The wrong sign is a false premise too.
    assert corrected("Why did SPY fall 1.21% this year?") == [
        ("1.21%", "SPY return 2026-01-02..2026-01-22 = +1.21%", 3)
    ]


def test_a_false_rate_move_in_basis_points_and_a_false_level_on_a_day() -> None:
    assert corrected("Why did the 10-year yield rise 30 bp this year?") == [
        ("30 bp", "DGS10 change 2026-01-02..2026-01-22 = +16 bp", 5)
    ]
    assert corrected("Why was the 10-year yield at 4.5% on January 22, 2026?") == [
        ("4.5%", "DGS10 level 2026-01-22 = 4.28%", 5)
    ]


def test_a_true_premise_is_not_corrected() -> None:
    for question in ("Why did small caps gain 8.3% this year?", "Why did SPY rise 1.2%?",
                     "Why did the 10-year yield rise 16 bp this year?"):  # fmt: skip
        assert corrected(question) == [], question


def test_criteria_and_figures_nothing_measured_are_not_corrected() -> None:
    for question in (
        "Did small caps gain more than 10% this year?",  # a bound
        "Which sectors rose 3% on January 22?",  # picks what to look at
        "How many sessions did IWM gain 2% or more?",
        "When SPY was at $700, what did small caps do?",  # no day to check the level on
        "Why did gold fall 5%?",  # only an article speaks to gold: nothing measured
        "Why did QQQ gain 3% this year?",  # nothing measured about QQQ
        "Why did IWM beat SPY for 10 sessions in a row?",  # a count, not a value
        # The question's event, a policy or a term, is no move of the instrument.
        "Explain the small-cap selloff after Trump floated a 10% ceiling on card rates",
        "Why did small caps slide after the 25% tariffs on steel this year?",
        "Why did SPY fall after the 3% cap on rent increases?",
        "Why did small caps rally after a 15% stake was sold this year?",
    ):
        assert corrected(question) == [], question
