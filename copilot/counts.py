"""Small counts written as digits or words: "the top 3", "the three best", "the bottom two".

One definition for the question's reading (a set named with its count of places), the lead (how
many places to show) and the claim reader (the count is no figure to check).
"""

from __future__ import annotations

COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}  # fmt: skip
# A count of one or two digits or a word, not a decimal ("the top 3.5%") nor a window's length
# ("the best 6-month return", "the last 3 sessions").
COUNT = r"(?:\d{1,2}(?!\.\d)|two|three|four|five|six|seven|eight|nine|ten)"
NOT_A_SPAN = (
    r"(?![\s-]+(?:trading[\s-]+)?(?:days?|sessions?|weeks?|months?|years?|quarters?)\b)"
    r"(?!\s*(?:%|percent|per\s*cent)|-)"
)


def count_value(said: str) -> int:
    """The number a count says ("3" or "three")."""
    said = said.lower()
    return int(said) if said.isdigit() else COUNT_WORDS[said]
