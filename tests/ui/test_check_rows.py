"""The checks table's reason rows: a reason read again by the cause judge says how surely."""

from __future__ import annotations

from typing import Literal

from copilot.answer import ReasonCheck
from ui.answer_view import reason_row


def _reason(status: Literal["supported", "unsupported"], judged: float | None) -> ReasonCheck:
    return ReasonCheck(
        text="Oil fell on demand worries [2].", start=0, end=31, kind="reason", status=status,
        source=2, judged=judged, evidence="[2] Oil prices fall …",
    )  # fmt: skip


def test_a_reason_read_again_and_kept_shows_the_judge_s_reading() -> None:
    assert reason_row(_reason("supported", 0.86))["check"] == (
        "✓ supported (read again: p(yes) 0.86)"
    )


def test_a_reason_not_read_again_shows_the_score_s_verdict_alone() -> None:
    assert reason_row(_reason("supported", None))["check"] == "✓ supported"
    # One the judge took away says why in its evidence, as every unsupported reason does.
    row = reason_row(_reason("unsupported", 0.41))
    assert row["check"] == "⚠ unsupported" and row["source"] == "[2]"
