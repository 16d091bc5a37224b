"""What each source states: typed facts where the tool attached them, else the figures of the
text the model was shown, read with the same claim reader as the answer.

A news source states what its excerpt (the passage the model was shown), title and date say,
with signs read from the article's own direction words ("gold fell 4.4%" is -4.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from copilot.claims.extract import (
    Claim,
    clause_bounds,
    clause_words,
    extract_claims,
    period_sentences,
    sentence_key,
)
from copilot.claims.numbers import find_dates
from copilot.claims.reason_days import named_days
from copilot.claims.subjects import NO_SUBJECT, ONE_COMPANY_NOUNS, Subject, name_of
from copilot.claims.windows import StatedWindow
from copilot.facts import Fact
from copilot.market.symbols import family
from copilot.sentences import sentence_spans
from copilot.sources import DataSource, NewsSource, SourceLedger
from copilot.understand.companies import LEGAL_FORM

# Fact.measure names (the measure contract and the presets) → the claim reader's classes.
_MEASURE_CLASS = {
    "return": "move", "change": "move", "move": "move", "ytd_return": "move",
    "price_return": "move", "ytd": "move", "daily_return": "move", "yield_change": "move",
    "max_daily_return": "daily_extreme", "min_daily_return": "daily_extreme",
    "daily_move_size": "daily_size",  # a day's move, up or down alike (a typical day's: mean)
    "best_day": "daily_extreme", "worst_day": "daily_extreme",
    "weekly_return": "periodic", "monthly_return": "periodic",  # a week's / a month's move
    "best_gain": "move", "best_gain_since": "move", "n_session_return": "move",
    "yoy": "rate", "mom": "rate",  # a change over a year (a month): inflation, a rate
    "level": "level", "close": "level", "value": "level", "average": "level", "sma": "level",
    "high": "level", "low": "level", "max": "level", "min": "level", "peak": "level",
    "sma_distance": "sma_distance", "distance_from_sma": "sma_distance",
    "distance_from_peak": "peak_distance", "distance_from_trough": "peak_distance",
    "drawdown": "drawdown", "max_drawdown": "drawdown", "volatility": "volatility",
    "up_streak": "streak", "down_streak": "streak", "beat_streak": "streak", "streak": "streak",
    "up_days": "count", "down_days": "count", "new_highs": "count", "count": "count",
    "days_above": "count", "days_below": "count", "up_weeks": "count", "down_weeks": "count",
    "up_months": "count", "down_months": "count", "up_week_streak": "streak",
    "down_week_streak": "streak", "up_month_streak": "streak", "down_month_streak": "streak",
    "rank": "rank", "difference": "diff", "gap": "diff", "spread": "diff",
    "sessions": "window", "window": "window",
}  # fmt: skip
_UNIT = {"sessions": "count", "$": "$"}


@dataclass(frozen=True)
class Statement:
    """One value one source states about one subject and measure."""

    source: int
    subject: Subject
    versus: Subject
    measure: str | None
    value: float
    unit: str  # the claim reader's units: %, pp, bp, points, $, level, count, rank, date, year
    decimals: int | None  # precision as shown; None: exact (a typed fact)
    dates: frozenset[date]
    sessions: int | None
    label: str
    typed: bool  # from a Fact (not read from text)
    words: frozenset[str] = frozenset()  # read from text: its clause's content stems (or its
    # sentence's, when the clause has none)
    windows: tuple[StatedWindow, ...] = ()  # read from text: the window lengths it is written
    # with ("up 2.3% from a year ago")
    period: bool = False  # read from text: given for a week or longer ("for the week"), so no
    # one day's figure
    span: tuple[date, date] | None = None  # a typed value's window without its base: the months
    # it can be said of ("in December" for December's move, not for November's base close)
    on: date | None = None  # a typed extreme's own day (a best day's, a peak's)

    def describe(self) -> str:
        return f"[{self.source}] {self.label}"


def _fact_unit(fact: Fact) -> str:
    return _UNIT.get(fact.unit, fact.unit)


def _measure_class(fact: Fact) -> str | None:
    name = fact.measure.lower()
    if fact.unit == "pp":
        return "diff"
    if fact.unit == "rank":
        return "rank"
    if name in _MEASURE_CLASS:
        return _MEASURE_CLASS[name]
    # An aggregate's name ("min_drawdown", "max_distance_from_peak") is its measure's class:
    # the longest name inside it, never the aggregate's "min"/"max" read as a level.
    inside = [key for key in _MEASURE_CLASS if key in name]
    return _MEASURE_CLASS[max(inside, key=len)] if inside else None


def from_fact(n: int, fact: Fact) -> list[Statement]:
    dates = frozenset(d for d in (fact.start, fact.end, fact.base, fact.on) if d is not None)
    sessions = _sessions(fact.start, fact.end)
    if sessions is None and fact.base is not None and fact.end is not None:
        # A window recorded by its base close alone ("on 2026-01-22 vs 2026-01-21"): the
        # sessions after the base, through the end.
        with_base = _sessions(fact.base, fact.end) if fact.base < fact.end else None
        sessions = with_base - 1 if with_base else None
    span = (fact.start or fact.end, fact.end) if fact.end is not None else None
    if _measure_class(fact) == "periodic" and fact.on is not None:
        span = _period_of(fact.measure, fact.on)  # "in May" is said of the month itself
    found = [
        Statement(n, family(fact.subject), family(fact.versus) if fact.versus else NO_SUBJECT,
                  _measure_class(fact), fact.value, _fact_unit(fact), None, dates, sessions,
                  fact.label(), True, span=span, on=fact.on)
    ]  # fmt: skip
    if fact.unit == "rank" and fact.of:
        found.append(
            Statement(n, NO_SUBJECT, NO_SUBJECT, "count", float(fact.of), "count", None, dates,
                      None, f"{fact.of} ranked", True)
        )  # fmt: skip
    if fact.on is not None:
        found.append(
            Statement(n, family(fact.subject), NO_SUBJECT, "date", 0.0, "date", None,
                      frozenset({fact.on}), None, f"{fact.subject} {fact.measure} on {fact.on}",
                      True)
        )  # fmt: skip
    return found


def _moved_counts(n: int, facts: list[Fact], dates: frozenset[date]) -> list[Statement]:
    """How many of a ranking's instruments fell and how many rose over its window ("3 of the 11
    fell"), from their typed returns: what "11 sectors are in the red" is held to (it had been
    verified by the 11 ranked)."""
    size = max((f.of or 0 for f in facts if f.unit == "rank"), default=0)
    moves = {f.subject: f.value for f in facts if f.measure == "return" and f.versus is None}
    if size < 2 or len(moves) != size:  # a ranking's top alone says nothing of the rest
        return []
    fell = sum(value < 0 for value in moves.values())
    rose = sum(value > 0 for value in moves.values())
    return [
        Statement(n, NO_SUBJECT, NO_SUBJECT, measure, float(count), "count", None, dates, None,
                  f"{count} of the {len(moves)} ranked {way}", True)
        for measure, count, way in (("fell_count", fell, "fell"), ("rose_count", rose, "rose"))
    ]  # fmt: skip


def _period_of(measure: str, end: date) -> tuple[date, date]:
    """The calendar month, or the Monday-to-Sunday week, a period's move ending on `end` is of."""
    if "monthly" in measure:
        return end.replace(day=1), end
    return end - timedelta(days=end.weekday()), end


@lru_cache(maxsize=4096)
def sessions_in(start: date | None, end: date | None) -> int | None:
    """NYSE sessions in [start, end]: what "over the last N sessions" counts."""
    if start is None or end is None:
        return None
    if start == end:
        return 1
    from copilot.market.calendar import sessions_between

    try:
        return len(sessions_between(start, end))
    except Exception:
        return None


_sessions = sessions_in  # the benchmark's mutations read it under this name


_RANKED = re.compile(r"(?:^|[:;]\s*|\n)(?:#(\d{1,2})|(\d{1,2})\.)\s+(\^?[A-Z][A-Z0-9]{1,5})\b")
_BEST_WORST = re.compile(r"\b(best|worst)\s+(\^?[A-Z][A-Z0-9]{1,5})\b")


def _ranked_list(n: int, text: str, dates: frozenset[date]) -> list[Statement]:
    """'#1 XLK … ; #2 XLE …' (or '1. XLK') and 'best XLK, worst XLU' in a ranking's text."""
    ranks = {m[3]: int(m[1] or m[2]) for m in _RANKED.finditer(text)}
    found = [
        Statement(n, family(symbol), NO_SUBJECT, "rank", float(rank), "rank", 0, dates, None,
                  f"{symbol} ranked {rank}", False)
        for symbol, rank in ranks.items()
    ]  # fmt: skip
    size = max(ranks.values(), default=0)
    for m in _BEST_WORST.finditer(text):
        rank = 1 if m[1] == "best" else size
        if rank and m[2] not in ranks:
            found.append(Statement(n, family(m[2]), NO_SUBJECT, "rank", float(rank), "rank", 0,
                                   dates, None, f"{m[2]} {m[1]}", False))  # fmt: skip
    if size:
        found.append(Statement(n, NO_SUBJECT, NO_SUBJECT, "count", float(size), "count", 0,
                               dates, None, f"{size} ranked", False))  # fmt: skip
    return found


def from_text(
    n: int, text: str, extra_dates: frozenset[date], periods: frozenset[str] = frozenset()
) -> list[Statement]:
    """The figures of a source's text as statements (signs from its own direction words);
    `periods` are the sentences (`sentence_key`) its whole text gives a period longer than a
    day, where the part shown may not say so."""
    dates = frozenset(d.day for d in find_dates(text) if d.day is not None) | extra_dates
    found: list[Statement] = []
    ranked = _ranked_list(n, text, dates)
    ranked_spans = {s.label.split(" ")[0] for s in ranked}
    for claim in extract_claims(text):
        number = claim.number
        if claim.unit == "date":
            days = frozenset({number.day}) if number.day else frozenset()
            found.append(Statement(n, claim.subject, NO_SUBJECT, "date", 0.0, "date", None, days,
                                   None, number.text, False))  # fmt: skip
            continue
        if claim.unit == "count" and claim.measure is None and ranked_spans:
            continue  # a list position already read as a rank
        label = _label(text, claim)
        words = claim.words or claim.sentence_words
        if not claim.subject:
            words |= _told_before(text, claim.sentence[0])
        for subject in (claim.subject, *claim.shared):  # "X and Y each rose 0.9%": both did
            found.append(
                Statement(n, subject, NO_SUBJECT, claim.measure, claim.value, claim.unit,
                          number.decimals, dates, claim.sessions, label, False,
                          words, claim.windows,
                          claim.period or sentence_key(text[slice(*claim.sentence)]) in periods)
            )  # fmt: skip
    return found + ranked


# A sentence whose subject is the company the one before it named: "The major gainer … was
# Marvell Technology Inc. MRVL. The stock price of the AI semiconductor giant was up 3.4%."
_POINTS_BACK_TO_ONE = re.compile(
    r"\W*(?:the|its|this|that)\s+(?:[\w-]+\s+){0,5}?(?:stock|shares?|group|chipmaker|automaker|"
    rf"lender|bank|retailer|{ONE_COMPANY_NOUNS})(?![\w-])",
    re.IGNORECASE,
)


def _told_before(text: str, start: int) -> frozenset[str]:
    """The words of the sentence before the one starting at `start` when that one's subject
    points back to it (`_POINTS_BACK_TO_ONE`): what its figures are about."""
    if not _POINTS_BACK_TO_ONE.match(text, start):
        return frozenset()
    before = [(a, b) for a, b in sentence_spans(text) if b <= start]
    if not before:
        return frozenset()
    told = text[slice(*before[-1])]
    return clause_words(re.sub(rf"(?i)\b{LEGAL_FORM}(?!\w)", " ", told))  # "Inc." is no name


def _label(text: str, claim: Claim) -> str:
    """The clause that states the figure, led by its instrument when the clause omits it:
    'IWM: returned +8.32% over the 15 sessions'."""
    lo, hi = claim.sentence
    start, end = clause_bounds(text, claim.number.start, claim.number.end, lo, hi)
    clause = " ".join(text[start:end].split())
    lead = name_of(claim.subject) if claim.subject else ""
    if lead and lead not in clause:
        clause = f"{lead}: {clause}"
    return clause if len(clause) <= 90 else clause[:89] + "…"


def news_text(source: NewsSource) -> str:
    """What the model was shown of an article: its title, publisher, date (its month alone
    when no day is known) and excerpt."""
    body = source.excerpt or source.text
    when = f"{source.published_at:%Y-%m-%d}" if source.dated_to_day else (
        f"{source.published_at:%B %Y}")  # fmt: skip
    return f"{source.title} ({source.publisher}, {when}). {body}"


def with_window_base(facts: list[Fact]) -> list[Fact]:
    """A window's length with the base its source states for that window: the window [start,
    end] is also written "the N sessions from <base> to <end>" (the base is the last close
    before start, docs/windows-and-measures.md). A length recorded without its base (older
    tools, stored bundles) takes the one the same source's move over that window states."""
    bases: dict[tuple[str, date | None, date | None], date] = {
        (f.subject, f.start, f.end): f.base for f in facts if f.base and f.start
    }
    return [
        f.model_copy(update={"base": bases[(f.subject, f.start, f.end)]})
        if f.base is None and _measure_class(f) == "window" and (f.subject, f.start, f.end) in bases
        else f
        for f in facts
    ]


def reported_days(source: NewsSource) -> frozenset[date]:
    """The days an article's figures may be about, besides the dates it writes out: its
    publication day, and the weekdays its excerpt names ("climbed 0.5% Thursday"), read in its
    week; naming none, also the weekday before (a day's wrap is often dated the next morning:
    AP's "gold fell 4.6%" on Monday December 29 is stored as of the 30th). An article dated only
    to its month states no day of its own."""
    if not source.dated_to_day:
        return frozenset()
    day = source.published_at.date()
    named = [d.first for d in named_days(source.excerpt or source.text, day) if d.first == d.last]
    if named:
        return frozenset({day, *named})
    back = {0: 3, 6: 2}.get(day.weekday(), 1)  # Monday's or Sunday's: the Friday before
    return frozenset({day, day - timedelta(days=back)})


def statements_of(n: int, source: DataSource | NewsSource) -> list[Statement]:
    if isinstance(source, NewsSource):
        periods = period_sentences(source.text)  # the chunk: the excerpt may cut the opener
        return from_text(n, news_text(source), reported_days(source), periods)
    window = frozenset(d for d in (source.start, source.end) if d is not None)
    found: list[Statement] = []
    for fact in with_window_base(source.facts):
        found.extend(from_fact(n, fact))
    found.extend(_moved_counts(n, source.facts, window))
    # The text too: it shows closes and dates a tool may not have typed (not the definition's
    # formula: "close(base) - 1" states no figure).
    body, *definition = re.split(r"\bDefinition:", source.text, maxsplit=1)
    # The definition's calendar window states its days ("window: 2026-01-01 to the latest
    # data"): "from the last close before January 1" is said of it.
    for asked in _ASKED_WINDOW.findall(definition[0] if definition else ""):
        found.extend(st for st in from_text(n, asked, window) if st.unit == "date")
    typed = [(s.value, s.unit) for s in found]
    for st in from_text(n, body, window):
        # A figure the facts already type is read from them (with their window), not from text.
        if st.unit == "date" or not any(
            abs(st.value - value) <= 0.5 * 10.0 ** -(st.decimals or 0) + 1e-9
            and _FAMILY.get(st.unit) == _FAMILY.get(unit)
            for value, unit in typed
        ):
            found.append(st)
    return found


_ASKED_WINDOW = re.compile(r"\bwindow: \d{4}-\d{2}-\d{2}[^;\n]*")
_FAMILY = {"%": "signed", "pp": "signed", "bp": "signed", "points": "signed", "$": "level",
           "level": "level", "count": "count", "sessions": "count", "rank": "rank",
           "year": "year"}  # fmt: skip


def ledger_statements(ledger: SourceLedger) -> dict[int, list[Statement]]:
    return {n: statements_of(n, source) for n, source in ledger.items()}
