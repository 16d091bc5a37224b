"""The cause a question puts to the test: "was it the jobs report that lifted stocks?", "did the
tariff threats sink discretionary?", "is this the Fed?", "tariffs again?".

Code reads the guess out of the words so that the answer can say whether the stored articles
around the move mention it, and so that the model drafting reasons is not handed the guess as if
it were a finding (it wrote "stocks rose due to the jobs report lifting stocks", uncited).
"""

from __future__ import annotations

import re

from copilot.understand.comparisons import MOVE_NOUN, direction_of
from copilot.understand.vocabulary import REACTING

_I = re.IGNORECASE
# A short noun phrase, up to a sentence break.
_NP = r"(?P<g>[^\s?.!,;:][^?.!,;:]{0,44}?)"
_CAUSE_VERB = (
    r"(?:pull|push|drag|send|sink|sank|knock|lift|drive|drove|spark|trigger|tank|crush|boost|"
    r"weigh|hurt|hit|kill|move|rattle|spook|cause|fuel|power|juice|slam|hammer|smoke|wreck)"
)
# What follows "hit", "reach" when a level is reached: "a new high", "a record", "its 200-day
# average", "$5,000".
_NOT_A_LEVEL = (
    r"(?!\s+(?:an?\s+|its\s+|their\s+|the\s+)?(?:(?:new|fresh|record|all[\s-]time|"
    r"\d+[\s-]\w+|multi[\s-]\w+|\w+ly)\s+)*(?:highs?|lows?|records?|peaks?|bottom|"
    r"(?:moving\s+)?average)\b|\s+\$?\d)"
)
_PATTERNS = [
    # "AI-driven?", "a tariff-driven selloff?"
    r"(?P<g>\b[\w']+)-(?:driven|led|fueled|induced|related)\b",
    # "was it the jobs report that lifted stocks", "i bet it was AI worries that dragged semis"
    rf"\b(?:(?:was|is|were)\s+(?:it|this|that)|it\s+(?:was|is)|it's)\s+{_NP}\s+(?:that|which|what)"
    r"(?:'s\s+|\s+)\w+",
    # "were the bank earnings what sank financials"
    rf"\b(?:was|were|is|are)\s+{_NP}\s+what\s+{_CAUSE_VERB}\w*\b",
    # "did the tariff threats sink discretionary", "… Did the Kazakhstan outage drive that?",
    # "could the Fed minutes explain the decline"
    # ("did the S&P 500 hit a new high", "did gold hit $5,000": a level reached, no cause)
    rf"(?:^\W*|[.!?;,]\s*)(?:so\s+)?(?:did|does|could|can|would|might)\s+{_NP}\s+"
    rf"(?:{_CAUSE_VERB}\w*|explain\w*|account\s+for)\b{_NOT_A_LEVEL}",
    # "was the Fed behind the bond selloff", "is the dollar to blame for gold's drop" (not "was
    # there news behind …", "is anything behind …": an open question, no cause named)
    rf"\b(?:was|is|were|are)\s+(?!(?:there|anything|something)\b){_NP}\s+(?:behind|to\s+blame|"
    r"responsible|the\s+(?:reason|cause|"
    r"culprit|catalyst|driver|trigger|story))\b",
    # "did gold rally because of the dollar?", "was that due to the CPI print?"
    r"\b(?:(?:because|becuase|becasue|bcs?|b/c|cuz)\s+of|bc|b/c|cuz|due\s+to|down\s+to|"
    r"driven\s+by|caused\s+by|thanks\s+to|tied\s+to|on\s+the\s+back\s+of|in\s+response\s+to|"
    rf"a\s+result\s+of|related\s+to)\s+{_NP}\s*"
    r"(?:\?|$|\bor\b)",
    # "did the TikTok deal have anything to do with tech's pop on dec 19?": the cause is the
    # subject when the market and its move come after "to do with"
    rf"(?:^\W*|[.!?;,]\s*)(?:so\s+)?(?:did|does|do|could|would|might)\s+{_NP}\s+(?:have|had)\s+"
    r"(?:anything|something|much|a\s+lot)\s+to\s+do\s+with\b(?=[^?.!;]*·)",
    # "did the bounce have anything to do with Greenland?"
    rf"\b(?:anything|something|much|a\s+lot)\s+to\s+do\s+with\s+{_NP}\s*(?:\?|$|\bor\b)",
    # "how did stocks react to the jobs report on jan 9?", "the market's reaction to the CPI
    # print", "how did bonds respond to the Fed?": the event the move answered is named
    rf"\b(?:react(?:ed|ing|s|ions?)?|respond(?:ed|ing|s)?|responses?)\s+to\s+{_NP}\s*"
    r"(?:\?|$|[,;]|\band\b|\bor\b)",
    # "did bonds care about the CPI report on january 13?", "did stocks shrug off the jobs data?"
    rf"\b(?:{REACTING})\s+{_NP}\s*(?:\?|$|[,;]|\band\b|\bor\b)",
    # "how did the market take the December CPI print?"
    rf"\bhow\s+(?:did|do|does|has|have)\s+[^?.!]{{1,40}}?\s+take\s+{_NP}\s*(?:\?|$|[,;]|\band\b)",
    # "what did the December jobs report show, and how did stocks react?": the release asked
    # about beside the market's reaction to it
    rf"\bwhat\s+did\s+{_NP}\s+(?:show|say|reveal|tell\s+us)\b(?=[^?]*\b(?:react|respond|"
    r"reaction|response|take|took|care|mind|notice|flinch)\w*)",
    # "was the selloff on tuesday jan 20 about greenland?", "is the jump in yields all about the
    # deficit?": the move's event, then what it was about
    rf"(?:\b(?:is|was|were|are)|(?<=\w)'s)\s+(?:the|this|that|today's|yesterday's)\s+"
    rf"[^?.!]{{0,40}}?\b{MOVE_NOUN}\b[^?.!]{{0,40}}?\s+(?:all\s+|just\s+|really\s+|mostly\s+|"
    rf"partly\s+)?about\s+(?!to\b){_NP}\s*(?:\?|$|\bor\b)",
    # "is the gold move just a weaker dollar?", "was the tech selloff mostly rate fears?": the
    # move, then the cause it is said to be (not "is the rally just getting started")
    rf"(?:\b(?:is|was|were|are)|(?<=\w)'s)\s+(?:the|this|that|today's|yesterday's|[\w·]+'s)\s+"
    rf"[^?.!]{{0,40}}?\b{MOVE_NOUN}\s+(?:just|simply|purely|mostly|mainly|largely|all)\s+"
    rf"(?!(?:over|done|getting|starting|beginning|noise)\b){_NP}\s*(?:\?|$|\bor\b)",
    # "blame the Fed?", "blaming tariffs for this?"
    rf"\bblam(?:e|ing)\s+{_NP}\s*(?:\bfor\b|\?|$)",
    # "is this the Fed?", "is it the jobs data or what", "was that about the deficit?"
    rf"\b(?:is|was)\s+(?:this|that|it)\s+(?:all\s+)?(?:just\s+)?(?:about\s+)?{_NP}\s*"
    r"(?:\?|$|\bor\s+(?:what|something|not)\b)",
    # "tariffs again?", "the Fed again??"
    rf"(?:^|[.!?;,—–-]\s*){_NP}\s+again\s*\?",
    # "the Fed or something else?"
    rf"(?:^|[.!?;,—–-]\s*){_NP}\s+or\s+something\s+else\b",
    # "PJM auction fallout?", "Obamacare subsidies the reason?", "tariff worries?"
    rf"(?:^|[.!?;,—–-]\s*){_NP}\s+(?:fallout|the\s+(?:reason|culprit|cause|catalyst|driver|"
    r"trigger|story)|to\s+blame|related|worries|fears|jitters|concerns)\s*\?",
    # "fears of EU retaliation?", "worries about the deficit?"
    rf"\b(?:fears?|worries|worry|concerns?|jitters|talk|hopes?)\s+(?:of|about|over|around)\s+"
    rf"{_NP}\s*(?:\?|$)",
]
_GUESS = [re.compile(p, _I) for p in _PATTERNS]
# "XLE up 2% today. venezuela tensions?": a few words asked after a move said.
_LAST_ASK = re.compile(r"(?:^|[.!?;]\s+|,\s*|\s[—–-]+\s*)(?P<g>[^.!?;,—–]{2,40}?)\s*\?+\W*$")
_QUESTION_WORD = re.compile(
    r"^\W*(?:what|why|how|which|who|when|where|is|are|was|were|did|do|does|any|anything|anyone|"
    r"can|could|should|will|would|thoughts?|ideas?|really|seriously|huh|or|and|but|so|for|by|"
    r"no|right|yes|ok|okay|eh|surely|correct)\b",
    _I,
)
# "how much did bonds fall on the CPI print": a figure asked, with a cause beside it.
_FIGURE_ASKED = re.compile(
    r"\b(?:how\s+(?:much|many|far|big|bad|large|high|low)|by\s+how|"
    r"how\s+(?:did|does|has|have|do)\s+[^?.]{1,40}?\b(?:do|did|perform\w*|fare\w*|trade\w*)\b|"
    r"what\s+did\s+[^?.]{1,40}?\b(?:return|close|gain|lose|lost|end|finish)\w*\b|"
    r"what(?:'s|\s+(?:is|was|were))\s+(?:the\s+|its\s+|their\s+|[\w·&.-]+'s\s+)?"
    r"(?:\w+\s+)?(?:return|change|move|gain|loss|close|level|price|yield|percent(?:age)?|%))",
    _I,
)

# Phrases that are no cause: the move itself, a time, a ranking, the asker's doubt.
_NOT_A_CAUSE = re.compile(
    r"^(?:the\s+|a\s+|an\s+|this\s+|that\s+|it\s+|(?:was|is|were|are)\s+)*(?:"
    r"(?:best|worst|biggest|largest|most|first|last|lowest|highest|record|same|only|end|start|"
    r"bottom|top|peak|steepest|sharpest|deepest|strongest|weakest|"
    # "was it a good week for tech?": a judgement of the move, not a cause
    r"good|bad|great|strong|weak|big|huge|rough|tough|terrible|decent|solid|normal|typical|"
    r"usual|up|down|green|red|positive|negative|"
    # "is it above it", "is it below its average": a position asked about, not a cause
    r"above|below|under|higher|lower|near|"
    # "can someone explain …", "could you explain …": the asker, not a cause
    r"you|u|someone|somebody|anyone|anybody|we|i|they|people|one)\b.*|"
    r"(?:\w+\s+){0,2}(?:day|week|month|year|session|quarter)s?\b.*|"
    # "…, what's the reason?", "who's to blame?": the ask itself, not a cause
    r"(?:what|who|how|why|where|when|which)(?:['’]s|s)?\b.*|"
    r"case|true|right|real|over|done|it|this|that|so|just|about|huh|"
    # an open ask, not a cause: "chips getting smoked, context?"
    r"(?:any\s+)?(?:context|colou?r|thoughts?|ideas?|details?|info|explanation|reasons?|story|"
    r"news|headlines|catalysts?|insights?|background|rationale|clue|guesses|takers|views?|"
    # "utilities dropped on friday - cause?", "tech rallied. the driver?": the word for a
    # cause, asked for, is no cause
    r"causes?|drivers?|triggers?|culprits?|reasoning|explanations|motives?)|"
    # "did anything in the news explain …": an open ask of the articles, not a cause
    r"(?:anything|something|nothing)(?:\s+(?:in|from|on)\s+(?:the\s+)?(?:news|press|"
    r"headlines|papers?|media|articles?|wires?))?|all|because|due|a\s+fluke|"
    # "did anything specific knock financials", "something in particular": an open ask too
    r"(?:anything|something|nothing)\s+(?:specific|in\s+particular|particular|notable|"
    r"special|big|major|new|obvious|unusual)|"
    r"(?:\w+\s+)?(?:sell-?off|rally|drop|fall|decline|rise|jump|surge|spike|slide|slump|rout|"
    r"crash|dump|pop|bounce|rebound|move|dip|gain|loss)e?s?|"
    r"today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*(?:\s+\d+\w*)?|\d[\w\s/-]*"
    r")\W*$",
    _I,
)


def guessed_cause(masked: str, question: str) -> str | None:
    """The cause the question proposes, in its own words ("the jobs report", "Nvidia's
    earnings", "oil"), or None. `masked` is the question with its instruments blanked ("·",
    same length), read for the sentence's shape: "the S&P 500 last week" holds no "last week"."""
    for pattern in _GUESS:
        for match in pattern.finditer(masked):
            start, end = match.span("g")
            if _markets_alone(masked[start:end]):
                continue  # "did stocks and bonds move in opposite directions": no cause
            if _TWO_CLAUSES.search(masked[start:end]) and "·" in masked[start:end]:
                continue  # "did utilities hold up while tech sank": two markets' moves
            guess = _trimmed(question[start:end])
            if guess and (_is_a_cause(guess) or _another_markets_move(masked[start:end])):
                return guess
    return _asked_after_a_move(masked, question)


# A clause joined to a market's own: "did utilities hold up while tech sank" compares two
# markets' moves; no cause is put to the test.
_TWO_CLAUSES = re.compile(r"\b(?:while|whereas|but|even\s+as|at\s+the\s+same\s+time\s+as)\b", _I)


# Another market's move put to the test as the cause: "was the oil spike what sank airlines?",
# "did the yield surge hit homebuilders?" (the move itself, "was the selloff the reason", is no
# cause; a market's name, blanked, or a rate's before the move word makes it one).
_ANOTHER_MARKETS_MOVE = re.compile(
    rf"^(?:the\s+|a\s+|this\s+|that\s+)?(?:(?:·+(?:'s)?|(?:bond\s+)?yields?|rates?|"
    rf"dollar(?:'s)?)\s+{MOVE_NOUN}|·+)\W*$",
    _I,
)


def _another_markets_move(masked: str) -> bool:
    return _ANOTHER_MARKETS_MOVE.match(masked.strip()) is not None


def _markets_alone(masked: str) -> bool:
    """Whether a phrase holds nothing but two or more of the question's names (blanked "·")
    and the words that join them ("gold and silver", "the S&P, tech or bonds"); one name
    alone may be the cause put to the test ("did nvidia drag down chip stocks")."""
    rest = re.sub(r"[·\s,&/]+|\b(?:and|or|the|both|either)\b", "", masked, flags=_I)
    return len(re.findall(r"·+", masked)) >= 2 and not rest


def asks_for_a_figure(text: str) -> bool:
    """Whether the words ask for a figure ("how much…", "what was the return…")."""
    return _FIGURE_ASKED.search(text) is not None


def _asked_after_a_move(masked: str, question: str) -> str | None:
    """A few words asked after a move was said: "XLE up 2% today. venezuela tensions?"."""
    last = _LAST_ASK.search(masked)
    if last is None or _QUESTION_WORD.match(last.group("g")) or "·" in last.group("g"):
        return None
    said = masked[: last.start("g")]
    if direction_of(said) is None or len(last.group("g").split()) > 4:
        return None
    guess = _trimmed(question[last.start("g") : last.end("g")])
    # "… on december 17, 2025 - what happened?": the ask after the dash is no cause either.
    if not guess or _QUESTION_WORD.match(guess):
        return None
    return guess if _is_a_cause(guess) else None


def _trimmed(phrase: str) -> str:
    phrase = re.split(r"\s+-+\s+|\s*[—–]+\s*", phrase)[-1]  # "energy up big - oil"
    phrase = re.sub(
        r"\s+(?:or\s+(?:what|not|something)|again|too|then|now)\s*$", "", phrase, flags=_I
    )
    return phrase.strip(" '\"")


def _is_a_cause(phrase: str) -> bool:
    return len(phrase.split()) <= 6 and not _NOT_A_CAUSE.match(phrase)
