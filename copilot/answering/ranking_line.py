"""What of a ranking a question asks to see, and the tool line that shows it.

"Which sectors ended the year in the red?" asks for every sector that fell, "how many sectors
are in the red?" for how many did and which, "which sectors beat the S&P?" for those ranked
above it, "the three best" for three places, "where did utilities rank?" for one entry.
`first_line` picks those entries from the measure tool's ranking, verbatim, for code's lead
(`copilot.answering.lead`) and for the stand-in when nothing the model wrote held up
(`copilot.answering.gaps.headline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.answer import ToolCallRecord
from copilot.counts import COUNT, NOT_A_SPAN, count_value
from copilot.market.symbols import lookup
from copilot.understand.comparisons import direction_of

HEAD_TO_HEAD = 3  # a ranking this small is a comparison: every side's line is shown


def body_lines(record: ToolCallRecord) -> list[str]:
    """The record's non-empty output lines, without its [n]."""
    n = record.sources[0]
    lines = (line.strip().removeprefix(f"[{n}]").strip() for line in record.output.splitlines())
    return [line for line in lines if line]


def names(text: str, symbol: str) -> bool:
    """The ticker as a word, or the registry's name (with or without its note in brackets) or
    an alias of it."""
    if re.search(rf"(?<![\w^]){re.escape(symbol)}(?!\w)", text):
        return True
    info = lookup(symbol)
    # The name without its note: "S&P 500 index (FRED)" is named by "the S&P 500 index".
    phrases = [info.name, info.name.split(" (")[0], *info.aliases] if info else []
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text, re.I) for p in phrases if p)


# "the three best funds", "top 3 sectors", "the bottom two", "which 4 sectors": how many places
# the question asks for (not "the last 3 sessions" nor "the best 6-month return", a window).
_PLACES_ASKED = re.compile(
    rf"\b(?:top|bottom|best|worst|first|last)\s+(?P<a>{COUNT})\b{NOT_A_SPAN}|"
    rf"\b(?P<b>{COUNT})\s+(?:best|worst|top|bottom|biggest|largest|strongest|weakest|leading|"
    r"lagging|leaders|laggards|hardest|highest|lowest|most|least|winners|losers)\b|"
    rf"\b(?:which|what)\s+(?P<c>{COUNT})\b{NOT_A_SPAN}",
    re.IGNORECASE,
)


# "leaders and laggards", "the best and the worst", "winners vs losers": both ends of a ranking.
_TOP = r"(?:leaders?|winners?|gainers?|best|top|strongest)"
_BOTTOM = r"(?:laggards?|losers?|decliners?|worst|bottom|weakest)"
_JOINED = r"\s+(?:and|&|vs\.?|versus|or)\s+(?:the\s+)?"
_BOTH_ENDS = re.compile(
    rf"\b(?:{_TOP}{_JOINED}{_BOTTOM}|{_BOTTOM}{_JOINED}{_TOP})\b", re.IGNORECASE
)


def both_ends(question: str) -> bool:
    """Whether the question asks for both ends of a ranking ("leaders and laggards")."""
    return _BOTH_ENDS.search(question) is not None


# "Which sectors ended the year in the red?", "what funds rose on Friday?": every market of the
# set that moved that way is asked for, not the first alone (no count named); "how many sectors
# are in the red?" asks how many did, and which.
_WHICH_ONES = re.compile(
    r"\b(?:which|what|how\s+many|what\s+(?:share|percentage|proportion|fraction|part)\s+of)\s+"
    r"(?:[\w-]+\s+)?(?:sectors|funds|etfs|ones|markets|assets|commodities|indexes|indices|"
    r"industries|groups)\b|"
    # "did any commodity fall on January 21?": whether one did, so how many did, and which
    r"\bany\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:sectors?|funds?|etfs?|commodit(?:y|ies)|"
    r"metals?|markets?|assets?)\b",
    re.IGNORECASE,
)


# "Which sectors fell the most": a place asked for, not every one that fell.
_A_PLACE = re.compile(
    r"\b(?:most|least|best|worst|biggest|largest|hardest|strongest|weakest|top|bottom|"
    r"highest|lowest|deepest|leaders?|laggards?)\b",
    re.IGNORECASE,
)


_HOW_MANY = re.compile(
    r"\bhow\s+many\b|\bwhat\s+(?:share|percentage|proportion|fraction|part)\s+of\b|\bany\b",
    re.IGNORECASE,
)


# "Did more sectors rise or fall?", "more gainers than losers?", "how many rose and how many
# fell?", "advancers vs decliners", "breadth", "did most sectors rise?": how many moved each way.
_UP = (
    r"(?:rise|rose|risen|rising|up|gain(?:ed|ing)?|advanc(?:e|ed|ing)|higher|green|gainers|"
    r"winners|advancers|risers)"
)
_DOWN = r"(?:fall|fell|fallen|falling|down|declin(?:e|ed|ing)|lower|red|losers|decliners|fallers)"
_EITHER = rf"(?:{_UP}|{_DOWN})"
_BOTH_WAYS = re.compile(
    rf"\b(?:more|fewer)\b[^?.;]*?\b{_EITHER}\s+(?:or|than|vs\.?|versus)\s+(?:\w+\s+){{0,2}}?"
    rf"{_EITHER}\b|"
    rf"\bhow\s+many\b[^?.;]*?\b{_EITHER}\b[^?.;]*?\band\s+how\s+many\b|"
    r"\b(?:advancers|risers|up|higher|green)\s+(?:vs\.?|versus|to)\s+(?:decliners|fallers|down|"
    r"lower|red)\b|\b(?:decliners|fallers|down|lower|red)\s+(?:vs\.?|versus|to)\s+"
    r"(?:advancers|risers|up|higher|green)\b|\bbreadth\b|"
    # "did most funds finish January higher?", "the majority of sectors": how many did
    r"\b(?:most|(?:the\s+)?majority\s+of|more\s+than\s+half\s+(?:of\s+)?)\s*(?:the\s+)?"
    r"(?:(?:bond|commodity|sector|treasury|industry|equity|stock)\s+)?"
    r"(?:sectors|funds|etfs|markets|assets|commodities|industries)\b",
    re.IGNORECASE,
)


def both_ways_counted(question: str) -> bool:
    """Whether the question asks how many of a set moved each way ("did more sectors rise or
    fall?", "how many rose and how many fell?", "advancers vs decliners")."""
    return _BOTH_WAYS.search(question) is not None


# "Which sector was the biggest mover?", "which ETF swung the most on January 30?", "moved the
# most, either way": the largest move whichever way it went; "barely moved", "moved the least",
# "the smallest move": the smallest. A ranking is by the move itself (highest or lowest first),
# so the size asked for is read from its entries.
_LARGEST = re.compile(
    r"\b(?:biggest|largest|greatest|wildest)\s+(?:movers?|moves?|swings?)\b|"
    r"\b(?:moved|swung|swing|move)\s+(?:the\s+)?most\b|\beither\s+(?:way|direction)\b|"
    r"\bin\s+either\s+direction\b",
    re.IGNORECASE,
)
_SMALLEST = re.compile(
    r"\b(?:smallest|least|tiniest)\s+(?:movers?|moves?|swings?|changes?)\b|"
    r"\b(?:moved|changed|swung)\s+(?:the\s+)?least\b|"
    r"\b(?:barely|hardly|scarcely)\s+(?:moved?|moving|budged?|budging|changed?|changing)\b|"
    r"\b(?:did\s*n[o']t|didn’t)\s+(?:move|budge)\s+much\b|\bflattest\b",
    re.IGNORECASE,
)


def size_asked(question: str) -> str | None:
    """Whether the question asks for the largest or the smallest move whichever way it went
    ("biggest mover", "barely moved"): "largest", "smallest", or None."""
    if _SMALLEST.search(question):
        return "smallest"
    return "largest" if _LARGEST.search(question) else None


def how_many_moved(question: str) -> bool:
    """Whether the question asks how many of a set moved one way ("how many sectors fell?",
    "what share of sectors rose?", "did any commodity fall?")."""
    return _HOW_MANY.search(question) is not None and way_asked(question) is not None


def way_asked(question: str) -> str | None:
    """The way every market asked for moved ("up" / "down"), when the question asks which of a
    set moved that way, not for a place; None otherwise."""
    if _WHICH_ONES.search(question) is None or places_asked(question) != 1:
        return None
    if _A_PLACE.search(question) is not None:
        return None
    return direction_of(question)


# A ranking entry's main figure as shown: its first number after the colon, with its sign
# ("#3 XLF: return -2.28% …"; "#1 XLE: 15 up days" has none).
_MAIN_FIGURE = re.compile(r":\s*[^\d+−-]*?(?P<sign>[+−-]?)(?P<size>\d+(?:\.\d+)?)")


def _way_of(entry: str) -> str | None:
    """The way a ranking entry's main figure moved, by its sign as shown ("… -2.28% …" →
    "down"; a figure without a sign, none)."""
    found = _MAIN_FIGURE.search(entry)
    if found is None or not found["sign"]:
        return None
    return "up" if found["sign"] == "+" else "down"


def places_asked(question: str) -> int:
    """How many places of a ranking the question asks for (1 when it names no count)."""
    match = _PLACES_ASKED.search(question)
    if match is None:
        return 1
    return count_value(next(g for g in match.groups() if g is not None))


@dataclass(frozen=True)
class LineAsked:
    """What of a ranking the question asks to see (`first_line`)."""

    focus: str | None = None  # the one ranked instrument it names ("where did utilities rank")
    places: int = 1  # "the three best"
    both: bool = False  # both ends: "leaders and laggards"
    way: str | None = None  # every entry that moved this way ("which sectors ended in the red")
    counted: bool = False  # how many did, too ("how many sectors fell")
    against: str | None = None  # every entry on the asked side of this one ("which sectors
    better: bool = True  # beat the S&P": better; "lagged the S&P": worse)
    beyond: float | None = None  # with `way`, a size passed: "up more than 10%"
    each_way: bool = False  # how many moved each way: "did more sectors rise or fall?"
    size: str | None = None  # "largest" / "smallest" move either way: "the biggest mover"


def line_asked(record: ToolCallRecord, question: str) -> LineAsked:
    """What of `record`'s ranking `question` asks to see."""
    against, better = benchmark_asked(record, question)
    way = way_asked(question)
    # Neither a benchmark nor a set named by a fund's alias ("how many commodities fell":
    # DBC's) is the one instrument asked about.
    focus = None if against or way else ranked_focus(record, question)
    each_way = both_ways_counted(question)
    if each_way:  # every entry is shown, with how many went each way
        way, focus = None, None
    size = size_asked(question)
    if size is not None:  # whichever way it went: the way is no filter
        way = None
    return LineAsked(focus, places_asked(question), both_ends(question), way,
                     how_many_moved(question), against, better, size_passed(question),
                     each_way, size)  # fmt: skip


def first_line(record: ToolCallRecord, asked: LineAsked = LineAsked()) -> str:
    """The record's first figure line, without its [n]. A ranking: its leader's line (the first
    places asked: "the three best"; the last as many too when both ends are asked: "leaders
    and laggards"), every line of a head-to-head ("which came out on top, staples or
    discretionary?": both sides, not the winner alone), or the line of the one ranked
    instrument the question asks about ("where did utilities rank"); every entry that moved
    the way asked ("which sectors ended the year in the red?") when more than one did, and how
    many did when asked ("…, 3 of the 11 fell: #1 …"); every entry on the side of a benchmark
    asked ("which sectors beat the S&P?": those above it, then its own line); every entry with
    how many went each way ("did more sectors rise or fall?": "…, 6 of the 11 rose, 5 of the
    11 fell: …"); the entry of the largest or smallest move either way ("the biggest mover",
    "barely moved")."""
    body = body_lines(record)
    first = body[0] if body else ""
    if first.startswith("Ranked") and len(body) > 1 and first.endswith(":"):
        first = f"{first} {body[1]}"
    if not first.startswith("Ranked"):
        return first
    head = first.split(":", 1)[0]  # "Ranked highest first"
    entries = [e for line in body if re.match(r"#\d+ ", e := line.removeprefix(f"{head}:").strip())]
    places, way = asked.places, asked.way
    if asked.focus is not None:
        mine = (e for e in entries if re.match(rf"#\d+ {re.escape(asked.focus)}:", e))
        return next((f"{head}: {e}" for e in mine), first)
    if len(entries) <= max(HEAD_TO_HEAD, places, 2 * places if asked.both else 0):
        return f"{head}: " + _joined(entries)
    if asked.against is not None and (side := _beside(entries, head, asked.against, asked.better)):
        return f"{head}: " + _joined(side)
    if way is not None and asked.beyond is not None:  # "any ETF up more than 10%?"
        past = [e for e in entries if _past(e, way, asked.beyond)]
        return f"{head}: " + _joined(past or entries[:1])
    if asked.size is not None and (sized := _by_size(entries, asked.size == "largest")):
        return f"{head}; the {asked.size} move either way: " + _joined(sized)
    ways = [_way_of(e) for e in entries]
    up, down = ways.count("up"), ways.count("down")
    if asked.each_way and len(entries) > 1 and up + down:  # a figure with no sign has no way
        # Each count with its set ("5 of the 11 fell"), as the checker holds a moved count
        told = ", ".join(
            f"{k} of the {len(entries)} {word}" if k else f"none {word}"
            for k, word in ((up, "rose"), (down, "fell"), (len(entries) - up - down, "was flat"))
            if k or word != "was flat"
        )
        return f"{head}, {told}: " + _joined(entries)
    moved = [e for e in entries if way is not None and _way_of(e) == way]
    if asked.counted and way is not None and len(entries) > 1:
        told = f"{len(moved)} of the {len(entries)} {'rose' if way == 'up' else 'fell'}"
        return f"{head}, {told}: " + _joined(moved or entries[:1])
    if len(moved) > 1:
        return f"{head}: " + _joined(moved)
    # Those tied with the last place asked come with it: "the most down days" was XLC's line
    # alone where XLC and XLV had 11 each.
    top = [e for e in entries if _place(e) <= _place(entries[places - 1])]
    bottom = [e for e in entries if _place(e) >= _place(entries[-places])] if asked.both else []
    if asked.both or len(top) > 1:
        return f"{head}: " + _joined(list(dict.fromkeys([*top, *bottom])))
    return first


# "up more than 10%", "down over 2 percent", "gained at least 5%": a size the move passed
_SIZE_PASSED = re.compile(
    r"\b(?:more|over|greater|bigger|at\s+least)\s+(?:than\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent)",
    re.IGNORECASE,
)


def size_passed(question: str) -> float | None:
    """The size in % a move asked about passed ("any ETF up more than 10%?" → 10.0)."""
    found = _SIZE_PASSED.search(question)
    return None if found is None else float(found.group(1))


def _past(entry: str, way: str, size: float) -> bool:
    """Whether a ranking entry's main figure, as shown, moved `way` by more than `size`."""
    found = _MAIN_FIGURE.search(entry)
    return found is not None and _way_of(entry) == way and float(found["size"]) > size


def _by_size(entries: list[str], largest: bool) -> list[str]:
    """The entries whose main figure, as shown, is the largest (or smallest) in size whichever
    way it moved, ties together; [] when an entry's figure has no sign (not a move)."""
    sizes: list[float] = []
    for entry in entries:
        found = _MAIN_FIGURE.search(entry)
        if found is None or not found["sign"]:
            return []
        sizes.append(float(found["size"]))
    best = max(sizes) if largest else min(sizes)
    return [e for e, size in zip(entries, sizes, strict=True) if size == best]


def _joined(entries: list[str]) -> str:
    return ". ".join(e.rstrip(".") for e in entries)


def _beside(entries: list[str], head: str, benchmark: str, better: bool) -> list[str]:
    """The entries ranked on the better side of the benchmark (the worse, not `better`), by
    their places (computed from the exact values: a tie as shown is ranked), then the
    benchmark's own entry; [] when it is not ranked."""
    own = next((e for e in entries if re.match(rf"#\d+ {re.escape(benchmark)}:", e)), None)
    if own is None:
        return []
    before = better == head.startswith("Ranked highest")  # the side asked comes first
    mark = _place(own)
    side = [e for e in entries if (_place(e) < mark if before else _place(e) > mark)]
    return [*side, own]


# "which sectors beat the S&P", "outpaced SPY", "lagged the market": a benchmark named after a
# word of comparison; the side asked is the better or the worse one.
_RISEN = r"(?:up|rose|risen|gained|climbed|rallied|higher)"
_FALLEN = r"(?:down|fell|fallen|dropped|lost|declined|slid|lower)"
_AGAINST = re.compile(
    r"\b(?:(?P<better>beat(?:s|ing)?|outperform\w*|outpac\w*|outdid|outdo\w*|topp(?:ed|ing)|"
    rf"ahead\s+of|better\s+than|{_RISEN}\s+more\s+than|{_FALLEN}\s+less\s+than)|"
    r"(?P<worse>lag\w*|trail\w*|underperform\w*|behind|worse\s+than|"
    rf"{_FALLEN}\s+more\s+than|{_RISEN}\s+less\s+than))\s+(?P<named>.{{1,40}})",
    re.IGNORECASE,
)


def benchmark_asked(record: ToolCallRecord, question: str) -> tuple[str | None, bool]:
    """(the ranked instrument named as the benchmark, whether the better side is asked) when
    the question asks which of a set did better or worse than one of them; (None, True)
    otherwise."""
    match = _AGAINST.search(question)
    if match is None or _WHICH_ONES.search(question) is None:
        return None, True
    named = [s for s in _ranked(record) if names(match["named"], s)]
    return (named[0], match["better"] is not None) if len(named) == 1 else (None, True)


def asked_line(record: ToolCallRecord, question: str) -> str:
    """The record's first line as the question asks for it (`line_asked`), with the line of a
    benchmark the question names (`with_its_benchmark`)."""
    return with_its_benchmark(first_line(record, line_asked(record, question)), record, question)


# "…; -6.19 pp vs XLP": the benchmark a line's difference is taken against.
_VERSUS = re.compile(r"\bvs\.? ([A-Z^][\w^.=-]*)")


def with_its_benchmark(line: str, record: ToolCallRecord, question: str) -> str:
    """`line` followed by the line of the benchmark it is compared against, when the question
    names that benchmark and the record has a line of its own for it. "Year-to-date, are
    utilities ahead of staples?" was led by "XLU: return +1.31% …; -6.19 pp vs XLP" alone:
    staples' own +7.51%, half of what was asked, was left to the model, which got it wrong."""
    named = (b.rstrip(".") for b in _VERSUS.findall(line))  # "vs XLP." ends its sentence
    benchmarks = [b for b in dict.fromkeys(named) if names(question, b)]
    if line.startswith("Ranked") or not benchmarks:
        return line
    heads = tuple(f"{b}: " for b in benchmarks)
    own = [entry for entry in body_lines(record) if entry.startswith(heads) and entry not in line]
    return " ".join([line.rstrip(), *own]) if own else line


def _place(entry: str) -> int:
    """A ranking entry's place ("#3 XLF: …" → 3; tied entries share theirs)."""
    return int(entry[1:].split(" ", 1)[0])


def shown_places(line: str) -> list[str]:
    """The instruments a ranking's lead line shows ("#2 XLE: …" → XLE), in order."""
    return re.findall(r"#\d+ ([\w^.=-]+)(?::| closed| beat)", line)


def _ranked(record: ToolCallRecord) -> list[str]:
    """The instruments a ranking record ranks ([] when it ranks none)."""
    symbols = record.arguments.get("symbols")
    if record.arguments.get("rank") in (None, "none") or not isinstance(symbols, list):
        return []
    return [str(s) for s in symbols]


def head_to_head(record: ToolCallRecord) -> list[str]:
    """The instruments of a ranking of at most `HEAD_TO_HEAD`: each is named in the answer."""
    ranked = _ranked(record)
    return ranked if len(ranked) <= HEAD_TO_HEAD else []


def ranked_focus(record: ToolCallRecord, question: str) -> str | None:
    """The one instrument of a ranking that the question names, if exactly one is."""
    named = [s for s in _ranked(record) if names(question, s)]
    return named[0] if len(named) == 1 else None
