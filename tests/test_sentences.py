"""Counting the sentences of a streamed answer, and stopping it after the ones asked for."""

from __future__ import annotations

import pytest

from copilot.llm.base import STOPPED
from copilot.llm.scripted import ScriptedLLM
from copilot.sentences import after_sentences, loops, sentences_begun, without_loop


@pytest.mark.parametrize(
    ("text", "begun"),
    [
        ("IWM rose 5.05% [1].", 0),  # over, but nothing has begun after it yet
        ("IWM rose 5.05% [1]. SPY", 1),
        ("IWM rose 5.", 0),  # maybe "5.05": undecided until the next character
        ("IWM rose 5.05% over 20 sessions", 0),
        ("It rallied. [4] Then", 1),  # the citation after the period stays with its sentence
        ("It rallied. [4, 5]\n\nThen", 1),
        ("U.S. stocks rose. J.B. Hunt fell", 1),  # initials are not ends
        ("Gap Inc. said so. Then", 1),
        ("Warner Bros. and Apollo Global Mgmt. bid. Then", 1),  # company-name abbreviations
        ("Prices rose, e.g. for eggs. Then", 1),
        ("close 264.81). The", 1),
        ("Why? Because. And", 2),
        ("1. XLK led", 0),  # a list marker
    ],
)
def test_sentences_begun(text: str, begun: int) -> None:
    assert sentences_begun(text) == begun


def test_a_stream_stops_before_the_first_word_of_the_next_sentence() -> None:
    llm = ScriptedLLM(["IWM rose 5.05% [1]. SPY rose 0.18% [2]. Both gained [1]."])
    seen: list[str] = []
    response = llm.stream(
        [{"role": "user", "content": "q"}], seen.append, stop_when=after_sentences(2)
    )
    assert response.text == "IWM rose 5.05% [1]. SPY rose 0.18% [2]."
    assert "".join(seen) == response.text  # nothing past the stop reached the reader
    assert response.finish_reason == STOPPED


def test_a_short_answer_is_not_stopped() -> None:
    llm = ScriptedLLM(["IWM rose 5.05% [1]."])
    response = llm.stream([{"role": "user", "content": "q"}], lambda _t: None,
                          stop_when=after_sentences(2))  # fmt: skip
    assert response.text == "IWM rose 5.05% [1]." and response.finish_reason != STOPPED


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
    response = llm.stream([{"role": "user", "content": "q"}], lambda _t: None, stop_when=loops)
    assert response.finish_reason == STOPPED and len(response.text) < len(LOOPING)
    # Cut before the clause that began again ("with the return being …"), its sentence closed.
    assert without_loop(response.text) == (
        "XLE (S&P 500 energy sector) had a higher return of +14.18% over 20 sessions in January "
        "2026 compared to XLF (S&P 500 financials sector)."
    )
    # A phrase said twice in passing is no loop: fewer than ten words in a row repeat.
    twice = "IWM rose 5.05% over 20 sessions [1]. SPY rose 1.07% over 20 sessions [1]."
    assert not loops(twice) and without_loop(twice) == twice
