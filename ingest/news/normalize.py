"""Normalization shared by every loader: canonical URLs, publication times, symbols, text.

`build_article` is the one place an `Article` is made, so every loader produces the same shape.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, time
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from copilot.market.symbols import KNOWN_SYMBOLS, resolve_concept
from copilot.news.models import Article, DatePrecision, sha256_hex
from copilot.safety import one_line

MAX_TEXT_CHARS = 200_000  # longer bodies are cut at a paragraph boundary, with a warning
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "igshid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


class DateParseError(ValueError):
    """A publication date in none of the known styles."""


class BadUrlError(ValueError):
    """A URL that cannot be parsed (a port out of range or not a number, a stray bracket)."""


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no default port, no utm_*/fbclid tracking, no fragment, no
    trailing slash. `''` stays `''`.

    >>> canonical_url("HTTPS://News.Example.com:443/a/b/?utm_source=x&id=3#top")
    'https://news.example.com/a/b?id=3'
    """
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # urllib's "Port out of range", "Invalid IPv6 URL", …
        shown = url if len(url) <= 120 else url[:120] + "…"
        raise BadUrlError(f"URL {shown!r} cannot be read ({exc}); fix or remove it") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    ]
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def article_id_for(url: str, title: str, publisher: str, published: datetime) -> str:
    """A hash of the canonical URL; without a URL, of publisher, title and day."""
    key = url or f"{publisher.casefold()}|{title.casefold()}|{published.date().isoformat()}"
    return sha256_hex(key)[:16]


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY_STYLES = (
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})$"),  # US style
)
_MONTH_STYLES = (
    re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),
)


def _month_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    number = _MONTHS.get(token.lower())
    if number is None:
        raise DateParseError(f"unknown month {token!r}")
    return number


def parse_published(
    value: str, latest_possible: datetime | None = None
) -> tuple[datetime, DatePrecision]:
    """Parse a publication date in any style the inputs use, as an aware UTC datetime.

    Styles: ISO date or datetime (`2026-01-21`, `2026-01-21T14:30:00-05:00`), `January 21, 2026`,
    `Jan. 2, 2026`, `21 January 2026`, `1/22/2026` (month first), and month-only `January 2026`
    or `2026-01`. A month-only date becomes the end of that month, or midnight of the day of
    `latest_possible` (e.g. the scrape time) if that is earlier. Naive times are taken as UTC.
    """
    text = " ".join(value.strip().split())
    if not text:
        raise DateParseError("empty date")
    iso = _parse_iso(text)
    if iso is not None:
        return iso
    for pattern in _DAY_STYLES:
        match = pattern.match(text)
        if match:
            day = _make_date(match["year"], match["month"], match["day"], text)
            return datetime.combine(day, time(), UTC), "day"
    for pattern in _MONTH_STYLES:
        match = pattern.match(text)
        if match:
            year, month = int(match["year"]), _month_number(match["month"])
            if not 1 <= month <= 12:
                raise DateParseError(f"no month {month} in {text!r}")
            last = date(year, month, calendar.monthrange(year, month)[1])
            if latest_possible is not None:
                last = min(last, latest_possible.astimezone(UTC).date())
            return datetime.combine(last, time(), UTC), "month"
    raise DateParseError(
        f"cannot read date {value.strip()!r} (expected e.g. 2026-01-21, January 21, 2026, "
        "Jan. 21, 2026, 1/21/2026 or January 2026)"
    )


def _parse_iso(text: str) -> tuple[datetime, DatePrecision] | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return datetime.combine(_make_date(text[:4], text[5:7], text[8:], text), time(), UTC), "day"
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise DateParseError(f"cannot read date {text!r}: {exc}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC), "time"


def _make_date(year: str, month: str, day: str, text: str) -> date:
    try:
        return date(int(year), _month_number(month), int(day))
    except ValueError as exc:
        raise DateParseError(f"cannot read date {text!r}: {exc}") from None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc but \t, \n


def clean_text(text: str) -> str:
    """NFC-normalize, drop control characters, trim lines, and keep at most one blank line
    between paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def truncate_text(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """Cut `text` to at most `limit` characters, at the last paragraph break if there is one."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind("\n\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(), True


@lru_cache(maxsize=1)
def _aliases() -> tuple[str, ...]:
    """Every alias in the symbol registry, longest first."""
    aliases = {alias.lower() for info in KNOWN_SYMBOLS for alias in info.aliases}
    return tuple(sorted(aliases, key=lambda a: (-len(a), a)))


@lru_cache(maxsize=4096)
def _scanner(aliases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(alias) for alias in aliases)
    return re.compile(rf"(?<![\w&])(?:{body})(?![\w&])", re.IGNORECASE)


def find_symbols(*texts: str, extra: list[str] | None = None) -> list[str]:
    """Symbols named in the texts (through the symbol registry), then `extra` tickers.

    A single scan finds the alias phrases present; `resolve_concept` then maps those phrases
    (it would scan a long article once per alias). AP's "S & P 500" is read as "S&P 500".
    """
    phrases: dict[str, None] = {}
    for text in texts:
        text = text.replace("S & P", "S&P")
        lowered = text.lower()
        present = tuple(alias for alias in _aliases() if alias in lowered)  # fast prefilter
        if not present:
            continue
        for match in _scanner(present).finditer(text):
            phrases.setdefault(match.group(0).lower(), None)
    found = resolve_concept("\n".join(phrases))
    for ticker in extra or []:
        symbol = ticker.strip().upper()
        if symbol and symbol not in found:
            found.append(symbol)
    return found


def build_article(
    *,
    source: str,
    url: str,
    title: str,
    publisher: str,
    published_at: datetime,
    date_precision: DatePrecision,
    text: str,
    summary: str = "",
    summary_only: bool = False,
    authors: list[str] | None = None,
    tickers: list[str] | None = None,
    scraped_at: datetime | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """Normalize the fields a loader read and make the `Article` (id, URL, symbols, text cap).

    Raises `BadUrlError` for a URL that cannot be parsed: the loader rejects that record."""
    notes = list(warnings or [])
    body, cut = truncate_text(clean_text(text))
    if cut:
        notes.append(f"{source}: article text longer than {MAX_TEXT_CHARS:,} characters; truncated")
    canonical = canonical_url(url)
    title = one_line(title)  # no C0/C1 controls: a terminal escape must not reach a reader
    publisher = one_line(publisher) or (urlsplit(canonical).hostname or "unknown")
    return Article(
        article_id=article_id_for(canonical, title, publisher, published_at),
        url=canonical,
        title=title,
        publisher=publisher,
        published_at=published_at.astimezone(UTC),
        date_precision=date_precision,
        text=body,
        summary=clean_text(summary),
        summary_only=summary_only,
        symbols=find_symbols(title, body, extra=tickers),
        authors=[one_line(a) for a in authors or [] if one_line(a)],
        source=source,
        scraped_at=scraped_at,
        warnings=notes,
    )
