"""Whether an article mentions a cause the question put to the test: the words it must use,
the sentence that uses them, and the evidence that reads such articles first."""

from __future__ import annotations

from datetime import date

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsStore
from copilot.news.evidence import gather_evidence
from copilot.news.guess_check import cut_at_word, mention_in, searched_words, telling_words
from copilot.tools.drivers import guess_note
from ingest.news import ingest_paths


@pytest.mark.parametrize(
    ("guess", "sentence"),
    [
        ("the jobs report", "Stocks rose after payroll growth slowed in December."),
        ("the jobs data", "The nonfarm figures came in light."),
        ("the Fed", "Powell said the committee would stay patient."),
        ("the Fed", "Traders now see the Federal Reserve cutting twice."),
        ("the tariff threats", "Trump said he would slap tariffs on eight countries."),
        ("the Nvidia earnings", "Nvidia results beat estimates on data-center demand."),
        # a company's results are its quarter, in any of the words for it (found in the app:
        # "none of the 8 stored articles … mentions it" under a reason drawn from this line)
        (
            "JPMorgan's results",
            "JPMorgan Chase missed investment banking fee guidance and saw revenue drops.",
        ),
        ("the CPI print", "Consumer prices rose less than forecast in November."),
        ("oil", "Crude jumped 3% on supply worries."),
        ("EU retaliation", "The European Union threatened a retaliation with tariffs."),
        (
            "the Kazakhstan oil field outage",
            "Oil rose after a shutdown at two Kazakhstan oil fields.",
        ),
        ("the Sanofi Dynavax deal", "Sanofi has agreed to buy Dynavax for $2.2 billion."),
        # an act done to a ruler, in other words than the asker's (found in the app)
        ("maduro's capture", "US stocks rose with oil gaining amid Nicolás Maduro's ouster."),
        ("the venezuela raid", "Oil climbed after the US incursion into Venezuela."),
        # a sale is a deal (found in the app: the answer's reason told it, the guess line not)
        ("the TikTok deal", "TikTok's U.S. operations will be sold to a new joint venture."),
        ("the greenland tariff spat", "Trump would slap tariffs on countries over Greenland."),
        ("weaker dollar", "US Stocks Rise as Dollar Weakens and Precious Metals Gain."),
        # the asker's name for the turn: the article says what happened
        ("the Greenland climbdown", "Trump called off the tariffs he had tied to Greenland."),
        ("the tariff U-turn", "The president dropped the tariffs he had threatened."),
        # the asker's word for a market's move: the article says how it moved
        ("oil's slide", "Crude fell 2% as OPEC+ kept output steady."),
        ("the copper rally", "Copper climbed to a record on supply worries."),
        ("the bond rout", "Bond prices sank as yields jumped."),
        # the form an act took, in the asker's word (session 61, found in the app: "none of
        # the 6 stored articles … mentions it" under a reason drawn from the cap's own line)
        ("the credit card cap proposal", "Trump called for a 10% cap on credit card rates."),
        ("the white house pressure", "The White House wants lower rates, officials said."),
        ("the tariff plan", "Tariffs of 25% would start on February 1."),
    ],
)
def test_an_article_mentions_a_guess_in_its_own_words(guess: str, sentence: str) -> None:
    text = f"Markets were mixed in early trade. {sentence} Volumes were light."
    assert mention_in(text, telling_words(guess)) == sentence


@pytest.mark.parametrize(
    ("guess", "text"),
    [
        ("the Fed", "FedEx shares rose after the delivery company raised its outlook."),
        ("the jobs report", "AI could replace jobs in call centres, the report said."),
        ("the Nvidia earnings", "Nvidia shares rose 2% on Monday."),  # earnings not named
        ("tariffs", "Stocks rose on hopes of lower rates."),
    ],
)
def test_a_sentence_that_lacks_a_telling_word_is_no_mention(guess: str, text: str) -> None:
    assert mention_in(text, telling_words(guess)) is None


def test_a_mention_may_take_two_sentences_but_one_is_preferred() -> None:
    terms = telling_words("JPMorgan's earnings")
    pair = "JPMorgan Chase led the market down. The bank missed its fee guidance."
    assert mention_in(f"Stocks fell. {pair} Oil rose.", terms) == pair
    one = "JPMorgan's results disappointed."
    assert mention_in(f"{pair} {one}", terms) == one


def test_qualifiers_count_only_when_nothing_else_names_the_guess() -> None:
    assert telling_words("the tariff threats") == [("tariff", "tariffs", "trade war", "duties")]
    assert telling_words("the news") == [("news",)]  # nothing but a qualifier: it is the word


# The words an article may use for a jobs report and for earnings, written out by hand.
JOBS = ("jobs report", "jobs data", "jobs number", "jobs numbers", "jobs figures", "payroll",
        "nonfarm", "non-farm", "employment report", "employment data", "unemployment rate",
        "jobless")  # fmt: skip
EARNINGS = (
    "earnings",
    "results",
    "quarterly",
    "quarter",
    "profit",
    "profits",
    "revenue",
    "guidance",
    "estimates",
)


@pytest.mark.parametrize(
    ("guess", "named"),
    [
        ("the CPI print on tuesday", [("cpi", "consumer price", "consumer prices", "inflation")]),
        ("the December CPI print", [("cpi", "consumer price", "consumer prices", "inflation")]),
        ("the jobs report on jan 9", [JOBS]),
        ("the December 2025 jobs report", [JOBS]),
        ("Nvidia's earnings last week", [("nvidia",), EARNINGS]),
        ("the 10% card cap", [("10",), ("card",), ("cap",)]),  # a figure is no time
        ("may", [("may",)]),  # nothing but a time: it is the word
    ],
)
def test_a_time_inside_the_guess_is_no_word_an_article_must_use(
    guess: str, named: list[tuple[str, ...]]
) -> None:
    # "the CPI print on tuesday": an article on the release need not name the day it was asked by
    assert telling_words(guess) == named


@pytest.mark.parametrize(
    ("guess", "said"),
    [
        ("AI worries", "AI"),  # searched for AI: the note says so
        ("weaker dollar", "dollar"),
        ("the dollar's drop", "dollar"),  # not "dollar's" (found in the app, session 59)
        ("the jobs report", ""),  # "report" only names the form: searched as a whole
        ("the Kazakhstan stuff", ""),
        ("the Fed", ""),
    ],
)
def test_the_words_searched_are_named_when_a_qualifier_was_left_out(guess: str, said: str) -> None:
    assert searched_words(guess) == said


def test_a_note_names_the_words_searched_and_an_empty_window() -> None:
    note = guess_note("AI worries", {4: "Seagate beat on AI demand."}, 3, MOVE_DAY, AS_OF, "AI")
    assert note == ("The question's guess, AI worries: “AI” is mentioned in [4] “Seagate beat on "
                    "AI demand.” (a mention, not proof that it moved the market).")  # fmt: skip
    empty = guess_note("margin hikes", {}, 0, MOVE_DAY, AS_OF)
    assert empty == ("The question's guess, margin hikes: no stored article was published from "
                     "the day before the move to the morning after (2025-12-29 to 2025-12-30), "
                     "so none could be searched for it.")  # fmt: skip


def test_a_long_mention_is_cut_at_a_word() -> None:
    text = "word " * 100
    cut = cut_at_word(text.strip(), 40)
    assert cut.endswith(" …") and len(cut) <= 42 and "wor …" not in cut


MOVE_DAY = date(2025, 12, 29)
AS_OF = date(2025, 12, 30)
MARGIN = "Gold fell 4.6% after the exchange asked traders to post more margin."


# A hash embedder's similarities are not the bundled model's: coverage is not tested here.
@pytest.fixture(scope="module")
def gold_news(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    root = tmp_path_factory.mktemp("guess-news")
    filler = "Traders watched the calendar and the holiday volume stayed thin. " * 12
    articles = [  # (file, title, url, published, body)
        ("margin.md", "Gold slides from its record", "https://metals.example/margin",
         "December 29, 2025", f"Gold fell on Monday.\n\n{filler}\n\n{MARGIN}\n\n{filler}"),
        ("silver.md", "Silver and gold drop from records", "https://daily.example/silver",
         "December 29, 2025", "Silver slumped 8% and gold fell as traders took profits."),
        ("later.md", "Gold plunges again on margins", "https://later.example/gold",
         "January 5, 2026", "Gold fell again after the exchange raised margins."),
    ]  # fmt: skip
    for name, title, url, published, body in articles:
        tracker_file(root / name, title=title, url=url, publisher="Metal Wire",
                     published=published, summary=body[:80], body=body)  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(root / "data"), HashEmbedder())
    ingest_paths(store, [root])
    return store


def test_the_article_that_mentions_the_guess_is_read_first_at_its_mention(
    gold_news: NewsStore,
) -> None:
    found = gather_evidence(gold_news, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                            guess="the exchange", min_similarity=0.0)  # fmt: skip
    assert any("the exchange" in query for query in found.queries)
    first = found.drivers[0]
    assert first.url == "https://metals.example/margin"
    assert first.excerpt.startswith(MARGIN)  # read at the mention, chunks into the article
    assert found.mentions == {first.hit.article_id: MARGIN}
    # The later article also names the exchange, but was published after the as-of date.
    assert all(d.url != "https://later.example/gold" for d in found.ranked)


def test_a_guess_no_article_mentions_is_said_to_be_unmentioned(gold_news: NewsStore) -> None:
    found = gather_evidence(gold_news, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                            guess="the Fed", min_similarity=0.0)  # fmt: skip
    assert found.drivers and found.mentions == {} and found.guess_checked == 2
    note = guess_note("the Fed", {}, found.guess_checked, date(2025, 12, 28), AS_OF)
    assert note == ("The question's guess, the Fed: none of the 2 stored articles published "
                    "from the day before the move to the morning after (2025-12-28 to "
                    "2025-12-30) mentions it.")  # fmt: skip


def test_without_coverage_the_mention_is_still_found_but_no_driver(gold_news: NewsStore) -> None:
    found = gather_evidence(
        gold_news,
        ["GLD"],
        "down",
        MOVE_DAY,
        MOVE_DAY,
        AS_OF,
        guess="the exchange",
        min_similarity=2.0,
    )  # nothing is close enough
    assert found.no_coverage and found.drivers == []
    assert [d.url for d in found.mentioning] == ["https://metals.example/margin"]
    assert found.mentioning[0].excerpt.startswith(MARGIN)


def test_a_mention_is_quoted_with_its_source_and_claimed_as_no_more() -> None:
    note = guess_note("the exchange", {3: MARGIN}, 2, MOVE_DAY, AS_OF)
    assert note == (f"The question's guess, the exchange: mentioned in [3] “{MARGIN}” (a mention, "
                    "not proof that it moved the market).")  # fmt: skip


def test_without_a_guess_nothing_is_searched_for_it(gold_news: NewsStore) -> None:
    found = gather_evidence(gold_news, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                            min_similarity=0.0)  # fmt: skip
    assert found.drivers and found.guess is None
    assert found.mentions == {} and found.guess_checked == 0
