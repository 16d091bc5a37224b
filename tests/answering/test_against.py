"""A reason that says a measured instrument moved the other way (no figure to check)."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.answering.against import contradicts_a_move, news_the_other_way, runs_the_other_way
from copilot.facts import Fact

DAY = date(2025, 12, 17)
AS_OF = date(2025, 12, 19)
# The measured moves as the measure tool states them (a one-day window has no start): both fell
# on December 17.
SPY = Fact(subject="SPY", measure="return", value=-1.10, unit="%", end=DAY)
XLK = Fact(subject="XLK", measure="return", value=-2.22, unit="%", start=DAY, end=DAY)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The S&P 500 and Nasdaq both rose on December 17, 2025, due to travel demand. [5]", "SPY"),
        ("Nvidia and other tech stocks rose on December 17. [3]", "XLK"),
        ("Wall Street rallied on Dec. 17 as investors cheered the jobs data. [4]", "SPY"),
        # Undated, it is offered as the reason for the measured move, and is held to it: the
        # rebound after the tariffs were called off was the next day's news.
        ("The stock market rebounded after the tariffs were called off. [3]", "SPY"),
        # A verb of the move's cause right before the name says it too (the boost was the
        # next day's, December 18: found asking in the app).
        ("Micron's upbeat guidance boosted technology stocks on December 17. [4]", "XLK"),
        ("Micron's upbeat guidance boosted technology stocks. [4]", "XLK"),
        ("Rate-cut hopes lifted the S&P 500. [2]", "SPY"),
        # A move said with what led it: big tech led the rise (found in the app, session 58:
        # the next session's wrap given as tech's reason for its fall of January 8, 2026).
        ("U.S. equities advanced, led by big tech, after payroll growth slowed. [5]", "XLK"),
    ],
)
def test_a_measured_instrument_said_to_move_the_other_way_is_caught(
    sentence: str, subject: str
) -> None:
    found = contradicts_a_move(sentence, [SPY, XLK], AS_OF)
    assert found is not None and found.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "The tech-led sell-off was driven by softening AI momentum. [3]",  # the measured way
        "Tech stocks rose after the close on December 18. [4]",  # another day
        "The S&P 500 fell early but rallied to close higher on December 17. [2]",  # both ways
        "Softening AI momentum hit technology stocks. [4]",  # a cause of the measured fall
        "Bank stocks rose on December 17 as yields climbed. [5]",  # "stocks" alone is no name
        "Equities fell, led by big tech, as AI momentum faded. [2]",  # led the measured fall
    ],
)
def test_a_sentence_that_does_not_say_the_other_way_is_left(sentence: str) -> None:
    assert contradicts_a_move(sentence, [SPY, XLK], AS_OF) is None


def test_only_returns_over_a_window_bind_a_direction() -> None:
    level = Fact(subject="SPY", measure="level", value=671.40, unit="$", end=DAY)
    flat = Fact(subject="SPY", measure="return", value=0.0, unit="%", start=DAY, end=DAY)
    assert contradicts_a_move("The S&P 500 rose on December 17. [2]", [level, flat], AS_OF) is None


# Silver rose over December 22-31 and crude over January 13-14 (as measured); the app showed a
# fall of each, undated or dated only by its month, as the reason.
SLV = Fact(subject="SLV", measure="return", value=5.73, unit="%", start=date(2025, 12, 22),
           end=date(2025, 12, 31))  # fmt: skip
WTI = Fact(subject="WTI", measure="return", value=4.13, unit="%", start=date(2026, 1, 13),
           end=date(2026, 1, 14))  # fmt: skip
LATER = date(2026, 2, 1)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Silver prices slumped 8.7% in December 2025, which explains the move. [3]", "SLV"),
        ("Oil prices eased sharply on hopes for calming tensions in Iran. [2]", "WTI"),
    ],
)
def test_an_undated_fall_under_a_measured_rise_is_caught(sentence: str, subject: str) -> None:
    found = contradicts_a_move(sentence, [SLV, WTI], LATER)
    assert found is not None and found.subject == subject


@pytest.mark.parametrize("verb", ["gaining", "jumping", "soaring", "advancing", "rebounding"])
def test_a_move_told_in_the_ing_form_is_caught(verb: str) -> None:
    # By hand from the shared data's WTI series: 56.97 on 2026-01-06, 56.01 on 01-07 (a fall).
    # The app showed the day before's news as the reason (found asking in the app).
    fell = Fact(subject="WTI", measure="return", value=-1.69, unit="%", start=date(2026, 1, 7),
                end=date(2026, 1, 7))  # fmt: skip
    sentence = f"US stocks rose with oil prices {verb} amid Nicolás Maduro's ouster. [3]"
    assert contradicts_a_move(sentence, [fell], LATER) == fell


def test_a_fall_dated_only_outside_the_rise_is_left_to_the_day_binding() -> None:
    sentence = "Oil prices eased on January 15 as tensions with Iran calmed. [2]"
    assert contradicts_a_move(sentence, [SLV, WTI], LATER) is None


# Long bonds rose on December 18 (as measured); "Treasury yields" is one of the news' names for
# them, and yields move the other way.
TLT = Fact(subject="TLT", measure="return", value=0.48, unit="%", end=date(2025, 12, 18))
DGS10 = Fact(subject="DGS10", measure="return", value=-1.2, unit="%", end=date(2025, 12, 18))


def test_yields_falling_say_bonds_rose() -> None:
    assert (
        contradicts_a_move("Treasury yields fell after a soft CPI report. [2]", [TLT], LATER)
        is None
    )
    found = contradicts_a_move("Long bonds slid after a hot CPI report. [2]", [TLT], LATER)
    assert found is not None and found.subject == "TLT"


def test_a_yield_itself_moves_with_its_own_verb() -> None:
    # The 10-year yield fell (as measured): "yields climbed" says it went the other way.
    found = contradicts_a_move("The 10-year yield climbed after the report. [2]", [DGS10], LATER)
    assert found is not None and found.subject == "DGS10"


def test_a_bond_named_for_its_yield_moves_with_its_own_verb() -> None:
    # "high-yield bonds" are bonds: their verb is theirs (HYG rose, as measured).
    hyg = Fact(subject="HYG", measure="return", value=0.3, unit="%", end=date(2025, 12, 18))
    found = contradicts_a_move("High-yield bonds fell as spreads widened. [2]", [hyg], LATER)
    assert found is not None and found.subject == "HYG"


def test_a_move_told_as_a_noun_before_its_instrument_is_caught() -> None:
    # Retail fell on December 23 (as measured); "the significant jump in XRT" says it rose.
    xrt = Fact(subject="XRT", measure="return", value=-0.9, unit="%", end=date(2025, 12, 23))
    later = date(2025, 12, 24)
    found = contradicts_a_move("Solid consumer spending contributed to the significant jump in "
                               "XRT on December 23, 2025. [5]", [xrt], later)  # fmt: skip
    assert found is not None and found.subject == "XRT"
    assert contradicts_a_move("The drop in retail stocks followed weak confidence data. [4]",
                              [xrt], later) is None  # fmt: skip
    # A fall in yields is a rise of long bonds (TLT rose, as measured).
    assert contradicts_a_move("A fall in treasury yields lifted demand. [2]", [TLT], LATER) is None
    found = contradicts_a_move("A jump in treasury yields followed the report. [2]", [TLT], LATER)
    assert found is not None and found.subject == "TLT"


# Tech rose on December 19 (as measured); the app kept December 17's "tech-led market sell-off"
# as the reason for that rally.
XLK_UP = Fact(subject="XLK", measure="return", value=2.16, unit="%", end=date(2025, 12, 19))


@pytest.mark.parametrize(
    "sentence",
    [
        "The tech-led market sell-off was driven by softening AI-related momentum. [5]",
        "A technology stock rout followed the Oracle news. [3]",
        "The tech selloff deepened on AI stock weakness. [2]",
    ],
)
def test_a_move_told_as_a_noun_after_its_instrument_is_caught(sentence: str) -> None:
    found = contradicts_a_move(sentence, [XLK_UP], date(2025, 12, 22))
    assert found is not None and found.subject == "XLK"


def test_a_noun_of_the_measured_way_after_the_name_is_left() -> None:
    for sentence in ("The tech rally was led by Oracle and Micron. [3]",
                     "A tech-led rebound lifted the market on Friday. [4]"):  # fmt: skip
        assert contradicts_a_move(sentence, [XLK_UP], date(2025, 12, 22)) is None, sentence


def test_a_noun_of_a_yields_move_after_its_name_moves_bonds_the_other_way() -> None:
    # Long bonds rose on December 18 (as measured): a spike in their yields says they fell.
    found = contradicts_a_move("The Treasury yields spike hit demand. [2]", [TLT], LATER)
    assert found is not None and found.subject == "TLT"
    assert contradicts_a_move("A Treasury yields slide lifted demand. [2]", [TLT], LATER) is None


JOBS_DAY = date(2026, 1, 9)
# Long bonds rose on January 9 (TLT's closes 87.35 → 87.93, by hand from TLT.csv).
TLT_UP = Fact(subject="TLT", measure="return", value=0.66, unit="%", start=JOBS_DAY, end=JOBS_DAY)


@pytest.mark.parametrize(
    "sentence",
    [  # the app's draft, then other names for the yields a Treasury fund mirrors
        "The 10-year Treasury bond yield rose on January 9, as investors worried. [3]",
        "Treasury yields climbed after the jobs report. [4]",
        "Yields on the 30-year jumped as traders priced fewer cuts. [5]",
        "The benchmark yield rose. [2]",
        "TLT rose on 2026-01-09 due to higher yields on the 10-year bond. [5]",  # the app's
        "Rising Treasury yields weighed on long bonds. [4]",
        # session 30's app check: a yields' move told as a noun before "in"
        "Treasuries rallied on January 9 due to a rise in yields on the 10-year bond. [5]",
        "An increase in the 10-year Treasury yield lifted long bonds. [3]",
        # session 39's eval: a bond's move in basis points is its yield's
        "The 10-year bond rose 5 basis points to just under 4.2 percent, which helped "
        "Treasury bonds gain on January 9 [3].",
        "The 30-year Treasury climbed 8 bps after the payrolls. [2]",
    ],
)
def test_treasury_yields_said_to_rise_under_a_measured_bond_rise_are_caught(sentence: str) -> None:
    found = contradicts_a_move(sentence, [TLT_UP], date(2026, 1, 12))
    assert found is not None and found.subject == "TLT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Treasury yields fell after the jobs report. [4]",  # the measured way
        "The 10-year yield rose early, then fell after the data. [3]",  # both ways
        "The 10-year yield rose on January 2 after the holiday week. [3]",  # another day
        "High-yield bonds rose with stocks. [2]",  # junk bonds: no Treasury yield
        "A drop in yields on the 10-year bond lifted long bonds. [2]",  # the measured way
        "The 10-year note fell 6 basis points as bonds rallied. [3]",  # its yield fell
        "The Fed cut rates by 25 basis points in December. [1]",  # no bond's move
    ],
)
def test_yields_that_do_not_say_the_other_way_are_left(sentence: str) -> None:
    assert contradicts_a_move(sentence, [TLT_UP], date(2026, 1, 12)) is None


@pytest.mark.parametrize(
    "excerpt",
    [
        # The next day's rebound, found for tech's fall of December 17 (its draft was withheld).
        "Bloomberg reports a technology-led market rebound. Micron's upbeat guidance boosted "
        "technology stocks as chipmakers led.",
        "Rate-cut hopes lifted the S&P 500. Traders now look to Friday's inflation report.",
    ],
)
def test_an_excerpt_that_only_says_the_move_went_the_other_way_runs_against_it(
    excerpt: str,
) -> None:
    assert runs_the_other_way(excerpt, [SPY, XLK], AS_OF)


@pytest.mark.parametrize(
    "excerpt",
    [
        # It says the measured way too: the article may explain the fall.
        "Micron's upbeat guidance boosted technology stocks early. Technology stocks fell later "
        "as AI worries returned.",
        # A supposition reports no move.
        "Technology stocks could rally if the Fed cuts rates. Investors await the data.",
        # Another day's move, dated, says nothing of this one.
        "Technology stocks rose on December 18 after Micron's guidance.",
        # No move of the measured instruments at all.
        "Micron reported record quarterly revenue on strong memory demand.",
    ],
)
def test_an_excerpt_that_does_not_only_run_against_the_move_is_read(excerpt: str) -> None:
    assert not runs_the_other_way(excerpt, [SPY, XLK], AS_OF)


# Crude fell 4.38% on January 15, 2026 (FRED's WTI: 61.84 → 59.13). A development answer showed
# "Tensions in Iran are spiking oil prices again" as a supported reason for that fall: "spiking"
# was no word of a move here.
WTI_FALL = Fact(subject="WTI", measure="return", value=-4.38, unit="%", end=date(2026, 1, 15))
AFTER_WTI_FALL = date(2026, 1, 16)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tensions in Iran are spiking oil prices again. [3]",
        "Oil prices spiked on tensions in Iran. [3]",
        "Crude skyrocketed as Iran tensions grew. [3]",
        "Iran tensions pushed oil prices up. [3]",
        "Iran worries pushed up oil prices. [3]",
        "Supply fears sent up crude. [3]",
    ],
)
def test_a_spike_or_a_push_up_under_a_measured_fall_is_caught(sentence: str) -> None:
    found = contradicts_a_move(sentence, [WTI_FALL], AFTER_WTI_FALL)
    assert found is not None and found.subject == "WTI"


@pytest.mark.parametrize(
    "sentence",
    [
        "Hopes of calm in Iran pushed oil prices down. [2]",
        "Oil prices dipped on hopes for calm in Iran. [2]",
        "Oil prices plummeted as Iran tensions eased. [2]",
        "Oil fell as Iran worries pushed up gold. [2]",  # the push is gold's
    ],
)
def test_the_measured_way_in_those_words_is_left(sentence: str) -> None:
    assert contradicts_a_move(sentence, [WTI_FALL], AFTER_WTI_FALL) is None


def test_a_crash_or_a_dip_under_a_measured_rise_is_caught() -> None:
    # Crude rose 4.13% over January 13-14 (`WTI` above).
    for sentence in ("Oil prices crashed on Iran hopes. [2]", "Crude dipped as supply grew. [2]"):
        found = contradicts_a_move(sentence, [WTI], LATER)
        assert found is not None and found.subject == "WTI"


# By hand from the shared closes: XLF 55.29 → 54.23 on January 13, 2026 (−1.92%), XRT 86.38 →
# 87.27 on December 24, 2025 (+1.03%), TLT 87.79 → 87.35 on January 8, 2026 (−0.50%); the
# words a fund is read by, as the drivers tool gives them.
XLF_FELL = Fact(subject="XLF", measure="return", value=-1.92, unit="%", end=date(2026, 1, 13))
XRT_ROSE = Fact(subject="XRT", measure="return", value=1.03, unit="%", end=date(2025, 12, 24))
TLT_FELL = Fact(subject="TLT", measure="return", value=-0.50, unit="%", end=date(2026, 1, 8))
BANKS = ["XLF", "financials", "bank stocks", "banks"]
RETAIL = ["XRT", "retail stocks", "retailers", "consumer confidence"]
LONG_BONDS = ["TLT", "long bonds", "bond", "treasuries"]


@pytest.mark.parametrize(
    ("sentence", "about", "fact", "turned"),
    [
        # good news told under the fall (a wrap's line, shown as financials' reason in the app)
        ("Stocks declined with tech slipping, while banks reported robust lending growth "
         "including 20% rise in new credit card accounts [3].", BANKS, XLF_FELL, True),
        # bad news told under the rise (drafted under retail's rise of December 24, 2025)
        ("The Conference Board's consumer confidence index dipped in December as more "
         "Americans reported concerns about the job market [6].", RETAIL, XRT_ROSE, True),
        # the news with its turn, or bad news under the fall: a reason to judge
        ("Bank stocks fell despite robust lending growth [3].", BANKS, XLF_FELL, False),
        ("JPMorgan missed investment banking fee guidance, and banks fell [2].", BANKS, XLF_FELL,
         False),
        # a yield's rise is its bonds' fall
        ("Bond yields ticked higher as uncertainty grew [3].", LONG_BONDS, TLT_FELL, False),
        # a sentence naming no market asked about
        ("Stocks declined with tech slipping [3].", BANKS, XLF_FELL, False),
    ],
)  # fmt: skip
def test_the_markets_own_news_told_the_other_way_from_its_move(
    sentence: str, about: list[str], fact: Fact, turned: bool
) -> None:
    assert news_the_other_way(sentence, about, [fact]) is turned
