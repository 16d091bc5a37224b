"""An article to check, from a file (Markdown, text or HTML), a URL or stdin: its plain text,
its title and the date it states (the default as-of)."""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx

from copilot.errors import CopilotError
from ingest.news.feeds import html_to_text

MAX_BYTES = 2_000_000  # an article, not a book: bigger inputs are refused with a message
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_MDY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b"
)
_DMY = re.compile(
    r"\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b"
)
_META = re.compile(
    r"^\s*(?:\*\*)?(?:published|date|dated|updated|as of)(?:\*\*)?\s*:?(?:\*\*)?\s*:?\s*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_SCRIPT = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


class ArticleInputError(CopilotError):
    """The article could not be read (a missing file, a failed fetch, an empty text)."""


@dataclass
class Article:
    title: str
    text: str
    stated: date | None  # the date the article states, if it states one


def read_input(where: str, timeout_s: float) -> Article:
    """`where` is a path, an http(s) URL, or '-' for stdin."""
    if where == "-":
        return parse_article(sys.stdin.read(), "stdin")
    if re.match(r"https?://", where, re.IGNORECASE):
        return parse_article(fetch(where, timeout_s), where)
    path = Path(where)
    if not path.is_file():
        raise ArticleInputError(f"no file at {where}: give a file, an http(s) URL, or - for stdin.")
    if path.stat().st_size > MAX_BYTES:
        raise ArticleInputError(
            f"{where} is over {MAX_BYTES:,} bytes: check one article at a time."
        )
    return parse_article(path.read_text(encoding="utf-8", errors="replace"), path.name)


def fetch(url: str, timeout_s: float) -> str:
    try:
        response = httpx.get(url, timeout=timeout_s, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ArticleInputError(
            f"could not fetch {url}: {exc}; save the page and pass the file instead."
        ) from exc
    if len(response.content) > MAX_BYTES:
        raise ArticleInputError(f"{url} is over {MAX_BYTES:,} bytes: check one article at a time.")
    return response.text


def parse_article(raw: str, name: str) -> Article:
    """Plain text (HTML turned to text), a title, and the stated date."""
    title = name
    if re.search(r"<(?:html|body|p|div|article|h1)\b", raw, re.IGNORECASE):
        found = _TITLE.search(raw)
        if found:
            title = html.unescape(" ".join(found.group(1).split()))
        raw = html_to_text(_SCRIPT.sub(" ", raw))
    text = raw.replace("\r\n", "\n").strip()
    if not text:
        raise ArticleInputError(f"{name} holds no text to check.")
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    if heading and title == name:
        title = heading.group(1).strip()
    return Article(title=title, text=text, stated=stated_date(text))


def stated_date(text: str) -> date | None:
    """The article's own date: a Published/Date line, else a date in its first lines."""
    for line in _META.finditer(text[:3000]):
        day = first_date(line.group(1))
        if day is not None:
            return day
    return first_date(text[:400])


def first_date(text: str) -> date | None:
    candidates: list[tuple[int, date]] = []
    for match in _ISO.finditer(text):
        candidates += _safe(match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in _MDY.finditer(text):
        candidates += _safe(
            match.start(), int(match[3]), _MONTHS[match[1][:3].lower()], int(match[2])
        )
    for match in _DMY.finditer(text):
        candidates += _safe(
            match.start(), int(match[3]), _MONTHS[match[2][:3].lower()], int(match[1])
        )
    return min(candidates)[1] if candidates else None


def _safe(position: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(position, date(year, month, day))]
    except ValueError:
        return []
