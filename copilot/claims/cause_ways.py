"""A cause the article ties to a move the other way is no reason for this one.

"Nvidia and Broadcom fell from 2025-12-29 to 2025-12-31 due to investor optimism about the
future of artificial intelligence [5]" was drafted from "Investor optimism about the future of
artificial intelligence has been driving the sector mostly higher all year": the article's words,
the support score high (0.80), the cause judge's yes 0.75, and the way turned over. The words
settle what the judge misses: when every sentence of the article that holds the reason's cause
says, beside the cause's own words, only the other way, the article gives that cause for a
rise, not the fall the reason needs (or the reverse).

Read only where it is plain: the reason says one way before its causal word; its cause is no
move itself ("rising yields", "the dollar's slide", "OPEC+ output increases": the article's way
words could be the cause's own); the article's sentence names no market that moves against
others (a yield, the fear gauge, the dollar: "softer CPI sent yields lower" is the Treasury
rally's cause, "the dollar, another barometer of those concerns, fell" is gold's).
"""

from __future__ import annotations

import re

from copilot.claims.extract import CITATION
from copilot.claims.reasons import content_stems
from copilot.claims.stated_cause import AT_LEAST, COVERED, article_pieces, reason_cause
from copilot.claims.subjects import mentions
from copilot.market.symbols import is_currency, is_yield, moves_against_stocks
from copilot.move_words import FALL, RISE
from copilot.sentences import sentence_spans

_UP = re.compile(rf"\b{RISE}\b", re.IGNORECASE)
_DOWN = re.compile(rf"\b{FALL}\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# What moves against the rest by name, when the registry does not name it in the sentence.
_AGAINST_WORDS = re.compile(
    r"\b(?:yields?|volatility|fear\s+gauge|vix|dollar|greenback)\b", re.IGNORECASE
)


# A move the one told came after: "Crude prices slipped after recent gains as traders focused on
# signs of softer demand growth" ties the demand worry to the slip, not to the gains before it.
_EARLIER_MOVE = re.compile(
    rf"\b(?:after|following)\s+(?:(?:its|their|the|a|recent|earlier|prior|last\s+week's|"
    rf"yesterday's|strong|sharp|big|early|several|two|three|four|five|days?\s+of)\s+)*"
    rf"(?:{RISE}|{FALL})\b",
    re.IGNORECASE,
)


def _way(text: str) -> str | None:
    """The one way the text says ("up" or "down"), else None; a move it says came before
    ("after recent gains") is not its way."""
    text = _EARLIER_MOVE.sub(" ", text)
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if up == down:
        return None
    return "up" if up else "down"


def _moves_against(text: str) -> bool:
    """Whether `text` names a market that moves against others (a yield, the fear gauge, the
    dollar)."""
    if _AGAINST_WORDS.search(text):
        return True
    named = set().union(*(m.subject for m in mentions(text)))
    return any(is_yield(s) or moves_against_stocks(s) or is_currency(s) for s in named)


def said_way(reason: str) -> str | None:
    """The way `reason` says its market went, before its cause ("up" or "down"); None when it
    says none ("The move was triggered by …") or gives no cause."""
    text = CITATION.sub(" ", reason)
    cause = reason_cause(reason)
    if cause is None:
        return None
    at = text.find(cause)
    return _way(text[: at if at > 0 else len(text)])


def cause_of_the_other_way(
    reason: str, passage: str, way: str | None = None
) -> tuple[str, str] | None:
    """(the way the article ties the reason's cause to, its sentence) when every sentence of the
    passage holding most of the cause's words (as `stated_cause` counts them) says the other way
    than the reason; None when any says the reason's way, none holds the cause, or it is not
    plain (the module's doc). `way` is the way of the move the reason was drafted for, taken
    when the reason says none of its own: "The move was triggered by Trump's call for a 10% cap
    on credit card interest rates [2]" under regional banks' rise, [2] saying "Bank stocks came
    under pressure after Trump called for a 10% cap …" (found in the app)."""
    text = CITATION.sub(" ", reason)
    cause = reason_cause(reason)
    if cause is None or _UP.search(cause) or _DOWN.search(cause):
        return None
    own = said_way(reason)
    mine = own or way
    if mine is None or _moves_against(text):
        return None
    wanted = content_stems(cause)
    if len(wanted) < AT_LEAST:
        return None
    told: list[tuple[str | None, str]] = []
    for piece in article_pieces(passage):
        for start, end in sentence_spans(piece):
            sentence = piece[start:end]
            shared = wanted & content_stems(sentence)
            if len(shared) < AT_LEAST or len(shared) < COVERED * len(wanted):
                continue
            if _moves_against(sentence):
                return None
            words = _WORD.findall(sentence)
            if own is None:  # the move's way stands in: only a move told before its cause
                # counts ("Bank stocks came under pressure after …"), not a way word inside
                # the cause's telling ("… signaling potential for wider participation in 2026
                # gains" under tech's fall)
                first = next((i for i, w in enumerate(words) if w.lower()[:5] in wanted), 0)
                words = words[:first]
            # the sentence's way beside the cause's own words
            rest = " ".join(w for w in words if w.lower()[:5] not in wanted)
            told.append((_way(rest), sentence.strip()))
    if not told or any(said in (None, mine) for said, _ in told):
        return None
    said, sentence = told[0]
    assert said is not None
    return said, sentence
