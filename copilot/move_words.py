"""The words of a rise and of a fall, one vocabulary for a question and for an answer.

The understanding layer reads "which sector got clobbered the most" as a ranking from the lowest;
the claim checker reads "XLK got clobbered the most [1]" as a claim to last place. Both read
the same words, so a fall the question can say is a fall the answer's claim is held to.
Each is a regular expression group, without word boundaries: the reader adds its own.
"""

from __future__ import annotations

import re

# "took a beating", "got the worst beating": a fall (not "beating SPY", a comparison)
BEATING = r"(?:took|take|takes|taking|got|get|gets|getting)\s+(?:a|an|the)\s+(?:\w+\s+)?beating"

RISE = (
    r"(?:rall\w*|r(?:ise|ose|isen|ising)|gain\w*|increas\w*|climb\w*|jump\w*|surg\w*|soar\w*|"
    r"rebound\w*|advanc\w*|up|higher|outperform\w*|best|beat\w*|pop\w*|spik\w*|strong\w*|"
    r"lift\w*|boost\w*|buoy\w*|propel\w*|ripp(?:ed|ing)|fly(?:ing)?|moon\w*|(?:sky)?rocket\w*|"
    r"melt(?:s|ed|ing)?[\s-]up|on\s+a\s+(?:tear|run|roll)|bounc\w*|recover\w*|"
    r"(?:caught|catch(?:es|ing)?)\s+a\s+bid|(?:were|was|got|gets?|getting)\s+bid(?:\s+up)?|"
    # the desk's words with the market between: "why were long treasuries bid", "was gold so
    # bid" (not "the bid for …"), and buyers coming in: "why did buyers step into tech"
    r"(?:were|was|is|are|got|gets?|getting)\s+(?:\S+\s+){1,3}?(?<!the\s)(?<!\ba\s)bid"
    r"(?!\s+(?:for|to)\b)|buyers\s+(?:stepp?\w*|came|come|coming|pil\w*|pour\w*|rush\w*)\s+"
    r"(?:in|into|back)\b|"
    r"bid\s+up|(?:the|a)\s+bid\s+(?:in|for|under)|(?:got|get|gets|getting)\s+(?:\S+\s+){1,3}?going|"
    r"zoom\w*|(?:took|take|takes|taking)\s+off|pricier|dearer|more\s+expensive|"
    # "why did copper go vertical in early january?"
    r"(?:go|goes|went|gone|going)\s+vertical|"
    # "small caps crushing it this week": doing very well, not crushed
    r"(?:crush|kill|smash|nail)(?:ing|ed|es|s)?\s+it|"
    r"(?:is|are|was|were|went|turned|closed|finished|in\s+the)\s+green|parabolic|breakouts?|"
    # money moving in: "the rotation into small caps", "inflows into gold", "flocked to bonds"
    r"rotat\w*\s+into|inflows?|pour(?:s|ed|ing)?\s+into|flock(?:s|ed|ing)?\s+(?:in)?to|"
    # a run up: "the run in platinum", "copper's run-up" (not "a run of losses")
    r"run[\s-]ups?|(?:the|a|its|this|that)\s+(?:big\s+|huge\s+|strong\s+|recent\s+)?run\s+"
    r"(?:in|for)\b|"
    # "health care perked up", shorts squeezed: "silver's squeeze", "a short squeeze in GME"
    r"perk(?:s|ed|ing)?\s+up|(?:short|gamma)[\s-]+squeez\w*|(?<='s\s)squeeze|"
    r"(?:lit|light(?:s|ing)?)\s+a\s+fire\s+under|"
    # "what was behind the buying in gold", "buying pressure"
    r"buying(?=\s+(?:in|of|across|pressure)\b)|"
    # a run: "which commodity ran the hardest", "what ran up in december" (its "hardest" is no
    # fall: "got hit the hardest" is)
    r"r[au]n(?:s|ning)?(?=\s+(?:the\s+)?(?:hardest|most|furthest|farthest|hottest)\b)|"
    r"r[au]n(?:s|ning)?\s+(?:up|higher|hot)\b)"
)
FALL = (
    r"(?:f[ae]ll\w*|drop\w*|declin\w*|slid\w*|slump\w*|sink\w*|sank|tumbl\w*|plung\w*|"
    r"sell[\s-]?off|sold\s+off|down|lower|los[te]|losing|worst|hardest|underperform\w*|lag\w*|"
    r"crash\w*|weak\w*|retreat\w*|slip\w*|hurt|dragg?\w*|weigh(?!t)\w*|hammer\w*|rattl\w*|"
    r"spook\w*|pressur\w*|knock\w*|clobber\w*|batter(?:ed|ing)|pummel\w*|"
    r"crush(?:ed|ing)?(?!\s+it\b)|smash(?:ed|ing)?(?!\s+it\b)|wallop\w*|tank(?:s|ed|ing)?|"
    r"crater(?:s|ed|ing)?|plummet\w*|"
    r"slam(?:s|med|ming)?|punish\w*|dump(?:s|ed|ing)?|suffer\w*|brunt|beaten\s+(?:up|down)|"
    r"smok(?:ed|ing)|puk(?:e|ed|ing)|bled|bleed(?:s|ing)?|tankd|nosediv\w*|melt(?:s|ed|ing)?[\s-]?"
    r"down|collaps\w*|dipp(?:ed|ing)|dips?|pull(?:s|ed|ing)?\s+back|pullbacks?|"
    r"shed(?!\s+(?:some\s+|more\s+|any\s+)?light)|gave\s+(?:up|back)|routs?|swoon\w*|"
    r"(?:is|are|was|were|went|turned|closed|finished|in\s+the)\s+red|destroy\w*|wreck\w*|"
    r"obliterat\w*|(?:got|get|gets|getting)\s+hit|hit\s+hard|damage|carnage|bloodbath|"
    r"wipe[\s-]?out|losses|sag(?:s|ged|ging)?|stumbl\w*|wilt\w*|falter\w*|buckl\w*|"
    r"skid(?:s|ded|ding)?|sputter\w*|droop\w*|cheaper|less\s+expensive|under[\s-]?water|"
    r"fad(?:e|es|ed|ing)|"
    # a rise cooled: "why did the gold trade cool off?"
    r"cool(?:s|ed|ing)?\s+off|"
    # a bad stretch: "financials had a rough patch", "a tough week for chips"
    r"(?:rough|tough|bad|ugly|brutal|awful|terrible|nasty|miserable)\s+(?:patch|stretch|spell|"
    r"day|week|session|month|start)|"
    # the desk's word for sellers, and sellers coming in: "why were bonds offered on jan 9",
    # "sellers stepped in" (not "offered a deal", "offered to buy")
    r"(?:were|was|is|are|got|gets?|getting)\s+(?:\S+\s+){0,3}?offered(?!\s+(?:a|an|the|to)\b)|"
    r"sellers\s+(?:stepp?\w*|came|come|coming|pil\w*|t(?:ook|akes?|aking)|rush\w*)\s+"
    r"(?:in|into|over|control)\b|"
    # money moving out, and the idioms of a rise stopped: "the rotation out of tech", "outflows
    # from bonds", "what took the wind out of silver's sails", "took the shine off gold"
    r"rotat\w*\s+out\s+of|outflows?|(?:fle(?:e|es|eing|d)|flight)\s+(?:from|out\s+of)|"
    r"wind\s+out\s+of\s+(?:\S+\s+){0,2}?sails|(?:took|take|takes|taking)\s+the\s+shine\s+off|"
    r"(?:took|take|takes|taking)\s+it\s+on\s+the\s+chin|"
    # "where did the selling in real estate come from", "selling pressure", "profit-taking"
    r"selling(?=\s+(?:in|of|across|pressure)\b)|profit[\s-]taking|"
    # the desk's "traded heavy" (sellers in charge; not "heavy volume", "heavy trading")
    r"trad(?:e|es|ed|ing)\s+(?:\w+\s+)?heavy|"
    # "small caps finally cracked" (not "oil cracked $100", "cracked above 5,000": a level)
    r"crack(?:s|ed|ing)?(?!\s+(?:\$|\d|above|through|over|past|the\s+\$))|" + BEATING + r")"
)

# One market set ahead of or behind another: "outpaced", "beat", "trailed", "lagged" (the claim
# checker's places, and code's yes-or-no answer to "did X outpace Y?").
AHEAD_OF = (
    r"(?:outperform\w*|outpac\w*|outd(?:id|o|oes|one)|outsh(?:one|ine\w*)|outr[au]n\w*|"
    r"outgain\w*|beat|beats|beating|bested|topped|(?:was|were|is|are|finished|ended)\s+ahead\s+of)"
)
BEHIND = r"(?:underperform\w*|trail\w*|lagg?(?:ed|ing|s)?|(?:was|were|finished|ended)\s+behind)"


# The two ways as whole words, compiled once for the readers of a move's way.
RISES = re.compile(rf"\b{RISE}\b", re.IGNORECASE)
FALLS = re.compile(rf"\b{FALL}\b", re.IGNORECASE)
