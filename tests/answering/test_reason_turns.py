"""Where a reasons turn stops, and which of its sentences make the draft."""

from __future__ import annotations

import pytest

from copilot.answering.reason_turns import one_reason, reason_over


@pytest.mark.parametrize(
    "streamed",
    [
        "Chip stocks rose after TSMC raised its capex plan [3]. The",  # cited, the next begun
        "Chip stocks rose after TSMC raised its capex plan. [3] Broadcom",
        "Stocks rally to start the week. RBC expects more gains. The",  # two over, uncited
        "Stocks rally to start the week. RBC expects more gains [11]. It",
    ],
)
def test_a_turn_stops_after_its_cited_sentence_or_its_second(streamed: str) -> None:
    assert reason_over(streamed)


@pytest.mark.parametrize(
    "streamed",
    [
        "Chip stocks rose after TSMC raised its capex plan [3]",  # still going: no next sentence
        "Stocks rally to start the week. RBC expects",  # the first uncited: read on for its [n]
        "Gold rose 1.5 percent to 4,6",  # "1.5" is no sentence end
    ],
)
def test_a_turn_goes_on_until_then(streamed: str) -> None:
    assert not reason_over(streamed)


def test_the_draft_runs_to_the_first_cited_sentence_of_the_first_two() -> None:
    headline = "Stocks rally to start 2026 trading week as S&P expected to continue rise."
    cited = "Lori Calvasina of RBC expects the S&P to keep rallying [11]."
    assert one_reason(f"{headline} {cited}") == f"{headline} {cited}"
    assert one_reason(f" {cited} {headline}") == cited  # cited first: one sentence
    # Neither cites: the first alone, as a one-sentence turn gave it.
    assert one_reason(f"{headline} Lori Calvasina of RBC expects more.") == headline
    assert one_reason("Gold rose as the dollar fell [2].") == "Gold rose as the dollar fell [2]."
    # A cited "sentence" that says nothing is no reason: the first alone (found in the app).
    banks = "Banks reported robust lending growth including a 20% rise in new card accounts."
    assert one_reason(f"{banks} This move [3].") == banks
    for back in ("This caused a fire under commodities [2].", "It explains the move of DBC [2]."):
        assert one_reason(f"{banks} {back}") == banks  # only points back: no reason of its own
    assert one_reason("  ") == ""
