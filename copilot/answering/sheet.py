"""The reasons turn's evidence sheet: each article once, compact, fenced as quoted material.

The news tools' own output (a heading, then per article a header line and a fenced excerpt) is
written for a reader. The small model copies such header lines one after another as if they were
reasons ("Bloomberg, 2026-01-21: Bloomberg Surveillance 1/21/2026 [5]"), and every line is prompt
it must read on 2 cores. The sheet shows each article as one fence holding only the excerpt the
reason checker holds the model to. Shown titles, the model opened its reasons with them ("Tech
Lifts Stocks as Small Caps Rally Anew: The article mentions that …"), spending a third of its
tokens and one of its three sentences on a copy (flagship: completion 130 → 88 tokens, 2 → 3
articles cited, benchmarks/results/answer.md). Titles, publishers and dates stay in the Sources,
where the reader sees them.
"""

from __future__ import annotations

from copilot.answer import ToolCallRecord
from copilot.news.present import fenced
from copilot.sources import NewsSource, SourceLedger

NO_EVIDENCE = "(no article excerpts: there is no [n] to cite)"


def reasons_sheet(records: list[ToolCallRecord], ledger: SourceLedger, most: int = 6) -> str:
    """The articles of the news records, in the order the tools ranked them, at most `most`."""
    blocks: list[str] = []
    seen: set[int] = set()
    for record in records:
        for n in record.sources:
            source = ledger.get(n)
            if n in seen or not isinstance(source, NewsSource) or len(blocks) >= most:
                continue
            seen.add(n)
            blocks.append(fenced(n, source.excerpt or source.text))
    return "\n".join(blocks) if blocks else NO_EVIDENCE


def move_brief(records: list[ToolCallRecord]) -> str:
    """The move the reasons explain, in words and without figures ("IWM rose from 2025-12-31 to
    2026-01-22"): shown the measured lines, the small model copied them as its own sentences."""
    for record in records:
        args = record.arguments
        symbols = args.get("symbols")
        if record.name != "news_drivers" or not isinstance(symbols, list) or not symbols:
            continue
        verb = "rose" if args.get("direction") == "up" else "fell"
        start, end = args.get("start"), args.get("end")
        when = f" on {end}" if start == end else f" from {start} to {end}" if start else ""
        return f"{', '.join(str(s) for s in symbols)} {verb}{when}."
    return ""
