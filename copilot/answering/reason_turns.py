"""One reason per article: the turn that drafts it and the checks a draft must pass to be shown.

Shared by the why-answer (`copilot.agent.Copilot._write_reasons`) and the research report's
drivers section (`copilot.research.drivers`), so a report's reasons are drafted and judged
exactly as an answer's are: each excerpt shown alone with its [n], one sentence back (two when
the model's [n] came after a second: `one_reason`), withheld when it does not hold up against
its article and the measured move.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from copilot import prompts
from copilot.answering.against import (
    backdrop_the_other_way,
    cause_told_the_other_way,
    contradicts_a_move,
    members_the_other_way,
    news_the_other_way,
)
from copilot.answering.excerpt_view import for_the_writer, the_rest
from copilot.answering.prune import UNSUPPORTED
from copilot.answering.tidy import WORD, looping, repeats, says_itself_again, tidy
from copilot.claims.extract import citations_in
from copilot.claims.forecasts import forecast_words, pattern_words
from copilot.claims.reasons import (
    another_market,
    day_outside,
    echoes_the_question,
    explains_nothing,
    only_a_move,
    reported_later,
    restates_the_move,
)
from copilot.claims.verify import cause_cited_to_figures
from copilot.facts import Fact
from copilot.llm.base import ChatMessage, LLMResponse
from copilot.news.present import fenced
from copilot.sentences import sentence_spans, sentences_begun
from copilot.sources import DataSource, NewsSource, SourceLedger
from copilot.verify import verify_answer


def answer_system() -> ChatMessage:
    """The answer's fixed system prompt (the same for every turn, so the local model keeps it in
    its KV cache)."""
    return {"role": "system", "content": prompts.render("system")}


def reason_messages(n: int, excerpt: str, move: str, fields: dict[str, Any]) -> list[ChatMessage]:
    """The turn for article [n]: its excerpt alone (without its bare price lines), fenced, and
    the move it should explain. `fields` fills the prompt's question, as_of and premise."""
    shown = for_the_writer(excerpt)  # the source keeps the whole excerpt
    user = prompts.render("write_reason", move=move, n=n, evidence=fenced(n, shown), **fields)
    return [answer_system(), {"role": "user", "content": user}]


def rest_turn(source: object, excerpt: str, draft: str) -> str | None:
    """What an article's second turn is shown after `draft` (`the_rest` of its `excerpt`, the
    move's market named by the article's words for it and for the wider markets read with it);
    None for no second turn."""
    if not isinstance(source, NewsSource):
        return None
    return the_rest(excerpt, draft, [*source.about, *source.backdrop])


REASON_WORDS = 4  # words (`tidy.WORD`) a reason has at least (the eval counts no shorter one)
# A sentence about the one before it, no reason of its own: "This caused a fire under
# commodities [2].", "This move is explained in the excerpt's own words … [4]".
POINTS_BACK = re.compile(r"\W*(?:this|that|it)\b", re.IGNORECASE)


def reason_over(text: str) -> bool:
    """Where a reasons turn is stopped: once a sentence that carries a citation is over, after
    two sentences, or in a loop. The turn asks for one sentence ending with [n]; a reply that
    opened with its article's headline as a sentence of its own put the [n] after the next one
    ("Stocks rally to start 2026 trading week as S&P expected to continue rise. Lori Calvasina
    of RBC expects the S&P to keep rallying … [11]"), and stopping after the first lost it."""
    over = sentences_begun(text)  # every streamed token: the spans only once one is over
    if over == 1:
        start, end = sentence_spans(text)[0]
        return bool(citations_in(text[start:end])) or looping(text)
    return over >= 2 or looping(text)


def one_reason(reply: str, n: int | None = None) -> str:
    """A reasons turn's draft: its reply through the first sentence that carries a citation, when
    that is one of its first two (`reason_over`) and says something of its own ("This move [3]."
    is too short, "This caused a fire under commodities [2]." only points back), else its first
    sentence alone.

    The turn shows article `n` alone, so the [n] the model wrote after its reply's second
    sentence is its citation for the reply: the first sentence keeps it too ("Banks reported
    robust lending growth … [3]." from "… growth. This move [3]."). Dropped with the second
    sentence, or left off the first, the model's own citation was lost and the reason shown as
    uncited (⚠). Only that article's number is carried: a reply citing another is left as the
    model wrote it."""
    text = reply.strip()
    spans = sentence_spans(text)
    if len(spans) < 2:
        return text
    first, second = (text[start:end] for start, end in spans[:2])
    if citations_in(first) or not citations_in(second):
        return first
    carried = n if n is not None and citations_in(second) == (n,) else None
    if carried is not None:
        first = cited_as(first, carried)
    if len(WORD.findall(second)) < REASON_WORDS or POINTS_BACK.match(second):
        return first
    # Of two sentences, one that gives no reason is dropped: a fragment of the article naming
    # no move and no cause, which the check accepts as a near-copy ("… Fed meeting focus [5].
    # Guests discuss sector impacts, Cisco upgrade …" was shown as two supported reasons), or a
    # forecast ("Stocks rally … as S&P expected to continue rise" before RBC's view of what
    # pulled investors up). The other is the draft (the second alone only when it does not
    # lean on the first: "These funds …").
    if gives_no_reason(second):
        return first
    if gives_no_reason(first) and not _LEANS_BACK.match(second):
        return second
    return f"{first} {second}" if carried is not None else text[spans[0][0] : spans[1][1]]


# A sentence that names what the one before it did: no draft alone ("These funds typically
# allocate to … US Treasuries" after "Funds placed in the treasury product were invested …").
_LEANS_BACK = re.compile(r"\W*(?:this|that|these|those|it|its|they|their|such)\b", re.IGNORECASE)


def gives_no_reason(sentence: str) -> bool:
    """Whether a sentence names no move and no cause (`explains_nothing`), only forecasts
    (`forecast_words`), states a rule of thumb (`pattern_words`) or tells a market's move and
    nothing more (`only_a_move`): the answer's check marks each unsupported."""
    return (explains_nothing(sentence) or forecast_words(sentence) is not None
            or pattern_words(sentence) is not None or only_a_move(sentence))  # fmt: skip


_CLOSING = re.compile(r"[.!?]*\s*$")


def cited_as(sentence: str, n: int) -> str:
    """`sentence` with [n] before its closing stop ("Banks rose [3].")."""
    body = _CLOSING.sub("", sentence)
    return f"{body} [{n}]{sentence[len(body) :].strip() or '.'}"


def about_the_move(brief: str) -> str:
    """The question the turns are asked when the move ran against the question's word for it
    ("Why WTI rose from … to …?"): the move that happened, in words (a fixed sentence was
    echoed)."""
    return f"Why {brief.rstrip('.')}?"


def measured_facts(ledger: SourceLedger, numbers: list[int]) -> list[Fact]:
    """The typed facts of the data sources among `numbers` (what the measures found)."""
    return [fact for n in numbers
            if isinstance(source := ledger.get(n), DataSource)
            for fact in source.facts]  # fmt: skip


def holds_up(
    draft: str,
    ledger: SourceLedger,
    as_of: date,
    question: str,
    measured: list[Fact],
    outsider: Callable[[str], str | None] | None = None,
    read: int | None = None,
    shown: str | None = None,
) -> bool:
    """Whether a drafted reason passes the answer's own figure check run on it alone (the
    model moves an article's "climbed 0.5% Thursday" onto the move's day) and does not say
    a measured instrument went the other way ("the S&P 500 … rose on December 17" under a
    measured fall: no figure to check, so the answer's check would let it stand), nor
    gives a cause cited to the measured figures alone (`cause_cited_to_figures`), nor
    dates its reason to a day outside the move ("… climbed 0.5% Thursday" under Wednesday's
    rally; `day_outside`), nor to a day after its article was published (`reported_later`),
    nor gives another market's reason ("Gold rose as investors sought safety" under energy's
    fall; `another_market`), nor only says the move again ("The Russell 2000 fell … due to a
    decline in IWM"; `restates_the_move`, judged against the turn's article `read` when the
    draft cites none: "The IYT rose on 2026-01-21 due to transports rallying on the 21st."),
    nor tells the market's own news the other way from its move ("banks reported robust
    lending growth …" under financials' fall; `news_the_other_way`), nor, saying no way of its
    own, gives a cause its article ties only to a move the other way ("The move was triggered
    by Trump's call for a 10% cap …" under regional banks' rise; `cause_told_the_other_way`),
    nor gives the market's own companies moving the other way ("… NVIDIA to rise 3.9%" under
    chips' fall; `members_the_other_way`), nor gives only the news
    of a listed company outside the move's sector ("GM reports huge profit boost …" under
    chips; `outsider`, from `copilot.answering.company_news`), nor has
    a sentence naming no move and no cause (a fragment of its article; `explains_nothing`)
    or only forecasting ("… could reduce global output by 0.4 percent in 2026";
    `forecast_words`), nor says nothing but the move and the words of the question the turn
    was `shown` ("The move was due to a flight out of small caps on the 20th";
    `echoes_the_question`), nor says a run of its words again (`says_itself_again`)."""
    text = tidy(draft)
    if says_itself_again(text):  # the model went round: no reason, however it ends
        return False
    if outsider is not None and outsider(text) is not None:
        return False
    # A sentence of the draft that is a fragment of its article (no move, no cause) or an
    # outlook (what is expected explains no move).
    if any(gives_no_reason(text[start:end]) for start, end in sentence_spans(text)):
        return False
    # A cause cited to the measures alone: the turn's article is not cited ("The VIX fell …
    # due to softer CPI … [1]", [1] the move's figures); the answer's check marks it unsupported.
    if cause_cited_to_figures(text, [ledger.get(n) for n in citations_in(text)]):
        return False
    _, checked = verify_answer(text, ledger, as_of, question)
    if any(number.status in UNSUPPORTED for number in checked.numbers):
        return False
    cited = [s for n in citations_in(text) if isinstance(s := ledger.get(n), NewsSource)]
    if cited and all(day_outside(text, source) is not None for source in cited):
        return False
    if cited and all(reported_later(text, source) is not None for source in cited):
        return False
    if cited and all(another_market(text, source) is not None for source in cited):
        return False
    if cited and all(restates_the_move(text, source) for source in cited):
        return False
    if cited and all(backdrop_the_other_way(text, source.about, measured) for source in cited):
        return False
    if cited and all(cause_told_the_other_way(text, source, measured) for source in cited):
        return False
    if cited and all(members_the_other_way(text, source.about, measured) for source in cited):
        return False
    turn = ledger.get(read) if read is not None else None
    # a draft the model left uncited is its turn's article's (code cites it so when shown)
    told = cited or ([turn] if isinstance(turn, NewsSource) else [])
    if told and all(news_the_other_way(text, source.about, measured) for source in told):
        return False
    if shown and cited and all(echoes_the_question(text, source, shown) for source in cited):
        return False
    if not cited and isinstance(turn, NewsSource) and restates_the_move(text, turn):
        return False
    return contradicts_a_move(text, measured, as_of) is None


class ReasonJudge:
    """Which drafts are shown, in rank order: one that does not hold up (`holds_up`) is
    withheld (listed apart, tidied), one that says again what a kept one said is passed over,
    the rest are kept."""

    def __init__(
        self,
        ledger: SourceLedger,
        as_of: date,
        question: str,
        measured: list[Fact],
        outsider: Callable[[str], str | None] | None = None,
        shown: str | None = None,
    ) -> None:
        """`shown`: the question as the reasons turns were asked it (None when they were asked
        about the move instead: a draft may echo only what its turn was shown)."""
        self.ledger, self.as_of, self.question, self.measured = ledger, as_of, question, measured
        self.outsider, self.shown = outsider, shown
        self.kept: list[str] = []
        self.withheld: list[str] = []

    def take(self, draft: str, read: int | None = None) -> bool:
        """Whether `draft`, drafted from article `read`, is kept."""
        if not holds_up(draft, self.ledger, self.as_of, self.question, self.measured,
                        self.outsider, read, self.shown):  # fmt: skip
            self.withheld.append(tidy(draft))
            return False
        if repeats(draft, self.kept):  # not wrong, not another reason
            return False
        self.kept.append(draft)
        return True


class InRankOrder:
    """Drafts decoded together finish in any order; each is taken (checked, then shown) as soon
    as it and every draft ranked above it are done, so the first reason is shown before the
    last draft ends and the reasons stay in the articles' rank order. `take` gets each draft's
    place in the batch with it."""

    def __init__(self, take: Callable[[int, LLMResponse], None]) -> None:
        self._take = take
        self._waiting: dict[int, LLMResponse] = {}
        self._next = 0

    def arrived(self, index: int, answer: LLMResponse) -> None:
        self._waiting[index] = answer
        self._drain()

    def finish(self, answers: list[LLMResponse]) -> None:
        """Take those a model returned without announcing them."""
        for index, answer in enumerate(answers[self._next :], start=self._next):
            self._waiting.setdefault(index, answer)
        self._drain()

    def _drain(self) -> None:
        while self._next in self._waiting:
            self._take(self._next, self._waiting.pop(self._next))
            self._next += 1
