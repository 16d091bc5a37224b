"""The small model's formatting slips (seen with the embedded model), each family by hand."""

from __future__ import annotations

import pytest

from copilot.answering.tidy import looping, repeats, says_itself_again, tidy, without_repeat
from copilot.llm.base import STOPPED
from copilot.llm.scripted import ScriptedLLM


@pytest.mark.parametrize(
    ("written", "tidied"),
    [
        # The instruction's "[n]" copied literally; a fragment with no words goes.
        (" [1] 14 [n]", ""),
        ("IWM beat SPY 14 sessions in a row [1] [n].", "IWM beat SPY 14 sessions in a row [1]."),
        # Figures in citation brackets: unbracketed (a bare integer stays a citation).
        ("[9.60%] [269.79] [1]", ""),
        (
            "[3.06%] is the distance of SMH from its peak [417.52] on 2026-02-10 [1].",
            "3.06% is the distance of SMH from its peak 417.52 on 2026-02-10 [1].",
        ),
        ("XLE fell [-1.5%] [2].", "XLE fell -1.5% [2]."),
        ("The yield rose [12 bp] [1].", "The yield rose 12 bp [1]."),
        # Each sentence opening with its own citation: the citation goes to its end.
        (
            "[1] IWM rose 9.60% over 14 sessions. [2] SPY rose 1.2%.",
            "IWM rose 9.60% over 14 sessions [1]. SPY rose 1.2% [2].",
        ),
        ("[1] IWM rose 2%", "IWM rose 2% [1]"),
        ("[1] IWM rose 2% [1].", "IWM rose 2% [1]."),
        # A repetition loop: a sentence said again word for word is kept once.
        (
            "Banks rallied on earnings [3]. Banks rallied on earnings [3]. Banks rallied on "
            "earnings [3]. Gold fell [4].",
            "Banks rallied on earnings [3]. Gold fell [4].",
        ),
        ("XLE rose [1].\n\nXLE rose [1].", "XLE rose [1]."),
        # Reasons numbered as a list, blank lines between or not: one paragraph.
        (
            "IWM rose [1].\n\n1. Rates fell [3].\n2. Banks beat [4].\n\n3) Oil slid [5].\n\nEnd.",
            "IWM rose [1].\n\nRates fell [3]. Banks beat [4]. Oil slid [5].\n\nEnd.",
        ),
        (
            "M [1].\n\n1. [3] Tech rallied on rates. [3]\n2. [4] Stocks rose. [4]\n"
            "3. [5] Oil fell.",
            "M [1].\n\nTech rallied on rates. [3] Stocks rose. [4] Oil fell [5].",
        ),
        # A citation repeated back to back is written once.
        ("Chip stocks rose on TSMC's outlook [3] [3].", "Chip stocks rose on TSMC's outlook [3]."),
        ("Gold fell [4][4] [4].", "Gold fell [4]."),
        # The source's frame around a reason: the [n] already says where it comes from.
        ("The excerpt reports that oil fell on OPEC supply [3].", "Oil fell on OPEC supply [3]."),
        (
            "Rates fell [2]. The article states that banks beat estimates. [4]",
            "Rates fell [2]. Banks beat estimates. [4]",
        ),
        # The turn's instruction said back at a reason's end goes; its citation stays.
        (
            "Marvell rose 3.4% on 2025-12-23, which explains the move in the excerpt's own words.",
            "Marvell rose 3.4% on 2025-12-23.",
        ),
        (
            "Materials declined 0.4% on January 21, as reported in the excerpt [4].",
            "Materials declined 0.4% on January 21 [4].",
        ),
        (
            "Nvidia fell, which explains the move of QQQ falling on January 2 [3]. Oil rose [4].",
            "Nvidia fell [3]. Oil rose [4].",
        ),
        ("Banks beat, according to the excerpt [2]", "Banks beat [2]"),
        (
            "Homebuilders rose on lower rates, which explains the move in the excerpt's own "
            "words, naming the event, company or policy [3].",
            "Homebuilders rose on lower rates [3].",
        ),
        ("Gold rose as the dollar fell, as reported in [4].", "Gold rose as the dollar fell [4]."),
        (  # the sentence's own stop, before its citation, stays
            "Nvidia fell on January 2, 2026, which explains the move of QQQ falling. [6]",
            "Nvidia fell on January 2, 2026. [6]",
        ),
        # A phrase looping inside a sentence is said once.
        (
            "Markets shrugged off the response to the response to the response to the Fed [5].",
            "Markets shrugged off the response to the Fed [5].",
        ),
    ],
)
def test_formatting_slips_are_fixed(written: str, tidied: str) -> None:
    assert tidy(written) == tidied


@pytest.mark.parametrize(
    "clean",
    [
        "IWM returned +9.60% [1] over 14 sessions. U.S. stocks rose [2].\n\nNews cited rates [3].",
        "- IWM: +9.60% [1]\n- SPY: +1.2% [2]",
        "Small caps rallied on hopes of lower rates [3], while some articles saw a rotation [4].",
        "XLF's best day was 2026-01-05 (+2.18%) [1].",
        "1.5% was the move [1].",  # a figure opening a line is no list number
        "Stocks rose, rose and fell [2]. The excerpt is long [3].",  # no loop, no frame
        # Said inside a sentence, not at its end, the words are the reason's own.
        "The data, as reported in the article, lifted banks [2].",
        "Rate cuts, which explains the move higher, came early [3].",
        # A clause with no comma before it, or one that says more than the move, is the reason's.
        "Stocks fell as tariffs were described in the article [1].",
        "Stocks rose after the jobs report, which explains the move along with a 4% jump in "
        "Nvidia [1].",
        "Oil fell, which explains the move that Exxon and Chevron shares fell [2].",
    ],
)
def test_a_well_formed_answer_is_left_as_written(clean: str) -> None:
    assert tidy(clean) == clean


def test_a_loop_at_the_end_of_a_stream_stops_it() -> None:
    assert looping("Markets were unconcerned about the response to the response to the response to")
    assert not looping("Oil fell as OPEC raised output and the dollar rose and stocks rose [3].")


JOBS = ("The December 2025 jobs report showed a strong increase in employment, which led to a "
        "rise in stocks on January 9 [3].")  # fmt: skip


@pytest.mark.parametrize(
    ("draft", "repeated"),
    [
        # The same reason from a near-copy excerpt: a word more, another citation.
        (JOBS.replace("in stocks", "in US stocks").replace("[3]", "[4]"), True),
        (JOBS.replace("[3]", "[5]"), True),
        # Another cause of the same move, in the same frame: its own reason.
        ("Stocks rose on January 9 as chipmakers rallied on strong AI demand [4].", False),
        ("The December 2025 jobs report showed wages rising faster than expected, which "
         "pushed yields higher [4].", False),
    ],
)  # fmt: skip
def test_a_reason_in_nearly_a_kept_ones_words_repeats_it(draft: str, repeated: bool) -> None:
    assert repeats(draft, ["Gold rose on safe-haven demand [1].", JOBS]) is repeated
    assert not repeats(draft, [])


# The app's answer to "Which fared better in January: energy or financials?" (2026-12-03): the
# model said its clause again and again until its token limit, 51 s in all.
LOOPING = (
    "XLE (S&P 500 energy sector) had a higher return of +14.18% over 20 sessions in January "
    "2026 compared to XLF (S&P 500 financials sector), with the return being +14.18% over 20 "
    "sessions in January 2026 compared to XLF (S&P 500 financials sector), with the return being "
    "+14.18% over 20 sessions in January 2026 compared to XLF (S&P 500 financials sector)"
)


def test_a_stream_that_starts_repeating_itself_is_stopped_and_cut_where_it_began() -> None:
    llm = ScriptedLLM([LOOPING])
    response = llm.stream([{"role": "user", "content": "q"}], lambda _t: None, stop_when=looping)
    assert response.finish_reason == STOPPED and len(response.text) < len(LOOPING)
    # Cut before the clause that began again ("with the return being …"), its sentence closed.
    assert without_repeat(response.text) == (
        "XLE (S&P 500 energy sector) had a higher return of +14.18% over 20 sessions in January "
        "2026 compared to XLF (S&P 500 financials sector)."
    )
    # A phrase said twice in passing is no loop: fewer than ten words in a row repeat.
    twice = "IWM rose 5.05% over 20 sessions [1]. SPY rose 1.07% over 20 sessions [1]."
    assert not looping(twice) and without_repeat(twice) == twice


def test_a_run_of_eight_words_said_twice_anywhere_is_a_loop() -> None:
    # Found in the app (session 62), a reasons turn under Treasuries' mid-December rise.
    went_round = (
        "The rally of US long duration government bonds, moving up the credit curve, was "
        "driven by a choppy rally of US fixed income, which was influenced by a choppy rally "
        "of US long duration government bonds, moving up Fixed income rallied mid-year [4]."
    )
    assert says_itself_again(went_round)
    # Seven words again, or the same words in another order, are no loop.
    assert not says_itself_again(
        "Treasuries rallied as a softer CPI report lowered yields, and stocks rallied as a "
        "softer CPI report lifted hopes [3]."
    )
    assert not says_itself_again("Bonds rose after the report; after the report, bonds rose.")
