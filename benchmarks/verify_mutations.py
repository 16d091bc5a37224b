"""Wrong variants of a correct answer, one mutation kind at a time, each with its target.

Every generator takes a correct answer (text, its ledger and its checks) and returns variants
whose target — a figure, a superlative or a reason — is wrong by construction:

swap_instruments, swap_figures, wrong_sign, wrong_rank, wrong_unit, off_by_some,
shifted_window, invented_gap, misattributed_citation, false_superlative, unrelated_reason.

Ground truth comes from the ledger's facts (the tools' own computed values), never from the
checker under test.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from copilot.answer import NumberCheck, Verification
from copilot.claims.statements import Statement, ledger_statements
from copilot.claims.subjects import mentions, name_of
from copilot.facts import Fact
from copilot.sources import DataSource, NewsSource, SourceLedger


@dataclass
class Variant:
    original: str
    kind: str
    text: str
    ledger: SourceLedger
    target: tuple[int, int]  # the wrong figure / superlative / reason, in `text`
    target_type: str  # 'figure' | 'superlative' | 'reason'
    note: str = ""
    wrong_source: int | None = None  # the source a misattributed reason now cites


@dataclass
class Original:
    id: str
    question: str
    text: str
    ledger: SourceLedger
    verification: Verification
    as_of: object = None
    extras: list[NewsSource] = field(default_factory=list)  # unrelated articles to cite


_ANTONYM = {
    "rose": "fell", "fell": "rose", "gained": "lost", "lost": "gained", "up": "down",
    "down": "up", "climbed": "declined", "declined": "climbed", "rallied": "slid",
    "jumped": "dropped", "dropped": "jumped", "increased": "decreased", "higher": "lower",
    "lower": "higher", "advanced": "retreated", "slipped": "rose", "rising": "falling",
    "falling": "rising", "gain": "loss", "loss": "gain", "gains": "losses", "returned": "lost",
    "added": "shed", "beat": "trailed", "outperformed": "underperformed", "above": "below",
    "below": "above", "surged": "plunged", "tumbled": "soared", "slid": "rallied",
}  # fmt: skip
_DIRECTION = re.compile(rf"\b({'|'.join(_ANTONYM)})\b", re.I)


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _fmt(value: float, decimals: int, signed: bool) -> str:
    body = f"{abs(value):,.{decimals}f}"
    if signed:
        return ("+" if value >= 0 else "-") + body
    return body


def _figures(o: Original) -> list[NumberCheck]:
    return [n for n in o.verification.numbers if n.kind == "figure" and n.status == "verified"]


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    from copilot.sentences import sentence_spans

    for start, end in sentence_spans(text):
        if start <= at < end:
            return start, end
    return 0, len(text)


def _statements(o: Original) -> dict[int, list[Statement]]:
    return ledger_statements(o.ledger)


def wrong_sign(o: Original, rng: random.Random) -> list[Variant]:
    out = []
    for check in _figures(o):
        if check.unit not in ("%", "bp", "pp", "points") or abs(check.value) < 0.05:
            continue
        text = o.text
        if check.text[:1] in "+-\u2212":
            flipped = ("-" if check.text[0] == "+" else "+") + check.text[1:]
            new = _replace(text, check.start, check.end, flipped)
            out.append(Variant(o.id, "wrong_sign", new, o.ledger, (check.start, check.end),
                               "figure", f"{check.text} -> {flipped}"))  # fmt: skip
            continue
        lo = max(_sentence_of(text, check.start)[0], check.start - 40)
        words = list(_DIRECTION.finditer(text, lo, check.start))
        if not words:
            continue
        word = words[-1]
        swap = _ANTONYM[word[1].lower()]
        swap = swap.capitalize() if word[1][0].isupper() else swap
        new = _replace(text, word.start(), word.end(), swap)
        shift = len(swap) - len(word[1])
        out.append(Variant(o.id, "wrong_sign", new, o.ledger,
                           (check.start + shift, check.end + shift), "figure",
                           f"{word[1]} -> {swap}"))  # fmt: skip
    return out[:2]


def off_by_some(o: Original, rng: random.Random) -> list[Variant]:
    out = []
    for check in _figures(o):
        digits = re.search(r"\.(\d+)", check.text)
        decimals = len(digits[1]) if digits else 0
        if check.unit in ("count", "rank"):
            if check.value < 1:
                continue
            new_value = check.value + rng.choice([-2, -1, 1, 2, 3])
            if new_value < 1:
                new_value = check.value + 1
            shown = str(int(new_value))
            if not check.text[:1].isdigit():
                continue  # a number word
        else:
            step = max(10 ** (-decimals) * rng.choice([3, 5, 8]), abs(check.value) * 0.05)
            new_value = abs(check.value) + rng.choice([-1, 1]) * step
            if new_value <= 0:
                new_value = abs(check.value) + step
            number = re.match(r"[$+\-\u2212]?[\d,]*\.?\d+", check.text)
            if number is None:
                continue
            head = number.group()
            sign = head[0] if head[0] in "+-\u2212" else ""
            dollar = "$" if head.startswith("$") else ""
            body = f"{new_value:,.{decimals}f}"
            shown = dollar + sign + body + check.text[len(head) :]
        new = _replace(o.text, check.start, check.end, shown)
        out.append(Variant(o.id, "off_by_some", new, o.ledger,
                           (check.start, check.start + len(shown)), "figure",
                           f"{check.text} -> {shown}"))  # fmt: skip
    rng.shuffle(out)
    return out[:2]


_UNIT_SWAP = {"%": " bp", "bp": "%", "pp": " bp", "points": "%"}


def wrong_unit(o: Original, rng: random.Random) -> list[Variant]:
    out = []
    for check in _figures(o):
        if check.unit not in _UNIT_SWAP:
            continue
        m = re.match(r"([$+\-\u2212]?[\d,]*\.?\d+)\s?(.*)$", check.text)
        if m is None:
            continue
        shown = m[1] + _UNIT_SWAP[check.unit]
        new = _replace(o.text, check.start, check.end, shown)
        out.append(Variant(o.id, "wrong_unit", new, o.ledger,
                           (check.start, check.start + len(shown)), "figure",
                           f"{check.text} -> {shown}"))  # fmt: skip
    return out[:1]


def swap_instruments(o: Original, rng: random.Random) -> list[Variant]:
    """The figure's instrument named as another one that has a different value for it."""
    out = []
    statements = [s for found in _statements(o).values() for s in found if s.typed]
    for check in _figures(o):
        if check.source is None or not isinstance(o.ledger.get(check.source), DataSource):
            continue  # a figure quoted from an article need not be about the word before it
        lo, _ = _sentence_of(o.text, check.start)
        named = [m for m in mentions(o.text[lo : check.start]) if m.subject]
        if not named or not check.subject:
            continue
        mention = named[-1]
        if not set(check.subject) & mention.subject:
            continue
        same_measure = [s for s in statements if s.measure and s.unit in ("%", "bp", "$", "level",
                        "count", "rank") and not (s.subject & mention.subject)]  # fmt: skip
        rivals = [s for s in same_measure if abs(abs(s.value) - abs(check.value)) > 0.02
                  and (check.measure is None or s.measure in (check.measure, None))]  # fmt: skip
        if not rivals:
            continue
        other = rng.choice(rivals)
        name = name_of(other.subject)
        start, end = lo + mention.start, lo + mention.end
        new = _replace(o.text, start, end, name)
        shift = len(name) - (end - start)
        out.append(Variant(o.id, "swap_instruments", new, o.ledger,
                           (check.start + shift, check.end + shift), "figure",
                           f"{o.text[start:end]} -> {name}"))  # fmt: skip
    rng.shuffle(out)
    return out[:2]


_SWAP_UNITS = {"%": ("%",), "bp": ("bp",), "$": ("$", "level"), "count": ("count", "sessions")}


def swap_figures(o: Original, rng: random.Random) -> list[Variant]:
    """A figure replaced by another source's (or instrument's) figure of the same unit."""
    out = []
    statements = [s for found in _statements(o).values() for s in found if s.typed]
    for check in _figures(o):
        if check.unit not in ("%", "bp", "$", "count"):
            continue
        units = _SWAP_UNITS[check.unit]
        pool = [
            s
            for s in statements
            if s.unit in units
            and abs(abs(s.value) - abs(check.value)) > 0.05
            and s.source != check.source
        ]
        pool = pool or [s for s in statements if s.unit == check.unit
                        and not set(check.subject) & s.subject
                        and abs(abs(s.value) - abs(check.value)) > 0.05]  # fmt: skip
        if not pool:
            continue
        other = rng.choice(pool)
        digits = re.search(r"\.(\d+)", check.text)
        decimals = len(digits[1]) if digits else 0
        signed = check.text[:1] in "+-"
        value = other.value if signed else abs(other.value)
        shown = ("$" if check.text.startswith("$") else "") + _fmt(value, decimals, signed)
        unit_text = re.sub(r"^[$+\-\u2212]?[\d,]*\.?\d+", "", check.text)
        shown += unit_text
        new = _replace(o.text, check.start, check.end, shown)
        note = f"{check.text} -> {shown} (from [{other.source}] {other.label})"
        span = (check.start, check.start + len(shown))
        out.append(Variant(o.id, "swap_figures", new, o.ledger, span, "figure", note))
    rng.shuffle(out)
    return out[:2]


_ORD = {1: "1st", 2: "2nd", 3: "3rd"}


def _ordinal(n: int) -> str:
    return _ORD.get(n, f"{n}th")


def wrong_rank(o: Original, rng: random.Random) -> list[Variant]:
    out = []
    for check in _figures(o):
        if check.unit != "rank" or not check.text[:1].isdigit():
            continue
        new_rank = int(check.value) + rng.choice([-2, -1, 1, 2])
        new_rank = new_rank if new_rank >= 1 else int(check.value) + 1
        digits = re.match(r"\d+", check.text)
        assert digits is not None
        shown = _ordinal(new_rank) if re.search(r"(st|nd|rd|th)$", check.text) else str(new_rank)
        new = _replace(o.text, check.start, check.end, shown)
        out.append(Variant(o.id, "wrong_rank", new, o.ledger,
                           (check.start, check.start + len(shown)), "figure",
                           f"{check.text} -> {shown}"))  # fmt: skip
    if out:
        return out[:1]
    ranks = [(n, f) for n, s in o.ledger.items() if isinstance(s, DataSource)
             for f in s.facts if f.unit == "rank" and f.of]  # fmt: skip
    if not ranks:
        return []
    n, fact = rng.choice(ranks)
    wrong = int(fact.value) + rng.choice([-2, -1, 1, 2])
    wrong = wrong if 1 <= wrong <= (fact.of or 11) and wrong != fact.value else (
        int(fact.value) % (fact.of or 11)) + 1  # fmt: skip
    sentence = f" {fact.subject} ranked {_ordinal(wrong)} of {fact.of} [{n}]."
    text = o.text.rstrip() + sentence
    start = len(o.text.rstrip()) + sentence.index(_ordinal(wrong))
    return [
        Variant(
            o.id,
            "wrong_rank",
            text,
            o.ledger,
            (start, start + len(_ordinal(wrong))),
            "figure",
            f"added: {sentence.strip()} (true rank {int(fact.value)})",
        )
    ]


def shifted_window(o: Original, rng: random.Random) -> list[Variant]:
    """The figure said over another window: N sessions it was not measured over."""
    out = []
    for check in _figures(o):
        if check.unit not in ("%", "bp") or check.source is None:
            continue
        source = o.ledger.get(check.source)
        if not isinstance(source, DataSource):
            continue
        facts = [f for f in source.facts if f.unit == check.unit and f.start and f.end]
        if not facts:
            continue
        from copilot.claims.statements import _sessions

        true = {_sessions(f.start, f.end) for f in facts}
        choices = [n for n in (3, 5, 10, 20, 30, 60) if n not in true]
        n_sessions = rng.choice(choices)
        phrase = f" over the last {n_sessions} sessions"
        new = o.text[: check.end] + phrase + o.text[check.end :]
        note = f"added{phrase} (measured over {sorted(t for t in true if t)})"
        span = (check.start, check.end)
        out.append(Variant(o.id, "shifted_window", new, o.ledger, span, "figure", note))
    rng.shuffle(out)
    return out[:1]


def invented_gap(o: Original, rng: random.Random) -> list[Variant]:
    """A gap between two cited returns that is not their difference."""
    cited = set(o.verification.cited)
    returns: list[tuple[int, Fact]] = [
        (n, f) for n, s in o.ledger.items() if isinstance(s, DataSource) and n in cited
        for f in s.facts if f.unit == "%" and f.measure in ("return", "change")
    ]  # fmt: skip
    pairs = [(a, b) for a in returns for b in returns if a[1].subject != b[1].subject]
    if not pairs:
        return []
    (na, fa), (nb, fb) = rng.choice(pairs)
    true_gap = fa.value - fb.value
    lead, lag = (fa, fb) if true_gap >= 0 else (fb, fa)
    wrong = abs(true_gap) + rng.choice([-1, 1]) * rng.choice([0.3, 0.6, 1.1, 2.4])
    wrong = wrong if wrong > 0.05 else abs(true_gap) + 0.7
    shown = f"{wrong:.2f} percentage points"
    sentence = f" {lead.subject} led {lag.subject} by {shown} [{na}, {nb}]."
    text = o.text.rstrip() + sentence
    start = len(o.text.rstrip()) + sentence.index(shown)
    return [
        Variant(
            o.id,
            "invented_gap",
            text,
            o.ledger,
            (start, start + len(shown)),
            "figure",
            f"true gap {abs(true_gap):.2f}",
        )
    ]


def misattributed_citation(o: Original, rng: random.Random) -> list[Variant]:
    """The figure's [n] changed to a source that does not state it."""
    out = []
    statements = _statements(o)
    for check in _figures(o):
        if check.source is None:
            continue
        lo, hi = _sentence_of(o.text, check.start)
        sentence = o.text[lo:hi]
        markers = list(re.finditer(rf"\[{check.source}\]", sentence))
        if len(markers) != 1 or len(re.findall(r"\[\d", sentence)) != 1:
            continue
        others = [
            n
            for n in statements
            if n != check.source
            and not any(abs(abs(s.value) - abs(check.value)) < 0.01 for s in statements[n])
        ]
        if not others:
            continue
        wrong = rng.choice(others)
        m = markers[0]
        new = o.text[: lo + m.start()] + f"[{wrong}]" + o.text[lo + m.end() :]
        shift = len(f"[{wrong}]") - (m.end() - m.start())
        target = (check.start, check.end) if lo + m.start() > check.start else (
            check.start + shift, check.end + shift)  # fmt: skip
        out.append(Variant(o.id, "misattributed_citation", new, o.ledger, target, "figure",
                           f"[{check.source}] -> [{wrong}]"))  # fmt: skip
    rng.shuffle(out)
    return out[:2]


_SUPER_SAYS = re.compile(r"\b(best|record|biggest|largest|highest|strongest|top)\b", re.I)
_FALSE_SUPERLATIVES = (", its biggest gain on record", ", the best performance since 2020",
                       ", its highest close in the data")  # fmt: skip


def false_superlative(o: Original, rng: random.Random) -> list[Variant]:
    """A superlative no cited source computed, added after a verified figure."""
    out = []
    for check in _figures(o):
        if check.unit not in ("%", "$", "level"):
            continue
        lo, hi = _sentence_of(o.text, check.start)
        cited = [int(n) for n in re.findall(r"\[(\d+)", o.text[lo:hi])]
        sources = [o.ledger.get(n) for n in cited]
        texts = [s.text if isinstance(s, DataSource) else f"{s.title} {s.excerpt or s.text}"
                 for s in sources if s is not None]  # fmt: skip
        if not cited or any(_SUPER_SAYS.search(t) for t in texts):
            continue
        phrase = rng.choice(_FALSE_SUPERLATIVES)
        new = o.text[: check.end] + phrase + o.text[check.end :]
        word = re.search(r"biggest|best|highest", phrase)
        assert word is not None
        start = check.end + word.start()
        out.append(Variant(o.id, "false_superlative", new, o.ledger,
                           (start, start + len(word.group())), "superlative", phrase))  # fmt: skip
    rng.shuffle(out)
    return out[:1]


def unrelated_reason(o: Original, rng: random.Random) -> list[Variant]:
    """A sentence citing an article re-cited to an article about something else."""
    if not o.extras:
        return []
    out = []
    for n, source in o.ledger.items():
        if not isinstance(source, NewsSource):
            continue
        for m in re.finditer(rf"\[{n}\]", o.text):
            lo, hi = _sentence_of(o.text, m.start())
            if len(re.findall(r"\[\d", o.text[lo:hi])) != 1:
                continue
            sentence = o.text[lo:hi]
            named = {x for m in mentions(sentence) for x in m.subject}
            unrelated = [x for x in o.extras
                         if abs((x.published_at - source.published_at).days) >= 10
                         and not {y for m in mentions(f"{x.title} {x.excerpt or x.text}")
                                  for y in m.subject} & named]  # fmt: skip
            if not unrelated:
                continue
            ledger = SourceLedger()
            for _, s in o.ledger.items():
                ledger.register(s)
            extra = rng.choice(unrelated)
            k = ledger.register(extra.model_copy())
            new = o.text[: m.start()] + f"[{k}]" + o.text[m.end() :]
            shift = len(f"[{k}]") - (m.end() - m.start())
            out.append(Variant(o.id, "unrelated_reason", new, ledger, (lo, hi + shift), "reason",
                               f"[{n}] -> [{k}] {extra.title[:60]}", wrong_source=k))  # fmt: skip
    rng.shuffle(out)
    return out[:2]


KINDS: dict[str, Callable[[Original, random.Random], list[Variant]]] = {
    "swap_instruments": swap_instruments,
    "swap_figures": swap_figures,
    "wrong_sign": wrong_sign,
    "wrong_rank": wrong_rank,
    "wrong_unit": wrong_unit,
    "off_by_some": off_by_some,
    "shifted_window": shifted_window,
    "invented_gap": invented_gap,
    "misattributed_citation": misattributed_citation,
    "false_superlative": false_superlative,
    "unrelated_reason": unrelated_reason,
}


def variants(o: Original, seed: int = 7) -> list[Variant]:
    found: list[Variant] = []
    for kind, make in KINDS.items():
        rng = random.Random(f"{seed}-{o.id}-{kind}")
        found.extend(v for v in make(o, rng) if v.text != o.text)
    return found
