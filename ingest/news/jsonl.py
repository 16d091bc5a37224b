"""JSON Lines: one article per line, validated against `JsonlArticle`.

Schema (one JSON object per line; blank lines are skipped):

| field          | type            | required | meaning                                          |
|----------------|-----------------|----------|--------------------------------------------------|
| `title`        | string          | yes      | headline                                         |
| `url`          | string          | yes      | link (canonicalized; the dedupe key)             |
| `publisher`    | string          | yes      | e.g. "Reuters"                                   |
| `published_at` | string          | yes      | ISO 8601 date/datetime or another supported style|
| `text`         | string          | yes*     | the body; paragraphs separated by blank lines    |
| `summary`      | string          | no       | short summary; *the text, flagged, if no `text`  |
| `tickers`      | list of strings | no       | symbols it is about, added to those found in it  |
| `authors`      | list of strings | no       |                                                  |
| `id`           | string          | no       | your own id; must be unique within the file      |

Example: `{"title": "Small caps extend streak", "url": "https://example.com/a",
"publisher": "Example", "published_at": "2026-01-22T15:00:00Z", "text": "…", "tickers": ["IWM"]}`
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from copilot.errors import ImportFileError
from ingest.news.base import LoadResult, NewsLoader
from ingest.news.decode import read_text
from ingest.news.normalize import (
    BadUrlError,
    DateParseError,
    build_article,
    canonical_url,
    parse_published,
)


class JsonlArticle(BaseModel):
    """One line of a news JSON Lines file (see the module docstring for the table)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    title: str = Field(min_length=1)
    url: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    published_at: str = Field(min_length=1)
    text: str = ""
    summary: str = ""
    tickers: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    id: str | None = None


def parse_jsonl(text: str, name: str) -> LoadResult:
    """Every valid line becomes an article; each bad or duplicate line is a problem naming
    `name:line`."""
    result = LoadResult()
    seen_ids: dict[str, int] = {}
    seen_urls: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = JsonlArticle.model_validate(json.loads(line))
            key = canonical_url(record.url)
            _check_unique(record.id, seen_ids, "id", number)
            _check_unique(key, seen_urls, "url", number)
            published, precision = parse_published(record.published_at)
        except json.JSONDecodeError as exc:
            result.problems.append(ImportFileError(where, f"not JSON: {exc.msg}"))
            continue
        except ValidationError as exc:
            result.problems.append(ImportFileError(where, _describe(exc)))
            continue
        except (DateParseError, BadUrlError, _Duplicate) as exc:
            result.problems.append(ImportFileError(where, str(exc)))
            continue
        if not (record.text or record.summary):
            result.problems.append(ImportFileError(where, "neither 'text' nor 'summary'"))
            continue
        article = build_article(
            source=where,
            url=record.url,
            title=record.title,
            publisher=record.publisher,
            published_at=published,
            date_precision=precision,
            text=record.text or record.summary,
            summary=record.summary,
            summary_only=not record.text,
            authors=record.authors,
            tickers=record.tickers,
        )
        result.articles.append(article)
        result.warnings.extend(article.warnings)
    if not result.articles and not result.problems:
        raise ImportFileError(name, "no articles (only blank lines)")
    return result


class _Duplicate(ValueError):
    pass


def _check_unique(value: str | None, seen: dict[str, int], what: str, number: int) -> None:
    if value is None:
        return
    if value in seen:
        raise _Duplicate(f"duplicate {what} {value!r} (first on line {seen[value]}); line skipped")
    seen[value] = number


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'record'}: {err['msg']}" for err in exc.errors()
    )


class JsonlLoader(NewsLoader):
    name: ClassVar[str] = "jsonl"
    description: ClassVar[str] = "JSON Lines, one article per line (schema in ingest/news/jsonl.py)"
    suffixes: ClassVar[tuple[str, ...]] = (".jsonl", ".ndjson")

    def load(self, source: str) -> LoadResult:
        decoded = read_text(Path(source))
        result = parse_jsonl(decoded.text, source)
        result.warnings[:0] = decoded.warnings
        return result
