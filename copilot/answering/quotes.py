"""A reason in other words than its article's is followed by the article's sentence, quoted.

The 1.5B writer keeps the gist of an excerpt and drops what carried it: [3] said "financial
markets are still showing some signs of nervousness. Gold's price rose, and the value of the
U.S. dollar weakened", and the reason read "Gold rose … due to the reported framework of a deal
on Greenland [3]". The reader cannot tell a loose paraphrase from a faithful one without opening
the source, so code quotes the sentence of the writer's view that the reason rests on (the one
sharing the most of its words and figures with the reason) right after it: "… [3] Its words:
“…”". A reason that already says its sentence nearly whole, or to which the sentence would add
fewer than five words or figures beyond its article's title and publisher, is left alone (a
quote would repeat it), and a reason sharing fewer than two content words with every sentence
rests on none of them (nothing to quote). The quote is the article's own words, after the
reason's [n]: never a claim, so never checked, and never counted among the model's reasons.
"""

from __future__ import annotations

import re
from typing import TypeVar

from copilot.answer import NumberCheck, ReasonCheck, Verification
from copilot.answering.excerpt_view import for_the_writer, view_sentences
from copilot.claims.extract import CITATION, citations_in
from copilot.claims.reasons import content_stems
from copilot.news.guess_check import cut_at_word
from copilot.sources import NewsSource, SourceLedger

SAID_WHOLE = 0.7  # share of a sentence's words and figures a reason carries when it says it
LEAST_SHARED = 2  # content words a reason shares with the sentence it rests on, at least
LEAST_ADDED = 5  # words or figures a quote adds to its reason, at least (fewer: a restatement)
CheckT = TypeVar("CheckT", NumberCheck, ReasonCheck)
_FIGURE = re.compile(r"\d[\d,.]*%?")


def _said(text: str) -> set[str]:
    """What `text` says, as a set: its content words' stems and its figures."""
    return content_stems(text) | {f.rstrip(".,") for f in _FIGURE.findall(CITATION.sub(" ", text))}


def rested_on(reason: str, excerpt: str, masthead: str = "") -> str | None:
    """The sentence of `excerpt`'s writer view that `reason` rests on (sharing the most of its
    words and figures with the reason), when the reason puts it in other words; None when it
    says the sentence nearly whole or adds little to it, or rests on no sentence. Words of the
    article's `masthead` (its title and publisher) add nothing: a sentence run on into the
    headline and byline ("… to impose on Europe How major US stock indexes fared Wednesday,
    1/21/2026 The Associated Press") would be quoted for them."""
    words, told = content_stems(reason), _said(reason)
    best, share = None, 0.0
    for sentence in view_sentences(for_the_writer(excerpt)):
        if len(content_stems(sentence) & words) < LEAST_SHARED:
            continue
        says = _said(sentence)
        if (carried := len(says & told) / len(says)) > share:
            best, share = sentence, carried
    if (
        best is None
        or share >= SAID_WHOLE
        or len(_said(best) - told - _said(masthead)) < LEAST_ADDED
    ):
        return None
    return best


def quote_for(reason: str, ledger: SourceLedger) -> tuple[int, str] | None:
    """(n, sentence): the sentence of its one cited article `reason` rests on, when it puts
    that sentence in other words (`rested_on`); None when it cites no article, or several."""
    cited = [(n, s) for n in dict.fromkeys(citations_in(reason))
             if isinstance(s := ledger.get(n), NewsSource)]  # fmt: skip
    if len(cited) != 1:
        return None
    n, article = cited[0]
    masthead = f"{article.title} {article.publisher}"
    sentence = rested_on(reason, article.excerpt or article.text, masthead)
    return None if sentence is None else (n, sentence)


QUOTED = re.compile(r"Its words: “[^”]*”")  # a quote in an answer's text, as `quoted` writes it


def quoted(sentence: str) -> str:
    """The words that follow a reason to quote its article's `sentence` (its own quotation
    marks made single, so the quote ends at its closing mark: `QUOTED`)."""
    inner = cut_at_word(sentence.rstrip()).replace("“", "‘").replace("”", "’")
    return f" Its words: “{inner}”"


def with_quotes(
    text: str, verification: Verification, ledger: SourceLedger
) -> tuple[str, Verification]:
    """`text` with each shown reason that puts its cited article's sentence in other words
    followed by `quoted` sentence (once per sentence), the checks after each quote moved
    along with the text."""
    inserts: list[tuple[int, str]] = []
    seen: set[tuple[int, str]] = set()
    for reason in sorted(verification.reasons, key=lambda r: r.start):
        found = quote_for(reason.text, ledger) if reason.kind == "reason" else None
        if found is None or found in seen:
            continue
        seen.add(found)
        inserts.append((reason.end, quoted(found[1])))
    if not inserts:
        return text, verification
    for at, quote in reversed(inserts):  # from the end, so earlier offsets still hold
        text = f"{text[:at]}{quote}{text[at:]}"

    def shifted(check: CheckT) -> CheckT:  # moved past the quotes inserted before it
        by = sum(len(quote) for at, quote in inserts if at <= check.start)
        return check.model_copy(update={"start": check.start + by, "end": check.end + by})

    numbers = [shifted(n) for n in verification.numbers]
    reasons = [shifted(r) for r in verification.reasons]
    return text, verification.model_copy(update={"numbers": numbers, "reasons": reasons})
