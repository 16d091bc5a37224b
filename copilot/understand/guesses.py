"""The cause a question puts to the test: "was it the jobs report that lifted stocks?", "did the
tariff threats sink discretionary?", "is this the Fed?", "tariffs again?".

Code reads the guess out of the words so that the answer can say whether the stored articles
around the move mention it, and so that the model drafting reasons is not handed the guess as if
it were a finding (it wrote "stocks rose due to the jobs report lifting stocks", uncited).
"""

from __future__ import annotations

import re

from copilot.move_words import FALL, RISE
from copilot.understand.comparisons import MOVE_NOUN, direction_of
from copilot.understand.vocabulary import A_TIME, MONTH, REACTING

_I = re.IGNORECASE
_MOVED = f"{RISE}|{FALL}|widen\\w*|tighten\\w*"
# Not a day or a time where a cause is read ("fell on jan 13 on the card cap proposal?")
_NO_TIME = (
    rf"(?!(?:{MONTH}\s+\d|\d|today\b|"
    r"yesterday\b|(?:mon|tues|wednes|thurs|fri)day\b|(?:the|this|last)\s+(?:day|week|month|"
    r"session|quarter|year)\b))"
)
# A short noun phrase, up to a sentence break.
_NP = r"(?P<g>[^\s?.!,;:][^?.!,;:]{0,44}?)"
_CAUSE_VERB = (
    r"(?:pull|push|drag|send|sent|sink|sank|sunk|knock|lift|driv|drove|spark|trigger|tank|crush|"
    r"boost|weigh|hurt|hit|kill|move|rattle|spook|cause|fuel|power|juice|slam|hammer|smoke|wreck)"
)
# What follows "hit", "reach" when a level is reached: "a new high", "a record", "its 200-day
# average", "$5,000".
_NOT_A_LEVEL = (
    r"(?!\s+(?:an?\s+|its\s+|their\s+|the\s+)?(?:(?:new|fresh|record|all[\s-]time|"
    r"\d+[\s-]\w+|multi[\s-]\w+|\w+ly)\s+)*(?:highs?|lows?|records?|peaks?|bottom|"
    r"(?:moving\s+)?average)\b|\s+\$?\d)"
)
# The passive verbs of a move's cause ("hurt by", "dragged down by", "buoyed by").
_PASSIVE_CAUSED = (
    r"(?:triggered|caused|driven|sparked|hit|sunk|sank|dragged|pushed|pulled|lifted|fu?ell?ed|"
    r"led|propped|spooked|rattled|knocked|weighed|held|boosted|powered|propelled|hurt|hammered|"
    r"slammed|crushed|battered|pressured|squeezed|rocked|shaken|jolted|whacked|clobbered|"
    r"bolstered|buoyed|supported|helped|affected|impacted|dented|dinged|sent|spurred|prompted|"
    r"set\s+off|tanked|roiled|buffeted|undercut|undermined|dampened|goosed|juiced)"
)
_PARTICLE = r"(?:down|up|lower|higher|back|off)"
_PATTERNS = [
    # "AI-driven?", "a tariff-driven selloff?"
    r"(?P<g>\b[\w']+)-(?:driven|led|fueled|induced|related)\b",
    # "was it the jobs report that lifted stocks", "i bet it was AI worries that dragged semis"
    rf"\b(?:(?:was|is|were)\s+(?:it|this|that)|it\s+(?:was|is)|it's)\s+{_NP}\s+(?:that|which|what)"
    r"(?:'s\s+|\s+)\w+",
    # "were the bank earnings what sank financials", "is AI capex what's driving utilities",
    # "wasn't the hot ppi what pushed yields up"
    rf"\b(?:was|were|is|are)(?:n't|nt)?\s+{_NP}\s+what(?:'s|\s+is|\s+was)?\s+{_CAUSE_VERB}\w*\b",
    # "so the 90-day tariff pause is what sent the nasdaq up", "I'm guessing the soft ism number
    # is why transports fell", "was nvidia's guidance why chips fell", "could lisa cook's firing
    # be why the dollar slid"
    rf"(?:^\W*(?:so\s+|and\s+)?(?!(?:i|i'm|im|my|we)\b)|[.!?;,:]\s*|"
    rf"\b(?:guess(?:ing)?|think|bet|suspect|assume|reckon)\s+(?:that\s+)?)"
    rf"{_NP}\s+(?:is|was|are|were)\s+(?:what(?:'s|\s+is|\s+was)?\s+{_CAUSE_VERB}\w*|why)\b",
    rf"\b(?:was|is|were|are|be)(?:n't|nt)?\s+{_NP}(?<![-—–:])\s+(?:the\s+reason\s+)?why\s+",
    rf"\b(?:could|might|would|can)\s+{_NP}\s+be\s+(?:the\s+reason\s+)?why\b",
    rf"\b(?:was|is|were|are)(?:n't|nt)?\s+{_NP}\s+the\s+(?:thing|factor|issue|one)\s+(?:that'?s\s+|"
    rf"that\s+(?:is\s+|was\s+)?)?(?:{_CAUSE_VERB}\w*|behind)\b",
    # "is the oracle debt worry weighing on tech?": a cause at work on the market named after it
    rf"^\W*(?:is|are|was|were)(?:n't|nt)?\s+(?!(?:there|anything|something|it|this|that)\b)"
    rf"{_NP}\s+{_CAUSE_VERB}\w*ing\s+(?:on\s+|down\s+|up\s+)?(?=[^?.!]*·)",
    # "did the tariff threats sink discretionary", "… Did the Kazakhstan outage drive that?",
    # "could the Fed minutes explain the decline"
    # ("did the S&P 500 hit a new high", "did gold hit $5,000": a level reached, no cause)
    rf"(?:^\W*|[.!?;,]\s*)(?:so\s+)?(?:did|does|could|can|would|might)(?:n't|nt)?\s+{_NP}\s+"
    rf"(?:{_CAUSE_VERB}\w*|explain\w*|account\s+for)\b{_NOT_A_LEVEL}",
    # a cause said, then the asker's check: "i think the jobs data moved small caps, right?",
    # "jackson hole caused the aug 22 rally, yes?", "any chance the walmart earnings moved
    # retail stocks yesterday", "my guess is the retail sales miss dragged on discretionary"
    rf"(?:^\W*(?:so\s+)?(?:i\s+(?:think|guess|bet|suspect|assume|reckon)\s+(?:that\s+)?|"
    rf"my\s+(?:guess|bet|theory)\s+is\s+(?:that\s+)?|i'm\s+guessing\s+(?:that\s+)?|"
    rf"(?:is\s+there\s+)?any\s+chance\s+(?:that\s+)?|maybe\s+|perhaps\s+)){_NP}\s+"
    rf"(?:{_CAUSE_VERB}\w*|led\s+to|set\s+off)\b{_NOT_A_LEVEL}",
    rf"^\W*{_NP}\s+(?:{_CAUSE_VERB}\w*|led\s+to|set\s+off)\b{_NOT_A_LEVEL}[^?]*,?\s*(?:right|"
    rf"correct|yes|no|true|am\s+i\s+right|isn't\s+it|didn't\s+it|wasn't\s+it)\s*\?*\W*$",
    # "was the selloff triggered by the japan bond rout", "were tech stocks hit by the ai
    # spending worries after meta earnings", "were financials dragged down by the card cap
    # talk": the cause after a passive verb's "by" (and its "down", "higher")
    rf"\b{_PASSIVE_CAUSED}(?:\s+{_PARTICLE})?\s+by\s+{_NP}"
    r"\s*(?:\?|$|\bor\b|\b(?:after|on|in|this|last|yesterday|today)\b)",
    # "did energy stocks get a lift from maduro's capture", "banks took a hit from the cap
    # proposal?": the cause of a move said as a noun, after "from"
    r"\b(?:get|gets|got|getting|take|takes|took|taking)\s+(?:a\s+|an\s+|some\s+)?(?:\w+\s+)?"
    rf"(?:lift|boost|bump|hit|beating|knock|hammering|jolt|tailwind|headwind|shot\s+in\s+the\s+arm)"
    rf"\s+from\s+{_NP}\s*(?:\?|$|\bor\b|\b(?:after|on|in|this|last|yesterday|today)\b)",
    # "what role did the powell probe play in gold's jump", "how much of the gold rally is
    # central bank buying", "should i chalk up the homebuilder drop to sticky inflation"
    rf"\bwhat\s+(?:role|part)\s+(?:did|does|do|has|have)\s+{_NP}\s+play(?:ed)?\b",
    rf"\bhow\s+much\s+of\s+[^?.!]{{0,40}}?\b(?:{MOVE_NOUN}|·+)\s+(?:is|was)\s+(?:due\s+to\s+|"
    rf"down\s+to\s+|about\s+|from\s+)?(?!(?:given|wiped|erased|lost|left|gone|recovered|retraced|"
    rf"clawed|made|won|still)\b){_NP}\s*(?:\?|$)",
    rf"\b(?:chalk(?:ed)?\s+(?:up\s+)?|put\s+|attribut\w+\s+|pin\w*\s+)[^?.!]{{1,40}}?\s+"
    rf"(?:(?:down\s+)?to|on)\s+{_NP}\s*(?:\?|$)",
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
    # a move on (after) its cause, said with the market first and asked: "gold up on the weaker
    # dollar today?", "transports sank on the ups guidance cut?" (not a day or a time after
    # "on"; "why did stocks drop after the fed meeting?" asks openly, and "did treasuries
    # rebound after the cpi print?" about the move: `_a_reaction`)
    rf"^\W*(?:so\s+|and\s+)?(?:(?:was|were|is|are)\s+)?(?:the\s+)?·[^?.!]{{0,30}}?"
    rf"\b(?:{_MOVED})\b[^?.!]{{0,20}}?\s+(?:on|after|amid)\s+{_NO_TIME}{_NP}"
    r"(?<!\bday)(?<!\bdays)\s*"
    r"(?:\b(?:today|yesterday|this\s+week|last\s+week|maybe|perhaps|again|or\s+no|or\s+not|"
    r"or\s+what|or\s+something(?:\s+else)?)\W*)?(?:\?|,\s*(?:right|correct|yes|no)\s*\?*\W*$)",
    # the same asked with "did": "did oil rally on the venezuela news?", "did banks slide amid the
    # cap talk?" ("after" stays a time here: "did treasuries rebound after the cpi print?" asks
    # about the move, `_a_reaction`)
    rf"^\W*(?:so\s+|and\s+)?(?:did|does|do|has|have)(?:n't|nt)?\s+(?:the\s+)?·[^?.!]{{0,30}}?"
    rf"\b(?:{_MOVED})\b[^?.!]{{0,20}}?\s+(?:on|amid)\s+{_NO_TIME}{_NP}"
    r"(?<!\bday)(?<!\bdays)\s*(?:\?|$|\bor\b)",
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
    rf"\bblam(?:e|ing)\s+(?!for\b){_NP}\s*(?:\bfor\b|\?|$)",
    # "tariffs to blame for the retail drop in april?"
    rf"(?:^\W*|[.!?;,:]\s*){_NP}\s+(?:(?:is|are|was|were)\s+)?(?:to\s+blame|responsible)\s+for\b",
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
# "XLE up 2% today. venezuela tensions?": a few words asked after a move said ("gold record in
# october: the debasement trade?", "dollar weakness = the mar-a-lago accord rumors?").
_LAST_ASK = re.compile(
    r"(?:^|[.!?;:]\s+|,\s*|\s[—–-]+\s*|\s=\s*)(?P<g>(?:(?!\s-+\s)[^.!?;:,=—–]){2,50}?)\s*\?+\W*$"
)
# A move said in other words than its direction's: a record reached, a lead taken.
_MOVED_OTHERWISE = re.compile(
    r"\b(?:records?|all[\s-]time\s+highs?|new\s+highs?|new\s+lows?|lead(?:s|ing)?|lagg?(?:s|ing)?|"
    r"outperform\w*|underperform\w*)\b",
    _I,
)
# A cause that holds a market's or a company's name ("trump's copper tariff", "micron
# earnings"): the name, blanked, beside the words of news.
_NEWS_OF_A_NAME = re.compile(
    r"·\s*(?:'s\s+)?(?:earnings|guidance|results|report|numbers|news|deal|merger|acquisition|"
    r"bankruptcy|miss|beat|cut|downgrade|upgrade|tariffs?|ban|probe|outage|strike|layoffs?)\b",
    _I,
)
_QUESTION_WORD = re.compile(
    r"^\W*(?:what|why|how|which|who|when|where|is|are|was|were|did|do|does|any|anything|anyone|"
    r"something|someone|somebody|news|"
    r"can|could|should|will|would|thoughts?|ideas?|really|seriously|huh|or|and|but|so|for|by|"
    r"no|right|yes|ok|okay|eh|surely|correct)\b",
    _I,
)
# "how much did bonds fall on the CPI print": a figure asked, with a cause beside it.
_FIGURE_ASKED = re.compile(
    # ("how much of the gold rally is central bank buying" asks what share a cause had; "how
    # much of the drop was recovered" a figure)
    r"\b(?:how\s+(?:much(?!\s+of\s+[^?.]{0,50}?\b(?:is|was|are|were)\s+(?!(?:given|wiped|"
    r"erased|lost|left|gone|recovered|retraced|clawed|made|won|still)\b)"
    r"(?:due\s+to\s+|down\s+to\s+|about\s+|from\s+)?(?:the\s+|a\s+)?[a-z])|"
    r"many|far|big|bad|large|high|low)|by\s+how|"
    r"how\s+(?:did|does|has|have|do)\s+[^?.]{1,40}?\b(?:do|did|perform\w*|fare\w*|trade\w*)\b|"
    r"what\s+did\s+[^?.]{1,40}?\b(?:return|close|gain|lose|lost|end|finish)\w*\b|"
    r"what(?:'s|\s+(?:is|was|were))\s+(?:the\s+|its\s+|their\s+|[\w·&.-]+'s\s+)?"
    r"(?:\w+\s+)?(?:return|change|move|gain|loss|close|level|price|yield|percent(?:age)?|%))",
    _I,
)

# Phrases that are no cause: the move itself, a time, a ranking, the asker's doubt.
_TIME_NOUN = r"(?:day|week|month|year|session|quarter)s?"
# A ranking's or a judgement's word is no cause alone or of a time or a move ("a good week for
# tech", "the biggest drop in gold"); of anything else it describes one ("the strong dollar",
# "lower mortgage rates", "the first brands bankruptcy", "the weak july payrolls report").
_OF_A_TIME_OR_MOVE = (
    rf"(?:\s+(?:\w+\s+)?(?:{_TIME_NOUN}|one|ones|than|since|ever|yet|for|in|on|of|so|this|that|"
    r"it|performance|showing|stretch|run|start|close|open|finish|highs?|lows?|levels?|territory|"
    r"sell-?offs?|rall(?:y|ies)|drops?|falls?|declines?|rises?|jumps?|surges?|spikes?|slides?|"
    r"slumps?|routs?|crash(?:es)?|moves?|dips?|gains?|loss(?:es)?)\b.*)?"
)
_NOT_A_CAUSE = re.compile(
    r"^(?:the\s+|a\s+|an\s+|this\s+|that\s+|it\s+|(?:was|is|were|are)\s+)*(?:"
    r"(?:best|worst|biggest|largest|most|first|last|lowest|highest|record|steepest|sharpest|"
    r"deepest|strongest|weakest|"
    # "was it a good week for tech?": a judgement of the move, not a cause
    r"good|bad|great|strong|weak|big|huge|rough|tough|terrible|decent|solid|normal|typical|"
    rf"usual|higher|lower){_OF_A_TIME_OR_MOVE}|"
    r"(?:same|only|end|start|bottom|top|peak|up|down|green|red|positive|negative|"
    # "is it above it", "is it below its average": a position asked about, not a cause
    r"above|below|under|near|"
    # "can someone explain …", "could you explain …": the asker, not a cause
    r"you|u|someone|somebody|anyone|anybody|we|i|they|people|one)\b.*|"
    # a time ("last week", "the holiday week"), not a named day ("liberation day", "cpi day")
    r"(?:(?:the|this|that|last|next|same|previous|prior|following|first|whole|entire|past|one|"
    r"two|three|four|five|a|an|good|bad|rough|tough|big|busy|quiet|short|holiday|trading|"
    r"christmas|thanksgiving|new\s+year'?s|\d+)\s+){0,2}"
    rf"{_TIME_NOUN}\b.*|"
    # "…, what's the reason?", "who's to blame?": the ask itself, not a cause
    r"(?:what|who|how|why|where|when|which)(?:['’]s|s)?\b.*|"
    r"case|true|right|real|over|done|it|this|that|so|just|about|huh|on|in|at|to|for|of|"
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
    # "did stocks fall on heavy volume", "… on a risk-adjusted basis": how it traded or is
    # measured, no cause
    r"(?:\w+\s+)?volumes?|(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}basis|"
    r"(?:\w+\s+)?(?:sell-?off|rally|drop|fall|decline|rise|jump|surge|spike|slide|slump|rout|"
    r"crash|dump|pop|bounce|rebound|move|dip|gain|loss)e?s?|"
    r"today|yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|"
    # a date or a count of days ("the 90-day tariff pause" is a cause)
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*(?:\s+\d+\w*)?|"
    r"\d(?!\d*-(?:day|week|month|year)\b)[\w\s/-]*|"
    # the holidays are a time ("gold up over the holidays?")
    r"(?:holidays?|holiday\s+\w+|christmas|new\s+year'?s?|thanksgiving|weekend)\b.*|"
    # "Kindly clarify the factors responsible for …": an open ask of the causes
    r"(?:[\w']+\s+){0,3}(?:the\s+)?(?:factors?|forces?)"
    r")\W*$",
    _I,
)


_A_PASSIVE_END = re.compile(r"\b(?:get|gets|got|getting|gotten|be|been|being)(?:\s+an?)?$", _I)


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
            if _A_PASSIVE_END.search(guess):
                continue  # "did financials get hit after the fed": a move asked, no cause
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
    if last is None or _QUESTION_WORD.match(last.group("g")):
        return None
    if "·" in last.group("g") and not _a_cause_with_a_name(last.group("g")):
        return None  # "XLE up 2% today. oil?": a market, no cause
    said = masked[: last.start("g")]
    moved = direction_of(said) is not None or _MOVED_OTHERWISE.search(said) is not None
    if not moved or len(last.group("g").split()) > 6:
        return None
    guess = _trimmed(question[last.start("g") : last.end("g")])
    # "… on december 17, 2025 - what happened?": the ask after the dash is no cause either.
    if not guess or _QUESTION_WORD.match(guess):
        return None
    return guess if _is_a_cause(guess) else None


# A time said after the cause: "lower mortgage rates in early january" is the cause alone (an
# event's own date stays: "the jobs report on jan 9" dates the release).
_TIME_AFTER = re.compile(
    r"\s+(?:(?:in|on|during|over|around|through|since)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    rf"{A_TIME}\s*$",
    _I,
)
_AN_EVENT = re.compile(
    r"\b(?:reports?|prints?|data|decisions?|meetings?|numbers|payrolls|cpi|ppi|fomc|minutes|"
    r"releases?|speech|earnings|results|auctions?|announcements?|jobs|testimony|presser|"
    r"conference|summit|vote|ruling)\b",
    _I,
)


def _a_cause_with_a_name(masked: str) -> bool:
    """A phrase holding a blanked name and words of a cause beside it ("····· demand",
    "trump's ······ tariff"), not names alone or another market's move ("···· leading")."""
    if _NEWS_OF_A_NAME.search(masked):
        return True
    rest = re.sub(r"·+(?:'s)?|\b(?:and|or|the|too|also|again|as\s+well)\b", " ", masked, flags=_I)
    words = re.findall(r"[a-z][\w'-]*", rest, _I)
    return bool(words) and direction_of(rest) is None and not _MOVED_OTHERWISE.search(rest)


def _trimmed(phrase: str) -> str:
    phrase = re.split(r"\s+-+\s+|\s*[—–]+\s*", phrase)[-1]  # "energy up big - oil"
    phrase = re.sub(
        r"\s+(?:or\s+(?:what|not|something)|again|too|then|now)\s*$", "", phrase, flags=_I
    )
    if not _AN_EVENT.search(phrase):
        phrase = _TIME_AFTER.sub("", phrase) or phrase
    phrase = re.sub(r"(?:'s)?\s+(?:fault|doing)\s*$", "", phrase, flags=_I)  # "tesla's fault?"
    return phrase.strip(" '\"")


def _is_a_cause(phrase: str) -> bool:
    return len(phrase.split()) <= 6 and not _NOT_A_CAUSE.match(phrase)
