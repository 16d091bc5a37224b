"""A drafted reason that says a measured instrument moved the other way, with no figure to check.

The figure check binds numbers; "The S&P 500 and Nasdaq both rose on December 17" carries none,
and was shown as a reason under a measured SPY −1.10% on that day. Here a reason sentence is
held to the moves the answer measured: it must not say an instrument rose (fell) over a window
in which its measured return fell (rose). Only the instrument's own verb counts ("the S&P 500
… rose", within a few words of its name), and only when the sentence gives no verb the other
way ("fell early, then rallied") and dates it inside the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from copilot.claims.numbers import find_dates, on_or_before
from copilot.facts import Fact
from copilot.news.evidence_terms import entity_for
from copilot.news.lexical import tokens

_VERBS = {
    "up": ("rose", "rise", "rises", "rising", "rallied", "rally", "rallies", "rallying",
           "gained", "gains", "climbed", "climbs", "climbing", "jumped", "jumps", "surged",
           "surges", "soared", "soars", "advanced", "advances", "rebounded", "rebounds",
           "popped", "higher"),
    "down": ("fell", "fall", "falls", "falling", "dropped", "drops", "slid", "slides",
             "slumped", "slumps", "tumbled", "tumbles", "declined", "declines", "plunged",
             "plunges", "sank", "sinks", "slipped", "slips", "lost", "lower"),
}  # fmt: skip
_NEAR = 6  # words between the instrument's name and its verb ("the S&P 500 and Nasdaq both rose")
# Names too generic to bind a verb to one instrument: "tech stocks rose" is not the S&P 500.
_GENERIC = frozenset({"stocks", "shares", "equities", "market", "markets", "index"})


def contradicts_a_move(sentence: str, facts: Iterable[Fact], as_of: date) -> Fact | None:
    """The measured return `sentence` says went the other way, or None."""
    words = tokens(sentence)
    for fact in facts:
        if fact.measure != "return" or fact.value == 0 or fact.end is None:
            continue
        start = fact.start or fact.end  # no start: a one-day window
        measured = "up" if fact.value > 0 else "down"
        against = "down" if measured == "up" else "up"
        if any(word in _VERBS[measured] for word in words):
            continue  # both ways in one sentence: not a plain claim about the move
        if _names_then(words, fact.subject, _VERBS[against]) and _dated_within(
            sentence, start, fact.end, as_of
        ):
            return fact
    return None


def _names_then(words: list[str], symbol: str, verbs: tuple[str, ...]) -> bool:
    """The instrument named, then one of `verbs` within `_NEAR` words after the name."""
    for phrase in entity_for([symbol]).phrases:
        name = tokens(phrase)
        if not name or (len(name) == 1 and name[0] in _GENERIC):
            continue
        for i in range(len(words) - len(name) + 1):
            if words[i : i + len(name)] != name:
                continue
            after = words[i + len(name) : i + len(name) + _NEAR]
            if any(word in verbs for word in after):
                return True
    return False


def _dated_within(sentence: str, start: date, end: date, as_of: date) -> bool:
    """Whether the sentence dates its claim inside the window. An undated one is left: "the
    market rebounded after Trump called off the tariffs" may be the next day's news."""
    days = [on_or_before(found, as_of) for found in find_dates(sentence)]
    return any(day is not None and start <= day <= end for day in days)
