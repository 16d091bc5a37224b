"""An `Answer` made safe to show: the link policy applied to its text (the verification marks
moved with it), control characters out of its sources' one-line fields; and a filter for the
answer while it streams, before its sources are known to the printer.

Every edge that shows an answer (CLI text, `--json`, the UI) goes through `safe_answer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from copilot.answer import Answer, NumberCheck
from copilot.safety.controls import one_line
from copilot.safety.links import Edit, LinkPolicy, apply_edits, moved
from copilot.sources import DataSource, NewsSource

_CONTROL_RUN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
_CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
STREAM_HOLD_CHARS = 600  # a construct left open longer than this is flushed (and cleaned) anyway


def source_urls(sources: Iterable[DataSource | NewsSource]) -> set[str]:
    """The URLs a text may link to: those of the stored news sources behind it."""
    return {s.url for s in sources if isinstance(s, NewsSource)}


def answer_policy(answer: Answer) -> LinkPolicy:
    return LinkPolicy.of(source_urls(answer.sources.values()))


def safe_sources(
    sources: Mapping[int, DataSource | NewsSource], policy: LinkPolicy
) -> dict[int, DataSource | NewsSource]:
    """News sources with their title and publisher as clean one-liners under the link policy
    (an article's metadata is as untrusted as its text: a publisher can carry a URL)."""

    def shown(value: str) -> str:
        return policy.clean(one_line(value))

    return {
        n: s.model_copy(update={"title": shown(s.title), "publisher": shown(s.publisher)})
        if isinstance(s, NewsSource)
        else s
        for n, s in sources.items()
    }


def safe_answer(answer: Answer) -> Answer:
    """A copy of `answer` fit to show: off-policy links and all images replaced by markers (the
    number checks' offsets follow the text; a check inside a removed URL is dropped)."""
    policy = answer_policy(answer)
    edits = _merged(
        _merged(policy.edits(answer.text), control_edits(answer.text)),
        citation_edits(answer.text, set(answer.sources)),
    )
    text, shifts = apply_edits(answer.text, edits)
    numbers: list[NumberCheck] = []
    for check in answer.verification.numbers:
        span = moved((check.start, check.end), shifts)
        if span is not None:
            numbers.append(check.model_copy(update={"start": span[0], "end": span[1]}))
    reasons = []
    for reason in answer.verification.reasons:
        span = moved((reason.start, reason.end), shifts)
        if span is not None:
            reasons.append(reason.model_copy(update={"start": span[0], "end": span[1]}))
    verification = answer.verification.model_copy(update={"numbers": numbers, "reasons": reasons})
    return answer.model_copy(
        update={
            "text": text,
            "verification": verification,
            "sources": safe_sources(answer.sources, policy),
        }
    )


def control_edits(text: str) -> list[Edit]:
    """Removals of the control characters in `text` (line breaks and tabs stay)."""
    return [Edit(m.start(), m.end(), "") for m in _CONTROL_RUN.finditer(text)]


def citation_edits(text: str, known: set[int]) -> list[Edit]:
    """`[n]` / `[n, m]` markers cut down to the numbers that resolve to a source (an article can
    tell the model to cite "[99]"; the reader must never see a number that leads nowhere)."""
    edits = []
    for match in _CITATION.finditer(text):
        numbers = [int(n) for n in re.split(r"\s*,\s*", match[1])]
        kept = [n for n in numbers if n in known]
        if kept != numbers:
            replacement = f"[{', '.join(map(str, kept))}]" if kept else ""
            edits.append(Edit(match.start(), match.end(), replacement))
    return edits


def _merged(first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Both edit lists in order; an edit overlapping an earlier one is dropped."""
    merged: list[Edit] = []
    for edit in sorted([*first, *second], key=lambda e: (e.start, -e.end)):
        if merged and edit.start < merged[-1].end:
            continue
        merged.append(edit)
    return merged


class StreamingLinkFilter:
    """The link policy over a stream of tokens: text is let out up to the last point where no
    link, image or URL can still be open (whitespace outside brackets and angle brackets), and
    cleaned there. While streaming nothing is allowed (the sources come later); the final
    answer, shown through `safe_answer`, keeps the allowed links."""

    def __init__(self, policy: LinkPolicy | None = None) -> None:
        self.policy = policy or LinkPolicy()
        self._held = ""

    def feed(self, token: str) -> str:
        self._held += token
        cut = _safe_cut(self._held)
        if cut == 0 and len(self._held) > STREAM_HOLD_CHARS:
            cut = len(self._held)
        out, self._held = self._held[:cut], self._held[cut:]
        return self.policy.clean(out) if out else ""

    def finish(self) -> str:
        out, self._held = self._held, ""
        return self.policy.clean(out) if out else ""


def _safe_cut(text: str) -> int:
    """The end of the longest prefix of `text` that ends in whitespace with every `[`, `(` and
    `<` closed — no Markdown link, image or URL can span it; 0 when there is none."""
    brackets = parens = angles = 0
    cut = 0
    for i, char in enumerate(text):
        if char == "[":
            brackets += 1
        elif char == "]":
            brackets = max(brackets - 1, 0)
        elif char == "(":
            parens += 1
        elif char == ")":
            parens = max(parens - 1, 0)
        elif char == "<":
            angles += 1
        elif char == ">":
            angles = max(angles - 1, 0)
        elif char.isspace() and not (brackets or parens or angles):
            cut = i + 1
    return cut
