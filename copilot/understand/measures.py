"""What a question measures: the words for level, move, extremes, averages, distances, streaks,
counts, comparisons and rankings → an `Intent` (and the move's direction, and whether it asks
why)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from copilot.market.measure_model import Aggregate, MeasureName
from copilot.move_words import FALL
from copilot.understand.vocabulary import GAVE_BACK, MONTH, NUMBER, number_of

_I = re.IGNORECASE


@dataclass(frozen=True)
class Asked:
    """The measure words found (before instruments are known)."""

    measure: MeasureName
    aggregate: Aggregate
    label: str
    definition: str
    sma_window: int | None = None
    needs_benchmark: bool = False  # a beat streak with one instrument: versus SPY
    window_sessions: int | None = None  # "the 30-day average": its own window when none named
    both_extremes: bool = False  # "high and low": the max call and the min call
    against_its_year: bool = False  # "is the VIX elevated?": beside the past year's level
    line: float | None = None  # "how many days above 20": the level closes are counted against


_SMA = re.compile(
    r"\b(\d{1,3})[\s-]*(?:day|d|session)[\s-]*(?:moving[\s-]+)?(?:average|avg|ma|line)\b"
    r"|\b(\d{1,3})[\s-]*(?:sma|dma|ema|ma)\b"
    r"|\b(?:above|below|under|over|from|versus|vs\.?)\s+(?:its|the|their)\s+(\d{1,3})[\s-]day\b"
    r"|\bmoving\s+average\b",
    _I,
)
_AGAINST_AVERAGE = re.compile(
    r"\b(?:above|below|under|over|from|distance|versus|vs\.?|relative|compared|cross\w*|off|"
    r"away|far|gap|spread|deviat\w*)\b",
    _I,
)
_LONGEST = re.compile(r"\b(?:longest|biggest|best|record|max(?:imum)?|worst)\b", _I)
# "how many sessions in a row at most", "the most sessions in a row": a streak's max (not
# in _LONGEST, which also keeps "the most below its peak" from reading as a drawdown)
_MOST_IN_A_ROW = re.compile(r"\bat\s+most\b|\bmost\s+(?:trading\s+)?(?:sessions|days)\b", _I)
# "what sent small caps higher for so many days in a row in January": the run that was made,
# the window's longest (the run to its end was 0 sessions); "why has gold risen so many days
# in a row" asks of the run still going.
_SO_MANY_IN_A_ROW = re.compile(
    r"\b(?:so|that|this)\s+many\s+(?:trading\s+)?(?:sessions|days)\b", _I
)
_STILL_GOING = re.compile(r"\b(?:has|have)\b|\w'(?:s|ve)\s+been\b", _I)
_BEAT = re.compile(
    r"\b(?:beat|beats|beaten|beating|outperform\w*|outpac\w*|topped|did\s+better|"
    r"outdid|outdone)\b|\b(?:winning|beat|outperformance)\s+streak\s+(?:against|versus|vs\.?|"
    r"over)\b",
    _I,
)
_STREAK = re.compile(
    r"\b(?:in\s+a\s+row|straight\s+(?:days|sessions|gains|losses|declines)|consecutive|"
    r"streaks?|run\s+of|(?:days|sessions|trading\s+days)\s+(?:straight|running|on\s+end)|"
    r"in\s+succession|successive|without\s+a\s+break|"
    # "the longest stretch of gains", "a losing stretch"
    r"stretch(?:es)?\s+of\s+(?:gains|losses|declines|up\s+days|down\s+days|higher\s+closes|"
    r"lower\s+closes)|(?:winning|losing)\s+stretch(?:es)?)\b",
    _I,
)
_DOWNWARD = re.compile(
    r"\b(?:lower|down|losing|loss(?:es)?|los[te]|fell|fall(?:en|ing|s)?|declin\w*|drop\w*|"
    r"red|negative|slid(?:e|ing)?|sank|sink\w*|retreat\w*|slump\w*|weak\w*)\b",
    _I,
)
# A run's way in the trade's words too: "bleed for three straight days", "tanked five sessions
# in a row" (had been read as a winning streak).
_FALLS = re.compile(rf"\b{FALL}\b", _I)


def _a_losing_run(text: str) -> bool:
    return _DOWNWARD.search(text) is not None or _FALLS.search(text) is not None


_NEW_HIGHS = re.compile(
    r"\b(?:new|record|all[\s-]time|fresh)\s+(?:closing\s+)?highs?\b|\brecord\s+clos(?:e|es|ing)\b|"
    # "did the S&P 500 close at a record on Christmas Eve?", "was its close a record?": a
    # record said alone is a closing high (was the close's level, with a ⚠ on "record")
    r"\b(?:at|to|a)\s+(?:a\s+|new\s+|fresh\s+)*record\b"
    r"(?!\s+(?:lows?|volume|\d|(?:closing\s+)?highs?\b))",
    _I,
)
_SET_HIGH = re.compile(
    r"\b(?:hit|hits|set|sets|make|made|makes|notch\w*|reach\w*|print\w*|"
    r"(?:close[ds]?|finish(?:ed|es)?|end(?:ed|s)?|settle[ds]?)\s+at|mark\w*|post\w*|any)\b"
    r"[^.?!]*$",
    _I,
)
_HOW_MANY = re.compile(r"\b(?:how\s+many|number\s+of|count\s+of|how\s+often)\b", _I)
_DAYS = re.compile(r"\b(?:days|sessions|times)\b", _I)
# "how many sectors rose this year?", "how many of the funds closed lower": markets counted by
# the way each moved over the window (had read as each one's count of up days). A set the
# question names is blanked out ("·") by the time measures are read.
_HOW_MANY_MARKETS = re.compile(
    r"\bhow\s+many\s+(?:of\s+(?:them|these|those)\b|(?:of\s+(?:the|these|those)\s+)?"
    r"(?:[\w-]+\s+)?(?:·{3,}|(?:sectors|funds|etfs|assets|markets|industries|commodities|ones|"
    r"names|indexes|indices)\b))",
    _I,
)
# "which sector had the most down days in January?", "the fewest losing sessions": a count
# ranked (was each market's return ranked).
_MOST_DAYS = re.compile(
    r"\b(?:most|fewest|least|more|fewer)\s+(?:(?:up|down|green|red|positive|negative|losing|"
    r"winning|higher|lower)\s+)(?:days|sessions|closes|weeks|months)\b",
    _I,
)
# "How many up weeks did the S&P have in January?", "how many months did gold fall in 2025?":
# calendar weeks (months) counted by the way each one's move went (had read as the window's
# move, or a count of sessions).
_PERIODS_COUNTED = re.compile(
    r"\b(?P<unit>week|month)(?:s\b|ly\s+(?:gains|losses|declines|advances|drops|rises|falls)\b)",
    _I,
)
_UPWARD = re.compile(
    r"\b(?:up|higher|green|positive|winning|gain\w*|r(?:ise|ose|isen|ising)|advanc\w*|climb\w*)\b",
    _I,
)
_DRAWDOWN = re.compile(
    r"\b(?:max(?:imum)?\s+)?draw[\s-]?downs?\b|\bpeak[\s-]to[\s-]trough\b|"
    r"\b(?:biggest|largest|deepest)\s+(?:decline|drop|fall|slide)\s+from\s+(?:a|its|the)\s+"
    r"(?:peak|high|top)\b",
    _I,
)
# "how much did the market fall from its January high to its January low", "gold's high-to-low
# drop": the fall from the window's high to the low after it (was the distance from the high
# to the latest close)
_HIGH_TO_LOW = re.compile(
    r"\b(?:high|top)[\s-]to[\s-](?:low|bottom)\b|\bfrom\s+(?:its|the|their|a)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:peak|high|top)\s+to\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trough|low|bottom)\b",
    _I,
)
# "how deep was the pullback in December", "how bad did gold's selloff get": the fall from a
# close to a later, lower one inside the window, not the window's net move.
_FALL_NOUN = (
    r"(?:pull[\s-]?back|dip|drop|sell[\s-]?off|correction|decline|slide|retreat|slump|rout|swoon|"
    r"fall|plunge|downturn|drawdown|crash|tumble|wipe[\s-]?out|losing\s+streak|downdraft)s?"
)
_DEPTH = re.compile(
    r"\bhow\s+(?:deep|big|bad|steep|severe|large|sharp|painful|brutal|nasty|ugly)\b"
    # the fall is what is sized: not "how big were XLE's gains after the dip"
    r"(?:(?!\b(?:how|gains?|rall\w*|ris\w*|rose|jump\w*|climb\w*|rebound\w*|bounce\w*|"
    r"returns?|after|before|since|following)\b)[^?.;])*?"
    rf"\b{_FALL_NOUN}\b|"
    rf"\b(?:depth|severity)\s+of\s+(?:the|its|their|this|that)\s+"
    rf"(?:[\w·'-]+\s+){{0,3}}?{_FALL_NOUN}\b",
    _I,
)
# "the biggest slide tech has had in January": the deepest fall inside the window (with a day
# word it is the worst day: `_WORST_DAY`).
_DEEPEST_FALL = re.compile(
    r"\b(?:biggest|largest|deepest|worst|steepest|sharpest|heaviest)\s+(?:pull[\s-]?back|"
    r"sell[\s-]?off|correction|slide|slump|rout|swoon|downdraft)s?\b"
    # "silver's max drop this month": a maximum is taken inside the window
    r"|\bmax(?:imum)?\s+(?:drop|decline|fall|loss|dip)s?\b",
    _I,
)  # not "the biggest drop / decline", which rank net moves ("which sector had the biggest drop")
# "its 2025 low", "this year's high", "the month's low": the period the extreme is taken over.
_EXTREME_OF = (
    r"(?:recent\s+|52[\s-]week\s+|all[\s-]time\s+|record\s+|year'?s?\s+|(?:19|20)\d{2}'?s?\s+|"
    r"(?:yearly|annual|12[\s-]month|one[\s-]year|1[\s-]year)\s+|"
    # "its December low", "the January high": the month the extreme was set in
    rf"{MONTH}(?:'s)?\s+|"
    r"(?:this|last)\s+(?:year|month|quarter|week)'?s\s+|(?:year|month|quarter|week)'s\s+)?"
)
_SPOT = r"(?:\s+(?:close|closing\s+(?:price|level)|level|point|value|print))?"
_CLOSE_TO = (
    r"(?:clos(?:e|er|est)\s+to|near(?:er|est)?(?:\s+to)?|within\s+reach\s+of|"
    r"(?:gap|distance)\s+(?:to|from)|"  # "the smallest gap to its record high"
    # "how close is QQQ to a record?", "how near is gold to its high": the name between
    r"how\s+(?:close|near)\s+(?:is|are|was|were|has|have|did|does|do)\b[^?.,;]{1,40}?\bto|"
    r"within\s+(?:\d+(?:\.\d+)?\s*%|\w+\s+percent)\s+of)"  # "is the S&P within 2% of its peak?"
)
# "within 5% of its high", "within five percent of the low": a bound on the distance
_WITHIN = re.compile(rf"\bwithin\s+(?P<n>\d+(?:\.\d+)?|{NUMBER})\s*(?P<unit>%|percent)\s+of\b", _I)
# "its", "the", or a name's own: "the distance from SPY's 52-week low"
_WHOSE = r"(?:its|the|their|a|[\w&·.-]+'s)?"
# The extreme told by its verb: "since it peaked", "since they topped out", "since topping
# out", "since it hit its high" ("since its peak" in other words).
_SINCE_IT = r"\bsince\s+(?:(?:it|they|that|then)\s+|(?:the\s+)?·+\s+)?"
_SINCE_IT_PEAKED = (
    rf"{_SINCE_IT}(?:peak(?:ed|ing)|top(?:ped|ping)(?:\s+out)?|"
    r"(?:hit|set|made|reached|notched)\s+(?:its|their|a|the)\s+(?:record|(?:all[\s-]time\s+)?"
    r"(?:high|peak|top)))\b"
)
_SINCE_IT_BOTTOMED = (
    rf"{_SINCE_IT}(?:bottom(?:ed|ing)(?:\s+out)?|trough(?:ed|ing)|"
    r"(?:hit|set|made|reached)\s+(?:its|their|a|the)\s+(?:low|bottom))\b"
)
_FROM_PEAK = re.compile(
    r"\b(?:below|off|from|under|beneath|down\s+from|short\s+of|away\s+from|since|"
    rf"{_CLOSE_TO})\s+"
    rf"{_WHOSE}\s*{_EXTREME_OF}(?:peaks?|highs?|tops?|records?|highest{_SPOT})\b|"
    + _SINCE_IT_PEAKED,
    _I,
)
_FROM_TROUGH = re.compile(
    rf"\b(?:above|off|from|up\s+from|over|since|{_CLOSE_TO})\s+{_WHOSE}\s*"
    rf"{_EXTREME_OF}(?:troughs?|lows?|bottoms?|lowest{_SPOT})\b|" + _SINCE_IT_BOTTOMED,
    _I,
)
_ONE_DAY = r"(?:(?:single|one|1)[\s-](?:day|session)\s+|daily\s+|day'?s?\s+)?"
_WORST_DAY = re.compile(
    r"\bworst\s+(?:(?:single|one|trading)[\s-])?(?:day|session)\b"
    r"|\b(?:worst|biggest|largest|sharpest)\s+(?:down|losing|red|negative)\s+(?:day|session)\b"
    r"|\b(?:worst|biggest|largest|sharpest|steepest|heaviest|deepest)\s+"
    + _ONE_DAY
    + r"(?:drop|fall|loss|decline|sell[\s-]?off|slide|plunge)\b"
    r"|\bmax(?:imum)?\s+(?:(?:single|one|1)[\s-](?:day|session)|daily)\s+"
    r"(?:drop|fall|loss|decline)\b",
    _I,
)
_BEST_DAY = re.compile(
    r"\bbest\s+(?:(?:single|one|trading)[\s-])?(?:day|session)\b"
    r"|\b(?:best|biggest|largest)\s+(?:up|green|winning|positive)\s+(?:day|session)\b"
    r"|\b(?:best|biggest|largest|strongest|sharpest)\s+"
    + _ONE_DAY
    + r"(?:gain|jump|rally|rise|surge|pop|advance|move|return|day|session)\b",
    _I,
)
_ONE_DAY_WORDS = re.compile(r"\b(?:day|session|one[\s-]day|daily|single[\s-]day)\b", _I)
_DAILY = re.compile(
    r"\b(?:daily|day[\s-]by[\s-]day|each\s+(?:day|session)|every\s+(?:day|session)|"
    r"per\s+(?:day|session)|day[\s-]to[\s-]day)\b",
    _I,
)
_HIGHEST = re.compile(
    r"\bhow\s+high\b|\bhighest\b|\bpeak(?:ed)?\b|\bmax(?:imum)?\b|\btop(?:ped)?\s+out\b|"
    r"\bhigh\s+point\b|\b(?:all[\s-]time|record|\d+[\s-](?:week|month|year|day)|year'?s?|"
    r"annual|yearly)\s+high\b|\b(?:its|the|their|a)\s+(?:(?:year|month|week|day)'?s\s+)?highs?\b"
    r"(?!\s+(?:yield|school|street)|[\s-]+(?:volume|trading|liquidity)\b)|"
    # "when did gold last close at a record": the highest close and its date
    r"\blast\s+(?:close[ds]?|finish(?:ed)?|end(?:ed)?)\s+at\s+(?:a\s+)?record\b|"
    # "gold's high", "the VIX high in January", "the oil high of 2025"
    # (a name is blanked to "·" before the measure words are read)
    r"[\w&.·-]['\u2019]s\s+highs?\b(?!\s+(?:yield|school|street))|"
    r"\b(?:the|its|their)\s+[\w&.·-]+\s+highs?\s+(?:in|for|of|during|this|last|since)\b",
    _I,
)
_LOWEST = re.compile(
    # "the bottom", "bottomed out", not "the bottom sectors" / "top and bottom" (last places)
    r"\bhow\s+low\b|\blowest\b|(?<!top\sand\s)\bbottom(?:ed)?(?:\s+out)?\b(?!\s+(?:\d+|two|"
    r"three|four|five|ten|sectors?|funds?|etfs?|performers?|names|stocks|groups?|industr\w+)\b|"
    r"\s*·)|"
    r"\bmin(?:imum)?\b|\blow\s+point\b|"
    r"\btrough\b|\b(?:all[\s-]time|record|\d+[\s-](?:week|month|year|day)|year'?s?|annual|"
    r"yearly)\s+low\b|\b(?:its|the|their|a)\s+(?:(?:year|month|week|day)'?s\s+)?lows?\b"
    r"(?![\s-]+(?:volume|trading|liquidity)\b)|"  # "the low-volume holiday week": no level
    r"[\w&.·-]['\u2019]s\s+lows?\b|"
    r"\b(?:the|its|their)\s+[\w&.·-]+\s+lows?\s+(?:in|for|of|during|this|last|since)\b",
    _I,
)
_UP_AND_DOWN = re.compile(
    r"\b(?:up|green|positive|winning)\s+(?:days|sessions)\s+(?:or|and|vs\.?|versus|than)\s+"
    r"(?:down|red|negative|losing)(?:\s+(?:days|sessions))?\b|\b(?:down|red|negative|losing)\s+"
    r"(?:days|sessions)\s+(?:or|and|vs\.?|versus|than)\s+(?:up|green|positive|winning)\b",
    _I,
)
_HIGH_AND_LOW = re.compile(
    r"\bhighs?\s+and\s+(?:the\s+|its\s+)?lows?\b|\blows?\s+and\s+(?:the\s+|its\s+)?highs?\b|"
    r"\b(?:trading\s+)?range\b",
    _I,
)
_RETURN_NOUN = re.compile(
    r"\b(?:returns?|gains?|performance|moves?|change|increase|rise|decline|loss|drop)\b", _I
)
_NUMBER_NOT_PERCENT = (
    r"\$?\d[\d,]*(?:\.\d+)?(?!\s*(?:%|percent|pct|bps?|basis|sessions?|days?|weeks?|months?|"
    r"years?|-day|trading))\b"
)
_ABOVE = re.compile(
    r"\b(?:above|over|exceed\w*|topped|tops|hit|reach\w*|cross\w*|break\w*|north\s+of)\s+"
    + _NUMBER_NOT_PERCENT,
    _I,
)
_BELOW = re.compile(
    r"\b(?:below|under|beneath|south\s+of|(?:dip|drop|fall|fell|slide|slid|sink|sank)\w*\s+"
    r"(?:below|under|to))\s+" + _NUMBER_NOT_PERCENT,
    _I,
)
# "did the VIX close above 20% at any point", "has the 10-year topped 4.5%": a level written in
# %, for the series quoted in % (the caller knows the instruments; elsewhere it is a move).
_NUMBER_PERCENT = r"\d[\d,]*(?:\.\d+)?\s*(?:%|percent|pct)(?!\w)"
_ABOVE_PERCENT = re.compile(_ABOVE.pattern.replace(_NUMBER_NOT_PERCENT, _NUMBER_PERCENT), _I)
_BELOW_PERCENT = re.compile(_BELOW.pattern.replace(_NUMBER_NOT_PERCENT, _NUMBER_PERCENT), _I)
_AVERAGE = re.compile(r"\b(?:average|mean|avg)\b", _I)
# How much a price swings, in everyday words: "how jumpy has the VIX been", "a bumpy ride",
# "how wild were the swings", "whipsawed", "bounced around" (a move word's "jump" is no move here).
_VOLATILITY = re.compile(
    r"\b(?:volatil(?:e|ity)|choppy|choppiness|standard\s+deviation|std\.?\s+dev|realized\s+vol|"
    r"jumpy|jumpiness|jittery|bumpy|turbulen(?:t|ce)|erratic|whipsaw\w*|roller[\s-]?coaster|"
    r"swings(?!\s+(?:higher|lower|up|down|into|to)\b)|(?:swing|swung|swinging)\s+around|"
    r"mov(?:e|ed|ing)\s+around|"
    r"bounc\w*\s+around|(?:rough|wild|rocky|bumpy|smooth|smoother)\s+(?:a\s+)?ride|how\s+wild|"
    r"(?:trad|swung|swing|mov|gyrat|bounc|fluctuat)\w*\s+wildly|"
    # a ranking by how smooth: "the smoothest ride", "which sector was calmest", "the choppiest"
    r"smoothest|calmest|steadiest|choppiest|wildest|jumpiest|(?:roughest|rockiest|bumpiest)\s+"
    r"ride|choppier|jumpier|bumpier|rockier|calmer|steadier)\b",
    _I,
)
_LEVEL = re.compile(
    r"\bwhere\s+(?:did|does|is|was|are|were|do)\b|\bclos(?:e|ed|ing)\s+(?:at|price|level|value)\b"
    # "XLE close on June 2", "GLD's close": the close itself (not "since the close on D")
    r"|(?<!the\s)\bclose\s+on\b|(?:'s|\bits)\s+close\b(?!\s+(?:of|higher|lower|up|down|above|below))"
    r"|\b(?:price|level|value|reading|quote)\b|\btrad(?:e|ed|ing)\s+at\b|\bstand(?:s|ing)?\s+at\b"
    r"|\bhow\s+much\s+(?:is|was|does|did)\b.*\b(?:cost|worth|trade)\b|\bsit(?:s|ting)?\s+at\b|"
    r"\bat\s+what\b",
    _I,
)
_WHAT_IS = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+)?(?:what's|whats|what\s+(?:is|was|were|are))\b"
    # "what's weighed on XLY", "what's been driving gold": "what has", a cause asked, no level
    r"(?!\s+(?:been|\w+ed|driven|hit|hurt|held|kept|made|sent|brought|put|got|gotten|behind|"
    r"\w+ing)\b)",
    _I,
)
_MOVE = re.compile(
    r"\bhow\s+(?:did|does|do|has|have|is|are|was|were|'s)\b.*\b(?:do|doing|done|did|perform\w*|"
    r"fare[ds]?|faring|go|going|gone|move[ds]?|moving|trade[ds]?|trading|react\w*|hold\w*\s+up|"
    r"look(?:ing|s)?|shap\w*\s+up|trend\w*)\b"
    r"|\bwhat(?:'s|s|\s+(?:did|has|have|does|do|will|would))\b.*\bdo(?:ne|ing)?\b"
    # "what's gold ytd", "what's the S&P year to date": a span to date is asked as its move
    r"|\btrend\w*\b|\b(?:ytd|mtd|qtd|wtd)\b|\b(?:year|month|quarter|week)[\s-]to[\s-]date\b"
    r"|\bhow\b[^?]*\b(?:did|done|doing|fared|faring|performed|performing)\b"
    r"|\bgr[eo]w(?:n|th|ing|s)?\b"
    r"|\breturn(?:s|ed)?\b|\bgain(?:s|ed)?\b|\bperform\w*\b|\bmove[ds]?\b|\bchang\w*\b|"
    r"\bup\s+or\s+down\b|\brall\w*\b|\br(?:ise|ose|isen|ising)\b|\bf[ae]ll\b|\bfalling\b|"
    r"\bdrop\w*\b|\bdeclin\w*\b|\bclimb\w*\b|\bjump\w*\b|\bslid\w*\b|\bsank\b|\btumbl\w*\b|"
    r"\bsurg\w*\b|\bsoar\w*\b|\blos[te]\b|\bloss\b|\bplung\w*\b|\bhow\s+much\b|\bpercent\b|%|"
    r"\bspik(?:e|es|ed|ing)\b|\bpop(?:s|ped)?\b|"  # "the size of the VIX spike on Jan 20"
    r"\bup\b|\bdown\b|\bhigher\b|\blower\b|\brebound\w*\b|\bsell[\s-]?off\b|\bsold\s+off\b|"
    r"\bcrash\w*\b|\bslump\w*\b|\bbeat\b|\boutperform\w*\b|\bunderperform\w*\b|\blag\w*\b|"
    # A fall named by its toll: "what was the damage to energy stocks in December?"
    r"\bdamage\b|\bcarnage\b|\bbloodbath\b|\bwipe[\s-]?out\b|\blosses\b|\brouts?\b|"
    r"\bbasis\s+points?\b|\bbps?\b|\bwidened\b|\bnarrowed\b"
    # A gap between two instruments over a period is the difference of their moves.
    r"|\bgap\b|\bdifference\b|\bspread\b|\bahead\b|\bbehind\b|\btrail(?:s|ed|ing)?\b|\boutpac\w*\b|"
    r"\bpercentage\s+points?\b",
    _I,
)


# Statistics of two series or of risk that the closes would allow but no measure computes:
# "which sectors are most correlated with the market", "XLK's beta", "risk-adjusted".
STATISTICS_NOT_COMPUTED = (
    r"\b(?:correlat\w*|co-?move\w*|betas?|sharpe(?:\s+ratio)?|sortino(?:\s+ratio)?|"
    r"risk[\s-]adjusted|alphas?|r[\s-]squared|covariance|tracking\s+error)\b"
)
# Each session's traded volume is stored with its bar, but no measure reads it ("the average
# daily volume of SPY" had been answered with SPY's average daily move).
VOLUME_NOT_MEASURED = r"\b(?:(?:trading|traded|share|dollar)\s+)?volumes?\b|\bshares\s+traded\b"
_VOLUME = re.compile(VOLUME_NOT_MEASURED, re.IGNORECASE)
# Volume said of a move, not asked for: "on heavy volume", "the low-volume holiday week".
_VOLUME_AS_ATTRIBUTE = re.compile(
    r"(?:\b(?:low|light|thin|heavy|high|huge|big|strong|weak|record|above[\s-]average|"
    r"below[\s-]average)[\s-]+|\b(?:on|amid|with)\s+(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
_NOT_MARKET_DATA = re.compile(
    r"\b(?:p/?e(?:\s+ratio)?|price[\s-]to[\s-](?:earnings|book|sales)|earnings|eps|revenues?|"
    r"sales|profits?|dividends?|payouts?|market\s+cap(?:italization)?|valuations?|"
    r"expense\s+ratios?|holdings|aum|assets\s+under\s+management|short\s+interest|"
    r"implied\s+volatility|guidance|forecasts?|price\s+targets?|target\s+prices?|analysts?|"
    r"ratings?|fund\s+flows?|inflows?|outflows?|"
    # a fund's make-up and costs (session 61: "which has lower fees, xlf or kre" had ranked
    # their moves)
    r"fees?|diversifi\w+|concentrat\w+|liquidity|turnover)\b|" + STATISTICS_NOT_COMPUTED,
    _I,
)


_PERIODIC_MOVE = re.compile(
    r"\b(?:best|worst|biggest|largest|smallest|strongest|weakest|ugliest|roughest|toughest|"
    r"nastiest|rockiest)\s+(?:weekly|monthly|quarterly|"
    r"yearly|annual)\s+(?:gains?|loss(?:es)?|returns?|moves?|changes?|drops?|declines?|"
    r"performance)\b|\b(?:best|worst|biggest|ugliest|roughest|toughest|nastiest|rockiest)\s+"
    r"(?:week|month|quarter)\b|"
    # "which week in January was the worst for tech", "what month was gold's best"
    r"\b(?:which|what)\s+(?:week|month|quarter)\b[^?.!]{0,40}?\b(?:was|were|is|has\s+been)\s+"
    r"(?:[\w·]+'s\s+|its\s+|their\s+|the\s+)?(?:best|worst|strongest|weakest)\b",
    _I,
)


def periodic_move(text: str) -> str | None:
    """'the biggest weekly gain', 'its best month', 'the best quarter': moves per calendar
    period ranked among the window's periods."""
    match = _PERIODIC_MOVE.search(text)
    return match.group(0) if match is not None else None


_LOWEST_PERIOD = re.compile(
    r"\b(?:worst|weakest|smallest|ugliest|roughest|toughest|nastiest|rockiest)\b|"
    r"\b(?:biggest|largest)\s+(?:weekly\s+|monthly\s+)?"
    r"(?:loss(?:es)?|drops?|declines?)\b",
    _I,
)


def periodic_asked(text: str) -> Asked | None:
    """'The Nasdaq's worst week since October', 'gold's biggest monthly gain': each calendar
    week's (month's) move in the window, its highest or lowest; None for a quarter or a year,
    which no measure splits a window into."""
    said = periodic_move(text)
    if said is None or not re.search(r"\b(?:week|month)", said, _I):
        return None
    period = "week" if re.search(r"\bweek", said, _I) else "month"
    lowest = _LOWEST_PERIOD.search(said) is not None
    return Asked(
        f"{period}ly_return",  # type: ignore[arg-type]  # weekly_return, monthly_return
        "min" if lowest else "max", f"{'worst' if lowest else 'best'} {period}",
        f"each calendar {period}'s move from the last close before it; its "
        f"{'lowest' if lowest else 'highest'} in the window",
    )  # fmt: skip


# A fund's attribute set against another's ("which has lower fees, xlf or kre", "which pays a
# higher dividend", "which is better diversified"): the attribute is what is compared, not a
# move "lower" or "higher" would ask for.
_ATTRIBUTE_COMPARED = re.compile(
    r"\b(?:higher|lower|bigger|smaller|larger|cheaper|more|less|better|worse)\s+(?:\w+\s+)?"
    r"(?:fees?|dividends?|payouts?|expense\s+ratios?|holdings|liquidity|turnover|diversifi\w+)\b|"
    r"\b(?:better|more|less|well|poorly)\s+diversified\b",
    _I,
)
# One fund's price set against another's ("is silver cheaper than gold", "is platinum priced
# higher than gold"): their levels, not their moves.
_PRICE_COMPARED = re.compile(
    r"\b(?:cheaper|pricier|(?:more|less)\s+expensive|priced\s+(?:higher|lower|above|below)|"
    r"costs?\s+(?:more|less))\b",
    _I,
)
# "what's the difference between iwm and spy": what sets two funds apart, asked with nothing
# else (no period, no measure): not their moves.
_WHAT_SETS_APART = re.compile(
    r"^\W*what(?:'s|\s+is|\s+are)\s+the\s+differences?\s+between\s+·+\s+and\s+·+\W*$", _I
)


def attribute_compared(text: str) -> bool:
    return _ATTRIBUTE_COMPARED.search(text) is not None


def prices_compared(text: str) -> bool:
    return _PRICE_COMPARED.search(text) is not None


def sets_apart(text: str) -> str | None:
    """'the difference between' two funds asked alone, or None."""
    return "the difference between two funds" if _WHAT_SETS_APART.match(text) else None


def not_market_data(text: str) -> str | None:
    """The words of a measure the market store does not hold ('P/E ratio', 'dividends') or
    does not compute ('the average daily volume'; not "fell on heavy volume")."""
    match = _NOT_MARKET_DATA.search(text)
    if match is not None:
        return match.group(0)
    for volume in _VOLUME.finditer(text):
        if not _VOLUME_AS_ATTRIBUTE.search(text[: volume.start()]):
            return volume.group(0)
    return None


def find_asked(text: str) -> Asked | None:
    """The measure the words ask for, most specific first; None when no measure word."""
    for finder in _FINDERS:
        asked = finder(text)
        if asked is not None:
            return asked
    return None


def _sma(text: str) -> Asked | None:
    match = _SMA.search(text)
    if match is None:
        return None
    digits = match.group(1) or match.group(2) or match.group(3)
    window = int(digits) if digits else 200
    if digits and not _AGAINST_AVERAGE.search(text):  # "the 30-day average of the VIX"
        return Asked(
            "level", "mean", f"{window}-day average",
            f"the mean of the last {window} values", window_sessions=window,
        )  # fmt: skip
    return Asked(
        "sma_distance", "last", f"distance from the {window}-day average",
        f"the close / the mean of the last {window} closes − 1", sma_window=window,
    )  # fmt: skip


# "how long has gold been rising", "how long have small caps been beating the S&P": a run that
# is still going, asked by its length.
_HOW_LONG = re.compile(
    r"\bhow\s+long\s+(?:has|have|had)\b[^?.!]*?\bbeen\s+(?:\w+ing|up|down|higher|lower|ahead|"
    r"behind|in\s+the\s+(?:green|red))\b",
    _I,
)


_RUNNING_NOW = re.compile(
    r"\b(?:right\s+now|now|currently|current|ongoing|active|running|still\s+going|"
    r"at\s+the\s+moment)\b",
    _I,
)


# "How many weeks in a row has gold gone up?", "three straight weekly gains", "consecutive
# monthly declines": a run of calendar weeks (months), not of sessions.
_PERIOD_RUN = re.compile(r"\b(?P<unit>week|month)(?:s|ly)\b", _I)
_STRAIGHT_PERIODS = re.compile(
    r"\bstraight\s+(?:weeks|months|(?:weekly|monthly)\s+(?:gains|losses|declines|advances))\b",
    _I,
)


def _streaks(text: str) -> Asked | None:
    """A run of sessions (or of calendar weeks or months, when the question counts those:
    `_in_periods`) that went one way, or beat the benchmark."""
    asked = _session_streaks(text)
    if asked is None and _STRAIGHT_PERIODS.search(text):
        asked = _session_streaks(f"{text} in a row")
    return _in_periods(text, asked) if asked is not None else None


def _in_periods(text: str, asked: Asked) -> Asked:
    """The run in calendar weeks (months) when the question counts those and not sessions:
    "how many weeks in a row has gold gone up?" (was a run of sessions)."""
    unit = _PERIOD_RUN.search(text)
    if unit is None or _DAYS.search(text) or asked.measure == "beat_streak":
        return asked
    period = unit["unit"].lower()
    way = "up" if asked.measure == "up_streak" else "down"
    longest = asked.aggregate == "max"
    return Asked(
        f"{way}_{period}_streak",  # type: ignore[arg-type]  # up_week_streak … down_month_streak
        asked.aggregate,
        f"{'longest run of ' if longest else ''}{way} {period}s{'' if longest else ' in a row'}",
        f"{'the most ' if longest else ''}consecutive calendar {period}s"
        f"{'' if longest else ' to the end'} whose move, from the last close before the "
        f"{period} to its last, was {'positive' if way == 'up' else 'negative'}",
    )  # fmt: skip


def _session_streaks(text: str) -> Asked | None:
    if not _STREAK.search(text) and _HOW_LONG.search(text):
        text = f"{text} in a row"  # the run to the end, its direction read as written
    if _STREAK.search(text) and _BEAT.search(text):
        return Asked(
            "beat_streak", "last", "sessions in a row beating the benchmark",
            "consecutive sessions to the end whose daily return beat the benchmark's",
            needs_benchmark=True,
        )  # fmt: skip
    if not _STREAK.search(text):
        return None
    # "the longest losing streak right now": the runs to the latest close, the longest first
    # (was the longest run of the whole stored history, XLU's in September 2025)
    running = _RUNNING_NOW.search(text) is not None
    made = _SO_MANY_IN_A_ROW.search(text) is not None and not _STILL_GOING.search(text)
    if (_LONGEST.search(text) or _MOST_IN_A_ROW.search(text) or made) and not running:
        # the window's longest run
        if _a_losing_run(text):
            return Asked(
                "down_streak",
                "max",
                "longest losing streak",
                "the most consecutive sessions closing below the previous close",
            )
        return Asked(
            "up_streak",
            "max",
            "longest winning streak",
            "the most consecutive sessions closing above the previous close",
        )
    if _a_losing_run(text):
        return Asked(
            "down_streak", "last", "losing streak",
            "consecutive sessions to the end that closed below the previous close",
        )  # fmt: skip
    return Asked(
        "up_streak", "last", "winning streak",
        "consecutive sessions to the end that closed above the previous close",
    )  # fmt: skip


def _counts(text: str) -> Asked | None:
    if not _HOW_MANY.search(text) and not _MOST_DAYS.search(text):
        return None
    if _NEW_HIGHS.search(text):
        return _new_highs(text)
    if (asked := _periods_counted(text)) is not None:
        return asked
    if not _DAYS.search(text) and not re.search(r"\b(?:rise|rose|fell|fall|close)\b", text, _I):
        return None
    if not _DAYS.search(text) and _HOW_MANY_MARKETS.search(text):
        return None
    if (line := threshold_asked(text)) is not None:
        # "how many days did the VIX close above 20": closes past the line (was up days)
        side, value = line
        measure: MeasureName = "days_above" if side == "above" else "days_below"
        return Asked(measure, "count", f"closes {side} {value:g}",
                     f"sessions whose close was strictly {side} {value:g}", line=value)  # fmt: skip
    if _DOWNWARD.search(text):
        return Asked("down_days", "count", "down days", "sessions with a negative daily move")
    return Asked("up_days", "count", "up days", "sessions with a positive daily move")


def _periods_counted(text: str) -> Asked | None:
    """'how many up weeks', 'how many months did gold fall': weeks (months) counted by the way
    each one's move went; None without a period's word, with one of days (a count of sessions),
    a set of markets counted ("how many sectors rose"), or no way named ("how many weeks are
    left")."""
    unit = _PERIODS_COUNTED.search(text)
    if unit is None or _DAYS.search(text) or _HOW_MANY_MARKETS.search(text):
        return None
    down = _DOWNWARD.search(text) is not None
    if not down and _UPWARD.search(text) is None:
        return None
    period = unit["unit"].lower()
    way = "down" if down else "up"
    return Asked(
        f"{way}_{period}s",  # type: ignore[arg-type]  # up_weeks … down_months
        "count", f"{way} {period}s",
        f"calendar {period}s whose move, from the last close before the {period} to its last, "
        f"was {'negative' if down else 'positive'}",
    )  # fmt: skip


def _new_highs(text: str) -> Asked | None:
    """'Did SPY hit a record high?', 'new highs this year' (a count); 'what is the all-time
    high' is the highest level instead."""
    match = _NEW_HIGHS.search(text)
    if match is None:
        return None
    said = match.group(0).lower()
    if said.startswith(("at ", "to ", "a ")):  # "a record" alone: asked yes or no, or counted
        counted = _HOW_MANY.search(text) is not None  # "how many times did SPY close at a record"
        return _NEW_HIGH_ASKED if _YES_OR_NO.match(text) or counted else None
    counted = said.startswith(("new", "fresh")) or said.endswith("s")
    if not counted and not _SET_HIGH.search(text[: match.start()]):
        return None
    return _NEW_HIGH_ASKED


_NEW_HIGH_ASKED = Asked(
    "new_highs", "count", "new highs",
    "closes above every earlier close of the data, within the window",
)  # fmt: skip
_YES_OR_NO = re.compile(r"^\W*(?:did|does|do|was|were|is|are|has|have)\b", _I)


def _drawdown(text: str) -> Asked | None:
    deepest = _DEEPEST_FALL.search(text)
    if deepest is not None and _ONE_DAY_WORDS.search(text[deepest.start() :]):
        deepest = None  # "its biggest one-day drop": the worst day
    high_to_low = _HIGH_TO_LOW.search(text) is not None
    if not (_DRAWDOWN.search(text) or _DEPTH.search(text) or deepest or high_to_low):
        return None
    if _FROM_PEAK.search(text) and not _LONGEST.search(text) and not high_to_low:
        return None  # "drawdown from its 52-week high": how far below it now
    return Asked(
        "drawdown", "min", "maximum drawdown",
        "the lowest value / running maximum − 1 over the window",
    )  # fmt: skip


# "how much of its rally did gold give back", not "biotech gave back 2.5% yesterday" (a move).
_ASKS_GIVEN_BACK = re.compile(
    rf"\b(?:how\s+(?:much|far)|what\s+(?:share|part|portion|fraction))\b.*?{GAVE_BACK.pattern}",
    _I,
)


def gave_back_on_its_own(text: str) -> bool:
    """'How much did high-yield bonds give up': gains handed back, with no peak named (over one
    session, that session's fall; "since its January 28 peak" names where it fell from)."""
    peak = _FROM_PEAK.search(text) or _IN_A_FALL_FROM_PEAK.search(text)
    return peak is None and _ASKS_GIVEN_BACK.search(text) is not None


_NEAR_AN_EXTREME = re.compile(
    rf"\b{_CLOSE_TO}\s+(?:its|the|their|a)?\s*{_EXTREME_OF}(?:peaks?|highs?|tops?|records?|"
    r"troughs?|lows?|bottoms?)\b",
    _I,
)


# "off its December low", "below its 2025 high": the extreme set in a named period.
_EXTREME_OF_A_PERIOD = re.compile(
    rf"\b(?:its|the|their)\s+(?:(?:19|20)\d{{2}}|{MONTH})(?:'s)?\s+(?:lows?|highs?|peaks?|"
    r"troughs?|bottoms?|tops?)\b",
    _I,
)


def extreme_of_a_period(text: str) -> bool:
    """'How far has copper climbed off its December low': the period names where the extreme
    was set; the distance is to the latest close, not to the period's end."""
    return _EXTREME_OF_A_PERIOD.search(text) is not None


def near_an_extreme(text: str) -> bool:
    """'near its record high', 'closest to its low': a place beside the extreme, which a
    why-question gives as where the move went, not as the figure asked for."""
    return _NEAR_AN_EXTREME.search(text) is not None


# "is tech in a correction?", "are small caps in bear market territory?": a fall from the peak
# of a size (10 %, 20 %) that only the distance from it can say.
_IN_A_FALL_FROM_PEAK = re.compile(
    r"\bin\s+(?:a\s+)?(?P<fall>correction|bear[\s-]market)(?:\s+territory)?\b", _I
)


def fall_from_peak_named(text: str) -> str | None:
    """'correction' or 'bear market' when the question asks whether a market is in one."""
    match = _IN_A_FALL_FROM_PEAK.search(text)
    if match is None:
        return None
    return "correction" if match["fall"].lower() == "correction" else "bear market"


def in_a_correction(text: str) -> bool:
    """'Is tech in a correction?': asked, the distance from the peak; asked why, the fall."""
    return fall_from_peak_named(text) is not None


def _distance(text: str) -> Asked | None:
    peak = _FROM_PEAK.search(text) or _IN_A_FALL_FROM_PEAK.search(text)
    if peak or _ASKS_GIVEN_BACK.search(text):
        return Asked(
            "distance_from_peak", "last", "distance from the peak",
            "the latest value / the highest value in the window − 1, with the peak's date",
        )  # fmt: skip
    if _FROM_TROUGH.search(text):
        return Asked(
            "distance_from_trough", "last", "distance from the trough",
            "the latest value / the lowest value in the window − 1, with the trough's date",
        )  # fmt: skip
    return None


# "its most volatile day", "the wildest session", "the biggest swing either way": the day of
# the largest move, up or down, is the best or the worst day; both are measured.
_SWING_DAY = re.compile(
    r"\b(?:most\s+(?:volatile|turbulent|eventful)|wildest|choppiest|craziest|biggest\s+swing|"
    r"largest\s+swing)\s+(?:single\s+|trading\s+|one\s+)?(?:day|session)\b|"
    r"\b(?:biggest|largest)\s+(?:one[\s-]day\s+|daily\s+|single[\s-]day\s+)?(?:move|swing)s?\s+"
    r"(?:either\s+way|in\s+either\s+direction)\b",
    _I,
)


def _swing_day(text: str) -> Asked | None:
    if not _SWING_DAY.search(text):
        return None
    return Asked(
        "daily_return", "max", "best and worst day",
        "the largest and the smallest daily move in the window, with their dates",
        both_extremes=True,
    )  # fmt: skip


# The size of a typical day's move, up or down alike: "the typical daily swing in GLD", "how much
# does TLT move on a typical day?", "how big are silver's daily moves", "the average size of
# SPY's daily moves", "mean absolute daily return". ("The average daily move" alone stays the
# mean of the signed moves.)
_DAY_WORD = r"(?:daily|day's|one[\s-]day|single[\s-]day|session's|day[\s-]to[\s-]day)"
_DAILY_SIZE = re.compile(
    rf"\b(?:typical|usual|normal)\s+(?:{_DAY_WORD}\s+)?(?:swing|move|change|fluctuation)s?\b|"
    rf"\b(?:average|avg\.?|mean)\s+(?:{_DAY_WORD}\s+)?(?:swings?|fluctuations?|gyrations?)\b|"
    r"\b(?:average|avg\.?|mean)\s+(?:absolute|abs\.?)\s+(?:daily\s+)?(?:move|return|change)s?\b|"
    rf"\b(?:average|avg\.?|mean|typical|usual)\s+size\s+of\s+(?:[\w'’·]+\s+){{0,3}}?{_DAY_WORD}?\s*"
    r"(?:moves?|swings?|changes?|returns?)\b|"
    r"\bhow\s+(?:much|far|big)\b[^?]{0,40}?\b(?:move|moves|swing|swings)\b[^?]{0,20}?"
    r"\b(?:a|an|the)\s+(?:typical|average|normal|usual|given)\s+(?:day|session)\b|"
    r"\bhow\s+(?:big|large)\s+(?:are|were|is|was)\b[^?]{0,30}?\bdaily\s+(?:move|swing|change)s\b|"
    # "how much does oil usually move in a day", "… typically swing per session"
    r"\bhow\s+(?:much|far)\b[^?]{0,40}?\b(?:typically|usually|normally|on\s+average)\s+"
    r"(?:move|swing|change)s?\b[^?]{0,12}?\b(?:a|per|each)\s+(?:day|session)\b|"
    # "which sector swung the most day to day", "moves the most from day to day"
    r"\b(?:swung|swings?|swinging|moved|moves?|moving)\s+(?:the\s+)?(?:most|least)\s+"
    r"(?:(?:from\s+)?day[\s-]to[\s-]day|each\s+day|daily|per\s+(?:day|session))\b",
    _I,
)


def _daily_size(text: str) -> Asked | None:
    if not _DAILY_SIZE.search(text):
        return None
    return Asked(
        "daily_move_size", "mean", "average daily move either way",
        "the mean size of the daily moves, up or down alike",
    )  # fmt: skip


_WORST_DAY_ASKED = Asked(
    "daily_return", "min", "worst day", "the smallest daily move in the window"
)
_BEST_DAY_ASKED = Asked("daily_return", "max", "best day", "the largest daily move in the window")


def _extreme_day(text: str) -> Asked | None:
    worst = _WORST_DAY.search(text)
    best = _BEST_DAY.search(text)
    worst_first = worst is not None and (best is None or worst.start() <= best.start())
    if worst is not None and worst_first and _ONE_DAY_WORDS.search(text[worst.start() :]):
        return _WORST_DAY_ASKED
    if best is not None and _ONE_DAY_WORDS.search(text[best.start() :]):
        return _BEST_DAY_ASKED
    return None


# "SPY's biggest drop in January", "gold's largest gain this year", "the VIX's biggest spike":
# one market's biggest move inside a window is its worst or best day. (Over a set, "which
# sector had the biggest drop" ranks the net moves: `core` asks this of one instrument only.)
# "Its biggest drop since April" says where a move ranks, and "the biggest selloff" is a fall
# from a peak (`_DEEPEST_FALL`).
_BIGGEST_MOVE = re.compile(
    r"\b(?:biggest|largest|sharpest|steepest|heaviest|worst|best|strongest)\s+"
    r"(?:single\s+)?(?:(?P<down>drops?|falls?|declines?|loss(?:es)?|dips?|plunges?|tumbles?)"
    r"|(?P<up>jumps?|gains?|spikes?|pops?|surges?|rises?|advances?|climbs?))\b(?!\s+since\b)",
    _I,
)


def biggest_move_day(text: str) -> Asked | None:
    """The worst (best) day, when the words ask for one market's biggest drop (gain)."""
    match = _BIGGEST_MOVE.search(text)
    if match is None:
        return None
    return _WORST_DAY_ASKED if match["down"] else _BEST_DAY_ASKED


# "the standard deviation of daily moves", "how volatile were its daily returns": a volatility
# (not "its daily moves during the volatile week").
_SPREAD_OF_DAILY = re.compile(
    r"\b(?:standard\s+deviation|std\.?\s*dev|stdev|volatility|dispersion)\s+of\s+"
    r"(?:[\w·']+\s+){0,2}?daily\b|\bhow\s+(?:volatile|choppy|jumpy|wild|bumpy|turbulent|erratic)\b",
    _I,
)


def _daily(text: str) -> Asked | None:
    if not _DAILY.search(text) or _SPREAD_OF_DAILY.search(text):
        return None
    if _AVERAGE.search(text):
        return Asked("daily_return", "mean", "average daily move", "the mean of the daily moves")
    return Asked("daily_return", "last", "daily moves", "each session's close-to-close move")


def _up_and_down_days(text: str) -> Asked | None:
    """'more up days or down days': both counts (two calls)."""
    if not _UP_AND_DOWN.search(text):
        return None
    return Asked(
        "up_days", "count", "up days and down days",
        "sessions with a positive and with a negative daily move", both_extremes=True,
    )  # fmt: skip


def _high_and_low(text: str) -> Asked | None:
    """'the 2025 high and low', 'its range this year': both extremes (two calls)."""
    if not _HIGH_AND_LOW.search(text):
        return None
    return Asked(
        "level", "max", "high and low",
        "the largest and the smallest value among the window's sessions, with their dates",
        both_extremes=True,
    )  # fmt: skip


# "is the VIX elevated?", "is oil cheap right now?", "are yields high at the moment?", "has the
# VIX been elevated lately?": a level judged high or low, which needs something to judge it by
# (was no measure, or the change over the window). Not "a record high", "the 52-week high"
# (an extreme), "high-yield" or "how high did it go" (the window's highest).
_JUDGED_HIGH = r"elevated|expensive|pricey|pricy|lofty|stretched|frothy|overheated|hot|high"
_JUDGED_LOW = r"subdued|muted|depressed|cheap|low"
_JUDGED_LEVEL = re.compile(
    r"\b(?:is|are|was|were|been|be|looks?|looking|seems?|stays?|remains?|still)\s+"
    rf"(?:[\w.&'·-]+\s+){{0,3}}?(?:{_JUDGED_HIGH}|{_JUDGED_LOW})\b"
    r"(?![\s-]*(?:yield|grade|of|for|and|or|since|close|point)\b)"
    r"|\bhow\s+(?:elevated|subdued|cheap|expensive|pricey|lofty|stretched)\b",
    _I,
)


def judged_high(text: str) -> bool | None:
    """Which way a level is judged: True for "elevated", "pricey", "high"; False for "cheap",
    "subdued", "low"; None when the words say both or neither."""
    high = re.search(rf"\b(?:{_JUDGED_HIGH})\b", text, _I) is not None
    low = re.search(rf"\b(?:{_JUDGED_LOW})\b", text, _I) is not None
    return None if high == low else high


def _judged_level(text: str) -> Asked | None:
    match = _JUDGED_LEVEL.search(text)
    if match is None or re.search(r"\b(?:what|where|when|which)\s*$", text[: match.start()], _I):
        return None  # "what was the VIX high in January": the noun, the window's highest
    return Asked(
        "level", "last", "level against the past year",
        "the value beside its average, highest and lowest over the year to the window's end",
        against_its_year=True,
    )  # fmt: skip


def _extreme_level(text: str) -> Asked | None:
    for pattern, aggregate, label, words in (
        (_HIGHEST, "max", "highest level", "the largest value among the window's sessions"),
        (_LOWEST, "min", "lowest level", "the smallest value among the window's sessions"),
    ):
        match = pattern.search(text)
        if match is not None and not _RETURN_NOUN.search(text[match.end() :][:25]):
            return Asked("level", aggregate, label, f"{words}, with its date")  # type: ignore[arg-type]
    return None


def _average(text: str) -> Asked | None:
    if not _AVERAGE.search(text):
        return None
    return Asked("level", "mean", "average", "the mean of the values of the window's sessions")


def _volatility(text: str) -> Asked | None:
    if not _VOLATILITY.search(text):
        return None
    return Asked(
        "volatility", "last", "volatility",
        "the annualized standard deviation of the window's daily returns",
    )  # fmt: skip


def _threshold(
    text: str, above_words: re.Pattern[str] = _ABOVE, below_words: re.Pattern[str] = _BELOW
) -> Asked | None:
    """'Was the VIX above 20 at any point', 'did oil fall below 60': the window's extreme
    level, to hold against the number (a number with % is a move instead)."""
    above, below = above_words.search(text), below_words.search(text)
    if above is None and below is None:
        return None
    if below is None or (above is not None and above.start() < below.start()):
        return Asked(
            "level",
            "max",
            "highest level",
            "the largest value among the window's "
            "sessions, with its date (to hold against the number asked about)",
        )
    return Asked(
        "level",
        "min",
        "lowest level",
        "the smallest value among the window's "
        "sessions, with its date (to hold against the number asked about)",
    )


def threshold_asked(text: str) -> tuple[Literal["above", "below"], float] | None:
    """The line a question holds a level against ("did the VIX close above 20", "did gold ever
    trade below 400", "has the 10-year topped 4.5%"): its side and its value."""
    found = []
    for side, words in (("above", _ABOVE), ("below", _BELOW), ("above", _ABOVE_PERCENT),
                        ("below", _BELOW_PERCENT)):  # fmt: skip
        match = words.search(text)
        if match is not None:
            found.append((match.start(), side, match.group()))
    if not found:
        return None
    _, side, said = min(found)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", said)
    if number is None:
        return None
    return ("above" if side == "above" else "below"), float(number.group().replace(",", ""))


def within_bound(text: str) -> tuple[float, str] | None:
    """The bound "within N% of" its extreme sets, as a number and as the question wrote it
    ("five percent")."""
    match = _WITHIN.search(text)
    if match is None:
        return None
    n = match["n"]
    value = float(n) if n[0].isdigit() else float(number_of(n))
    return value, f"{n}{'%' if match['unit'] == '%' else ' percent'}"


def percent_threshold(text: str) -> Asked | None:
    """The window's highest (lowest) level, asked against a level written in %: "did the VIX
    close above 20% at any point this month" of a series quoted in % (yields, rates, the VIX)."""
    return _threshold(text, _ABOVE_PERCENT, _BELOW_PERCENT)


def _move(text: str) -> Asked | None:
    if _MOVE.search(text):
        return Asked("return", "last", "return", "the move from the base close to the end close")
    return None


def _level(text: str) -> Asked | None:
    if _LEVEL.search(text) or _WHAT_IS.search(text):
        return Asked("level", "last", "level", "the value at the end of the window")
    return None


_FINDERS: tuple[Callable[[str], Asked | None], ...] = (
    _sma, _streaks, _up_and_down_days, _counts, _drawdown, _distance, _new_highs, _swing_day,
    _daily_size, _extreme_day, _daily, _average, _volatility, _high_and_low, _judged_level,
    _extreme_level, _threshold,
    _move, _level,
)  # fmt: skip
