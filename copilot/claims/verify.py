"""Verification: every [n] must resolve, every claim must be what its cited source states.

`verify_answer` cleans the citations, reads the answer's claims (`copilot.claims.extract`),
checks each figure and date against the statements of the sources its sentence cites
(`copilot.claims.check`), corrects a citation when the right value lives in another source,
and checks reasons and superlatives against the sources they cite (`copilot.claims.reasons`).
The question is not evidence: a figure the question states is checked like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from copilot.answer import NumberCheck, ReasonCheck, Verification
from copilot.claims.cause_judge import CauseJudge
from copilot.claims.check import Outcome, check_date, check_figure, states
from copilot.claims.directions import check_way, said_ways
from copilot.claims.extract import (
    CITATION,
    Claim,
    Sentence,
    citations_in,
    extract_claims,
    sentences,
)
from copilot.claims.names import misnamed
from copilot.claims.places import Place, check_place, places
from copilot.claims.reasons import (
    STOP_WORDS,
    Superlative,
    SupportScorer,
    check_reason,
    check_superlative,
    default_scorer,
    superlatives,
)
from copilot.claims.stated_cause import CAUSE_FIRST_VERBS
from copilot.claims.statements import Statement, ledger_statements, news_text
from copilot.claims.subjects import Subject
from copilot.claims.verdicts import check_verdict, verdicts
from copilot.errors import CopilotError
from copilot.sources import DataSource, NewsSource, SourceLedger


def clean_citations(text: str, ledger: SourceLedger) -> tuple[str, list[int], list[int]]:
    """Remove [n] that resolve to nothing; return (text, valid numbers, invalid numbers)."""
    valid: list[int] = []
    invalid: list[int] = []

    def keep(match: re.Match[str]) -> str:
        numbers = [int(x) for x in re.split(r"\s*,\s*", match[1])]
        good = [n for n in numbers if ledger.get(n) is not None]
        invalid.extend(n for n in numbers if ledger.get(n) is None)
        valid.extend(n for n in good if n not in valid)
        return f" [{', '.join(str(n) for n in good)}]" if good else ""

    return CITATION.sub(keep, text), valid, invalid


_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
MIN_OVERLAP = 0.5  # share of a sentence's content words that must appear in one source
MIN_REASON_WORDS = 6  # an uncited sentence shorter than this claims nothing worth marking


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def _source_words(source: DataSource | NewsSource) -> set[str]:
    return _words(news_text(source) if isinstance(source, NewsSource) else source.text)


def attribute_uncited(
    text: str, ledger: SourceLedger, statements: dict[int, list[Statement]] | None = None
) -> tuple[str, list[int]]:
    """Add [n] to sentences without one when a figure in them, or most of their content words,
    trace to a single source. The code assigns the number; nothing is attributed on a guess."""
    statements = statements if statements is not None else ledger_statements(ledger)
    words = {n: _source_words(s) for n, s in ledger.items()}
    claims = extract_claims(text)
    edits: list[tuple[int, str]] = []
    added: list[int] = []
    for sentence in sentences(text):
        if sentence.citations:
            continue
        inside = [c for c in claims if sentence.start <= c.number.start < sentence.end]
        body = text[sentence.start : sentence.end]
        number = (_traced(inside, statements) or _decided_by(sentence, body, statements)
                  or _overlap(body, words))  # fmt: skip
        if number is None:
            continue
        tail = 1 if body[-1:] in ".!?" else 0
        edits.append((sentence.end - tail, f" [{number}]"))
        added.append(number)
    for at, insert in reversed(edits):
        text = text[:at] + insert + text[at:]
    return text, added


def _traced(claims: list[Claim], statements: dict[int, list[Statement]]) -> int | None:
    for claim in claims:
        if claim.is_date or (claim.measure is None and not claim.subject):
            continue  # a bare number with no instrument and no measure traces to nothing
        sources = {n for n, found in statements.items() if any(states(claim, s) for s in found)}
        if len(sources) == 1:
            return sources.pop()
    return None


def _decided_by(
    sentence: Sentence, body: str, statements: dict[int, list[Statement]]
) -> int | None:
    """The source an uncited place or verdict is about: "GLD got hammered the most since
    mid-January", written under a tool's ranking, puts GLD last in it. The one source that
    decides the claim (by `check_place`, `check_verdict`), or the first of several that all
    decide it alike; None when none does or they differ (two windows: which one it means, the
    sentence does not say)."""
    claimed = places(body), verdicts(body)
    if not any(claimed):
        return None
    decided: dict[int, tuple[str, ...]] = {}
    for n in statements:
        cited = replace(sentence, citations=(n,))
        checks = [check_place(cited, place, statements) for place in claimed[0]]
        checks += [check_verdict(cited, body, verdict, statements) for verdict in claimed[1]]
        found = tuple(check.status for check in checks if check is not None)
        if found:
            decided[n] = found
    return min(decided) if len(set(decided.values())) == 1 else None


def _overlap(sentence: str, words: dict[int, set[str]]) -> int | None:
    mine = _words(sentence)
    if len(mine) < 3 or not words:
        return None
    scores = {n: len(mine & w) / len(mine) for n, w in words.items()}
    best = max(scores, key=lambda n: scores[n])
    return best if scores[best] >= MIN_OVERLAP else None


def source_subjects(statements: dict[int, list[Statement]]) -> dict[int, Subject]:
    """Sources whose figures are all about one instrument (a return, a streak vs a benchmark)."""
    found: dict[int, Subject] = {}
    for n, stated in statements.items():
        subjects = {s.subject for s in stated if s.subject and s.measure != "date"}
        if len(subjects) == 1:
            found[n] = subjects.pop()
    return found


def check_claims(
    claims: list[Claim], statements: dict[int, list[Statement]], as_of: date | None
) -> list[Outcome]:
    """The outcome of every claim, in order."""
    answer_cited = sorted({n for c in claims for n in c.citations})
    pool = [s for n in answer_cited for s in statements.get(n, [])]
    every = [s for found in statements.values() for s in found]
    outcomes = []
    for claim in claims:
        cited = [s for n in claim.citations for s in statements.get(n, [])]
        if claim.is_date:
            outcomes.append(check_date(claim, cited, every, as_of))
            continue
        others = [s for s in every if s.source not in claim.citations]
        outcomes.append(check_figure(claim, cited, others, pool))
    return outcomes


def _corrections(
    text: str, claims: list[Claim], outcomes: list[Outcome], articles: frozenset[int]
) -> list[tuple[int, int, str]]:
    """Text edits for moved figures: the sentence's citation replaced when nothing else in the
    sentence rests on it, else the right [n] inserted after the figure. A cause rests on the
    article it cites (`articles`): "The VIX fell almost 12% … due to softer CPI … [3]" keeps
    its [3] and gets the measure's [1] after the 12% (replaced, the reason read as cited to the
    figures, which never say why)."""
    edits: list[tuple[int, int, str]] = []
    by_sentence: dict[tuple[int, int], list[tuple[Claim, Outcome]]] = {}
    for claim, outcome in zip(claims, outcomes, strict=True):
        by_sentence.setdefault(claim.sentence, []).append((claim, outcome))
    for (lo, hi), items in by_sentence.items():
        moved = [(c, o) for c, o in items if o.status == "moved"]
        if not moved:
            continue
        targets = {o.moved_to for _, o in moved}
        resting = [o for c, o in items if o.status in ("verified", "derived") and not c.is_date]
        groups = list(CITATION.finditer(text, lo, hi))
        a_cause = bool(_CAUSE.search(text, lo, hi)) and any(
            n in articles for group in groups for n in citations_in(group.group())
        )
        if len(targets) == 1 and not resting and len(groups) == 1 and not a_cause:
            group = groups[0]
            edits.append((group.start(), group.end(), f" [{targets.pop()}]"))
            continue
        for claim, outcome in moved:
            edits.append((claim.number.end, claim.number.end, f" [{outcome.moved_to}]"))
    return sorted(edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, insert in reversed(edits):
        text = text[:start] + insert + text[end:]
    return text


def number_check(claim: Claim, outcome: Outcome, text: str) -> NumberCheck:
    st = outcome.statement
    number = claim.number
    if outcome.status == "unverified":
        evidence = outcome.note or "no source states this figure"
    else:
        evidence = outcome.note or (st.label if st else "")
    return NumberCheck(
        text=number.text, value=claim.value, unit=number.unit, start=number.start,
        end=number.end, status=outcome.status,
        source=st.source if st else None, evidence=evidence,
        kind="date" if claim.is_date else "figure", subject=sorted(claim.subject),
        measure=claim.measure, fact=outcome.fact or (st.label if st else ""),
        relation=outcome.relation,
        cited=list(claim.citations),
        corrected_to=outcome.moved_to,
    )  # fmt: skip


def check_reasons(
    text: str, sources: dict[int, DataSource | NewsSource],
    statements: dict[int, list[Statement]], scorer: SupportScorer | None,
    as_of: date | None = None,
) -> list[ReasonCheck]:  # fmt: skip
    ranks = [s for found in statements.values() for s in found if s.measure == "rank"]
    # a ranking's moves, typed: the biggest mover of the set is the largest of them in size
    # (or of its typical days' moves: "which sector swung the most day to day")
    ranked = {s.source for s in ranks}
    moves = [s for found in statements.values() for s in found
             if s.measure in ("move", "daily_size") and s.unit == "%" and s.typed
             and s.source in ranked]  # fmt: skip
    news_shown = any(isinstance(source, NewsSource) for source in sources.values())
    measured = tuple(n for n, source in sources.items() if isinstance(source, DataSource))
    checks: list[ReasonCheck] = []
    for sentence in sentences(text):
        body = text[sentence.start : sentence.end]
        checks += _way_checks(sentence, body, statements, measured, as_of)
        claimed = places(body)
        placed = [c for p in claimed if (c := check_place(sentence, p, statements))]
        words = superlatives(body)
        for word in words:
            if not any(c.start < sentence.start + word.end and sentence.start + word.start < c.end
                       for c in placed):  # fmt: skip
                checks.append(check_superlative(text, sentence, word, sources, ranks, moves))
        checks += placed
        if not sentence.citations and not placed:
            checks += _unplaced(sentence, claimed, words)
        checks += misnamed(body, sentence)
        judged = (check_verdict(sentence, body, v, statements) for v in verdicts(body))
        checks += [check for check in judged if check is not None]
        if scorer is not None:
            reason = check_reason(text, sentence, sources, scorer)
            if reason is None and _cause_cited_to_figures(body, sentence, sources):
                reason = ReasonCheck(
                    text=body, start=sentence.start, end=sentence.end, kind="reason",
                    status="unsupported", source=sentence.citations[0],
                    evidence=f"[{sentence.citations[0]}] holds measured figures: they say what "
                    "moved and by how much, never why (a cause needs an article)",
                )  # fmt: skip
            if reason is not None:
                checks.append(reason)
            elif news_shown and _uncited_reason(body, sentence):
                checks.append(ReasonCheck(
                    text=body, start=sentence.start, end=sentence.end, kind="reason",
                    status="unsupported", evidence="no source cited: a reason must cite the "
                    "article it comes from",
                ))  # fmt: skip
    return checks


def _way_checks(
    sentence: Sentence, body: str, statements: dict[int, list[Statement]],
    measured: tuple[int, ...], as_of: date | None,
) -> list[ReasonCheck]:  # fmt: skip
    """The ways the sentence says of markets with no figure ("gold fell in January"), each held
    to its cited sources' moves; uncited, to the data sources' when all that decide agree."""
    checks: list[ReasonCheck] = []
    for said in said_ways(body, sentence):
        if sentence.citations:
            check = check_way(sentence, said, statements, sentence.citations, as_of)
        else:
            decided = [c for n in measured
                       if (c := check_way(sentence, said, statements, (n,), as_of))]  # fmt: skip
            check = decided[0] if len({c.status for c in decided}) == 1 else None
        if check is not None:
            checks.append(check)
    return checks


def _unplaced(sentence: Sentence, claimed: list[Place], words: list[Superlative]
              ) -> list[ReasonCheck]:  # fmt: skip
    """An uncited place no source decides ("GLD got hammered the most", nothing ranked GLD):
    unsupported, as an uncited superlative is (one that is a superlative word is that check's)."""
    return [
        ReasonCheck(text=p.word, start=sentence.start + p.start, end=sentence.start + p.end,
                    kind="superlative", status="unsupported",
                    evidence="cites no source, and no source measured it against the others")
        for p in claimed
        if not any(w.start < p.end and p.start < w.end for w in words)
    ]  # fmt: skip


# Words that give a cause: "due to rising demand", "driven by", "because of".
_CAUSE = re.compile(
    r"\b(?:due\s+to|because|driven\s+by|caused\s+by|as\s+a\s+result\s+of|thanks\s+to|"
    r"on\s+the\s+back\s+of|fu?ell?ed\s+by|triggered\s+by|sparked\s+by|prompted\s+by|"
    r"attributed\s+to|owing\s+to|in\s+response\s+to|"
    # A cause told as the subject that acted on the market (`CAUSE_FIRST_VERBS`): "JPMorgan
    # Chase missed … fee guidance …, which knocked financials down almost 2% on Tuesday",
    # "Gold and silver hit record highs, lifting the DBC commodity fund 1%"; with a market after
    # the verb, not a move's own words ("pushed higher", "lifted 2%").
    rf"(?:{CAUSE_FIRST_VERBS})\s+(?!up\b|down\b|higher\b|lower\b)[A-Za-z&][\w&-]*)\b",
    re.IGNORECASE,
)


def _cause_cited_to_figures(
    body: str, sentence: Sentence, sources: dict[int, DataSource | NewsSource]
) -> bool:
    return cause_cited_to_figures(body, [sources.get(n) for n in sentence.citations])


def cause_cited_to_figures(body: str, cited: Sequence[object]) -> bool:
    """A sentence that gives a cause and cites only measured data ("Copper up 5% was due to
    construction demand [1]", [1] a return): the figures bear out the move, not its cause."""
    return (
        bool(cited) and all(isinstance(s, DataSource) for s in cited) and bool(_CAUSE.search(body))
    )


def _uncited_reason(body: str, sentence: Sentence) -> bool:
    """A sentence with no citation at all and enough words to claim something, in an answer
    that was shown articles: a reason (or filler) nothing stands behind."""
    return not sentence.citations and len(re.findall(r"[A-Za-z]{2,}", body)) >= MIN_REASON_WORDS


def verify_answer(
    text: str,
    ledger: SourceLedger,
    as_of: date | None = None,
    question: str = "",
    *,
    scorer: SupportScorer | None = None,
    check_support: bool = True,
    judge: CauseJudge | None = None,
) -> tuple[str, Verification]:
    """Clean citations and check every claim of `text` against the ledger's sources.

    `question` is accepted for the callers' sake and deliberately not used as evidence: a figure
    the user wrote is no source (`premise_checks` checks the question's own figures). `scorer`
    scores reason support (default: the bundled embedding model); `check_support=False` skips
    reasons (figures, dates and superlatives are still checked); `judge` reads each reason the
    score accepts once more (`cause_judge`).
    """
    del question  # the question is not evidence
    cleaned, _, invalid = clean_citations(text, ledger)
    statements = ledger_statements(ledger)
    cleaned, attributed = attribute_uncited(cleaned, ledger, statements)
    cleaned, cited, _ = clean_citations(cleaned, ledger)
    by_source = source_subjects(statements)
    claims = extract_claims(cleaned, as_of, by_source)
    outcomes = check_claims(claims, statements, as_of)
    first_claims = claims
    articles = frozenset(n for n, source in ledger.items() if isinstance(source, NewsSource))
    edits = _corrections(cleaned, claims, outcomes, articles)
    corrected: list[int] = []
    if edits:
        cleaned = _apply(cleaned, edits)
        moved = [o for o in outcomes if o.status == "moved"]
        claims = extract_claims(cleaned, as_of, by_source)
        again = check_claims(claims, statements, as_of)
        outcomes = [
            _as_cited(new, old, was)
            for new, old, was in zip(again, outcomes, first_claims, strict=True)
        ]
        corrected = sorted({o.moved_to for o in (*moved, *outcomes) if o.moved_to is not None})
        _, cited, _ = clean_citations(cleaned, ledger)
    checks = [number_check(c, o, cleaned) for c, o in zip(claims, outcomes, strict=True)]
    for check, was in zip(checks, first_claims, strict=True):
        check.cited = list(was.citations)  # as the answer had it, before any correction
    sources = dict(ledger.items())
    scorer = (scorer or default_scorer()) if check_support else None
    reasons = check_reasons(cleaned, sources, statements, scorer, as_of)
    if judge is not None:
        reasons = judged(reasons, sources, judge)
    return cleaned, Verification(
        numbers=checks, cited=cited, invalid_citations=invalid, attributed=attributed,
        reasons=reasons, corrected=corrected,
    )  # fmt: skip


def judged(
    reasons: list[ReasonCheck], sources: dict[int, DataSource | NewsSource], judge: CauseJudge
) -> list[ReasonCheck]:
    """The reasons the support score accepted, read again by `judge` against the passage that
    supported them: one whose article, by the judge, does not give that cause is unsupported
    (with the judge's p(yes) beside the score). One whose article states its cause in a
    sentence of its own (`ReasonCheck.stated`) is not asked about: words settle it. The judge
    failing leaves the score's verdict."""
    asked = [
        (i, r, news_text(source)) for i, r in enumerate(reasons)
        if r.kind == "reason" and r.status == "supported" and r.source is not None
        and not r.stated and isinstance(source := sources.get(r.source), NewsSource)
    ]  # fmt: skip
    out = list(reasons)
    if not asked:
        return out
    try:
        found = judge.probabilities([(r.text, passage) for _, r, passage in asked])
    except CopilotError:
        return out
    for (i, r, _), p in zip(asked, found, strict=True):
        if p >= judge.threshold:
            out[i] = r.model_copy(update={"judged": round(p, 3)})
        else:
            out[i] = r.model_copy(update={
                "judged": round(p, 3), "status": "unsupported",
                "evidence": f"{r.evidence} (read again, the article does not give this cause "
                f"for the move: p(yes) {p:.2f} < {judge.threshold})",
            })  # fmt: skip
    return out


def _as_cited(new: Outcome, old: Outcome, was: Claim) -> Outcome:
    """A figure's status against the sources the answer cited for it: one that checks out only
    under a citation the checker put in its sentence is moved there, never ✓ (dates are
    verified against any source and reported apart)."""
    if old.status in ("moved", "verified", "derived"):
        return old  # checked against the answer's own citation
    st = new.statement
    if new.status in ("verified", "derived") and not was.is_date and st is not None \
            and st.source not in was.citations:  # fmt: skip
        return Outcome("moved", st, new.relation, new.note, st.source, new.fact)
    return new


def premise_checks(question: str, ledger: SourceLedger, as_of: date | None = None
                   ) -> list[NumberCheck]:  # fmt: skip
    """The question's own figures checked against the sources: a false premise ("why did X gain
    3%?" when it gained 1.2%) comes back contradicted, with the stated value."""
    statements = ledger_statements(ledger)
    claims = [c for c in extract_claims(question, as_of) if not c.is_date]
    every = [s for found in statements.values() for s in found]
    outcomes = [check_figure(c, every, [], every) for c in claims]
    return [number_check(c, o, question) for c, o in zip(claims, outcomes, strict=True)]
