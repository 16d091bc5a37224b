"""Windows named relative to the latest close or the as-of date: "last 5 sessions", "past 3
months", "lately", "this year", "last month", "today", "yesterday"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from copilot.understand.dates import (
    WEEK_EDGES,
    WEEK_PARTS,
    Kind,
    Period,
    counts_from_a_day,
    find_dates,
    names_a_day_of_last_week,
)
from copilot.understand.model import Window
from copilot.understand.sessions import session_on_or_before
from copilot.understand.vocabulary import MONTH, NUMBER, number_of
from copilot.understand.window_build import (
    WindowFound,
    future_problem,
    period_window,
    say_snap,
    sessions_window,
    through_latest,
)

_N = rf"(?P<n>{NUMBER})"
# Rolling spans counted back from the latest close.
_ROLLING = re.compile(
    rf"\b(?:(?P<over>over|in|during|for|within)\s+)?(?P<the>the\s+)?"
    rf"(?P<word>last|past|previous|prior|trailing|recent)"
    rf"\s+(?:{_N}\s+)?(?P<unit>trading\s+(?:days?|sessions?)|sessions?|days?|weeks?|months?|"
    r"years?|quarters?|fortnights?|half[\s-]years?)\b"
    # "the last session of Q4", "the last trading day before Good Friday": a date
    r"(?!\s+(?:of|in)\b)(?!(?<=day|ion)\s+(?:before|prior\s+to|ahead\s+of|preceding)\b)",
    re.IGNORECASE,
)
_N_DAY = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{NUMBER})[\s-](?P<unit>day|session|week|month|year)\b"
    r"(?!\s*(?:moving|ma\b|sma\b|dma\b|ema\b|average|avg|line))",
    re.IGNORECASE,
)
_TWO_SESSIONS = re.compile(
    rf"\b(?:over|in|across|for)\s+(?:the|these|those)\s+(?P<n>{NUMBER})\s+(?:sessions|days|"
    r"trading\s+days)\b",
    re.IGNORECASE,
)
_RECENT = re.compile(
    r"\b(?:lately|recently|of\s+late|(?:in|over)\s+(?:the\s+)?recent\s+(?:days|weeks|sessions)|"
    r"these\s+days)\b",
    re.IGNORECASE,
)
_OVER_N = re.compile(  # "over 5 days", "in the 3 weeks": no last/past, but a number
    rf"\b(?:over|in|during|within|across)\s+(?:the\s+)?(?P<n>\d{{1,3}}|{NUMBER})\s+"
    r"(?P<unit>trading\s+(?:days?|sessions?)|sessions?|days?|weeks?|months?|years?)\b"
    # "XLE down 3% in a week": the past one (not "a week ago", "within a week of the Fed", "in
    # a week's time"; "in a day" says how fast, not which day: "the biggest drop in a day")
    r"|\b(?:in|within|over)\s+(?:just\s+|only\s+)?(?:a|one)\s+(?P<unit1>week|month|year)\b"
    r"(?!\s+(?:ago|of|or)\b|['’]s)",
    re.IGNORECASE,
)
# "since D", "from D", and "after D" said with no count ("tech sold off after Christmas"; "the
# 3 days after D" and "the week after D" are spans of their own, dates.py)
# "since before Christmas", "from just before January 20": from the last close before the day.
# Not a move's source: "where did the selling come from last week" asks of last week.
_COME_FROM = (
    r"(?<!\bcome\s)(?<!\bcame\s)(?<!\bcomes\s)(?<!\bcoming\s)(?<!\bstem\s)(?<!\bstems\s)"
    r"(?<!\bstemmed\s)(?<!\bstemming\s)"
)
SINCE = re.compile(
    rf"\b(?:(?:since|{_COME_FROM}from)\s+(?P<before>(?:just\s+|right\s+)?before\s+)?|after\s+)"
    r"(?:(?P<edge>the\s+(?:start|beginning|end|close)\s+(?:of|on))\s+)?$",
    re.I,
)
# "before January 30", "ahead of the January 20 selloff", "in the run-up to the Dec 10 Fed
# decision": the words that put a day after what is asked about (they end where the day begins).
BEFORE_A_DAY = re.compile(
    r"\b(?:before|ahead\s+of|prior\s+to|leading\s+up\s+to|in\s+the\s+run[\s-]up\s+to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:tomorrow|next\s+(?:session|trading\s+day|week|month|quarter|year)|(?:in|over|during)\s+"
    r"the\s+(?:next|coming)\s+(?:\w+\s+)?(?:days?|weeks?|months?|quarters?|years?|sessions?)|"
    r"(?:the\s+)?rest\s+of\s+(?:the|this)\s+(?:year|month|week|quarter))\b",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(?<![\w$.·/-])(?P<n>\d{1,3})\s?(?P<unit>d|w|wk|m|mo|y|yr)(?![\w-])", re.I)
_TTM = re.compile(r"\b(?:ttm|trailing\s+twelve\s+months|trailing\s+12\s+months)\b", re.I)
# Words after "in the week" / "for the year" that make it some other period than the
# current one ("the week before Christmas", "the year leading up to the election", "in the week
# between Christmas and New Year's" (had been the week to date), "the week that ended …")
_BESIDE = (
    "before|after|ago|end|thr|to|unt|lead|prior|follow|ahead|just|right|run|between|"
    "that|when|which|in\\s+which|around|surround"
)
_TO_DATE = {
    "year": re.compile(
        r"\b(?:ytd|year[\s-]to[\s-]date|this\s+year|so\s+far\s+(?:this|in\s+the)\s+year|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|"
        rf"(?:this|the)\s+year\s+so\s+far|(?:for|in)\s+the\s+year(?!\s+(?:{_BESIDE}))|"
        # "which sectors are up on the year?", as "up on the month" (was the latest session)
        rf"on\s+the\s+year(?!\s+(?:of|{_BESIDE}))|"
        r"year\s+so\s+far|(?:where|since)\s+(?:it|they)\s+(?:started|began|opened)\s+the\s+year|"
        # "since New Year" / "so far in the new year" / "since the turn of the year": the
        # coming one is never meant, and "New Year's (Day)" is the named day (dates.py)
        r"(?:(?:since|from)\s+(?:the\s+)?|(?:so\s+far\s+)?in\s+the\s+)new\s+year(?!['’]|s\b)|"
        r"(?:since|from|at)\s+the\s+turn\s+of\s+the\s+year)\b",
        re.IGNORECASE,
    ),
    "quarter": re.compile(
        r"\b(?:qtd|quarter[\s-]to[\s-]date|this\s+quarter|so\s+far\s+this\s+quarter|"
        rf"(?:for|in|on)\s+the\s+quarter(?!\s+(?:{_BESIDE})))\b",
        re.I,
    ),
    "month": re.compile(
        r"\b(?:mtd|month[\s-]to[\s-]date|this\s+month|so\s+far\s+this\s+month|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month|"
        rf"(?:for|in)\s+the\s+month(?!\s+(?:of|{_BESIDE}))|"
        # "up on the month", "how did bonds finish the month"
        r"(?:on|(?:finish|end|clos)(?:e|es|ed|ing|s)?(?:\s+out)?)\s+the\s+month"
        rf"(?!\s+(?:of|{_BESIDE}))|"
        r"(?:where|since)\s+(?:it|they)\s+(?:started|began|opened)\s+the\s+month)\b",
        re.IGNORECASE,
    ),
    "week": re.compile(
        r"\b(?:wtd|week[\s-]to[\s-]date|this\s+week|so\s+far\s+this\s+week|"
        r"(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+week|"
        rf"(?:for|in)\s+the\s+week(?!\s+(?:of|{_BESIDE}))|"
        # "was the Nasdaq up on the week?", "how did bonds finish the week?"
        r"(?:on|(?:finish|end|clos)(?:e|es|ed|ing|s)?(?:\s+out)?)\s+the\s+week"
        rf"(?!\s+(?:of|{_BESIDE})))\b",
        re.IGNORECASE,
    ),
}
# "at the start of the year", "the end of last month": a part of a month named by its place in
# the as-of date's year or month, read as that month's part ("the start of January 2026").
_EDGE_OF = re.compile(
    # ("since the first of the year" is its start)
    r"\b(?P<edge>start|beginning|end|first)\s+of\s+(?P<which>the|this|last|the\s+last)\s+"
    r"(?P<unit>year|month)\b",
    re.IGNORECASE,
)


# "the pop in financials after the new year", "why did banks rally to start the year", "as the
# year began": the year's opening days, read as "the start of the year" (the week or two after
# New Year's Day; `named_edges`). Not "since the new year" (the year to date), nor a span the
# date reader counts ("right after", "the first session after", "the week after New Year").
_YEAR_OPENING = re.compile(
    r"\b(?:after|following)\s+(?:the\s+)?(?P<day>new\s+year)(?!'?s?\s+(?:eve|day)\b)(?:'?s)?\b"
    r"|\bto\s+(?:start|begin|kick\s+off|open)\s+(?:the|this)\s+(?:new\s+)?year\b"
    # "how did stocks start the new year?", "gold opened the new year strongly"
    r"|\b(?:start(?:ed)?|beg[ia]n|kick(?:ed)?\s+off|open(?:ed)?)\s+(?:the|this)\s+new\s+year\b"
    r"|\bas\s+the\s+(?:new\s+)?year\s+(?:began|started|opened|got\s+underway|kicked\s+off)\b"
    # "what pushed treasuries lower early in the new year?"
    r"|\bearly\s+in\s+the\s+new\s+year\b",
    re.IGNORECASE,
)


# "between Christmas and New Year", "from Thanksgiving to new year": beside another holiday,
# "new year" is New Year's Day ("… and new year's" was read; without "'s" only Christmas was).
_NEW_YEAR_AFTER_A_DAY = re.compile(
    r"(?P<lead>\b(?:christmas|xmas|thanksgiving|black\s+friday)(?:'s)?(?:\s+(?:day|eve))?\s+"
    r"(?:and|to|through|thru|until|till)\s+(?:the\s+)?"
    # "heading into the new year", "the run-up to the new year": the days before New Year's Day
    r"|\b(?:into|(?:run|lead)[\s-]up\s+to|ahead\s+of|leading\s+up\s+to)\s+the\s+)"
    r"new\s+year\b(?!['’]|s\b)",
    re.IGNORECASE,
)


def _year_openings(text: str) -> str:
    text = _NEW_YEAR_AFTER_A_DAY.sub(lambda m: f"{m['lead']}new year's", text)

    def opening(match: re.Match[str]) -> str:
        counted = match["day"] and counts_from_a_day(text[: match.start("day")])
        if not counted:
            return "at the start of the year"
        # The day the span counts from, named as the date reader knows it: "right after new
        # year" (no "'s") was not dated, and "the two weeks after new year" read "the past 2
        # weeks".
        return f"{text[match.start() : match.start('day')]}new year's"

    return _YEAR_OPENING.sub(opening, text)


# Words that put "the end of the year" ahead, not behind: a forecast, never a past window.
_AHEAD = re.compile(
    r"\b(?:will|won'?t|going\s+to|expect\w*|forecast\w*|predict\w*|outlook|projected|by\s+the"
    r"\s+end)\b",
    re.IGNORECASE,
)


# "was it a good month for small caps?", "rough week for tech?", "has it been a bad year for
# bonds": a period judged is the one running now ("this month"), its move what is judged.
_JUDGED_PERIOD = re.compile(
    r"\b(?:an?\s+)?(?:good|bad|rough|great|strong|weak|tough|terrible|awful|solid|decent|big|"
    r"banner|brutal|ugly|nice|wild|quiet)\s+(?P<unit>week|month|quarter|year)\b(?=\s+(?:for|in)\b)",
    re.IGNORECASE,
)


def judged_periods(text: str) -> str:
    """`text` with a period judged ("a good month for X") written as the one running now ("this
    month for X"), for the date reader; not when the question looks ahead ("will it be a good
    year for bonds?": a forecast, no window of the past)."""
    if _AHEAD.search(text):
        return text
    return _JUDGED_PERIOD.sub(lambda m: f"this {m['unit'].lower()}", text)


# The present held against a point in the past: "still below where it stood at the start of
# December", "higher than it was on December 15", "up from its level at the end of November".
# What is asked is the move since that point ("since the start of December"); read as a
# window of its own, "the start of December" measured December 1-10 and the model answered
# "still below" from it.
_THEN = r"(?:it|they|·+)\s+(?:stood|was|were|traded|sat|closed|ended|finished)"
_AT = r"(?:back\s+)?(?:at|on|in|around|as\s+of|(?P<before>(?:just\s+|right\s+)?before))\s+"
_FROM_A_POINT = re.compile(
    r"\b(?P<cmp>above|below|under|over|up\s+from|down\s+from|compared?\s+(?:with|to)|vs\.?|"
    rf"versus|relative\s+to|against|back\s+to)\s+(?:(?:where|what)\s+{_THEN}\s+|(?:its|their)"
    rf"\s+(?:level|price|close|value)\s+){_AT}"
    rf"|\b(?P<more>higher|lower|up|down|cheaper|pricier|dearer|(?:more|less)\s+expensive)\s+than\s+"
    rf"(?:{_THEN}\s+)?(?:(?:back\s+)?(?:at|on)\s+|(?=(?:a|an|one|two|three|four|five|six|\d+|a\s+few|"
    r"several)\s+(?:\w+\s+)?(?:days?|sessions?|weeks?|months?|quarters?|years?)\s+ago\b))",
    re.IGNORECASE,
)


# "still below where it started the year", "above where it ended 2025": a period's first or
# last close, named by what the market did then, read as the move since that edge ("below
# since the start of the year").
_FROM_AN_EDGE = re.compile(
    r"\b(?P<cmp>above|below|under|over|higher\s+than|lower\s+than|up\s+from|down\s+from)\s+"
    r"(?:where|what)\s+(?:it|they|·+)\s+(?:(?P<start>started|began|opened|entered|kicked\s+off)|"
    r"ended|finished|closed)\s+(?P<period>(?:the|this|last)\s+(?:year|month|week|quarter)|"
    rf"(?:19|20)\d\d|{MONTH})\b",
    re.IGNORECASE,
)


_POINT_WAYS: dict[str, Literal["up", "down"]] = {
    "above": "up", "over": "up", "higher": "up", "up": "up",
    "below": "down", "under": "down", "lower": "down", "down": "down",
    # a price's own words: "is oil cheaper than it was at the start of the month?"
    "pricier": "up", "dearer": "up", "more": "up", "cheaper": "down", "less": "down",
}  # fmt: skip


def compared_way(text: str) -> Literal["up", "down"] | None:
    """The way a point compared asks about: "still below where it stood …" asks whether it
    fell since; "compared with where it stood …" asks no way."""
    match = _FROM_A_POINT.search(text)
    if match is None:
        edge = _FROM_AN_EDGE.search(text)
        return None if edge is None else _POINT_WAYS.get(edge["cmp"].split()[0].lower())
    return _POINT_WAYS.get((match["cmp"] or match["more"]).split()[0].lower())


def compares_a_point(text: str) -> bool:
    """Whether `text` holds the present against a past point (`points_compared`)."""
    return _FROM_A_POINT.search(text) is not None or _FROM_AN_EDGE.search(text) is not None


def points_compared(text: str) -> str:
    """`text` with the present held against a past point written as the move since it, for
    the date reader: "below where it stood at the start of December" → "below since the start
    of December"."""

    def since(match: re.Match[str]) -> str:
        before = "before " if match["before"] else ""  # "since before Christmas" (`SINCE`)
        return f"{match['cmp'] or match['more']} since {before}"

    return _FROM_A_POINT.sub(since, text)


def edges_compared(text: str) -> str:
    """`text` with the present held against a period's first or last close written as the move
    since it: "below where it started the year" → "below since the start of the year" (read
    before a period's edges are dated: "ended 2025" alone is the year's final days)."""

    def since_its_edge(match: re.Match[str]) -> str:
        edge = "start" if match["start"] else "end"
        way = match["cmp"].split()[0]  # "higher than where …" → "higher since …"
        return f"{way} since the {edge} of {match['period']}"

    return _FROM_AN_EDGE.sub(since_its_edge, text)


# "Off the January 20 low", "since the Jan 20 low", "from its December 17 high", "since the
# December 24 record", "how far below its January 28 high": a move from that day's close, the
# move since it (read as a window of its own, the session of January 20 was measured: "which
# sector led the market off the january 20 low?").
_FROM_A_DAYS_EXTREME = re.compile(
    r"\b(?P<lead>off|since|from|after|below|under|beneath|above)\s+(?:the|its|their)\s+"
    r"(?P<day>(?:[\w.,'-]+\s+){1,3}?)(?:lows?|bottom|trough|highs?|peak|top|"
    r"record(?:\s+(?:high|close))?)\b",
    re.IGNORECASE,
)
_TO_A_POINT = ("below", "under", "beneath", "above")  # a distance's words, not a start's


def days_extremes(
    text: str, as_of: date, days_only: bool = False, inclusive: bool = False,
    distances: bool = True,
) -> str:  # fmt: skip
    """`text` with a move from a dated low or high written as the move since that day, for the
    date reader ("off the January 20 low" → "since January 20"); not "its 52-week low".
    After "below" / "above", and after any lead word with `days_only`, only a day named is
    rewritten ("its January 28 high"), never a period ("its December high", "its 2011 high").
    With `inclusive`, the day's own close is in the window ("since before January 28"): a
    distance from the peak named must be able to find that peak. Without `distances`, "below
    / above its … high" is left as written (it asks a distance, not a move since)."""

    def since(match: re.Match[str]) -> str:
        day = match["day"].strip()
        to_a_point = match["lead"].lower() in _TO_A_POINT
        if to_a_point and not distances:
            return match.group()
        found = find_dates(day, as_of)
        # A day, not a period, where asked: "its December low" is the month's lowest close
        one_day = any(m.period.start == m.period.end for m in found)
        if not found or ((days_only or to_a_point) and not one_day):
            return match.group()
        return f"since before {day}" if inclusive else f"since {day}"

    return _FROM_A_DAYS_EXTREME.sub(since, text)


# "What was the S&P 500's level at the start of January", "where did gold stand at the
# beginning of December": a value at a point, the month's first close (read as a part of the
# month, it was the value at the part's end, January 10).
_AT_A_MONTHS_START = re.compile(
    rf"\b(?:at|by|on)\s+the\s+(?:very\s+)?(?:start|beginning)\s+of\s+(?={MONTH}\b)", re.I
)


def months_first_session(text: str) -> str:
    """`text` with a value asked at a month's start written as at its first session, for the
    date reader (after `named_edges`: "the start of the year" is January's by then)."""
    return _AT_A_MONTHS_START.sub("on the first session of ", text)


# "How did the S&P close out 2025?", "how did gold wrap up the year?", "where did small caps
# finish the year?", "what level did the S&P end the year at?": the year's final days, read as
# "the end of December 2025" (the latest close was measured; `named_edges` dates "the year":
# the one that ended, unless asked in December or looking ahead). A way said after a plain
# verb ("did small caps finish the year higher?") asks about the whole year, named for the date
# reader ("finish 2025 higher"). "End the day lower" is the latest session's move. ("Finish
# the month / week" is this month's or week's, `_TO_DATE`.)
_CLOSING_VERB = (
    r"(?P<verb>(?P<out>clos(?:e|ed|es|ing)\s+out|wrap(?:s|ped|ping)?\s+up)|"
    r"clos(?:e|ed|es|ing)|finish(?:ed|es|ing)?|end(?:s|ed|ing)?|r(?:ing|ings|ang)\s+out)"
)
_YEAR_CLOSING = re.compile(
    rf"\b{_CLOSING_VERB}\s+(?:(?P<year>(?:19|20)\d{{2}})|(?P<the>the|this|last)\s+"
    r"(?P<unit>year|day|session))\b(?!'s)(?P<way>\s+(?:higher|lower|up|down|"
    r"in\s+the\s+(?:green|red)|with\s+an?\s+(?:gain|loss|rise|fall|drop|decline)))?",
    re.IGNORECASE,
)


# "its lowest close this year", "a record finish the year before": the noun, not the verb
_A_NOUN_BEFORE = re.compile(
    r"\b(?:its|their|a|an|the|lowest|highest|record|daily|weekly|first|last|final|best|worst|"
    r"strong|weak|year-end|session)\s+$",
    re.IGNORECASE,
)


def _year_closings(text: str, as_of: date) -> str:
    def closing(match: re.Match[str]) -> str:
        if _A_NOUN_BEFORE.search(text, 0, match.start()):
            return match.group()
        way = match["way"] or ""
        if (match["unit"] or "").lower() in ("day", "session"):
            return f"{match['verb']} today{way}"
        if way and not match["out"]:  # the whole year, named
            if match["year"]:
                return match.group()
            which = match["the"].lower()
            ended = which == "last" or (which == "the" and as_of.month != 12)
            return f"{match['verb']} {as_of.year - 1 if ended else as_of.year}{way}"
        if match["year"]:
            return f"at the end of December {match['year']}{way}"
        return f"at the end of {match['the'].lower()} year{way}"

    return _YEAR_CLOSING.sub(closing, text)


# "Late in the month", "early this month", "late last month", "mid-month": a third of the
# month the as-of date names, written with its name ("late January 2026") for the date reader.
_THIRD_OF = re.compile(
    r"\b(?P<third>early|late|mid)(?:[\s-]+in)?[\s-]+(?:(?P<which>the|this|last)\s+)?month\b",
    re.IGNORECASE,
)


def _thirds_named(text: str, as_of: date) -> str:
    def third(match: re.Match[str]) -> str:
        this = as_of.replace(day=1)
        month = this - relativedelta(months=1) if (match["which"] or "").lower() == "last" else this
        return f"{match['third'].lower()} {month:%B} {month.year}"

    return _THIRD_OF.sub(third, text)


def named_edges(text: str, as_of: date) -> str:
    """`text` with "the start of the year" written as "the start of January 2026" (as of a day
    in 2026), "the end of the year" as the end of December of the last year that ended (this
    year's only in December, or when the question looks ahead: "where will gold be by the end
    of the year?"), "the start of this month" and "the end of last month" likewise."""

    def month_part(match: re.Match[str]) -> str:
        edge, which = match.group("edge").lower(), match.group("which").lower()
        edge = "start" if edge == "first" else edge
        last = which.endswith("last")
        if match.group("unit").lower() == "year":
            # "where will gold be by the end of the year", not "…, and will it last?"
            ahead = _AHEAD.search(text[: match.end()]) is not None
            ended = which == "the" and edge == "end" and as_of.month != 12 and not ahead
            year = as_of.year - 1 if last or ended else as_of.year
            month = date(year, 12 if edge == "end" else 1, 1)
        else:
            this = as_of.replace(day=1)
            month = this - relativedelta(months=1) if last else this
        return f"{edge} of {month:%B} {month.year}"

    text = _thirds_named(_year_closings(_year_openings(text), as_of), as_of)
    return _OF_THE_PERIOD.sub(_this_period, _parts_named(_EDGE_OF.sub(month_part, text), as_of))


# "gold's best day of the year", "the worst week of the month": the period running now, as
# "this year" (was the whole stored history). Its named parts ("the first week of the year")
# are read before (`_parts_named`).
_OF_THE_PERIOD = re.compile(
    r"\b(?P<noun>days?|sessions?|weeks?|months?|stretch|moves?|drops?|gains?|declines?|"
    r"rall(?:y|ies)|selloffs?|sell-offs?)\s+of\s+the\s+(?P<unit>year|month)\b(?!'s)",
    re.IGNORECASE,
)


def _this_period(match: re.Match[str]) -> str:
    return f"{match['noun']} this {match['unit']}"


# "the first week of the year", "the last two weeks of last year", "the second week of this
# month", "the first 10 trading days of the year", "the year's first session", "the month's
# final week": a part of a period named by its place in the as-of date's calendar, written
# with the period's name ("the first week of 2026") for the date reader's parts.
_PART = (
    rf"(?:(?:first|last|final|opening|closing|second|third|fourth|fifth|2nd|3rd|4th|5th)\s+"
    rf"(?:{NUMBER}\s+)?(?:full\s+)?(?:trading\s+)?(?:weeks?|days?|sessions?)|"
    # "the final quarter of last year", "the second half of the year", "the year's last quarter"
    r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter|"
    r"(?:first|second|front|back|former|latter)\s+half)"
)
# "the first week of the new year", "the new year's first week": the year that began last, not
# New Year's Day (the holiday reader's) and not no period at all.
_PART_OF = re.compile(
    rf"\b(?P<part>{_PART}|(?:first|last|final|opening|closing)\s+month)\s+(?:of|in)\s+"
    r"(?P<which>the\s+new|the|this|last)\s+(?P<unit>year|month)\b"
    rf"|\b(?P<which2>the\s+new|the|this|last)\s+(?P<unit2>year|month)'s\s+"
    rf"(?P<part2>{_PART}|(?:first|last|final|opening|closing)\s+month)\b",
    re.IGNORECASE,
)
_MONTH_PART = re.compile(r"^(?P<edge>first|last|final|opening|closing)\s+month$", re.IGNORECASE)
# Parts at a year's end: "the last week of the year", "the fourth quarter of the year" and "the
# second half of the year", asked in January, are the year that ended.
_END_PART = re.compile(
    r"^(?:last|final|closing|(?:fourth|4th)\s+quarter|(?:second|back|latter)\s+half)\b",
    re.IGNORECASE,
)


def _parts_named(text: str, as_of: date) -> str:
    def named(match: re.Match[str]) -> str:
        part = match.group("part") or match.group("part2")
        which = " ".join((match.group("which") or match.group("which2")).lower().split())
        unit = (match.group("unit") or match.group("unit2")).lower()
        month_of_year = _MONTH_PART.match(part)
        if unit == "month":
            if "quarter" in part.lower() or month_of_year:  # no parts the reader names
                return match.group(0)
            if which == "the new":  # "the new month" is no period code dates
                return match.group(0)
            month = as_of.replace(day=1) - relativedelta(months=1 if which == "last" else 0)
            return f"{part} of {month:%B} {month.year}"
        # "the last week of the year" asked in January is December's: the year that ended, as
        # "the end of the year" (this year's only in December or looking ahead).
        ended = which == "the" and _END_PART.match(part) is not None and as_of.month != 12
        ahead = _AHEAD.search(text[: match.end()]) is not None
        year = as_of.year - 1 if which == "last" or (ended and not ahead) else as_of.year
        if which == "the new":  # the year that began last: next year's only when asked in December
            year = as_of.year + 1 if as_of.month == 12 else as_of.year
        if month_of_year:  # "the first month of the year" is its January
            first = month_of_year.group("edge").lower() in ("first", "opening")
            return f"{'January' if first else 'December'} {year}"
        return f"{part} of {year}"

    return _PART_OF.sub(named, text)


_TODAY = re.compile(r"\b(?:today|today's|this\s+session|latest\s+session)\b", re.IGNORECASE)
_YESTERDAY = re.compile(
    r"\b(?P<before>(?:the\s+)?day\s+before\s+)?yesterday(?:'s)?\b", re.IGNORECASE
)


RECENT_SESSIONS = 20  # what "lately" measures: about a month of sessions

# "the session before last", "the week before last", "the month before last": one period
# further back than the latest (had been an event code could not date: "before last").
_BEFORE_LAST = re.compile(
    r"\b(?:the\s+)?(?P<unit>session|trading\s+day|day|week|month)\s+before\s+last\b",
    re.IGNORECASE,
)
# "the last 48 hours": a day's hours are a session's
_HOURS = re.compile(
    r"\b(?:(?:over|in|during)\s+)?(?:the\s+)?(?:last|past)\s+(?P<n>24|48|72|96|120)\s+hours\b",
    re.IGNORECASE,
)


def _before_last(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _BEFORE_LAST.search(text)
    if match is None:
        return None
    unit = match["unit"].lower()
    kind: Kind
    if unit == "week":
        monday = as_of - timedelta(days=as_of.weekday() + 14)
        start, end, kind = monday, monday + timedelta(days=4), "week"
    elif unit == "month":
        end = as_of.replace(day=1) - timedelta(days=1)
        end = end.replace(day=1) - timedelta(days=1)
        start, kind = end.replace(day=1), "month"
    else:
        start = end = session_on_or_before(latest - timedelta(days=1))
        kind = "day"
    said = " ".join(match.group(0).lower().split())
    label = f"{said} ({start.isoformat()}" + (f" to {end.isoformat()})" if end != start else ")")
    return period_window(Period(start, end, label, kind), as_of, latest, [match.span()])


def _hours(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _HOURS.search(text)
    if match is None:
        return None
    return sessions_window(int(match["n"]) // 24, [match.span()], latest)


# "how volatile is silver right now": for a measure taken over a span, "now" is the recent span
# (was all stored data, volatility's default).
_NOW = re.compile(r"\b(?:right\s+now|currently|at\s+the\s+moment|at\s+present|nowadays)\b", re.I)


def recent_span(text: str, latest: date) -> WindowFound | None:
    """The last 20 sessions when `text` asks about now ("right now", "currently"): for a
    measure taken over a span, where a point in time names none."""
    return _recently(text, latest, latest, _NOW)


def _recently(
    text: str, as_of: date, latest: date, pattern: re.Pattern[str] = _RECENT
) -> WindowFound | None:
    """'lately', 'recently', 'in recent weeks': the last 20 sessions, said as a default."""
    match = pattern.search(text)
    if match is None:
        return None
    found = sessions_window(RECENT_SESSIONS, [match.span()], latest)
    assert found.window is not None
    label = f"recently (the last {RECENT_SESSIONS} sessions)"
    found.window = found.window.model_copy(update={"label": label})
    found.trace = (
        f"window: '{match.group(0).strip()}' → the last {RECENT_SESSIONS} sessions to the latest "
        f"close ({latest.isoformat()}), the default for a recent period no one dated"
    )
    return found


def spans_of(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _rolling(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _ROLLING.search(text)
    if match is not None and not _rolling_words(match):
        match = None
    if match is not None and match.group("unit").lower() == "week" and not match.group("n"):
        # "on Tuesday of the previous week": the week dates the day (`find_dates`)
        match = None if names_a_day_of_last_week(text) else match
    over = _OVER_N.search(text)
    if over is not None and find_dates(text, as_of):
        over = None  # "on Jan 21 and 22, over the two sessions": the dates say which two
    match = match or over or _N_DAY.search(text) or _TTM.search(text)
    if match is None:
        return None
    if match.re is _TTM:
        return _calendar_span(12, "months", "the last 12 months", latest, [match.span()])
    count = number_of(match.groupdict().get("n"))
    unit = (match.group("unit") or match.groupdict().get("unit1") or "").lower()
    if unit.startswith(("fortnight", "half")):  # two weeks; six months
        count, unit = (2 * count, "weeks") if unit.startswith("f") else (6 * count, "months")
    if not 0 < count <= _MOST[unit.split()[-1].rstrip("s")]:
        return None  # "2025 year-end" is a date, not 2025 years
    if match.re is _N_DAY and count == 1 and unit in ("day", "session"):
        return None  # "one-day drop", "1-day move": a daily measure, not a window
    spans = [match.span()]
    if "day" in unit or "session" in unit:
        return sessions_window(count, spans, latest)
    plural = "" if count == 1 else "s"
    if unit.startswith("week"):
        start = latest - timedelta(days=7 * count) + timedelta(days=1)
        label = f"the past {_count(count)}week{plural}"
        return through_latest(start, label, latest, spans)
    months = count * {"month": 1, "quarter": 3, "year": 12}[unit.rstrip("s")]
    label = f"the past {_count(count)}{unit.rstrip('s')}{plural}"
    return _calendar_span(months, "months", label, latest, spans)


_MOST = {"day": 5000, "session": 5000, "week": 520, "month": 600, "quarter": 200, "year": 50}


def _compact(text: str, as_of: date, latest: date) -> WindowFound | None:
    """'XLF 1y', 'SPY 6m', 'QQQ 5d': the chart-button shorthand for the last span."""
    match = _COMPACT.search(text)
    if match is None:
        return None
    count, unit = int(match.group("n")), match.group("unit").lower()
    spans = [match.span()]
    if unit == "d":
        return sessions_window(count, spans, latest) if 0 < count <= 5000 else None
    if unit in ("w", "wk"):
        start = latest - timedelta(days=7 * count) + timedelta(days=1)
        return through_latest(
            start, f"the past {_count(count)}week{'s' * (count > 1)}", latest, spans
        )
    months = count if unit in ("m", "mo") else 12 * count
    if not 0 < months <= 600:
        return None
    label = f"the past {_count(count)}{'month' if months == count else 'year'}{'s' * (count > 1)}"
    return _calendar_span(months, "months", label, latest, spans)


def _rolling_words(match: re.Match[str]) -> bool:
    """'past month', 'the last month', 'last 3 months' roll back from the latest close; plain
    'last month' / 'previous week' name the calendar period before the current one."""
    if match.group("n") or match.group("the") or match.group("over") == "over":
        return True
    return match.group("word").lower() in ("past", "trailing", "recent")


def _count(count: int) -> str:
    return "" if count == 1 else f"{count} "


def _two_sessions(text: str, as_of: date, latest: date) -> WindowFound | None:
    """'over the two sessions' with no dates named: the last two sessions."""
    match = _TWO_SESSIONS.search(text)
    if match is None or find_dates(text, as_of):
        return None
    return sessions_window(number_of(match.group("n")), [match.span()], latest)


def _calendar_span(
    months: int, unit: str, label: str, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    start = latest - relativedelta(months=months) + timedelta(days=1)
    return through_latest(start, label, latest, spans)


def _to_date(text: str, as_of: date, latest: date) -> WindowFound | None:
    for unit, pattern in _TO_DATE.items():
        match = pattern.search(text)
        if match is None:
            continue
        if unit == "year":
            start, label = date(as_of.year, 1, 1), "year to date"
        elif unit == "quarter":
            start = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
            label = "quarter to date"
        elif unit == "month":
            start, label = as_of.replace(day=1), "month to date"
        else:
            start, label = as_of - timedelta(days=as_of.weekday()), "week to date"
        return through_latest(start, label, latest, [match.span()])
    return None


def _today(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _TODAY.search(text)
    if match is None:
        return None
    found = sessions_window(1, [match.span()], latest)
    assert found.window is not None
    found.window = found.window.model_copy(update={"label": f"today ({latest.isoformat()})"})
    found.trace = (
        f"window: today → the latest session ({latest.isoformat()}), its move from the "
        "previous close"
    )
    return found


def _yesterday(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _YESTERDAY.search(text)
    if match is None:
        return None
    day = session_on_or_before(as_of - timedelta(days=1))
    name = "yesterday"
    if match.group("before"):  # "the day before yesterday": the session before that one
        day, name = session_on_or_before(day - timedelta(days=1)), "the day before yesterday"
    period = Period(day, day, f"{name} ({day.isoformat()})", "day")
    return period_window(period, as_of, latest, [match.span()])


# A market's future asked, with no period of its own: "will energy beat tech?", "where will
# gold be?", "is silver going to keep falling?" (names are blanked "·" by now). Answered with
# the last session's move, it had answered another question.
_WILL_A_MARKET = re.compile(
    r"\b(?:will|won'?t)\s+(?:the\s+)?·+(?:'s)?(?:\s+(?:and|or)\s+(?:the\s+)?·+)?\s+[a-z]|"
    r"\b(?:is|are)\s+(?:the\s+)?·+\s+(?:going\s+to|gonna|about\s+to|set\s+to|likely\s+to|"
    r"expected\s+to)\b",
    re.IGNORECASE,
)


def forecast_asked(text: str, as_of: date) -> str | None:
    """The problem of a question about a market's future, or None."""
    if _WILL_A_MARKET.search(text) is None:
        return None
    return (
        "the question asks what will happen: the store holds what happened up to "
        f"{as_of.isoformat()}, not forecasts; ask how the market has done up to then "
        '("how has XLE done against XLK this month?")'
    )


def _future(text: str, as_of: date, latest: date) -> WindowFound | None:
    """'tomorrow', 'next month', 'the rest of the year': nothing after as-of is known."""
    match = _FUTURE.search(text)
    if match is None:
        return None
    found = WindowFound(spans=[match.span()])
    found.problems.append(
        f"'{match.group(0)}' is after the as-of date {as_of.isoformat()}: the store holds what "
        "happened up to then, not what will happen; ask about a period up to "
        f"{as_of.isoformat()}."
    )
    return found


# "the 10 sessions ending January 22", "the last 5 trading days through Jan 16", "the 3 weeks
# to Feb 6", "the week ending January 16", "the year ended June 30, 2025": a rolling span
# counted back from a named close, not from the latest one.
_ENDING = re.compile(
    rf"\b(?:(?:over|in|during|for|across|within)\s+)?(?:the\s+)?(?:(?:last|past|final|previous)"
    rf"\s+)?(?:(?P<n>\d{{1,4}}|{NUMBER})\s+)?(?P<unit>trading\s+(?:days?|sessions?)|sessions?|"
    r"days?|weeks?|months?|quarters?|years?)\s+(?:that\s+)?(?:ending|ended|through|thru|to|until|"
    r"till|up\s+to|leading\s+up\s+to)\s+(?:on\s+)?(?:the\s+(?:close|end)\s+(?:of|on)\s+)?$",
    re.IGNORECASE,
)
_CALENDAR_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _ending_on(text: str, as_of: date, latest: date) -> WindowFound | None:
    for mention in find_dates(text, as_of):
        match = _ENDING.search(text[: mention.start])
        if match is None or mention.period.kind != "day":
            continue
        unit = match.group("unit").lower()
        if not match.group("n") and unit.startswith(("day", "session", "trading")):
            continue  # "the days leading up to D": how many is not said
        count = number_of(match.group("n")) if match.group("n") else 1  # "the week ending D"
        end = mention.period.end
        found = WindowFound(spans=[(match.start(), mention.end)])
        if not 0 < count <= _MOST[unit.split()[-1].rstrip("s")]:
            return None
        if end > as_of:
            found.problems.append(future_problem(end, as_of))
            return found
        session = say_snap(end, found)
        plural = "s" if count > 1 else ""
        name = unit.rstrip("s")
        if name in ("week", *_CALENDAR_MONTHS):
            back = (timedelta(days=7 * count) if name == "week"
                    else relativedelta(months=_CALENDAR_MONTHS[name] * count))  # fmt: skip
            start = end - back + timedelta(days=1)
            label = f"the {_count(count)}{name}{plural} to {end.isoformat()}"
            found.window = Window(start=start, end=end, label=label, explicit=True)
            found.trace = (f"window: {label} → from the last close before {start.isoformat()} "
                           f"to the close of {session.isoformat()}")  # fmt: skip
            return found
        label = f"the {_count(count)}session{plural} to {end.isoformat()}"
        found.window = Window(sessions=count, end=end, label=label, explicit=True)
        found.trace = (f"window: {label} → from the close {count} session{plural} before "
                       f"{session.isoformat()} to its close")  # fmt: skip
        return found
    return None


# A part of a week: "early this week", "late last week", "midweek", "the start of the week",
# "to kick off the week" (had been the whole week to date, the why-question's default window, or
# left undated). Not "since the start of the week" (the week to date) nor "to end the week".
_WEEK_PART = re.compile(
    r"(?<!since\s)(?<!from\s)(?<!since\sthe\s)(?<!from\sthe\s)\b(?:"
    r"(?P<third>early|late|mid)(?:\s+in)?[\s-]+(?:(?P<which>this|last|the)\s+)?week"
    r"|(?:the\s+)?(?P<edge>start|beginning|end|middle)\s+of\s+(?P<which2>this|last|the)\s+week"
    r"|(?P<midweek>mid[\s-]?week)"
    r"|to\s+(?:start|begin|open|kick\s+off)\s+(?P<which3>the|this|last)\s+week"
    r")\b(?!\s+(?:of|before|after|ending|ended)\b)",
    re.IGNORECASE,
)
_BY_THE = re.compile(r"\bby\s+$", re.IGNORECASE)


def _week_part(text: str, as_of: date, latest: date) -> WindowFound | None:
    match = _WEEK_PART.search(text)
    if match is None:
        return None
    part = ((match["third"] or "").lower() or WEEK_EDGES.get((match["edge"] or "").lower())
            or ("mid" if match["midweek"] else "early"))  # fmt: skip
    named = match["which"] or match["which2"] or match["which3"]
    first, last = WEEK_PARTS[part]
    by = _BY_THE.search(text, 0, match.start()) is not None and match["edge"] is not None
    if by:
        first = 0  # "oil fell by the end of the week": over the week, to its end
    monday = as_of - timedelta(days=as_of.weekday())
    # "last week", or a part said with no week ("midweek") when this week's has not begun
    if (named or "").lower() == "last" or (named is None and as_of.weekday() < first):
        monday -= timedelta(days=7)
    start, end = monday + timedelta(days=first), monday + timedelta(days=last)
    said = ("by " if by else "") + " ".join(match.group(0).lower().split())
    period = Period(start, end, f"{said} ({start.isoformat()} to {end.isoformat()})", "week")
    return period_window(period, as_of, latest, [match.span()])


RELATIVE: tuple[Callable[[str, date, date], WindowFound | None], ...] = (
    _future, _week_part, _ending_on, _recently, _rolling, _compact, _two_sessions, _to_date,
    _today, _yesterday, _before_last, _hours,
)  # fmt: skip
