"""The fixed plan for "why did X move?" — and every shape it must leave to the model."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.quick_plan import quick_plan

PRICED = {"IWM", "SPY", "SMH", "XLE", "GLD", "SLV", "KRE"}
AS_OF = date(2026, 1, 23)


def plan_for(question: str) -> list[dict[str, object]]:
    calls = quick_plan(question, AS_OF, PRICED, True, news_days=21)
    assert calls is not None, question
    return calls


def test_the_flagship_question_gets_the_taught_why_plan() -> None:
    assert plan_for("why did small caps rally?") == [
        {"tool": "price_return", "args": {"symbol": "IWM", "sessions": 20}},
        {"tool": "price_return", "args": {"symbol": "SPY", "sessions": 20}},
        {"tool": "streak", "args": {"symbol": "IWM", "versus": "SPY"}},
        # 21 days before 2026-01-23, counted by hand.
        {"tool": "search_news", "args": {"query": "why did small caps rally",
                                         "since": "2026-01-02", "until": "2026-01-23"}},
    ]  # fmt: skip


def test_other_markets_and_moves_take_the_same_shape() -> None:
    calls = plan_for("What drove chip stocks lower?")
    assert [c["args"].get("symbol") for c in calls[:3]] == ["SMH", "SPY", "SMH"]  # type: ignore[union-attr]


def test_the_benchmark_itself_is_compared_with_nothing() -> None:
    calls = plan_for("Why did the S&P 500 fall?")
    assert [c["tool"] for c in calls] == ["price_return", "streak", "search_news"]
    assert calls[1]["args"] == {"symbol": "SPY"}


@pytest.mark.parametrize(
    "question",
    [
        "Why did small caps rally in January 2026?",  # a period: the model picks the window
        "Why did small caps rally this week?",
        "Why did chip stocks rise on January 15, 2026?",  # a day
        "Why did small caps rally from January 2 to January 22?",
        "Why did small caps fall 3%?",
        "Why did gold and silver prices drop?",  # two subjects
        "Why did small caps beat large caps?",  # a comparison the fixed plan does not make
        "Why did the 10-year yield rise?",  # not a priced symbol here
        "Why did stocks fall?",  # no stored market named
        "How much did small caps rally?",  # not a why-question
        "Why are small caps important?",  # not about a move
    ],
)
def test_other_shapes_are_left_to_the_model(question: str) -> None:
    assert quick_plan(question, AS_OF, PRICED, True, news_days=21) is None


def test_without_a_news_store_the_model_plans() -> None:
    assert quick_plan("why did small caps rally?", AS_OF, PRICED, False, news_days=21) is None
