"""A week's review: a piece out on the weekend or on its week's first session that tells a week
gone by tells the week before, not the day it came out.

LifeTime Asset Management's "Weekly Market Navigator, Jan 5, 2026" opens "In a holiday-shortened
trading week, the lackluster performance of U.S. equities was the theme. All major indices
declined …": the week that ended on Friday, January 2. Dated January 5, it was read for the
S&P 500's rise of Monday, January 5 and drafted as that day's reasons ("Growth-oriented stocks
came under pressure, as investors once again rotated into … energy"). A weekday named in a
sentence is placed by the article's own week (`copilot.claims.reason_days`); a week is placed
here, and only where the day it came out leaves no doubt which week it is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from copilot.claims.reason_days import NamedDays
from copilot.understand.sessions import is_session, session_after, session_on_or_before

# A week gone by, whenever the piece came out: "last week", "the holiday-shortened trading week".
_PAST_WEEK = re.compile(
    r"\b(?:(?:last|past|previous|prior)\s+(?:trading\s+)?week|"
    r"holiday[- ]shortened\s+(?:trading\s+)?week|week\s+in\s+review)\b",
    re.IGNORECASE,
)
# "This week", "the week": the week just ended only on a weekend. On a Monday it may be the week
# begun ("This week in the markets: … gold hits a new record on worries about Fed independence",
# out on Monday January 12, 2026, the day of that record).
_THIS_WEEK = re.compile(r"\b(?:this|the)\s+(?:trading\s+)?week\b", re.IGNORECASE)
# A week to come is no review: "the week ahead", "next week", "this week brings CPI".
_AHEAD = re.compile(
    r"\b(?:week\s+ahead|coming\s+week|next\s+week|upcoming\s+week|"
    r"(?:this|the)\s+week\s+(?:ahead|brings|will|could|may|should))\b",
    re.IGNORECASE,
)


def reviewed_week(sentence: str, published: date) -> NamedDays | None:
    """The sessions of the week `sentence` reviews: the week ending on the last session before
    `published` when `published` is a weekend day or its week's first session (after a Monday
    holiday, the Tuesday) and the sentence speaks of a week gone by (on a weekend, also "this
    week"); None otherwise (a piece of midweek may mean the week under way)."""
    weekend = published.weekday() >= 5
    found = _PAST_WEEK.search(sentence) or (_THIS_WEEK.search(sentence) if weekend else None)
    if found is None or _AHEAD.search(sentence):
        return None
    last = session_on_or_before(published if weekend else published - timedelta(days=1))
    if not weekend and last.isocalendar()[:2] == published.isocalendar()[:2]:
        return None  # a session of its own week came before: which week it means is unclear
    first = last - timedelta(days=last.weekday())  # that week's Monday, or its first session
    while not is_session(first) and first < last:
        first += timedelta(days=1)
    return NamedDays(found.group(), first, last)


# A week told as a whole, in a review of it: "financial stocks suffered for most of the week",
# "for the week, the S&P 500 …", "posted a weekly loss".
_THE_WEEK = re.compile(
    r"\b(?:for|during|over|through(?:out)?|on|in)\s+(?:most\s+of\s+|much\s+of\s+)?(?:the|a)\s+"
    r"(?:holiday[- ]shortened\s+)?(?:trading\s+)?week\b(?!['’]s\s+end|\s+ahead)|"
    r"\bweekly\s+(?:loss|losses|gain|gains|decline|drop|advance|rise|fall|performance)\b",
    re.IGNORECASE,
)


def reviews_of_the_week(end: date) -> date:
    """The last day a review of the week of `end` comes out by: the first session after that
    week's Friday (a Monday, or the Tuesday after a Monday holiday)."""
    friday = end + timedelta(days=(4 - end.weekday()) % 7)
    return session_after(friday)


def reviews_the_week(text: str) -> bool:
    """Whether `text` tells a week as a whole ("for most of the week") and no week to come."""
    return _THE_WEEK.search(text) is not None and _AHEAD.search(text) is None


__all__ = ["reviewed_week", "reviews_of_the_week", "reviews_the_week"]
