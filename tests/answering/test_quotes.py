"""A reason in other words than its article's is followed by the article's sentence, quoted."""

from __future__ import annotations

from datetime import UTC, datetime

from copilot.answer import NumberCheck, ReasonCheck, Verification
from copilot.answering.quotes import QUOTED, quoted, rested_on, with_quotes
from copilot.sources import NewsSource, SourceLedger

# Written here by hand, in the manner of a market wrap.
WRAP = (
    "Details of the trade framework remain sparse, and investors are still showing signs of "
    "nervousness. Gold's price rose, and the value of the dollar weakened against several "
    "currencies. On Thursday:"
)
PARAPHRASE = "Gold rose on 2026-01-22 due to the reported trade framework [2]."


def _news(excerpt: str, article: str = "a1") -> NewsSource:
    return NewsSource(
        article_id=article, chunk_id=f"{article}:0", title="How markets fared Thursday",
        publisher="AP", published_at=datetime(2026, 1, 22, 21, tzinfo=UTC),
        url=f"https://example.com/{article}", text=excerpt, excerpt=excerpt,
    )  # fmt: skip


def test_a_paraphrase_is_given_the_sentence_it_rests_on() -> None:
    assert rested_on(PARAPHRASE, WRAP) == (
        "Details of the trade framework remain sparse, and investors are still showing signs "
        "of nervousness."
    )


def test_a_reason_saying_its_sentence_nearly_whole_is_given_no_quote() -> None:
    said = ("Gold's price rose, and the value of the dollar weakened against several "
            "currencies [2].")  # fmt: skip
    assert rested_on(said, WRAP) is None


def test_a_quote_adding_too_little_to_its_reason_is_left_out() -> None:
    # The headline restated: the quote would add only its publisher and a verb's form.
    title = "Stocks Jump as Softer CPI Sends Treasuries Higher (Bloomberg Television)."
    assert rested_on("Treasuries rose because a softer CPI sent them higher [3].", title) is None


def test_a_reason_sharing_under_two_words_with_every_sentence_rests_on_none() -> None:
    assert rested_on("Gold rose on strong demand from central banks [2].", WRAP) is None


def test_a_figure_the_reason_leaves_out_counts_as_what_the_quote_adds() -> None:
    release = ("The Conference Board's Consumer Confidence Index declined by 3.8 points in "
               "December to 89.1.")  # fmt: skip
    # Four words the reason lacks (Conference, Board, declined, December) and two figures.
    reason = "Retailers rose as consumer confidence fell [2]."
    assert rested_on(reason, release) == release
    figureless = release.replace(" by 3.8 points", "").replace(" to 89.1", "")
    assert rested_on(reason, figureless) is None


def test_the_quote_follows_its_reason_and_every_check_after_it_moves_with_the_text() -> None:
    ledger = SourceLedger()
    measure = ledger.register(_news("placeholder", "a0"))  # [1]: taken, not cited here
    cited = ledger.register(_news(WRAP))  # [2]
    assert (measure, cited) == (1, 2)
    later = "Silver rose 3.1% that day."
    text = f"{PARAPHRASE} {later}"
    at = text.index("3.1%")
    reason = ReasonCheck(text=PARAPHRASE, start=0, end=len(PARAPHRASE), kind="reason",
                         status="unsupported", source=2)  # fmt: skip
    figure = NumberCheck(text="3.1%", value=3.1, unit="%", start=at, end=at + 4,
                         status="unverified")  # fmt: skip
    quoted, checks = with_quotes(text, Verification(numbers=[figure], reasons=[reason]), ledger)
    assert quoted == (
        f"{PARAPHRASE} Its words: “Details of the trade framework remain sparse, and investors "
        f"are still showing signs of nervousness.” {later}"
    )
    moved = checks.numbers[0]
    assert quoted[moved.start : moved.end] == "3.1%"
    assert quoted[checks.reasons[0].start : checks.reasons[0].end] == PARAPHRASE


def test_a_reason_citing_two_articles_or_none_gets_no_quote() -> None:
    ledger = SourceLedger()
    ledger.register(_news(WRAP))
    ledger.register(_news(WRAP, "a2"))
    for text in ("Gold rose due to the reported trade framework [1][2].",
                 "Gold rose due to the reported trade framework."):  # fmt: skip
        reason = ReasonCheck(text=text, start=0, end=len(text), kind="reason",
                             status="supported")  # fmt: skip
        assert with_quotes(text, Verification(reasons=[reason]), ledger)[0] == text


def test_a_sentence_is_quoted_once_however_many_reasons_rest_on_it() -> None:
    ledger = SourceLedger()
    ledger.register(_news("placeholder", "a0"))
    ledger.register(_news(WRAP))
    second = "Gold climbed as the trade framework stayed sparse [2]."
    text = f"{PARAPHRASE} {second}"
    reasons = [
        ReasonCheck(text=PARAPHRASE, start=0, end=len(PARAPHRASE), kind="reason",
                    status="supported"),
        ReasonCheck(text=second, start=len(PARAPHRASE) + 1, end=len(text), kind="reason",
                    status="supported"),
    ]  # fmt: skip
    quoted, _ = with_quotes(text, Verification(reasons=reasons), ledger)
    assert quoted.count("Its words:") == 1


def test_a_headline_and_byline_run_into_the_sentence_add_nothing() -> None:
    # A wrap whose lede lacks its period runs on into the headline and byline: a reason
    # copying the lede gets no quote for them.
    lede = ("The stock market rebounded after the president called off tariffs he had "
            "threatened to impose on Europe How major US stock indexes fared Wednesday, "
            "1/21/2026 The Associated Press")  # fmt: skip
    reason = ("Stocks rebounded after the president called off tariffs he had threatened to "
              "impose on Europe [3].")  # fmt: skip
    masthead = "How major US stock indexes fared Wednesday, 1/21/2026 The Associated Press"
    assert rested_on(reason, lede) == lede
    assert rested_on(reason, lede, masthead) is None


def test_a_quote_sets_its_articles_own_quotation_marks_single() -> None:
    inner = "Analysts cite the “January effect,” and rate hopes."
    assert quoted(inner) == " Its words: “Analysts cite the ‘January effect,’ and rate hopes.”"
    assert QUOTED.fullmatch(quoted(inner).strip())
