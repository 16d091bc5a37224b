"""An instrument given another's name: "XLY (Healthcare)", "Health Care (XLY)".

Asked for the winners and losers of a week, the model listed "XLY (Healthcare), … XLI (Consumer
Discretionary), XLC (Consumer Staples), XLU (Healthcare)": tickers the ranking named, each beside
another sector's name, in a sentence with no figure to check. A sector or industry fund named
beside a name of one that is not its own, nor of its group (`reasons.related_markets`: "SMH
(technology)" is fine), is a contradicted claim, cut like a contradicted figure. Indexes and
assets are left alone: "QQQ (tech-heavy)" is a description, not another fund's name.
"""

from __future__ import annotations

import re
from itertools import pairwise

from copilot.answer import ReasonCheck
from copilot.claims.extract import Sentence
from copilot.claims.reasons import STOCK_GROUPS, related_markets
from copilot.market.symbols import lookup

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def misnamed(body: str, sentence: Sentence) -> list[ReasonCheck]:
    """One contradicted check per "A (B)" in the sentence whose A and B are different sector or
    industry funds of no common group."""
    found: list[ReasonCheck] = []
    for outer, inner in pairwise(sentence.mentions):
        close = _CLOSE.match(body, inner.end)
        if close is None or not _OPEN.fullmatch(body, outer.end, inner.start):
            continue
        if not (outer.subject <= STOCK_GROUPS and inner.subject <= STOCK_GROUPS):
            continue
        if inner.subject & related_markets(set(outer.subject)):
            continue
        said, meant = body[outer.start : outer.end], body[inner.start : inner.end]
        first, second = sorted(outer.subject)[0], sorted(inner.subject)[0]
        found.append(ReasonCheck(
            text=body[outer.start : close.end()], start=sentence.start + outer.start,
            end=sentence.start + inner.end, kind="name", status="unsupported",
            evidence=f"contradicted: {said!r} is {_title(first)}, and {meant!r} names "
                     f"{_title(second)}",
        ))  # fmt: skip
    return found


def _title(symbol: str) -> str:
    info = lookup(symbol)
    return f"{symbol} ({info.name})" if info is not None else symbol
