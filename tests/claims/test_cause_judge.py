"""The cause judge: a reason the support score accepts is read again, and marked unsupported
when the judge says its article does not give that cause (`copilot.claims.cause_judge`).

The model here is a fake with fixed probabilities per claim; the real model's judgement is
measured in `benchmarks/cause_judge_bench.py`, and its yes/no reading tested in
`tests/llm/test_llm_local_model.py`.
"""

from __future__ import annotations

from datetime import datetime

from copilot.claims.cause_judge import JUDGE_THRESHOLD, CauseJudge, cause_judge_for, judge_messages
from copilot.claims.reasons import SupportScorer
from copilot.errors import ProviderError
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.sources import NewsSource, SourceLedger
from copilot.verify import verify_answer

OIL = (
    "Crude prices slipped after recent gains as traders focused on signs of softer demand "
    "growth in major consuming economies."
)
REASON = (
    "Crude prices slipped as traders focused on signs of softer demand growth in major "
    "consuming economies"
)


class FakeJudgeModel:
    """p(yes) by a word of the claim; every conversation it was asked, kept."""

    def __init__(self, by_word: dict[str, float], fail: bool = False) -> None:
        self.by_word, self.fail = by_word, fail
        self.asked: list[list[ChatMessage]] = []

    def yes_probabilities(self, conversations: list[list[ChatMessage]]) -> list[float]:
        if self.fail:
            raise ProviderError("the model went away")
        self.asked += conversations
        claims = [c[-1]["content"].split("Claim: ", 1)[1] for c in conversations]
        return [next(p for w, p in self.by_word.items() if w in claim) for claim in claims]


def _oil_ledger() -> tuple[SourceLedger, int]:
    ledger = SourceLedger()
    n = ledger.register(NewsSource(
        article_id="a1", chunk_id="a1-0", title="Oil prices fall on demand worries",
        publisher="Pub", published_at=datetime(2026, 1, 7), url="https://x/1", text=OIL,
        excerpt=OIL, about=["WTI", "oil"],
    ))  # fmt: skip
    return ledger, n


def _reason(text: str, judge: CauseJudge | None):  # type: ignore[no-untyped-def]
    ledger, n = _oil_ledger()
    _, v = verify_answer(f"{text} [{n}].", ledger, check_support=True, judge=judge)
    [check] = [r for r in v.reasons if r.kind == "reason"]
    return check


def test_a_reason_the_judge_rejects_is_unsupported_with_its_reading(scorer: SupportScorer) -> None:
    assert _reason(REASON, None).status == "supported"  # the score alone accepts it
    check = _reason(REASON, CauseJudge(FakeJudgeModel({"Crude": 0.41})))
    assert check.status == "unsupported"
    assert check.judged == 0.41
    assert check.evidence.endswith(
        "(read again, the article does not give this cause for the move: p(yes) 0.41 < 0.7)"
    )


def test_a_reason_the_judge_accepts_stays_supported(scorer: SupportScorer) -> None:
    check = _reason(REASON, CauseJudge(FakeJudgeModel({"Crude": 0.86})))
    assert (check.status, check.judged) == ("supported", 0.86)


def test_the_threshold_itself_is_enough(scorer: SupportScorer) -> None:
    check = _reason(REASON, CauseJudge(FakeJudgeModel({"Crude": JUDGE_THRESHOLD})))
    assert check.status == "supported"


def test_a_reason_the_score_rejects_is_not_read_again(scorer: SupportScorer) -> None:
    model = FakeJudgeModel({"": 0.99})
    unrelated = "WTI fell because a bank's new chief executive took office in London"
    check = _reason(unrelated, CauseJudge(model))
    assert check.status == "unsupported" and check.judged is None
    assert model.asked == []  # a judge may take a reason away, never give one


def test_a_failing_judge_leaves_the_score_s_verdict(scorer: SupportScorer) -> None:
    check = _reason(REASON, CauseJudge(FakeJudgeModel({}, fail=True)))
    assert (check.status, check.judged) == ("supported", None)


def test_the_judge_is_shown_the_excerpt_and_the_claim_without_its_number(
    scorer: SupportScorer,
) -> None:
    model = FakeJudgeModel({"Crude": 0.9})
    _reason(REASON, CauseJudge(model))
    [(system, user)] = model.asked
    assert system["content"] == (
        "You check claims against news excerpts. Answer with one word: yes or no."
    )
    assert f"{OIL}\n>>>" in user["content"]  # the passage as the checker reads it
    assert user["content"].endswith(
        f"Claim: {REASON}.\n\nDoes the excerpt itself say that the cause named in the claim "
        "moved the market (not only mention both)? Answer yes or no."
    )


def test_judgements_are_cached_by_claim_and_passage() -> None:
    model = FakeJudgeModel({"gold": 0.2, "oil": 0.8})
    judge = CauseJudge(model)
    first = judge.probabilities([("gold rose [1]", "P"), ("oil fell [2]", "P")])
    again = judge.probabilities([("oil fell [3]", "P"), ("gold rose", "P"), ("gold rose", "Q")])
    assert first == [0.2, 0.8] and again == [0.8, 0.2, 0.2]
    # The same claim (its [n] aside) on the same passage is asked once; on another passage, anew.
    assert len(model.asked) == 3


def test_only_a_model_that_gives_yes_no_probabilities_judges() -> None:
    assert cause_judge_for(ScriptedLLM([])) is None  # the unit tests' model: the score decides
    assert isinstance(cause_judge_for(FakeJudgeModel({})), CauseJudge)


def test_the_judging_turn_renders_the_claim_without_citations() -> None:
    _, user = judge_messages("Gold rose on the news [2, 3].", "An excerpt.")
    assert "Claim: Gold rose on the news.\n" in user["content"]
