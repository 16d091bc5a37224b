"""The subject of a why-question that names nothing the store or the registry knows.

"Why did lumber fall on January 5?", "what sent shipping stocks higher on Jan 12?", "cocoa
crashed on Monday - why?": the words between the question's why and its move word (or before the
move word, when the move is told first) name what moved. Reported as an unknown name, the answer
says that no stored market matches it instead of explaining a move nobody measured from
whatever articles a search of the question turns up.
"""

from __future__ import annotations

import re

from copilot.understand.comparisons import move_word, why_lead
from copilot.understand.model import UnknownName
from copilot.understand.vocabulary import GENERIC_MARKET

NO_TICKER_FIX = "market-copilot ingest online --yahoo <ticker>"
_MOST_WORDS = 5  # a longer stretch is a clause, not a name ("did the decision that the Fed …")
_AUXILIARIES = (
    r"did|do|does|is|are|was|were|has|have|had|been|being|be|would|could|should|will|can|"
    r"really|just|so|suddenly|all|recently|today|yesterday|again"
)
_EDGE_WORDS = re.compile(
    # (to the end too: "why did the rally fade" leaves "the", no name)
    rf"^(?:(?:{_AUXILIARIES}|the|a|an|some|those|these|that|this|of|with|in|for)(?:\s+|$))+|"
    rf"(?:\s+(?:{_AUXILIARIES}))+$",
    re.IGNORECASE,
)
# Words for whoever acted or for something said before: the subject is elsewhere ("why did
# investors dump …", a follow-up's "why did it fall?"), not a market the store lacks.
_ACTORS_AND_POINTERS = (
    "it its they them this that these those he she we you i everything everyone everybody "
    "something anything nothing people investors traders buyers sellers analysts "
    "prices price what why how which who where when "
    # a follow-up's words for what was asked about before ("why did the sector drop?")
    "sector sectors index fund funds etf etfs stock group market one ones both either"
)
_NOT_A_MARKET = frozenset(_ACTORS_AND_POINTERS.split())
_WORD = re.compile(r"[a-z][a-z'&.-]*", re.IGNORECASE)
# Where the object of "what hammered …" ends: a date, a span or a clause after it.
_OBJECT_ENDS = re.compile(
    r"[,;:?!()\"]|\s-+\s|\.\s|\.$|\b(?:on|in|at|during|over|since|after|before|this|last|"
    r"yesterday|today|around|following|amid|into|to|from|for|between|so|lately|recently)\b|\d",
    re.IGNORECASE,
)
_OBJECT_OPENS = re.compile(r"\s*(?:(?:on|down|up)\b)?", re.IGNORECASE)  # "what dragged on X"
_CLAUSE_BREAK = re.compile(r"[,;:?!()\"]|\s-+\s|\s[—–]\s|\.\s")


def unnamed_subject(text: str) -> UnknownName | None:
    """The asked-about market a why-question names in words no lookup knows, or None (the
    question names no move, its subject is an actor or a pronoun, or the words are no name)."""
    lead = why_lead(text)
    # The move word after the why ("what knocked X lower": "knocked" asks, "lower" moves), else
    # the one told before it.
    move = move_word(text, lead.end()) if lead is not None else None
    if lead is not None and move is None and _moves(text, lead):
        # "what hammered cruise lines on Jan 20?": the why's own verb moves its object
        opens = _OBJECT_OPENS.match(text, lead.end())
        begin = opens.end() if opens else lead.end()
        after = _OBJECT_ENDS.search(text, begin)
        words = text[begin : after.start() if after else len(text)]
    else:
        start = lead.end() if lead is not None and move is not None else 0
        move = move or move_word(text)
        if move is None:
            return None
        if start == 0:  # the move told first: its subject opens the clause it is in
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, move.start())]
            start = breaks[-1] if breaks else 0
        words = text[start : move.start()]
    return _named(words.strip())


def _moves(text: str, lead: re.Match[str]) -> bool:
    said = move_word(text, lead.start())
    return said is not None and said.start() < lead.end()


def _named(words: str) -> UnknownName | None:
    words = _EDGE_WORDS.sub("", words).strip()
    words = re.sub(r"(?:'s|')$", "", words).strip()
    if not words or "·" in words or _CLAUSE_BREAK.search(words):
        return None
    tokens = words.split()
    if len(tokens) > _MOST_WORDS or not all(_WORD.fullmatch(t) for t in tokens):
        return None
    if tokens[0].lower() in _NOT_A_MARKET or GENERIC_MARKET.fullmatch(words):
        return None  # "why did US stocks slide": the whole market, which is stored
    return UnknownName(
        phrase=words,
        reason=f"'{words}' names no instrument in the market store or the symbol registry",
        fix=NO_TICKER_FIX,
    )
