"""Counting the sentences of a streamed answer, and stopping it after the ones asked for."""

from __future__ import annotations

import pytest

from copilot.llm.base import STOPPED
from copilot.llm.scripted import ScriptedLLM
from copilot.sentences import after_sentences, sentences_begun, spoken_list


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
        # a citation after an abbreviation's period closes the claim (a reasons turn ran on)
        ("… the software giant Oracle Corp. [2] The excerpt reports", 1),
        ("Oracle Corp. [2]", 0),
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


def test_a_spoken_list_joins_its_last_item_with_and() -> None:
    assert [spoken_list(items) for items in ([], ["QQQ"], ["QQQ", "DIA"], ["SPY", "QQQ", "DIA"])] \
        == ["", "QQQ", "QQQ and DIA", "SPY, QQQ and DIA"]  # fmt: skip
