"""Reasons and superlatives are claims too.

* A sentence that cites an article must be *supported* by the passage of it the model was shown:
  the bundled embedding model's cosine similarity between the sentence and the passage (its best
  sentence, or the whole), plus the share of the sentence's content words the passage contains.
  The weight and threshold were measured on hand-labelled (sentence, excerpt) pairs drawn from
  real answers (`benchmarks/data/reason_pairs.jsonl`, `benchmarks/results/verify.md`).
* A superlative or uniqueness word ("highest", "only", "record", "best since") needs a cited
  source that computed it: its text says it, or its ranking puts the named instrument there.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from copilot.answer import ReasonCheck
from copilot.claims.extract import CITATION, Sentence
from copilot.claims.forecasts import forecast_words, pattern_words
from copilot.claims.places import DONE_BEFORE, since_starts_the_window
from copilot.claims.reason_days import NamedDays, after_publication, outside_move
from copilot.claims.statements import Statement, news_text
from copilot.claims.subjects import Subject, name_of
from copilot.claims.subjects import mentions as subject_mentions
from copilot.claims.swapped_names import swapped_name
from copilot.market.symbols import KNOWN_SYMBOLS, SYMBOL_GROUPS, family, lookup, sector_symbols
from copilot.news.backdrop import MARKET_OPENS, MARKET_WORDS
from copilot.news.evidence_terms import (
    Entity,
    entity_for,
    mentions,
    names_direction,
    sentences,
    singular,
)
from copilot.sources import DataSource, NewsSource

# Measured on benchmarks/data/reason_pairs.jsonl (112 hand-labelled pairs): the weight and
# threshold that balance precision and recall, 5-fold cross-validated (results/verify.md).
EMBEDDING_WEIGHT = 0.6
SUPPORT_THRESHOLD = 0.625
CLASH_PENALTY = 0.1  # the sentence moves one way, the passage only the other way

Embed = Callable[[Sequence[str]], list[list[float]]]

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
STOP_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "from",
        "were",
        "have",
        "been",
        "their",
        "they",
        "than",
        "into",
        "over",
        "more",
        "most",
        "such",
        "which",
        "while",
        "about",
        "after",
        "before",
        "during",
        "amid",
        "among",
        "these",
        "those",
        "there",
        "where",
        "when",
        "what",
        "also",
        "its",
        "was",
        "are",
        "has",
        "had",
        "but",
        "not",
        "all",
        "any",
        "can",
        "could",
        "would",
        "should",
        "will",
        "said",
        "says",
        "say",
        "per",
        "cent",
        "percent",
        "session",
        "sessions",
        "day",
        "days",
        "week",
        "year",
        "years",
        "stocks",
        "stock",
        "shares",
        "market",
        "markets",
        "index",
        "rose",
        "fell",
        "gained",
        "lost",
        "up",
        "down",
        "higher",
        "lower",
        "points",
        "point",
        "basis",
    ]
)
_SPLIT = re.compile(r"(?<=[.!?])\s+")


def content_stems(text: str) -> set[str]:
    text = CITATION.sub(" ", text.lower())
    return {w[:5] for w in _WORD.findall(text) if w not in STOP_WORDS}


def lexical_support(sentence: str, passage: str) -> float:
    """Share of the sentence's content words (5-letter stems) the passage contains."""
    wanted = content_stems(sentence)
    if not wanted:
        return 0.0
    return len(wanted & content_stems(passage)) / len(wanted)


_RISE = re.compile(
    r"\b(r[io]se|rising|gain\w*|climb\w*|rall\w*|jump\w*|surg\w*|soar\w*|rebound\w*|lift\w*|"
    r"boost\w*|up|higher|advanc\w*|record|raise[ds]?|hike\w*|strong\w*|improv\w*)\b",
    re.I,
)
_FALL = re.compile(
    r"\b(fell|fall\w*|drop\w*|declin\w*|slid\w*|slip\w*|sank|tumbl\w*|plung\w*|lost|down|"
    r"lower\w*|eas\w*|pressure\w*|pulled back|slump\w*|drag\w*|weak\w*|cut\w*|sell-off)\b",
    re.I,
)


def directions_clash(sentence: str, passage: str) -> bool:
    """The sentence speaks only of a rise and the passage only of a fall, or the reverse: the
    embedding barely tells "rose" from "fell"."""
    s_up, s_down = bool(_RISE.search(sentence)), bool(_FALL.search(sentence))
    p_up, p_down = bool(_RISE.search(passage)), bool(_FALL.search(passage))
    return (s_up and not s_down and p_down and not p_up) or (
        s_down and not s_up and p_up and not p_down
    )


def _cosine(a: list[float], b: list[float]) -> float:
    return float(sum(x * y for x, y in zip(a, b, strict=False)))


class SupportScorer:
    """Scores how well a passage supports a sentence; caches embeddings by text."""

    def __init__(
        self,
        embed: Embed | None,
        weight: float = EMBEDDING_WEIGHT,
        threshold: float = SUPPORT_THRESHOLD,
        cache_size: int = 2048,
    ) -> None:
        self.embed = embed
        self.weight = weight if embed is not None else 0.0
        self.threshold = threshold
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size

    def vectors(self, texts: Sequence[str]) -> list[list[float]]:
        assert self.embed is not None
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(missing, self.embed(missing), strict=True):
                self._cache[text] = vector
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return [self._cache[t] for t in texts]

    def semantic(self, sentence: str, passage: str) -> float:
        """Best cosine between the sentence and the passage or one of its sentences."""
        if self.embed is None:
            return 0.0
        pieces = [passage, *[p for p in _SPLIT.split(passage) if len(p) > 20][:4]]
        vectors = self.vectors([sentence, *pieces])
        return max(_cosine(vectors[0], v) for v in vectors[1:])

    def score(self, sentence: str, passage: str) -> float:
        clean = CITATION.sub("", sentence).strip()
        lexical = lexical_support(clean, passage)
        penalty = CLASH_PENALTY if directions_clash(clean, passage) else 0.0
        if self.weight == 0.0:
            return lexical - penalty
        semantic = self.semantic(clean, passage)
        return self.weight * semantic + (1 - self.weight) * lexical - penalty

    def supports(self, sentence: str, passage: str) -> bool:
        return self.score(sentence, passage) >= self.threshold


_DEFAULT: SupportScorer | None = None
_LOADING = threading.Lock()


def default_scorer() -> SupportScorer:
    """The bundled all-MiniLM-L6-v2 scorer, loaded once per process: on ONNX Runtime in fp32
    (the torch path's vectors, loaded in ~1.4 s instead of ~7.7 s: a fresh `ask` pays it), else
    on torch; lexical only (with a lower threshold measured the same way) when neither loads."""
    global _DEFAULT  # a cache of the bundled model, not configuration
    with _LOADING:
        if _DEFAULT is None:
            _DEFAULT = _load_scorer()
    return _DEFAULT


def _load_scorer() -> SupportScorer:
    from copilot.news.embeddings import SentenceTransformerEmbedder
    from copilot.news.onnx_embedder import OnnxEmbedder
    from copilot.settings import Settings

    try:
        onnx = OnnxEmbedder(cache_dir=Settings().model_cache_dir, threads=1)
        onnx.load()
        return SupportScorer(onnx.embed)
    except Exception:  # no onnxruntime, or no cached file and no torch to export one
        pass
    try:
        torch_embedder = SentenceTransformerEmbedder()
        torch_embedder.load()
        return SupportScorer(_one_thread(torch_embedder.embed))
    except Exception:
        return SupportScorer(None, threshold=LEXICAL_ONLY_THRESHOLD)


def preload_scorer() -> None:
    """Load the scorer in the background (a fresh process checks its first answer sooner)."""
    threading.Thread(target=default_scorer, name="support-scorer", daemon=True).start()


LEXICAL_ONLY_THRESHOLD = 0.625  # the same pairs, lexical overlap alone
_THREADS = threading.Lock()


def _one_thread(embed: Embed) -> Embed:
    """A few short texts gain nothing from a second thread and lose much when the cores are
    busy (the news embedder measured the same: 25 ms instead of 150 ms on a loaded machine)."""

    def run(texts: Sequence[str]) -> list[list[float]]:
        import torch

        with _THREADS:
            before = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return embed(texts)
            finally:
                torch.set_num_threads(before)

    return run


@dataclass(frozen=True)
class Superlative:
    word: str
    group: str
    start: int
    end: int


_SUPERLATIVES = {
    "best": r"best|top[\s-]perform\w*|led|leader|leading|strongest",
    "worst": r"worst|weakest|bottom|laggard|lagg\w+ the most",
    "highest": r"highest|record|all[\s-]time|peak",
    "lowest": r"lowest",
    "biggest": r"biggest|largest",
    "only": r"only|sole",
    "since": r"(?:best|worst|biggest|largest|highest|lowest|first)\s+\w*\s*since",
}
# A superlative is a claim when it is about performance ("the best sector", "its biggest gain",
# "a record high", "best since"), not a description ("the largest companies").
_PERFORMANCE = (  # "its biggest gain", "the biggest in the past year"
    r"(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:gains?|drops?|declines?|rall(?:y|ies)|jumps?|moves?|falls?|"
    r"pops?|spikes?|surges?|plunges?|dips?|slides?|tumbles?|slumps?|climbs?|"
    r"loss(?:es)?|increases?|advances?|rises?|perform\w*|sectors?|days?|sessions?|weeks?|"
    r"months?|quarters?|years?|start|stretch|runs?|streaks?|clos(?:e|es|ing)|levels?|highs?|lows?|"
    r"finish|returns?|showing|on record|ever|in (?:the|its) (?:data|history))\b"
)
_SUPER = re.compile(
    r"\b(?P<since>(?:best|worst|biggest|largest|highest|lowest|first)\s+(?:\w+\s+){0,3}?since)\b|"
    r"\b(?P<word>highest|lowest|best|worst|biggest|largest|strongest|weakest|record|all-time|"
    rf"unprecedented)(?={_PERFORMANCE})|\b(?:the|its)\s+(?P<only>only)(?={_PERFORMANCE})",
    re.I,
)
_GROUP = {"highest": "highest", "record": "highest", "all-time": "highest", "lowest": "lowest",
          "best": "best", "strongest": "best", "worst": "worst", "weakest": "worst",
          "biggest": "biggest", "largest": "biggest", "only": "only",
          "unprecedented": "highest"}  # fmt: skip


# "the biggest sector by market value", "the largest fund by assets": a size, no performance.
_BY_SIZE = re.compile(
    r"[\w\s-]{0,30}?\b(?:by|in\s+terms\s+of)\s+(?:market\s+(?:value|cap\w*)|(?:index\s+)?"
    r"weight\w*|size|assets)\b",
    re.IGNORECASE,
)


# "though not the worst", "far from the best": the superlative denied, no claim to hold.
_DENIED = re.compile(r"\b(?:not|never|n't|far\s+from)\s+(?:the\s+|its\s+)?$", re.IGNORECASE)


# The largest or smallest move whichever way it went, of a set: "XLP was the biggest mover",
# "SLV moved the most", "the smallest move either way" (checked against a ranking's moves by
# their size, `check_superlative`). Not "XLU barely moved": a small move, not the smallest.
_MOVE_SIZE = re.compile(
    r"\b(?P<largest>(?:biggest|largest|greatest|wildest)\s+(?:movers?|moves?|swings?)\b"
    r"(?!\s+(?:since|in|of\s+(?:its|the\s+(?:year|month|week))))|"
    r"(?:mov(?:es|ed|ing)|swung|swings?|swinging)\s+(?:the\s+)?most\b)|"
    r"\b(?P<smallest>(?:smallest|least|tiniest)\s+(?:movers?|moves?|swings?|changes?)\b|"
    r"(?:mov(?:es|ed|ing)|chang(?:es|ed|ing)|swung|swings?|swinging)\s+(?:the\s+)?least\b)",
    re.IGNORECASE,
)


def superlatives(text: str) -> list[Superlative]:
    found = [
        Superlative(m.group(0), "largest move" if m["largest"] else "smallest move", *m.span())
        for m in _MOVE_SIZE.finditer(text)
        if not _DENIED.search(text, 0, m.start())
    ]
    for m in _SUPER.finditer(text):
        if _BY_SIZE.match(text, m.end()) or _DENIED.search(text, 0, m.start()):
            continue
        if any(f.start <= m.start() < f.end for f in found):  # "biggest mover": a size's
            continue
        if m["since"]:
            word, between = m["since"].split(None, 1)  # "best", "bond fund since"
            between = between.removesuffix("since")
            # "SLV has done best since Christmas": the place a verb took over the window
            verb = DONE_BEFORE.search(text, 0, m.start()) is not None
            if not since_starts_the_window(word, between, text[m.end() :], verb):
                found.append(Superlative(m["since"], "since", m.start(), m.end()))
        elif m["only"]:
            found.append(Superlative("only", "only", m.start("only"), m.end("only")))
        else:
            word = m["word"]
            group = _GROUP[word.lower()]
            if group == "biggest":  # "its biggest one-day drop" is its worst day, as sources say
                way = _WAY_SIZED.match(text, m.end())
                group = ("worst" if way["fall"] else "best") if way else group
            found.append(Superlative(word, group, m.start(), m.end()))
    return found


# The move a size superlative is of: "biggest one-day drop", "largest daily gain".
_WAY_SIZED = re.compile(
    r"(?:[\s-]+(?:one|single|1)[\s-]+(?:day|session)|[\s-]+(?:daily|session|intraday))?[\s-]+"
    r"(?:(?P<fall>drops?|declines?|falls?|loss(?:es)?|slides?|plunges?|selloffs?|sell-offs?|"
    r"dips?|tumbles?|slumps?)|"
    r"gains?|jumps?|rises?|advances?|rall(?:y|ies)|increases?|surges?|pops?|spikes?|climbs?)\b",
    re.IGNORECASE,
)


def _says(source_text: str, group: str) -> bool:
    return re.search(rf"\b(?:{_SUPERLATIVES[group]})\b", source_text, re.I) is not None


def check_superlative(
    text: str,
    sentence: Sentence,
    word: Superlative,
    sources: dict[int, DataSource | NewsSource],
    ranks: list[Statement],
    moves: list[Statement] | None = None,
) -> ReasonCheck:
    """Supported when a cited source computed it: says the same superlative, and where it
    ranks the instrument the sentence names, ranks it there. The largest or smallest move of a
    set, whichever way it went, is held to the cited ranking's `moves` (`_check_move_size`)."""
    start, end = sentence.start + word.start, sentence.start + word.end
    named = [m.subject for m in sentence.mentions if m.start < word.start]
    subject = named[-1] if named else (sentence.mentions[0].subject if sentence.mentions else None)
    if word.group in ("largest move", "smallest move"):
        sized = _check_move_size(word, start, end, sentence, subject, moves or [])
        if sized is not None:
            return sized
        # no ranking cited: an article's own "the biggest movers", as any superlative
        word = replace(word, group="biggest" if word.group == "largest move" else "lowest")
    for n in sentence.citations:
        source = sources.get(n)
        if source is None:
            continue
        body = news_text(source) if isinstance(source, NewsSource) else source.text
        if not _says(body, word.group):
            continue
        if subject and word.group in ("best", "worst"):
            placed = [st for st in ranks if st.source == n and st.subject & subject]
            size = max((st.value for st in ranks if st.source == n), default=0.0)
            want = 1.0 if word.group == "best" else size
            if placed and all(st.value != want for st in placed):
                return ReasonCheck(text=word.word, start=start, end=end, kind="superlative",
                                   status="unsupported", source=n,
                                   evidence=f"[{n}] {placed[0].label}")  # fmt: skip
        return ReasonCheck(text=word.word, start=start, end=end, kind="superlative",
                           status="supported", source=n,
                           evidence=f"[{n}] computed it ({word.group})")  # fmt: skip
    return ReasonCheck(
        text=word.word, start=start, end=end, kind="superlative", status="unsupported",
        evidence="no cited source computed it" if sentence.citations else "cites no source",
    )  # fmt: skip


def _check_move_size(
    word: Superlative,
    start: int,
    end: int,
    sentence: Sentence,
    subject: Subject | None,
    moves: list[Statement],
) -> ReasonCheck | None:
    """'XLP was the biggest mover' against a cited ranking's moves: supported when the market
    named moved the most (the least) in size, whichever way, as shown (to the hundredth);
    contradicted (a verdict the ranking refutes, cut like a wrong figure), naming the one that
    did, when another did; None when no cited source ranked two or more moves."""
    for n in sentence.citations:
        ranked = [st for st in moves if st.source == n]
        if len(ranked) < 2:
            continue
        sizes = {st.subject: round(abs(st.value), 2) for st in ranked}
        extreme = max(sizes.values()) if word.group == "largest move" else min(sizes.values())
        at = [st for st in ranked if sizes[st.subject] == extreme]
        shown = ", ".join(f"{name_of(st.subject)} {st.value:+.2f}%" for st in at)
        held = subject is not None and any(st.subject & subject for st in at)
        return ReasonCheck(text=word.word, start=start, end=end,
                           kind="superlative" if held else "verdict",
                           status="supported" if held else "unsupported", source=n,
                           evidence=f"[{n}] the {word.group} either way: {shown}")  # fmt: skip
    return None


# Agencies whose pages are statistics releases: "The energy index rose 2.3 percent", "airline
# fares" (the Bureau of Labor Statistics' CPI release) are consumer prices, no market's move;
# the model had drafted "The food index increased 0.7 percent …" as energy stocks' reason and
# "… as evidenced by the increase in … airline fares" as transports', both taken as supported.
_STATISTICS_AGENCIES = re.compile(
    r"\b(?:bureau\s+of\s+labor\s+statistics|bureau\s+of\s+economic\s+analysis|census\s+bureau|"
    r"federal\s+housing\s+finance\s+agency|fhfa)\b",
    re.IGNORECASE,
)


def statistics_release(source: NewsSource) -> bool:
    """Whether `source` is a statistics agency's release (its words name prices and data)."""
    return _STATISTICS_AGENCIES.search(source.publisher or "") is not None


def speaks_of_neither(sentence: str, source: NewsSource) -> bool:
    """Whether a reason drafted from an article read only for the wider market's move (it never
    names the market asked about) speaks of neither that market, nor the wider one, nor the
    market as a whole: "SoFi and Applied Digital experienced strong gains … due to the January
    effect" (drafted under tech's and transports' rise from a wrap of the January rally), "The
    yield on the 10-year Treasury fell to 4.11% … due to anticipation for cuts" (under consumer
    discretionary's fall): another's move, told as theirs."""
    if not source.about or not source.backdrop or names_subject(source, backdrop=False):
        return False
    said = CITATION.sub(" ", sentence)
    named = (Entity((), tuple(source.about)), Entity((), tuple(source.backdrop)), _backdrop())
    return not any(mentions(entity, said) for entity in named)


def names_subject(source: NewsSource, backdrop: bool = True) -> bool:
    """Whether what the model was shown of the article reports the market of the move it was
    read for (any article not read as a driver does: it is bound to no move): a sentence that
    names the instrument — or a wider market measured moving with it
    (`copilot.answering.backdrop`) — as a market that moved ("Bank stocks came under pressure
    after …", "Stocks Jump as Softer CPI Sends Treasuries Higher"). A wrap that never says
    "consumer staples" does not explain staples' fall, however well a sentence copies it; nor
    does an outlook piece that names "technology-led transformation" or previews "bank
    earnings" without a word of any market's move: the 1.5B model bridged both to the move
    ("…, which dragged tech lower on January 20"). `backdrop=False`: the instrument itself.
    With the stock market among the wider markets, a sentence that opens with it names it
    ("Stocks Slide as Tech Slips, …": bare "stocks" is the market only there, `MARKET_OPENS`)."""
    if not source.about:
        return True
    if statistics_release(source):
        return False
    names = [Entity((), tuple(source.about))]
    wider = bool(source.backdrop) and backdrop
    if wider:
        names.append(Entity((), tuple(source.backdrop)))
    market = wider and any(word in source.backdrop for word in MARKET_WORDS)
    return any(
        _a_market_move(part)
        and (any(mentions(name, part) for name in names) or (market and MARKET_OPENS.match(part)))
        for part in sentences(news_text(source))
    )


# Words of a market's move beyond the two directions' stems: "came under pressure", "weighed
# on", "were down 2%", "oil prices, which eased sharply", "a rout in …", "extends its run",
# "a winning streak".
_MARKET_MOVE = re.compile(
    r"\b(?:pressur\w*|weigh\w*|drag\w*|boost\w*|hurt\w*|fuel\w*|outperform\w*|streaks?|"
    r"(?:its|their)\s+(?:\w+\s+)?run|(?:winning|losing)\s+run|"
    r"underperform\w*|lagg\w*|mov(?:e|es|ed|ing)|swung|swing\w*|routs?|sell-?offs?|tank\w*|"
    r"eas(?:e|es|ed|ing)|firm(?:s|ed|er)|up|down|percent|points?|volatil\w*)\b|\d%",
    re.IGNORECASE,
)


def _a_market_move(sentence: str) -> bool:
    sentence = _A_KIND.sub(" ", sentence)
    return bool(
        _MARKET_MOVE.search(sentence)
        or names_direction(sentence, "up")
        or names_direction(sentence, "down")
    )


# "high-quality, low-risk paper", "high-yield bonds": a kind of thing, no move (an "all-time
# high" and a "six-week low" are moves: the compound ends in the word).
_A_KIND = re.compile(r"\b(?:high|low)-(?=[a-z])", re.IGNORECASE)


# Which markets a reason can be about instead of its own subject. The whole market ("stocks",
# "Wall Street") is the backdrop of every stock market move (not of a commodity's); rates,
# macro series, currencies and foreign markets are causes ("after softer CPI", "as Treasury
# yields eased", "China's export curbs"). Left: US stock sectors and industries, commodities
# and crypto — and, for an index's move, only the last two (its sectors and companies are its
# parts: "Apple and Microsoft led gains").
WHOLE_MARKET = frozenset({"SPY", "DIA", "RSP", "^GSPC", "SP500", "^DJI"})
MARKET = "SPY"  # the stock market as a whole, named as another market
INDEXES = WHOLE_MARKET | {"QQQ", "^IXIC", "IWM", "^RUT", "MDY", "IWF", "IWD", "IWN", "MAGS"}
STOCK_GROUPS = frozenset(sector_symbols()) | frozenset(SYMBOL_GROUPS["industry"]) | {
    "CIBR", "ICLN", "TAN", "URA", "SIL", "KIE", "MAGS"
}  # fmt: skip
_ASSETS = frozenset(i.symbol for i in KNOWN_SYMBOLS if i.kind in ("commodity", "crypto"))
# Markets whose news explains one another's moves: a sector and its industries, a materials
# fund and its metals and miners, energy and its fuels.
RELATED: tuple[frozenset[str], ...] = (
    frozenset({"XLK", "SMH", "IGV", "CIBR", "MAGS"}),
    frozenset({"XLF", "KRE", "KIE"}),
    frozenset({"XLI", "IYT", "ITA", "JETS"}),
    frozenset({"XLE", "OIH", "WTI", "BZ=F", "NG=F", "RB=F"}),
    frozenset({"XLB", "CPER", "GLD", "SLV", "PPLT", "GDX", "SIL"}),
    frozenset({"XLY", "XRT", "XHB"}),
    frozenset({"XLV", "IBB"}),
    frozenset({"XLU", "ICLN", "TAN", "URA"}),
)
# A basket and its parts: a part's news explains the basket's move and the basket's news each
# part's, but one part's news is no other's (gold's 0.3 % fall was given as oil's reason on
# January 2, 2026, when both were parts of one group).
BASKETS: dict[str, frozenset[str]] = {
    "DBC": frozenset({"WTI", "BZ=F", "NG=F", "RB=F", "GLD", "SLV", "PPLT", "CPER"}),
}


def related_markets(own: set[str]) -> set[str]:
    """The markets whose news explains a move of `own`: itself, its groups (`RELATED`), a
    basket's parts and a part's basket (`BASKETS`)."""
    related = own.union(*(group for group in RELATED if own & group))
    for basket, parts in BASKETS.items():
        if basket in own:
            related |= parts
        if own & parts:
            related.add(basket)
    return related


@lru_cache(maxsize=1)
def _backdrop() -> Entity:
    return Entity((), entity_for(sorted(WHOLE_MARKET)).phrases)


# A market named only as what another is measured against: "Gold rose as a safe haven against
# US Treasuries" (given for Treasuries' rise, seen in the eval), "small caps outpaced large
# caps", "bought stocks rather than bonds". The foil and at most four words after it, up to a
# break in the clause; "against a backdrop of weak data" is longer and stays.
_FOIL = re.compile(
    r"\b(?:against|versus|vs\.?|rather\s+than|instead\s+of|relative\s+to|compared\s+(?:with|to)|"
    r"more\s+than|outperform\w*|outpac\w*)(?:\s+[\w&.'’-]+){1,4}?"
    r"(?=\s*(?:[,.;:!?\[(]|$|\s(?:and|as|while|but|after|on|amid|because|due|in|since)\b))",
    re.IGNORECASE,
)


def another_market(sentence: str, source: NewsSource) -> str | None:
    """The market a reason speaks of when it names neither the move it is given for, nor a
    market related to it, nor the market as a whole: "Gold ownership is expected to keep
    expanding [4]" under financials' fall is a reason for gold, however well it copies the
    article; "Gold stocks rallied" under banks' rise is gold miners'. The stock market is the
    backdrop of stocks' moves only: "US stocks rose on Fed meeting focus and tech earnings
    anticipation [3]" under silver's 12.9 % jump is the stock market's reason (`MARKET`).
    A market named only as another's foil ("Gold rose as a safe haven against US
    Treasuries" under Treasuries' rise: `_FOIL`) is not the one the reason speaks of. None
    otherwise."""
    sentence = _FOIL.sub(" ", sentence)
    if not source.about or mentions(Entity((), tuple(source.about)), sentence):
        return None
    own = {s for word in source.about if (info := lookup(word)) for s in family(info.symbol)}
    related = related_markets(own)
    candidates = _ASSETS if own & INDEXES else _ASSETS | STOCK_GROUPS
    named = subject_mentions(sentence)
    rest = sentence
    for mention in reversed(named):  # what no market's name covers: "stocks fell as oil sank"
        rest = rest[: mention.start] + " " + rest[mention.end :]
    whole = mentions(_backdrop(), rest) or any(m.subject & WHOLE_MARKET for m in named)
    an_asset = bool(own) and own <= _ASSETS  # a metal's, a fuel's or a coin's move
    if whole and not an_asset:
        return None
    for mention in named:
        if mention.subject & related:
            return None
    others = [s for mention in named for s in sorted(mention.subject) if s in candidates]
    return others[0] if others else (MARKET if whole else None)


# "The Russell 2000 fell on 2026-01-23 due to a decline in IWM", "The small caps index (IWM)
# fell on 2026-01-23, which explains the move", "SLV fell … due to a big drop in silver at the
# end of January": the move said again as its own reason, written where an article gave none.
# Once its market's names, its dates, words of a move and these frame words are taken out,
# nothing is left. (A one-word cause stays: "Oil sank on oversupply".)
_RESTATED_WORDS = (
    "the a an of in on at as to by for from with and its their it this that which what these "
    "due because caused cause led leading explains explain explained reason reasons move moved "
    "moves moving movement decline declines drop drops rise rises fall falls gain gains loss "
    "losses big sharp large significant steep notable index fund etf shares share price prices "
    "value stock stocks sector market session day days week trading was were is are has had "
    "been be also reported reports according excerpt article end start beginning middle mid "
    "late early close closing january february march april may june july august september "
    "october november december monday tuesday wednesday thursday friday "
    # How it did, said of itself: "due to a decline in the sector's performance", "on the
    # strong performance of QQQ", "amid continued weakness in the group".
    "performance performances performed performing perform strong stronger weak weaker "
    "strength weakness overall general continued continuing momentum group industry segment "
    "sectors markets asset class level levels amid amidst after following driven drove "
    "dragged weighed lifted boosted helped hurt pushed pulled sent knocked down up "
    # the rest of an index's name: "the Dow Jones Industrial Average", "the Nasdaq Composite"
    "industrial average composite "
    # The move's own run, given as its cause: "due to a 13-day win streak", "as they extended
    # their winning streak to a record".
    "streak streaks win wins winning losing run runs row straight consecutive extend extends "
    "extended extending record records new high highs low lows longest hit hits reached they "
    "them first second third fourth fifth sixth seventh eighth ninth tenth"
)
_RESTATED = frozenset(_RESTATED_WORDS.split())
_A_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,4}(?:st|nd|rd|th)?\b")


def restates_the_move(sentence: str, source: NewsSource) -> bool:
    """Whether a reason drafted from `source` says nothing but the move it was read for."""
    if not source.about:
        return False
    own = {s for word in source.about if (info := lookup(word)) for s in family(info.symbol)}
    if own & WHOLE_MARKET:  # the whole market's indexes make one move: "… knocked down by the Dow"
        own |= WHOLE_MARKET
    rest = CITATION.sub(" ", sentence)
    for mention in reversed(subject_mentions(rest)):
        if not mention.subject & own:
            return False  # another market named: a cause ("as stocks fell"), judged elsewhere
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _A_DATE.sub(" ", rest)
    return all(w in _RESTATED or _a_move_word(w) for w in _words(rest))


def echoes_the_question(sentence: str, source: NewsSource, question: str) -> bool:
    """Whether a reason drafted from `source` says nothing but the move and the question's own
    words: "The long end of the Treasury bond market sold off post-nfp [2]" for "why did the
    long end sell off post-nfp?", "The move was due to a flight out of small caps on the 20th"
    (shown, marked unsupported, as the reasons in the app). A question that puts a cause to the
    test is not shown to the reasons turns (`copilot.agent`: they are asked about the move), so
    no draft echoes it."""
    if not source.about:
        return False
    words = _words(_A_DATE.sub(" ", CITATION.sub(" ", sentence)))
    # the market read for, in its words and the news's ("the Treasury bond market" for TLT);
    # its companies and drivers named in the question are a cause put to it ("XLY slipped on
    # monday. tesla's fault?": "Tesla's decline moved XLY" bears it out)
    symbols = [info.symbol for word in source.about if (info := lookup(word)) is not None]
    if not symbols:
        return False
    # (an article's `about` lists the market's companies and drivers too: the first market
    # named is the one it was read for)
    names = {w for phrase in (*entity_for(symbols[:1]).phrases, "market markets")
             for w in _words(phrase)}  # fmt: skip
    read_for = (*entity_for(symbols).words, *source.about)
    causes = {w for phrase in read_for for w in _words(phrase)} - names
    asked = set(_words(question)) - causes
    allowed = {singular(w) for w in asked | names | _TIES}
    return bool(words) and all(
        singular(w) in allowed or w in _RESTATED or _a_move_word(w) for w in words
    )


# The words that tie a move to what the question said of it: "which affected XLK", "caused by".
_TIES = frozenset({"affected", "affecting", "affects", "impacted", "impact", "caused", "causing",
                   "by", "which", "due", "to", "the", "of", "in", "a", "an", "was", "were", "sold",
                   "bought"})  # fmt: skip


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1]


# Words that tie an event to a move: "due to", "after", "as" (not "such as", "as well as"),
# "lifted", "aided", "drove" …, or name money moving: "traders rebalancing into small caps",
# "rotation", "buying".
_A_CAUSE = re.compile(
    r"\b(?:due\s+to|because|after|amid|(?<!such\s)(?<!well\s)as(?!\s+well\b)|on|following|"
    r"thanks\s+to|driv\w+|drove|led|lead\w*|"
    r"lift\w*|push\w*|pull\w*|sen[dt]s?|spark\w*|trigger\w*|caus\w*|result\w*|help\w*|"
    r"support\w*|spur\w*|prompt\w*|behind|hit|aid\w*|reflect\w*|why|into|away\s+from|"
    r"rotat\w*|rebalanc\w*|buying|buyers|bought|selling|sellers|sold|bets?|betting|flock\w*|"
    r"pour\w*|inflows?|outflows?|demand)\b",
    re.IGNORECASE,
)


def explains_nothing(sentence: str) -> bool:
    """Whether a drafted reason names no market's move and no cause of one: a fragment copied
    from its article ("Strong consumer spending and liquidity persist without emerging credit
    issues.", "Guests discuss sector impacts, Cisco upgrade, …" under a fall of tech), which
    the support score accepts as a near-copy of its excerpt."""
    rest = CITATION.sub(" ", sentence)
    return not _a_market_move(rest) and _A_CAUSE.search(rest) is None


# A market's move said and nothing after it: "The All-Country World Equity Index (ACWI) rose
# 1% [4]" (drafted under long Treasuries' rise in the first week of 2026, shown as supported).
# The mover is a market by its word ("index", "funds") that names none the registry knows: a
# known market's move alone may be the cause ("Treasury yields fell …" under TLT's rise, "gold
# rose" under miners', "stocks fell" under a flight to bonds), and a company's ("Oracle
# climbed 6.6%") may be a heavyweight's part of its index's: both are left to the judge.
_PLAIN_MOVE = re.compile(
    r"\b(?:rose|fell|gained|lost|climbed|dropped|declined|slid|jumped|surged|rallied|tumbled|"
    r"sank|plunged|slumped|soared|rebounded|advanced|retreated|edged\s+(?:up|down|higher|lower)|"
    r"dipped|(?:was|were|ended|closed|finished)\s+(?:up|down|higher|lower))\b",
    re.IGNORECASE,
)
_MARKET_NOUN = re.compile(
    r"\b(?:index|indexes|indices|stocks|equities|shares|bonds|treasuries|yields?|futures|"
    r"markets?|etfs?|funds?|prices)\b",
    re.IGNORECASE,
)


_ON_A_DAY = re.compile(
    r"\bon\s+(?:\d{4}-\d{2}-\d{2}|(?:mon|tues|wednes|thurs|fri)day|the\s+\d{1,2}(?:st|nd|rd|th)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b",
    re.IGNORECASE,
)


def only_a_move(sentence: str) -> bool:
    """Whether a drafted reason tells a market's move and nothing more: no cause, no words
    after the move but its size and its days."""
    rest = _ON_A_DAY.sub(" ", CITATION.sub(" ", sentence))  # "on Friday" is no cause
    move = _PLAIN_MOVE.search(rest)
    if move is None or _A_CAUSE.search(rest) or not _MARKET_NOUN.search(rest, 0, move.start()):
        return False
    if subject_mentions(rest[: move.start()]) or mentions(_backdrop(), rest[: move.start()]):
        return False
    after = _A_DATE.sub(" ", rest[move.end() :])
    return all(w in _RESTATED or _a_move_word(w) for w in _words(after))


def _a_move_word(word: str) -> bool:
    return names_direction(word, "up") or names_direction(word, "down")


def day_outside(sentence: str, source: NewsSource) -> NamedDays | None:
    """A day the sentence names outside the move the article was read for (None when it
    names none, or the article is bound to no move)."""
    if source.move is None:
        return None
    published = source.published_at.date()
    return outside_move(sentence, published, source.move, source.dated_to_day)


def reported_later(sentence: str, source: NewsSource) -> NamedDays | None:
    """The day the sentence dates its reason to when it comes after the article was published
    (`reason_days.after_publication`), else None."""
    return after_publication(sentence, source.published_at.date(), source.dated_to_day)


def check_reason(
    text: str,
    sentence: Sentence,
    sources: dict[int, DataSource | NewsSource],
    scorer: SupportScorer,
) -> ReasonCheck | None:
    """A sentence citing an article: supported by the best-supporting cited passage, or not."""
    cited_news = [(n, s) for n in sentence.citations
                  if isinstance(s := sources.get(n), NewsSource)]  # fmt: skip
    if not cited_news:
        return None
    body = text[sentence.start : sentence.end]
    on_subject = [(n, s) for n, s in cited_news if names_subject(s)]
    if not on_subject:  # every cited article was read for a move it never reports
        n, source = cited_news[0]
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"[{n}] reports no move of {source.about[0]}: what it "
                           "says is no reason for that move")  # fmt: skip
    wider = [(n, s) for n, s in on_subject if not speaks_of_neither(body, s)]
    if not wider:  # read for the wider market's move, it tells another's
        n, source = on_subject[0]
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"[{n}] was read for the wider market's move, and the "
                           f"sentence speaks of neither {source.about[0]} nor that market: "
                           "another's move is no reason for this one")  # fmt: skip
    on_subject = wider
    elsewhere = {n: another_market(body, s) for n, s in on_subject}
    on_subject = [(n, s) for n, s in on_subject if elsewhere[n] is None] or on_subject
    if elsewhere[on_subject[0][0]] is not None:  # every cited article: another market's reason
        n, source = on_subject[0]
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"it speaks of {elsewhere[n]}, not of {source.about[0]}: "
                           "another market's news is no reason for this move")  # fmt: skip
    outside = {n: day_outside(body, s) for n, s in on_subject}
    in_move = [(n, s) for n, s in on_subject if outside[n] is None]
    if not in_move:  # the reason is dated to another day than the move it is given for
        n, source = on_subject[0]
        named = outside[n]
        assert named is not None and source.move is not None
        first, last = source.move
        move = f"{first}" if first == last else f"{first} to {last}"
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"it names {named.words} ({named.label()}), outside the "
                           f"move ({move}): what happened then does not explain it")  # fmt: skip
    later = {n: reported_later(body, s) for n, s in in_move}
    in_time = [(n, s) for n, s in in_move if later[n] is None]
    if not in_time:  # the reason is dated after every cited article was published
        n, source = in_move[0]
        named = later[n]
        assert named is not None
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"it dates its reason to {named.words} ({named.label()}), "
                           f"after [{n}] was published ({source.published_at:%Y-%m-%d}): the "
                           "article cannot report it")  # fmt: skip
    forecast = forecast_words(body)
    if forecast is not None:  # an outlook copied as the move's reason
        n = in_time[0][0]
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n,
                           evidence=f"it forecasts (\"{forecast}\"): what a source expects to "
                           "happen is no reason for a move that has")  # fmt: skip
    if only_a_move(body):  # a market the registry does not know moved, and no cause is told
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=in_time[0][0],
                           evidence="it tells a market's move and nothing of its cause: no "
                           "reason for the move asked about")  # fmt: skip
    pattern = pattern_words(body)
    if pattern is not None:  # a rule of thumb copied as the move's reason
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=in_time[0][0],
                           evidence=f"it states a general pattern (\"{pattern}\"), not what "
                           "moved the market on the days asked about")  # fmt: skip
    cited_news = in_time
    best: tuple[float, int, str] = (-1.0, 0, "")
    for n, source in cited_news:
        passage = news_text(source)
        score = scorer.score(body, passage)
        if score > best[0]:
            best = (score, n, passage)
    score, n, passage = best
    shown = passage if len(passage) < 200 else passage[:197] + "…"
    from copilot.claims.topic_lists import copied_topic_list  # it reads this module's words

    listed = copied_topic_list(body, passage)
    if listed is not None:  # what a program covers, copied as the move's reason
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n, score=round(score, 3),
                           evidence=f"it copies [{n}]'s list of what the program goes "
                           f"through (\"{listed} …\"): topics discussed, not a cause of the "
                           "move")  # fmt: skip
    swapped = swapped_name(body, passage)
    if swapped is not None:  # the article's sentence, with another of its names put in
        ours, theirs = swapped
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n, score=round(score, 3),
                           evidence=f"[{n}] says it of {theirs}, not {ours}: {shown}")  # fmt: skip
    from copilot.claims.cause_ways import cause_of_the_other_way  # it reads this module's words

    turned = cause_of_the_other_way(body, passage)
    if turned is not None:  # the article's cause of a rise, given for a fall (or the reverse)
        way, told = turned
        move = "rise" if way == "up" else "fall"
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="unsupported", source=n, score=round(score, 3),
                           evidence=f"[{n}] gives this cause for a {move} (\"{told}\"), not "
                           "for the move the sentence explains")  # fmt: skip
    # A cause the article states in a sentence of its own settles it, whatever the score
    # ("QQQ fell … due to losses for Microsoft and Tesla" scored 0.56 against "The index was
    # weighed down by losses for Microsoft and Tesla"; `stated_cause`).
    from copilot.claims.stated_cause import cause_stated  # it reads this module's words

    said = cause_stated(body, passage)
    if said is not None:
        below = "" if score >= scorer.threshold else "below the support score, but "
        return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                           status="supported", source=n, score=round(score, 3), stated=True,
                           evidence=f"[{n}] {shown} ({below}the article gives this cause for "
                           f"a move: \"…{said}\")")  # fmt: skip
    status = "supported" if score >= scorer.threshold else "unsupported"
    return ReasonCheck(text=body, start=sentence.start, end=sentence.end, kind="reason",
                       status=status, source=n, score=round(score, 3),
                       evidence=f"[{n}] {shown}")  # fmt: skip
