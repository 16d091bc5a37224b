"""Words about comparing and explaining: the benchmark after "vs" / "beat" / "than", a ranking
("which did best", "hit hardest"), the move's direction and whether the question asks why."""

from __future__ import annotations

import re
from typing import Literal

from copilot.market.measure_model import Rank
from copilot.move_words import BEATING, FALL, FALLS, RISE, RISES
from copilot.understand.spelling import one_slip
from copilot.understand.vocabulary import (
    CLAUSE_ENDS,
    GAVE_BACK,
    MONTH,
    PLACE_ENDING_A_CLAUSE,
    REACTION,
    STRONG_MOVES,
    undid,
)

_I = re.IGNORECASE
# One market set against another in everyday words: "xlk crushing xlv lately?", "did retail keep
# pace with the s&p", "how did transports do next to industrials" (not "crushing it": doing well)
_SET_AGAINST = (
    r"crush(?:ing|ed)(?!\s+it\b)|trounc\w+|keep(?:s|ing)?\s+(?:pace|up)\s+with|"
    r"kept\s+(?:pace|up)\s+with|next\s+to"
)
_VERSUS = re.compile(
    r"\b(?:vs\.?|versus|compared?\s+(?:to|with)|against|relative\s+to|than|beat|beats|beating|"
    r"ahead\s+of|behind|"
    r"beaten|outdid|topped|"
    r"outperform\w*|underperform\w*|lag(?:ged|ging)?|outpac\w*|trail(?:ed)?|outr[au]n\w*|"
    r"outgain\w*|outdo(?:ne|es)?|"
    # ("how'd banks stack up against the market")
    rf"{_SET_AGAINST}|stack(?:s|ed|ing)?\s+up\s+(?:against|to|with))\b",
    _I,
)
# "compare X and Y", "the gap between X and Y": the benchmark is the one named last.
_COMPARE = re.compile(
    r"\bcompar(?:e|ing|ison)\b|\b(?:gap|difference|spread)\s+(?:between|of)\b", _I
)
_WHICH = re.compile(
    r"\b(?:which|who)\b|\bwhat\s+(?:sectors?|etfs?|funds?|ones?|markets?|assets?)\b|"
    r"\brank\w*\b|\bsort\w*\b|\bleaders?\b|\blaggards?\b|\b(?:better|worse)\b|"
    r"\bside\s+by\s+side\b|\bbigger\s+(?:winner|gainer|loser|performer|mover)\b|"
    r"\b(?:best|worst|top|bottom|strongest|weakest|hardest)\b",
    _I,
)
_RANK_ASC = re.compile(
    r"\b(?:worst|hardest|least|weakest|lowest|shortest|laggards?|lagged|lagging|trailed|loser|"
    r"losers|"
    r"decliners?|fallers?|droppers?|underperformers?|"
    r"(?:fell|dropped|lost|declined|slid|sank|slumped|tumbled)\s+(?:the\s+)?(?:most|more|further|"
    r"harder)|"
    r"underperform\w*|hit|bottom|poorest|worse|biggest\s+(?:loss|drop|decline|fall)|"
    # a period judged at its worst: "which commodity had the roughest january?"
    r"roughest|toughest|ugliest|rockiest|bumpiest|grimmest|bleakest|gloomiest|most\s+painful|"
    # "which sector got clobbered the most": a beating is a fall, whatever the verb
    r"clobbered|hammered|battered|pummell?ed|crushed|smashed|walloped|bruised|tanked|cratered|"
    r"plummeted|plunged|slammed|punished|(?:got\s+)?(?:killed|beaten\s+(?:up|down))|"
    # "which sector took the biggest beating / bore the brunt / suffered most / dumped most"
    + BEATING
    + r"|brunt|suffer(?:ed|ing)?|dump(?:ed|ing)?|"
    # "what's red this month", "deepest in the red"
    r"(?:'s|is|are|was|were)\s+red|in\s+the\s+red)\b",
    _I,
)
# "what's up with utilities": asks what happened (a why-question), and says no direction.
# "what's up with gold", "what was up with banks on jan 13" (the past asks of a day gone by)
_WHATS_UP_WITH = r"\bwhat(?:'?s|\s+is|\s+was)\s+up\s+with\b"
MOVE_NOUN = (
    r"(?:sell-?offs?|rall(?:y|ies)|drops?|falls?|declines?|rises?|jumps?|surges?|spikes?|"
    r"slides?|slumps?|routs?|crash(?:es)?|dumps?|pops?|bounces?|rebounds?|moves?|weakness|"
    r"strength|breakouts?|breakdowns?|plunges?|tumbles?|swoons?|meltdowns?|melt-ups?|"
    r"squeezes?|pullbacks?|dips?|run-?ups?|gains?|losses|selling|buying)"
)
# Verbs of a cause at work, after "what's" / "what is" / "what has been": "what's been dragging
# on XLV", "what is weighing on banks". `misspelt_cause` reads them with one slip of the keys.
# fmt: off
CAUSE_VERBS_ING = (
    "dragging", "weighing", "pushing", "pulling", "driving", "lifting", "hurting", "hitting",
    "fueling", "fuelling", "propping", "boosting", "pressuring", "moving", "sending", "sinking",
    "hammering", "propelling", "powering", "knocking", "juicing", "spooking", "scaring",
    "worrying", "rattling", "bugging", "eating", "making", "keeping", "supporting", "underpinning",
    "helping", "buoying", "pummeling", "pummelling", "battering", "clobbering", "walloping",
    "crushing", "tanking", "slamming", "smashing", "depressing", "squeezing", "denting",
    "dampening", "hampering", "souring", "capping", "roiling", "jolting", "shaking", "rocking",
    "sparking", "spurring", "triggering", "causing",
)
# fmt: on
_CAUSE_VERBS_ING = "|".join((*CAUSE_VERBS_ING, r"holding\s+(?:back|up)", "fuling", "fulling"))
_WHY = re.compile(
    # ("wy did banks drop", "whyy")
    r"\bwh?y+\b|\bwhyd\b|\bhow\s+come\b|"
    # "what might account for …", "what could have caused the drop", "what would explain …"
    r"\bwhat\s+(?:might|could|would|may|must|can)\s+(?:have\s+|be\s+)?(?:accounts?\s+for|"
    r"accounted\s+for|caused?|driv(?:e|en)|behind|push(?:ed)?|sen[dt]|trigger(?:ed)?|"
    r"spark(?:ed)?|explain(?:ed)?|lift(?:ed)?|sunk|sink)\b|"
    # typed by a learner: "what make the natural gas go down yesterday", "gold down 5%?? what
    # happen"
    r"\bwhat\s+(?:make|makes|made)\s+[^?.]{1,40}?\s+(?:go|goes|went|going)\s+(?:up|down|"
    r"higher|lower|so\s+(?:high|low))\b|\bwhat\s+happen\b|"
    # "how did the nasdaq manage to recoup its losses": by what means, a cause asked
    r"\bhow\s+(?:did|does|do|has|have|could|was|were)\b[^?.]{1,40}?\bmanag(?:e|ed|es)\s+to\b|"
    # "what happened?", "what was going on?" after the move is told; "what news moved …"
    r"\bwhat\s+happened\b|\bwhat(?:\s+(?:is|was)|'s)\s+(?:been\s+)?going\s+on\b|"
    r"\b(?:what|which)\s+(?:news|headlines?|events?|stor(?:y|ies))\s+(?:moved|drove|sent|"
    r"knocked|lifted|pushed|hit|hurt|sank|boosted|caused)\b|"
    r"\bwhat\s+(?:drove|drives|caused|causes|is\s+behind|was\s+behind|"
    r"pushed|sent|explains|is\s+driving|was\s+driving|happened\s+to|made|lifted|boosted|"
    r"buoyed|propelled|powered|fu?ell?ed|sparked|spurred|triggered|moved|sank|hit|hurt|"
    r"dragged|weighed\s+on|rattled|spooked|knocked|hammered|pressured|"
    r"pulled(?!\s+back)|propped\s+up|held\s+back|ate\s+into)\b|\bwhat'?s\s+"
    r"(?:behind|driving)\b|"
    # "anything behind the bid in utilities?", "something driving the selloff in tech today?"
    # ("anything specific behind …", "was there anything in particular behind the oil drop?",
    # "is the gold move just a weaker dollar or is there something else going on")
    r"^\W*(?:(?:is|was)\s+there\s+)?(?:anything|something)\s+(?:(?:specific|particular|"
    r"obvious|special|notable|new|real|fundamental|in\s+particular)\s+)?(?:behind|driving)\b|"
    r"\b(?:something|anything)\s+else\s+(?:going\s+on|at\s+(?:play|work)|behind|driving)\b|"
    # ("is there more to the copper rally than china?"; not "more to the rally left?")
    r"\bmore\s+to\s+(?:it|this|that|the\s+story)\b|"
    rf"\bmore\s+to\s+(?:the|this|that|[\w·]+'s)\s+(?:[\w·'-]+\s+){{0,2}}?(?:{MOVE_NOUN}|·+)"
    r"\s+than\b|"
    r"\breasons?\b|\breasoning\s+(?:behind|for)\b|\bexplain\w*\b|"
    r"\bexplanations?\b|\bdriv(?:er|ers|en)\b|"
    r"\b(?:story|catalysts?|causes?)\s+(?:behind|for|of)\b|\bstory\s+(?:with|on)\b|"
    # a cause named behind the move, no verb: "tariffs behind copper's jump in july?" (not
    # "tech behind spy this year?", a place)
    rf"\bbehind\s+(?:the\s+|this\s+|that\s+|[\w·]+'s\s+)(?:[\w·'-]+\s+){{0,2}}?{MOVE_NOUN}\b|"
    r"\b(?:context|backstory|back\s+story)\s+(?:on|for|behind|around|to)\b|"
    # "what's been dragging on XLV", "what is weighing on banks", "what has been lifting gold"
    rf"\bwhat(?:'?s|\s+(?:is|has|was))\s+(?:been\s+)?(?:{_CAUSE_VERBS_ING})\b|"
    # "what's weighed on XLY since mid-January", "what has driven gold": "what has" + a cause
    r"\bwhat(?:'?s|\s+(?:has|have))\s+(?:weighed\s+on|dragged|pushed|pulled(?!\s+back)|driven|"
    r"lifted|hurt|hit|fu?ell?ed|propped\s+up|boosted|pressured|moved|sent|sunk|hammered|"
    r"propelled|powered|knocked|spooked|rattled|supported|buoyed|battered|dented|capped|sparked|"
    r"spurred|triggered|caused|held\s+back)\b|"
    r"\bwhat\s+(?:got|set|kicked)\b[^?.]{1,40}?\b(?:going|moving|off|started)\b|"
    # the mood a cause left its market in: "what's got bond traders so nervous this week",
    # "what has oil bulls so excited"
    r"\bwhat(?:'s|\s+has|\s+had)\s+(?:got(?:ten)?\s+)?[^?.]{1,40}?\s+so\s+(?:nervous|worried|"
    r"spooked|jittery|rattled|scared|skittish|excited|giddy|bullish|bearish|upbeat|gloomy|"
    r"cautious|on\s+edge)\b|"
    # "what got staples rallying", "what set Treasuries rallying", "what kept chips climbing": a
    # cause that set the instrument moving (a move word in -ing after it)
    r"\bwhat\s+(?:got|had|has|have|kept|keeps|left|set|sets|sent)\b[^?.]{1,40}?\b(?:rally|climb|ris|"
    r"jump|soar|surg|rebound|bounc|spik|popp|ripp|rocket|fall|slid|dropp|sink|tumbl|slump|"
    r"plung|sagg|slipp|retreat|crash|sell|mov|head|trend)ing\b|"
    # "where did copper's jump come from", "what did the selloff stem from"
    r"\b(?:where|what)\s+(?:did|does|do|has|have|had|is|was)\b[^?.]{0,50}?\b(?:jump|rall|"
    r"rise|gain|drop|fall|slide|sell|surge|spike|pop|bounce|rebound|plunge|slump|move|weakness|"
    r"strength|decline|crash|run|pullback|dip|swing|rout|tumble|climb|advance)\w*\b"
    r"[^?.]{0,40}?\b(?:come|came|coming|stem|stemmed|stems|stemming)\s+from\b|"
    # "what was the catalyst?", "what's the trigger here", "what's up with gold"
    r"\bwhat(?:'s|\s+(?:is|was|were))\s+(?:the\s+)?(?:catalyst|trigger|spark|impetus|cause)s?\b|"
    # the cause asked for in a word at the end: "platinum ran hard … - cause?", "the culprit?"
    r"\b(?:the\s+|any\s+)?(?:causes?|culprits?|catalysts?|triggers?)\s*\?+\s*$|"
    + _WHATS_UP_WITH
    + r"|\bwhat(?:'?s|\s+is|\s+was)\s+the\s+deal\s+with\b|\bwhat\s+got\s+into\b|"
    # (the instrument's name is blanked before this reads it: "thank for [the Nasdaq]'s pop")
    r"\bthank\s+for\b|\b(?:takes?|gets?|deserves?)\s+(?:the\s+)?credit\s+for\b|"
    # idioms and blunter verbs: "what lit a fire under gold", "what took the air out of tech",
    # "what tanked banks", "what gave oil a lift", "what led to the selloff"
    r"\bwhat\s+(?:lit\s+a\s+fire\s+under|put\s+a\s+(?:floor|fire)\s+under|"
    r"(?:took|let|knocked|sucked)\s+the\s+(?:air|wind|shine|steam|gloss|luster|lustre)\s+"
    r"(?:out\s+of|off)|"
    r"pulled\s+the\s+rug|touched\s+off|set\s+off|prompted|ignited|tanked|crushed|slammed|"
    r"juiced|squeezed|battered|clobbered|walloped|sunk|shook|jolted|rocked|roiled|dented|"
    r"pummell?ed|depressed|dampened|hampered|soured|capped|smashed|"
    r"dinged|derailed|fired\s+up|revived|underpinned|supported|helped|led\s+to|"
    r"brought\s+(?:on|about)|gave\s+[^?.]{1,30}?\ban?\s+(?:lift|boost|bump|push|jolt|kick))\b|"
    r"\b(?:what|who)(?:'s|\s+is|\s+was|\s+were)\s+responsible\s+for\b|"
    # "who dragged tech into the red", "who's behind the selloff": a culprit asked for
    r"\bwho\s+(?:dragged|pushed|pulled|sank|sunk|knocked|hit|hurt|drove|sent|lifted|boosted|"
    # ("who led and who lagged", "who led among sectors", "who led in november": places in a
    # ranking, not a culprit)
    r"weighed\s+on|hammered|tanked|crushed|spooked|rattled|led(?!\s+(?:and|among|the\s+"
    r"(?:sectors|pack|list|ranking)))(?!" + CLAUSE_ENDS + r")|carried|propped\s+up)\b|"
    r"\bwho(?:'s|\s+is|\s+was|\s+were)\s+(?:behind|to\s+blame|driving|dragging|pushing|"
    r"pulling|lifting|carrying)\b|"
    # a turn asked after: "what turned it around", "what turned the tide for small caps"
    r"\bwhat\s+(?:turned|flipped|reversed)\b[^?.]{0,30}?\b(?:around|round|the\s+tide)\b|"
    # ("what flipped positive this year" asks which; "…, what flipped?" after a move, why)
    r"\bwhat\s+(?:reversed|flipped)\s+(?!(?:positive|negative|green|red|higher|lower|up|down)"
    r"\b)\S+|\bwhat\s+(?:flipped|shifted|switched|snapped)\s*(?:[?!.]|$)|"
    # a move the asker cannot square: "market's up even though the jobs data stunk. how does
    # that make sense?", "how is that possible"
    r"\bhow\s+(?:does|did|do|can|could|would)\s+(?:that|this|it)\s+make\s+(?:any\s+)?sense\b|"
    r"\bhow\s+(?:is|was)\s+(?:that|this|it)\s+(?:even\s+)?possible\b|"
    # the mood a move set, asked after: "what calmed everyone down", "what cheered investors"
    r"\bwhat\s+(?:calmed|soothed|cheered|reassured|relieved|comforted|scared|frightened|"
    r"unnerved|panicked)\b|\bwhat\s+(?:eased|settled|worried)\s+(?:everyone|everybody|"
    r"investors|traders|markets?|the\s+(?:market|street)|wall\s+street|nerves|people|·)|"
    # A cause put to the test: "did the Nasdaq's bounce have anything to do with Greenland?",
    # "was that because of the Fed?", "did gold rally because of the dollar?", "homebuilders
    # ripped on jan 9, was that mortgage rates?" (answered with the figure alone, and once
    # with "had nothing to do with Greenland" cited to the prices); "·" is a blanked name
    r"\b(?:have|has|had)\s+(?:anything|something|much|a\s+lot|little|nothing)\s+to\s+do\s+"
    r"with\b|\b(?:was|is|were)\s+(?:that|it|this)\s+(?:because\s+of|due\s+to|down\s+to|"
    r"driven\s+by|caused\s+by|related\s+to|tied\s+to|a\s+result\s+of)\b|"
    r"^\s*(?:did|was|were|is|are|has|have)\b[^?]*\b(?:because\s+of|due\s+to|on\s+the\s+back\s+of|"
    r"driven\s+by|thanks\s+to|in\s+response\s+to)\b|"
    r",\s*(?:was|is)\s+(?:that|it|this)\s+(?!(?:the\s+)?(?:best|worst|biggest|most|largest|"
    r"highest|lowest|first|last|only|a\s+record)\b)[a-z·][\w\s'&.·-]{0,40}\?\s*$|"
    r"\bwhat\s+(?:accounts?|accounted)\s+for\b|"
    # "what factors contributed to the rally", "which factors were behind it", "what were the
    # key factors in the selloff", "what contributed to the drop"
    r"\b(?:what|which)\s+(?:(?:were|are|was|is)\s+)?(?:the\s+)?(?:\w+\s+)?factors?\s+"
    r"(?:contribut\w*|(?:(?:were|are|was|is)\s+)?behind|drove|driv\w+|led|caused|pushed|sent|"
    r"weighed|lifted|fu?ell?ed|explain\w*|in|for|of)\b|"
    r"\bwhat\s+(?:has\s+|had\s+)?contribut(?:ed|es|ing)\s+to\b|"
    r"\bcontributing\s+factors?\b|"
    # "how did stocks react on …", "the market's reaction to …", "how did bonds respond to …":
    # the move and the news on it
    r"\bhow\s+(?:did|do|does|have|has|had)\s+[^?.]{1,40}?\b(?:react|respond)\b|"
    r"\b(?:react(?:ed|ing|ions?)?|respon(?:d|ded|ding|se|ses))\s+to\b|"
    # "did bonds care about the CPI report?", "did stocks shrug off the jobs data?"
    rf"{REACTION}|"
    # "how did the jobs report move stocks": an event's effect on the market
    r"\bhow\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?[^?.]{0,30}?\b(?:reports?|data|"
    r"releases?|prints?|decisions?|meetings?|news|announcements?|speech|results|earnings|numbers)"
    r"\s+(?:move|hit|affect|impact|lift|sink|shake|rattle|drive)\b|"
    # "walk me through …", "help me understand …", "shed some light on …", "what's to blame"
    r"\b(?:walk|talk|run|take)\s+(?:me|us)\s+through\b|\bhelp\s+(?:me|us)\s+(?:to\s+)?(?:understand|make\s+sense)\b|"
    r"\bmake\s+sense\s+of\b|\bshed\s+(?:some\s+)?light\s+on\b|"
    r"\b(?:what|who)(?:'s|\s+is|\s+was|\s+were)?\s+to\s+blame\b|"
    # "is the yen carry trade unwinding the thing hitting QQQ today?", "is AI the factor behind
    # it": a cause named as the thing at work
    r"\bthe\s+(?:thing|factor|issue|one)\s+(?:that'?s\s+|that\s+(?:is|was)\s+)?"
    rf"(?:{_CAUSE_VERBS_ING}|behind)\b|"
    # "what were traders blaming for the copper plunge", "what's being blamed for the drop"
    r"\b(?:what|who)\b[^?.]{0,30}?\bblam(?:ed|ing)\s+for\b|"
    # Open asks about what lies behind a move, in any words people type them: "what gives",
    # "what am I missing", "what was that about", "fill me in", "any color on …", "where's that
    # coming from", "what changed", "whats happening with …", "anyone know what …"
    r"\bwhat\s+gives\b|\bwhat\s+am\s+i\s+missing\b|"
    r"\bwhat(?:'?s|\s+(?:is|was|were))\s+(?:that|this|it)\s+(?:all\s+)?about\b|"
    r"\bfill\s+(?:me|us)\s+in\b|\bwhat(?:'?s|\s+(?:is|was))\s+(?:happ?ening|up)\b|"
    r"\bwhat'?s\s+going\s+on\b|\bwhat\s+changed\b|\bwhat\s+hit\b|"
    r"\b(?:where|what)(?:'?s|\s+(?:is|was))\s+(?:that|this|it)\s+coming\s+from\b|"
    r"\bany(?:one|body)\s+(?:know|knows|have\s+an\s+idea)\b|"
    r"\bany\s+(?:colou?r|insight|insights|idea|ideas|clue|context|info|intel|thoughts?)\s+"
    r"(?:on|about|into|as\s+to|for)\b|"
    r"\b(?:backstory|narrative|the\s+story)\b|\bwhys\b|\bwtf\b|^\W*y\s+(?:is|are|was|were|did|"
    r"does|do|has)\b|\bwhat(?:'?s|\s+is)\s+with\b|\b(?:some|any)thing\s+happen\w*\b|"
    r"\bfor\s+what\s*\?+\s*$|\bcontext\b\W*(?:pls|plz|please)?\W*$|"
    # Background asked for: "background on the copper spike", "the read on the move in long
    # bonds", "some insight into the rally", "the thesis behind the breakout"
    r"\b(?:background|context|thesis|insights?|read|take|colou?r|rundown|lowdown)\s+(?:on|into|"
    r"about|behind|regarding|around)\b|"
    r"\b(?:factors?|forces?)\s+(?:responsible|behind|driving|at\s+play)\b|"
    r"\bmotiv(?:e|es|ation)\s+(?:for|behind)\b|\brationale\b|"
    rf"\b(?:break\s+down|understand|unpack|dissect)\s+(?:the|this|that|today's|the\s+recent)\s+"
    rf"(?:\w+\s+){{0,2}}?{MOVE_NOUN}|"
    # A cause put to the test: "was it the CPI print that sank bonds", "did the Nvidia earnings
    # pull the whole chip sector down", "is the jump in yields about the deficit?", "is this the
    # Fed?" ("·" is a blanked name: the cause is not the instrument itself)
    r"\b(?:was|is|were)\s+(?:it|this|that)\s+[^?.]{1,40}?\bthat\s+(?:\w+\s+)?(?:sank|sent|drove|"
    r"pushed|pulled|hit|hurt|lifted|knocked|dragged|tanked|crushed|boosted|moved|caused|"
    r"triggered|sparked|killed|smoked|hammered)\b|"
    r"^\W*did\s+(?!·)[^?.]{2,40}?\s+(?:pull|push|drag|send|sink|knock|lift|drive|spark|trigger|"
    r"tank|crush|boost|weigh|hurt|hit|kill|move|rattle|spook)\s+[^?.]{0,30}?·|"
    # (the market's name may hold the move: "the treasury selloff" is one blank; "is the rally
    # about to end?", "about 5%" ask no cause)
    rf"(?:\b(?:is|was)|(?<=[\w·])'s)\s+(?:the|this|that|[\w·]+'s)\s+(?:[\w·'-]+\s+){{0,3}}?"
    rf"(?:{MOVE_NOUN}\b|·+)[^?.]{{0,40}}?\b(?:about(?!\s+(?:to\b|\d|\$))|"
    r"because\s+of|due\s+to|down\s+to|tied\s+to|related\s+to)\b|"
    # "is the gold move just a weaker dollar?", "was the selloff mostly rate fears": the move
    # set beside a cause (not "is the rally just getting started", "is the drop mostly over")
    rf"\b(?:is|was)\s+(?:the|this|that|[\w·]+'s)\s+(?:[\w·'-]+\s+){{0,3}}?{MOVE_NOUN}\s+"
    r"(?:just|simply|purely|mostly|mainly|largely|all)\s+(?!(?:over|done|getting|starting|"
    r"beginning|noise|"
    r"the\s+(?:start|beginning)|a\s+(?:blip|pause))\b)(?:an?\s+|the\s+)?[a-z·]|"
    r"^\W*(?:is|was)\s+(?:this|that|it)\s+(?:the|about|because|due|all|just)\s+"
    r"(?!(?:best|worst|biggest|largest|most|first|last|lowest|highest|record|same|only|end|"
    r"start|bottom|top|peak)\b)[^?.]{1,30}\?",
    _I,
)
_UP = RISES
# Driven to an extreme: "pushed gold to records", "sent silver to new lows" (not "nearest to
# new lows", a distance).
_TO_AN_EXTREME = re.compile(
    r"\b(?:push\w*|sen[dt]s?|sending|dr[io]ve\w*|lift\w*|took|tak(?:e|es|ing)|propel\w*|"
    r"carr\w*|drag\w*|knock\w*|pull\w*|fu?el\w*)\b[^?.!]{0,40}?"
    r"\bto\s+(?:a\s+|an\s+|new\s+|fresh\s+|all[\s-]time\s+|record\s+|multi[\s-]\w+\s+)*"
    r"(?:(?P<low>lows?|bottoms?)|records?|highs?|peaks?)\b",
    _I,
)
_DOWN = FALLS


# "what's down the most", "what pulled back the most": a word of a fall before its place
_MOST = re.compile(r"\s+(?:the\s+)?(?:most|more|hardest|harder|further|furthest)\b", _I)


_MOST_BEFORE = re.compile(r"\b(?:most|furthest|further)\s+$", _I)
_DAYS_NEXT = re.compile(r"\s+(?:days|sessions|closes|weeks|months)\b", _I)

# The top's own words: the order is from the highest whatever the move around it.
_A_PLACE_UP = re.compile(
    r"\b(?:best|top|strongest|highest|most|longest|leaders?|leading|led|winners?|gainers?|"
    r"outperform\w*)\b",
    _I,
)


# Both ends of a ranking asked ("best and worst sectors", "leaders and laggards"): from the top;
# the move's side named ("movers to the upside") or the pain asked after ("where's the pain")
_BOTH_ENDS = re.compile(
    r"\b(?:best|top|leaders?|winners?|gainers?)\s+(?:and|&|or|vs\.?)\s+(?:worst|bottom|"
    r"laggards?|losers?|decliners?)\b",
    _I,
)
_SIDE = re.compile(r"\bto\s+the\s+(?P<side>upside|downside)\b|\b(?:pain|damage|carnage)\b", _I)


def rank_of(text: str, instruments: int, sector_set: bool) -> Rank:
    """'which did best' → desc; 'which got hit hardest' → asc; none for one instrument."""
    if instruments < 2 and not sector_set:
        return "none"
    if not _WHICH.search(text) and not sector_set:
        return "none"
    if _BOTH_ENDS.search(text):
        return "desc"
    if (side := _SIDE.search(text)) is not None:
        return "desc" if side["side"] and side["side"].lower() == "upside" else "asc"
    # The move's own word before its place decides: "mooned the hardest" is the best rise
    # ("beaten up the most" a fall: a fall's phrase that ends where a rise's word does).
    rises = {m.end() for m in _UP.finditer(text) if _MOST.match(text, m.end())}
    falls = {m.end() for m in _DOWN.finditer(text) if _MOST.match(text, m.end())}
    if rises - falls:
        return "desc"
    # "the most under water", "the most battered": a fall's word after "most" too (not "the
    # most down days": a count, ranked from the most)
    fall_after = any(_MOST_BEFORE.search(text, 0, m.start()) and not _DAYS_NEXT.match(text, m.end())
                     for m in _DOWN.finditer(text))  # fmt: skip
    if _RANK_ASC.search(text) or falls or fall_after:
        return "asc"
    if _A_PLACE_UP.search(text):
        return "desc"  # "which sector held up best on the sell-off"
    # "what fell on friday?", "which ones crashed last week": no place word, the move's way
    return "asc" if direction_of(text) == "down" else "desc"


# Distances from a peak and drawdowns are zero or negative: "the furthest below its high" and
# "the deepest drawdown" are the lowest values, "the closest to its high" the highest.
_DEEPER = re.compile(
    r"\b(?:furthest|farthest|further|farther|deepest|deeper|biggest|bigger|largest|larger|"
    r"worst|steepest|sharpest|heaviest|most)\b",
    _I,
)
_NEARER = re.compile(
    r"\b(?:closest|closer|nearest|nearer|near|close\s+to|smallest|smaller|shallowest|"
    r"shallower|(?<!at\s)least|mildest|slightest|within)\b",
    _I,
)
# The words that say depth or nearness stand just before what they measure from: "the deepest
# drawdown", "furthest below its 52-week high" (not "over the most recent month").
_EXTREME_WORD = re.compile(
    r"\b(?:highs?|peaks?|records?|tops?|draw[\s-]?downs?|lows?|troughs?|bottoms?|beaten[\s-]+down)\b",
    _I,
)
_REACH = 45  # characters before the extreme's word
_BY_DEPTH = frozenset({"drawdown", "distance_from_peak", "distance_from_trough"})


# "which one did better, iwm or spy?", "who won, tech or energy?", "was XLE better than XLK?":
# markets compared by how they did, their move (not "a better hedge", "better for retirement":
# a judgement the figures do not make)
_DID_BETTER = re.compile(
    r"\b(?:(?:did|done|do|does|fared|performed|doing|faring|held\s+up|was|were|is|are)\s+"
    r"(?:much\s+|far\s+|a\s+lot\s+)?(?:better|worse)(?!\s+(?:for|to|as|at|choice|option|"
    r"investment|hedge|bet|buy|pick)\b)|won|wins|winning|(?:came|come)\s+out\s+ahead|"
    r"(?:better|worse)\s+than(?!\s+(?:expected|forecast|estimates|hoped|feared))|"
    r"out(?:performed|performing|performs|perform|paced|pacing|did|run|ran)|"
    # "gold or silver, which had the better month", "was defense ahead of transports on
    # tuesday", "side by side: …", one set against the other (`_SET_AGAINST`)
    r"(?:bigger|biggest|better|best)\s+(?:winner|gainer|performer)|(?:bigger|biggest|worse|"
    r"worst)\s+(?:loser|performer|decliner|laggard)|"
    r"had\s+(?:the\s+|a\s+)?(?:better|worse|stronger|weaker)\s+(?:day|week|month|quarter|year|"
    r"session|run|stretch|time)|ahead\s+of|(?:was|were|is|are|fell|lagged|stayed|stays)\s+behind|"
    rf"{_SET_AGAINST}|side\s+by\s+side|stack(?:s|ed|ing)?\s+up)\b",
    _I,
)


# "is qqq better than spy for a beginner", "which is the safer bet": a purpose or a judgement
# anywhere in the question makes "better" advice, not a past move
_JUDGEMENT = re.compile(
    r"\bfor\s+(?:a|an|the|my|me|us|long|retirement|beginners?|income|dividends?|newbies?)\b|"
    r"\bto\s+(?:buy|own|hold|invest)\b|\b(?:invest(?:ment|ing)|hedge|safer?|riskier)\b",
    _I,
)


def compares_performance(text: str) -> bool:
    """Whether the question compares markets by how they did: with no measure word, their
    move over the window is what it asks."""
    return _DID_BETTER.search(text) is not None and _JUDGEMENT.search(text) is None


def rank_by_depth(text: str, measure: str, rank: Rank) -> Rank:
    """A ranking by distance from an extreme, read by nearness ("closest to its high" first)
    or depth ("furthest below its peak" first) rather than by better and worse."""
    if rank == "none" or measure not in _BY_DEPTH:
        return rank
    extreme = _EXTREME_WORD.search(text)
    if extreme is None:
        return rank
    text = text[max(0, extreme.start() - _REACH) : extreme.end()]
    near, deep = _NEARER.search(text), _DEEPER.search(text)
    if near is None and deep is None:
        return rank
    nearest_first = deep is None or (near is not None and near.start() < deep.start())
    if measure == "distance_from_trough":  # above the low: zero or positive
        return "asc" if nearest_first else "desc"
    return "desc" if nearest_first else "asc"


# A ranking by volatility read by calm ("the smoothest ride", "calmest" first: the lowest) or
# by swings ("the choppiest", "the wildest" first: the highest), not by better and worse.
_CALM = re.compile(
    r"\b(?:smooth(?:est|er)|calm(?:est|er)|steadi(?:est|er)|quiet(?:est|er)|least\s+(?:volatile|"
    r"choppy|jumpy|turbulent)|most\s+(?:stable|steady))\b",
    _I,
)
_SWINGS = re.compile(
    r"\b(?:choppi(?:est|er)|wild(?:est|er)|jumpi(?:est|er)|(?:roughest|rockiest|bumpiest)\s+ride|"
    r"most\s+(?:volatile|choppy|jumpy|turbulent))\b",
    _I,
)


def rank_by_calm(text: str, measure: str, rank: Rank) -> Rank:
    """A ranking by volatility: calm words rank from the lowest, swing words from the highest."""
    if rank == "none" or measure != "volatility":
        return rank
    calm, swings = _CALM.search(text), _SWINGS.search(text)
    if calm is None and swings is None:
        return rank
    return (
        "asc" if swings is None or (calm is not None and calm.start() < swings.start()) else "desc"
    )


def versus_count(text: str) -> int:
    """How many comparison words: 'SPY vs QQQ vs IWM' compares a set, with no one benchmark."""
    return len(_VERSUS.findall(text))


def versus_position(text: str) -> int | None:
    """Where the comparison word is (the benchmark is named after it), or None."""
    match = _VERSUS.search(text)
    if match is not None:
        return match.start()
    compare = _COMPARE.search(text)
    return compare.start() if compare is not None else None


def names_benchmark_first(text: str) -> bool:
    """'ahead of SPY is QQQ', 'versus SPY, how did QQQ do': a comparison word (not 'compare'
    or 'the gap between') names the benchmark right after it, before the other instrument."""
    return _VERSUS.search(text) is not None


# "the run-up to Christmas", "the week leading up to the Fed": a time before, not a rise
_UP_TO = re.compile(r"\b(?:run[\s-]+up|lead(?:ing|s)?\s+up)\s+to\b", _I)


_WHATS_UP = re.compile(_WHATS_UP_WITH, _I)
# "how did treasuries hold up during the January 20 selloff": the selloff is the market's event,
# no move of the instrument asked about.
_AN_EVENT = re.compile(
    r"\b(?:during|amid|amidst|through(?:out)?|in)\s+(?:the|that|this|last\s+\w+'s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:sell[\s-]?off|rally|rout|crash|slump|rebound|meltdown|melt[\s-]?up)\b",
    _I,
)
# "how did treasuries hold up during the selloff", "did banks keep up", "how did gold wrap up the
# year", "how do the sectors stack up": "up" ends a verb of faring, and says no rise.
_UP_AS_A_PARTICLE = re.compile(
    r"\b(?:h(?:old|olds|eld|olding)|k(?:eep|eeps|ept|eeping)|stack(?:s|ed|ing)?|"
    r"shap(?:e|es|ed|ing)|measur(?:e|es|ed|ing)|wrap(?:s|ped|ping)?)\s+up\b",
    _I,
)


# A cause at work, or who trades, whose verb says the way and no move word does: "what's eating
# regional banks", "what's bugging tech", "who's selling tech" (a fall); "what's juicing small
# caps", "who's buying gold" (a rise).
_WORK_DOWN = re.compile(
    r"\bwhat(?:'?s|\s+(?:is|has|was))\s+(?:been\s+)?(?:eating|bugging|souring\s+on|denting|"
    r"dampening|hampering|capping|depressing|squeezing|scaring|worrying|plaguing|troubling)\b"
    r"|\bwho(?:'?s|\s+(?:is|was|are|were|has\s+been))\s+(?:been\s+)?(?:selling|dumping|shorting)\b",
    _I,
)
_WORK_UP = re.compile(
    r"\bwhat(?:'?s|\s+(?:is|has|was))\s+(?:been\s+)?(?:juicing|propping\s+up|powering|"
    r"underpinning|supporting|fueling|fuelling)\b"
    r"|\bwho(?:'?s|\s+(?:is|was|are|were|has\s+been))\s+(?:been\s+)?(?:buying|piling\s+into)\b",
    _I,
)


# "did treasuries gain or lose ground", "up or down", "rise or did it fall": both ways asked
_EITHER_WAY = re.compile(
    rf"\b{RISE}(?:\s+\w+)?\s+or\s+(?:\w+\s+){{0,2}}{FALL}\b|"
    rf"\b{FALL}(?:\s+\w+)?\s+or\s+(?:\w+\s+){{0,2}}{RISE}\b",
    _I,
)


def direction_of(text: str) -> Literal["up", "down"] | None:
    if _EITHER_WAY.search(text):
        return None
    text = _UP_TO.sub(" before ", text)
    if (way := undid(text)) is not None:  # "claw back its losses": a rise
        return way
    if GAVE_BACK.search(text):  # "how much of its rally did gold give up": a fall
        return "down"
    text = _WHATS_UP.sub(" what about ", text)  # "what's up with utilities" asks, not says up
    text = _UP_AS_A_PARTICLE.sub(" fared ", text)  # "how did treasuries hold up": no rise
    text = _AN_EVENT.sub(" during the event ", text)  # "during the selloff": the market's, not its
    text = _WORK_DOWN.sub(" what weighed on ", _WORK_UP.sub(" what lifted ", text))
    up, down = _UP.search(text), _DOWN.search(text)
    if up is None and down is None:
        # "what pushed gold to records", "what sent silver to new lows": the way is the extreme's
        extreme = _TO_AN_EXTREME.search(text)
        return None if extreme is None else "down" if extreme["low"] else "up"
    if down is None or (up is not None and up.start() < down.start()):
        return "up"
    return "down"


# "what did the news say about X", "what are analysts saying", "summarize the latest headlines":
# what the articles say is asked, and answered like a why-question (the move, then the news
# around it), never with a measure alone.
_NEWS = re.compile(
    r"\b(?:news|headlines?|coverage|press|articles?|reports?\s+(?:say|said)|commentary)\b|"
    r"\bwhat\s+(?:are|were|is|was|do|did)\s+(?:analysts|strategists|economists|experts|people|"
    r"commentators|investors|traders|the\s+papers|reporters)\s+(?:saying|say|writing|think\w*)\b|"
    r"\bwhat'?s\s+being\s+said\b|\brisks?\s+(?:mentioned|cited|flagged)\b",
    _I,
)


def asks_why(text: str) -> bool:
    return why_lead(text) is not None


# "what sank the most this week?", "what's up the most since christmas": the verb has no
# object, so "what" is the market that moved, asked for its place, not a cause.
_A_PLACE_NEXT = re.compile(r"\s+" + PLACE_ENDING_A_CLAUSE, _I)
# "what tanked on january 20?": a strong move's verb with no object asks which, not why
_NO_OBJECT = re.compile(rf"{STRONG_MOVES}{CLAUSE_ENDS}", _I)


def why_lead(text: str) -> re.Match[str] | None:
    """The first words that ask why ("why", "what sent", "what's behind"), or None."""
    for match in _WHY.finditer(text):
        if _A_PLACE_NEXT.match(text, match.end()) is not None:
            continue
        verb = re.search(r"\S+$", match.group())
        if verb is not None and _NO_OBJECT.match(text, match.start() + verb.start()):
            continue
        return match
    return misspelt_cause(text)


# "what's hamering tech?", "whats pushin it lower", "what's lifitng gold": a cause verb at work
# typed with one slip (`one_slip`; only in a verb of seven letters or more: "what's beating SPY"
# is no "eating"), or without its last g, before the words it acts on.
_WHATS_VERB = re.compile(r"\bwhat(?:'?s|\s+(?:is|has|was))\s+(?:been\s+)?([a-z]{5,})\s+\S", _I)
# Real words one slip from a cause verb, never read as it: "what's diving after the selloff?"
# and "what's ranking first" ask which; "what's sitting at the top" is a place.
_NOT_SLIPS = frozenset(
    {"diving", "ranking", "banking", "sitting", "fitting", "listing", "lending", "pending",
     "spending", "rolling", "parking", "buying", "talking", "soaring", "crashing"}
)  # fmt: skip


def misspelt_cause(text: str) -> re.Match[str] | None:
    """ "what's <a cause verb with one typo> …" in a question that says a move, or None (a typo
    read alone is too loose: "what's diving today?" asks which, one slip from "driving")."""
    if direction_of(text) is None:
        return None
    for found in _WHATS_VERB.finditer(text):
        word = found.group(1).lower()
        if word not in _NOT_SLIPS and any(
            (len(verb) >= 7 and one_slip(word, verb)) or word == verb[:-1]
            for verb in CAUSE_VERBS_ING
        ):
            return found
    return None


def move_word(text: str, start: int = 0) -> re.Match[str] | None:
    """The first word from `start` that says a move either way ("fall", "higher", "crash")."""
    found = [m for m in (_UP.search(text, start), _DOWN.search(text, start)) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


# A move stated, then a question that asks for no figure: "discretionary got crushed thursday.
# tariffs again?", "semis up 5% on monday?? anything notable", "treasuries sold off hard this
# week, is it the jobs data or what". The asker already has the move; what they ask is what lies
# behind it. A figure asked after the move ("…, what was IWM's return?", "…, how many points did
# XLV give up?") opens with its question word and stays a figure; so does a move asked about
# ("did gold rally yesterday?", "how much did utilities pop?").
_CLAUSE_BREAK = re.compile(r"[.?!;:]+\s*|\s+-+\s+|\s*[—–]+\s*|,\s+")
_OPENS_A_QUESTION = re.compile(
    r"^[^\w·]*(?:did|does|do|is|was|were|are|has|have|had|how|which|when|what|where|who|whose|by|"
    r"can|could|should|will|would|show|list|give|plot|rank|compare|tell|get|find)\b",
    _I,
)
_ASKS_A_FIGURE = re.compile(
    r"\b(?:how|which|when|what|where|by\s+how|rank|compare|show|list|plot|give|tell)\b|[%$\d]",
    _I,
)
_OR_WHAT = re.compile(r"\s*\bor\s+what\W*$", _I)
_OR_ELSE = re.compile(r"\bor\s+(?:what|something(?:\s+else)?)\W*$", _I)
# "tariffs? semis down 4% this morning": a guessed cause asked first, in a few words, then the
# move said.
_GUESS_FIRST = re.compile(r"^[^\w·]*((?:[\w'·-]+\s+){0,3}[\w'·-]+)\s*\?+\s+(?P<rest>.+)$", re.S)
_OPENS_AN_ASK = re.compile(
    r"^[^\w·]*(?:is|was|are|were|did|does|do|any|anything|anyone|anybody|someone|somebody|something|"
    r"thoughts?|ideas?|curious|wonder\w*|guess\w*|or)\b",
    _I,
)


# A level reached, said as a move: "gold at another record", "silver hit a fresh record today"
_AT_AN_EXTREME = re.compile(
    r"\b(?:at|hits?|hitting|made|makes|making|sets?|setting|notch\w*)\s+(?:an?\s+|another\s+|"
    r"its\s+)?(?:(?:new|fresh|record|all[\s-]time|multi[\s-]\w+|\d+[\s-]\w+)\s+)*"
    r"(?:records?|highs?|lows?|peaks?)\b",
    _I,
)
# "regional banks oct 16 ??", "gold yesterday??": a market and a day asked about in no other
# words, with the surprise of a second "?", ask what happened to it (the move and the news on
# it); "Junk bonds this month?" asks its figure. Names are blanked ("·") by now.
_A_DAY_ALONE = re.compile(
    r"^[\W·]*·(?:[·\s,&/'s]|\b(?:and|or|vs)\b)*(?:(?:on|in|for|from|this|last|the|past|of|over|"
    r"around)\s+)*"
    r"(?:today|yesterday|tonight|this\s+(?:morning|afternoon|week)|overnight|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|week|month|"
    rf"{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|\s)+\s*\?{2,}\W*$",
    _I,
)


# "oil?? what", "banks today?? news": a market asked about, then what happened asked in a word
_A_NAME_THEN_WHAT = re.compile(r"^[\W·]*·[^a-z]*\?+\s*(?:what|huh|news|anyone|any\s+news)\W*$", _I)


def _a_market_and_a_day_alone(text: str) -> bool:
    text = text.strip()
    return _A_DAY_ALONE.match(text) is not None or _A_NAME_THEN_WHAT.match(text) is not None


def states_a_move(text: str) -> bool:
    """A move said (in words of its direction, not asked) with an open question about it: after
    it, or as a guessed cause of a few words before it."""
    if _a_market_and_a_day_alone(text):
        return True
    guess = _GUESS_FIRST.match(text.strip())
    if (
        guess is not None
        and re.search(r"[a-z]", guess.group(1), _I)
        and not direction_of(guess.group(1))
    ):
        said = guess.group("rest")
        if not _OPENS_A_QUESTION.search(said) and not _ASKS_A_FIGURE.search(guess.group(1)):
            return direction_of(said) is not None and "?" not in said
    parts = _CLAUSE_BREAK.split(text.strip(), maxsplit=1)
    if len(parts) < 2:
        return False
    said, rest = parts[0], parts[1].strip()
    # "gold at another record. debasement trade?": a record reached is a move said
    moved = direction_of(said) is not None or _AT_AN_EXTREME.search(said) is not None
    if not rest or _OPENS_A_QUESTION.search(said) or not moved:
        return False
    if _ASKS_A_FIGURE.search(_OR_WHAT.sub("", rest)):  # "is it the jobs data or what"
        return False
    return (rest.endswith("?") or _OPENS_AN_ASK.search(rest) is not None
            or _OR_ELSE.search(rest) is not None)  # fmt: skip


def asks_news(text: str) -> bool:
    return _NEWS.search(text) is not None
