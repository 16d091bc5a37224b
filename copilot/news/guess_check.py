"""Whether stored articles mention the cause a question puts to the test ("was it the jobs
report?"): the words an article must use, and the first sentence of it that uses them.

An article *mentions* a guess when one of its sentences carries every one of the guess's telling
words (or a plain synonym: "payrolls" for "jobs", "Powell" for "the Fed"). That is all code
claims — a mention, quoted with its source — never that the guess caused the move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copilot.news.evidence_terms import sentences
from copilot.understand.vocabulary import A_TIME

# Words that qualify a cause without naming it: an article may say "tariffs" for "the tariff
# threats", "payrolls" for "the jobs report".
_SOFT = frozenset((
    "threat", "threats", "worry", "worries", "fear", "fears", "concern", "concerns", "comment",
    "comments", "talk", "jitters", "hope", "hopes", "story", "thing", "things", "stuff", "news",
    "headline", "headlines", "report", "reports", "data", "number", "numbers", "figure",
    "figures", "print", "release", "announcement", "noise", "drama", "mess", "issue", "issues",
    "angle", "factor", "effect", "impact", "situation", "saga", "tensions", "developments",
    "events", "turmoil", "uncertainty", "risk", "risks", "fallout", "spat", "dispute", "row",
    "feud", "fight", "standoff", "clash", "showdown",
    # the asker's name for a turn of events: an article says "called off", "backed down"
    "climbdown", "climb-down", "u-turn", "reversal", "about-face", "backtrack", "walkback",
    "walk-back", "flip-flop", "pivot",
    # the form an act took, in the asker's word: "the credit card cap proposal" is said by "a
    # 10% cap on credit card interest rates", "the fed pressure from trump" by the names alone
    "proposal", "proposals", "plan", "plans", "pressure", "push", "remarks", "statement",
    "statements", "rhetoric", "criticism", "attack", "attacks", "idea", "ideas", "efforts",
    "campaign",
    # what befell a ruler or a country, in the asker's word: "maduro's capture" is said by
    # "Nicolás Maduro's ouster" (the note had said no article mentioned it)
    "capture", "captured", "ouster", "ousting", "ousted", "arrest", "arrested", "raid",
    "removal", "seizure", "overthrow", "downfall", "toppling", "invasion", "incursion",
    # the way the asker thinks it went: an article says "the dollar weakened", "a weak dollar"
    "falling", "rising", "higher", "lower", "up", "down", "jump", "jumping", "surge", "surging",
    "spike", "spiking", "drop", "dropping", "selloff", "rally", "move", "weak", "weaker",
    "weakening", "weakness", "strong", "stronger", "strength", "strengthening", "soft", "softer",
    "hot", "hotter", "cool", "cooler", "cheaper", "pricier", "again", "latest", "new", "big",
    "whole",
    # the asker's word for a market's move: "oil's slide" is searched as oil, an article says
    # "crude fell"
    "slide", "sliding", "slump", "slumping", "decline", "declining", "plunge", "plunging",
    "tumble", "tumbling", "crash", "rout", "dip", "sell-off", "selling", "losses", "slip",
    "slipping", "retreat", "pullback", "swoon", "collapse", "sinking", "gains", "climb",
    "climbing", "rise", "soaring", "rebound", "bounce", "run-up", "runup", "pop",
))  # fmt: skip
# Qualifiers that only name the form a cause came in: "the jobs report" is searched as a whole.
_FILLER = frozenset((
    "report", "reports", "data", "number", "numbers", "figure", "figures", "print", "release",
    "news", "announcement", "stuff", "thing", "things", "situation", "story", "headline",
    "headlines", "saga", "developments", "events",
))  # fmt: skip
_JOBS = ("jobs report", "jobs data", "jobs number", "jobs numbers", "jobs figures", "payroll",
         "nonfarm", "non-farm", "employment report", "employment data", "unemployment rate",
         "jobless")  # fmt: skip
_FED = ("fed", "federal reserve", "fomc", "powell", "rate cut", "rate cuts", "rate decision")
_PRICES = ("cpi", "consumer price", "consumer prices", "inflation")
# A company's quarter, however the guess calls it ("JPMorgan's results" was mentioned by "JPMorgan
# Chase missed investment banking fee guidance and saw revenue drops …", and the note said not).
_RESULTS = ("earnings", "results", "quarterly", "quarter", "profit", "profits", "revenue",
            "guidance", "estimates")  # fmt: skip
# A telling word → every word or phrase an article may use for it.
_ALIASES: dict[str, tuple[str, ...]] = {
    "jobs": _JOBS, "job": _JOBS, "payroll": _JOBS, "payrolls": _JOBS, "nfp": _JOBS,
    "employment": _JOBS, "labor": _JOBS, "labour": _JOBS,
    "fed": _FED, "fomc": _FED, "powell": _FED, "federal": _FED,
    "cpi": _PRICES, "inflation": _PRICES,
    "tariff": ("tariff", "tariffs", "trade war", "duties"),
    "tariffs": ("tariff", "tariffs", "trade war", "duties"),
    "earnings": _RESULTS, "results": _RESULTS, "profits": _RESULTS, "quarterly": _RESULTS,
    "dollar": ("dollar", "greenback", "usd"),
    "oil": ("oil", "crude", "brent", "wti"),
    "crude": ("oil", "crude", "brent", "wti"),
    "opec": ("opec",),
    "yields": ("yield", "yields", "treasury", "treasuries"),
    "rates": ("rate", "rates", "yield", "yields"),
    "ai": ("ai", "artificial intelligence"),
    "china": ("china", "chinese", "beijing"),
    "eu": ("eu", "european union", "europe", "european", "brussels"),
    "uk": ("uk", "britain", "british", "united kingdom"),
    "stimulus": ("stimulus", "support measures"),
    "outage": ("outage", "shutdown", "shut", "halt", "halted", "disruption", "closure", "offline"),
    # "the TikTok deal": "… its U.S. operations will be sold to a new joint venture"
    "deal": ("deal", "acquire", "acquires", "acquisition", "buy", "buys", "merger", "takeover",
             "agreement", "sale", "sold", "sell", "joint venture", "stake", "pact"),
}  # fmt: skip
_STOP = frozenset((
    "the", "a", "an", "this", "that", "it", "its", "of", "on", "in", "for", "to", "and", "or",
    "all", "just", "about", "some", "any", "was", "is", "were", "are", "be", "been", "by", "with",
    "from", "at", "as",
))  # fmt: skip
# A time inside a guess says when, not what ("the CPI print on tuesday", "the December jobs
# report", "the jobs report on jan 9"): an article on the release need not name the day or the
# month it was asked by. A figure stays ("the 10% card cap").
_TIME = re.compile(rf"\b{A_TIME}\b", re.IGNORECASE)


def _timeless(guess: str) -> str:
    """The guess without its times, or the guess when it is nothing but a time ("may")."""
    left = _TIME.sub(" ", guess)
    return left if re.sub(r"\bthe\b|[^a-z0-9]", "", left.lower()) else guess


QUOTE_CHARS = 240  # a mention quoted in the answer is at most this long


def telling_words(guess: str) -> list[tuple[str, ...]]:
    """For each word that names the guess, the words an article may use for it ("the jobs
    report" → (jobs, payrolls, …)); qualifiers ("threats", "report") only when nothing else
    names it, and times ("on tuesday", "December") only when nothing but a time does."""
    said = _timeless(guess).lower()
    words = [w.removesuffix("'s") for w in re.findall(r"[a-z0-9][a-z0-9'&-]*", said)]
    words = [w for w in words if w not in _STOP]
    telling = [w for w in words if w not in _SOFT] or words
    if "federal" in telling and "reserve" in telling:
        telling.remove("reserve")
    return [_ALIASES.get(w, (w,)) for w in telling]


def searched_words(guess: str) -> str:
    """The guess's words an article was searched for, in the guess's own spelling ("AI" for
    "AI worries"); "" when they are the whole guess (its articles and "the" aside)."""
    words = re.findall(r"[\w'&-]+", _timeless(guess))
    stems = [w.lower().removesuffix("'s") for w in words]
    kept = [w for w, stem in zip(words, stems, strict=True) if stem not in _STOP]
    telling = [w for w in kept if w.lower().removesuffix("'s") not in _SOFT] or kept
    dropped = {w.lower() for w in kept if w not in telling}
    # "worries" said apart, "report" not; a possessive's "'s" is no word of it ("dollar's drop")
    return " ".join(re.sub(r"['’]s$", "", w) for w in telling) if dropped - _FILLER else ""


def mention_in(text: str, terms: Sequence[tuple[str, ...]]) -> str | None:
    """The first sentence of `text` that uses every telling word (any of its alternatives), or
    that with the next one does ("JPMorgan led the market down. The bank missed its fee
    guidance."): both are then returned."""
    if not terms:
        return None
    said = sentences(text)
    pairs = [" ".join(said[i : i + 2]) for i in range(len(said) - 1)]
    for span in [*said, *pairs]:  # one sentence that says it before two that do together
        lowered = span.lower()
        if all(any(_uses(lowered, alt) for alt in alts) for alts in terms):
            return span
    return None


def _uses(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?:s|es|'s)?(?![a-z0-9])", text) is not None


def guess_query(guess: str, entity_name: str, move_word: str) -> str:
    """A search query for articles on the guess and the move together."""
    return f"{guess} {entity_name} {move_word}"


@dataclass(frozen=True)
class Mention:
    """Where an article mentions the guess: the chunk and its sentence."""

    article_id: str
    chunk_id: str
    chunk_index: int
    chunk: str  # the chunk's text
    sentence: str


def cut_at_word(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` whole, or cut at a word within `limit` with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
