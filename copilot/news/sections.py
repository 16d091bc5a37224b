"""A page of dated posts: each section is told on the day its heading gives.

LifeTime Asset Management's "Top Financial News This Week & Month" is one page that grows a
post a week: "Weekly Market Navigator, Jan 12, 2026", then "Weekly Market Navigator, Jan 5,
2026" ("In a holiday-shortened trading week … Growth-oriented stocks came under pressure, as
investors once again rotated into more economically sensitive stocks like energy"), then
"Quarterly Market Navigator, Dec 31, 2025". Stored under the page's one date (January 12), the
post on the week that ended January 2 lay a week outside that week's search window, and a
question asked before January 12 could read none of the page. Each section's chunks carry
the day and the title of the heading they sit under instead; the page keeps its own.

A heading is a line of its own that ends with a full date (month, day and year) and no stop;
a page is sectioned only when at least two headings give distinct days, none after the
page's own date (a post on a later day would be an outlook, not a post).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_HEADING = re.compile(
    r"^(?:[^\n.!?]{0,80}?[,\s]\s*)?(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$",
    re.IGNORECASE,
)
MIN_SECTIONS = 2


@dataclass(frozen=True)
class Section:
    """One dated post of a page: its heading, its day and its text (the heading in it)."""

    heading: str
    day: date
    text: str


def heading_day(paragraph: str) -> date | None:
    """The day a one-line heading ends with ("Weekly Market Navigator, Jan 5, 2026"), or None."""
    line = paragraph.strip()
    if "\n" in line or len(line) > 100:
        return None
    found = _HEADING.match(line)
    if found is None:
        return None
    try:
        return date(int(found["year"]), _MONTHS[found["month"][:3].lower()], int(found["day"]))
    except ValueError:  # "Feb 30, 2026"
        return None


def dated_sections(text: str, published: date) -> list[Section]:
    """The page's sections, each from its heading to the next (the text before the first
    heading goes with the first section); [] when the page is not one of dated posts."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    heads = [(i, day) for i, p in enumerate(paragraphs) if (day := heading_day(p)) is not None]
    days = {day for _, day in heads}
    if len(days) < MIN_SECTIONS or max(days) > published:
        return []
    sections = []
    for k, (i, day) in enumerate(heads):
        start = 0 if k == 0 else i
        end = heads[k + 1][0] if k + 1 < len(heads) else len(paragraphs)
        body = "\n\n".join(p.strip() for p in paragraphs[start:end])
        sections.append(Section(paragraphs[i].strip(), day, body))
    return sections


def sectioned(text: str, published: datetime) -> bool:
    """Whether the page is stored as dated sections (its chunks dated apart)."""
    return bool(dated_sections(text, published.date()))


__all__ = ["MIN_SECTIONS", "Section", "dated_sections", "heading_day", "sectioned"]
