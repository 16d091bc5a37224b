"""The reasons turns' evidence: each article once, its excerpt only, in the tools' rank order.

The news tools' own output (a heading, then per article a header line and a fenced excerpt) is
written for a reader. The small model copies such header lines one after another as if they were
reasons ("Bloomberg, 2026-01-21: Bloomberg Surveillance 1/21/2026 [5]"), and every line is prompt
it must read on 2 cores. Each reasons turn shows one article as a fence holding only the excerpt
the reason checker holds the model to (`copilot.news.present.fenced`;
`copilot.agent.Copilot._write_reasons`). Shown titles, the model opened its reasons with them
("Tech Lifts Stocks as Small Caps Rally Anew: The article mentions that …"), spending a third of
its tokens and one of its three sentences on a copy (flagship, when all articles shared one
turn: completion 130 → 88 tokens, 2 → 3 articles cited). Titles, publishers and dates stay in
the Sources, where the reader sees them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import zip_longest

from copilot.answer import ToolCallRecord
from copilot.answering.against import runs_the_other_way
from copilot.answering.excerpt_view import for_the_writer
from copilot.claims.reasons import names_subject
from copilot.facts import Fact
from copilot.market.calendar import sessions_between
from copilot.market.symbols import moves_against_stocks
from copilot.sources import NewsSource, SourceLedger


def sheet_articles(
    records: list[ToolCallRecord],
    ledger: SourceLedger,
    most: int = 6,
    measured: Sequence[Fact] = (),
    as_of: date | None = None,
) -> list[tuple[int, str]]:
    """(number, excerpt) of the news records' articles, each once, in the order the tools
    ranked them (those published before the move last: `sessions_before`), at most `most`:
    what the reasons turns show, one article a turn. Several searches (an unmeasured move
    searched both ways) take turns: their firsts, then their seconds, so neither way fills the
    reasons alone. An article whose excerpt never reports the
    moving instrument's market moving is not shown: whatever reason the model drew from it, the
    check would reject (`names_subject`), and the 1.5B model bridged it anyway ("UK businesses
    faced …, which led to a move by XLP"). Nor is one whose excerpt, as the writer sees it,
    reports the move only going the other way (`runs_the_other_way`): the `measured` returns of
    the instruments whose move the news was read for, as of `as_of`."""
    moved = set(move_markets(records)[0])
    measured = [fact for fact in measured if fact.subject in moved]
    found: dict[int, str] = {}
    for rank in zip_longest(*(record.sources for record in records)):
        for n in rank:
            source = ledger.get(n) if n is not None else None
            if n in found or not isinstance(source, NewsSource) or not names_subject(source):
                continue
            excerpt = source.excerpt or source.text
            if as_of is not None and runs_the_other_way(for_the_writer(excerpt), measured, as_of):
                continue
            found[n] = excerpt
    # Stable: those published around the move first, in rank order, then those of the session
    # before it, then the earlier ones.
    ordered = sorted(found.items(), key=lambda item: sessions_before(ledger.get(item[0])))
    return ordered[:most]


def sessions_before(source: object) -> int:
    """How many sessions before its move an article was published, at most 2: 0 during the move
    or on the evening or weekend before it (the Greenland tariff threat of Saturday, January
    17, before Tuesday's fall), 1 on the session before it, 2 on an earlier one. One published
    before the move reports an earlier day ("Intel shares rose … [4]", published January 13,
    drafted for chips' move of January 15 as "due to" it): its reasons held up half as often
    as those published since (in a development run 18 of 61 cited drafts, against 98 of 178),
    so it is read last."""
    if not isinstance(source, NewsSource) or source.move is None:
        return 0
    published, first = source.published_at.date(), source.move[0]
    if published >= first:
        return 0
    return min(len(sessions_between(published, first - timedelta(days=1))), 2)


def long_before_the_move(source: object) -> bool:
    """Whether an article was published two sessions or more before its move: in a development
    run its drafts were supported a quarter as often (6 of 25) as those published around the
    move (141 of 201; the session before: 15 of 28), so it is read only while no reason from
    a later article has held up (`copilot.agent.Copilot._write_reasons`)."""
    return sessions_before(source) >= 2


def only_the_backdrop(articles: list[tuple[int, str]], ledger: SourceLedger) -> bool:
    """Whether every article the reasons turns read reports only a wider market's move (the
    S&P 500's, a sector's: `copilot.answering.backdrop`), none the instrument's own."""
    sources = [s for n, _ in articles if isinstance(s := ledger.get(n), NewsSource)]
    return bool(sources) and all(
        s.backdrop and not names_subject(s, backdrop=False) for s in sources
    )


def move_markets(records: list[ToolCallRecord]) -> tuple[list[str], list[str]]:
    """(the instruments whose move the news was read for, the wider markets read with them)."""
    for record in records:
        if record.name == "news_drivers":
            symbols, wider = record.arguments.get("symbols"), record.arguments.get("backdrop")
            listed = [v if isinstance(v, list) else [] for v in (symbols, wider)]
            return [str(s) for s in listed[0]], [str(w) for w in listed[1]]
    return [], []


def articles_found(records: list[ToolCallRecord], ledger: SourceLedger) -> int:
    """How many distinct articles the news records found."""
    return len({n for record in records for n in record.sources
                if isinstance(ledger.get(n), NewsSource)})  # fmt: skip


def move_brief(records: list[ToolCallRecord], measured: bool = True, backdrop: bool = False) -> str:
    """The move the reasons explain, in words and without figures ("IWM rose from 2025-12-31 to
    2026-01-22"): shown the measured lines, the small model copied them as its own sentences.
    A move no stored prices measure is the question's word for it, and said to be. With
    `backdrop` (every article read reports only the wider market's move), that market's move:
    told utilities rose, the model gave the S&P 500's reason as theirs ("The bid in utilities
    this month moved due to Nicolás Maduro's ouster …", from a wrap that never names them)."""
    ways = {r.arguments.get("direction") for r in records if r.name == "news_drivers"}
    for record in records:
        args = record.arguments
        symbols = args.get("symbols")
        if record.name != "news_drivers" or not isinstance(symbols, list) or not symbols:
            continue
        up = args.get("direction") == "up"
        wider = args.get("backdrop")
        if backdrop and isinstance(wider, list) and wider:
            # the fear gauge's backdrop is the stock market going the other way
            up = up != any(moves_against_stocks(str(s)) for s in symbols)
            symbols = wider
        # Searched both ways (an unmeasured move the question gave no direction): it moved.
        verb = "moved" if len(ways) > 1 else "rose" if up else "fell"
        start, end = args.get("start"), args.get("end")
        when = f" on {end}" if start == end else f" from {start} to {end}" if start else ""
        named = ", ".join(str(s) for s in symbols)
        if not measured:  # no verb of its own: copied, "TSLA moved on …" read as a reason
            said = "" if len(ways) > 1 else f"; the question says it {verb}"
            return f"{named}{when} (not measured: no stored prices){said}."
        return f"{named} {verb}{when}."
    return ""
