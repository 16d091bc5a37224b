"""The phrase finder: the longest phrase at each word start, overlapping finds included,
case-insensitive, a phrase's space matching any run of whitespace."""

from __future__ import annotations

from copilot.understand.phrase_trie import PhraseTrie

FINDER = PhraseTrie(["the dow", "the dow jones industrial average", "dow jones", "s&p 500", "gold"])


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in FINDER.finditer(text)]


def test_the_longest_phrase_wins_at_a_start_and_overlapping_starts_are_found_too() -> None:
    text = "did The Dow Jones Industrial Average fall?"
    assert found(text) == ["The Dow Jones Industrial Average", "Dow Jones"]


def test_a_shorter_phrase_is_found_when_the_longer_one_does_not_finish() -> None:
    assert found("the dow jones rose") == ["the dow", "dow jones"]


def test_a_phrase_must_start_and_end_at_a_word_boundary() -> None:
    assert found("goldman and marigold") == []  # "gold" inside words
    assert found("gold, then gold.") == ["gold", "gold"]
    assert found("s&p 500s") == []  # ends inside "500s"
    assert found("xs&p 500") == []  # starts inside a word
    assert found("&gold") == []  # `&` continues a word, as in "S&P"


def test_a_space_in_a_phrase_matches_a_run_of_whitespace() -> None:
    assert found("the S&P\t 500\n") == ["S&P\t 500"]
    assert found("the s&p500") == []


def test_an_unknown_text_finds_nothing() -> None:
    assert found("") == [] and found("bonds and oil") == []
