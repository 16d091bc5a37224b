"""A saved HTML article page, extracted with trafilatura (text, title, date, site name, URL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from copilot.errors import ImportFileError
from ingest.news.base import LoadResult, NewsLoader
from ingest.news.decode import read_text
from ingest.news.normalize import BadUrlError, DateParseError, build_article, parse_published

# Only a date the page states for itself: the default "extensive" search guesses (2000-01-01…).
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def parse_html(markup: str, name: str) -> LoadResult:
    """One article from a saved page; a page without a title, date or text is an error."""
    import trafilatura  # here: 0.2 s every command paid at start, `ask` included

    document: Any = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None:
        raise ImportFileError(name, "no article text found in the HTML page")
    meta: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    title = str(meta.get("title") or "").strip()
    raw_date = str(meta.get("date") or "").strip()
    text = str(meta.get("text") or "").strip()
    if not title:
        raise ImportFileError(name, "no title in the HTML page")
    if not raw_date:
        raise ImportFileError(name, "no publication date in the HTML page's metadata")
    if not text:
        raise ImportFileError(name, "no article text found in the HTML page")
    try:
        published, precision = parse_published(raw_date)
    except DateParseError as exc:
        raise ImportFileError(name, str(exc)) from None
    url = str(meta.get("url") or "")
    warnings = [] if url else [f"{name}: no canonical URL in the page"]
    # trafilatura separates paragraphs with single newlines; the chunker wants blank lines.
    paragraphs = [line for line in text.split("\n") if line.strip()]
    if paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    try:
        article = build_article(
            source=name,
            url=url,
            title=title,
            publisher=str(meta.get("sitename") or meta.get("hostname") or ""),
            published_at=published,
            date_precision=precision,
            text="\n\n".join(paragraphs),
            summary=str(meta.get("description") or ""),
            authors=[a for a in str(meta.get("author") or "").split(";") if a.strip()],
            warnings=warnings,
        )
    except BadUrlError as exc:
        raise ImportFileError(name, f"the page's canonical {exc}") from None
    return LoadResult(articles=[article], warnings=list(article.warnings))


class HtmlLoader(NewsLoader):
    name: ClassVar[str] = "html"
    description: ClassVar[str] = "A saved HTML article page (extracted with trafilatura)"
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm")

    def load(self, source: str) -> LoadResult:
        decoded = read_text(Path(source))
        result = parse_html(decoded.text, source)
        result.warnings[:0] = decoded.warnings
        return result
