"""Number extraction and verification on hand-written texts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from copilot.numbers import find_numbers
from copilot.sources import DataSource, NewsSource, SourceLedger
from copilot.verify import verify_answer


def units(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.unit) for n in find_numbers(text)]


def test_find_numbers_units_and_names() -> None:
    assert units("IWM +8.32% [1], down -0.72 %, 16 bp, $263.99, 6,875.62") == [
        ("+8.32%", "%"), ("-0.72 %", "%"), ("16 bp", "bp"), ("$263.99", "$"), ("6,875.62", "level"),
    ]  # fmt: skip
    # Names with digits and citation markers are not figures.
    assert units("The S&P 500 and Russell 2000 vs the 10-year yield [12]") == []
    # An "N-day" window is a claim about the window (the old reader masked it as a name).
    assert units("the 200-day average") == [("200", "count")]
    assert units("14 sessions in 2026") == [("14", "count"), ("2026", "year")]
    assert units("on Jan. 22, 2026 and 2026-01-21, or 1/20/2026") == [
        ("Jan. 22, 2026", "date"), ("2026-01-21", "date"), ("1/20/2026", "date"),
    ]  # fmt: skip
    assert units("rose 1.5 percent, a $1.2 billion deal") == [
        ("1.5 percent", "%"), ("$1.2 billion", "$"),
    ]  # fmt: skip


def ledger() -> SourceLedger:
    book = SourceLedger()
    streak = "IWM beat SPY 14 sessions in a row through 2026-01-22."
    book.register(DataSource(tool="streak", metric="m", symbols=["IWM", "SPY"], text=streak))
    book.register(DataSource(tool="price_return", metric="m", symbols=["IWM"],
                             text="IWM +8.32% from 2025-12-31 (close 246.10) to 2026-01-22 "
                                  "(close 266.58). SPY +1.21%."))  # fmt: skip
    book.register(
        NewsSource(article_id="a", chunk_id="a:0", title="Small caps extend 13-day winning streak",
                   publisher="AP", published_at=datetime(2026, 1, 23, 21, tzinfo=UTC),
                   url="https://example.org/a", text="The Russell 2000 rose 0.8% on Friday.")
    )  # fmt: skip
    return book


def statuses(text: str) -> dict[str, str]:
    _, v = verify_answer(
        text, ledger(), date(2026, 1, 23), "why did small caps rally?", check_support=False
    )
    return {n.text: n.status for n in v.numbers}


def test_correct_rounded_and_cited_numbers_are_verified() -> None:
    result = statuses("IWM beat SPY 14 sessions [1], up 8.3% [2] (close $266.58) on January 22.")
    assert result == {"14": "verified", "8.3%": "verified", "$266.58": "verified",
                      "January 22": "verified"}  # fmt: skip


def test_wrong_number_is_contradicted_by_its_cited_source() -> None:
    # The cited sources state 14 sessions and +8.32% for IWM: another value is contradicted
    # (it was "unverified" before claims; the source does state a value for that claim).
    assert statuses("IWM beat SPY 15 sessions [1], up 8.4% [2].") == {
        "15": "contradicted", "8.4%": "contradicted",
    }  # fmt: skip
    # Rounding may drop precision but never change the figure: 8.32 written as 8.30 is wrong.
    assert statuses("IWM up 8.30% [2]")["8.30%"] == "contradicted"
    # A figure no source states anything like is unverified.
    assert statuses("XLU gained 3.1% [2].") == {"3.1%": "unverified"}


def test_a_change_read_with_the_wrong_sign_is_unverified() -> None:
    # The evidence says SPY +1.21% and IWM +8.32%: right magnitude, wrong direction is wrong.
    assert statuses("SPY fell 1.21% [2].") == {"1.21%": "contradicted"}
    assert statuses("IWM -8.32% [2], a 8.32% decline.") == {"-8.32%": "contradicted",
                                                            "8.32%": "contradicted"}  # fmt: skip
    # The nearest direction word decides, each figure in its own clause.
    assert statuses("IWM rose 8.32% while SPY gained 1.21% [2].") == {
        "8.32%": "verified", "1.21%": "verified",
    }  # fmt: skip
    assert statuses("The Russell 2000 rose 0.8% [3].") == {"0.8%": "verified"}
    # An unsigned return reads as a gain: "had a 0.8% return" is right for +0.8%.
    assert statuses("It had a 0.8% return [3].") == {"0.8%": "verified"}


def test_derived_figures_are_recognised() -> None:
    result = statuses("IWM +8.32% vs SPY +1.21% [2]: a lead of 7.11 points; 8.32% is 8.3% rounded.")
    assert result["7.11 points"] == "derived"
    # A return computed from two closes shown in the evidence: 266.58 / 246.10 - 1 = 8.32%.
    _, v = verify_answer("That is 8.32% [2].", ledger(), check_support=False)
    assert v.numbers[0].status == "verified"


def test_news_facts_including_title_and_date_are_evidence() -> None:
    # "13-day" is a claim now (the streak the title states), not a name to skip.
    result = statuses("The Russell 2000 rose 0.8% [3], a 13-day streak (AP, 2026-01-23) [3].")
    assert result == {"0.8%": "verified", "13": "verified", "2026-01-23": "verified"}


def test_the_as_of_date_is_context_but_the_question_is_not_evidence() -> None:
    # Before claims, a date (or figure) written in the question verified itself.
    _, v = verify_answer(
        "As of 2026-01-23, about January 5.",
        SourceLedger(),
        date(2026, 1, 23),
        "On January 5?",
        check_support=False,
    )
    assert [n.status for n in v.numbers] == ["verified", "unverified"]
    assert [n.source for n in v.numbers] == [None, None]


def test_unresolvable_citations_are_removed() -> None:
    text, v = verify_answer("Up 8.32% [2, 9]. Strong [7].", ledger(), check_support=False)
    assert text == "Up 8.32% [2]. Strong."
    assert v.cited == [2] and v.invalid_citations == [9, 7]


def test_cited_source_is_preferred_for_the_match() -> None:
    book = ledger()
    book.register(DataSource(tool="x", metric="m", symbols=["QQQ"], text="QQQ +8.32%."))
    _, v = verify_answer("QQQ gained 8.32% [4].", book, check_support=False)
    assert v.numbers[0].source == 4


def test_uncited_sentences_get_the_source_their_figures_or_words_trace_to() -> None:
    text, v = verify_answer(
        "IWM rose 8.32% since year end. The Russell 2000 rose on Friday, reports said. "
        "Investors were cheerful.",
        ledger(),
        check_support=False,
    )
    assert text == (
        "IWM rose 8.32% since year end [2]. The Russell 2000 rose on Friday, reports said [3]. "
        "Investors were cheerful."
    )
    assert v.attributed == [2, 3] and v.cited == [2, 3]


def test_sentence_splitting_keeps_initials_together() -> None:
    text, v = verify_answer("Gains at J.B. Hunt lifted transports.", ledger(), check_support=False)
    assert text == "Gains at J.B. Hunt lifted transports." and v.attributed == []


def test_the_second_day_of_a_day_range_is_a_date_never_a_count() -> None:
    cases = {
        "Gold rose from January 20 to 28, 2026, as gold rallied.": [(2026, 1, 20), (2026, 1, 28)],
        "On January 13 and 14, 2026, energy stocks climbed.": [(2026, 1, 13), (2026, 1, 14)],
        "A record on December 22-23, 2025.": [(2025, 12, 22), (2025, 12, 23)],
    }
    for text, days in cases.items():
        found = find_numbers(text)
        assert [n.unit for n in found] == ["date", "date"], text
        assert [n.day for n in found] == [date(*d) for d in days], text
    # A figure after "and" is still a figure: "on January 5 and 9% lower" is a date, then 9 %.
    assert [n.unit for n in find_numbers("fell on January 5 and 9% lower")] == ["date", "%"]
    # A day that cannot follow the first ("January 20 to 3") is not read as a range.
    assert [n.unit for n in find_numbers("January 20 to 3 sessions")] == ["date", "count"]


def test_a_reason_dated_by_a_day_range_has_no_untraced_count() -> None:
    book = SourceLedger()
    book.register(
        NewsSource(article_id="d", chunk_id="d:0", title="Dollar slides as gold climbs",
                   publisher="AP", published_at=datetime(2026, 1, 28, 21, tzinfo=UTC),
                   url="https://example.org/d", text="The dollar weakened late in January.")
    )  # fmt: skip
    _, v = verify_answer(
        "Gold rose from January 20 to 28, 2026, as the dollar weakened [1].",
        book, date(2026, 1, 29), "why did gold rise?",
    )  # fmt: skip
    # Before, the 28 was a count no source states, and the reason was cut as unsupported.
    assert [n.unit for n in v.numbers if n.text.startswith("28")] != ["count"]
    assert not [n for n in v.numbers if n.unit == "count"]


def test_a_day_named_by_its_ordinal_is_a_date_never_a_place() -> None:
    # "Friday the 19th", "between the 11th and the 20th": days of the month, as people date a
    # move; "the 3rd straight session" and "the 2nd-best day" are places.
    found = find_numbers("The VIX fell 12% on Friday the 19th, between the 11th and the 20th.")
    assert [(n.text, n.unit, n.day_of_month) for n in found] == [
        ("12%", "%", None), ("19th", "date", 19), ("11th", "date", 11), ("20th", "date", 20),
    ]  # fmt: skip
    for place in ("the 3rd straight session", "the 2nd-best day", "on the 2nd day of gains",
                  "ranked 3rd", "rose to the 3rd spot", "on the 3rd attempt",
                  "to the 21st century", "since the 1st half", "and the 3rd Fed cut"):  # fmt: skip
        assert [n.unit for n in find_numbers(place)] == ["rank"], place
    (named,) = find_numbers("on the 22nd Dec")  # the month written after it is its month
    assert (named.unit, named.month_day) == ("date", (12, 22))
    (dated,) = find_numbers("rose on the 19th of December, 2025")
    assert (dated.unit, dated.day) == ("date", date(2025, 12, 19))


def test_a_day_named_by_its_ordinal_is_checked_against_the_days_the_sources_date() -> None:
    book = SourceLedger()
    book.register(
        NewsSource(article_id="w", chunk_id="w:0", title="Stock Market News for Dec 22, 2025",
                   publisher="Nasdaq", published_at=datetime(2025, 12, 22, 12, tzinfo=UTC),
                   url="https://example.org/w",
                   text="U.S. stocks closed higher on Friday, the S&P 500 up 0.9%, as the AI "
                        "trade regained momentum.")
    )  # fmt: skip
    question = "why did stocks rise on friday the 19th?"
    _, v = verify_answer("Stocks rose on Friday the 19th as the AI trade regained momentum [1].",
                         book, date(2025, 12, 23), question)  # fmt: skip
    # The wrap, published on Monday the 22nd, dates its figures to the Friday it names.
    assert [(n.text, n.status) for n in v.numbers] == [("19th", "verified")]
    _, v = verify_answer("Stocks rose on Friday the 18th as the AI trade regained momentum [1].",
                         book, date(2025, 12, 23), question)  # fmt: skip
    assert [(n.text, n.status) for n in v.numbers] == [("18th", "unverified")]
    # The day is the latest with that number by as-of, and its weekday must be the one written:
    # asked on January 23, "the 19th" is January 19, which no source dates; "Thursday the
    # 19th" names no day of December 2025 (the 19th was a Friday).
    for wrong, as_of in (
        ("on the 19th", date(2026, 1, 23)),
        ("on Thursday the 19th", date(2025, 12, 23)),
    ):
        _, v = verify_answer(f"Stocks rose {wrong} as the AI trade regained momentum [1].",
                             book, as_of, question)  # fmt: skip
        assert [n.status for n in v.numbers] == ["unverified"], wrong
