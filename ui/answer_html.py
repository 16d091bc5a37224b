"""An `Answer` as sanitized HTML: citation chips in place of [n], a verification mark after
every number (its evidence in the hover text). The text first goes through the shared link
policy (`copilot.safety`, the same as the CLI, JSON and exports), then `ui.safe.sanitize`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from copilot.answer import ReasonCheck
from copilot.answering.quotes import QUOTED
from copilot.safety.answers import safe_answer, source_urls
from copilot.sources import DataSource, NewsSource
from ui.safe import (
    PRIVATE_USE,
    escape_html,
    is_safe_url,
    markdown_html,
    one_block,
    sanitize,
    strip_sentinels,
)

if TYPE_CHECKING:
    from copilot.answer import Answer, NumberCheck

CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")  # the engine's [n] / [n, m] markers
MARKS = {
    "verified": ("✓", "Verified: the cited source states it"),
    "moved": ("↪", "Moved: the right figure, from another source (citation corrected)"),
    "derived": ("≈", "Derived through a declared relation"),
    "contradicted": ("✗", "Contradicted by the sources"),
    "unverified": ("?", "Unverified: no source states it"),
}
_OPEN, _CLOSE = PRIVATE_USE
_PLACEHOLDER = re.compile(f"{_OPEN}([MCQ])([0-9,]+){_CLOSE}")
SAID = "The cited article's own words, quoted by code: not a claim of the answer, not checked"


def source_title(source: DataSource | NewsSource) -> str:
    """One line describing a source (hover text, list entries)."""
    if isinstance(source, NewsSource):
        return f"{source.title} — {source.publisher}, {source.published_at:%Y-%m-%d}"
    return f"{source.title()} — {source.metric}"


def news_links(answer: Answer) -> set[str]:
    """The only URLs an answer may link to: its news sources' stored URLs (the shared policy)."""
    return {url for url in source_urls(answer.sources.values()) if is_safe_url(url)}


def answer_html(answer: Answer) -> str:
    """The answer's Markdown rendered safely, with chips and marks."""
    answer = safe_answer(answer)
    v = answer.verification
    checks: list[NumberCheck | ReasonCheck] = [*v.numbers, *v.unsupported]
    checks.sort(key=lambda n: n.end)
    marked = _with_placeholders(answer.text, checks)
    body = markdown_html(marked)

    def expand(match: re.Match[str]) -> str:
        if match[1] == "M":
            return _mark(checks[int(match[2])])
        if match[1] == "Q":  # the article's own words, set apart from the answer's claims
            return f'<span class="mc-said" title="{SAID}">' if match[2] == "0" else "</span>"
        return _citations(answer, [int(n) for n in match[2].split(",") if n])

    body = _PLACEHOLDER.sub(expand, body)
    return one_block(sanitize(f'<div class="mc-answer">{body}</div>', news_links(answer)))


def _with_placeholders(text: str, numbers: list[NumberCheck | ReasonCheck]) -> str:
    """`text` with a mark placeholder after each checked number (and unsupported reason),
    each [n] replaced by a citation placeholder, and each article sentence quoted by code
    between quote placeholders (private-use characters Markdown leaves alone)."""
    edits: list[tuple[int, int, str]] = []
    for i, check in enumerate(numbers):
        edits.append((check.end, check.end, f"{_OPEN}M{i}{_CLOSE}"))
    for m in QUOTED.finditer(text):
        edits.append((m.start(), m.start(), f"{_OPEN}Q0{_CLOSE}"))
        edits.append((m.end(), m.end(), f"{_OPEN}Q1{_CLOSE}"))
    for m in CITATION.finditer(text):
        numbers_cited = ",".join(n.strip() for n in m[1].split(","))
        edits.append((m.start(), m.end(), f"{_OPEN}C{numbers_cited}{_CLOSE}"))
    out: list[str] = []
    cursor = 0
    for start, end, token in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < cursor:
            continue
        out.append(strip_sentinels(text[cursor:start]))
        out.append(token)
        cursor = end
    out.append(strip_sentinels(text[cursor:]))
    return "".join(out)


def _mark(check: NumberCheck | ReasonCheck) -> str:
    if isinstance(check, ReasonCheck):
        what = {"superlative": "Superlative", "name": "Name", "verdict": "Verdict"}.get(
            check.kind, "Reason"
        )
        hover = f"{what} not supported by the cited source: {check.evidence}"
        return f'<span class="mc-mark mc-unsupported" title="{escape_html(hover)}">⚠</span>'
    symbol, meaning = MARKS[check.status]
    hover = f"{meaning}: {check.mark_note()}"
    return f'<span class="mc-mark mc-{check.status}" title="{escape_html(hover)}">{symbol}</span>'


def _citations(answer: Answer, numbers: list[int]) -> str:
    chips = []
    for n in numbers:
        source = answer.sources.get(n)
        if source is None:
            continue
        hover = escape_html(source_title(source))
        if isinstance(source, NewsSource) and is_safe_url(source.url):
            url = escape_html(source.url)
            chips.append(
                f'<a class="mc-cite mc-news" href="{url}" target="_blank" title="{hover}">{n}</a>'
            )
        else:
            chips.append(f'<span class="mc-cite mc-data" title="{hover}">{n}</span>')
    return "".join(chips)
