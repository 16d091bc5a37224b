"""A market's bare price line: a sentence that gives a price or level and no cause word.

"Brent crude settled up 32 cents, or 0.5%, at $65.24/barrel" explains nothing. The reason writer
is never shown such a line (`copilot.answering.excerpt_view`), so an excerpt spends none of its
room on one (`evidence_terms.reason_excerpt`).
"""

from __future__ import annotations

import re

from copilot.news.lexical import tokens

# Words that give a cause ("rose after", "fell on fears"); shared with the excerpt's scoring.
CAUSAL = frozenset(
    {"after", "because", "amid", "as", "on", "following", "driven", "due", "boosted", "lifted",
     "weighed", "pressure", "pressured", "helped", "hurt", "sparked", "fueled", "fuelled",
     "spurred", "led", "thanks", "concerns", "fears", "hopes", "optimism"}
)  # fmt: skip

# A market's price line, as a wrap's table in words gives it: "rose 270.50 points, or 1.2%",
# "up 32 cents, or 0.5%", "to settle at $58.08", "$65.24/barrel", "to 23,224.82". A release's
# reading ("declined by 3.8 points to 89.1", "119,000 jobs added versus estimates of 51,000") and
# a company's plan ("$52-56B capex") are news, and stay.
_PRICE_LINE = re.compile(
    r"\d\s*(?:points?|cents?)\s*,?\s+or\s+(?:about\s+|nearly\s+|less\s+than\s+|more\s+than\s+)?\d"
    r"|\b(?:close[ds]?|closing|settle[ds]?|settling|finish(?:ed|es)?|end(?:ed|s)?)\s+at\s+\$?\d"
    r"|\$\s?\d[\d,.]*\s*(?:/\s*|an?\s+|per\s+)(?:barrel|bbl|ounce|oz)\b"
    r"|\bto\s+\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?\b",
    re.IGNORECASE,
)


def bare_price_line(sentence: str) -> bool:
    """Whether `sentence` gives a market's price line and no cause word."""
    if _PRICE_LINE.search(sentence) is None:
        return False
    return not any(word in CAUSAL for word in tokens(sentence))
