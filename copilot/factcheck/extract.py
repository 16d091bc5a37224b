"""Claims, sentence by sentence: the figures (copilot.factcheck.figures), and for each the
instrument and window that question understanding (copilot.understand) reads from its clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from copilot.factcheck.figures import Found, find_figures
from copilot.factcheck.model import Claim, Figure
from copilot.market.measure_model import MeasureArgs, MeasureName
from copilot.market.symbols import lookup, sector_symbols
from copilot.sentences import sentence_spans
from copilot.understand import Catalog, understand
from copilot.understand.model import Instrument, Understanding

# Where one sentence holds several claims: "SPY rose 0.5%, while IWM fell 1.2%".
_CLAUSE_CUT = re.compile(r";|,?\s+(?:while|whereas|but|and|as|with)\s+|,\s+", re.IGNORECASE)
# "utilities (XLK)": a ticker written beside a name (kept apart: the name decides).
_PAREN_TICKER = re.compile(r"\s*\(\s*(?:NYSEARCA:\s*|NASDAQ:\s*)?([A-Z]{2,5})\s*\)")
INDEX_WORDS = re.compile(r"russell|s\s*&\s*p|nasdaq|dow\b|index", re.IGNORECASE)
FUND_WORDS = re.compile(r"\betf\b|fund|spdr|ishares|invesco|trust|\bshares\b", re.IGNORECASE)
INDEX_OF_ETF = {"SPY": "SP500"}  # the ETFs whose index series the store may hold
_CONTEXT = re.compile(
    r"^(?:on|for|in|over|during|since|through|so far)\b[^.!?:]{0,40}:$", re.IGNORECASE
)
_SO_FAR = re.compile(r"\bfor\s+the\s+(week|month|year|quarter)\b", re.IGNORECASE)
_MOVE_MEASURES: set[MeasureName] = {
    "return",
    "distance_from_peak",
    "distance_from_trough",
    "drawdown",
    "sma_distance",
    "volatility",
    "daily_return",
}


def extract_claims(text: str, as_of: date, catalog: Catalog) -> list[Claim]:
    """Every figure-bearing clause of `text` as a claim (checkable or with why it is not)."""
    claims: list[Claim] = []
    context = ""  # "For the week:" dates the lines under it
    for start, end in sentence_spans(text):
        sentence = " ".join(text[start:end].split())
        if _is_heading_or_meta(sentence):
            continue
        if _CONTEXT.match(sentence):
            context = sentence.rstrip(":")
            continue
        for clause, found in _clauses(sentence):
            where = _Where(sentence, f"{context}: {sentence}" if context else sentence)
            claims.append(_claim(len(claims) + 1, where, clause, found, as_of, catalog, claims))
    return claims


@dataclass(frozen=True)
class _Where:
    sentence: str  # shown with the claim
    scope: str  # the sentence with the heading it sits under (for its window)


def _read(text: str, as_of: date, catalog: Catalog) -> Understanding:
    """`understand`, with the wrap-up phrasing of market reports said as it reads it ('for the
    week' in a daily report is the week so far)."""
    return understand(_SO_FAR.sub(r"this \1", text), as_of, catalog)


def _is_heading_or_meta(sentence: str) -> bool:
    return bool(
        re.match(r"^(?:#|\*\*(?:Published|Source|Date|By)\b|(?:Published|Date):)", sentence)
    )


def _clauses(sentence: str) -> list[tuple[str, Found]]:
    """(clause, figure) pairs: the sentence cut at clause words, a piece with no figure joined
    to the next (its words — the instrument, the window — belong to that claim)."""
    pieces, last = [], 0
    for cut in _CLAUSE_CUT.finditer(sentence):
        pieces.append(sentence[last : cut.start()])
        last = cut.start()
    pieces.append(sentence[last:])
    merged: list[str] = []
    pending = ""
    for piece in pieces:
        pending += piece
        if find_figures(pending):
            merged.append(pending)
            pending = ""
    if pending and merged:
        merged[-1] += pending
    result = []
    for clause in merged:
        clause = clause.strip(" ,;")
        for found in find_figures(clause):
            result.append((clause, found))
    return result


def _claim(
    number: int,
    where: _Where,
    clause: str,
    found: Found,
    as_of: date,
    catalog: Catalog,
    earlier: list[Claim],
) -> Claim:
    figure, sentence = found.figure, where.sentence
    claim = Claim(number=number, sentence=sentence, clause=clause, figure=figure)
    named = _without_figures(clause)
    named, tickers = _split_tickers(named)
    reading = _read(named, as_of, catalog)
    instruments = reading.instruments
    if not instruments and not reading.unknown:
        previous = [c for c in earlier if c.sentence == sentence and c.phrase]
        if previous:  # "SPY rose 1%, and 2% on the week": the subject carries over
            reading = _read(f"{previous[-1].phrase} {named}", as_of, catalog)
            instruments = reading.instruments
    if re.search(r"\brespectively\b", sentence, re.IGNORECASE):
        claim.unresolved = "figures paired with instruments by 'respectively' are not read yet"
        return claim
    stored = [t for t in tickers if catalog.has(t)]
    if tickers and not stored:  # "Micron Technology, Inc. (MU) jumped 7.8%": a stock not stored
        claim.phrase = tickers[0]
        claim.unresolved = f"{tickers[0]} is not in the market store (instrument not stored)"
        return claim
    if stored and (reading.unknown or not instruments):  # "The SPDR S&P 500 ETF (SPY)"
        reading = _read(f"{stored[0]} {named}", as_of, catalog)
        instruments = [i for i in reading.instruments if i.symbol == stored[0]] or instruments
        reading.unknown = []
    if reading.unknown and not instruments:
        unknown = reading.unknown[0]
        claim.phrase = unknown.phrase
        claim.unresolved = f"{unknown.reason} (instrument not stored)"
        return claim
    if not instruments:
        claim.unresolved = "not a market figure the store holds (no instrument named)"
        return claim
    subject = _nearest_before(instruments, clause, found)
    claim.phrase, claim.symbol = subject.phrase, subject.symbol
    for ticker in tickers:
        if ticker != subject.symbol and lookup(ticker) is not None:
            claim.notes.append(
                f"the article writes {ticker} beside '{subject.phrase}', which is {subject.symbol}"
            )
    _settle_window(claim, reading, where.scope, as_of, catalog)
    claim.symbol = _index_if_meant(subject, claim, reading, as_of, catalog)
    if not claim.unresolved:
        claim.call = _call(figure, reading, claim.symbol, claim)
    return claim


def _nearest_before(instruments: list[Instrument], clause: str, found: Found) -> Instrument:
    """An instrument named by its ticker wins over a name ('Treasuries were flat, with TLT
    down 0.1%' is about TLT): of several, the one last named before the figure. A beat streak's
    subject is the first named (the benchmark follows it)."""
    tickers = [i for i in instruments if i.how == "ticker"]
    if found.figure.streak == "beat" or not tickers:
        return instruments[0]
    head = clause[: found.start]
    placed = [(head.rfind(i.phrase), n) for n, i in enumerate(tickers)]
    before = [(at, n) for at, n in placed if at >= 0]
    return tickers[max(before)[1]] if before else tickers[0]


def names_index(phrase: str, clause: str) -> bool:
    """The words name an index ('the S&P 500'), not a fund that tracks it ('the S&P 500 ETF')."""
    return bool(INDEX_WORDS.search(phrase)) and not FUND_WORDS.search(clause)


def _index_if_meant(
    subject: Instrument, claim: Claim, reading: Understanding, as_of: date, catalog: Catalog
) -> str:
    """'The S&P 500 rose 1.2%' / 'lost 26 points' / 'closed at 6,875': a report quotes the
    index, so the index series is checked when it is stored and covers the day."""
    index = INDEX_OF_ETF.get(subject.symbol)
    meta = catalog.get(index) if index else None
    if meta is None or index is None or claim.figure.unit not in ("points", "%", "level"):
        return subject.symbol
    window = reading.window
    end = window.end if window is not None and window.end is not None else as_of
    if meta.last < min(end, as_of) or not names_index(subject.phrase, claim.clause):
        return subject.symbol
    return index


def _without_figures(clause: str) -> str:
    """The clause with its figures taken out ('a 10-session winning streak' → 'a winning
    streak'), so a count is not read as a window and a value not as a date."""
    text = clause
    streak_words = {"up": "winning streak", "down": "losing streak", "beat": "beat streak"}
    for found in reversed(find_figures(clause)):
        streak = found.figure.streak
        words = streak_words[streak] if streak else " "
        if found.figure.unit in ("$", "level", "points"):
            words = " level "  # "closed at 6,913", "lost 26 points": the index when stored
        text = text[: found.start] + f" {words} " + text[found.end :]
    return " ".join(text.split())


def _split_tickers(text: str) -> tuple[str, list[str]]:
    tickers = [m.group(1) for m in _PAREN_TICKER.finditer(text)]
    return _PAREN_TICKER.sub("", text), tickers


def _settle_window(
    claim: Claim, reading: Understanding, sentence: str, as_of: date, catalog: Catalog
) -> None:
    """The clause's window, else the sentence's, else the session of the as-of date."""
    window = reading.window
    if window is None or not window.explicit:
        whole = _read(_without_figures(sentence), as_of, catalog)
        if whole.window is not None and whole.window.explicit:
            reading.window = whole.window
            reading.problems = whole.problems
    if reading.problems:
        claim.unresolved = reading.problems[0]
        return
    if reading.window is not None:
        claim.window_label = reading.window.label


def _call(figure: Figure, reading: Understanding, symbol: str, claim: Claim) -> MeasureArgs | None:
    window = reading.window
    explicit = window is not None and window.explicit
    start = window.start if explicit and window else None
    end = window.end if explicit and window else None
    sessions = window.sessions if explicit and window else None
    measure: MeasureName
    versus = None
    if figure.streak is not None:
        measure = {"up": "up_streak", "down": "down_streak", "beat": "beat_streak"}[figure.streak]  # type: ignore[assignment]
        if figure.streak == "beat":
            others = [i.symbol for i in reading.instruments if i.symbol != symbol]
            versus = others[0] if others else "SPY"
        start, sessions = None, None  # a streak runs through the window's end
    elif figure.unit in ("$", "level"):
        measure = "level"
        start, sessions = (end, None) if end else (None, None)
    else:
        intent = reading.intent
        measure = intent.measure if intent and intent.measure in _MOVE_MEASURES else "return"
    if symbol in sector_symbols() and reading.intent and reading.intent.rank != "none":
        claim.notes.append("a ranking is read as the sector's own figure")
    return MeasureArgs(
        symbols=[symbol], measure=measure, start=start, end=end, sessions=sessions, versus=versus
    )
