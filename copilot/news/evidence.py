"""Move-centred retrieval: the stored articles that may explain one measured move.

`gather_evidence(store, symbols, direction, start, end, as_of)`:

1. forms several queries from the entity (symbol, registry aliases, news words), the move's
   direction and its dates (`evidence_terms.move_queries`) — never the raw question;
2. runs each through the store's search (dense + BM25, `search_by_embedding`, the engine of
   `search_news`; the queries are embedded in one batch) inside a publication
   window centred on the move: `start − lead_days` … the morning after its end (the next
   NYSE session, `morning_after`), and never after `as_of` (a hard limit: nothing published
   after it is read, whatever the window says). The window does not grow with `as_of`: asked
   a month later, the same move is searched in the same days (it reached three days past the
   move, and asked on the store's last day, later pieces crowded out the move's own:
   recall@3 0.686 and "no coverage" precision 0.750, against 0.738 and 0.818 then;
   `why_retrieval_bench.py`);
3. fuses the per-query rankings (reciprocal-rank fusion, article level) and weighs them by
   two priors of an explanation: it names the entity, it was published on the move's days
   or the morning after — the next session (`prior_relevance`); a wrap of those days that
   opens on another session is no driver (`_of_other_sessions`: a later one's is dropped, an
   earlier one's read only for a guess's mention);
4. diversifies with MMR over the chunk embeddings, and a penalty for a publisher already
   chosen, so no two drivers come from one article and near-copies rank low; then puts first
   the articles of the move's days whose headline says the instrument (or a wider market it
   moved with, `backdrop`) moved its way, read from every article of those days whatever the
   queries found (`headlines.move_headlines`: "Stocks Rise as Slower Payroll Growth Eases Rate
   Cut Uncertainty" ranked twelfth by its chunk, below a year's outlook pieces);
5. keeps as drivers the candidates that name the entity — or a bellwether company or a
   driver of it, `evidence_terms.DRIVERS` — (and the best `UNNAMED_TOP` even
   if they do not: a wrap may name the cause, not the instrument), so generic outlook
   pieces do not fill the sheet, and never a list of stock picks ("5 Stocks to Buy in January
   2026": a pick's appeal, no day's cause, `copilot.news.picks`); sizes it by the prompt's
   token budget: k drivers and an excerpt length that fit;
6. decides coverage: when no candidate published from the day before the move on names the
   entity with a similarity of at least `COVERAGE_SIMILARITY`, and none from the move's days
   says in its headline that the instrument moved, or in its text that a bellwether company
   of it did (`_says_it_moved`), the move's own news is missing. Its drivers are then the
   move's days' headlines (or wraps' ledes) that say a wider market it moved with (`backdrop`)
   moved its way — consumer discretionary's +1.9 % on January 21, 2026 went with the S&P
   500's +1.2 %, and "How major US stock indexes fared Wednesday, 1/21/2026" gives that
   day's cause while no article names the sector — and the answer says its reasons are the
   wider market's (`copilot.answering.gaps.backdrop_line`). With none of those either, the
   result says so (`no_coverage`) and carries no drivers, so the answer can say "no stored
   article explains this move" instead of leaning on outlook pieces. (Counting the wider
   market's articles as the move's own everywhere — in the ranking and the excerpts as well —
   displaced sectors' own news: key facts 121 → 116 in session 19.)
7. re-reads each driver over its whole article: a day's wrap matches on the line that states
   the move while its reason sits chunks further on, so the excerpt may come from another
   chunk of the same article (`_reason_chunk`), and the source cites that chunk; a wrap of
   the move's days read on a bare line of the move gets its lede in front, where wraps give
   the day's cause, or its later section on the market's move and cause when the lede gives
   none (`_with_the_days_lede`); a story stored twice is read once.

8. a cause the question puts to the test (`guess`: "was it the jobs report …") is one more query,
   and the candidates from the day before the move to the morning after whose text uses its
   words (`guess_check.mention_in`) are read at that sentence: the first drivers when the move
   is covered, cited for the mention alone when it is not (`Evidence.mentioning`).

9. the jobs and CPI reports released on the move's days (a move of a week at most) are read
   from those days' headlines that say what the data showed (`release_news`): context quoted
   by the tool as the day's scheduled data, never a driver (`Evidence.released`); so are the
   headlines of the move's days naming a listed company of its own sectors
   (`Evidence.company_news`: "Capital One Reports Mixed Q4 Earnings …" on financials' fall).

`search_news` is unchanged for its other callers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from copilot.claims.numbers import find_dates
from copilot.claims.reason_days import NamedDays, relative_days
from copilot.errors import InvalidArgumentError
from copilot.market.symbols import is_commodity, moves_against_stocks
from copilot.move_words import FALLS, RISES
from copilot.news.backdrop import MARKET_OPENS, MARKET_WORDS
from copilot.news.embeddings import Vector
from copilot.news.evidence_terms import (
    DOWN_WORDS,
    UP_WORDS,
    Direction,
    Entity,
    entity_for,
    gives_a_cause,
    is_boilerplate,
    mentions,
    move_queries,
    names_direction,
    opposite,
    reason_excerpt,
    reason_score,
    scores_in_context,
    sentences,
)
from copilot.news.guess_check import Mention, cut_at_word, guess_query, mention_in, telling_words
from copilot.news.headlines import (
    cosine,
    lede_says_it_moved,
    move_headlines,
    one_way,
    says_it_moved,
    yields_moved,
)
from copilot.news.lexical import RRF_K, tokens
from copilot.news.models import NewsHit, chunk_text
from copilot.news.picks import is_stock_picks
from copilot.news.present import published_label
from copilot.news.release_news import (
    ScheduledRelease,
    release_headlines,
    releases_in,
)
from copilot.news.search import search_by_embedding
from copilot.news.store import NewsStore
from copilot.news.week_review import reviewed_week, reviews_of_the_week, reviews_the_week
from copilot.understand.sessions import is_session, session_after

__all__ = [
    "COVERAGE_LEAD_DAYS",
    "COVERAGE_SIMILARITY",
    "DEFAULT_BUDGET_TOKENS",
    "Direction",
    "Driver",
    "Evidence",
    "fit_budget",
    "gather_evidence",
    "mmr_order",
    "prior_relevance",
    "rrf_articles",
    "sheet_tokens",
]

DEFAULT_BUDGET_TOKENS = 800
HEADER_TOKENS = 28  # "[n] Publisher, 2026-01-21: Title" and the fence around an excerpt
CHARS_PER_TOKEN = 4  # English prose, roughly, for the budget arithmetic
MIN_EXCERPT_CHARS = 160  # about one sentence: below this an excerpt loses its reason
MAX_EXCERPT_CHARS = 640
MAX_DRIVERS = 8
PER_QUERY = 12  # articles read per query before fusion
LEAD_DAYS = 3  # articles a few days before the move (a catalyst, a preview) still count
MMR_LAMBDA = 0.7  # relevance vs novelty
PUBLISHER_PENALTY = 0.1  # a second article from the same publisher ranks a little lower
ENTITY_BONUS = 0.25  # an article that names the entity is likelier to explain its move
OFF_DAYS_WEIGHT = 0.85  # published before the move or later than the morning after
UNNAMED_TOP = 2  # a driver must name the entity, unless it is among the best 2 candidates
HEADLINES_FIRST = 2  # of the move's days' headlines that say it moved, at most this many lead
COMPANY_NEWS = 2  # headlines of the move's days naming a company of its sectors, quoted
MENTION_POOL = 12  # candidates searched, whole, for a guessed cause
MENTIONERS = 2  # of them, at most this many are read first
# Coverage: some candidate names the entity, was published from the day before the move on
# (older pieces are previews and outlooks, not explanations), and its best chunk is at least
# this close (cosine, all-MiniLM-L6-v2) to one of the queries. Measured on
# benchmarks/data/why_queries.jsonl (results/why_retrieval.md): precision and recall of
# "no coverage" are best and flat for thresholds 0.45-0.50 (recall drops below 0.45).
COVERAGE_SIMILARITY = 0.45
COVERAGE_LEAD_DAYS = 1
# A driver's excerpt may come from another chunk of its article when that chunk carries the
# reason better and is at most this much further (cosine) from the move's nearest query.
SIBLING_SLACK = 0.1
NAMED_ONLY = 4  # a sentence that names the entity and nothing else: no reason to move for
MARKET = "SPY"  # a wrap's lede names the whole market as the news names SPY ("Wall Street")
LEDE_SENTENCES = 2  # the lede's move, then (often) its cause
# A headline that names the entity, its move's way and a cause, however weak ("… as …").
HEADLINE_POINTS = NAMED_ONLY + 2 + 1
# A wrap's second driver: a sentence that names the market, its move's way and a cause.
SECOND_POINTS = NAMED_ONLY + 2 + 2
FIRST_ROUND = 3  # drivers read before any second passage (a why-answer's reasons: 3)


@dataclass(frozen=True)
class Driver:
    """One candidate driver: an article's best chunk, its focused excerpt and its rank score."""

    hit: NewsHit
    excerpt: str
    score: float  # fused relevance, 1.0 for the best candidate
    similarity: float  # cosine of the chunk and its nearest query
    names_entity: bool

    @property
    def title(self) -> str:
        return self.hit.title

    @property
    def publisher(self) -> str:
        return self.hit.publisher

    @property
    def url(self) -> str:
        return self.hit.url

    @property
    def published(self) -> str:
        return published_label(self.hit)


@dataclass(frozen=True)
class Evidence:
    """The result: drivers for the evidence sheet, or an explicit lack of coverage."""

    symbols: tuple[str, ...]  # or the asker's words for a market no symbol is known for
    direction: Direction
    start: date
    end: date
    as_of: date
    since: date  # the publication window searched (inclusive)
    until: date
    queries: list[str]
    drivers: list[Driver]  # best first; empty when no_coverage
    ranked: list[Driver] = field(repr=False)  # every candidate, in final order
    excerpt_chars: int = MAX_EXCERPT_CHARS
    guess: str | None = None  # the cause the question put to the test
    mentions: dict[str, str] = field(default_factory=dict)  # article id → its mentioning sentence
    guess_checked: int = 0  # candidates whose whole text was searched for the guess
    # The articles that mention the guess, read there: the first drivers when the move is
    # covered; otherwise cited only for the mention.
    mentioning: list[Driver] = field(default_factory=list)
    # The next session's wrap saying the market went back after something was undone (its
    # excerpt is that sentence): context for the move, never one of its drivers.
    undone: Driver | None = None
    # The scheduled releases of the move's days (the jobs report, CPI), each with the headlines
    # of its day that say what it showed (their excerpt is the headline): context, no driver.
    released: list[tuple[ScheduledRelease, list[Driver]]] = field(default_factory=list)
    # The move's days' headlines naming a listed company of its own sectors (the excerpt is the
    # first sentence naming it): context quoted by the tool, never a driver.
    company_news: list[Driver] = field(default_factory=list)

    @property
    def no_coverage(self) -> bool:
        return not self.drivers

    @property
    def guess_days(self) -> tuple[date, date]:
        """The publication days searched for a guess: the day before the move to the morning
        after (never past as-of)."""
        return (self.start - timedelta(days=COVERAGE_LEAD_DAYS),
                min(morning_after(self.end), self.as_of))  # fmt: skip

    def gap_note(self) -> str:
        """What the answer says when nothing stored explains the move."""
        return (
            f"No stored article explains the move of {', '.join(self.symbols)} (searched news "
            f"published {self.since} to "
            f"{self.until}). Add coverage with `market-copilot ingest news --rss URL` "
            "(or `market-copilot ingest news PATH`), then ask again."
        )


def gather_evidence(
    store: NewsStore,
    symbols: Sequence[str],
    direction: Direction,
    start: date,
    end: date,
    as_of: date,
    *,
    budget_tokens: int = DEFAULT_BUDGET_TOKENS,
    lead_days: int = LEAD_DAYS,
    lag_days: int | None = None,
    min_similarity: float = COVERAGE_SIMILARITY,
    max_drivers: int = MAX_DRIVERS,
    names: Sequence[str] = (),
    guess: str | None = None,
    backdrop: Sequence[str] = (),
    companies: Callable[[str], list[str]] | None = None,
) -> Evidence:
    """The candidate drivers of `symbols`' move `direction` over [start, end], from news
    published in the window around it and never after `as_of`. `min_similarity` is the
    coverage threshold, calibrated for the bundled model (another embedder needs its own).
    `max_drivers` caps how many articles the budget is shared by (fewer, longer excerpts);
    `names` are the asker's words for the symbols ("Nvidia" for NVDA, which the registry lacks);
    `lag_days` sets the window's end that many days after the move's (default: the morning
    after); `guess` is a cause the question put to the test ("the jobs report"): it is searched
    for too, and the candidates that mention it are read first (`Evidence.mentions`);
    `backdrop` are wider markets measured moving the same way (its sector, "SPY"): their
    headlines of the move's days are read first after its own (`_with_the_days_headlines`);
    `companies` reads which listed companies of the move's own sectors a headline names
    (`Evidence.company_news`)."""
    if not symbols and not names:
        raise InvalidArgumentError("name at least one symbol whose move needs explaining.")
    if end < start:
        raise InvalidArgumentError(f"the move's end {end} is before its start {start}.")
    since = start - timedelta(days=lead_days)
    last = morning_after(end) if lag_days is None else end + timedelta(days=lag_days)
    until = min(last, as_of)
    entity = entity_for(symbols, names)
    subject = entity.symbols or (entity.primary,)  # the asker's words, for no stored symbol
    queries = move_queries(entity, direction, start, end)
    if guess:
        moves = UP_WORDS if direction == "up" else DOWN_WORDS
        queries.append(guess_query(guess, entity.phrases[0] if entity.phrases else entity.primary,
                                   moves[0]))  # fmt: skip
    empty = Evidence(subject, direction, start, end, as_of, since, until, queries, [], [])
    if since > until:  # the whole window lies after as-of
        return empty
    vectors = store.embedder.embed_queries(queries)  # one batch, one thread: the cheapest
    rankings = [
        search_by_embedding(store, vector, PER_QUERY, query, since=since, until=until, as_of=as_of)
        for query, vector in zip(queries, vectors, strict=True)
    ]
    fused, best = rrf_articles(rankings, prefer=lambda hit: _names(entity, hit))
    _with_reviews_of_its_week(store, queries, vectors, entity, direction, end, until, as_of,
                              fused, best)  # fmt: skip
    markets = [entity, *(entity_for([symbol]) for symbol in backdrop)]
    # The first chunks of the day before the move to the morning after, read once: the move's
    # days' headlines and the openings that say which session a wrap tells.
    firsts = store.first_chunks(start - timedelta(days=COVERAGE_LEAD_DAYS), until)
    told = _with_the_days_headlines(
        firsts, markets, direction, start, until, vectors, fused, best, store
    )
    way = {a: _way_of(market, entity, direction) for a, market in told.items()}
    before, after = _of_other_sessions(firsts, best, start, end)
    for article in after:  # a later session's news: no cause of this move
        del fused[article], best[article]
        told.pop(article, None)
    if not fused:
        undone = _undone_the_session_after(firsts, entity, direction, end, until)
        released = _the_days_releases(firsts, start, end, as_of, set())
        own = _company_news(firsts, companies, start, until, set())
        return replace(empty, undone=undone, released=released, company_news=own)
    named = {a: _names(entity, hit) for a, hit in best.items()}
    relevance = prior_relevance(fused, best, named, start, end)
    order = mmr_order(list(fused), relevance, _vectors(store, best), best)
    first = list(told)[:HEADLINES_FIRST]
    order = [*first, *(a for a in order if a not in first)]
    # An earlier session's wrap is read only for a mention of the question's guess: its line of
    # the move is that session's.
    # A list of picks tells no day's cause: never a driver (its naming the market still counts
    # for coverage, as any article of the move's days does).
    picks = {a for a in order if is_stock_picks(best[a].title)}
    eligible = {a for i, a in enumerate(order) if a not in before | picks
                and (named[a] or i < UNNAMED_TOP)}  # fmt: skip
    k, excerpt_chars = fit_budget(budget_tokens, min(len(eligible), max_drivers))
    ranked = [
        Driver(best[a], _excerpt(best[a], told.get(a, entity), way.get(a, direction),
                                 excerpt_chars),
               round(relevance[a], 4), round(best[a].score, 4), named[a])
        for a in order
    ]  # fmt: skip
    readable = [d for d in ranked if d.hit.article_id not in before]
    headlines = [d for d in readable if _says_it_moved(d, entity, direction, start, end)]
    covering = [d for d in readable if _covers(d, start, min_similarity)]
    if not headlines and not covering:  # a wrap that names the market chunks after its lede
        elsewhere = _named_elsewhere(store, entity, direction, readable)
        covering = [d for d in elsewhere if _covers(d, start, min_similarity)]
    covered = bool(headlines or covering)
    drivers = [d for d in ranked if d.hit.article_id in eligible][:k] if covered else []
    if not covered:  # nothing on the move itself: the wider market's wraps of its days
        drivers = [d for d in readable if told.get(d.hit.article_id, entity) is not entity][:k]
    said_so = [d for d in (headlines or covering) if d.hit.article_id not in picks]
    for said in said_so[:1]:  # the article that covers the move is read too
        if all(d.hit.article_id != said.hit.article_id for d in drivers):
            drivers = [*drivers[: k - 1], said]
    chunks = store.article_chunks([d.hit.article_id for d in drivers])
    # A wider market's headline is read for that market's move (its lines never name this one).
    about = {d.hit.article_id: _read_for(entity, told.get(d.hit.article_id, entity),
                                         chunks.get(d.hit.article_id, []), direction)
             for d in drivers}  # fmt: skip
    # Each read for its market's own way: a wider market's may be the other (the VIX's rise is
    # the stock market's fall).
    ways = {a: _way_of(market, entity, direction) for a, market in about.items()}
    # A wrap drawn by a wider market's headline whose lines give the instrument's own move is
    # excerpted for the instrument: under the VIX's fall on December 19, 2025 the excerpt of
    # "Stock Market News for Dec 22, 2025" read for the market's rise was "… the stock price
    # of Oracle climbed 6.6%", its line "The fear gauge … was down 11.6%" passed over.
    drivers = [
        replace(d, excerpt=_excerpt(d.hit, entity, direction, excerpt_chars))
        if about[d.hit.article_id] is entity and told.get(d.hit.article_id, entity) is not entity
        else d
        for d in drivers
    ]
    drivers = [
        _reason_chunk(d, chunks.get(d.hit.article_id, []), about[d.hit.article_id],
                      ways[d.hit.article_id], vectors, excerpt_chars)
        for d in drivers
    ]  # fmt: skip
    drivers = [_with_its_headline(d, about[d.hit.article_id], ways[d.hit.article_id],
                                  excerpt_chars)
               for d in drivers]  # fmt: skip
    drivers = [
        _with_the_days_lede(d, chunks.get(d.hit.article_id, []), about[d.hit.article_id],
                            ways[d.hit.article_id], start, end, excerpt_chars)
        for d in drivers
    ]  # fmt: skip
    drivers = [d for d in drivers if d.excerpt]  # nothing but a page's furniture: no reason
    # A story stored twice (a wrap republished under the next day's title) reads the same:
    # the model was shown it twice and drafted the same reason twice.
    drivers = [
        d for i, d in enumerate(drivers) if d.excerpt not in (e.excerpt for e in drivers[:i])
    ]
    drivers = _with_second_passages(drivers, chunks, about, ways, excerpt_chars)
    mentioning: list[Driver] = []
    mentioned: dict[str, str] = {}
    checked = 0
    if guess:  # the articles from the day before the move on that mention it
        # The sheet's own first, and with them an earlier session's wraps of the move's days:
        # no driver (their line of the move is that session's), they may tell its catalyst
        # ("… after Trump said on Friday that he would slap tariffs …" for Tuesday's fall).
        ours = {d.hit.article_id for d in drivers} | before
        lead = start - timedelta(days=COVERAGE_LEAD_DAYS)
        pool = [d for d in ranked[:MENTION_POOL]
                if _on_its_days(d.hit, lead, end) and d.hit.article_id not in picks]  # fmt: skip
        pool.sort(key=lambda d: d.hit.article_id not in ours)
        checked = len(pool)
        found = _mentions(store, pool, telling_words(guess), chunks)[:MENTIONERS]
        mentioning = [_at_its_mention(d, m, excerpt_chars) for d, m in found]
        mentioned = {m.article_id: m.sentence for _, m in found}
        if drivers:  # covered: they are read first, and the sheet keeps its size
            ids = {d.hit.article_id for d in mentioning}
            rest = [d for d in drivers if d.hit.article_id not in ids]
            drivers = [*mentioning, *rest][: max(k, len(mentioning))]
    read = {d.hit.article_id for d in [*drivers, *mentioning]}
    return Evidence(
        subject, direction, start, end, as_of, since, until, queries, drivers,
        ranked, excerpt_chars, guess, mentioned, checked, mentioning,
        _undone_the_session_after(firsts, entity, direction, end, until),
        _the_days_releases(firsts, start, end, as_of, read),
        _company_news(firsts, companies, start, until, read),
    )  # fmt: skip


def _company_news(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    companies: Callable[[str], list[str]] | None,
    start: date,
    until: date,
    read: set[str],
) -> list[Driver]:
    """The headlines of the move's days (to the morning after) that name a listed company of
    the move's own sectors, each with the first sentence of its text that names the company
    (or its headline again): financials fell on January 23, 2026, the day of "Capital One
    Reports Mixed Q4 Earnings, Announces $5B Fintech Acquisition" ("Capital One earned $3.86
    vs. expected $4.11 …"), which no query for financial stocks found. It never says
    financials fell, so it is no driver (the check rejects a reason its article does not give
    for the move): context, quoted by the tool. At most `COMPANY_NEWS`, none of the articles
    `read`, nor a list of picks."""
    if companies is None:
        return []
    found: list[Driver] = []
    for chunk_id, document, meta, _vector in sorted(firsts, key=lambda f: f[2]["published_ts"]):
        hit = NewsHit.from_chroma(chunk_id, document, meta, 1.0)
        if not hit.dated_to_day or not start <= hit.published_at.date() <= until:
            continue
        if hit.article_id in read or is_stock_picks(hit.title):
            continue
        if not (names := companies(hit.title)):
            continue
        told = next((line for line in sentences(chunk_text(document, hit.title))
                     if any(name in line for name in names) and line != hit.title.strip()),
                    "")  # fmt: skip
        found.append(Driver(hit, told or hit.title.strip(), 0.0, 0.0, True))
        if len(found) == COMPANY_NEWS:
            break
    return found


def _the_days_releases(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    start: date,
    end: date,
    as_of: date,
    read: set[str],
) -> list[tuple[ScheduledRelease, list[Driver]]]:
    """The jobs and CPI reports of the move's days with their headlines (`release_news`), none
    of the articles `read` (the drivers, and the articles the guess's note quotes). The release
    the question's guess names is told too: asked "What did the December 2025 jobs report
    show …?", the guess's note quoted a wrap's "Stocks Rise as Slower Payroll Growth …" and an
    outlook's line on November's jobless rate, never the day's "U.S. economy adds 50,000 jobs
    in December …", which no query for stocks ranked among the candidates it searches."""
    found = []
    for release in releases_in(start, end):
        hits = release_headlines(firsts, release, as_of, read)
        if hits:
            found.append((release, [Driver(h, h.title.strip(), 0.0, 0.0, False) for h in hits]))
    return found


# What a wrap says was undone: "rebounded after President Donald Trump called off
# Greenland-related tariffs that he had threatened to impose on Europe".
_UNDONE = re.compile(
    r"\b(?:call(?:ed|s)?\s+off|back(?:ed|s)?\s+(?:off|away|down)|scrap(?:ped|s)?|"
    r"walk(?:ed|s)?\s+back|withdr(?:ew|awn|aws)|revers(?:ed|es)\s+course|"
    r"(?:paused|postponed|delayed|suspended|lifted|dropped)\s+(?:the\s+|its\s+|his\s+|her\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:tariffs?|threats?|plans?|ban|sanctions?|curbs?|restrictions?)|"
    r"(?:won['\u2019]t|will\s+not|would\s+not)\s+impose)\b",
    re.IGNORECASE,
)


def _undone_the_session_after(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    entity: Entity,
    direction: Direction,
    end: date,
    until: date,
) -> Driver | None:
    """The lede of a wrap of the session after the move (published after its last day, by the
    morning after) that says the market went back the other way after something was undone:
    the day after January 20, 2026's sell-off, which no stored article reports, "The U.S.
    stock market rebounded after President Donald Trump called off Greenland-related tariffs
    that he had threatened to impose on Europe". The answer quotes it as the next session's
    news, never as the move's reported cause (a later wrap's figures are that day's)."""
    way = opposite(_the_markets_way(entity, direction))
    for chunk_id, document, meta, _ in firsts:
        hit = NewsHit.from_chroma(chunk_id, document, meta, 0.0)
        if not hit.dated_to_day or not end < hit.published_at.date() <= until:
            continue
        lede = sentences(chunk_text(document, hit.title))[:LEDE_SENTENCES]
        for sentence in lede:
            # A scraped lede may run on into the headline repeated under it: cut there.
            said = sentence.split(hit.title.strip())[0].strip()
            if (said and _UNDONE.search(said) and _leads_with(said, way)
                    and (mentions(_whole_market(), said) or mentions(entity, said))):  # fmt: skip
                return Driver(hit, said, 0.0, 0.0, True)
    return None


def _with_the_days_headlines(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    markets: Sequence[Entity],
    direction: Direction,
    start: date,
    until: date,
    queries: Sequence[Vector],
    fused: dict[str, float],
    best: dict[str, NewsHit],
    store: NewsStore,
) -> dict[str, Entity]:
    """The articles of the move's days whose headline says it moved (`move_headlines`), added
    to the candidates the searches found (as relevant as the least of them: their place is set
    apart) and returned best first, each with the market its headline names."""
    told: dict[str, Entity] = {}
    ways = [_way_of(market, markets[0], direction) for market in markets]
    for market, hit in move_headlines(store, markets, direction, start, until, queries, firsts,
                                      ways):  # fmt: skip
        if hit.article_id in told:
            continue
        told[hit.article_id] = market
        if hit.article_id not in fused:
            fused[hit.article_id] = min(fused.values(), default=1.0)
            best[hit.article_id] = hit
    return told


def _read_for(
    entity: Entity,
    told: Entity,
    chunks: Sequence[tuple[str, str, dict[str, Any], Vector]],
    direction: Direction,
) -> Entity:
    """The market an article is read for: the wider market whose headline drew it (`told`),
    unless a line of it says the move's own instrument, or a bellwether company of it, moved
    the move's way ("S&P 500 Hits Record Close …": "The major gainer of the tech-laden index
    was Marvell Technology … up 3.4%" is read for chips' rise, not the Dow's line)."""
    if told is entity:
        return entity
    for _, document, meta, _ in chunks:
        text = chunk_text(document, str(meta["title"]))
        if any(mentions(entity, line) and one_way(line, direction) for line in sentences(text)):
            return entity
    return told


def _mentions(
    store: NewsStore,
    pool: Sequence[Driver],
    terms: Sequence[tuple[str, ...]],
    read: dict[str, list[tuple[str, str, dict[str, Any], Vector]]],
) -> list[tuple[Driver, Mention]]:
    """The candidates whose headline or text (any chunk of the version found) mentions the
    guess, in `pool`'s order, each with its first mentioning chunk and sentence. `read`: the
    chunks already read (the drivers'); only the other candidates' are read now."""
    unread = [d.hit.article_id for d in pool if d.hit.article_id not in read]
    chunks = {**read, **store.article_chunks(unread)}
    found: list[tuple[Driver, Mention]] = []
    for driver in pool:
        hit = driver.hit
        if (headline := mention_in(hit.title, terms)) is not None:
            found.append((driver, Mention(hit.article_id, hit.chunk_id, hit.chunk_index,
                                          f"{hit.title}. {hit.text}", headline)))  # fmt: skip
            continue
        rows = [r for r in chunks.get(hit.article_id, []) if _same_version(r[0], hit)]
        for chunk_id, document, meta, _vector in sorted(rows, key=lambda r: r[2]["chunk_index"]):
            text = chunk_text(document, hit.title)
            sentence = mention_in(text, terms)
            if sentence is not None:
                index = int(meta["chunk_index"])
                found.append((driver, Mention(hit.article_id, chunk_id, index, text, sentence)))
                break
    return found


def _at_its_mention(driver: Driver, mention: Mention, limit: int) -> Driver:
    """The candidate read at its mention of the guess: that chunk, the excerpt from the
    mentioning sentence on."""
    hit = driver.hit.model_copy(update={"chunk_id": mention.chunk_id,
                                        "chunk_index": mention.chunk_index,
                                        "text": mention.chunk})  # fmt: skip
    return replace(driver, hit=hit, excerpt=_from_sentence(mention, limit))


def _from_sentence(mention: Mention, limit: int) -> str:
    """The chunk from the mentioning sentence on, whole sentences within `limit` (the first
    one cut at a word if it alone is longer)."""
    start = max(mention.chunk.find(mention.sentence), 0)
    kept: list[str] = []
    for sentence in sentences(mention.chunk[start:]):
        if kept and len(" ".join([*kept, sentence])) > limit:
            break
        kept.append(sentence)
    return cut_at_word(" ".join(kept), limit)


def rrf_articles(
    rankings: Sequence[Sequence[NewsHit]],
    k: int = RRF_K,
    prefer: Callable[[NewsHit], bool] | None = None,
) -> tuple[dict[str, float], dict[str, NewsHit]]:
    """Reciprocal-rank fusion of per-query article rankings: each article's summed
    1/(k + rank), and its representative chunk over all queries: the closest (highest
    similarity) of those `prefer` accepts (e.g. the ones naming the entity), else the
    closest of all."""
    fused: dict[str, float] = {}
    best: dict[str, NewsHit] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            fused[hit.article_id] = fused.get(hit.article_id, 0.0) + 1.0 / (k + rank)
            held = best.get(hit.article_id)
            if held is None or _better(hit, held, prefer):
                best[hit.article_id] = hit
    ordered = sorted(fused, key=lambda a: (-fused[a], a))
    return {a: fused[a] for a in ordered}, best


def _better(hit: NewsHit, held: NewsHit, prefer: Callable[[NewsHit], bool] | None) -> bool:
    if prefer is not None and prefer(hit) != prefer(held):
        return prefer(hit)
    return hit.score > held.score


def prior_relevance(
    fused: dict[str, float],
    best: dict[str, NewsHit],
    named: dict[str, bool],
    start: date,
    end: date,
) -> dict[str, float]:
    """Fused scores scaled to the best one (1.0), then weighed by two priors an explanation
    has: it names the entity (× (1 + `ENTITY_BONUS`)), and it was published on the move's
    days or the morning after (others × `OFF_DAYS_WEIGHT`, and so are dates known only to the
    month: their day is the scrape day, not a publication day)."""
    top = max(fused.values())
    scaled: dict[str, float] = {}
    for article, value in fused.items():
        hit = best[article]
        weight = 1 + ENTITY_BONUS if named[article] else 1.0
        if not _on_its_days(hit, start, end):
            weight *= OFF_DAYS_WEIGHT
        scaled[article] = value / top * weight
    return scaled


def _on_its_days(hit: NewsHit, start: date, end: date) -> bool:
    """Published on the move's days or the morning after, to the day (a month-only date's day
    is the scrape day, not a publication day)."""
    return hit.dated_to_day and start <= hit.published_at.date() <= morning_after(end)


def morning_after(day: date) -> date:
    """The next NYSE session: a Friday move's wrap is published on Monday ("Stock Market News
    for Jan 19, 2026" tells of Friday the 16th), as a Tuesday move's is on Wednesday, and a
    move before a market holiday is told on the session after it (Friday January 16, 2026's
    fall in "Stock Market News for Jan 20, 2026", published the Tuesday after Martin Luther
    King Day; December 31's in January 2's wraps)."""
    return session_after(day)


def mmr_order(
    articles: Sequence[str],
    relevance: dict[str, float],
    vectors: dict[str, list[float]],
    hits: dict[str, NewsHit],
    lam: float = MMR_LAMBDA,
    publisher_penalty: float = PUBLISHER_PENALTY,
) -> list[str]:
    """Maximal marginal relevance: repeatedly take the article with the best
    `lam·relevance − (1−lam)·max similarity to those taken − publisher penalty`.

    The similarities are one matrix product and each article's overlap with those taken is
    kept as a running maximum: ~50 candidates cost ~1 ms, not the ~0.4 s of cosines
    recomputed in Python at every pick."""
    left = list(articles)
    similarity = _similarity_matrix(left, vectors)
    # By position in `articles`: the highest similarity to one taken (none taken yet: 0).
    overlap = [-math.inf] * len(left)
    position = {article: i for i, article in enumerate(left)}
    chosen: list[str] = []
    publishers: set[str] = set()
    while left:

        def gain(article: str) -> float:
            repeat = publisher_penalty if hits[article].publisher.casefold() in publishers else 0
            similar = overlap[position[article]]
            similar = 0.0 if similar == -math.inf else similar
            return lam * relevance[article] - (1 - lam) * similar - repeat

        pick = max(left, key=lambda a: (gain(a), -left.index(a)))
        left.remove(pick)
        chosen.append(pick)
        publishers.add(hits[pick].publisher.casefold())
        if similarity is not None and pick in vectors:
            for i, similar in enumerate(similarity[position[pick]].tolist()):
                overlap[i] = max(overlap[i], similar)
    return chosen


def _similarity_matrix(articles: list[str], vectors: dict[str, list[float]]) -> Any:
    """Cosine similarity between every two articles (a numpy array, or None when no article
    has a vector); a row or column of an article without a vector is 0."""
    import numpy as np

    dims = next((len(v) for a in articles if (v := vectors.get(a))), 0)
    if not dims:
        return None
    matrix = np.zeros((len(articles), dims))
    for i, article in enumerate(articles):
        if vectors.get(article):
            matrix[i] = vectors[article]
    norms = np.linalg.norm(matrix, axis=1)
    unit = np.divide(matrix, norms[:, None], out=np.zeros_like(matrix), where=norms[:, None] > 0)
    return unit @ unit.T


def fit_budget(budget_tokens: int, available: int) -> tuple[int, int]:
    """(k, excerpt characters) that fit `budget_tokens`: as many drivers as allow at least
    `MIN_EXCERPT_CHARS` each (up to `MAX_DRIVERS` and what is available), then the longest
    excerpt, up to `MAX_EXCERPT_CHARS`, that keeps k of them inside the budget."""
    if budget_tokens <= 0:
        raise InvalidArgumentError(f"the prompt budget must be positive, not {budget_tokens}.")
    smallest = HEADER_TOKENS + math.ceil(MIN_EXCERPT_CHARS / CHARS_PER_TOKEN)
    k = max(1, min(MAX_DRIVERS, available, budget_tokens // smallest))
    room = (budget_tokens // k - HEADER_TOKENS) * CHARS_PER_TOKEN
    return k, max(MIN_EXCERPT_CHARS, min(MAX_EXCERPT_CHARS, room))


def sheet_tokens(drivers: Sequence[Driver]) -> int:
    """The budget arithmetic's estimate of what the drivers cost in a prompt."""
    return sum(HEADER_TOKENS + math.ceil(len(d.excerpt) / CHARS_PER_TOKEN) for d in drivers)


def _names(entity: Entity, hit: NewsHit) -> bool:
    return mentions(entity, f"{hit.title}\n{hit.text}")


def _named_elsewhere(
    store: NewsStore, entity: Entity, direction: Direction, ranked: list[Driver]
) -> list[Driver]:
    """The candidates whose title and best chunk do not name the entity but a sentence of
    another chunk of the same stored version does, saying it moved the move's way, marked as
    naming it. A day's wrap matches the move's queries on its lede and gives the sector
    paragraphs later ("The Industrial Select Sector SPDR (XLI) rose 1.7%"): judged on the lede
    alone, the wrap that gives the move did not name it, and the move was said to have no
    coverage. Only the coverage decision reads them: counted as naming the entity for the
    sheet's order too, they displaced drivers that name it where they matched. (Any mention in
    any chunk was too loose: a wrap's list of every sector covered days it did not explain.)"""
    unnamed = {d.hit.article_id: d for d in ranked if not d.names_entity}
    found: list[Driver] = []
    for article, chunks in store.article_chunks(list(unnamed)).items():
        driver = unnamed[article]
        if any(
            _says_so(entity, sentence, direction)
            for chunk_id, document, _meta, _vector in chunks
            if _same_version(chunk_id, driver.hit)
            for sentence in sentences(chunk_text(document, driver.hit.title))
        ):
            found.append(replace(driver, names_entity=True))
    order = {d.hit.article_id: i for i, d in enumerate(ranked)}
    return sorted(found, key=lambda d: order[d.hit.article_id])


def _says_so(entity: Entity, sentence: str, direction: Direction) -> bool:
    """Whether the sentence says the market moved `direction`'s way: throughout, or in the
    clause that names it ("Gold's price rose, and the value of the U.S. dollar weakened")."""
    return (mentions(entity, sentence) and one_way(sentence, direction)) or says_it_moved(
        entity, sentence, direction
    )


def _excerpt(hit: NewsHit, entity: Entity, direction: Direction, limit: int) -> str:
    return reason_excerpt(hit.text, entity, direction, limit)


def _reason_chunk(
    driver: Driver,
    chunks: Sequence[tuple[str, str, dict[str, Any], Sequence[float]]],
    entity: Entity,
    direction: Direction,
    queries: Sequence[Sequence[float]],
    limit: int,
) -> Driver:
    """The driver re-read over its whole article. A day's wrap matches the move's queries on
    the line that states the move ("The Energy Select Sector SPDR (XLE) … rose 2.4%") while its
    reason sits chunks further on ("Bank stocks came under pressure after Trump called for a
    10% cap … on credit card interest rates", where the chunk that matched was the wrap's
    "7 Best Stocks" footer). Another chunk of the same stored version is taken when a sentence
    of it names the entity and scores higher as a reason (the move's direction, a cause word)
    and the chunk is about as close to the queries, or, when the matched chunk does not name
    the entity at all (a top-ranked driver, or one read for naming it elsewhere:
    `_named_elsewhere`), however close: an excerpt that never names the market was not read
    for it."""
    hit = driver.hit
    points = _reason_points(hit.text, entity, direction)
    anywhere = not _names(entity, hit)
    chosen: tuple[str, dict[str, Any], str] | None = None
    for chunk_id, document, meta, vector in chunks:
        if chunk_id == hit.chunk_id or not _same_version(chunk_id, hit):
            continue
        text = chunk_text(document, hit.title)
        better = _reason_points(text, entity, direction)
        near = max((cosine(list(vector), list(q)) for q in queries), default=0.0)
        if better > max(points, NAMED_ONLY) and (
            anywhere or near >= driver.similarity - SIBLING_SLACK
        ):
            points, chosen = better, (chunk_id, meta, text)
    if chosen is None:
        return driver
    chunk_id, meta, text = chosen
    moved = hit.model_copy(
        update={"chunk_id": chunk_id, "chunk_index": int(meta["chunk_index"]), "text": text}
    )
    return replace(driver, hit=moved, excerpt=reason_excerpt(text, entity, direction, limit))


def _with_second_passages(
    drivers: list[Driver],
    chunks: dict[str, list[tuple[str, str, dict[str, Any], Vector]]],
    about: dict[str, Entity],
    ways: dict[str, Direction],
    limit: int,
) -> list[Driver]:
    """The sheet with a wrap's second driver of the move read after the first round. A day's
    wrap gives several ("… NVIDIA rose 3.9%" on the H200 news, then "… Oracle climbed 6.6%"
    on the TikTok deal), and one excerpt of it carried one: the other was never read, however
    well it explained the move. Another chunk of a driver's stored version is read as a driver
    of its own when a sentence of it names the market moving the move's way with a cause
    (`SECOND_POINTS`) and its excerpt repeats no sentence of an excerpt on the sheet. They are
    read after the first `FIRST_ROUND` drivers (each article's first excerpt goes first, so the
    reasons still come from distinct articles where there are enough), before the rest."""
    seconds: list[Driver] = []
    for driver in drivers:
        article = driver.hit.article_id
        entity, way = about[article], ways[article]
        best: tuple[int, str, dict[str, Any], str] | None = None
        for chunk_id, document, meta, _vector in chunks.get(article, []):
            if chunk_id == driver.hit.chunk_id or not _same_version(chunk_id, driver.hit):
                continue
            text = chunk_text(document, driver.hit.title)
            points = _reason_points(text, entity, way)
            if points >= SECOND_POINTS and (best is None or points > best[0]):
                best = (points, chunk_id, meta, text)
        if best is None:
            continue
        _, chunk_id, meta, text = best
        excerpt = reason_excerpt(text, entity, way, limit)
        if not excerpt or any(_shares_a_sentence(excerpt, d.excerpt) for d in drivers + seconds):
            continue
        hit = driver.hit.model_copy(
            update={"chunk_id": chunk_id, "chunk_index": int(meta["chunk_index"]), "text": text}
        )
        seconds.append(replace(driver, hit=hit, excerpt=excerpt))
    return [*drivers[:FIRST_ROUND], *seconds, *drivers[FIRST_ROUND:]]


def _shares_a_sentence(excerpt: str, other: str) -> bool:
    """Whether a sentence of `excerpt` is in `other` too (ellipses aside)."""
    return any(part.strip("… ") and part.strip("… ") in other for part in sentences(excerpt))


def _with_its_headline(driver: Driver, entity: Entity, direction: Direction, limit: int) -> Driver:
    """An excerpt led by the article's headline when the headline names the market moving the
    move's way, with a cause, and says more than any line of the excerpt: "US Stocks Rise as
    Dollar Weakens and Precious Metals Gain" over a summary of stocks and Cisco, read for
    silver's rise. The model is shown the excerpt alone, so a cause only the headline held was
    never written. The headline takes at most half the room."""
    title, excerpt = driver.hit.title.strip(), driver.excerpt
    names = Entity(entity.symbols, entity.phrases, entity.members)  # "mortgage rates" names none
    if not mentions(names, title) or title in excerpt or len(title) > limit // 2:
        return driver
    if not says_it_moved(names, title, direction):
        return driver
    headline = reason_score(title, entity, direction)
    if headline < HEADLINE_POINTS or headline <= _reason_points(excerpt, entity, direction):
        return driver
    rest = reason_excerpt(driver.hit.text, entity, direction, limit - len(title) - 2)
    return replace(driver, excerpt=f"{title}. {rest}")


def _with_the_days_lede(
    driver: Driver,
    chunks: Sequence[tuple[str, str, dict[str, Any], Sequence[float]]],
    entity: Entity,
    direction: Direction,
    start: date,
    end: date,
    limit: int,
) -> Driver:
    """A day's wrap read on a bare line of the move, with the wrap's cause line in front. A
    wrap tells the market's move and its cause first ("Wall Street closed sharply higher on
    Wednesday … Investors were optimistic over a Greenland agreement framework …") and the
    sectors' lines later, with no cause of their own ("The … Materials Select Sector SPDR
    (XLB) … rose … 1.9%"): read alone, that line left the model nothing to explain the move
    with ("QQQ rose due to a strong increase in the tech sector"). The cause line is the lede
    (the article's first chunk) when it says the market moved the move's way, and the first
    one that gives a cause; when the lede gives none ("U.S. stocks ended mostly flat on
    Friday"), the first later sentence that opens with the market, its move the move's way and
    a cause ("Stocks fell on Friday …, as investors assessed Trump's comments", under a
    section heading after the benchmarks' lines). It is read only from a wrap of the move's
    days (the day before to the morning after: another day's wrap tells another day's cause)
    and only when the excerpt gives no cause of its own. The fear gauge's market is read the
    other way: the VIX fell 11.6 % on a day "U.S. stock markets closed higher … after …". A
    commodity's line gets none: the stock market's cause is not the metal's or the fuel's
    ("Gold rose … because the S&P 500 climbed 0.5% Thursday" was drafted from it, in front
    of "… financial markets are still showing some signs of nervousness. Gold's price rose, and
    the value of the U.S. dollar weakened")."""
    hit = driver.hit
    if not _on_its_days(hit, start, end) or gives_a_cause(driver.excerpt):
        return driver
    if all(map(is_commodity, entity.symbols)):
        return driver  # the stock market's cause is none of gold's or oil's
    if driver.excerpt.startswith(f"{hit.title.strip()}. "):  # its headline gives the cause
        return driver
    way = _the_markets_way(entity, direction)
    own = sorted(((int(meta["chunk_index"]), doc) for chunk_id, doc, meta, _ in chunks
                  if _same_version(chunk_id, hit)), key=lambda chunk: chunk[0])  # fmt: skip
    parts = sentences(chunk_text(own[0][1], hit.title)) if own and own[0][0] == 0 else []
    if not all(_of_the_moves_days(part, hit, start, end) for part in parts[:LEDE_SENTENCES]):
        return driver  # another day's wrap: a Tuesday's after a holiday opens on Friday
    ledes = [parts[i : i + LEDE_SENTENCES] for i, part in enumerate(parts)
             if mentions(_market(), part) and _leads_with(part, way)]  # fmt: skip
    # The first that gives a cause ("… on easing concerns about new U.S. tariffs"), else a later
    # cause line, else the first: a headline-like "U.S. stocks rose and regained more of their
    # losses" says less.
    lede = next((lede for lede in ledes if gives_a_cause(" ".join(lede))), [])
    if not lede:  # the later chunks are read only when the lede gives no cause
        lede = _cause_line(own[1:], hit, way, start, end) or (ledes[0] if ledes else [])
    if not lede or lede[0] in driver.excerpt:  # none, or read already
        return driver
    lede_text = _fitted(lede, limit // 2)  # the move's own line keeps at least half the room
    rest = reason_excerpt(hit.text, entity, direction, limit - len(lede_text) - 1)
    joined = f"{lede_text} {rest}" if rest.startswith("…") else f"{lede_text} … {rest}"
    return replace(driver, excerpt=joined)


def _fitted(parts: Sequence[str], room: int) -> str:
    """Whole sentences of `parts` from the first while they fit in `room` characters; the
    first alone cut at a word when it is longer."""
    kept: list[str] = []
    for part in parts:
        if kept and len(" ".join([*kept, part])) > room:
            break
        kept.append(part)
    return cut_at_word(" ".join(kept), room)


def _with_reviews_of_its_week(
    store: NewsStore,
    queries: Sequence[str],
    vectors: Sequence[Vector],
    entity: Entity,
    direction: Direction,
    end: date,
    until: date,
    as_of: date,
    fused: dict[str, float],
    best: dict[str, NewsHit],
) -> None:
    """Add to the candidates the reviews of the move's week (`_reviews`) out after the window's
    end but by the next week's first session (and by `as_of`), each at its own fused score
    among them: a move of Monday and Tuesday is told in the Friday wrap's look back at the week.
    Searched apart, so that the window's own candidates stay as they were."""
    last = min(reviews_of_the_week(end), as_of)
    if last <= until:
        return
    rankings = [
        search_by_embedding(
            store,
            vector,
            PER_QUERY,
            query,
            since=until + timedelta(days=1),
            until=last,
            as_of=as_of,
        )
        for query, vector in zip(queries, vectors, strict=True)
    ]
    later, found = rrf_articles(rankings, prefer=lambda hit: _names(entity, hit))
    for article, hit in found.items():
        if article not in best and _reviews(hit, entity, direction):
            # Only its look back is read: the rest of the wrap tells its own day ("Wells Fargo
            # … ended 0.7% lower" was Friday's, drafted under the move of Monday and Tuesday).
            fused[article] = later[article]
            best[article] = hit.model_copy(update={"text": _the_review(hit.text, entity)})


def _the_review(text: str, entity: Entity) -> str:
    """The sentences of a week's review that tell the week or name the market, in order, cut
    apart by "…" where others stood between them."""
    lines = sentences(text)
    parts: list[str] = []
    last = None  # the index of the sentence kept before
    for at, line in enumerate(lines):
        if reviews_the_week(line) or mentions(entity, line):
            parts.append(line if last in (None, at - 1) else f"… {line}")
            last = at
    return " ".join(parts) or text


def _reviews(hit: NewsHit, entity: Entity, direction: Direction) -> bool:
    """Whether a piece out after the move's morning after is a review of its week that tells
    the move: dated to the day, it tells the week as a whole and says the market moved the
    move's way ("Meanwhile, financial stocks suffered for most of the week … Bank stocks came
    under pressure after Trump called for a 10% cap …", Zacks' wrap of Friday January 16, 2026,
    under regional banks' fall of January 12–13). Any other later piece tells later days."""
    text = hit.text
    # the question side's move words, wider than the excerpt scorer's ("came under pressure")
    way = RISES if direction == "up" else FALLS
    return (
        hit.dated_to_day
        and reviews_the_week(text)
        and any(mentions(entity, line) and way.search(line) for line in sentences(text))
    )


def _way_of(market: Entity, entity: Entity, direction: Direction) -> Direction:
    """The way `market` went when `entity` moved `direction`: its own way, or a wider market's
    (`backdrop`), which for the fear gauge is the stock market's other way."""
    return direction if market is entity else _the_markets_way(entity, direction)


def _the_markets_way(entity: Entity, direction: Direction) -> Direction:
    """The way the stock market went when `entity` moved `direction`: the same, but the other
    way for the fear gauge (the VIX rises as stocks fall)."""
    return opposite(direction) if any(map(moves_against_stocks, entity.symbols)) else direction


def _cause_line(
    chunks: Sequence[tuple[int, str]], hit: NewsHit, way: Direction, start: date, end: date
) -> list[str]:
    """The first sentence of later `chunks` that opens with the whole market, says it moved
    `way` and gives a cause, with the rest of its section (a wrap's section on the day's cause:
    "Stocks fell on Friday …, as investors assessed Trump's comments. The President said …
    Investors have been betting on Hassett …", up to the next heading). A sentence on a group
    ("Chip stocks gained …") does not open with the market."""
    for _, document in chunks:
        parts = sentences(chunk_text(document, hit.title))
        for i, part in enumerate(parts):
            if (MARKET_OPENS.match(part) and _leads_with(part, way) and gives_a_cause(part)
                    and _of_the_moves_days(part, hit, start, end)):  # fmt: skip
                section = [part]
                for following in parts[i + 1 :]:
                    if not _ENDS_A_SENTENCE.search(following):  # a heading: the section ends
                        break
                    section.append(following)
                return section
    return []


# A sentence's end (a heading, "Bank Stocks Suffer, Semiconductors Gain", has none).
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"”’)\]]*$")


def _of_other_sessions(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    best: dict[str, NewsHit],
    start: date,
    end: date,
) -> tuple[set[str], set[str]]:
    """The candidates published from the day before the move to the morning after that open
    on another session — before the move, and after it: the first of their first sentences
    that names a weekday and the whole market puts the day outside the move. A morning wrap
    tells the session before ("U.S. stocks ended flat on Friday …" in "Stock Market News for
    Jan 20, 2026", published the Tuesday after a holiday), an evening wrap of the morning
    after tells that day ("… fared Thursday, 1/15/2026" for a move that ended on Wednesday):
    read for the move, such a line gave another day's figure ("the VIX was up 0.13%" for
    Tuesday's 19 % jump). A sentence on the weekend's news names no market session ("Trump
    said on Saturday …", "Chip stocks may climb after …") and keeps its article. Published
    earlier, a wrap whose headline is a session before the move's first is that session's
    ("… | The Close 12/19/2025", Friday's, for Monday December 22's move). A week's review out
    on a Monday tells the week before (`reviewed_week`: "In a holiday-shortened trading week,
    … All major indices declined", read for Monday January 5's rise)."""
    lead = start - timedelta(days=COVERAGE_LEAD_DAYS)
    near = {a: hit for a, hit in best.items() if _on_its_days(hit, lead, end)}
    before = {a for a, hit in best.items() if _titled_an_earlier_session(hit.title, start)}
    after: set[str] = set()
    if not near:
        return before, after
    openings = {chunk_id: doc for chunk_id, doc, _, _ in firsts}
    for article, hit in near.items():
        # A post of a page of dated posts opens its own chunks (dated apart from the page's).
        document = next((chunk_text(doc, hit.title) for chunk_id, doc in openings.items()
                         if _same_version(chunk_id, hit)), hit.text)  # fmt: skip
        opening = sentences(document)[:LEDE_SENTENCES]
        session = next((named for part in opening if mentions(_whole_market(), part)
                        for named in _told(part, hit)), None)  # fmt: skip
        if session is None and hit.dated_to_day:  # "In a holiday-shortened trading week, …"
            day = hit.published_at.date()
            session = next((week for part in opening if mentions(_whole_market(), part)
                            if (week := reviewed_week(part, day))), None)  # fmt: skip
        if session is not None and session.last < start:
            before.add(article)
        elif session is not None and session.first > end:
            after.add(article)
    return before, after


def _titled_an_earlier_session(title: str, start: date) -> bool:
    """Whether the headline dates itself to a market session before `start` ("Big Tech Drags
    Stocks Lower | Open Interest 1/8/2026"). A morning wrap dated on the move's first day tells
    the session before, and is read by its lede instead (above)."""
    days = [found.day for found in find_dates(title) if found.day is not None]
    return len(days) == 1 and days[0] < start and is_session(days[0])


def _of_the_moves_days(sentence: str, hit: NewsHit, start: date, end: date) -> bool:
    """Whether every weekday the sentence names, read in the article's own week, is one of
    the move's days: a wrap published on Tuesday after a Monday holiday tells Friday's fall
    ("Stocks fell on Friday …"), no cause of Tuesday's move."""
    return all(named.first <= end and named.last >= start for named in _told(sentence, hit))


def _told(sentence: str, hit: NewsHit) -> list[NamedDays]:
    """The weekdays `sentence` names, placed in the article's own week (none for an article
    dated only to its month). Weeks are left out: "This week in the markets" in a recap
    published on Monday is the week before."""
    if not hit.dated_to_day:
        return []
    named = relative_days(sentence, hit.published_at.date())
    return [days for days in named if days.first == days.last]


@lru_cache(maxsize=1)
def _whole_market() -> Entity:
    """The whole market's names without a bare "stocks" ("Chip stocks …" is a group's)."""
    return Entity((), MARKET_WORDS)


@lru_cache(maxsize=1)
def _market() -> Entity:
    return entity_for([MARKET])


def _same_version(chunk_id: str, hit: NewsHit) -> bool:
    """Whether `chunk_id` is a chunk of the stored version `hit` was read from."""
    return chunk_id.startswith(f"{hit.chunk_id.rsplit('-', 1)[0]}-")


def _leads_with(sentence: str, direction: Direction) -> bool:
    """Whether the sentence's first word for a move is of `direction`'s way ("Wall Street
    closed sharply higher …, pulled up by energy" is a rise; "Stocks slipped as oil rose" a
    fall)."""
    for word in tokens(sentence):
        if names_direction(word, direction):
            return True
        if names_direction(word, opposite(direction)):
            return False
    return False


def _reason_points(text: str, entity: Entity, direction: Direction) -> int:
    """The best reason score of the text's sentences that name the entity (0 when none does:
    a sentence about something else is no reason for this move, however causal it sounds),
    never a page's furniture (an advertisement's "… the Zacks Top 10 Stocks gained +2,530.8%,
    more than QUADRUPLING the S&P 500's +570.3%" names the market rising)."""
    parts = sentences(text)
    scores = scores_in_context(parts, entity, direction)
    return max((points for part, points in zip(parts, scores, strict=True)
                if mentions(entity, part) and not is_boilerplate(part)), default=0)  # fmt: skip


def _says_it_moved(
    driver: Driver, entity: Entity, direction: Direction, start: date, end: date
) -> bool:
    """An article from the move's days (the day before to the morning after, `morning_after`) that
    says, in its headline, that the instrument moved its way — "Tech Fuels Rebound Ahead of CPI,
    Rate Decisions; Micron's Rosy Forecast" covers chips' rise on December 18, however far its
    chunk (a video's short description) lies from the move's queries (0.37, below
    `COVERAGE_SIMILARITY`) — or, in a sentence of its chunk, that a bellwether company did: "The
    index was weighed down by losses for Microsoft and Tesla" covers consumer discretionary's
    fall on January 2 (0.38: the queries name the sector, the wrap only its companies) — or,
    for a wrap titled by its day, in its lede (`lede_says_it_moved`). Only
    companies count in the body: a sector word there is often another market's ("production
    output fell … semiconductors" in a UK statistics note), and so do a bond market's yields
    moving the other way ("Treasury yields … rose following encouraging reports on the U.S.
    economy" covers intermediate Treasuries' fall on January 15, from its own day on;
    `yields_moved`). Words for both ways ("Silver and gold drop from records") say neither."""
    hit = driver.hit
    day = hit.published_at.date()
    on_its_days = start - timedelta(days=COVERAGE_LEAD_DAYS) <= day <= morning_after(end)
    if not hit.dated_to_day or not on_its_days:
        return False
    names = Entity(entity.symbols, entity.phrases, entity.members)  # a driver's way is its own
    if mentions(names, hit.title) and one_way(hit.title, direction):
        return True
    if hit.chunk_index == 0 and lede_says_it_moved(entity, hit.title, hit.text, direction):
        return True
    companies = Entity((), (), entity.members)
    told = day >= start  # yields named the day before tell that day's move
    return any(
        (bool(entity.members) and mentions(companies, sentence) and one_way(sentence, direction))
        or (told and yields_moved(entity, sentence, direction))
        for sentence in sentences(hit.text)
    )


def _covers(driver: Driver, start: date, min_similarity: float) -> bool:
    earliest = start - timedelta(days=COVERAGE_LEAD_DAYS)
    return (
        driver.names_entity
        and driver.similarity >= min_similarity
        and driver.hit.published_at.date() >= earliest
    )


def _vectors(store: NewsStore, best: dict[str, NewsHit]) -> dict[str, list[float]]:
    by_chunk = store.embeddings([hit.chunk_id for hit in best.values()])
    return {a: by_chunk[h.chunk_id] for a, h in best.items() if h.chunk_id in by_chunk}
