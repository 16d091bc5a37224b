"""Rendering an `Answer` for the terminal: verification marks, sources, a summary line."""

from __future__ import annotations

from rich.text import Text

from copilot.answer import Answer
from copilot.safety import one_line
from copilot.sources import NewsSource

MARKS = {"verified": ("✓", "green"), "derived": ("≈", "cyan"), "unverified": ("?", "bold red")}


def marked_text(answer: Answer) -> Text:
    """The answer with each number followed by its mark: ✓ verified, ≈ derived, ? unverified."""
    text = Text()
    cursor = 0
    for check in sorted(answer.verification.numbers, key=lambda n: n.start):
        text.append(answer.text[cursor : check.end])
        mark, style = MARKS[check.status]
        text.append(mark, style=style)
        cursor = check.end
    text.append(answer.text[cursor:])
    return text


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
    counts = {s: sum(n.status == s for n in v.numbers) for s in MARKS}
    parts = [
        f"{len(v.numbers)} numbers: {counts['verified']} verified, {counts['derived']} derived, "
        f"{counts['unverified']} unverified",
        f"{len(v.cited)} citations valid",
    ]
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
    unverified = answer.verification.unverified
    if not unverified:
        return None
    listed = ", ".join(n.text for n in unverified)
    return f"Unverified figures (not found in any source): {listed}"
