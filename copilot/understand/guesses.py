"""The cause a question puts to the test: "was it the jobs report that lifted stocks?", "did the
tariff threats sink discretionary?", "is this the Fed?", "tariffs again?".

Code reads the guess out of the words so that the answer can say whether the stored articles
around the move mention it, and so that the model drafting reasons is not handed the guess as if
it were a finding (it wrote "stocks rose due to the jobs report lifting stocks", uncited).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
# A short noun phrase: no sentence break, no blanked instrument name ("·") at its head.
_NP = r"(?P<g>[^\s?.!,;:][^?.!,;:]{0,44}?)"
_CAUSE_VERB = (
    r"(?:pull|push|drag|send|sink|sank|knock|lift|drive|drove|spark|trigger|tank|crush|boost|"
    r"weigh|hurt|hit|kill|move|rattle|spook|cause|fuel|power|juice|slam|hammer|smoke|wreck)"
)
_PATTERNS = [
    # "AI-driven?", "a tariff-driven selloff?"
    r"(?P<g>\b[\w']+)-(?:driven|led|fueled|induced|related)\b",
    # "was it the jobs report that lifted stocks", "is it China stimulus that sent copper up"
    rf"\b(?:was|is|were)\s+(?:it|this|that)\s+{_NP}\s+(?:that|which|what)\s+\w+",
    # "did the tariff threats sink discretionary", "did Nvidia's earnings pull chips down"
    rf"^\W*(?:so\s+)?did\s+{_NP}\s+{_CAUSE_VERB}\w*\b",
    # "was the Fed behind the bond selloff", "is the dollar to blame for gold's drop"
    rf"\b(?:was|is|were|are)\s+{_NP}\s+(?:behind|to\s+blame|responsible|the\s+(?:reason|cause|"
    r"culprit|catalyst|driver|trigger|story))\b",
    # "did gold rally because of the dollar?", "was that due to the CPI print?"
    rf"\b(?:because\s+of|due\s+to|down\s+to|driven\s+by|caused\s+by|thanks\s+to|tied\s+to|"
    rf"on\s+the\s+back\s+of|in\s+response\s+to|a\s+result\s+of|related\s+to)\s+{_NP}\s*"
    r"(?:\?|$|\bor\b)",
    # "did the bounce have anything to do with Greenland?"
    rf"\b(?:anything|something|much|a\s+lot)\s+to\s+do\s+with\s+{_NP}\s*(?:\?|$|\bor\b)",
    # "blame the Fed?", "blaming tariffs for this?"
    rf"\bblam(?:e|ing)\s+{_NP}\s*(?:\bfor\b|\?|$)",
    # "is this the Fed?", "is it the jobs data or what", "was that about the deficit?"
    rf"\b(?:is|was)\s+(?:this|that|it)\s+(?:all\s+)?(?:just\s+)?(?:about\s+)?{_NP}\s*"
    r"(?:\?|$|\bor\s+(?:what|something|not)\b)",
    # "tariffs again?", "the Fed again??"
    rf"(?:^|[.!?;,—–-]\s*){_NP}\s+again\s*\?",
    # "the Fed or something else?"
    rf"(?:^|[.!?;,—–-]\s*){_NP}\s+or\s+something\s+else\b",
]
_GUESS = [re.compile(p, _I) for p in _PATTERNS]

# Phrases that are no cause: the move itself, a time, a ranking, the asker's doubt.
_NOT_A_CAUSE = re.compile(
    r"^(?:the\s+|a\s+|an\s+|this\s+|that\s+|it\s+)*(?:"
    r"(?:best|worst|biggest|largest|most|first|last|lowest|highest|record|same|only|end|start|"
    r"bottom|top|peak|steepest|sharpest|deepest|strongest|weakest)\b.*|"
    r"case|reason|why|true|right|real|normal|over|done|it|this|that|so|just|about|what|huh|"
    r"anything|something|nothing|all|because|due|true|a\s+fluke|"
    r"(?:\w+\s+)?(?:sell-?off|rally|drop|fall|decline|rise|jump|surge|spike|slide|slump|rout|"
    r"crash|dump|pop|bounce|rebound|move|dip|gain|loss)e?s?|"
    r"today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|this\s+week|last\s+week|"
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
            guess = _trimmed(question[start:end])
            if guess and _is_a_cause(guess):
                return guess
    return None


def _trimmed(phrase: str) -> str:
    phrase = re.split(r"\s+-+\s+|\s*[—–]+\s*", phrase)[-1]  # "energy up big - oil"
    phrase = re.sub(
        r"\s+(?:or\s+(?:what|not|something)|again|too|then|now)\s*$", "", phrase, flags=_I
    )
    return phrase.strip(" '\"")


def _is_a_cause(phrase: str) -> bool:
    return len(phrase.split()) <= 6 and not _NOT_A_CAUSE.match(phrase)
