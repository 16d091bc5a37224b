"""What the answer says when the store cannot answer: code writes it, the model never does.

A question about a name the store lacks, a date after the as-of date or a window before all data
gets a plain "cannot, because …" with what would fix it, and no figure. A tool that failed is
named with its reason, so an answer never quietly fills the gap with made-up numbers.
"""

from __future__ import annotations

from copilot.answer import ToolCallRecord
from copilot.answering.lead import NEWS_TOOLS
from copilot.answering.ranking_line import asked_line
from copilot.market.measure_window import NOTHING_IN_WINDOW
from copilot.market.symbols import moves_against_stocks
from copilot.sentences import spoken_list
from copilot.understand.model import Understanding, UnknownName

NO_NEWS_FIX = "market-copilot ingest news --rss <feed URL>"
_ADD_NEWS = f"to add news coverage run `{NO_NEWS_FIX}` (or `market-copilot ingest news FOLDER`)"


def cannot_answer(understanding: Understanding) -> str | None:
    """The whole answer when the question cannot be answered from the store, else None."""
    reasons: list[str] = []
    for name in understanding.unknown:
        fix = f" To add it: `{name.fix}`." if name.fix else ""
        reasons.append(f"{_sentence(name.reason)}{fix}")
    reasons += [_sentence(problem) for problem in understanding.problems]
    if not reasons:
        return None
    # Every name asked about, the missing ones too: "about QQQ" alone, when it is the Dow that
    # is missing, reads as if the Nasdaq were the problem.
    symbols = [i.symbol for i in understanding.instruments]
    symbols += [n.symbol or f"'{n.phrase}'" for n in understanding.unknown]
    named = spoken_list(symbols)
    about = f" about {named}" if named else ""
    return f"I cannot answer that{about} from the stored data: " + " ".join(reasons)


def unranked_note(understanding: Understanding) -> str:
    """Code's words for a ranking among named markets the store holds only some of ("which of
    the Dow, the S&P and the Nasdaq did best in January?"): the stored ones are ranked and the
    missing ones named, with the command that adds them. Empty unless two or more named
    markets are stored and their measure is settled: one alone ranks nothing, and a question
    that sets a missing name against a stored one ("how did Nvidia do against the S&P?") is
    about the missing one, so it is refused as a whole."""
    intent = understanding.intent
    if (
        not understanding.unknown or understanding.problems or understanding.why
        or intent is None or intent.rank == "none"
        or len(understanding.instruments) < 2 or not understanding.calls
    ):  # fmt: skip
        return ""
    return names_missing(understanding.unknown, "the ranking below leaves it out")


def names_missing(names: list[UnknownName], so: str) -> str:
    """One sentence per name the store lacks: why, what follows (`so`) and what adds it."""
    return " ".join(
        f"{name.reason.rstrip('.')}, so {so}{f' (to add it: `{name.fix}`)' if name.fix else ''}."
        for name in names
    )


def failure_lines(records: list[ToolCallRecord]) -> list[str]:
    """One line per failed tool call: what was asked and the tool's own reason."""
    lines = []
    for record in records:
        if record.error:
            reason = record.output.removeprefix("Error: ").strip()
            lines.append(f"{record.name} could not be computed: {reason}")
    return lines


def failed_answer(failures: list[str]) -> str:
    """The answer when no evidence could be gathered at all."""
    body = " ".join(_sentence(f) for f in failures) or "No evidence could be gathered."
    return f"I cannot answer that from the stored data. {body}"


def headline(records: list[ToolCallRecord], question: str = "") -> str:
    """The first figure line of each market tool's output with its [n] — what the answer says
    when nothing the model wrote held up (as the lead shows it for `question`: a ranking's
    places asked, both ends, the entries that moved the way asked and how many did)."""
    lines = []
    for record in records:
        if record.error or record.name == "search_news" or not record.sources:
            continue
        first = asked_line(record, question)
        if first:
            lines.append(f"{first.rstrip('.')} [{record.sources[0]}].")
    return " ".join(lines)


def no_news_line(read: int = 0) -> str:
    """The gap when no article read reports the move; `read` found around it say so, since
    the sources list them (an answer that cites them and says "no stored article" reads as
    contradicting itself)."""
    several = read > 1
    found = (f": the {read} article{'s' if several else ''} found around it never "
             f"report{'' if several else 's'} its market moving") if read else ""  # fmt: skip
    return f"No stored article explains this move{found}; {_ADD_NEWS}."


def unexplained_line(shown: int, withheld: int) -> str:
    """The gap when articles were read but no reason the model drafted from them holds up:
    every draft withheld (`withheld` of them, listed apart), or the `shown` ones all marked ⚠
    by the answer's check. A reader left with only ⚠ ("XLE fell … due to a sudden decrease
    in oil [4]", from a stock-picking list) was never told that nothing read bears the move
    out, nor how to add the news that would. Both open as the gap with nothing read does ("No
    stored article …"): the same finding, in the same words."""
    if shown:  # the check can miss a true reason: unconfirmed, not refuted
        failed = (
            "No stored article read explains this move: no reason above is confirmed by the "
            "article it cites (each is marked ⚠)"
        )
    else:
        read = "1 stored article" if withheld == 1 else f"{withheld} stored articles"
        failed = (
            f"No reason was kept from the {read} read: each drafted reason stated a figure no "
            "source bears out, a direction the measured data does not, a day outside the "
            "move, another market's news or only the move again (listed apart). No stored "
            "article read explains this move"
        )
    return f"{failed}; {_ADD_NEWS}."


def backdrop_line(symbols: list[str], wider: list[str], held: bool = True) -> str:
    """The gap when the only articles on a move report the wider market it moved with: their
    reasons are that market's, and said to be (homebuilders' +2.6 % on January 21, 2026 was
    explained from S&P 500 wraps that never name homebuilders, and nothing said so). When no
    reason drawn from them `held` up, that is said instead (the line had pointed at reasons
    that were all removed)."""
    own, market = spoken_list(symbols), spoken_list(wider)
    # The fear gauge's backdrop is the stock market going the other way.
    way = "the other way" if any(map(moves_against_stocks, symbols)) else "the same way"
    said = (
        f"the reasons given come from articles on the move of {market}, which went {way}"
        if held
        else f"no reason drawn from the articles on the move of {market}, which went {way}, "
        "held up (listed apart)"
    )
    return (
        f"No article read reports {own}'s own move: {said}; to add news coverage of {own} "
        f"run `{NO_NEWS_FIX}`."
    )


def nothing_held_line(records: list[ToolCallRecord]) -> str:
    """What an answer says when nothing the model wrote held up and no tool line can stand in:
    a question that named no market was answered from a news search alone ("which ones took
    the worst beating over the past two weeks?" got two invented returns, both cut, and an
    empty answer). What failed, and how to ask so that code measures it."""
    measured = any(not r.error and r.name not in NEWS_TOOLS for r in records)
    said = "Nothing the model wrote held up against the sources (removed, listed apart)"
    if measured:
        return f"{said}."
    return (
        f"{said}, and no market was measured: the question named none the store holds. Name "
        'the markets ("gold", "XLE") or the set to rank ("which sector", "which '
        'ETF") with a window, and ask again.'
    )


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else f"{text}."


def window_gaps(records: list[ToolCallRecord]) -> list[str]:
    """A line for each measure whose window held no observation by the as-of date ("how far did
    the 10-year yield move in January" before January's monthly value is out): its figures are
    of an earlier date, and the answer says so rather than letting them pass for the window's."""
    lines = []
    for record in records:
        if record.error or record.name in NEWS_TOOLS:
            continue
        for m in NOTHING_IN_WINDOW.finditer(record.output):
            lines.append(
                f"{m['symbol']} has no {m['what']} dated on or after {m['start']} by the as-of "
                f"date: its figures above are of {m['used']}, the latest before the window "
                "asked about."
            )
    return list(dict.fromkeys(lines))
