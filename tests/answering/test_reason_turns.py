"""Where a reasons turn stops, which of its sentences make the draft, and which drafts are kept."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from copilot.answering.reason_turns import ReasonJudge, one_reason, reason_over
from copilot.facts import Fact
from copilot.sources import DataSource, NewsSource, SourceLedger


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
    headline = "Stocks rally to start 2026 trading week on Venezuela news."
    cited = "Lori Calvasina of RBC says a strong economy pulled investors in [11]."
    assert one_reason(f"{headline} {cited}") == f"{headline} {cited}"
    assert one_reason(f" {cited} {headline}") == cited  # cited first: one sentence
    # Neither cites: the first alone, as a one-sentence turn gave it.
    assert one_reason(f"{headline} Lori Calvasina of RBC sees more.") == headline
    assert one_reason("Gold rose as the dollar fell [2].") == "Gold rose as the dollar fell [2]."
    # A cited "sentence" that says nothing is no reason: the first alone (found in the app).
    banks = "Banks reported robust lending growth including a 20% rise in new card accounts."
    assert one_reason(f"{banks} This move [3].") == banks
    for back in ("This caused a fire under commodities [2].", "It explains the move of DBC [2]."):
        assert one_reason(f"{banks} {back}") == banks  # only points back: no reason of its own
    assert one_reason("  ") == ""


def test_the_citation_the_model_wrote_after_its_reply_covers_the_first_sentence() -> None:
    # The turn showed article [3] alone; the model put its [3] after a second sentence.
    banks = "Banks reported robust lending growth including a 20% rise in new card accounts."
    cited_banks = banks[:-1] + " [3]."
    assert one_reason(f"{banks} This move [3].", 3) == cited_banks
    assert one_reason(f"{banks} This suggests more gains ahead. [3]", 3) == cited_banks
    headline = "Stocks rally to start 2026 trading week on Venezuela news."
    cited = "Lori Calvasina of RBC says a strong economy pulled investors in [11]."
    assert one_reason(f"{headline} {cited}", 11) == (
        f"Stocks rally to start 2026 trading week on Venezuela news [11]. {cited}"
    )
    # Another article's number is not the turn's: left as the model wrote it.
    assert one_reason(f"{banks} This move [4].", 3) == banks
    assert one_reason(f"{headline} {cited}", 3) == f"{headline} {cited}"
    # No citation anywhere in the reply: nothing to carry.
    assert one_reason(f"{banks} This move helped.", 3) == banks
    # The first sentence cited already: the draft is that sentence, as before.
    assert one_reason(f"{cited} {headline}", 11) == cited


# Development answers of session 50 showed, as supported reasons, the fragment of a two-sentence
# draft: its other sentence had kept the draft (a headline, a move) past the check.
CLIMBED = "US stocks climbed amid tech earnings anticipation and Fed meeting focus."
GUESTS = "Guests discuss sector impacts, Cisco upgrade, data center deals with Apple, Meta."
HEADLINE = "Software to Hardware: AI's Story to Watch."
ROTATION = "Investors rotated out of the Magnificent 7 into chip makers as AI spending grew."


def test_of_two_sentences_the_one_naming_no_move_and_no_cause_is_dropped() -> None:
    assert one_reason(f"{CLIMBED} {GUESTS[:-1]} [5].", 5) == f"{CLIMBED[:-1]} [5]."
    assert one_reason(f"{ROTATION} {HEADLINE[:-1]} [6].", 6) == f"{ROTATION[:-1]} [6]."
    assert one_reason(f"{HEADLINE} {ROTATION[:-1]} [6].", 6) == f"{ROTATION[:-1]} [6]."
    assert one_reason(f"{HEADLINE} {ROTATION[:-1]} [6].") == f"{ROTATION[:-1]} [6]."
    # A second sentence that leans on a fragment before it is no draft alone: both stay, for
    # the check on every sentence (below) to withhold.
    funds = ("Funds placed in the treasury product were invested in money market funds managed "
             "by Atomic Invest LLC.")  # fmt: skip
    these = "These funds drew inflows as Treasury yields rose [2]."
    assert one_reason(f"{funds} {these}", 2) == f"{funds[:-1]} [2]. {these}"
    # Controls: two sentences that each name a move or a cause stay together.
    assert one_reason(f"{CLIMBED} {ROTATION[:-1]} [6].", 6) == (
        f"{CLIMBED[:-1]} [6]. {ROTATION[:-1]} [6]."
    )


def test_of_two_sentences_a_forecast_is_dropped() -> None:
    # A development draft under SPY's rise of January 5: its headline only forecasts, the
    # sentence the model cited gives what pulled investors up.
    headline = "Stocks rally to start 2026 trading week as S&P expected to continue rise."
    rbc = ("Lori Calvasina of RBC expects the S&P to keep rallying, with investors pulled up by a "
           "strong economy outlook [2].")  # fmt: skip
    assert one_reason(f"{headline} {rbc}", 2) == rbc
    assert one_reason(f"{rbc} {headline}", 2) == rbc  # cited first: one sentence, as before


def test_a_draft_with_a_sentence_naming_no_move_and_no_cause_is_withheld() -> None:
    book = SourceLedger()
    text = f"{CLIMBED} {GUESTS}"
    book.register(
        NewsSource(article_id="g", chunk_id="g:0", title="Stocks climb ahead of the Fed",
                   publisher="Bloomberg", published_at=datetime(2026, 1, 23, 21, tzinfo=UTC),
                   url="https://example.org/g", text=text, about=["S&P 500", "stocks"])
    )  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 24), "why did stocks climb on january 23?", [])
    both = f"{CLIMBED[:-1]} [1]. {GUESTS[:-1]} [1]."
    assert not judge.take(both, read=1) and judge.withheld == [both]
    assert judge.take(f"{CLIMBED[:-1]} [1].", read=1)
    # a sentence that only forecasts withholds its draft too
    ahead = f"{CLIMBED[:-1]} [1]. Strategists expect stocks to keep rising into February [1]."
    assert not judge.take(ahead, read=1)


def test_a_draft_giving_a_cause_cited_to_the_measures_alone_is_withheld() -> None:
    # The turn for article [2] came back citing [1], the measured move: the figures bear out
    # the move, never its cause, so the draft is withheld and the next article read.
    book = SourceLedger()
    book.register(DataSource(tool="measure", metric="return", symbols=["IWM"],
                             text="IWM: return +8.32% over 15 sessions."))  # fmt: skip
    book.register(
        NewsSource(article_id="a", chunk_id="a:0", title="Small caps rally on rate-cut hopes",
                   publisher="AP", published_at=datetime(2026, 1, 22, 21, tzinfo=UTC),
                   url="https://example.org/a",
                   text="Small caps rallied as traders bet on rate cuts.")
    )  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 23), "why did small caps rally?", [])
    assert not judge.take("Small caps rallied due to bets on rate cuts [1].")
    assert judge.withheld == ["Small caps rallied due to bets on rate cuts [1]."]
    assert judge.take("Small caps rallied due to bets on rate cuts [2].")
    # A figure cited to the measures, with no cause, is the move said with its source.
    assert judge.take("IWM returned 8.32% over the rally [1].")


def test_an_uncited_draft_that_only_says_the_move_again_is_withheld() -> None:
    # Judged against the article its turn read: "transports rallying" is the move itself.
    book = SourceLedger()
    book.register(
        NewsSource(article_id="t", chunk_id="t:0", title="Transports jump on tariff relief",
                   publisher="AP", published_at=datetime(2026, 1, 21, 21, tzinfo=UTC),
                   url="https://example.org/t", text="Transportation stocks jumped 2.4%.",
                   about=["transportation stocks", "transports", "IYT"])
    )  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 22), "why did transports rally?", [])
    again = "The IYT rose on 2026-01-21 due to transports rallying on the 21st."
    assert not judge.take(again, read=1) and judge.withheld == [again]
    # A cause of its own stays, cited or not; with no article known the draft is not judged so.
    assert judge.take("Transports rose after the tariffs on Europe were called off.", read=1)
    assert judge.take(again)


def test_a_draft_that_only_forecasts_is_withheld() -> None:
    # An outlook read for the S&P 500's fall of January 20 (an IMF press conference): what it
    # expects for 2026 explains no move; the next-ranked article is read instead.
    forecast = ("A moderate correction in AI stock valuations could reduce global output by "
                "0.4 percent in 2026.")  # fmt: skip
    book = SourceLedger()
    book.register(
        NewsSource(article_id="i", chunk_id="i:0", title="Press conference on the outlook",
                   publisher="IMF", published_at=datetime(2026, 1, 19, 15, tzinfo=UTC),
                   url="https://example.org/i", text=forecast, about=["S&P 500", "stocks"])
    )  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 21), "why did stocks fall on january 20?", [])
    assert not judge.take(f"{forecast[:-1]} [1].", read=1)
    assert judge.withheld == [f"{forecast[:-1]} [1]."]
    # The same article's report of a fear at work is a cause, judged as before.
    assert judge.take("Stocks fell as investors feared an AI correction could hurt growth [1].")


def test_a_draft_that_states_a_rule_of_thumb_is_withheld() -> None:
    # Found in the app under Treasury yields' rise in the week of January 12, 2026: an outlook's
    # note on what such policies have done in the past explains no move of that week.
    rule = (
        "Historically, such moves have added to inflation, pushed up bond yields and "
        "undermined the credit-worthiness of the countries that pursued such policies."
    )
    book = SourceLedger()
    book.register(
        NewsSource(article_id="o", chunk_id="o:0", title="The two faces of the economy",
                   publisher="Pub", published_at=datetime(2026, 1, 12, 15, tzinfo=UTC),
                   url="https://example.org/o", text=rule, about=["treasury yields"])
    )  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 30), "why did yields rise in the week of jan 12?", [])
    assert not judge.take(f"{rule[:-1]} [1].", read=1)
    # A report of what happened that week is judged as before.
    assert judge.take("Treasury yields rose after encouraging reports on the economy [1].")


def test_a_draft_telling_only_the_market_moving_the_other_way_is_withheld() -> None:
    # Found in the app: "what's bugging tech this week?" (XLK −0.83%, the S&P 500 +0.40% over
    # January 26–30) showed the stock market's rise as tech's reason.
    rose = "US stocks climbed amid tech earnings anticipation and Fed meeting focus."
    book = SourceLedger()
    book.register(
        NewsSource(article_id="b", chunk_id="b:0", title="US stocks rise as the dollar weakens",
                   publisher="Bloomberg", published_at=datetime(2026, 1, 26, 21, tzinfo=UTC),
                   url="https://example.org/b", text=rose, about=["XLK", "tech stocks"])
    )  # fmt: skip
    week = {"start": date(2026, 1, 26), "end": date(2026, 1, 30), "unit": "%"}
    measured = [Fact(subject="XLK", measure="return", value=-0.83, **week),
                Fact(subject="SPY", measure="return", value=0.40, **week)]  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 30), "what's bugging tech this week?", measured)
    assert not judge.take(f"{rose[:-1]} [1].", read=1)
    assert judge.withheld == [f"{rose[:-1]} [1]."]
    # Naming the market it is given for, the same article's words are judged as before.
    assert judge.take("Stocks climbed while tech stocks fell on rotation worries [1].", read=1)
    # The market's own move the same way as tech's is still its backdrop.
    down = [f.model_copy(update={"value": -abs(f.value)}) for f in measured]
    judge = ReasonJudge(book, date(2026, 1, 30), "why did tech fall this week?", down)
    assert judge.take("US stocks fell amid tariff worries [1].", read=1)


def test_an_article_read_for_the_market_is_held_to_the_markets_measured_way() -> None:
    # Found in the app: "why the rotation out of tech last week?" (XLK -0.36%, SPY -0.35% over
    # January 20-23): an article read for the S&P 500, the backdrop that fell with tech, gave
    # "US stocks climbed …" as the reason.
    rose = "US stocks climbed amid tech earnings anticipation and Fed meeting focus."
    book = SourceLedger()
    book.register(
        NewsSource(article_id="m", chunk_id="m:0", title="US stocks rise as the dollar weakens",
                   publisher="Bloomberg", published_at=datetime(2026, 1, 26, 21, tzinfo=UTC),
                   url="https://example.org/m", text=rose, about=["SPY", "stocks"])
    )  # fmt: skip
    week = {"start": date(2026, 1, 20), "end": date(2026, 1, 23), "unit": "%"}
    measured = [Fact(subject="XLK", measure="return", value=-0.36, **week),
                Fact(subject="SPY", measure="return", value=-0.35, **week)]  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 30), "why the rotation out of tech last week?",
                        measured)  # fmt: skip
    assert not judge.take(f"{rose[:-1]} [1].", read=1)
    # The market's fall, the way it was measured, is its backdrop as before.
    assert judge.take("US stocks fell amid worries about tariffs on Europe [1].", read=1)


def test_a_draft_giving_back_the_question_is_withheld_when_the_turn_was_shown_it() -> None:
    # Found in the app: "why was there a flight out of small caps on the 20th?" showed "The
    # move was due to a flight out of small caps on the 20th …" as its reason (marked ⚠).
    echo = "The move was due to a flight out of small caps on the 20th [1]."
    book = SourceLedger()
    book.register(
        NewsSource(article_id="s", chunk_id="s:0", title="Stocks slide on tariff threats",
                   publisher="AP", published_at=datetime(2026, 1, 20, 21, tzinfo=UTC),
                   url="https://example.org/s", text="Small caps fell as tariff threats hit.",
                   about=["IWM", "small caps"])
    )  # fmt: skip
    day = {"start": date(2026, 1, 20), "end": date(2026, 1, 20), "unit": "%"}
    measured = [Fact(subject="IWM", measure="return", value=-1.20, **day)]
    question = "why was there a flight out of small caps on the 20th?"
    judge = ReasonJudge(book, date(2026, 1, 30), question, measured, shown=question)
    assert not judge.take(echo, read=1)
    assert judge.take("Small caps fell as tariff threats on Europe hit stocks [1].", read=1)
    # Asked about the move instead (the question's guess kept from the turn), no echo is read.
    judge = ReasonJudge(book, date(2026, 1, 30), question, measured)
    assert judge.take(echo, read=1)


def test_a_draft_telling_the_markets_news_the_other_way_is_withheld_cited_or_not() -> None:
    # Found in the app (session 60): "what knocked bank stocks lower on january 13?" showed
    # the wrap's good news for banks, left uncited by the model, as a reason of their fall.
    # XLF closed 55.29 on January 12 and 54.23 on January 13 (−1.92%, the shared file).
    lending = ("Stocks declined with tech slipping, while banks reported robust lending growth "
               "including 20% rise in new credit card accounts.")  # fmt: skip
    book = SourceLedger()
    book.register(
        NewsSource(article_id="b", chunk_id="b:0", title="Stocks Slide as Tech Slips, Banks "
                   "Report Strong Lending", publisher="YouTube",
                   published_at=datetime(2026, 1, 14, tzinfo=UTC), url="https://x/b",
                   text=lending, excerpt=lending, about=["XLF", "bank stocks", "banks"])
    )  # fmt: skip
    fell = Fact(subject="XLF", measure="return", value=-1.92, unit="%", end=date(2026, 1, 13))
    judge = ReasonJudge(book, date(2026, 1, 15), "what knocked bank stocks lower?", [fell])
    good = "Banks reported robust lending growth including 20% rise in new credit card accounts."
    assert not judge.take(good, read=1)
    assert not judge.take(f"{good[:-1]} [1].", read=1)
    assert judge.withheld == [good, f"{good[:-1]} [1]."]
    # the same news set against the fall is a reason to judge
    assert judge.take("Bank stocks fell despite robust lending growth [1].", read=1)


def test_a_draft_saying_no_way_is_held_to_the_way_its_article_ties_its_cause_to() -> None:
    # Found in the app (session 62): "what's behind the pop in regional banks around jan 22?"
    # (KRE 66.96 → 70.08 on January 21, +4.66%, the shared file) showed "The move was
    # triggered by Trump's call for a 10% cap …" from a wrap saying bank stocks came under
    # pressure on it. Written here by hand in the manner of that wrap.
    pressure = ("Bank stocks came under pressure after the president called for a 10% cap on "
                "credit card interest rates, which could hurt the profits of lenders.")  # fmt: skip
    book = SourceLedger()
    book.register(
        NewsSource(article_id="k", chunk_id="k:0", title="Stock market news", publisher="Zacks",
                   published_at=datetime(2026, 1, 20, 21, tzinfo=UTC), url="https://x/k",
                   text=pressure, excerpt=pressure, about=["KRE", "regional banks", "banks"])
    )  # fmt: skip
    rose = Fact(subject="KRE", measure="return", value=4.66, unit="%", start=date(2026, 1, 21),
                end=date(2026, 1, 21))  # fmt: skip
    unsaid = ("The move was triggered by the president's call for a 10% cap on credit card "
              "interest rates [1].")  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 22), "what's behind the pop in regional banks?",
                        [rose])  # fmt: skip
    assert not judge.take(unsaid, read=1)
    assert judge.withheld == [unsaid]
    # Under a fall, the article's way, the same draft is a reason to judge.
    fell = rose.model_copy(update={"value": -2.0})
    judge = ReasonJudge(book, date(2026, 1, 22), "why did regional banks drop?", [fell])
    assert judge.take(unsaid, read=1)


def test_a_draft_that_says_a_run_of_its_words_again_is_withheld() -> None:
    told = "Softer inflation data sent Treasury prices higher as yields fell."
    book = SourceLedger()
    book.register(
        NewsSource(article_id="t", chunk_id="t:0", title="Treasuries gain", publisher="AP",
                   published_at=datetime(2025, 12, 18, 21, tzinfo=UTC), url="https://x/t",
                   text=told, excerpt=told, about=["TLT", "treasuries"])
    )  # fmt: skip
    rose = Fact(subject="TLT", measure="return", value=1.01, unit="%", start=date(2025, 12, 15),
                end=date(2025, 12, 18))  # fmt: skip
    judge = ReasonJudge(book, date(2025, 12, 19), "what made treasuries rally?", [rose])
    loop = ("Treasuries rallied due to softer inflation data sending Treasury prices higher "
            "as yields fell, which was driven by softer inflation data sending Treasury prices "
            "higher as yields fell [1].")  # fmt: skip
    assert not judge.take(loop, read=1)
    assert judge.take("Treasuries rallied as softer inflation data sent prices higher [1].",
                      read=1)  # fmt: skip


def test_a_way_word_inside_the_articles_telling_of_the_cause_is_not_its_move() -> None:
    # "… signaling potential for wider participation in 2026 gains" tells the cause, not a
    # move it is tied to: a draft saying no way keeps its judgement under tech's fall.
    rotation = ("This rotation reflects healthier market dynamics, reducing reliance on a "
                "handful of stocks and signaling wider participation in gains.")  # fmt: skip
    book = SourceLedger()
    book.register(
        NewsSource(article_id="r", chunk_id="r:0", title="Monthly commentary", publisher="X",
                   published_at=datetime(2026, 1, 8, 21, tzinfo=UTC), url="https://x/r",
                   text=rotation, excerpt=rotation, about=["XLK", "tech stocks"])
    )  # fmt: skip
    fell = Fact(subject="XLK", measure="return", value=-1.2, unit="%", start=date(2026, 1, 8),
                end=date(2026, 1, 8))  # fmt: skip
    judge = ReasonJudge(book, date(2026, 1, 9), "why did tech fall?", [fell])
    assert judge.take("The move was due to healthier market dynamics, reducing reliance on a "
                      "handful of stocks [1].", read=1)  # fmt: skip


def test_a_draft_giving_the_markets_companies_moving_the_other_way_is_withheld() -> None:
    # Found in the app (session 63): "explain the selloff in chip stocks in mid december" (SMH
    # closed 374.10 on December 10 and 356.23 on December 19, −4.78%, the shared file) showed
    # a rebound day's news as the fall's reason. Written here by hand in the manner of that wrap.
    rebound = ("The administration is considering allowing NVIDIA to sell its H200 chips to "
               "approved customers in China. NVIDIA rose 3.9% and Micron jumped 7%. Intel fell "
               "2.1%.")  # fmt: skip
    book = SourceLedger()
    book.register(
        NewsSource(article_id="c", chunk_id="c:0", title="Stock market news", publisher="Zacks",
                   published_at=datetime(2025, 12, 19, 21, tzinfo=UTC), url="https://x/c",
                   text=rebound, excerpt=rebound, about=["SMH", "chip stocks"])
    )  # fmt: skip
    fell = Fact(subject="SMH", measure="return", value=-4.78, unit="%", start=date(2025, 12, 11),
                end=date(2025, 12, 19))  # fmt: skip
    draft = ("The administration is considering allowing NVIDIA to sell its H200 chips to "
             "China, which caused NVIDIA to rise 3.9% and Micron to jump 7% [1].")  # fmt: skip
    judge = ReasonJudge(book, date(2025, 12, 20), "explain the selloff in chip stocks", [fell])
    assert not judge.take(draft, read=1)
    assert judge.withheld == [draft]
    # Under the rebound it tells, the same draft is a reason to judge; so is one setting a
    # company's fall beside the other's rise, and one telling the news without sizes.
    rose = fell.model_copy(update={"value": 2.0})
    assert ReasonJudge(book, date(2025, 12, 20), "why did chips rally?", [rose]).take(draft, read=1)
    judge = ReasonJudge(book, date(2025, 12, 20), "explain the selloff in chip stocks", [fell])
    assert judge.take("Chip stocks fell as Intel dropped 2.1% while Micron rose 7% [1].", read=1)
    assert judge.take("Chip stocks fell as NVIDIA's H200 sales to China stayed uncertain [1].",
                      read=1)  # fmt: skip
