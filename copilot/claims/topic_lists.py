"""What a program covers is no reason: a draft copied from a show's list of topics.

A video's or a podcast's description lists what the episode goes through: "Bloomberg's 'Open
Interest' reviews how major technology stocks pulled U.S. markets lower … The program also covers
Nvidia's prospects in China, easing layoffs suggesting tentative labor-market strength, and key
stocks to watch including Alphabet and Apple." The model copied the list, its lead dropped, as
the reason homebuilders rose ("Nvidia's prospects in China eased layoffs … and key stocks to
watch including Alphabet and Apple [5]"); a near-copy, it scored as supported and the cause judge
said yes (0.76). A list of topics says what was discussed, not what moved a market: a draft
whose words are mostly those of such a list, itself giving no cause, is no reason.
"""

from __future__ import annotations

import re

from copilot.claims.reasons import content_stems
from copilot.sentences import sentence_spans

# The lead of a list of what a program goes through (its verb of covering, not of causing).
_TOPICS_LEAD = re.compile(
    r"^\W*(?:(?:the|this|today's)\s+(?:program|programme|show|episode|segment|video|podcast|"
    r"broadcast|discussion|conversation|interview|panel|edition)\s+(?:also\s+)?"
    r"(?:covers?|discuss(?:es)?|touches\s+on|features?|includes?|highlights?|explores?|"
    r"looks\s+at|goes\s+(?:over|through))|"
    r"(?:guests?|panelists?|hosts?)\s+(?:also\s+)?(?:discuss|cover|weigh\s+in\s+on|talk\s+about)|"
    r"(?:also\s+)?(?:discussed|covered|featured)\s*(?:(?:are|were|is|was)\b|:)|"
    r"topics\s+(?:include|covered)|discussion\s+(?:highlights|covers|includes)|"
    r"(?:it|they)\s+also\s+(?:cover|discuss|examine|look\s+at)s?|"
    # a description with no subject: "Discusses market gains with small caps leading,
    # interviews with RBC CEO on treasury platform success, Gap Inc. on …"
    r"(?:discusses|covers|features|explores|examines))\b",
    re.IGNORECASE,
)
# A cause told inside the list keeps it for the judge: "guests discuss how tariffs drove …",
# "… sharp moves in SoFi and Applied Digital, attributing activity to the 'January effect'".
_CAUSAL = re.compile(
    r"\b(?:due\s+to|because|after|amid|following|thanks\s+to|on\s+the\s+back\s+of|drove|"
    r"driv\w*|led|lift\w*|push\w*|pull\w*|weigh\w*|sent|spark\w*|trigger\w*|caus\w*|"
    r"boost\w*|hurt|dragg\w*|fuel\w*|spurr\w*|attribut\w*|credit\w*|blam\w*|how|why)\b",
    re.IGNORECASE,
)
COPIED = 0.6  # share of the draft's content words (`content_stems`) found in the list


GIVEN_AS_CAUSE = 3  # content words at least of a cause told with the list's items


def copied_topic_list(draft: str, passage: str) -> str | None:
    """The lead of the passage's list of topics the draft was copied from (its words mostly
    the list's, none causal of its own; or, told as a cause, the cause's words mostly the
    list's: "Small caps rallied … due to RBC CEO's success with the treasury platform and the
    acquisition of Gap Inc." from a program's description, drafted for the flagship in a
    session 63 trial), else None."""
    words = content_stems(draft)
    told = _CAUSAL.search(draft)
    if told is not None:  # the items given as the cause: what follows the causal word
        words = content_stems(draft[told.end() :])
        if len(words) < GIVEN_AS_CAUSE:
            return None
    if not words:
        return None
    for start, end in sentence_spans(passage):
        sentence = passage[start:end].strip("… ")
        lead = _TOPICS_LEAD.match(sentence)
        if lead is None:
            continue
        listed = sentence[lead.end() :]
        if _CAUSAL.search(listed):
            continue
        if len(words & content_stems(listed)) >= COPIED * len(words):
            return lead.group(0).strip()
    return None
