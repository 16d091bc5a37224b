"""A move of the whole market named by its event alone.

"Was the selloff on tuesday jan 20 about greenland?", "why the big rally on jan 21?", "what
caused the crash on jan 20?": no market is named, and the event is the US stock market's, as
"stocks" would have said. Answered before as a question that named nothing ("name the markets
and ask again"), or with "big" or "greenland" reported as a name the store lacks. The event's
words must be its own: a determiner, words of size or manner, dates and "market" ("the lumber
selloff", "the rally in uranium" name a market the store may lack, and are left to
`copilot.understand.unnamed`); a superlative ("the biggest drop in January") ranks, and is
left alone too.
"""

from __future__ import annotations

import re

from copilot.move_words import FALL, RISE
from copilot.understand.comparisons import MOVE_NOUN
from copilot.understand.vocabulary import MONTH

_I = re.IGNORECASE
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# Words that may stand between the determiner and the event: its size, manner or place in time.
_EVENT_WORDS = (
    r"big|huge|massive|sharp|sudden|steep|brutal|violent|wild|ugly|nasty|broad|broad-based|"
    r"late-day|intraday|early|late|recent|latest|whole|market-wide|widespread|heavy|modest|"
    r"small|slight|little|quick|swift|dramatic|historic|sizable|sizeable|strong|weak|nice|"
    r"great|crazy|insane|scary|so-called|relief|knee-jerk|post-holiday|holiday|year-end|"
    r"market|stock|stock-market|equity|overall|general|initial|\d{1,2}(?:st|nd|rd|th)?|"
    rf"{MONTH}|{_WEEKDAY}(?:'s)?|today's|yesterday's|last\s+week's|this\s+week's|"
    r"\d{1,2}/\d{1,2}(?:'s)?"
)
_EVENT = re.compile(
    rf"\b(?P<the>the|this|that|today's|yesterday's|last\s+week's|this\s+week's|"
    rf"{_WEEKDAY}'s|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?'s)\s+"
    rf"(?:(?:{_EVENT_WORDS})\s+){{0,4}}(?P<noun>{MOVE_NOUN})\b",
    _I,
)
# What may follow "in", "of", "for" after the event when it names no market: a time.
_A_TIME = re.compile(
    rf"(?:the\s+)?(?:{MONTH}|{_WEEKDAY}|\d|early|mid|late|this|last|past|final|first|"
    r"today|yesterday|tonight|morning|afternoon|session|week|month|year|days?|q[1-4])\b",
    _I,
)
_COMPLEMENT = re.compile(r"\s+(?:in|of|for|among|across|within|by)\s+", _I)


# The market's people moved by the event: "what spooked investors on the friday before
# christmas?", "why were traders so nervous on jan 20?" (a mood or a move of theirs is the
# market's; asked why, not what they say: a news question reads the news).
_PEOPLE = re.compile(
    r"\b(?P<noun>investors|traders|market\s+participants|the\s+street|equity\s+investors|"
    r"stock\s+investors)\b",
    _I,
)
_PEOPLE_MOVED = re.compile(
    r"\b(?:spook\w*|rattl\w*|scar(?:e|ed|es|ing)|fright\w*|unnerv\w*|jolt\w*|shak(?:e|en|ing)|"
    r"shook|nervous|jittery|panick?\w*|fearful|worried|skittish|cheer\w*|relieved|euphoric|"
    r"giddy|bullish|bearish|dump\w*|flee|fled|fleeing|sell(?:ing)?|sold|bail\w*|pile[ds]?\s+in)\b",
    _I,
)


# Everything at once: "why did everything rally on dec 19?", "risk assets sold off", "why
# were markets down across the board" (in a why-question naming no market: the whole market).
_EVERYTHING = re.compile(
    r"\b(?:everything|all\s+(?:markets|assets|asset\s+classes)|risk\s+assets|"
    r"across\s+the\s+board)\b",
    _I,
)


_A_MOVE = re.compile(rf"\b(?:{RISE}|{FALL})\b", _I)  # "why is everything so expensive?": none


def market_event(text: str) -> re.Match[str] | None:
    """The phrase naming the whole market's move by its event ("the selloff", "the big rally
    on jan 21" up to its noun) in a question that names no market, or None: an event whose
    words name something else ("the lumber selloff", "the rally in uranium", "the drop of 2%"
    is still the market's)."""
    for match in _EVENT.finditer(text):
        after = _COMPLEMENT.match(text, match.end())
        if after is not None and not _A_TIME.match(text, after.end()):
            continue  # "the rally in uranium": a market named after its event
        return match
    people = _PEOPLE.search(text)
    if people is not None and _PEOPLE_MOVED.search(text):
        return people
    everything = _EVERYTHING.search(text)
    return everything if everything is not None and _A_MOVE.search(text) else None
