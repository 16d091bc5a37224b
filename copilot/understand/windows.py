"""The window a question names, per docs/windows-and-measures.md: a named period runs from the
last close before it to its last session's close; a point date ("since D", "from D1 to D2")
is a close; "days" are sessions; weeks, months and years are calendar spans."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from copilot.understand.dates import (
    EVENT_LABELS,
    DateMention,
    Period,
    find_dates,
    names_an_event,
)
from copilot.understand.model import Window
from copilot.understand.relative import BEFORE_A_DAY, RELATIVE, SINCE, spans_of
from copilot.understand.sessions import session_on_or_before, sessions_counted
from copilot.understand.vocabulary import NUMBER, number_of
from copilot.understand.window_build import (
    WindowFound,
    future_problem,
    period_window,
    say_snap,
    snapped,
    through_latest,
)

__all__ = ["WindowFound", "averages_compared", "find_window"]

# "so far" alone is the year to date; "so far off its record", "so far below its peak" a distance
_SO_FAR = re.compile(
    r"\bso\s+far\b(?!\s+(?:off|from|below|above|under|over|behind|ahead|away|out|back|down|up)\b)",
    re.IGNORECASE,
)
# "mid-2025", "late last year": a part of a period code will not guess at ("early / mid / late
# January" are thirds of the month: dates.py).
_FUZZY = re.compile(
    r"\b(?:early|late|mid)[\s-]+(?:(?:19|20)\d{2}|(?:last|this|next)\s+"
    r"(?:year|month|week|quarter)|q[1-4]|(?:the\s+)?(?:year|month|quarter))\b",
    re.IGNORECASE,
)
# "since the election", "after the Fed meeting": an event, not a date. Its words run to the
# clause's end ("since the credit card rate cap news"), so the answer can say them back. "Since
# its peak" is no event: the measure's own extreme (`measures.py`), over the stored history.
_EVENT = re.compile(
    # "in the week of the Fed meeting", "on the day of the jobs report": an event's week or day
    r"\b(?:since|after|before|during|around|following|ahead\s+of|between|"
    # "into earnings season", "heading into the results": the weeks before them
    r"into(?=\s+(?:the\s+)?(?:earnings|results|reporting)\b)|"
    r"(?:week|day|session)\s+of(?!\s+(?:the\s+)?(?:year|month|week|quarter|day|session)\b))\s+"
    r"(?!(?:its|their|the)\s+(?:[\w-]+\s+)?(?:peaks?|highs?|lows?|records?|tops?|bottoms?|"
    r"troughs?)\b)"
    # nor the extreme told by its verb: "since it peaked", "since topping out" (the measure)
    r"(?!(?:(?:it|they|that|then)\s+)?(?:peak|top|bottom|trough)(?:ed|ing|ped|ping)\b)"
    r"(?!(?:it|they)\s+(?:hit|set|made|reached|notched)\s+(?:its|their|a|the)\s+"
    r"(?:[\w-]+\s+)?(?:record|high|peak|top|low|bottom)\b)"
    r"(?:the\s+|last\s+|"
    r"this\s+|that\s+)?[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?(?:\s+(?!(?:and|but|or|while|vs|versus|"
    r"than|compared|because|so|if|when|as|to|in|on|for|with|what|why|how|is|was|were|are|"
    r"bigger|smaller|larger|more|less|worse|better|greater|deeper)\b)"
    r"[a-z][\w'-]+){0,5}",
    re.IGNORECASE,
)
# What happened then, as the words that date an event tell it: a move ("sold off", "crashed"),
# or a company's or an official's news ("reported", "spoke").
_WHAT_HAPPENED = (
    r"(?:sold\s+off|fell|crashed|tanked|rallied|jumped|surged|plunged|dropped|rose|spiked|"
    r"tumbled|slumped|soared|sank|collapsed|cratered|popped|melted\s+down|"
    r"reported|announced|released|posted|unveiled|warned|guided|spoke|testified)"
)
# "the day stocks sold off on Greenland", "the week gold crashed": a day a move defines, which
# code cannot date (had been the latest session's, said only in the trace).
_EVENT_DAY = re.compile(
    r"\bthe\s+(?:day|session|week|morning|afternoon)\s+(?:that\s+|when\s+)?"
    r"(?!(?:after|before|of|ending|to|ahead)\b)(?:[a-z·][\w'&·-]*\s+){1,3}?"
    + _WHAT_HAPPENED
    + r"\b[^?.,;]*",
    re.IGNORECASE,
)
# News as a time: a company's results ("after JPMorgan earnings", "since Micron's results": the
# company is blanked as a name; code has no earnings calendar to date them by) or news named by
# its coming out ("when the card rate cap was floated").
_NEWS_AS_A_TIME = re.compile(
    r"\b(?:(?:since|after|following|before|ahead\s+of|around|on)\s+(?:the\s+)?·+(?:'s)?\s+"
    r"(?:(?:q[1-4]|quarterly|fourth[\s-]quarter|latest|first)\s+)?"
    r"(?:earnings|results|report|numbers|guidance|forecast|outlook)|"
    r"when\s+·+\s+(?:reported|announced|posted|released|guided|warned)|"
    # news named by its coming out: "when the card rate cap was floated"
    r"when\s+(?:the\s+|a\s+)?(?:[\w'·-]+\s+){1,5}?(?:was|were)\s+(?:floated|announced|proposed|"
    r"unveiled|released|reported|published|issued|leaked|confirmed))\b[^?.,;]*",
    re.IGNORECASE,
)
# A time told by what happened then, in a clause after the question's own: "how come long bonds
# sold off when japanese yields spiked?", "why did stocks drop when trump threatened tariffs on
# europe?" (session 63's app round: the latest move was explained, the clause never said back).
# Not a question about a time ("when did gold peak?"), which opens the question.
_WHEN_IT_HAPPENED = re.compile(
    r"(?<=[\w'’%)]\s)when\s+(?!(?:did|does|do|is|was|were|are|will|would|can|could|should)\b)"
    r"(?:[\w'’&·-]+\s+){1,5}?"
    rf"(?:{_WHAT_HAPPENED}|blew\s+out|threatened|said|called|hiked|raised|cut|slapped|imposed|"
    r"floated|proposed)\b[^?.,;]*",
    re.IGNORECASE,
)
# A move named by its news, with "in": "who got hurt the most in the greenland selloff", "in the
# tariff rout" (one word of its own at least: "in the rally" is the move asked about).
_IN_THE_EVENT = re.compile(
    r"\bin\s+the\s+(?:[a-z][\w'’-]*\s+){1,3}?(?:sell[\s-]?off|selloffs?|rally|crash|rout|slump|"
    r"plunge|meltdown|rebound|turmoil|panic|squeeze|tantrum|scare|shock|swoon)\b",
    re.IGNORECASE,
)
_ALL_TIME = re.compile(
    r"\b(?:since\s+(?:its\s+|the\s+fund'?s?\s+)?inception|all[\s-]time|since\s+(?:the\s+)?"
    r"(?:data|records?)\s+(?:began|begins?|start\w*)|over\s+(?:its|the)\s+(?:whole|entire|full)\s+"
    r"(?:history|record|data))\b",
    re.I,
)
_PERIODS_COMPARED = re.compile(
    r"^\s*(?:(?:monthly\s+|daily\s+)?(?:average|avg\.?|mean)(?:\s+(?:level|value|yield|close))?)?"
    r"\s*,?\s*(?:vs\.?|versus|compared\s+(?:to|with)|against|or|and\s+(?:in|during)|than(?:\s+in)?)"
    r"\s*(?:in\s+|during\s+)?(?:the\s+)?$",
    re.I,
)
# "january's move in small caps compare with december's": the periods compared, a few words
# between them ("'s" makes each a possessive, and the market named between is blanked).
_COMPARED_APART = re.compile(
    r"^(?:'s)?\s[^.?!;:]{0,40}?\b(?:vs\.?|versus|compared?\s+(?:to|with)|compares\s+(?:to|with)|"
    r"stacks?\s+up\s+against)\s+(?:(?:in|during)\s+)?(?:the\s+)?$",
    re.I,
)
_EVENT_WITH_DATE = re.compile(
    r"\b(?:since|after|before|following|ahead\s+of)\s+(?:the\s+)?(?:[\w'’.·-]+\s+){0,3}?"
    r"[\w'’.·-]+\s+(?:meeting|decision|announcement|report|release|print|speech|hike|cut|"
    r"selloff|sell-off|rally|crash|election|earnings|minutes|vote|deal|tariffs?)\b",
    re.I,
)
# "… the jobs report on January 9", "… the Fed decision of December 10": the event's own day.
_DATED_BY = re.compile(r"^\s*,?\s*(?:on|of)\s+(?:the\s+)?$", re.I)
# "the December jobs report", "November's payrolls", "the Q3 GDP print": a data release named
# by the period it measures. It comes out weeks later, so that period is not the window asked.
# (A stored series' name, "CPI", is blanked as an instrument before windows are read.)
# The words a data release goes by ("the CPI print", "the jobs report").
RELEASE_NOUN = r"(?:report|data|numbers?|figures?|print|release|reading)"
_RELEASE_LABEL = re.compile(
    r"\s*(?:'s\s+)?(?:nonfarm\s+)?(?:jobs?|payrolls?|employment|unemployment|labou?r[\s-]market|"
    r"cpi|ppi|pce|gdp|pmi|ism|inflation|consumer[\s-]prices?|producer[\s-]prices?|retail[\s-]sales)"
    rf"\b(?:\s+{RELEASE_NOUN})?",
    re.I,
)
_ON_DAYS = re.compile(r"\b(?:on|during|over)\s+(?:the\s+)?$", re.I)  # days, not closes
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:close\s+(?:of|on)\s+)?$", re.I)
_AGAINST = re.compile(
    r"\b(?:than(?:\s+(?:it|they)\s+(?:was|were|stood|traded))?|since|from|vs\.?|versus|"
    r"compared\s+(?:to|with)|relative\s+to|against)\s+$",
    re.I,
)
_THROUGH = re.compile(
    r"\b(?:through|thru|until|till|up\s+to|as\s+of|by)\s+(?:the\s+)?(?:(?:close|end)\s+(?:of|on)\s+)?$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(
    r"^\s*(?:'s\s+)?(?:close|closing\s+price)?\s*,?\s*(?:to|through|thru|until|till|and|-|–)\s*"
    r"(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:close|end)\s+(?:of|on)\s+)?$",
    re.I,
)
_COMBINED = re.compile(
    r"\b(?:combined|together|both\s+(?:days|sessions)|in\s+total|(?:over|across)\s+(?:the|those|"
    r"these)\s+(?:two|2)\s+(?:days|sessions))\b",
    re.I,
)


# "since the jobs report", "ahead of the Fed decision": the event is an edge of the window.
_EDGE_OF = re.compile(
    r"\b(?:since|after|following|before|ahead\s+of|until|till|through|from|to)\s+$", re.I
)


def _events_beside_dates(text: str, mentions: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    """Without the events named beside another date, unless they edge the window: "was it the
    CPI print that knocked IEF lower last Friday?" asks about last Friday (the CPI report, on
    the Tuesday before, is the cause put to the test)."""
    events = [m for m in mentions if m.period.label.startswith(EVENT_LABELS)
              and not _EDGE_OF.search(text[: m.start])]  # fmt: skip
    if not events or len(events) == len(mentions):
        return mentions
    return tuple(m for m in mentions if m not in events)


# "the 5 sessions since the Maduro news", "the two days after the Greenland headlines": a count
# of sessions from an event; from one code cannot date it is no window of the latest sessions.
_COUNT_FROM = re.compile(
    rf"\b(?:(?:the|those|these)\s+)?(?:(?:first|last|past)\s+)?{NUMBER}\s+(?:trading\s+)?"
    r"(?:sessions?|days?|weeks?)\s+(?=(?:since|after|following)\b)",
    re.IGNORECASE,
)


def _counted_from_an_undated_event(text: str, as_of: date) -> str | None:
    """The words of a count from an event no date reader dates ("the 5 sessions since the
    Maduro news"), else None (a counted span from a date is read as before)."""
    counted = _COUNT_FROM.search(text)
    if counted is None or find_dates(text[counted.end() :], as_of):
        return None
    event = _EVENT.match(text, counted.end())
    return text[counted.start() : event.end()].strip() if event is not None else None


def find_window(text: str, as_of: date, latest: date) -> WindowFound:
    """The window named in `text` (instrument names already blanked), for an instrument whose
    latest close on or before `as_of` is `latest`. Nothing named → `window` is None."""
    undated = _counted_from_an_undated_event(text, as_of)
    if undated is not None:
        return WindowFound(vague=undated)
    for finder in RELATIVE:
        found = finder(text, as_of, latest)
        if found is not None:
            return _compared(_ended(found, text, as_of), text, as_of, latest)
    mentions = find_dates(text, as_of)
    releases = [(m, label) for m in mentions if (label := _RELEASE_LABEL.match(text, m.end))]
    if releases:  # a report's label, not a window: the other dates, else the release itself
        mentions = tuple(m for m in mentions if all(m is not r for r, _ in releases))
        if not mentions:
            first, label = releases[0]
            return WindowFound(vague=text[first.start : label.end()].strip())
    mentions = _events_beside_dates(text, mentions)
    if not mentions and _ALL_TIME.search(text):
        return WindowFound(all_time=True, spans=spans_of(_ALL_TIME, text))
    fuzzy = _FUZZY.search(text)
    if fuzzy is not None:
        return WindowFound(vague=fuzzy.group(0).strip())
    if mentions:
        # "the week after Thanksgiving compared with the week before": a dated window too
        return _compared(_from_mentions(text, mentions, as_of, latest), text, as_of, latest)
    event = (_EVENT.search(text) or _EVENT_DAY.search(text) or _NEWS_AS_A_TIME.search(text)
             or _WHEN_IT_HAPPENED.search(text) or _IN_THE_EVENT.search(text))  # fmt: skip
    if event is not None:
        return WindowFound(vague=event.group(0).strip())
    if _SO_FAR.search(text):
        return through_latest(
            date(as_of.year, 1, 1), "year to date", latest, spans_of(_SO_FAR, text)
        )
    return WindowFound()


_CHANGE = re.compile(
    r"\b(?:chang(?:e[ds]?|ing)|move[ds]?|moving|shift(?:ed|s)?|differ(?:ence|ent)?|r[io]se|rising|"
    r"f[ae]ll|falling|climb(?:ed|s)?|drop(?:ped|s)?|higher|lower|basis\s+points?|bps?)\b",
    re.I,
)


def averages_compared(found: WindowFound, text: str) -> WindowFound:
    """'The monthly average change from February to July': an average asked over a range of
    two named periods, with change words, compares the two periods' averages (the first is
    the window, the second is `also`), not one average over the whole range."""
    if len(found.parts) != 2 or not _CHANGE.search(text):
        return found
    first, second = found.parts
    if first.window is None or second.window is None:
        return found
    first.also.append(second.window)
    first.notes.append(f"compared with {second.trace.removeprefix('window: ')}")
    first.problems += second.problems
    return first


# What joins two windows compared: "this month compared with last month", "this week vs. last
# week", "more volatile this year than last year", "how does this year stack up against …".
_VERSUS_WORDS = r"(?:vs\.?|versus|compared\s+(?:to|with)|relative\s+to|against|than)\s+"
_IN = r"(?:(?:in|during|over)\s+)?"
_COMPARED_AFTER = re.compile(
    rf"\s*,?\s*(?:{_VERSUS_WORDS}|(?:compares?|stacks?\s+up)\s+(?:to|with|against)\s+){_IN}",
    re.I,
)
_COMPARE_VERB = re.compile(r"\bcompar(?:e|es|ed|ing)\b(?!\s+(?:to|with)\b)", re.I)
_COMPARED_JOIN = re.compile(rf"\s*,?\s*(?:with|to|and|against)\s+{_IN}", re.I)
_COMPARED_BEFORE = re.compile(rf"{_VERSUS_WORDS}{_IN}$", re.I)


def _compared(found: WindowFound, text: str, as_of: date, latest: date) -> WindowFound:
    """A window compared with another named after "compared with", "vs", "than" (or before
    them), or with the span just before it ("the two weeks before", `_PRIOR`): the same
    measure over each (the first named is the window, the other `also`, as "Q4 vs Q3"). "How
    choppy has oil been this month compared with last month?" had measured this month alone:
    a relative window ("this month", "this week", "this year") was read before any date, and
    the one after "compared with" was never looked for."""
    if found.window is None or not found.spans or found.also:
        return found
    start, end = min(s for s, _ in found.spans), max(e for _, e in found.spans)
    after = _COMPARED_AFTER.match(text, end)
    if after is None and _COMPARE_VERB.search(text, 0, start):  # "compare … this month with …"
        after = _COMPARED_JOIN.match(text, end)
    before = _COMPARED_BEFORE.search(text, 0, start)
    if after is not None and (prior := _PRIOR.match(text, after.end())) is not None:
        if found.window.sessions is not None:  # "the last 5 sessions vs the 5 before"
            found = _sessions_as_dates(found, latest)
        offset, other = 0, _prior_window(found.window, prior, latest)  # spans in `text`
    elif after is not None:
        offset, other = after.end(), find_window(text[after.end() :], as_of, latest)
    elif before is not None:  # "December versus this month": December is named first
        offset, other = 0, find_window(text[: before.start()], as_of, latest)
    else:
        return found
    calendar = all(w is not None and w.start is not None for w in (found.window, other.window))
    if not calendar or other.window == found.window or other.also:  # "5 days vs this year"
        return found
    first, second = (found, other) if after is not None else (other, found)
    first.also.append(second.window)  # type: ignore[arg-type]  # both are windows here
    first.notes.append(f"compared with {second.trace.removeprefix('window: ')}")
    first.problems += second.problems
    moved = [(s + offset, e + offset) for s, e in other.spans]
    first.spans = sorted([*found.spans, *moved] if first is found else [*moved, *found.spans])
    return first


# The span just before the first window: "the two weeks before", "the prior month", "the
# previous three months", "the week before that", "the period before".
_UNIT = r"(?:days?|sessions?|weeks?|months?|quarters?|years?)"
_PRIOR = re.compile(
    rf"(?:the\s+)?(?:(?:prior|previous|preceding)\s+(?:(?P<n1>{NUMBER})\s+)?(?P<u1>{_UNIT})|"
    rf"(?:(?P<n2>{NUMBER})\s+)?(?P<u2>{_UNIT})\s+(?:before|prior|earlier)(?:\s+(?:that|it|then))?|"
    # "the 5 before": as many of the first window's own unit
    rf"(?P<n3>{NUMBER})\s+(?:before|prior|earlier)(?:\s+(?:that|it|then))?|"
    r"(?:period|stretch|span)\s+(?:before|prior)(?:\s+(?:that|it|then))?)\b",
    re.I,
)


def _sessions_as_dates(found: WindowFound, latest: date) -> WindowFound:
    """A window of the last N sessions as the calendar days of those sessions, so a span
    before it can be dated and the pair compared."""
    assert found.window is not None and found.window.sessions is not None
    start = _sessions_back(latest, found.window.sessions)
    window = found.window.model_copy(update={"start": start, "end": latest, "sessions": None})
    return replace(found, window=window)


def _sessions_back(end: date, count: int) -> date:
    """The first of the `count` NYSE sessions ending on the last one on or before `end`."""
    return sessions_counted(end, count, forward=False)[0]


def _prior_window(first: Window | None, said: re.Match[str], latest: date) -> WindowFound:
    """The span of `said` ending the day before `first` starts: as many weeks (months, years,
    days) as it names, else as many calendar days as `first` spans."""
    if first is None or first.start is None:
        return WindowFound()
    end = first.start - timedelta(days=1)
    unit = (said["u1"] or said["u2"] or "").lower().rstrip("s")
    count = number_of(said["n1"] or said["n2"] or said["n3"])
    if said["n3"] and not unit:  # "the last 5 sessions vs the 5 before": sessions
        unit = "session" if first.label.endswith("sessions") else "day"
    if unit == "quarter":  # "Q4 compared with the quarter before"
        unit, count = "month", 3 * count
    if unit in ("week", "month", "year"):
        start = first.start - relativedelta(**{f"{unit}s": count})
    elif unit == "session":
        end = session_on_or_before(end)
        start = _sessions_back(end, count)
    elif unit == "day":
        start = end - timedelta(days=count - 1)
    else:  # "the period before": as long as the first
        start = end - ((first.end or latest) - first.start)
    label = f"{said.group().strip()} ({start.isoformat()} to {end.isoformat()})"
    window = Window(start=start, end=end, label=label, explicit=True)
    trace = (f"window: {label} → from the last close before {start.isoformat()} to the last "
             f"close on or before {end.isoformat()}")  # fmt: skip
    return WindowFound(window=window, trace=trace, spans=[(said.start(), said.end())])


def _ended(found: WindowFound, text: str, as_of: date) -> WindowFound:
    """'YTD through Jan 31', 'this year until the end of January': the named end."""
    window = found.window
    if window is None or window.end is not None or window.start is None:
        return found
    for mention in find_dates(text, as_of):
        if _THROUGH.search(text[: mention.start]) and window.start <= mention.period.end <= as_of:
            end = mention.period.end
            label = f"{window.label} through {end.isoformat()}"
            found.window = window.model_copy(update={"end": end, "label": label})
            found.trace = (
                f"window: {label} → from the last close before {window.start.isoformat()} to "
                f"the last close on or before {end.isoformat()}"
            )
            break
    return found


def _from_mentions(
    text: str, mentions: tuple[DateMention, ...], as_of: date, latest: date
) -> WindowFound:
    first = mentions[0]
    spans = [(m.start, m.end) for m in mentions]
    if len(mentions) >= 2 and _RANGE_JOIN.match(text[first.end : mentions[1].start]):
        return _range(text, first, mentions[1], as_of, latest, spans)
    if first.period.label.split(" (")[0].endswith(" ago") and _AGAINST.search(text[: first.start]):
        return _since(first.period, None, as_of, latest, spans)  # "higher than a month ago"
    since = SINCE.search(text[: first.start])
    if since is not None and _a_reaction(text, since, first):
        return period_window(first.period, as_of, latest, spans)
    if since is not None:
        before = since.group("before") is not None
        return _since(first.period, since.group("edge"), as_of, latest, spans, before)
    if BEFORE_A_DAY.search(text[: first.start]):
        return _before(first.period, as_of, spans)
    event = _EVENT_WITH_DATE.search(text)
    # "after the Fed cut rates in December": the event's own words name a day code dates
    its_own = (
        event is not None
        and names_an_event(first.period.label)
        and (first.start < event.end() and event.start() < first.end)
    )
    if event is not None and (its_own or _DATED_BY.match(text[event.end() : first.start])):
        # "after the jobs report on January 9": the event's day is given, and its session is
        # the reaction asked about ("since the Fed decision on December 10": from it on).
        said = event.group(0).lower()
        # "the 3 days since the Fed decision": the mention is the counted span already
        counted = first.start < event.start()
        if said.startswith(("after", "following")) or counted:
            return period_window(first.period, as_of, latest, spans)
        if said.startswith("since"):
            return _since(first.period, None, as_of, latest, spans)
        if its_own:  # "ahead of the January Fed decision": the week before it, as dated
            return period_window(first.period, as_of, latest, spans)
    if event is not None:  # "since the election": an event, dated loosely
        return WindowFound(vague=event.group(0).strip())
    # "kept rising through the first three weeks of January": a part counted from its
    # period's start is the span itself (was everything stored up to its end)
    from_its_start = re.match(r"the\s+(?:first|opening)\b", first.period.label, re.I)
    if _THROUGH.search(text[: first.start]) and not from_its_start:
        return _through(first.period, as_of, spans)
    found = period_window(first.period, as_of, latest, spans)
    between = text[first.end : mentions[1].start] if len(mentions) >= 2 else ""
    if between and (_PERIODS_COMPARED.match(between) or _COMPARED_APART.match(between)):
        other = period_window(mentions[1].period, as_of, latest, spans)  # "Q4 vs Q3"
        found.problems += other.problems
        if other.window is not None:
            found.also.append(other.window)
            found.notes.append(f"compared with {other.trace.removeprefix('window: ')}")
    return found


# A move that went on past the event, or a stretch after it: "why did small caps keep rising
# after the Fed", "how has gold done after …", "in the weeks after the Fed meeting".
_ONGOING = re.compile(
    r"\b(?:keep|keeps|kept|keeping|continu\w*|still|ever|has|have|had|been|so\s+far)\b|"
    r"\b(?:days|weeks|months|sessions)\s+$",
    re.IGNORECASE,
)


def _a_reaction(text: str, since: re.Match[str], first: DateMention) -> bool:
    """Whether "after <an event>" asks for the event's reaction, its own session ("why did
    stocks drop after the fed meeting in december?" had been December 10 to the latest close,
    seven weeks in which SPY rose), as "after the jobs report on January 9" is; not "since",
    nor a move said to go on (`_ONGOING`)."""
    if not since.group(0).lower().startswith("after") or since.group("edge") is not None:
        return False
    if first.period.kind != "day" or not names_an_event(first.period.label):
        return False
    return _ONGOING.search(text[: since.start()]) is None


def _range(
    text: str, one: DateMention, two: DateMention, as_of: date, latest: date,
    spans: list[tuple[int, int]],
) -> WindowFound:  # fmt: skip
    start_period, end_period = one.period, two.period
    if start_period.start > end_period.start and not one.year_given:
        start_period = _year_back(start_period)
    joiner = text[one.end : two.start].strip().lower()
    before = text[: one.start]
    between = re.search(r"\bbetween\s+$", before, re.IGNORECASE)
    days = start_period.kind == "day" and end_period.kind == "day"
    if days and not _days_named(joiner, before, text, between is not None):
        return _points(start_period.start, end_period.start, as_of, latest, spans)
    label = f"{start_period.label} to {end_period.label}"
    found = period_window(
        Period(start_period.start, end_period.end, label, "day"), as_of, latest, spans
    )
    if start_period.kind != "day" and end_period.kind != "day" and found.window is not None:
        found.parts = [period_window(p, as_of, latest, spans) for p in (start_period, end_period)]
    return found


def _days_named(joiner: str, before: str, text: str, between: bool) -> bool:
    """Whether two days name their sessions (the move over both) rather than two closes:
    "on January 13 and 14", "Dec 22-26", "January 12 through 16", "the two days combined";
    never "from D1 to D2" or "between D1 and D2", which are points."""
    if between or _FROM.search(before):
        return False
    if _ON_DAYS.search(before) or joiner in ("-", "\u2013", "through", "thru"):
        return True
    return joiner == "and" and _COMBINED.search(text) is not None


def _year_back(period: Period) -> Period:
    start, end = period.start - relativedelta(years=1), period.end - relativedelta(years=1)
    return Period(
        start, end, period.label.replace(str(period.start.year), str(start.year)), period.kind
    )


def _points(
    one: date, two: date, as_of: date, latest: date, spans: list[tuple[int, int]]
) -> WindowFound:
    """'from D1 to D2': the move from the close of D1 to the close of D2."""
    found = WindowFound(spans=spans)
    label = f"from {one.isoformat()} to {two.isoformat()}"
    for day in (one, two):
        say_snap(day, found)
    if two > as_of:
        found.problems.append(future_problem(two, as_of))
        return found
    if snapped(two) <= snapped(one):
        found.problems.append(
            f"the range {label} ends on or before the close it starts from: name the earlier "
            "date first, or ask about one day"
        )
        return found
    found.window = Window(start=one + timedelta(days=1), end=two, label=label, explicit=True)
    found.trace = (
        f"window: {label} → from the close of {snapped(one)} to the close of {snapped(two)}"
    )
    return found


def _through(period: Period, as_of: date, spans: list[tuple[int, int]]) -> WindowFound:
    """'through Feb 13', 'as of the end of January': everything up to that close."""
    found = WindowFound(spans=spans)
    end = period.end
    if end > as_of and session_on_or_before(end) <= as_of:
        # "as of the end of January" asked on Friday January 30: the month's last session is
        # in, only its weekend is not
        end = session_on_or_before(end)
    if end > as_of:
        found.problems.append(future_problem(end, as_of))
        return found
    say_snap(end, found)
    label = f"through {end.isoformat()}"
    found.window = Window(start=None, end=end, label=label, explicit=True)
    found.trace = f"window: {label} → up to the close of {snapped(end)}"
    return found


def _before(period: Period, as_of: date, spans: list[tuple[int, int]]) -> WindowFound:
    """'before D': up to the last close before D's first day. No start is named, so each
    measure reads its own default to that close (a run or a peak: the stored history; a
    return: that last session), and a why-question the recent move that came before it."""
    found = WindowFound(spans=spans)
    eve = period.start - timedelta(days=1)
    if eve > as_of:
        found.problems.append(future_problem(eve, as_of))
        return found
    label = f"before {period.label}"
    found.window = Window(end=eve, label=label, explicit=True)
    found.trace = f"window: {label} → no start named, up to the last close on or before {eve}"
    return found


def _since(
    period: Period,
    edge: str | None,
    as_of: date,
    latest: date,
    spans: list[tuple[int, int]],
    before: bool = False,
) -> WindowFound:
    """'since D': from the close of D; 'since November': from the close before it; 'since the
    end of 2025': from the close of its last day; 'since before D': from the last close
    before D (as 'since November' is)."""
    found = WindowFound(spans=spans)
    at_end = edge is not None and edge.split()[-2] in ("end", "close")
    if period.kind == "day" and before and not at_end:
        eve = period.start - timedelta(days=1)
        period = replace(period, start=eve, end=eve)
    if period.kind == "day" or at_end:
        point = period.end
        say_snap(point, found)
        if point > as_of:
            found.problems.append(future_problem(point, as_of))
            return found
        # "since the Fed decision of 2025-12-10": the event said back with its day
        label = f"since {period.label if names_an_event(period.label) else point.isoformat()}"
        found.window = Window(start=point + timedelta(days=1), label=label, explicit=True)
        found.trace = (
            f"window: {label} → from the close of {snapped(point)} to the latest close "
            f"({latest.isoformat()})"
        )
        return found
    if period.start > as_of:
        found.problems.append(future_problem(period.start, as_of))
        return found
    through = through_latest(period.start, f"since {period.label}", latest, spans)
    return through
