"""First and last place: "XLV was the biggest loser", "energy got hit hardest", "tech led".

A sentence that puts an instrument at the top or the bottom of a group makes a claim its
figures do not: "The biggest loser among the sector funds was XLV with a return of -1.13%"
had every figure checked under a ranking whose last place was XLF at -2.63% (the app, asked
"biggest loser among the sector funds in the second week of january"). The claim is held to
what the cited data source measured for every instrument it ranked or compared over one
window: the highest move is first place, the lowest last, whichever order the list was
printed in ("ranked lowest first", #1 is the worst). Where no cited source measured the
group, the claim is left to the superlative check (`copilot.claims.reasons`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from copilot.answer import ReasonCheck
from copilot.claims.extract import Sentence
from copilot.claims.statements import Statement
from copilot.claims.subjects import Subject
from copilot.counts import COUNT
from copilot.move_words import AHEAD_OF, BEHIND, FALL, RISE

# "rose the most", "got hammered the hardest", "mooned the most": a move's own word before its
# place, read with the words a question's ranking is read with (`copilot.move_words`)
_MOST_WORDS = r"(?:most|hardest|furthest|farthest)"
_MOST = rf"\s+(?:the\s+)?{_MOST_WORDS}\b"
_ALL_OTHERS = (
    r"(?:(?:all|every|each|any)\s+(?:of\s+the\s+)?(?:other|others|\w+\s+other|rest)|"
    r"the\s+(?:rest|others)\b)"
)
# "rose more than any other", "got smoked worse than the rest": a place said as a comparison
_MORE_THAN = r"\s+(?:more|harder|further|farther)\s+than\s+"
# "outpaced the pack", "trailed every other sector"; not "outperformed the market" (SPY)
_THE_FIELD = rf"(?:{_ALL_OTHERS}|the\s+(?:pack|field)\b)"
# "nothing fell further than energy", "no sector did better than XLK": the one named after
_NONE_ELSE = (
    r"\b(?:nothing|none|no\s+(?:other\s+)?(?:[\w-]+\s+)?(?:sector|fund|etf|one|group|market|"
    r"asset|name)s?)\s+(?:else\s+)?(?:\w+\s+)?"
)
# "ranked No. 1", "the number-one sector", "came in at #1"
_NUMBER_ONE = (
    r"(?:(?:ranked|was|were|is|came\s+in\s+at|finished\s+at)\s+|the\s+)"
    r"(?:no\.?\s*1|number[\s-]+one|#\s*1)\b"
)
_BEST = re.compile(
    r"\b(?:(?:the\s+)?(?:best|top)[\s-]+(?:perform\w*|gainers?|sectors?|spot|showing)|"
    # "was best", "the best", not "at best"; "was the clear leader", not "the market leader"
    r"(?:(?:the|was|were|is|are|did|done|fared|performed|held\s+up|finished|ended|came\s+through|"
    rf"came\s+out)\s+)best\b|(?:better|higher)\s+than\s+{_ALL_OTHERS}|stole\s+the\s+show|"
    r"strongest|"
    r"top\s+(?:of\s+the\s+(?:pack|list|table|ranking|leaderboard)|dog)|"
    # "was the week's big winner", "making it the standout"
    r"(?:was|were|is|are|as)\s+the\s+(?:\w+'s\s+)?(?:clear\s+|biggest\s+|big\s+)?"
    r"(?:leader|winner)s?\b|"
    r"\bthe\s+(?:\w+'s\s+)?(?:clear\s+|big\s+)?standouts?\b|"
    # "the leaders in December were …", "the winners this week": the place named first
    r"\bthe\s+(?:clear\s+|biggest\s+|big\s+)?(?:leader|winner)s?\b(?=\s+(?:in|on|over|during|"
    r"of|this|last|for|so|since|were|was|are|is)\b)|"
    # "led the sectors", not "led the market lower" nor "led losses" (last place: `_WORST`)
    r"led\s+(?:the\s+)?(?:\w+\s+)?(?:sectors?|pack|group|gains|gainers|advance|way|field|market|"
    r"charge|rally)(?!\s+(?:lower|down))|"
    r"topped\s+(?:the\s+)?(?:list|ranking|table|charts?|leaderboard|sectors?|group|pack)|"
    r"came\s+(?:out\s+on\s+top|in\s+first)|(?:ranked|finished|placed)\s+(?:first|on\s+top)|"
    rf"{RISE}{_MOST}|{RISE}{_MORE_THAN}{_ALL_OTHERS}|"
    rf"{AHEAD_OF}\s+{_THE_FIELD}|in\s+first\s+place|{_NUMBER_ONE}|"
    r"(?:the\s+)?top\s+(?:slot|position|place|rank|rung)\b|"
    rf"{_NONE_ELSE}(?:{RISE}{_MORE_THAN}|(?:did|fared|performed|held\s+up)\s+better\s+than\s+)"
    r"(?![\d$+\-\u2212]))",
    re.IGNORECASE,
)
_WORST = re.compile(
    r"\b(?:worst|weakest|roughest|toughest|poorest|the\s+(?:biggest\s+)?laggards?\b|"
    r"lagg\w*\s+(?:the\s+)?most|hardest[\s-]+hit|"
    r"hit\s+(?:the\s+)?hardest|"
    rf"{FALL}{_MOST}|{FALL}{_MORE_THAN}{_ALL_OTHERS}|"
    rf"(?:worse|lower|deeper)\s+than\s+{_ALL_OTHERS}|b(?:ore|ears?|earing)\s+the\s+brunt|"
    rf"{BEHIND}\s+{_THE_FIELD}|(?:at|to)\s+the\s+(?:very\s+)?bottom\b(?!\s+of)|"
    r"(?:the\s+)?(?:bottom|last)\s+(?:spot|slot|position|rung)\b|"
    rf"{_NONE_ELSE}(?:{FALL}{_MORE_THAN}|(?:did|fared|performed)\s+worse\s+than\s+)"
    r"(?![\d$+\-\u2212])|"
    r"(?:at\s+the\s+)?bottom\s+of\s+the\s+"
    r"(?:pack|list|table|ranking|heap|group|sectors?)|(?:br(?:ing|ings|inging|ought))\s+up\s+"
    r"the\s+rear|dead\s+last|led\s+(?:the\s+)?(?:losses|decline|declines|drop|sell-?off|"
    r"retreat|slide|(?:\w+\s+)?(?:market|sectors?|pack|group)\s+(?:lower|down))|"
    r"in\s+last\s+place|(?:ranked|finished|placed|came\s+in)\s+last)",
    re.IGNORECASE,
)
# "the steepest decline", "the sharpest gain", "the lowest return": the highest or the lowest
# of a move, its way the noun's (a drawdown is `_DEEPEST`'s: another measure)
_UP_NOUN = (
    r"(?:gain(?:s|ers?)?|winners?|rise|advances?|jump|rall(?:y|ies)|surge|rebound|bounce|"
    r"increase|climb|pop|run-?up|returns?|showing|performance)"
)
_DOWN_NOUN = (
    r"(?:los(?:er|ers|s|ses)|decliners?|fallers?|drops?|declines?|falls?|slides?|slump|"
    r"sell-?off|hit|beating|drubbing|pounding|damage|retreat|plunge|tumble|pullback|drag)"
)
_MOVE_SUPERLATIVE = re.compile(
    r"\b(?:the\s+)?(?:(?P<most>biggest|largest|greatest|strongest|steepest|sharpest|heaviest|"
    r"deepest|highest)|(?P<least>lowest|poorest|weakest|worst))[\s-]+"
    rf"(?:(?P<up>{_UP_NOUN})|(?P<down>{_DOWN_NOUN}))\b",
    re.IGNORECASE,
)


def _move_superlative(m: re.Match[str]) -> Claim | None:
    """First for the most of a rise, last for the most of a fall or the least of a rise."""
    if m["least"]:
        return "last" if m["up"] else None  # "the weakest decline": no place said
    return "first" if m["up"] else "last"


# "the only sector to fall", "the only one of the group that gained": alone on its side of zero.
# "the only sector in the green" (in the red): the same, said by the colour of its close. Not
# "only 3 sectors are in the red": a count of them (`extract.MOVED_COUNTS`).
_ONLY = re.compile(
    rf"\b(?:the\s+)?only\s+(?!{COUNT}\b)(?:[\w-]+\s+){{0,3}}?(?:(?:to|that)\s+"
    r"(?:(?P<down>fall|fell|decline[ds]?|drop(?:ped)?|lose|lost|slip(?:ped)?|"
    r"(?:end|finish|close)(?:ed)?\s+lower|(?:post|show)(?:ed)?\s+an?\s+(?:loss|decline|drop))|"
    r"(?P<up>rise|rose|gain(?:ed)?|advance[ds]?|climb(?:ed)?|"
    r"(?:end|finish|close)(?:ed)?\s+higher|(?:post|show)(?:ed)?\s+an?\s+(?:gain|advance)))|"
    r"(?:(?:to|that)\s+(?:end|finish|close)(?:ed)?\s+)?in\s+the\s+(?:(?P<red>red)|green))\b",
    re.IGNORECASE,
)
# "its worst week since March", "the biggest drop in a month", "its best day on record": a
# place in its own history, not in a group (the superlative check's).
_OWN_HISTORY_BEFORE = re.compile(r"\b(?:its|their|his|her)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_OWN_HISTORY_AFTER = re.compile(
    # "in two years", "in a decade", not "in the week" (the window of the group's ranking)
    r"(?:[\s-]+[\w-]+){0,3}?\s+(?:(?P<since>since)|on\s+record|ever|in\s+history|in\s+(?:a|an|\d+|two|"
    r"three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years?|months?|weeks?|"
    r"decades?))\b",
    re.IGNORECASE,
)
# "the best bond fund since Thanksgiving", "the top performer since mid-January", "fell the most
# since Christmas": a place in a group over the window that began then, not in its own history
# ("its worst week since March", "the biggest drop since March", "the most since 2008")
_GROUP_NOUN = re.compile(
    r"\b(?:funds?|etfs?|sectors?|performers?|gainers?|losers?|decliners?|winners?|laggards?|"
    r"leaders?|names?|markets?|assets?|ones?|industr(?:y|ies)|stocks?|groups?|metals?|"
    r"commodit(?:y|ies)|bonds?)\b",
    re.IGNORECASE,
)
_LONG_AGO = re.compile(
    r"\s*(?:\d{4}\b|at\s+least\b|records?\b|the\s+(?:\d|early|late|financial|pandemic|great|"
    r"covid|dot|global|last\s+(?:crisis|recession)))",
    re.IGNORECASE,
)
_DONE = r"(?:done|did|does|do|fared|fares|performed|performs)"
_VERB_PLACE = re.compile(rf"(?:{_MOST_WORDS}|{_DONE}\s+(?:best|worst))$", re.IGNORECASE)
# "XLE has done / did / fared worst since …": the place a verb took over a window
DONE_BEFORE = re.compile(rf"\b{_DONE}\s+$", re.IGNORECASE)


def since_starts_the_window(place: str, between: str, after: str, after_verb: bool = False) -> bool:
    """Whether "since …" after a `place` word is the window its group is ranked over: the place
    or the words `between` it and "since" name the group ("the best bond fund", "the top
    performer"), or a verb's place ("fell the most"; `after_verb`: "has done best") stands
    right before it; and what follows "since" (`after`) is no distant past ("since 2008")."""
    if _LONG_AGO.match(after):
        return False
    if _GROUP_NOUN.search(f"{place} {between}"):
        return True
    return (after_verb or _VERB_PLACE.search(place) is not None) and not between.strip()


# "one of the best", "among the laggards", "not the worst", "far from the worst": no claim to
# the one place.
_NOT_ONE_PLACE = re.compile(
    r"(?:\b(?:one|some|two|three|several)\s+of\s+(?:the\s+)?|\bamong\s+(?:the\s+)?|"
    r"\b(?:second|third|fourth|next)[\s-]+|\b(?:not|n't|never|far\s+from)\s+(?:the\s+)?)"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "closest to its 52-week high", "the shallowest drawdown": first place among distances from a
# peak (zero or negative); "furthest below its peak", "the deepest drawdown", "most beaten
# down": last place. Held to a ranking of those distances, not of moves.
_PEAK = r"(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:high|highs|peak|record|top)\b"
_NEAR_PEAK = re.compile(
    rf"\b(?:closest|nearest|near(?:est)?\s+to|least\s+(?:far\s+)?below)\s+(?:to\s+)?{_PEAK}",
    re.IGNORECASE,
)
_FAR_FROM_PEAK = re.compile(
    rf"\b(?:furthest|farthest|most|deepest)\s+(?:below|from|off|under|away\s+from)\s+{_PEAK}|"
    r"\bmost\s+beaten[\s-]+down\b",
    re.IGNORECASE,
)
_DRAWDOWN = r"(?:max(?:imum)?\s+)?draw[\s-]?downs?\b"
_SHALLOWEST = re.compile(rf"\b(?:smallest|shallowest|mildest)\s+{_DRAWDOWN}", re.IGNORECASE)
_DEEPEST = re.compile(rf"\b(?:deepest|biggest|largest|worst|steepest)\s+{_DRAWDOWN}", re.IGNORECASE)
MOVES = ("move",)
BELOW_A_PEAK = ("peak_distance",)  # where it stands now against its high
DRAWDOWNS = ("drawdown",)  # its deepest fall inside the window

Claim = Literal["first", "last", "only down", "only up"]


@dataclass(frozen=True)
class Place:
    word: str
    claim: Claim  # first or last place, or the only one that fell / rose
    start: int  # in the sentence
    end: int
    measures: tuple[str, ...] = MOVES  # what the place is among: moves, or distances below a peak

    @property
    def plural(self) -> bool:
        """'The leaders were …', 'the biggest losers': a place shared by every one listed."""
        return _PLURAL_PLACE.search(self.word) is not None


# The places several hold together: "the top performers were XLP and XLE" puts both first.
_PLURAL_PLACE = re.compile(
    r"\b(?:leaders|winners|gainers|performers|laggards|losers|decliners|fallers)\b", re.IGNORECASE
)


def places(body: str) -> list[Place]:
    """The first- and last-place (and only-one-that-fell) claims of a sentence, in order."""
    found = [Place(m.group().strip(), "only down" if m["down"] or m["red"] else "only up",
                   m.start(), m.end()) for m in _ONLY.finditer(body)]  # fmt: skip
    ends: tuple[tuple[re.Pattern[str], Claim, tuple[str, ...]], ...] = (
        (_BEST, "first", MOVES), (_WORST, "last", MOVES),
        (_NEAR_PEAK, "first", BELOW_A_PEAK), (_FAR_FROM_PEAK, "last", BELOW_A_PEAK),
        (_SHALLOWEST, "first", DRAWDOWNS), (_DEEPEST, "last", DRAWDOWNS),
    )  # fmt: skip
    said = [(m, claim, measures) for pattern, claim, measures in ends
            for m in pattern.finditer(body)]  # fmt: skip
    said += [(m, claim, MOVES) for m in _MOVE_SUPERLATIVE.finditer(body)
             if (claim := _move_superlative(m))]  # fmt: skip
    for m, claim, measures in said:
        before = body[: m.start()]
        if _NOT_ONE_PLACE.search(before) or _OWN_HISTORY_BEFORE.search(before):
            continue
        if _own_history(body, m):
            continue
        found.append(Place(m.group().strip(), claim, m.start(), m.end(), measures))
    found.sort(key=lambda p: (p.start, -p.end))
    kept: list[Place] = []
    for place in found:  # "the best-performing" and "best": one claim
        if not kept or place.start >= kept[-1].end:
            kept.append(place)
    return kept


def _own_history(body: str, place: re.Match[str]) -> bool:
    after = _OWN_HISTORY_AFTER.match(body, place.end())
    if after is None:
        return False
    if after["since"] is None:
        return True
    between = body[place.end() : after.start("since")]
    verb = DONE_BEFORE.search(body, 0, place.start()) is not None
    return not since_starts_the_window(place.group(), between, body[after.end() :], verb)


def subject_of(sentence: Sentence, place: Place) -> Subject | None:
    """The instrument put in the place: the last named before it in its sentence, else the
    first named after it ("The hardest-hit sector was XLF")."""
    before = [m.subject for m in sentence.mentions if m.end <= place.start]
    after = [m.subject for m in sentence.mentions if m.start >= place.end]
    return before[-1] if before else (after[0] if after else None)


def listed_in(sentence: Sentence, place: Place) -> list[Subject]:
    """The instruments a plural place is given to: those named after it ("the leaders were
    XLP, XLE and XLB"), else those named before it ("XLF and XLK were the biggest losers")."""
    before = [m.subject for m in sentence.mentions if m.end <= place.start]
    after = [m.subject for m in sentence.mentions if m.start >= place.end]
    return list(dict.fromkeys(after or before))


def check_place(
    sentence: Sentence, place: Place, statements: dict[int, list[Statement]]
) -> ReasonCheck | None:
    """Supported or contradicted by the first cited source that measured the named instrument
    and at least one other over the same window; None when none did (or no instrument is
    named): the superlative check decides then. A plural place given to several ("the
    leaders were …") holds when each of the N named is among the first (last) N."""
    if place.plural and len(listed := listed_in(sentence, place)) > 1:
        shared = _check_shared_place(sentence, place, listed, statements)
        if shared is not None:
            return shared  # else (one of them not placed by any source): the one next to it
    subject = subject_of(sentence, place)
    if subject is None:
        return None
    start, end = sentence.start + place.start, sentence.start + place.end
    for n in sentence.citations:
        found = standing(subject, statements.get(n, []), place.measures)
        if found is None:
            continue
        held = found.holds(place.claim)
        if held is None:
            continue
        evidence = (
            f"[{n}] {found.mine} is {place.claim} of those measured"
            if held
            else f"contradicted: [{n}] {found.holder(place.claim)}; {found.mine}"
        )
        return ReasonCheck(text=place.word, start=start, end=end, kind="verdict",
                           status="supported" if held else "unsupported", source=n,
                           evidence=evidence)  # fmt: skip
    return None


def _check_shared_place(
    sentence: Sentence, place: Place, listed: list[Subject], statements: dict[int, list[Statement]]
) -> ReasonCheck | None:
    """The first cited source that places every one of `listed`: supported when all of them
    are among its first (last) len(listed), else contradicted, naming one that is not."""
    if place.claim not in ("first", "last"):
        return None
    start, end = sentence.start + place.start, sentence.start + place.end
    shared = len(listed)
    for n in sentence.citations:
        found = [standing(s, statements.get(n, []), place.measures) for s in listed]
        placed = [f for f in found if f is not None and f.position]
        if len(placed) < shared:
            continue
        outside = [f for f in placed
                   if (f.position > shared if place.claim == "first"
                       else f.position <= f.size - shared)]  # fmt: skip
        # "the biggest fallers were …" naming ones that rose, "the winners …" ones that fell
        way = _way_named(place.word)
        wrong_way = [f for f in placed if way is not None and f.moved not in (None, way)]
        ends = "first" if place.claim == "first" else "last"
        problem = None
        if shared >= placed[0].size:
            problem = f"it names all {shared} measured, which is no place"
        elif outside:
            off = outside[0]
            problem = (f"{off.mine} is #{off.position} of {off.size} (highest first), not "
                       f"among the {ends} {shared}")  # fmt: skip
        elif wrong_way:
            problem = f"{wrong_way[0].mine}: it did not {'rise' if way == 'rose' else 'fall'}"
        held = f"[{n}] each of the {shared} named is among the {ends} {shared}"
        evidence = f"contradicted: [{n}] {problem}" if problem else held
        return ReasonCheck(text=place.word, start=start, end=end, kind="verdict",
                           status="unsupported" if problem else "supported", source=n,
                           evidence=evidence)  # fmt: skip
    return None


_GAIN_NOUN = re.compile(r"\b(?:gainers|winners|risers|advancers)\b", re.IGNORECASE)
_LOSS_NOUN = re.compile(r"\b(?:losers|decliners|fallers)\b", re.IGNORECASE)


def _way_named(word: str) -> str | None:
    """'rose' for a place of gainers, 'fell' for one of losers, None for one of performers."""
    return "rose" if _GAIN_NOUN.search(word) else "fell" if _LOSS_NOUN.search(word) else None


@dataclass(frozen=True)
class Standing:
    """Where one instrument stands in a source's group: first, last, and who is."""

    first: bool
    last: bool
    mine: str  # the instrument's own move, as the source labels it
    leader: str | None  # the first and the last of the group (None: the list does not show it)
    trailer: str | None
    size: int  # how many the group holds
    # the group's instruments that fell and that rose, when the source measured all of it
    fell: tuple[str, ...] | None = None
    rose: tuple[str, ...] | None = None
    subject: str = ""
    position: int = 0  # its place in the group, the highest first (0: not known)

    @property
    def moved(self) -> str | None:
        """'rose' or 'fell' when the source measured the whole group, else None."""
        if self.fell is None or self.rose is None:
            return None
        if self.subject in self.fell:
            return "fell"
        return "rose" if self.subject in self.rose else None

    def holds(self, claim: Claim) -> bool | None:
        if claim == "first":
            return self.first
        if claim == "last":
            return self.last
        side = self.fell if claim == "only down" else self.rose
        return None if side is None else side == (self.subject,)

    def holder(self, claim: Claim) -> str:
        if claim in ("first", "last"):
            who = self.leader if claim == "first" else self.trailer
            return f"{who or 'one it does not show'} is {claim}"
        side = (self.fell if claim == "only down" else self.rose) or ()
        moved = "fell" if claim == "only down" else "rose"
        return f"{len(side)} {moved}: {', '.join(side) or 'none'}"


def standing(
    subject: Subject, pool: list[Statement], measures: tuple[str, ...] = MOVES
) -> Standing | None:
    """Where `subject` stands among one source's typed moves (or distances below a peak) over
    its window: by the values themselves when the source measured the whole group, else by its
    ranking's places read in the list's own order (ranked lowest first, #1 is last place).
    None when the source measured no other instrument over that window, or ranks a longer list
    without it."""
    moves = [s for s in pool if s.typed and s.measure in measures and s.subject]
    if measures != MOVES and any(s.value > 0 for s in moves):
        return None  # distances above a trough: "closest to its high" is no place among them
    mine = next((s for s in moves if s.subject == subject), None)
    if mine is None:
        return None
    group = [s for s in moves if s.span == mine.span]  # one window (a peak's day lies inside)
    measured = len({s.subject for s in group})
    if measured < 2:
        return None
    top, bottom = max(group, key=lambda s: s.value), min(group, key=lambda s: s.value)
    size = max((int(s.value) for s in pool if s.measure == "count" and not s.subject), default=0)
    if size <= measured:  # every instrument of the group measured
        fell = tuple(sorted(_name(s.subject) for s in group if s.value < 0))
        rose = tuple(sorted(_name(s.subject) for s in group if s.value > 0))
        above = len({s.subject for s in group if s.value > mine.value})
        return Standing(mine.value == top.value, mine.value == bottom.value, mine.label,
                        _name(top.subject), _name(bottom.subject), measured, fell, rose,
                        _name(subject), above + 1)  # fmt: skip
    places = {s.subject: int(s.value) for s in pool if s.measure == "rank" and s.subject}
    if subject not in places:
        return None  # the top of a longer ranking, without it
    # A list printed highest first puts the highest move of those shown at the smaller place.
    shown = sorted((s for s in group if s.subject in places), key=lambda s: places[s.subject])
    highest_first = shown[0].value >= shown[-1].value
    place = places[subject] if highest_first else size + 1 - places[subject]
    named = {(p if highest_first else size + 1 - p): _name(s) for s, p in places.items()}
    return Standing(place == 1, place == size, mine.label, named.get(1), named.get(size), size,
                    position=place)  # fmt: skip


def _name(subject: Subject) -> str:
    return sorted(subject)[0]
