"""Rendering an `Answer` for the terminal: verification marks, sources, a summary line."""

from __future__ import annotations

from rich.text import Text

from copilot.answer import Answer
from copilot.safety import one_line
from copilot.sources import NewsSource

MARKS = {
    "verified": ("✓", "green"),
    "moved": ("↪", "yellow"),
    "derived": ("≈", "cyan"),
    "contradicted": ("✗", "bold red"),
    "unverified": ("?", "bold red"),
}
UNSUPPORTED = ("⚠", "bold red")  # a reason or superlative its cited source does not support
# A sentence kept out of the answer: a figure no source bears out, a day outside the move, or
# a measured instrument said to move the other way (its source may well say so: of another day).
REMOVED_LABEL = "Removed, did not hold up against the sources and measures"


def marks(answer: Answer) -> list[tuple[int, str, str]]:
    """(offset, mark, style) for every figure and every unsupported reason or superlative."""
    placed = []
    for check in answer.verification.numbers:
        mark, style = MARKS[check.status]
        if check.status == "moved" and check.corrected_to is not None:
            mark = f"↪[{check.corrected_to}]"
        placed.append((check.end, mark, style))
    for reason in answer.verification.unsupported:
        placed.append((reason.end, UNSUPPORTED[0], UNSUPPORTED[1]))
    return sorted(placed, key=lambda item: item[0])


def marked_text(answer: Answer) -> Text:
    """The answer with each figure followed by its mark: ✓ verified, ↪ moved to the right
    source, ≈ derived, ✗ contradicted, ? no source; ⚠ after an unsupported reason."""
    text = Text()
    cursor = 0
    for end, mark, style in marks(answer):
        text.append(answer.text[cursor:end])
        text.append(mark, style=style)
        cursor = end
    text.append(answer.text[cursor:])
    return text


def check_lines(answer: Answer) -> list[str]:
    """One line per figure that is not plainly verified, and per unsupported reason: the mark
    with the fact it was checked against."""
    lines = []
    for check in sorted(answer.verification.numbers, key=lambda n: n.start):
        if check.status != "verified":
            lines.append(f"{MARKS[check.status][0]} {check.text}: {check.mark_note()}")
    for reason in answer.verification.unsupported:
        what = reason.kind
        lines.append(f"{UNSUPPORTED[0]} {what} {reason.text!r}: {reason.evidence}")
    return lines


def sources_text(answer: Answer, only_cited: bool = False) -> str:
    lines = []
    for n, source in sorted(answer.sources.items()):
        if only_cited and n not in answer.verification.cited:
            continue
        if isinstance(source, NewsSource):
            lines.append(f"[{n}] {one_line(source.title_line())}")
        else:
            lines.append(f"[{n}] {one_line(f'{source.title()} — {source.metric}')}")
    return "\n".join(lines)


def summary_line(answer: Answer) -> str:
    v = answer.verification
    counts = {s: sum(n.status == s for n in v.figures) for s in MARKS}
    parts = [
        f"{len(v.figures)} figures: {counts['verified']} verified, {counts['moved']} moved, "
        f"{counts['derived']} derived, {counts['contradicted']} contradicted, "
        f"{counts['unverified']} unverified",
        f"{len(v.cited)} citations valid",
    ]
    if v.dates:
        parts.append(f"{sum(n.status == 'verified' for n in v.dates)}/{len(v.dates)} dates checked")
    if v.reasons:
        parts.append(f"{len(v.reasons) - len(v.unsupported)}/{len(v.reasons)} reasons supported")
    if v.corrected:
        parts.append(f"citations corrected to {', '.join(f'[{n}]' for n in v.corrected)}")
    if v.invalid_citations:
        parts.append(f"removed unresolvable {', '.join(f'[{n}]' for n in v.invalid_citations)}")
    if v.attributed:
        parts.append(f"{len(v.attributed)} citations added by the verifier")
    if v.repaired:
        parts.append("repaired once")
    seconds = answer.timings.get("total", 0.0)
    parts.append(f"{seconds:.1f} s, {answer.tokens.get('prompt', 0)}+"
                 f"{answer.tokens.get('completion', 0)} tokens, {answer.model}")  # fmt: skip
    return " · ".join(parts)


def warning_line(answer: Answer) -> str | None:
    """Said at the top when something could not be checked."""
    v = answer.verification
    parts = []
    if v.contradicted:
        listed = "; ".join(f"{n.text} ({n.mark_note()})" for n in v.contradicted)
        parts.append(f"Contradicted by the sources: {listed}")
    missing = [n for n in v.unverified if n.status == "unverified"]
    if missing:
        parts.append(
            f"Unverified figures (found in no source): {', '.join(n.text for n in missing)}"
        )
    if v.unsupported:
        parts.append(f"Not supported by the cited source: {len(v.unsupported)} reason(s)")
    return " · ".join(parts) or None
