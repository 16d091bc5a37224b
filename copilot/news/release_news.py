"""The scheduled data of a move's days: the jobs report's or the CPI report's own headlines.

Asked "Long bonds (TLT) rallied on Friday, January 9, 2026. What set that off?", the answer read
a year-end review and kept no reason, while the store held "U.S. economy adds 50,000 jobs in
December as unemployment rate dips", published that day: the December jobs report, out that
morning. No query for bonds finds it (it never names them), and it says nothing of bonds, so it
is no driver. Code knows the release days (`copilot.understand.release_days`): a move of at most
a week that holds one is told the release's headlines of that day or the morning after, quoted
by code as the day's scheduled data, never as the move's cause.

A headline is quoted when it names the release and says what it showed or did (a figure, a move
or a word of the data's way: "Soft CPI Spurs Market Rally"), and was not written before it
("Tech Fuels Rebound Ahead of CPI"); the release's own page title ("Consumer Price Index News
Release - Bureau of Labor Statistics") says neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from copilot.news.embeddings import Vector
from copilot.news.evidence_terms import names_direction
from copilot.news.guess_check import mention_in, telling_words
from copilot.news.models import NewsHit
from copilot.understand.release_days import CPI_DAYS, JOBS_DAYS
from copilot.understand.sessions import session_after

MAX_DAYS = 6  # a move of at most a week (calendar days from its first session to its last)
QUOTES = 2  # headlines quoted per release
# "inflation" alone is everyday vocabulary ("Stubborn inflation and strong growth set stage …"):
# the CPI report is named by its own words.
_CPI_WORDS: list[tuple[str, ...]] = [("cpi", "consumer price", "consumer prices")]
_JOBS_WORDS = telling_words("the jobs report")
# Words for what the data did, beside a move's words and figures.
_DATA_WAY = re.compile(
    r"\b(?:soft|softer|cool|cooler|hot|hotter|strong|stronger|weak|weaker|slow|slower|fast|"
    r"faster|sticky|stubborn|surprise[sd]?|beats?|miss(?:es)?|adds?|added|cuts?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ScheduledRelease:
    """One release on a move's days: its day, its name in words and the words news uses."""

    day: date
    name: str  # "the December 2025 jobs report"
    words: list[tuple[str, ...]]


def releases_in(start: date, end: date) -> list[ScheduledRelease]:
    """The jobs and CPI reports released on a session from `start` to `end`, when the move
    spans at most a week (a month's move holds several releases, each one day of many)."""
    if (end - start).days > MAX_DAYS:
        return []
    found = []
    for days, what, words in ((JOBS_DAYS, "jobs report", _JOBS_WORDS),
                              (CPI_DAYS, "CPI report", _CPI_WORDS)):  # fmt: skip
        for day, data in days:
            if start <= day <= end:
                found.append(ScheduledRelease(day, f"the {_data_month(data)} {what}", words))
    return sorted(found, key=lambda release: release.day)


def _data_month(data: tuple[int, int]) -> str:
    year, month = data
    return f"{date(year, month, 1):%B %Y}"


def release_headlines(
    firsts: Sequence[tuple[str, str, dict[str, Any], Vector]],
    release: ScheduledRelease,
    as_of: date,
    skip: set[str],
) -> list[NewsHit]:
    """The headlines published on the release's day or the morning after (never after `as_of`)
    that name the release and say what it showed, those of its day first, at most `QUOTES`;
    none of the articles in `skip` (the move's own drivers: read already)."""
    last = min(session_after(release.day), as_of)
    found: list[tuple[date, NewsHit]] = []
    for chunk_id, document, meta, _vector in firsts:
        hit = NewsHit.from_chroma(chunk_id, document, meta, 1.0)
        published = hit.published_at.date()
        if not hit.dated_to_day or not release.day <= published <= last:
            continue
        if hit.article_id in skip or any(h.article_id == hit.article_id for _, h in found):
            continue
        title = hit.title.strip()
        if mention_in(title, release.words) is not None and says_what_it_did(title):
            found.append((published, hit))
    found.sort(key=lambda pair: pair[0])
    return [hit for _, hit in found[:QUOTES]]


# A headline written before the data came out: "Tech Fuels Rebound Ahead of CPI, Rate
# Decisions", "Global stocks dip as investors await key US inflation data".
_PREVIEW = re.compile(
    r"\b(?:ahead\s+of|before|await(?:s|ed|ing)?|eye(?:s|ing)?|watch(?:es|ing)?|looms?|"
    r"previews?|brace[sd]?|bracing)\b",
    re.IGNORECASE,
)


def says_what_it_did(headline: str) -> bool:
    """Whether a headline tells what the release showed or did, not only its name (a figure, a
    move, a data's way), and was not written before it came out."""
    if _PREVIEW.search(headline):
        return False
    return (
        any(ch.isdigit() for ch in headline)
        or names_direction(headline, "up")
        or names_direction(headline, "down")
        or _DATA_WAY.search(headline) is not None
    )


def release_note(release: ScheduledRelease, quoted: Sequence[int], headlines: Sequence[str],
                 market: str) -> str:  # fmt: skip
    """Code's sentence on the release: its day and name, and the headlines quoted, each [n]."""
    quotes = "; ".join(
        f"[{n}] “{h.strip().rstrip('.')}”" for n, h in zip(quoted, headlines, strict=True)
    )
    day = f"{release.day:%A}, {release.day:%B} {release.day.day}, {release.day.year}"
    return (f"{day} brought {release.name}: {quotes} (the day's scheduled data, quoted: not "
            f"proof that it moved {market}).")  # fmt: skip


__all__ = [
    "QUOTES",
    "ScheduledRelease",
    "release_headlines",
    "release_note",
    "releases_in",
    "says_what_it_did",
]
