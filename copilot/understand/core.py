"""`understand()`: question + as-of + catalog → instruments, window, measure, direction, the
measure calls code settled, the slots left open, and a trace the user can read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from copilot.market.measure_model import MeasureArgs
from copilot.market.symbols import family, lookup, quoted_in_percent
from copilot.understand.catalog import Catalog
from copilot.understand.choose import (
    IndexAsk,
    choose_symbol,
    current,
    data_problems,
    frequency_note,
    monthly,
)
from copilot.understand.comparisons import (
    MOVE_NOUN,
    asks_news,
    asks_why,
    compares_performance,
    direction_of,
    names_benchmark_first,
    rank_by_calm,
    rank_by_depth,
    rank_of,
    states_a_move,
    versus_count,
    versus_position,
)
from copilot.understand.guesses import asks_for_a_figure, guessed_cause
from copilot.understand.inflation import inflation_asked
from copilot.understand.instruments import (
    BENCHMARK,
    Found,
    Mention,
    find_instruments,
    implied_market,
    known_symbol,
    unstored,
    warm_patterns,
)
from copilot.understand.market_event import market_event
from copilot.understand.measures import (
    STATISTICS_NOT_COMPUTED,
    VOLUME_NOT_MEASURED,
    Asked,
    attribute_compared,
    biggest_move_day,
    extreme_of_a_period,
    find_asked,
    gave_back_on_its_own,
    in_a_correction,
    near_an_extreme,
    not_market_data,
    percent_threshold,
    periodic_asked,
    periodic_move,
    prices_compared,
    sets_apart,
)
from copilot.understand.model import How, Instrument, Intent, Understanding, Window
from copilot.understand.periods import against_its_year, each_period, each_period_calls
from copilot.understand.relative import (
    RECENT_SESSIONS,
    compared_way,
    compares_a_point,
    days_extremes,
    edges_compared,
    forecast_asked,
    judged_periods,
    months_first_session,
    named_edges,
    points_compared,
    recent_span,
)
from copilot.understand.release_days import RELEASE_AT_TIME, came_out_spans
from copilot.understand.sessions import session_on_or_before, warm_calendar
from copilot.understand.undone import since_the_move_call
from copilot.understand.unnamed import unnamed_subject
from copilot.understand.vocabulary import spelled_out, styles_named
from copilot.understand.weekdays import weekday_calls, weekday_set, without_weekdays
from copilot.understand.window_build import sessions_window, without_a_session
from copilot.understand.windows import (
    RELEASE_NOUN,
    WindowFound,
    averages_compared,
    find_window,
)


@dataclass
class _Chosen:
    instruments: list[Instrument]
    starts: list[int]  # where each was named (for "X vs Y": the benchmark comes after)


def warm_up(catalog: Catalog | None = None) -> None:
    """Pay the once-per-process costs now (the NYSE calendar, the phrase pattern and, given a
    catalog, its company-name index), so the first question does not."""
    warm_calendar()
    warm_patterns()
    if catalog is not None:
        catalog.companies()


def understand(question: str, as_of: date, catalog: Catalog) -> Understanding:
    """Everything code can settle about `question` asked on `as_of` (deterministic)."""
    said, question = question, styles_named(question)  # read as styled, kept as said
    found = find_instruments(question, catalog)
    releases = _releases_named(found, question)
    masked = _blank(question, found.spans)
    words = spelled_out(masked)
    # "since its January 27 peak": a dated extreme is where a move starts, no extreme asked
    # (read as the day's highest level, the session of January 27 was measured)
    asked = find_asked(days_extremes(words, as_of, days_only=True, distances=False))
    beyond = not_market_data(words) or sets_apart(words)
    if beyond and re.fullmatch(VOLUME_NOT_MEASURED, beyond, re.I) and asks_why(words):
        beyond = None  # "why did SPY fall on heavy volume?": the move is what is explained
    # "on a risk-adjusted basis", "XLK's beta": a statistic no measure computes, whatever
    # move words come with it (its plain return was answered)
    statistic = beyond is not None and re.search(
        f"{STATISTICS_NOT_COMPUTED}|{VOLUME_NOT_MEASURED}", beyond, re.I
    )
    if beyond and (
        statistic
        or asked is None
        or (asked.measure, asked.aggregate) == ("level", "last")
        or attribute_compared(words)
        or sets_apart(words)
    ):
        asked = None  # "what is the P/E ratio of SPY": not a level of anything stored
    else:
        beyond = None
    periodic = periodic_move(words)
    if periodic is not None:
        # "the worst week since October": each week's move, its lowest; a quarter or a year is
        # no period the measures split a window into
        asked = periodic_asked(words)
        beyond = periodic if asked is None else None
    news = asks_news(words) and not asks_why(words)
    guess = guessed_cause(masked, question)
    if guess:  # "the PJM power auction": a name inside the cause is no market to measure
        _drop_unknown_within(found, guess)
    # "is the Fed to blame for …" asks why; "how much did bonds fall on the CPI print" a figure
    proposes = guess is not None and not asks_for_a_figure(words)
    why = asks_why(words) or news or states_a_move(words) or proposes
    # "walk me through SPY's monthly performance": a call per month; "gold's biggest monthly
    # gain" is one call, its months ranked inside it
    # (not "three straight weekly gains": weeks counted or in a row are one measure's own)
    per_period = asked is not None and asked.measure.endswith(
        ("_weeks", "_months", "_week_streak", "_month_streak")
    )
    each = each_period(words) if periodic is None and not per_period else None
    if why and each is not None and not _A_CAUSE_ASKED.search(words):
        why = False  # "walk me through SPY's monthly performance": the months' figures
    if news:
        beyond = None  # "what are analysts saying": the articles answer it, not a measure
    if beyond and why and _A_TIME_OF_RESULTS.search(words):
        beyond = None  # "why did banks trade heavy into earnings season": a time, not a measure
    if (
        why
        and asked is not None
        and asked.measure.startswith("distance_from")
        and (near_an_extreme(words) or in_a_correction(words))
    ):  # "why did XLK pull back from near its record high": the move is what is explained
        asked = MOVE
    if why and asked is not None and (asked.measure, asked.aggregate) == ("level", "last"):
        # "what was weighing on the S&P", "what's driving gold prices": reasons explain a move,
        # so an opening "what was" or a word for the price names no level to report
        asked = MOVE
    level = asked is not None and (asked.measure, asked.aggregate) == ("level", "last")
    if level and compares_a_point(words):  # "below its level at the start of May"
        asked = MOVE  # the present against a past point: the move since it
    if found.mentions and all(set(m.candidates) <= _FEAR_GAUGE for m in found.mentions):
        words = _MOOD.sub(" ", words)  # "what spooked everyone? the VIX …": no fall of the VIX
    # "what scared people? gold's jump after …": the instrument's own verb says its way
    # The guessed cause's own move words are the cause's: "did the dollar's drop push gold
    # higher" asks about gold's rise.
    asked_spans = [(m.start, m.end) for m in found.mentions]
    others = _blank_rates_moves(_blank_guess(masked, question, guess) if guess else masked,
                                question, asked_spans)  # fmt: skip
    unguessed = spelled_out(others) if others != masked else words
    direction = (_own_direction(others, found.spans) if why else None) or (
        None if why and _set_against_another(masked, found.spans) else direction_of(unguessed)
    )
    direction = direction or compared_way(words)  # "still below where it stood in May"
    if direction is None:  # "the bank selloff", "the chip rally": the event is in the name
        names = [question[start:end] for start, end in found.spans]
        direction = direction_of(" ".join(n for n in names if not guess or n not in guess))
    market_latest = session_on_or_before(as_of)
    # "the last 3 Fridays", "on Mondays this month": the days are read apart, the rest dated
    weekdays = weekday_set(words) if each is None and periodic is None else None
    window_found = _window_of(without_weekdays(words, weekdays), as_of, market_latest, asked)
    if asked is not None and asked.against_its_year and window_found.vague:
        window_found = WindowFound()  # "is silver pricey after its run?": its level now
    named = window_found.window is not None and window_found.window.explicit
    over = _OVER_A_PERIOD.search(words)
    if (
        over is not None
        and not named
        and not any(_is_release(c) for m in found.mentions for c in m.candidates)
    ):  # "TLT's year-over-year return", "QQQ lower week over week": over the past year (week);
        # of the CPI, its inflation rate
        words = f"{words} {_OVER_THE_PAST[(over['unit'] or over['short'])[0].lower()]}"
        window_found = _window_of(words, as_of, market_latest, asked)
    # "how big was the drop on January 20", "how much did HYG give up on January 20": that
    # session's move (not how far below the peak it closed that day)
    fell_that_day = asked is not None and (
        asked.measure == "drawdown"
        or (asked.measure == "distance_from_peak" and gave_back_on_its_own(words))
    )
    if fell_that_day and _one_day(window_found.window):
        asked = MOVE
    if asked is None and not beyond and (why or direction or _names_a_span(window_found)):
        asked = MOVE  # "spy ytd?", "XLE in November": the move over the period named
    if asked is None and not beyond and len(found.mentions) >= 2 and compares_performance(words):
        asked = MOVE  # "which one did better, iwm or spy?": their moves, side by side
    if asked == MOVE and not why and len(found.mentions) >= 2 and prices_compared(words):
        # "is silver cheaper than gold": their prices, not their moves ("is gold pricier than it
        # was a week ago?" is its move since)
        asked = LEVEL
    # (not a news question: "what is the news saying about the rally?" reads the news itself)
    implied = _the_market_by_its_event(found, why and not news, masked, question, catalog)
    chosen = _choose(found, catalog, window_found.window, asked, as_of, question)
    if asked == MOVE and not why and len(chosen.instruments) == 1:
        # "SPY's biggest drop in January": one market's biggest move inside the window
        inside = not _one_day(window_found.window)
        asked = (biggest_move_day(words) if inside else None) or asked
    if (rate := inflation_asked(asked, chosen.instruments, words)) is not None:
        asked = rate  # "what is inflation running at": the CPI's change over a year
    in_percent = chosen.instruments and all(_in_percent(i.symbol) for i in chosen.instruments)
    if in_percent and asked == MOVE and _SPREAD.search(words):
        asked = LEVEL  # the spread of two yields is their levels' difference, not moves'
    if in_percent and not why and (asked is None or asked.measure == "return"):
        # "did the VIX close above 20% this month": a level of a series quoted in %
        asked = percent_threshold(words) or asked
    if why and not chosen.instruments and not found.unknown and not found.soft_unknown:
        # "why did lumber fall?": what moved is named in words no lookup knows
        subject = unnamed_subject(masked)
        if subject is not None and (symbol := known_symbol(subject.phrase, catalog)):
            subject = unstored(subject.phrase, symbol, catalog)  # "nvda dump context pls"
        if subject is not None:
            found.unknown.append(subject)
    latest = _latest_of(chosen.instruments, catalog, as_of) or market_latest
    if latest != market_latest:
        window_found = _window_of(words, as_of, latest, asked)
    result = Understanding(question=said, as_of=as_of, why=why, direction=direction, guess=guess)
    if implied:
        result.trace.append(f"instruments: no market named; '{implied}' read as the US stock "
                            "market's move, as 'stocks' would be")  # fmt: skip
    for written, read in found.respelled:
        result.trace.append(f"instruments: '{written}' read as '{read}' (a misspelling)")
    _fill_instruments(result, found, chosen, asked)
    for phrase in releases:
        result.trace.append(f"instruments: '{phrase}' names a release (a cause asked about), not "
                            "a market that moved")  # fmt: skip
    _fill_window(result, window_found, asked, latest, catalog, words)
    if not result.problems and (forecast := forecast_asked(masked, as_of)) is not None:
        result.problems.append(forecast)
    _fill_intent(
        result, masked, words, asked, chosen, found, catalog, beyond, bool(window_found.also)
    )
    _fill_calls(result, asked, window_found.also, latest)
    if each is not None and not why:
        each_period_calls(result, each, latest, catalog)
    if weekdays is not None:
        weekday_calls(result, weekdays, latest)
    since_the_move_call(result, latest)  # "has XLK made back its January 20 losses?"
    if direction is not None:
        result.trace.append(f"direction: {direction}")
    if news:
        result.trace.append("news: the question asks what the articles say (the move, then the "
                            "news around it)")  # fmt: skip
    elif why:
        result.trace.append("why: the question asks for reasons (news around the move)")
    if guess:
        result.trace.append(f"guess: '{guess}' (a cause the question puts to the test: the "
                            "articles around the move are searched for it)")  # fmt: skip
    return result


RELEASE_KINDS = frozenset({"macro"})  # series published as a release: CPI
# "was it the CPI print that sank bonds", "treasuries rallied after the CPI report", "ahead of
# CPI": a series named with its release's word, or after a word of time, is the event, not a
# second market to measure (it was measured beside the bonds, and "the question says rise; CPI
# fell" was said of it).
_RELEASE_WORD = re.compile(
    rf"\s*(?:'s\s+)?(?:{RELEASE_NOUN}|surprise|miss|beat|day)\b", re.IGNORECASE
)  # "CPI day": the release's day


def _releases_named(found: Found, question: str) -> list[str]:
    """Drop from `found` the series named as a release beside another market; their phrases."""
    text = question.replace("’", "'")
    came_out = came_out_spans(text)  # "the day the CPI came out"
    release = [
        m for m in found.mentions
        if (_RELEASE_WORD.match(text, m.end) or RELEASE_AT_TIME.search(text[: m.start])
            or any(start <= m.start and m.end <= end for start, end in came_out))
        and all(_is_release(c) for c in m.candidates)
    ]  # fmt: skip
    released = {c for m in release for c in m.candidates}
    others = [m for m in found.mentions if m not in release]
    if not release or all(set(m.candidates) <= released for m in others):
        # "how did the CPI print come in?", "what's inflation running at according to the
        # latest CPI reading?": the series itself is asked about
        return []
    found.mentions = [m for m in found.mentions if m not in release]
    found.spans = [span for span in found.spans
                   if not any(span == (m.start, m.end) for m in release)]  # fmt: skip
    return [m.phrase for m in release]


def _the_market_by_its_event(
    found: Found, why: bool, masked: str, question: str, catalog: Catalog
) -> str:
    """The event's words when a why-question names no market but its event ("was the selloff
    on jan 20 about greenland?"): the whole market is taken as named (`implied_market`); ""
    otherwise."""
    if not why or found.mentions or found.sector_set is not None:
        return ""
    if found.unknown or found.soft_unknown:
        return ""
    event = market_event(masked)
    if event is None:
        return ""
    start, end = event.span()
    phrase = question[start:end]
    return phrase if implied_market(found, start, end, phrase, catalog) else ""


# Results named as a time: "into earnings season", "ahead of earnings", "after the results".
_A_TIME_OF_RESULTS = re.compile(
    r"\b(?:into|ahead\s+of|before|after|during|following|since|around|heading\s+into)\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:earnings|results)(?:\s+(?:season|reports?|week))?\b",
    re.IGNORECASE,
)


# A rate's or the dollar's move named beside the market asked about, as a noun phrase: "how did
# homebuilders handle the mortgage rate drop in january?" asks no way of homebuilders (had been
# a fall); "did the dollar drop?" (a verb) and "why the yield spike?" (the market asked) keep
# theirs.
_THE = r"\b(?:the|a|this|that|last\s+week's|today's)\s+(?:(?:mortgage|interest|treasury|bond)\s+)?"
_A_RATES_MOVE = re.compile(
    rf"{_THE}(?:rates?|yields?|dollar)['’]s\s+{MOVE_NOUN}\b|"  # "the dollar's slide"
    r"(?<!\bdid\s)(?<!\bdoes\s)(?<!\bdo\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bwill\s)"
    rf"{_THE}(?:rates?|yields?|dollar)\s+{MOVE_NOUN}\b",
    re.IGNORECASE,
)


def _blank_rates_moves(masked: str, question: str, asked: list[tuple[int, int]]) -> str:
    """`masked` with a rate's or the dollar's move blanked (`_A_RATES_MOVE`, read in the
    question: the rate may be blanked as a name the store lacks), unless the rate is a market
    asked about (its span among `asked`)."""
    for found in _A_RATES_MOVE.finditer(question):
        start, end = found.span()
        if any(start < e and s < end for s, e in asked):
            continue
        masked = masked[:start] + "·" * (end - start) + masked[end:]
    return masked


def _blank_guess(masked: str, question: str, guess: str) -> str:
    """`masked` with the guessed cause's words blanked (where the question says them)."""
    at = question.find(guess)
    return masked if at < 0 else masked[:at] + "·" * len(guess) + masked[at + len(guess) :]


def _drop_unknown_within(found: Found, guess: str) -> None:
    """Forget the names the store lacks that are part of the question's guessed cause."""
    within = guess.lower()
    found.unknown = [u for u in found.unknown if u.phrase.lower() not in within]
    found.soft_unknown = [u for u in found.soft_unknown if u.phrase.lower() not in within]


def _in_percent(symbol: str) -> bool:
    """A registry series whose values are percents (an unknown name is not taken to be one)."""
    return lookup(symbol) is not None and quoted_in_percent(symbol)


# Words that ask for a cause outright, beside "walk me through" (which also asks for figures)
_A_CAUSE_ASKED = re.compile(
    r"\bwhy\b|\bwhat\s+(?:drove|caused|pushed|sent|made|moved|lifted|hit)\b|\bdriv\w*\b|"
    r"\breasons?\b|\bbehind\b|\bexplain\w*\b",
    re.IGNORECASE,
)
# A period over the one before: "year over year", "week-on-week", "y/y", "q/q" ("m/m" and "mom"
# are the CPI's monthly rate, `inflation.py`; "wow" and "dod" are words).
_OVER_A_PERIOD = re.compile(
    r"\b(?P<unit>year|quarter|month|week|day)[\s-]+(?:over|on)[\s-]+(?P=unit)\b"
    r"|\b(?P<short>yoy|y/y|qoq|q/q)\b",
    re.IGNORECASE,
)
_OVER_THE_PAST = {"y": "over the past year", "q": "over the past quarter",
                  "m": "over the past month", "w": "over the past week",
                  "d": "over the last session"}  # fmt: skip


def _is_release(symbol: str) -> bool:
    info = lookup(symbol)
    return info is not None and info.kind in RELEASE_KINDS


# How far from its peak a market stood "at the end of January" (or gave up "into" it) is read at
# that close, the peak from all it had before: read as the window January 21-30, the peak was
# that of those days ("gave up 1.79%" from January 21's close, a high no asker meant).
_AT_A_PERIODS_END = re.compile(
    r"\b(?:at|into|going\s+into|heading\s+into)\s+(?=(?:the\s+)?(?:very\s+)?(?:end|close)\s+of\b)",
    re.IGNORECASE,
)


def _window_of(words: str, as_of: date, latest: date, asked: Asked | None) -> WindowFound:
    words = edges_compared(words)  # "below where it started the year": since the year's start
    words = named_edges(words, as_of)  # "the start of the year" → "the start of January 2026"
    words = judged_periods(words)  # "a good month for small caps" → "this month for small caps"
    words = points_compared(words)  # "below where it stood in May" → "below since May"
    if asked is None or asked.measure == "return":
        words = days_extremes(words, as_of)  # "off the January 20 low" → "since January 20"
    elif asked.measure in ("distance_from_peak", "distance_from_trough"):
        # "how much has gold given back since its January 28 peak": from that day's close on
        # (read as the window January 28 alone, the peak was the close itself: 0.00%)
        words = days_extremes(words, as_of, days_only=True, inclusive=True)
        words = _AT_A_PERIODS_END.sub("as of ", words)
    if asked is not None and (asked.measure, asked.aggregate) == ("level", "last"):
        words = months_first_session(words)  # "its level at the start of May": May's first
    found = without_a_session(find_window(words, as_of, latest), session_on_or_before(as_of))
    found = _own_window(found, asked, latest)
    spread = asked is not None and asked.measure == "volatility"
    if spread and found.window is None and not found.problems:
        found = recent_span(words, latest) or found  # "how volatile is silver right now"
    mean = asked is not None and (asked.measure, asked.aggregate) == ("level", "mean")
    return averages_compared(found, words) if mean else found


def _own_window(found: WindowFound, asked: Asked | None, latest: date) -> WindowFound:
    """'The 30-day average of the VIX' names its window in the measure words; 'above its
    200-day' names the average's span, not a window."""
    own_span = found.window is not None and asked is not None and found.window.sessions
    if asked is not None and asked.measure == "sma_distance" and own_span == asked.sma_window:
        return WindowFound()
    if asked is None or asked.window_sessions is None or found.window or found.problems:
        return found
    if found.vague:
        return found
    return sessions_window(asked.window_sessions, [], latest)


MOVE = Asked("return", "last", "return", "the move from the base close to the end close")
LEVEL = Asked("level", "last", "level", "the value at the end of the window")
# "the spread between TLT and IEF this month": of two prices, the gap of their moves (their
# levels are two funds' prices); of two yields, their levels' difference
_SPREAD = re.compile(r"\bspread\b", re.IGNORECASE)


def _names_a_span(found: WindowFound) -> bool:
    """A period (or a day) was named: with no measure words, the question asks its move."""
    window = found.window
    named = window is not None and (window.start is not None or window.sessions is not None)
    return named or found.all_time


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Instrument names blanked out (same length, with a mark that is neither a word nor a
    space, so "the S&P 500 last week" does not read as "the last week")."""
    chars = list(text.replace("’", "'"))
    for start, end in spans:
        chars[start:end] = "·" * (end - start)
    return "".join(chars)


# Measures of a record, read on the S&P 500 index's own series where it covers the window.
RECORD_MEASURES = frozenset({"new_highs", "distance_from_peak"})
# A move in points is an index's ("the S&P shed 143 points"); percentage and basis points
# are units of any move.
_INDEX_POINTS = re.compile(
    r"(?<!percentage\s)(?<!percent\s)(?<!basis\s)\b(?:points?|pts)\b", re.IGNORECASE
)
# "the S&P 500 fund", "the S&P 500 ETF": the fund's own price, not the index's level.
_THE_FUND = re.compile(r"\s*(?:'s\s+)?(?:fund|etf|spdr|tracker)\b", re.IGNORECASE)


def _choose(
    found: Found, catalog: Catalog, window: Window | None, asked: Asked | None, as_of: date,
    question: str = "",
) -> _Chosen:  # fmt: skip
    # A level, a record or the distance below one is the index's: SPY's price falls by each
    # dividend paid, so its closing records are not the S&P 500's (the index closed at records
    # on December 23 and 24, 2025; SPY on December 24 only).
    measure = asked.measure if asked is not None else None
    index_for: IndexAsk | None = (
        "a level" if measure == "level" else "a record" if measure in RECORD_MEASURES else None
    )
    if measure == "return" and _INDEX_POINTS.search(question):
        index_for = "points"  # "how many points did the S&P lose": the index's, not SPY's
    chosen = _Chosen([], [])
    seen: set[str] = set()
    # The only market asked about: a window its fund does not cover may be the index's.
    alone = len(found.mentions) == 1 and found.sector_set is None
    for mention in found.mentions:
        a_fund = _THE_FUND.match(question, mention.end) is not None
        symbol, why_note = choose_symbol(mention, catalog, window, None if a_fund else index_for,
                                         as_of, alone=alone and not a_fund)  # fmt: skip
        if symbol in seen:
            continue
        seen.add(symbol)
        chosen.instruments.append(_instrument(mention, symbol, why_note))
        chosen.starts.append(mention.start)
    if found.sector_set is not None:
        how: How = "sector_set" if found.set_name == "sector SPDRs" else "set"
        for symbol in found.set_symbols:
            if catalog.has(symbol) and symbol not in seen:
                seen.add(symbol)
                info = lookup(symbol)
                represents = info.represents if info else symbol
                chosen.instruments.append(
                    Instrument(symbol=symbol, phrase=found.sector_set, how=how,
                               represents=represents)
                )  # fmt: skip
                chosen.starts.append(-1)
    return chosen


def _instrument(mention: Mention, symbol: str, note: str) -> Instrument:
    info = lookup(symbol)
    represents = info.represents if info else mention.represents
    if note:
        represents = f"{represents}; {note}" if represents else note
    return Instrument(symbol=symbol, phrase=mention.phrase, how=mention.how, represents=represents)


def _latest_of(instruments: list[Instrument], catalog: Catalog, as_of: date) -> date | None:
    """The latest close all named instruments have (rolling windows count back from it)."""
    days = [catalog.latest(i.symbol, as_of) for i in instruments]
    known = [d for d in days if d is not None]
    if not known:
        return None
    return session_on_or_before(min(known))


def _fill_instruments(
    result: Understanding, found: Found, chosen: _Chosen, asked: Asked | None
) -> None:
    result.instruments = chosen.instruments
    result.unknown = list(found.unknown)
    if not chosen.instruments and asked is not None:
        result.unknown += found.soft_unknown  # "GDP" asked for, not just mentioned
    sector_words = [i for i in chosen.instruments if i.how in ("sector_set", "set")]
    for instrument in chosen.instruments:
        if instrument.how not in ("sector_set", "set"):
            result.trace.append(
                f"instruments: {instrument.phrase} → {instrument.symbol} ({instrument.represents})"
            )
    if sector_words:
        symbols = ", ".join(i.symbol for i in sector_words)
        result.trace.append(
            f"instruments: {sector_words[0].phrase} → the {len(sector_words)} {found.set_name} "
            f"({symbols})"
        )
    for unknown in result.unknown:
        result.trace.append(
            f"unknown: {unknown.phrase} → {unknown.reason}; to add it: {unknown.fix}"
        )
    if not chosen.instruments and not result.unknown:
        result.open_slots.append("instruments")
        result.trace.append("instruments: none named that the store knows (left to the model)")
    if found.groups_compared:
        # Asked whether cyclicals beat defensives, the model ranked the eight sectors and
        # wrote "defensive stocks held up better", citing XLF's lead (a cyclical): no store
        # measure averages a group, so code says what it can measure instead.
        result.problems.append(
            f"comparing the {found.groups_compared} sectors as groups is not a measure the "
            'store computes (it averages no group of funds); ask about one group ("how did '
            'defensive sectors do in December?"), or compare funds by name ("XLU vs XLF in '
            'December")'
        )


def _beyond_the_store(words: str) -> str:
    """Why a measure named in `words` cannot be answered, and what can be asked instead."""
    if periodic_move(words):  # "the worst week", "its best month"
        return (
            f"'{words}' is not a measure the market store computes: its moves are per session, "
            "per calendar week or month, or over a window you name, not per quarter or year; "
            'ask for the best or worst month ("IWM\'s worst month this year") or for a '
            'quarter\'s move by its dates ("IWM in the fourth quarter of 2025")'
        )
    if re.search(VOLUME_NOT_MEASURED, words, re.IGNORECASE):  # "SPY's average daily volume"
        return (
            f"'{words}' is not a measure the market store computes: it keeps each session's "
            "volume with its prices but measures moves, levels, volatility, drawdowns and "
            'streaks; ask for a move or a level ("SPY this month") or for its daily moves '
            '("SPY\'s biggest daily move this month")'
        )
    if re.search(STATISTICS_NOT_COMPUTED, words, re.IGNORECASE):  # "the most correlated"
        return (
            f"'{words}' is not a measure the market store computes: it measures moves, levels, "
            "volatility, drawdowns and streaks of each market, not statistics that pair two "
            "series or adjust for risk (correlation, beta, Sharpe); ask for their moves side by "
            'side ("XLK vs SPY in January") or their volatility ("which sector was most volatile '
            'in January")'
        )
    return (
        f"'{words}' is not in the market store: it holds daily closes and series values "
        "(prices, yields, the VIX, CPI), not fund or company data such as dividends, earnings, "
        'valuations or forecasts; ask for a move or a level ("XLU vs XLP this year")'
    )


def _as_asked(words: str, question: str) -> str:
    """`words` read from the masked question, with the instruments' names blanked there ("the
    week ······ crashed") written back as the question has them ("the week silver crashed")."""
    if "·" not in words:
        return words
    pattern = "".join(f".{{{len(part)}}}" if part.startswith("·") else re.escape(part)
                      for part in re.split(r"(·+)", words) if part)  # fmt: skip
    found = re.search(pattern, question.replace("’", "'"), re.IGNORECASE)
    return found.group(0) if found else words


def _fill_window(
    result: Understanding, found: WindowFound, asked: Asked | None, latest: date,
    catalog: Catalog, words: str,
) -> None:  # fmt: skip
    result.problems += found.problems
    if found.vague:
        found = replace(found, vague=_as_asked(found.vague, result.question))
        result.undated = found.vague
        result.open_slots.append("window")
        result.trace.append(
            f"window: '{found.vague}' is not a period code can date (left to the model)"
        )
        return
    if found.all_time and result.instruments:
        found = _from_first_close(found, result, catalog)
    if asked is not None and asked.measure in _FROM_AN_EXTREME and (day := _one_day(found.window)):
        found = _extreme_through(found, day, asked.measure)
    elif (
        asked is not None and asked.measure in _FROM_AN_EXTREME and found.window is not None
        and _has_data_in(result.instruments, found.window, catalog)  # not "its 2011 high"
    ):  # fmt: skip
        found = _since_the_extremes_period(found, found.window, words)
    if found.window is None:
        if not found.problems:
            result.window = _default_window(asked, latest, result, catalog)
            result.trace.append(f"window: none named → {result.window.label}")
            result.trace += _stale_notes(result, catalog)
        return
    market_latest = session_on_or_before(result.as_of)
    if found.window.end is None and latest < market_latest:
        result.trace.append(
            f"window: the data ends {latest.isoformat()}, before as-of's last session "
            f"({market_latest.isoformat()}): 'latest' is {latest.isoformat()}"
        )
    result.window = found.window
    result.trace.append(found.trace)
    result.trace += [f"window: {note}" for note in found.notes]
    for instrument in result.instruments:
        problem, note = data_problems(instrument.symbol, found.window, catalog, result.as_of)
        if problem:
            result.problems.append(problem)
        for said in (note, frequency_note(instrument.symbol, found.window, catalog)):
            if said:
                result.trace.append(f"window: {said}")


_FROM_AN_EXTREME = {"distance_from_peak": "highest", "distance_from_trough": "lowest"}


def _one_day(window: Window | None) -> Window | None:
    return window if window is not None and window.start is not None and (
        window.start == window.end) else None  # fmt: skip


def _extreme_through(found: WindowFound, day: Window, measure: str) -> WindowFound:
    """'How far below its peak was SPY on January 20': the distance that day from the extreme
    of the stored history through it. Over the day alone the peak is the day's own close and
    the distance always 0.00%."""
    extreme = _FROM_AN_EXTREME[measure]
    label = f"{day.label}, from the {extreme} close through it"
    end = day.end.isoformat() if day.end else ""
    trace = (f"window: {label} → the close of {end} against the {extreme} close of the stored "
             "history up to it (over one session alone it is its own extreme)")  # fmt: skip
    return replace(found, window=Window(start=None, end=day.end, label=label, explicit=True),
                   trace=trace)  # fmt: skip


def _has_data_in(instruments: list[Instrument], window: Window, catalog: Catalog) -> bool:
    """Every instrument has data inside the window (else the period's problem is said as it
    stands: "its 2011 high" of data that begins in 2025)."""
    metas = [catalog.get(i.symbol) for i in instruments]
    last = window.end or window.start
    return last is not None and all(m is not None and m.first <= last for m in metas)


def _since_the_extremes_period(found: WindowFound, window: Window, words: str) -> WindowFound:
    """'How far off its December low is copper' (asked in January): from the lowest close since
    December began to the latest close, not December's own last close. If a lower close came
    after December, that is the low measured, and its date is said."""
    if window.end is None or window.start is None or not extreme_of_a_period(words):
        return found
    label = f"since {window.label} (the extreme set from then on, to the latest close)"
    trace = (
        f"window: {label} → from {window.start.isoformat()} to the latest close: the "
        f"extreme named by its period ({window.label}), measured against the latest close"
    )
    return replace(found, window=Window(start=window.start, end=None, label=label,
                                        explicit=True), trace=trace)  # fmt: skip


def _from_first_close(found: WindowFound, result: Understanding, catalog: Catalog) -> WindowFound:
    """'Since inception': from the first stored close (the store's history, said as such)."""
    firsts = [m.first for i in result.instruments if (m := catalog.get(i.symbol)) is not None]
    if not firsts:
        return found
    first = max(firsts)
    label = f"all stored data (from {first.isoformat()})"
    window = Window(start=first - timedelta(days=1), end=None, label=label, explicit=True)
    trace = (
        f"window: {label} → from the first stored close ({first.isoformat()}) to the latest "
        "close; older history is not in the store"
    )
    return WindowFound(window=window, trace=trace)


def _stale_notes(result: Understanding, catalog: Catalog) -> list[str]:
    """'SP500's latest value is 2026-02-11': an instrument whose data stops well before as-of."""
    market_latest = session_on_or_before(result.as_of)
    notes = []
    for instrument in result.instruments:
        meta = catalog.get(instrument.symbol)
        if (
            meta is not None
            and meta.rows > 1
            and not current(catalog, instrument.symbol, market_latest)
        ):
            notes.append(
                f"window: {instrument.symbol}'s latest value is {meta.last.isoformat()}, before "
                f"as-of's last session ({market_latest.isoformat()})"
            )
    return notes


def _default_window(
    asked: Asked | None, latest: date, result: Understanding, catalog: Catalog
) -> Window:
    """No period named: the doc's defaults (the measure tool applies them; this says them)."""
    measure = asked.measure if asked is not None else None
    recent = result.why and measure == "return" and asked is not None and asked.aggregate == "last"
    if (
        recent
        and result.instruments
        and all(monthly(catalog, i.symbol) for i in result.instruments)
    ):  # "why are yields climbing?" of a monthly series: 20 observations are 20 months
        label = (
            "the recent move: the latest observation's change from the one before (a monthly "
            "series; the default for a why-question)"
        )
        return Window(sessions=1, label=label, explicit=False)
    if recent:
        label = (
            f"the recent move: the last {RECENT_SESSIONS} sessions to {latest.isoformat()} (the "
            "default for a why-question)"
        )
        return Window(sessions=RECENT_SESSIONS, label=label, explicit=False)
    if measure in (None, "return", "daily_return") and (asked is None or asked.aggregate == "last"):
        label = f"the latest session's move ({latest.isoformat()})"
    elif measure in ("mom", "yoy") and asked is not None and asked.aggregate == "last":
        label = f"the latest value released by {result.as_of.isoformat()}"
    elif measure == "level":
        label = f"the latest close ({latest.isoformat()})"
        if asked is not None and asked.aggregate != "last":
            label = _whole_history(result, catalog, latest)
    elif measure in ("up_streak", "down_streak", "beat_streak"):
        label = f"the streak running through the latest close ({latest.isoformat()})"
    elif measure == "sma_distance":
        label = f"the latest close ({latest.isoformat()}) against its moving average"
    elif measure in ("volatility", "daily_move_size"):
        label = _last_year(result, catalog, latest, measure)
    else:
        label = _whole_history(result, catalog, latest)
    return Window(label=label, explicit=False)


def _last_year(
    result: Understanding, catalog: Catalog, latest: date, measure: str = "volatility"
) -> str:
    """Volatility's default span (a typical day's move shares it), or all stored data when that
    is less than a year (the model wrote "over the last year" of 238 moves, and the check cut
    it)."""
    span = "volatility's default span" if measure == "volatility" else "the default span"
    firsts = [m.first for i in result.instruments if (m := catalog.get(i.symbol)) is not None]
    if firsts and max(firsts) > latest - timedelta(days=365):
        return (f"all stored data, {max(firsts).isoformat()} to {latest.isoformat()} (less than "
                f"the last year, {span})")  # fmt: skip
    return f"the last year to {latest.isoformat()} ({span})"


def _whole_history(result: Understanding, catalog: Catalog, latest: date) -> str:
    firsts = [m.first for i in result.instruments if (m := catalog.get(i.symbol)) is not None]
    begins = f"{max(firsts).isoformat()} to " if firsts else ""
    return f"the whole stored history ({begins}{latest.isoformat()})"


def _fill_intent(
    result: Understanding, masked: str, words: str, asked: Asked | None, chosen: _Chosen,
    found: Found, catalog: Catalog, beyond: str | None, periods_compared: bool,
) -> None:  # fmt: skip
    if asked is None:
        if beyond and (result.problems or not result.why):
            # Left to the model, it filled the slot with a measure the store has: "XLU pays a
            # better dividend with a sum of daily moves of +8.63%", a P/E ratio answered with
            # SPY's average daily move. Code says what the store holds instead (once: a
            # forecast for next month is already refused for its date).
            if not result.problems:
                result.problems.append(_beyond_the_store(beyond))
            result.trace.append(f"measure: '{beyond}' is not a measure the market store computes")
        elif beyond:
            result.open_slots.append("measure")
            result.trace.append(
                f"measure: '{beyond}' is not a measure the market store computes (daily closes "
                "and series values, moves per session or over a window): left to the model"
            )
        elif result.instruments:
            result.open_slots.append("measure")
            result.trace.append("measure: no measure words (left to the model)")
        return
    instruments = result.instruments
    rank = rank_of(words, len(instruments), found.sector_set is not None)
    rank = rank_by_depth(words, asked.measure, rank)
    rank = rank_by_calm(words, asked.measure, rank)
    versus = _versus(masked, chosen, rank, asked, catalog)  # positions: the unchanged text
    if result.window is not None and periods_compared:
        versus = None  # "XLE in Q4 vs Q3": the comparison is between periods
    if versus_count(masked) >= 2 and len(instruments) >= 3:
        versus, rank = None, (rank if rank != "none" else "desc")  # "SPY vs QQQ vs IWM"
    if versus is not None and len(instruments) == 2:
        rank = "none"  # two instruments and a benchmark: the comparison says it all
    if rank != "none" and (asked.measure, asked.aggregate) == ("level", "last"):
        asked = MOVE  # "the top 3 sectors": ranked by their move, prices are not comparable
    if asked.measure == "beat_streak" and versus is None:
        asked = Asked(
            "up_streak", "last", "winning streak",
            "consecutive sessions to the end that closed above the previous close",
        )  # fmt: skip
    label, definition = _wording(asked, instruments)
    result.intent = Intent(
        measure=asked.measure, aggregate=asked.aggregate, rank=rank, versus=versus, label=label
    )
    line = f"measure: {label} = {definition}"
    if rank != "none":
        line += "; ranked from the " + ("highest" if rank == "desc" else "lowest")
    if versus:
        line += f"; compared with {versus}"
    result.trace.append(line)


def _versus(masked: str, chosen: _Chosen, rank: str, asked: Asked, catalog: Catalog) -> str | None:
    """The benchmark: the instrument named after 'vs' / 'beat' / 'than' (or the second one
    after 'compare'); SPY for a beat streak of one instrument."""
    instruments = chosen.instruments
    position = versus_position(masked)
    named = [(s, i) for s, i in zip(chosen.starts, instruments, strict=True) if s >= 0]
    if position is None and asked.needs_benchmark and len(named) >= 2:
        return named[-1][1].symbol
    if position is not None and len(named) >= 2:
        after = [i for s, i in named if s > position]
        if rank != "none":
            return after[0].symbol if after and len(after) < len(named) else None
        if after and len(after) == len(named) and names_benchmark_first(masked):
            return after[0].symbol  # "how far ahead of SPY is QQQ"
        if not after or len(after) == len(named):  # "compare X and Y", "X and Y compared"
            return named[-1][1].symbol
        return after[0].symbol
    alone = len(instruments) == 1 and instruments[0].symbol != BENCHMARK
    if asked.needs_benchmark and alone and catalog.has(BENCHMARK):
        return BENCHMARK
    return None


def _wording(asked: Asked, instruments: list[Instrument]) -> tuple[str, str]:
    kinds = {(info.kind if (info := lookup(i.symbol)) else "") for i in instruments}
    if asked.measure == "return" and kinds == {"yield"}:
        return "change (bp)", "(end − base) × 100 basis points"
    if asked.measure == "return" and kinds and kinds <= {"volatility", "macro", "yield"}:
        return "change", "end − base in points (and end / base − 1 in %)"
    return asked.label, asked.definition


def _fill_calls(
    result: Understanding, asked: Asked | None, also: list[Window], latest: date
) -> None:
    if result.intent is None or not result.instruments or result.problems or result.open_slots:
        return
    intent, window = result.intent, result.window
    symbols = [i.symbol for i in result.instruments]
    if intent.versus and intent.measure == "beat_streak":
        symbols = [s for s in symbols if s != intent.versus] or symbols
    elif intent.versus and intent.versus in symbols:
        symbols = [s for s in symbols if s != intent.versus] + [intent.versus]
    explicit = window is not None and window.explicit
    end = window.end if explicit and window else None
    if also and explicit and end is None:  # "this month vs last month": both bounded, so the
        end = _through_latest(window, latest)  # pair is one compare_periods call
    call = MeasureArgs(
        symbols=symbols,
        measure=intent.measure,
        aggregate=intent.aggregate,
        start=window.start if explicit and window else None,
        end=end,
        sessions=window.sessions if window else None,  # a default window says its sessions
        versus=intent.versus,
        rank=intent.rank,
        sma_window=asked.sma_window if asked and asked.sma_window else 200,
        line=asked.line if asked else None,
    )
    result.calls.append(call)
    if asked is not None and asked.both_extremes:  # "the high and the low", "up or down days"
        other = {"up_days": "down_days"}.get(call.measure, call.measure)
        aggregate = call.aggregate if other != call.measure else "min"
        result.calls.append(call.model_copy(update={"measure": other, "aggregate": aggregate}))
    if asked is not None and asked.against_its_year:
        result.against_its_year = True
        result.calls[-1:] = against_its_year(call, window, latest)
    if also and window is not None:  # the periods as named, for the compare tool's line
        result.periods = [window.label, *(other.label for other in also)]
    for window in also:  # "Q4 vs Q3": the same measure over each period named
        result.calls.append(call.model_copy(
            update={"start": window.start, "end": window.end or _through_latest(window, latest),
                    "sessions": None}
        ))  # fmt: skip


def _through_latest(window: Window | None, latest: date) -> date | None:
    """The latest close as the end of a window running to it, when that is past its start."""
    start = window.start if window else None
    return latest if start is None or start <= latest else None


# The fear gauge rises when investors are spooked: the mood words of a question about it say
# nothing of its own direction ("vix closed above 20 yesterday, what spooked everyone?").
_FEAR_GAUGE = family("VIX")
_MOOD = re.compile(
    r"\b(?:rattl\w*|spook\w*|scar(?:e|ed|es|ing)|fright\w*|panick?\w*|jitter\w*|nervous\w*|"
    r"unnerv\w*|worr(?:y|ied|ies|ying))\b",
    re.IGNORECASE,
)
# Where the clause after an instrument's name ends: its own verb comes before any of these.
_CLAUSE_END = re.compile(
    r"[.?!;,:]|\s[-–—]+\s|\b(?:but|while|whereas|although|though|as|after|because|amid|"
    r"following|since|when|despite|and|or|so)\b",
    re.IGNORECASE,
)


_CONTRAST = re.compile(r"\W*(?:while|whereas|even\s+as|as|when|but)\b", re.IGNORECASE)


def _set_against_another(masked: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first instrument's clause says no way of its own and another instrument's
    move is set against it: "why did staples hold up while the market sold off" asks about
    staples, and the market's fall is not theirs."""
    if len(spans) < 2:
        return False
    tail = masked[spans[0][1] :]
    end = _CLAUSE_END.search(tail)
    if end is None or direction_of(tail[: end.start()]) is not None:
        return False
    rest = tail[end.start() :]
    return _CONTRAST.match(rest) is not None and "·" in rest and direction_of(rest) is not None


def _own_direction(masked: str, spans: list[tuple[int, int]]) -> Literal["up", "down"] | None:
    """The direction of the one instrument's own clause, read from its (blanked) name to the
    clause's end: "the VIX jumped" is up whatever spooked everyone first, "gold's drop after
    the dollar rose" down. None with several names, or no move word of its own."""
    if len(spans) != 1:
        return None
    tail = masked[spans[0][1] :]
    end = _CLAUSE_END.search(tail)
    return direction_of(tail[: end.start()] if end else tail)
