"""Markdown files saved by the Perplexity news tracker (the `../shared/data/news` layout).

```
# Title
**Source:** [https://…](https://…)        (or a `## Source` section with `- https://…`)
**Publisher:** Name
**Authors:** A, B                          (optional)
**Published:** January 21, 2026           (several styles, see normalize.parse_published)
**Scraped (UTC):** 2026-01-22T01:50:02+00:00   (or **Generated (UTC):**)
## Summary
…
## Full Article
… or "*(Article text could not be extracted. …)*" (or a scrap shorter than the summary, such
  as a login prompt): then the summary is the text, flagged.
---
*Content scraped … footer*
```
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from copilot.errors import ImportFileError
from ingest.news.base import LoadResult, NewsLoader
from ingest.news.decode import read_text
from ingest.news.normalize import BadUrlError, DateParseError, build_article, parse_published

_FIELD = re.compile(r"^\*\*(?P<key>[A-Za-z ()]+):\*\*\s*(?P<value>.*?)\s*$", re.MULTILINE)
_SECTION = re.compile(r"^## +(?P<name>.+?)\s*$", re.MULTILINE)
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)")
_URL = re.compile(r"https?://\S+")
_NOT_EXTRACTED = re.compile(r"could not be extracted", re.IGNORECASE)


def parse_tracker_markdown(text: str, name: str) -> LoadResult:
    """Parse one tracker file's text; `name` (the path) is used in every message."""
    title_match = re.search(r"^# +(.+?)\s*$", text, re.MULTILINE)
    if title_match is None or not title_match.group(1).strip():
        raise ImportFileError(name, "no '# Title' line; not a news-tracker article")
    header = text[: _first_section_start(text)]
    fields = {m["key"].strip().lower(): m["value"] for m in _FIELD.finditer(header)}
    sections = _sections(text)

    raw_date = fields.get("published", "")
    if not raw_date:
        raise ImportFileError(name, "no '**Published:**' date")
    scraped = _optional_time(fields.get("scraped (utc)") or fields.get("generated (utc)"))
    try:
        published, precision = parse_published(raw_date, latest_possible=scraped)
    except DateParseError as exc:
        raise ImportFileError(name, f"**Published:** {exc}") from None

    url = _source_url(fields.get("source", ""), sections.get("source", ""))
    summary = sections.get("summary", "")
    body = _strip_footer(sections.get("full article", ""))
    summary_only = _not_extracted(body, summary)
    if summary_only and not summary.strip():
        raise ImportFileError(name, "neither article text nor a summary")
    warnings = [] if url else [f"{name}: no source URL; identified by publisher, title and date"]
    try:
        article = build_article(
            source=name,
            url=url,
            title=title_match.group(1),
            publisher=fields.get("publisher", ""),
            published_at=published,
            date_precision=precision,
            text=summary if summary_only else body,
            summary=summary,
            summary_only=summary_only,
            authors=[a for a in re.split(r",|;| and ", fields.get("authors", "")) if a.strip()],
            scraped_at=scraped,
            warnings=warnings,
        )
    except BadUrlError as exc:
        raise ImportFileError(name, f"**Source:** {exc}") from None
    return LoadResult(articles=[article], warnings=list(article.warnings))


def _not_extracted(body: str, summary: str) -> bool:
    """No body, the tracker's "could not be extracted" note, or a scrap shorter than the
    summary of it (a login prompt, "Log in to comment on videos …"): a real body is longer."""
    if not body or (_NOT_EXTRACTED.search(body[:300]) and len(body) < 300):
        return True
    return len(body) < len(summary)


def _first_section_start(text: str) -> int:
    match = _SECTION.search(text)
    return match.start() if match else len(text)


def _strip_footer(body: str) -> str:
    """Drop the tracker's closing `---` rule and the italic attribution lines after it."""
    lines = body.rstrip().split("\n")
    for i in range(len(lines) - 1, -1, -1):
        if re.fullmatch(r"\s*-{3,}\s*", lines[i]):
            tail = [line.strip() for line in lines[i + 1 :] if line.strip()]
            if all(line.startswith("*") for line in tail):
                return "\n".join(lines[:i]).strip()
            break
    return body.strip()


def _sections(text: str) -> dict[str, str]:
    matches = list(_SECTION.finditer(text))
    sections: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sections.setdefault(match["name"].strip().lower(), text[match.end() : end].strip())
    return sections


def _source_url(field_value: str, section: str) -> str:
    link = _LINK.search(field_value)
    if link:
        return link["url"]
    for candidate in (field_value, section):
        match = _URL.search(candidate)
        if match:
            return match.group(0).rstrip(").,")
    return ""


def _optional_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value)[0]
    except DateParseError:
        return None


class TrackerMarkdownLoader(NewsLoader):
    name: ClassVar[str] = "tracker-markdown"
    description: ClassVar[str] = "Markdown articles saved by the Perplexity news tracker"
    suffixes: ClassVar[tuple[str, ...]] = (".md", ".markdown")

    def load(self, source: str) -> LoadResult:
        decoded = read_text(Path(source))
        result = parse_tracker_markdown(decoded.text, source)
        result.warnings[:0] = decoded.warnings
        return result
