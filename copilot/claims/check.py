"""Checking one claim against what the sources state.

* **verified** — a source the sentence cites states this value for this subject and measure
  (and window, when the answer writes one);
* **moved** — the value is right but another source states it: the citation is corrected;
* **derived** — it follows from cited statements through a declared relation, named in the mark
  (see `copilot.claims.relations`);
* **contradicted** — the cited source (or, failing it, another) states a different value for
  the same subject and measure, or states this value for another instrument;
* **unverified** — no source states it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from copilot.claims.extract import MOVED_COUNTS, Claim
from copilot.claims.months import overlaps
from copilot.claims.numbers import day_of_month_before
from copilot.claims.relations import derive, misderived
from copilot.claims.statements import Statement
from copilot.claims.windows import StatedWindow, all_agree, compatible
from copilot.market.symbols import quoted_in_percent
from copilot.understand.sessions import is_session, session_after, session_on_or_before

# The units a claim's figure may be compared with, and the ones it can be *confused* with (a
# wrong unit is a contradiction, not a missing source).
_MATCHING_UNITS = {
    "%": {"%"}, "pp": {"pp", "points", "%"}, "points": {"points", "pp"}, "bp": {"bp"},
    "$": {"$", "level"}, "level": {"level", "$"}, "count": {"count"}, "rank": {"rank"},
}  # fmt: skip
_FAMILY = {"%": "signed", "pp": "signed", "bp": "signed", "points": "signed", "$": "level",
           "level": "level", "count": "count", "rank": "rank"}  # fmt: skip
_SIGNED = {"%", "pp", "bp", "points"}
# An inflation rate is a change over a year and a level of the rate: "prices rose 2.68%" and
# "inflation is running at 2.68%" both state it.
_COMPATIBLE_MEASURES = {("move", "daily_extreme"), ("daily_extreme", "move"),
                        ("streak", "count"), ("count", "streak"),
                        ("move", "rate"), ("level", "rate"),
                        # "QQQ fell 3.09% in the week to November 21": that week's move (not a
                        # "best week" held to a move over some other window)
                        ("move", "periodic")}  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    status: str
    statement: Statement | None = None
    relation: str = ""
    note: str = ""
    moved_to: int | None = None
    fact: str = ""  # what the mark shows, when more than the statement's label


def close(claimed: float, stated: float, decimals: int, slack: float = 0.0) -> bool:
    """Equal at the precision the answer was written with (it may round, not invent)."""
    return abs(claimed - stated) <= 0.5 * 10.0 ** (-decimals) + slack + 1e-9


def units_match(claim: Claim, st: Statement) -> bool:
    if claim.measure == "level" and claim.unit == "%":
        if st.unit == "level":
            return st.measure in ("level", None) and _a_percent_level(st)
        return st.unit == "%" and st.measure in ("level", "rate", None)
    return st.unit in _MATCHING_UNITS.get(claim.unit, {claim.unit})


def same_family(claim: Claim, st: Statement) -> bool:
    if _FAMILY.get(claim.unit, claim.unit) == _FAMILY.get(st.unit, st.unit):
        return True
    # A yield's level is written in % ("at 4.28%"): a level too, as `units_match` reads it.
    return claim.measure == "level" and claim.unit == "%" and st.unit == "level"


def _a_percent_level(st: Statement) -> bool:
    """A level that may be written in %: a yield's or a rate's, not the CPI's index value
    ("inflation is running at 324.05%" is the index level under the wrong unit)."""
    return not st.subject or any(quoted_in_percent(symbol) for symbol in st.subject)


def measures_match(claim: Claim, st: Statement) -> bool:
    if st.measure in MOVED_COUNTS:  # how many of a set fell: no other count of the same size
        return claim.measure == st.measure
    if claim.measure is None or st.measure is None or claim.measure == st.measure:
        return True
    return (claim.measure, st.measure) in _COMPATIBLE_MEASURES


def subjects_match(claim: Claim, st: Statement) -> bool:
    """The statement is about the claim's instrument (a beat streak: about both of them); with
    no instrument named, a figure read from text must share a content word with the claim's
    clause, or its sentence when the clause has none ("home sales rose 0.5%" is not "the
    Nasdaq gained 0.5%")."""
    if not claim.subject:
        # A clause of no content words but the move's is read by its sentence, as a source's
        # figure is ("Broadcom Inc. (AVGO) rose 0.6% [1]" is no "rising 0.6%" of the Nasdaq's)
        words = claim.words or claim.sentence_words
        if claim.listed and st.words and claim.listed not in st.words:
            return False  # "Micron Technology, Inc. (MU)" is no "Marvell Technology" figure
        return not st.words or not words or bool(words & st.words)
    if not st.subject:
        # A figure that sizes something ("a 25% capex increase") is no instrument's move: it
        # states a move claim only if the claim's clause is about the same thing (move verbs
        # are no content words: `clause_words`).
        sized = st.measure is None and claim.measure is not None and st.unit in ("%", "$")
        return not sized or not st.words or bool(claim.words & st.words)
    if claim.subject & st.subject:
        return True
    named = set().union(*claim.others) if claim.others else set()
    return bool(st.versus) and bool(st.subject & named) and bool(claim.subject & st.versus)


def same_subject(claim: Claim, st: Statement) -> bool:
    """Both name an instrument, and it is the same one."""
    return bool(claim.subject) and bool(st.subject) and subjects_match(claim, st)


def length_match(claim: Claim, st: Statement) -> bool:
    """Every window length written for the figure fits the statement's window (and the
    lengths its text writes: "over 1 session" is not "from a year ago")."""
    return all_agree(claim.windows, st.sessions, st.dates) and all(
        compatible(mine, theirs) for mine in claim.windows for theirs in st.windows
    )


def window_match(claim: Claim, st: Statement) -> bool:
    if not length_match(claim, st):
        return False
    if st.period and claim.one_day:
        return False  # a week's (or longer) figure written as one day's
    if st.span is not None and not overlaps(claim.months, st.span):
        return False  # November's move written "in December"
    extreme_day = st.measure in ("daily_extreme", "daily_size")  # a day's, found in the window
    if extreme_day and st.on is not None and claim.sentence_day is not None:
        # "its wildest session was on January 30, with a 3.88% increase": the best day's +3.88%
        # fell on January 28; January 30 was the worst day's
        return claim.sentence_day == st.on
    if not st.dates:
        return True
    if st.measure == "window" and claim.measure == "window":
        # "its worst session of the past three months was on 2026-01-20": a day inside the
        # window is what happened in it, not an end of it (the length was contradicted)
        return all(min(st.dates) <= day <= max(st.dates) for day in claim.dates)
    # "from January 1 to January 30": the ends of a span may be days the market was shut
    spans = not claim.one_day
    if any(day not in st.dates and not (spans and _shut_beside(day, st))
           for day in claim.dates):  # fmt: skip
        return False
    stated = {(d.month, d.day) for d in st.dates}
    return all(md in stated or (spans and _shut_beside_in_a_year(md, st))
               for md in claim.month_days)  # fmt: skip


def _shut_beside(day: date, st: Statement) -> bool:
    """Whether `day`, an end of a span the answer states, is a day the market was shut just
    outside the statement's window: "from January 1" for a window whose first session was
    January 2, "to January 31", a Saturday, for one ending January 30 — the calendar window the
    measure was asked for."""
    if st.span is None or is_session(day):
        return False
    first, last = st.span
    return session_after(day) == first or session_on_or_before(day) == last


def _shut_beside_in_a_year(month_day: tuple[int, int], st: Statement) -> bool:
    """`_shut_beside` for a day written without its year, in the years of the statement."""
    month, day = month_day
    days = []
    for year in {d.year for d in st.dates}:
        try:
            days.append(date(year, month, day))
        except ValueError:  # February 29 of a common year
            continue
    return any(_shut_beside(d, st) for d in days)


def value_match(claim: Claim, st: Statement, rounding: bool = True) -> bool:
    if claim.sign_conflict:
        return False  # "+5% below its average" states no value a source can have
    unit = "days" if claim.calendar_days else claim.calendar_unit
    if unit and st.measure == "window" and st.sessions is not None:
        # "the past 7 days" for a 5-session week: trading days, or calendar days; "the past two
        # weeks" for 9 sessions after a holiday
        length = StatedWindow(int(claim.value), unit, claim.number.start, claim.number.end)
        return all_agree((length,), st.sessions, st.dates)
    if claim.bound:  # "over 1%": the stated value lies beyond it, the same way
        signed = claim.signed and claim.unit in _SIGNED and st.unit in _SIGNED
        if signed and st.value and (st.value < 0) != (claim.value < 0):
            return False
        stated, written = abs(st.value), abs(claim.value)
        return stated >= written if claim.bound > 0 else stated <= written
    # More digits than the source shows may only fill in the source's own rounding.
    coarser = rounding and st.decimals is not None and st.decimals < claim.number.decimals
    slack = 0.5 * 10.0 ** (-st.decimals) if coarser and st.decimals is not None else 0.0
    if claim.unit in _SIGNED and st.unit in _SIGNED:
        return close(claim.value, st.value, claim.number.decimals, slack)
    if claim.measure == st.measure == "diff" and claim.signed:  # "8.81 below IEF": its side
        return close(claim.value, st.value, claim.number.decimals, slack)
    return close(abs(claim.value), abs(st.value), claim.number.decimals, slack)


def states(claim: Claim, st: Statement) -> bool:
    """`st` states exactly what `claim` says."""
    return (
        units_match(claim, st)
        and measures_match(claim, st)
        and subjects_match(claim, st)
        and window_match(claim, st)
        and value_match(claim, st)
    )


def check_figure(
    claim: Claim, cited: list[Statement], others: list[Statement], answer_cited: list[Statement]
) -> Outcome:
    """The status of one figure: `cited` are the statements of the sources its sentence cites,
    `others` those of every other source, `answer_cited` those of all sources the answer cites
    (for relations in a sentence that cites none). A figure said of several instruments at once
    ("X and Y both rose 1.2%", `Claim.shared`) holds only if it holds for each."""
    outcome = _check_one(claim, cited, others, answer_cited)
    for other in claim.shared:
        if outcome.status not in ("verified", "derived"):
            return outcome
        said = _check_one(replace(claim, subject=other, shared=()), cited, others, answer_cited)
        if said.status not in ("verified", "derived"):
            return said
    return outcome


def _check_one(
    claim: Claim, cited: list[Statement], others: list[Statement], answer_cited: list[Statement]
) -> Outcome:
    rounded = [st for st in cited if states(claim, st)]
    exact = [st for st in rounded if value_match(claim, st, rounding=False)]
    if exact:
        return _of_another_time(claim, exact[0], cited + others) or Outcome("verified", exact[0])
    if rounded:
        # The cited source only rounds to the figure ("2.4%" for +2.42%): when another source
        # states it at the written precision, that source is the one the figure came from.
        precise = _moved(claim, [st for st in others if value_match(claim, st, rounding=False)])
        return (
            precise
            or _of_another_time(claim, rounded[0], cited + others)
            or Outcome("verified", rounded[0])
        )
    for st in cited:  # the same value read with the sentence's other dates as its window
        if _same_value(claim, st):
            return Outcome("verified", st)
    conflict = _window_conflict(claim, cited)
    if conflict is not None:
        return conflict
    moved = _moved(claim, others)
    if moved is not None:
        return moved
    derived = derive(claim, cited or answer_cited)
    if derived is not None:
        return Outcome("derived", derived[0], relation=derived[1])
    rival = _contradiction(claim, cited, others)
    if rival is not None and rival.statement is not None and units_match(claim, rival.statement):
        return rival  # the same subject and measure, in the claim's unit
    return _misderived(claim, cited or answer_cited) or rival or Outcome("unverified")


# How far an article's figure for a window may lie from the measured one and still be of it: an
# index beside its fund, a close beside a late-afternoon print (percentage points, or a share of
# the measured move for a long window's large one).
_OF_THE_WINDOW_PP = 0.75
_OF_THE_WINDOW_SHARE = 0.35
# A day named beside a figure (stems, as `Claim.words` holds them): one session's move inside a
# longer window, which may lie anywhere from the window's.
_A_DAY = frozenset({"monda", "tuesd", "wedne", "thurs", "frida", "today", "yeste", "intra",
                    "overn", "singl"})  # fmt: skip


def _of_another_time(claim: Claim, st: Statement, pool: list[Statement]) -> Outcome | None:
    """An article's figure, written in a sentence dated to a window code measured for the same
    instrument and far from that measure: the article's figure is of another time. "SPY fell
    from 2025-12-24 to 2026-01-05, as measured by the S&P 500 falling 4.3%": the review's 4.3%
    was the first quarter of 2025's loss (its statement is dated by its publication only); SPY
    measured -0.03% over those dates. A day named with the figure, in the answer or the
    article, makes it a session's, which a window may hold whatever its own move."""
    days = claim.dates or claim.sentence_dates
    if st.typed or st.span is not None or not days or claim.unit not in _SIGNED:
        return None
    if (claim.words | st.words) & _A_DAY:
        return None
    dated = replace(claim, dates=days, month_days=())
    one_day = len(set(days)) == 1
    measured = [
        m for m in pool
        if m.typed and m.dates and same_subject(claim, m) and units_match(claim, m)
        and measures_match(claim, m) and window_match(dated, m)
        and (m.sessions == 1) is one_day  # a day's move is not its window's that ends there
    ]  # fmt: skip
    if not measured:
        return None
    room = [max(_OF_THE_WINDOW_PP, _OF_THE_WINDOW_SHARE * abs(m.value)) for m in measured]
    if any(abs(claim.value - m.value) <= r for m, r in zip(measured, room, strict=True)):
        return None
    m = measured[0]
    note = (f"{m.describe()} measured {m.label} over the sentence's dates; "
            f"[{st.source}]'s {claim.number.text} is of another time")  # fmt: skip
    return Outcome("contradicted", m, note=note)


def _misderived(claim: Claim, pool: list[Statement]) -> Outcome | None:
    found = misderived(claim, pool)
    if found is None:
        return None
    st, fact = found
    return Outcome("contradicted", st, note=f"[{st.source}] {fact}", fact=fact)


def _same_value(claim: Claim, st: Statement) -> bool:
    """The cited source states this very level for this instrument, and only the window read
    from the sentence differs (a close named beside two dates): the dates themselves are
    checked as date claims. Only levels: for a move, a shifted window is the error to catch,
    and a window's length is bound to its window (its statement carries the base date too)."""
    if "level" not in (claim.measure, st.measure):
        return False
    return bool(
        same_subject(claim, st) and units_match(claim, st) and measures_match(claim, st)
        and value_match(claim, st)
    )  # fmt: skip


def _window_conflict(claim: Claim, cited: list[Statement]) -> Outcome | None:
    """The cited source states this value for this instrument and measure, over a window of
    another length than the one the answer writes: the written window is wrong."""
    if not claim.windows:
        return None
    for st in cited:
        if (
            st.sessions is not None and not length_match(claim, st) and same_subject(claim, st)
            and units_match(claim, st) and measures_match(claim, st) and value_match(claim, st)
        ):  # fmt: skip
            fact = f"{st.label} over {st.sessions} sessions"
            note = f"[{st.source}] {fact}, not over {_written(claim, st)}"
            return Outcome("contradicted", st, note=note, fact=fact)
    return None


def _written(claim: Claim, st: Statement) -> str:
    """The written window lengths the statement's window does not fit."""
    wrong = [w for w in claim.windows if not all_agree((w,), st.sessions, st.dates)]
    return ", ".join(f"{w.length} {w.unit}" for w in wrong)


def _moved(claim: Claim, others: list[Statement]) -> Outcome | None:
    """The right value under another source: needs the instrument named (or the source's figure
    to be the only one of its kind there), never a guess among many. A source that states it at
    the answer's precision wins over one that only rounds to it ("8%" for 7.58%)."""
    # A level is its instrument's close whatever other dates its sentence names (`_same_value`).
    matches = [st for st in others if states(claim, st) or _same_value(claim, st)]
    if not claim.subject:
        matches = [st for st in matches if st.typed or st.measure is not None]
    sources = {st.source for st in matches}
    for better in (lambda st: value_match(claim, st, rounding=False), lambda st: st.typed):
        if len(sources) > 1:  # the tool's own computed fact wins over an article's text
            matches = [st for st in matches if better(st)] or matches
            sources = {st.source for st in matches}
    if len(sources) != 1:
        return None
    st = matches[0]
    return Outcome("moved", st, moved_to=st.source)


def _both_of_a_set(claim: Claim, st: Statement) -> bool:
    """How many of a ranked set moved one way: a figure of the set, no instrument's."""
    return claim.measure in MOVED_COUNTS and not claim.subject and not st.subject


def _contradiction(claim: Claim, cited: list[Statement], others: list[Statement]) -> Outcome | None:
    for pool in (cited, others):
        rivals = [
            st
            for st in pool
            if (same_subject(claim, st) or _both_of_a_set(claim, st)) and same_family(claim, st)
            and measures_match(claim, st) and claim.measure is not None
            and st.measure is not None and not states(claim, st)
        ]  # fmt: skip
        if rivals:
            # the rival in the claim's own unit first ("or 3.18%" against -2.18%, not -1.25
            # points), then the one of its window
            st = min(rivals, key=lambda s: (not units_match(claim, s), not window_match(claim, s),
                                            not s.typed))  # fmt: skip
            why = "states" if window_match(claim, st) else "states, for its window,"
            if not length_match(claim, st):
                why = f"states, for its window of {st.sessions} sessions,"
            return Outcome("contradicted", st, note=f"{st.describe()} {why} {st.label}")
    for st in cited:  # the value is there, but for another instrument
        other = claim.subject and st.subject and not subjects_match(claim, st)
        if (
            other
            and units_match(claim, st)
            and measures_match(claim, st)
            and value_match(claim, st)
        ):
            return Outcome("contradicted", st, note=f"{st.describe()}: another instrument")
    return None


def check_date(claim: Claim, cited: list[Statement], every: list[Statement], as_of: date | None
               ) -> Outcome:  # fmt: skip
    """A date or year: stated by a cited source, by any source, or the as-of date itself."""
    number = claim.number
    meant = day_of_month_before(number, as_of) if as_of is not None else None
    for pool, status in ((cited, "verified"), (every, "verified")):
        for st in pool:
            if number.unit == "year":
                stated = st.unit == "year" and st.value == number.value  # "2020" in the text
                if stated or any(d.year == int(number.value) for d in st.dates):
                    return Outcome(status, st)
            elif (
                (number.day is not None and number.day in st.dates)
                or (number.day is None and number.month_day is not None
                    and number.month_day in {(d.month, d.day) for d in st.dates})
                or (meant is not None and meant in st.dates)  # "the 19th", read at as-of
            ):  # fmt: skip
                return Outcome(status, st)
    if as_of is not None:
        if number.unit == "year" and int(number.value) == as_of.year:
            return Outcome("verified", note="the as-of date's year")
        if (
            number.day == as_of
            or (number.day is None and number.month_day == (as_of.month, as_of.day))
            or (meant is not None and meant == as_of)
        ):
            return Outcome("verified", note="the as-of date")
    return Outcome("unverified")
