"""The declared relations a figure may be derived through — and no others.

* **difference of two cited returns** (pp): "IWM beat SPY by 7.1 points" from +8.32% and +1.21%;
  the two instruments are the ones the sentence names, in the order its words say;
* **bp from two cited yields**: a change or spread of yields, (a − b) × 100;
* **ratio of two cited levels**: a return from two closes of one instrument, a / b − 1.

Only statements of the sources the sentence cites are inputs: a sum or difference of any two
figures in the evidence is not a derivation.
"""

from __future__ import annotations

from itertools import permutations

from copilot.claims.extract import Claim
from copilot.claims.statements import Statement, sessions_in
from copilot.claims.subjects import Subject, name_of
from copilot.claims.windows import all_agree
from copilot.market.symbols import lookup

DIFF_UNITS = ("pp", "points", "%")
RETURN_MEASURES = (None, "move", "daily_extreme", "sma_distance", "peak_distance", "drawdown")


def _half(st: Statement) -> float:
    return 0.0 if st.decimals is None else 0.5 * 10.0 ** (-st.decimals)


def _tolerance(claim: Claim) -> float:
    return 0.5 * 10.0 ** (-claim.number.decimals) + 1e-9


def _is_yield(subject: Subject) -> bool:
    return any((info := lookup(s)) is not None and info.kind == "yield" for s in subject)


def _named_order(claim: Claim, a: Statement, b: Statement) -> int | None:
    """+1 when the sentence names a's instrument before b's, -1 the other way, None when it does
    not name both."""
    firsts = claim_order(claim)
    ia = next((i for i, s in enumerate(firsts) if s & a.subject), None)
    ib = next((i for i, s in enumerate(firsts) if s & b.subject), None)
    if ia is None or ib is None or ia == ib:
        return None
    return 1 if ia < ib else -1


def claim_order(claim: Claim) -> list[Subject]:
    return list(claim.named_in_order)


def _difference(claim: Claim, pool: list[Statement]) -> tuple[Statement, str] | None:
    if not (claim.measure == "diff" or (claim.comparative and claim.unit in DIFF_UNITS)):
        return None
    if claim.unit not in (*DIFF_UNITS, "bp"):
        return None
    unit = "bp" if claim.unit == "bp" else "%"
    candidates = [s for s in pool if s.unit == unit and s.subject and s.measure in
                  RETURN_MEASURES]  # fmt: skip
    named = claim_order(claim)
    for a, b in permutations(candidates, 2):
        if a.subject & b.subject or a.measure != b.measure:
            continue
        if len(named) >= 2 and not all(any(s & x.subject for s in named) for x in (a, b)):
            continue
        order = _named_order(claim, a, b)
        gap = a.value - b.value
        if order is not None:
            if order < 0:
                continue  # each pair is seen both ways: take the one in the sentence's order
            if claim.value * gap < 0 and abs(gap) > _tolerance(claim):
                continue  # "A lagged B" when A beat B
        if abs(abs(claim.value) - abs(gap)) <= _tolerance(claim) + _half(a) + _half(b):
            return a, f"difference of two cited returns: {_who(a)} − {_who(b)}"
    return None


YieldPair = tuple[Statement, Statement, str, float]  # later/first named, other, kind, bp


def _yield_pairs(claim: Claim, pool: list[Statement]) -> list[YieldPair]:
    """Pairs of cited yields whose bp gap has the claim's size. A change of one yield is the
    later level minus the earlier (its sign is time's); a spread of two yields is the first
    named minus the other."""
    if claim.unit != "bp":
        return []
    levels = [s for s in pool if s.unit in ("%", "level") and s.subject and _is_yield(s.subject)
              and abs(s.value) < 25]  # fmt: skip
    found: list[YieldPair] = []
    for a, b in permutations(levels, 2):
        if a.value == b.value:
            continue
        change = bool(a.subject & b.subject)
        dated = len(a.dates) == 1 and len(b.dates) == 1
        if change and dated and min(a.dates) <= min(b.dates):
            continue  # each pair is seen both ways: a change is the later minus the earlier
        if not change and (_named_order(claim, a, b) or 1) < 0:
            continue
        bp = (a.value - b.value) * 100
        slack = (_half(a) + _half(b)) * 100
        if abs(abs(claim.value) - abs(bp)) <= _tolerance(claim) + slack:
            found.append((a, b, "change" if change and dated else
                          "spread" if not change else "undated", bp))  # fmt: skip
    return found


def _binds(claim: Claim, pair: YieldPair) -> bool:
    """The sign and window the answer writes are the pair's: "rose 7 bp" when it fell, or
    "over the last 3 sessions" for a change between two months, are not derived."""
    a, b, kind, bp = pair
    if kind == "undated":
        return not claim.signed and not claim.windows  # no time order to bind a sign to
    if claim.signed and claim.value * bp < 0:
        return False
    if kind == "change":
        first, last = min(b.dates), min(a.dates)
        days = frozenset({first, last})
        counted = sessions_in(first, last)  # with the first date's session, or after it
        lengths = {counted, counted - 1} if counted else {None}
        return any(all_agree(claim.windows, n, days) for n in lengths)
    return True


def _yield_bp(claim: Claim, pool: list[Statement]) -> tuple[Statement, str] | None:
    for a, b, kind, bp in _yield_pairs(claim, pool):
        if _binds(claim, (a, b, kind, bp)):
            return a, f"bp from two cited yields ({kind}): ({a.value:g} − {b.value:g}) × 100"
    return None


def misderived(claim: Claim, pool: list[Statement]) -> tuple[Statement, str] | None:
    """Two cited yields whose change (or named spread) has the claim's size but not its sign
    or window: the claim is contradicted, and the mark shows what they give."""
    for a, b, kind, bp in _yield_pairs(claim, pool):
        if _binds(claim, (a, b, kind, bp)):
            continue
        if kind == "change" and (not claim.subject or claim.subject & a.subject):
            first, last = min(b.dates), min(a.dates)
            return a, (f"{_who(a)} {b.value:g}% on {first} to {a.value:g}% on {last}: "
                       f"{bp:+.0f} bp")  # fmt: skip
        if kind == "spread" and _named_order(claim, a, b) == 1:
            return a, f"{_who(a)} {a.value:g}% − {_who(b)} {b.value:g}%: {bp:+.0f} bp"
    return None


def _level_ratio(claim: Claim, pool: list[Statement]) -> tuple[Statement, str] | None:
    if claim.unit != "%" or claim.measure not in (None, "move") or claim.windows:
        return None  # two closes carry no session count to check a written window against
    levels = [s for s in pool if s.unit in ("$", "level") and s.value > 0]
    for a, b in permutations(levels, 2):
        if a.source != b.source or a.subject != b.subject:
            continue
        if len(a.dates) != 1 or len(b.dates) != 1 or min(a.dates) <= min(b.dates):
            continue  # a return is the later level over the earlier one
        if claim.subject and a.subject and not claim.subject & a.subject:
            continue
        ratio = (a.value / b.value - 1) * 100
        slack = 100 * (_half(a) / b.value + a.value * _half(b) / b.value**2)
        if abs(claim.value - ratio) <= _tolerance(claim) + slack:
            return a, f"ratio of two cited levels: {a.value:,.2f} / {b.value:,.2f} − 1"
    return None


def _who(st: Statement) -> str:
    return name_of(st.subject)


def derive(claim: Claim, pool: list[Statement]) -> tuple[Statement, str] | None:
    """The first declared relation that gives `claim` from `pool`, with its name. Inputs must
    be over the window the claim writes, if it writes one."""
    from copilot.claims.check import window_match

    if claim.sign_conflict:  # "fell … +4.20%": no value a source can have, derived or not
        return None
    pool = [s for s in pool if window_match(claim, s)]
    for relation in (_difference, _yield_bp, _level_ratio):
        found = relation(claim, pool)
        if found is not None:
            return found
    return None
