"""Scoring of evaluation answers, on hand-written literals."""

from __future__ import annotations

import pytest

from copilot.evaluation import (
    EvalQuestion,
    Gold,
    QuestionResult,
    extract_numbers,
    facts_covered,
    numeric_correct,
    parse_questions,
    percentile,
    score_answer,
    summarize,
    tool_choice_correct,
)


def found(text: str) -> list[tuple[float, str | None, str]]:
    return [(n.value, n.unit, text[n.span[0] : n.span[1]]) for n in extract_numbers(text)]


def test_extracts_percentages_with_signs_and_spaces() -> None:
    assert found("IWM +1.41% and XLU -0.72 % while XLK \u22122.6%") == [
        (1.41, "%", "+1.41%"),
        (-0.72, "%", "-0.72 %"),
        (-2.6, "%", "\u22122.6%"),
    ]
    assert found("rose 1.4 percent, 3 per cent, 2 pct") == [
        (1.4, "%", "1.4 percent"),
        (3.0, "%", "3 per cent"),
        (2.0, "%", "2 pct"),
    ]


def test_extracts_counts_bp_dollars_levels_and_bare_numbers() -> None:
    assert found("14 sessions, a 13-day streak, 14 straight sessions, fourteen days") == [
        (14.0, "count", "14 sessions"),
        (13.0, "count", "13-day"),
        (14.0, "count", "14 straight sessions"),
        (14.0, "count", "fourteen days"),
    ]
    assert found("up 37 bp, 12 bps, 7 basis points, 0.37 percentage points") == [
        (37.0, "bp", "37 bp"),
        (12.0, "bp", "12 bps"),
        (7.0, "bp", "7 basis points"),
        (0.37, "pp", "0.37 percentage points"),
    ]
    assert found("closed at $263.99 (level 6,913.35 points); 1,234.5 and 0.013") == [
        (263.99, "$", "$263.99"),
        (6913.35, "level", "6,913.35 points"),
        (1234.5, None, "1,234.5"),
        (0.013, None, "0.013"),
    ]
    assert found("a $5.1 billion deal, $1.2B, ranked 10th") == [
        (5.1e9, "$", "$5.1 billion"),
        (1.2e9, "$", "$1.2B"),
        (10.0, "count", "10th"),
    ]


def test_dates_years_citations_and_names_are_not_numbers() -> None:
    text = (
        "On January 22, 2026 (2026-01-22, 1/22/2026, Jan. 23, 22 January 2026, Q4, in 2025) "
        "the S&P 500, Russell 2000 and Nasdaq-100 rose [1][12]; the 10-year yield; H200 chips."
    )
    assert found(text) == []


def test_range_dash_is_not_a_minus_sign() -> None:
    assert found("a range of 3.5%-3.75%") == [(3.5, "%", "3.5%"), (3.75, "%", "3.75%")]
    assert found("from 2.1% \u2013 3%") == [(2.1, "%", "2.1%"), (3.0, "%", "3%")]


PCT = Gold(value=-0.7206, unit="%", tolerance=0.01)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("XLU fell 0.72% on January 22, 2026 [2].", True),  # magnitude, no sign written
        ("XLU -0.72% on the day.", True),
        ("XLU returned -0.0072 as a fraction.", True),  # fraction reading of a bare decimal
        ("XLU +0.72% on the day.", False),  # an explicit sign must agree
        ("XLU fell 0.7%.", False),  # outside the 0.01 tolerance
        ("XLU fell 0.72 points.", False),  # wrong unit
        ("XLU fell 72 bp.", False),
    ],
)
def test_numeric_correct_percent(answer: str, expected: bool) -> None:
    assert numeric_correct(answer, PCT) is expected


def test_numeric_correct_other_units() -> None:
    count = {"value": 14.0, "unit": "count", "tolerance": 0.0}
    assert numeric_correct("IWM beat SPY 14 sessions in a row through Jan 22.", count)
    assert numeric_correct("a streak of 14 through January 22, 2026", count)  # bare number
    assert not numeric_correct("IWM beat SPY 13 sessions in a row on January 14.", count)
    bp = Gold(value=7.0, unit="bp", tolerance=0.5)
    assert numeric_correct("The 10-year yield rose 7 basis points to 4.21%.", bp)
    assert numeric_correct("up 0.07 percentage points", bp)
    assert not numeric_correct("up 0.07%", bp)
    usd = Gold(value=636.0374, unit="$", tolerance=0.01)
    assert numeric_correct("its 200-day average was $636.04", usd)
    assert numeric_correct("its 200-day average was 636.04", usd)
    assert not numeric_correct("its 200-day average was 636.1", usd)
    level = Gold(value=6913.35, unit="level", tolerance=0.01)
    assert numeric_correct("The S&P 500 closed at 6,913.35.", level)
    assert not numeric_correct("The S&P 500 closed at 6,913.35%.", level)
    assert numeric_correct("2026-01-22 close: 1.07%", Gold(value=1.072, unit="%", tolerance=0.01))


def test_facts_covered_counts_any_alternative_as_whole_words() -> None:
    facts = [["14 sessions", "13-day"], ["rate cut", "Fed"], ["tariff"], ["AI"]]
    answer = "Small caps had a 13 day streak as rate cuts neared and tariffs eased."
    assert facts_covered(answer, facts) == (3, 4)
    assert facts_covered("Federal aid and a fedora", [["Fed"], ["AI"]]) == (0, 2)
    assert facts_covered("FED and the A.I. trade \u2014 and AI\u2019s rise", [["Fed"], ["AI"]]) == (
        2,
        2,
    )
    assert facts_covered("anything", []) == (0, 0)


def test_tool_choice_is_expected_subset_of_called() -> None:
    assert tool_choice_correct(["streak", "search_news", "price_return"], ["streak", "search_news"])
    assert tool_choice_correct(["streak"], [])
    assert not tool_choice_correct(["price_return"], ["streak"])


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([], 50) is None
    assert percentile([3.0], 95) == 3.0
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 95) == pytest.approx(4.8)


def result(**kw: object) -> QuestionResult:
    base: dict[str, object] = {
        "id": "q", "kind": "numeric", "citations_valid": True, "share_verified": 1.0,
        "tool_choice_ok": True, "seconds": 1.0,
    }  # fmt: skip
    return QuestionResult.model_validate(base | kw)


def test_summarize_aggregates_every_score() -> None:
    results = [
        result(id="n1", correct=True, seconds=10.0),
        result(id="n2", correct=False, share_verified=0.5, seconds=20.0),
        result(
            id="n3",
            correct=None,
            citations_valid=False,
            share_verified=0.0,
            tool_choice_ok=False,
            seconds=30.0,
            error="timeout",
        ),
        result(id="w1", kind="why", facts_covered=2, facts_total=3, seconds=40.0),
        result(id="w2", kind="why", facts_covered=3, facts_total=3, seconds=50.0),
    ]
    summary = summarize(results)
    assert summary["questions"] == 5 and summary["numeric"] == 3 and summary["why"] == 2
    assert summary["errors"] == 1
    assert summary["numeric_accuracy"] == pytest.approx(1 / 3)
    assert summary["fact_coverage"] == pytest.approx(5 / 6)
    assert summary["citation_validity"] == pytest.approx(4 / 5)
    assert summary["share_verified"] == pytest.approx(3.5 / 5)
    assert summary["tool_choice"] == pytest.approx(4 / 5)
    assert summary["latency_p50_s"] == 30.0
    assert summary["latency_p95_s"] == pytest.approx(48.0)
    assert summary["latency_mean_s"] == 30.0


def test_summarize_empty_has_no_scores() -> None:
    summary = summarize([])
    assert summary["questions"] == 0 and summary["numeric_accuracy"] is None
    assert summary["latency_p50_s"] is None


LINES = [
    '{"id": "n", "question": "How many?", "as_of": "2026-01-22", "kind": "numeric", '
    '"gold": {"value": 14, "unit": "count", "tolerance": 0}, "expected_tools": ["streak"], '
    '"expected_symbols": ["IWM", "SPY"], "key_facts": [], "gold_articles": []}',
    "",
    '{"id": "w", "question": "Why?", "as_of": "2026-01-23", "kind": "why", '
    '"expected_tools": ["search_news"], "expected_symbols": [], '
    '"key_facts": [["Greenland"], ["tariff", "tariffs"]], "gold_articles": ["https://x.test/a"]}',
]


def test_parse_and_score_answers() -> None:
    numeric, why = parse_questions(LINES)
    scored = score_answer(numeric, "IWM beat SPY 14 sessions in a row [1].", ["streak"],
                          citations_valid=True, share_verified=1.0, seconds=2.5)  # fmt: skip
    assert scored.correct is True and scored.tool_choice_ok and scored.facts_total == 0
    scored = score_answer(why, "Stocks rose after Greenland tariffs were dropped [2].", [],
                          citations_valid=True, share_verified=1.0, seconds=3.0)  # fmt: skip
    assert scored.correct is None and (scored.facts_covered, scored.facts_total) == (2, 2)
    assert not scored.tool_choice_ok
    failed = score_answer(numeric, "", [], citations_valid=True, share_verified=0.0,
                          seconds=60.0, error="timed out")  # fmt: skip
    assert failed.correct is False and not failed.citations_valid


def test_parse_rejects_incomplete_questions() -> None:
    with pytest.raises(ValueError, match="gold"):
        parse_questions(['{"id": "n", "question": "?", "as_of": "2026-01-22", "kind": "numeric"}'])
    with pytest.raises(ValueError, match="key facts"):
        parse_questions(['{"id": "w", "question": "?", "as_of": "2026-01-22", "kind": "why"}'])
    with pytest.raises(ValueError, match="duplicate"):
        parse_questions([LINES[2], LINES[2]])
    with pytest.raises(ValueError):
        EvalQuestion.model_validate({"id": "x", "question": "?", "as_of": "soon", "kind": "why",
                                     "key_facts": [["a"]]})  # fmt: skip


def test_reason_counts_take_the_model_sentences_it_cited_to_a_supporting_article() -> None:
    from datetime import UTC, date, datetime

    from copilot.answer import Answer, ReasonCheck, Verification
    from copilot.evaluation.reasons import reason_counts
    from copilot.sources import DataSource, NewsSource

    def article(n: int) -> NewsSource:
        published = datetime(2026, 1, 15, tzinfo=UTC)
        return NewsSource(article_id=f"a{n}", chunk_id=f"c{n}", title="t", publisher="p",
                          published_at=published, url="u", text="x")  # fmt: skip

    written = (
        "Chip stocks rose after TSMC raised its capital spending plan [3]. "  # cited, supported
        "Bank earnings also lifted the market [4]. "  # cited, unsupported
        "Investors hoped for lower interest rates this year. "  # uncited (checker added [5])
        "Small caps led the whole market [1]. "  # cited to market data, not an article
        "See [3]."  # too short to be a reason
    )
    checks = [
        ReasonCheck(text="Chip stocks rose after TSMC raised its capital spending plan [3].",
                    start=0, end=1, kind="reason", status="supported", source=3),
        ReasonCheck(text="Bank earnings also lifted the market [4].", start=0, end=1,
                    kind="reason", status="unsupported", source=4),
        ReasonCheck(text="Investors hoped for lower interest rates this year [5].", start=0,
                    end=1, kind="reason", status="supported", source=5),
    ]  # fmt: skip
    data = DataSource(tool="measure", metric="m", symbols=["IWM"], text="IWM +1%")
    answer = Answer(
        question="why?", as_of=date(2026, 1, 16), text="", written=written,
        sources={1: data, 3: article(3), 4: article(4), 5: article(5)},
        verification=Verification(reasons=checks),
    )  # fmt: skip
    assert reason_counts(answer) == (4, 1)
