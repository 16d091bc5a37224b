"""The answer engine: understand (code) → measure → write (model) → check → repair → prune.

Code settles what the question's words settle — instruments, window, measure, direction
(`copilot.understand`) — and runs the composable `measure` tool on it; the model is asked only to
fill a slot code could not settle (`copilot.answering.slots`) and to write. When the store cannot
answer (a name it lacks, a date after as-of) or every computation failed, code writes the answer
and no figure appears (`copilot.answering.gaps`). A figure that stays unsupported after one
repair round is cut from the answer and listed apart (`copilot.answering.prune`). A figure the
question states that the measures contradict (a false premise) is corrected in code's words at
the top of the answer, and the model is told not to repeat it (`copilot.answering.premise`).

With the embedded 1.5B model on 2 cores, prompt reading and decoding dominate, so the model is
asked as little as possible: one streamed write turn, stopped after the sentences it was asked
for; for a why-question code states the measured move and the model writes only the reasons,
one sentence per article from that article's excerpt alone.
Every prompt shares the system prefix, which llama.cpp keeps in its KV cache.
`copilot.agent_langchain` runs the same tools through LangChain's `create_agent`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from copilot import prompts
from copilot.answer import (
    AgentEvent,
    Answer,
    EventCallback,
    ReasonCheck,
    ToolCallRecord,
    Verification,
)
from copilot.answering.company_news import outside_companies
from copilot.answering.deadline import Deadline
from copilot.answering.gaps import (
    backdrop_line,
    cannot_answer,
    failed_answer,
    failure_lines,
    headline,
    no_news_line,
    nothing_held_line,
    unexplained_line,
    unranked_note,
    window_gaps,
)
from copilot.answering.goes_on import goes_on_calls
from copilot.answering.lead import lead_answer, move_paragraph
from copilot.answering.memory import Memory, follow_up
from copilot.answering.premise import Corrections, corrections, opened_with, prepend
from copilot.answering.prune import UNSUPPORTED, prune_unsupported
from copilot.answering.quotes import with_quotes
from copilot.answering.ranking_line import places_asked
from copilot.answering.reason_turns import (
    InRankOrder,
    ReasonJudge,
    about_the_move,
    answer_system,
    measured_facts,
    one_reason,
    reason_messages,
    reason_over,
    rest_turn,
)
from copilot.answering.sheet import (
    articles_found,
    long_before_the_move,
    move_brief,
    move_markets,
    only_the_backdrop,
    sheet_articles,
)
from copilot.answering.slots import (
    calls_from_slots,
    guessed_window_note,
    settled_lines,
    slot_schema,
)
from copilot.answering.tidy import looping, tidy, without_repeat
from copilot.answering.why import (
    narrow_loose_window,
    unmeasured_calls,
    unmeasured_note,
    why_calls,
)
from copilot.claims.cause_judge import cause_judge_for
from copilot.claims.extract import citations_in
from copilot.claims.reasons import preload_scorer
from copilot.errors import CopilotError
from copilot.llm.base import (
    LLM,
    ChatMessage,
    LLMResponse,
    StopWhen,
    SupportsContext,
    SupportsPrime,
    complete_each,
)
from copilot.llm.loading import LoadingLLM
from copilot.market.measure_model import MeasureArgs
from copilot.market.staleness import stale_notes
from copilot.sentences import after_sentences
from copilot.tools import ToolDeps, run_tool
from copilot.tools.market_support import without_definitions
from copilot.tools.periods import compare_call
from copilot.understand import Catalog, understand
from copilot.understand.model import Understanding
from copilot.verify import verify_answer

NEWS_TOOL = "search_news"
NEWS_TOOLS = (NEWS_TOOL, "news_drivers")
MEASURE_TOOL = "measure"
EVIDENCE_CHARS = 6000  # ~1,500 tokens: evidence never overflows the local model's context


@dataclass
class AgentConfig:
    max_tool_calls: int = 5  # the LangChain agent mode's cap
    sentences: int = 3  # asked for, and where the answer is stopped (copilot.sentences)
    news_sentences: int = 3  # a why-answer: reasons turns, one per top article (code: the move)
    news_k: int = 4  # a question that names no market: the articles read
    news_budget_tokens: int = 1000  # a why-question's drivers: prompt tokens for the excerpts
    # (each reasons turn shows one, up to MAX_EXCERPT_CHARS: a wrap's move, then its cause)
    reasons_articles: int = 5  # … shared by at most this many articles (fewer, whole reasons)
    repair: bool = True
    slot_max_tokens: int = 60
    answer_max_tokens: int = 320
    reason_max_tokens: int = 140  # one reason, ~40 tokens (two when a headline came first,
    # `reason_over`); at 70 a long one lost its [n]
    reason_turns: int = 5  # articles read at most for the `news_sentences` reasons: a reason
    # that does not hold up (_holds_up) is withheld and the next-ranked article read instead


@dataclass
class _Run:
    question: str
    as_of: date
    data_latest: date | None
    on_event: EventCallback
    deadline: Deadline
    started: float = field(default_factory=time.perf_counter)
    planned_by: str = "rules"
    understanding: Understanding | None = None
    records: list[ToolCallRecord] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    tokens: dict[str, int] = field(default_factory=lambda: {"prompt": 0, "completion": 0})
    llm_calls: int = 0
    write_messages: list[ChatMessage] = field(default_factory=list)  # kept for the repair turn
    move: str = ""  # a why-answer's first paragraph, written by code (a repair keeps it)
    unmeasured: str = ""  # a why-answer: code's words for a named market the store lacks
    left_out: str = ""  # a ranking: code's words for the named markets the store lacks
    written: str = ""  # the model's own text (tidied): what the model, not code, said
    withheld: list[str] = field(default_factory=list)  # drafted reasons that did not hold up
    reasons_kept: int = 0  # a why-answer: drafted reasons that held up, shown
    news_gap: str = ""  # a why-answer: code's line that no article found reports the move
    undated_note: str = ""  # the event's words code could not date, said back after the check
    backdrop: tuple[list[str], list[str]] | None = None  # (its markets, the wider ones) when
    # the only articles read report the wider market the move went with
    memory: Memory | None = None
    corrected: Corrections = field(default_factory=Corrections)  # the question's false premises

    def count(self, response: LLMResponse) -> None:
        self.tokens["prompt"] += response.prompt_tokens
        self.tokens["completion"] += response.completion_tokens
        self.llm_calls += 1


def _without_copy(text: str, line: str) -> str:
    """`text` without the model's word-for-word copy of code's `line`, or of one clause of it
    written as a sentence ("QQQ rose 1.00% [1] from 2026-01-08 to 2026-01-09, its best Friday."
    under "…, its best Friday; QQQ fell 1.20% [4] …, its worst."): code says it once, and the
    copy is not checked (a bound the question set, "inside the 3% asked about", is no figure of
    a source, and asked a repair turn)."""
    if not line:
        return text
    clauses = [f"{part.strip().removesuffix('.')}." for part in line.split("; ")[1:]]
    first = line.split("; ")[0].split(": ", 1)[-1]  # "Yes: …" written without its "Yes"
    copies = [line, f"{first.removesuffix('.')}.", *clauses]
    for copy in copies:
        if copy in text:
            text = text.replace(copy, "\n\n")
    rest = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(rest)


class Copilot:
    """Answers questions with cited, checked figures."""

    mode = "pipeline"

    def __init__(self, deps: ToolDeps, llm: LLM, config: AgentConfig | None = None) -> None:
        self.deps = deps
        self.llm = llm
        self.config = config or AgentConfig()
        # Reasons the support score accepts are read again by the model, when it can judge.
        self.judge = cause_judge_for(llm) if deps.settings.cause_judge else None
        self._catalog: tuple[Any, Catalog] | None = None

    def catalog(self) -> Catalog:
        """What the store holds, read once per store (the understanding layer's vocabulary)."""
        store = self.deps.market
        if self._catalog is None or self._catalog[0] is not store:
            self._catalog = (store, Catalog.from_store(store) if store is not None else Catalog())
        return self._catalog[1]

    def ask(
        self,
        question: str,
        as_of: date | None = None,
        on_event: EventCallback | None = None,
        cancel: threading.Event | None = None,
        memory: Memory | None = None,
    ) -> Answer:
        """Answer `question`; `cancel` (set by whoever stops waiting) and the settings'
        deadline stop the work between phases and on any streamed token. With `memory` (a
        conversation), a follow-up reuses what earlier turns settled, and is remembered."""
        run = self._start(question, as_of, on_event, cancel)
        run.memory = memory
        preload_scorer()  # the reason checker's model loads while the tools and the model run
        settled = self._understand(run)
        refusal = cannot_answer(settled)
        if refusal is not None and self.deps.news is not None:
            # A why-question about a market the store lacks: its news may still explain it.
            run.unmeasured = unmeasured_note(settled)
        if refusal is not None and not run.unmeasured:
            run.left_out = unranked_note(settled)  # the stored ones ranked, the rest named
        if refusal is not None and not run.unmeasured and not run.left_out:
            run.on_event(AgentEvent(kind="understood", text="\n".join(settled.trace)))
            return self._code_answer(run, refusal, [])
        calls = self._settle(run, settled)
        run.on_event(AgentEvent(kind="understood", text="\n".join(settled.trace)))
        self._execute(run, calls)
        failures = failure_lines(run.records)
        # A gap only when no search found an article (an unmeasured move is searched both ways).
        found = any(r.name in NEWS_TOOLS and r.sources for r in run.records)
        gaps = (
            [] if found else list(dict.fromkeys(r.output for r in run.records if _no_coverage(r)))
        )
        if not any(not r.error and not _no_coverage(r) for r in run.records):
            said = [line for line in (run.unmeasured, *failures, *gaps) if line]
            return self._code_answer(run, failed_answer(said), failures)
        if run.deadline.expired():
            return self._code_answer(run, f"No answer was written: {run.deadline.reason()}.", [])
        run.corrected = corrections(run.question, self.deps.ledger, run.as_of, settled)
        text = self._write(run, settled)
        text = _without_copy(text, run.corrected.text)  # the model's copy of code's line
        text, verification, removed = self._check(run, text)
        # A reason put in other words than its article's: the article's sentence, quoted.
        text, verification = with_quotes(text, verification, self.deps.ledger)
        removed = [*run.withheld, *removed]
        # Code's words for a market the store lacks: no claim to check, so checked not at all.
        text, verification = opened_with(run.unmeasured, Verification(), text, verification)
        text, verification = opened_with(run.left_out, Verification(), text, verification)
        text, verification = prepend(run.corrected, text, verification)  # code's correction
        notes = [f"Not computed: {f.rstrip('.')}." for f in failures]  # said in the answer
        # (a yes-or-no question's correction has said the event is undated already)
        told = "is not a period code can date" in text
        notes += [run.undated_note] if run.undated_note and not told else []
        if removed and not text.strip():  # an empty answer says what failed
            notes.append(nothing_held_line(run.records))
        shown = [r for r in verification.reasons if r.kind == "reason"]
        news_gap = run.news_gap
        if run.backdrop is not None and not shown:  # "the reasons given come from …": none was
            news_gap = backdrop_line(*run.backdrop, held=False)
        notes += [*gaps, *([news_gap] if news_gap else [])]
        notes += [r.note for r in run.records if r.note]  # e.g. whether articles name a guess
        notes += window_gaps(run.records)  # a window with no observation yet: earlier figures
        withheld_all = bool(run.withheld) and not run.reasons_kept
        if not run.news_gap and (withheld_all or (run.reasons_kept and _unborne(shown))):
            # Articles were read and no reason held up: all withheld, or shown and marked ⚠.
            notes.append(unexplained_line(len(shown), len(run.withheld)))
        notes += self._stale(run)
        if run.deadline.expired():
            notes.append(f"(Cut short: {run.deadline.reason()}.)")
        if notes:  # code's own words about the run, appended after the figures were checked
            text = "\n\n".join([t for t in (text, *notes) if t])
            # A note may cite a source (a guess's mention): it is listed with the cited ones.
            noted = [n for note in notes for n in citations_in(note) if self.deps.ledger.get(n)]
            cited = list(dict.fromkeys([*verification.cited, *noted]))
            verification = verification.model_copy(update={"cited": cited})
        return self._answer(run, text, verification, failures, removed)

    # ---- phases ---------------------------------------------------------------------------

    def _start(
        self, question: str, as_of: date | None, on_event: EventCallback | None,
        cancel: threading.Event | None,
    ) -> _Run:  # fmt: skip
        store = self.deps.market
        # The default as-of is the latest date the priced instruments share (a VIX series that
        # runs months past the prices must not move "this year" past the price data).
        latest = store.latest_common_date(as_of) if store is not None else None
        effective = as_of or self.deps.as_of or latest or date.today()
        self.deps.as_of = effective
        deadline = Deadline(self.deps.settings.answer_deadline_s, cancel)
        return _Run(question.strip(), effective, latest, on_event or (lambda _e: None), deadline)

    def system_message(self) -> ChatMessage:
        """The fixed system prompt: identical for every question, so the local model keeps it
        in its KV cache and never re-reads it."""
        return answer_system()

    def warm_up(self) -> str | None:
        """Have the model hold the system prompt before the question: from memory, from a
        snapshot on disk, or computed (and snapshotted) once. None for remote providers."""
        if isinstance(self.llm, SupportsPrime):
            return self.llm.prime([self.system_message()])
        return None

    def _prime(self, run: _Run) -> None:
        """`warm_up` once per question, just before its first model call — not earlier: a
        model still loading in the background (`LoadingLLM`) is waited for only here, while
        code's own work (understanding, tools, news search) has already run."""
        if "prime" not in run.timings:
            t0 = time.perf_counter()
            self.warm_up()
            run.timings["prime"] = time.perf_counter() - t0

    def _understand(self, run: _Run) -> Understanding:
        t0 = time.perf_counter()
        settled = understand(run.question, run.as_of, self.catalog())
        if run.memory is not None:
            settled = follow_up(settled, run.memory.previous)
        run.understanding = settled
        run.timings["understand"] = time.perf_counter() - t0
        return settled

    def _settle(self, run: _Run, settled: Understanding) -> list[dict[str, Any]]:
        """The tool calls: what code settled, else the model's filling of the open slots, else
        (no market named at all) a news search for the question."""
        budget, most = self.config.news_budget_tokens, self.config.reasons_articles
        if settled.why and settled.instruments and self.deps.market is not None:
            return why_calls(self.deps, settled, budget, most)
        if run.unmeasured:  # nothing stored to measure: the news around the move, by its dates
            return unmeasured_calls(settled, budget, most)
        if self.deps.market is not None and (run_calls := goes_on_calls(self.deps, settled)):
            return run_calls  # "is gold's rally over?": the run and the move since it
        if self.deps.market is not None:
            narrow_loose_window(self.deps, settled)  # "how much did oil fall around Jan 8?"
        calls = [{"tool": MEASURE_TOOL, "args": a.model_dump(mode="json", exclude_none=True)}
                 for a in settled.calls]  # fmt: skip
        compared = compare_call(settled.calls, settled.periods)  # "Q4 vs Q3": both, the change
        calls = [compared] if compared is not None else calls
        if calls and not settled.open_slots:
            return calls
        if (settled.open_slots and self.deps.market is not None and not settled.why
                and not run.deadline.expired()):  # fmt: skip
            filled = self._fill_slots(run, settled)
            if filled:
                return filled
        if calls:
            return calls
        if self.deps.news is not None:
            args = {"query": run.question, "k": self.config.news_k, "until": run.as_of.isoformat()}
            return [{"tool": NEWS_TOOL, "args": args}]
        return []

    def _fill_slots(self, run: _Run, settled: Understanding) -> list[dict[str, Any]]:
        """One constrained call for the slots code left open; a reply that does not fit is
        asked for once more, then the question is answered without it."""
        run.on_event(AgentEvent(kind="phase", name="plan"))
        self._prime(run)
        t0 = time.perf_counter()
        symbols = sorted(self.catalog().stored)
        schema = slot_schema(settled.open_slots, symbols)
        user = prompts.render(
            "slots", as_of=run.as_of, question=run.question, settled=settled_lines(settled),
            open=", ".join(settled.open_slots),
        )  # fmt: skip
        convo: list[ChatMessage] = [self.system_message(), {"role": "user", "content": user}]
        calls: list[MeasureArgs] | None = None
        for _attempt in range(2):
            try:
                response = self.llm.complete(
                    convo, json_schema=schema, max_tokens=self.config.slot_max_tokens
                )
            except CopilotError:
                break  # the model is unreachable: answer from what code settled, if anything
            run.count(response)
            calls = calls_from_slots(settled, response.text)
            if calls is not None:  # the JSON asked for (possibly "no stored symbol fits")
                run.planned_by = "model"
                break
        if calls and settled.undated and "window" in settled.open_slots:
            run.undated_note = guessed_window_note(settled.undated, calls[0])
        run.timings["plan"] = time.perf_counter() - t0
        return [{"tool": MEASURE_TOOL, "args": a.model_dump(mode="json", exclude_none=True)}
                for a in calls or []]  # fmt: skip

    def _execute(self, run: _Run, calls: list[dict[str, Any]]) -> None:
        t0 = time.perf_counter()
        for call in calls:
            name, args = call["tool"], call["args"]
            run.on_event(AgentEvent(kind="tool_started", name=name, arguments=args))
            t1 = time.perf_counter()
            output = run_tool(self.deps, name, args)
            record = ToolCallRecord(
                name=name, arguments=args, output=output.text, error=output.error,
                sources=output.sources, seconds=time.perf_counter() - t1, note=output.note,
            )  # fmt: skip
            run.records.append(record)
            run.on_event(
                AgentEvent(kind="tool_finished", name=name, text=output.text, error=output.error)
            )
        run.timings["tools"] = time.perf_counter() - t0

    def _evidence(self, records: list[ToolCallRecord]) -> str:
        """The tool outputs the model writes from, definitions left out (they stay in the
        Sources: the model copies figures, not definitions) and the whole bounded."""
        blocks = [without_definitions(r.output) for r in records if not r.error]
        text = "\n\n".join(blocks)
        return text[:EVIDENCE_CHARS] if text else "(no evidence: there is no [n] to cite)"

    def _write(self, run: _Run, settled: Understanding) -> str:
        """One streamed answer turn. A why-question with news: code writes the measured move
        (its figures need no model, and the first words come as soon as the tools finish),
        then the model writes only the articles' reasons, one short turn per article."""
        run.on_event(AgentEvent(kind="phase", name="write"))
        t0 = time.perf_counter()
        if run.corrected.text:  # a false premise: the answer opens with code's correction
            self._token(run, run.corrected.text + "\n\n")
        if run.unmeasured:  # a market the store lacks: said next, joined after the check
            self._token(run, run.unmeasured + "\n\n")
        ok = [r for r in run.records if not r.error and (r.sources or r.name not in NEWS_TOOLS)]
        news = [r for r in ok if r.name in NEWS_TOOLS]
        data = [r for r in ok if r.name not in NEWS_TOOLS]
        earlier = run.memory.summary() if run.memory is not None else ""
        premise = " ".join(p for p in (run.corrected.prompt_note(), settled.direction_note) if p)
        common = {"question": run.question, "as_of": run.as_of, "earlier": earlier,
                  "premise": premise}  # fmt: skip
        uncovered = settled.why and any(_no_coverage(r) for r in run.records)
        places = places_asked(run.question)  # "the two best sectors and why": two lines
        most = places if places > 1 else 4
        move = move_paragraph(data, self.deps.ledger, most) if news or uncovered else ""
        # The move's own measure: a ranking or the question's own measure can come first.
        moved = next((r for r in data if r.arguments.get("measure") == "return"), None)
        if move and settled.direction_note and moved is not None and moved.sources:
            # The move ran against the question's word for it: said, citing the measure.
            note = settled.direction_note.rstrip(".")
            move = f"{move}\n\n{note} [{moved.sources[0]}]."
        if move and settled.window_note:  # the window asked could not be dated: said so, its
            # figures citing the measure (uncited, a note on two markets' move lost its subject)
            cite = f" [{moved.sources[0]}]" if moved is not None and moved.sources else ""
            note = f"{settled.window_note.rstrip('.')}{cite}."
            if settled.undated:  # the question's words, said back: their figures are the
                run.undated_note = note  # user's ("the 3 sessions after …"), never checked
            else:
                move = f"{move}\n\n{note}"
        if move and not news:  # no stored article explains the move: code states it and the
            run.move = move  # gap (a note after the check); asked anyway, the model made up
            self._token(run, move)  # causes from the figures ("jumped due to its return")
            run.timings["write"] = time.perf_counter() - t0
            return move
        if move or (news and run.unmeasured):  # code's paragraph(s), then the reasons
            run.move = move
            if move:
                self._token(run, move + "\n\n")
            # The question's word for the move is wrong: the model copied it ("the Treasury
            # selloff … was sparked by" under a rise) with the note beside it, so the reasons
            # turns are asked about the move that happened.
            # A guess in the question ("was it the jobs report…") is not handed to the drafts:
            # it came back as a reason ("stocks rose due to the jobs report"), uncited.
            restate = bool(settled.direction_note or settled.guess)
            written = self._write_reasons(run, news, common, restate)
            run.timings["write"] = time.perf_counter() - t0
            return "\n\n".join(p for p in (move, written) if p)
        sentences, max_tokens = self.config.sentences, self.config.answer_max_tokens
        convo = self._fitted(
            lambda evidence: [self.system_message(), {"role": "user", "content": prompts.render(
                "write", evidence=evidence, sentences=sentences, settled=settled_lines(settled),
                **common)}],
            self._evidence(ok), max_tokens,
        )  # fmt: skip
        written = ""
        if not run.deadline.expired():
            self._prime(run)
            response = self.llm.stream(
                convo, lambda token: self._token(run, token), max_tokens=max_tokens,
                stop_when=_stop_after(sentences, run.deadline),
            )  # fmt: skip
            run.count(response)
            written = without_repeat(response.text).strip()
            convo.append({"role": "assistant", "content": written})
            run.written = tidy(written)
        run.timings["write"] = time.perf_counter() - t0
        run.write_messages = convo
        return written

    def _fitted(
        self, convo_for: Callable[[str], list[ChatMessage]], evidence: str, max_tokens: int
    ) -> list[ChatMessage]:
        """The conversation with the evidence cut, whole lines from its end, until the prompt
        and the reply fit the model's context. Figures are dense in tokens (a digit is one):
        "which fund is closest to its 52-week high?" ranks 31 funds, and its 6,000 characters
        of rows made a prompt of 4,809 tokens for a context of 4,096 (the answer was an error).
        A model that cannot count its tokens gets the evidence as it is."""
        convo = convo_for(evidence)
        model = self.llm.loaded() if isinstance(self.llm, LoadingLLM) else self.llm
        if not isinstance(model, SupportsContext):
            return convo
        lines = evidence.splitlines()
        while len(lines) > 1 and model.count_prompt_tokens(convo) + max_tokens > model.n_ctx:
            lines = lines[: max(1, len(lines) * 4 // 5)]  # a fifth off, from the end
            convo = convo_for("\n".join([*lines, "(… the rest left out: too long to show)"]))
        return convo

    def _write_reasons(
        self, run: _Run, news: list[ToolCallRecord], common: dict[str, Any], restate: bool = False
    ) -> str:
        """The reasons, one short turn per article: each excerpt shown alone with its [n], in
        the tools' rank order, until `news_sentences` reasons hold up. Shown all at once, the
        1.5B model wrote reasons across excerpts ("This indicates …" with no citation, one
        reason cited to two articles); alone, each sentence can only come from its own excerpt.
        Each draft is checked before the reader sees it: one with a figure no source bears out,
        or saying a measured instrument moved the other way, is withheld, listed apart, and the
        next-ranked article read instead. (Reason
        support is judged in the answer's check and marked there: withholding on it cut more
        good reasons near the threshold than invented ones, and key facts fell 0.54 → 0.51 on
        the legacy why-questions.)"""
        wanted = self.config.news_sentences
        ledger = self.deps.ledger
        measured = measured_facts(ledger, [n for record in run.records
                                           if record.name not in NEWS_TOOLS
                                           for n in record.sources])  # fmt: skip
        articles = sheet_articles(news, ledger, max(wanted, self.config.reason_turns), measured,
                                  run.as_of)  # fmt: skip
        if not articles:  # articles were found around the move, but none reports it: the gap
            read = articles_found(news, self.deps.ledger)
            run.news_gap = no_news_line(read)  # code's words: a note, never checked as a reason
            self._token(run, run.news_gap)
            return ""
        if only_the_backdrop(articles, self.deps.ledger):  # said, then their reasons read
            run.backdrop = move_markets(news)
            run.news_gap = backdrop_line(*run.backdrop)
        brief = move_brief(news, measured=any(r.name not in NEWS_TOOLS for r in run.records),
                           backdrop=run.backdrop is not None)  # fmt: skip
        fields = {k: v for k, v in common.items() if k != "earlier"}
        if restate and brief:
            fields["question"] = about_the_move(brief)
        drafts: list[str] = []
        judge = ReasonJudge(ledger, run.as_of, run.question, measured, self._outsider(news),
                            shown=None if restate else fields.get("question"))  # fmt: skip
        kept = judge.kept

        def reason_stop(text: str) -> bool:
            return reason_over(text) or run.deadline.expired()

        reading: list[tuple[int, str]] = []  # the round's (article, excerpt), in rank order
        # An article's second turn, on the causes its first draft did not take (`the_rest`):
        # read in the next round, before the articles ranked below it; once an article.
        rests: list[tuple[int, str]] = []
        rested: set[int] = set()

        def take(index: int, response: LLMResponse) -> None:  # shown once checked, as one piece
            read, excerpt = reading[index]
            run.count(response)
            draft = one_reason(response.text, read)
            if not draft:
                return
            drafts.append(draft)
            if read not in rested:
                rested.add(read)
                if (rest := rest_turn(ledger.get(read), excerpt, draft)) is not None:
                    rests.append((read, rest))
            # One that does not hold up is withheld, listed apart; it and a repeat send the
            # next-ranked article to the next round.
            if not judge.take(draft, read):
                return
            run.timings.setdefault("first_reason", time.perf_counter() - run.started)
            self._token(run, (" " if len(kept) > 1 else "") + draft)

        self._prime(run)
        unread = list(articles)
        # As many articles as reasons still wanted are drafted together (decoded as parallel
        # sequences where the model can: a median 2.1 s less a round); a draft that does not
        # hold up sends the next-ranked article to the next round. The same articles are read
        # as one at a time would read them, and the reasons kept in rank order.
        while (unread or rests) and len(kept) < wanted and not run.deadline.expired():
            unread = rests + unread
            rests.clear()
            early = long_before_the_move(ledger.get(unread[0][0]))
            if early and kept:
                # Read last, an article published two sessions or more before the move reports
                # an earlier day: with a reason kept, it would only add a weak one.
                break
            room = wanted - len(kept)
            batch = [a for a in unread[:room]
                     if long_before_the_move(ledger.get(a[0])) == early]  # fmt: skip
            unread = unread[len(batch) :]
            convos = [reason_messages(n, excerpt, brief or run.move, fields)
                      for n, excerpt in batch]  # fmt: skip
            reading[:] = batch
            in_order = InRankOrder(take)
            answers = complete_each(self.llm, convos, max_tokens=self.config.reason_max_tokens,
                                    stop_when=reason_stop, on_answer=in_order.arrived)  # fmt: skip
            in_order.finish(answers)
        # Every draft is the model's own text (the eval's measure of the writer), kept or not.
        run.written = tidy(" ".join(drafts))
        run.withheld += judge.withheld
        run.reasons_kept = len(kept)
        # No repair turn (run.write_messages stays empty): it would re-read every excerpt to
        # rewrite all the reasons (13 s on the flagship); a reason whose figure does not check
        # is cut and listed apart instead.
        return " ".join(kept)

    def _outsider(self, news: list[ToolCallRecord]) -> Callable[[str], str | None] | None:
        """The listed company a draft gives as its only subject when it is outside the moved
        market's sector (`copilot.answering.company_news`); None without a market store."""
        return outside_companies(self.deps.market, self.catalog, move_markets(news)[0])

    def _stale(self, run: _Run) -> list[str]:
        """A warning for each measured instrument whose data ends well before the as-of date."""
        store = self.deps.market
        if store is None:
            return []
        symbols: list[str] = []
        for record in run.records:
            listed = record.arguments.get("symbols")
            if record.name == MEASURE_TOOL and not record.error and isinstance(listed, list):
                symbols += [str(s) for s in listed]
        sessions = self.deps.settings.stale_after_sessions
        return stale_notes(store, symbols, run.as_of, sessions=sessions)

    def _token(self, run: _Run, token: str) -> None:
        if "first_token" not in run.timings:
            run.timings["first_token"] = time.perf_counter() - run.started
        run.on_event(AgentEvent(kind="token", text=token))

    def _check(self, run: _Run, text: str) -> tuple[str, Verification, list[str]]:
        """Verify; one repair round for unsupported figures; then cut what still fails."""
        checked = time.perf_counter()
        judging = self.judge.seconds if self.judge is not None else 0.0
        text = tidy(text)  # the small model's formatting slips, before any figure is judged
        text, verification = self._verify(run, text)
        run.timings["verify"] = time.perf_counter() - checked
        if self.judge is not None:  # the model's part of the check: reasons read again
            run.timings["judge"] = self.judge.seconds - judging
        repairable = self.config.repair and bool(run.write_messages)  # not per-article reasons
        if repairable and _unsupported(verification) and not run.deadline.expired():
            text, verification = self._repair(run, text, verification)
        text, removed = prune_unsupported(text, verification.numbers, verification.reasons)
        if removed and not text:  # nothing the model wrote held up: the tools' own lines
            text = headline(run.records, run.question)
        if removed:
            text, verification = self._verify(run, text)
        why = run.understanding is not None and run.understanding.why
        # The main figure or the instrument left out: code's line leads.
        text, verification, cut = lead_answer(
            text, verification, run.records, why, self.deps.ledger, run.as_of, run.question,
            self.judge,
        )  # fmt: skip
        return text, verification, [*removed, *cut]

    def _verify(self, run: _Run, text: str) -> tuple[str, Verification]:
        return verify_answer(text, self.deps.ledger, run.as_of, run.question, judge=self.judge)

    def _repair(self, run: _Run, text: str, verification: Verification) -> tuple[str, Verification]:
        """One round asking the model to drop figures that trace to nothing; kept if better.
        A repair call that fails keeps the answer the user already watched stream."""
        run.on_event(AgentEvent(kind="phase", name="repair"))
        t0 = time.perf_counter()
        unverified = ", ".join(n.text for n in verification.numbers if n.status in UNSUPPORTED)
        convo: list[ChatMessage] = [
            *run.write_messages,
            {"role": "user", "content": prompts.render("repair", unverified=unverified)},
        ]
        try:
            response = self.llm.complete(convo, max_tokens=self.config.answer_max_tokens)
        except CopilotError:
            run.timings["repair"] = time.perf_counter() - t0
            return text, verification
        run.count(response)
        run.timings["repair"] = time.perf_counter() - t0
        repaired = "\n\n".join(p for p in (run.move, tidy(response.text.strip())) if p)
        fixed, fixed_check = self._verify(run, repaired)
        # Better means fewer unsupported figures, still cited, and no citation newly made up.
        fewer = len(_unsupported(fixed_check)) < len(_unsupported(verification))
        no_new_bad = len(fixed_check.invalid_citations) <= len(verification.invalid_citations)
        if fewer and fixed_check.cited and no_new_bad:
            fixed_check.repaired = True
            run.written = tidy(response.text.strip())
            return fixed, fixed_check
        return text, verification

    # ---- results --------------------------------------------------------------------------

    def _code_answer(self, run: _Run, text: str, failures: list[str]) -> Answer:
        """An answer code wrote (nothing could be measured): streamed like any other."""
        run.on_event(AgentEvent(kind="phase", name="write"))
        self._token(run, text)
        if not citations_in(text):  # code's own words about the store (dates it knows), no
            return self._answer(run, text, Verification(), failures, [])  # figure to check
        text, verification = self._verify(run, text)
        return self._answer(run, text, verification, failures, [])

    def _answer(
        self, run: _Run, text: str, verification: Verification, failures: list[str],
        removed: list[str],
    ) -> Answer:  # fmt: skip
        run.timings["total"] = time.perf_counter() - run.started
        trace = run.understanding.trace if run.understanding else []
        if run.memory is not None:
            run.memory.remember(run.question, run.understanding, text)
        return Answer(
            question=run.question, as_of=run.as_of, data_latest=run.data_latest, text=text,
            sources=dict(self.deps.ledger.items()), verification=verification,
            tool_calls=run.records, model=self.llm.model_id, mode=self.mode,
            timings=run.timings, tokens={**run.tokens, "llm_calls": run.llm_calls},
            planned_by=run.planned_by, understanding=trace, failures=failures, removed=removed,
            premises=run.corrected.checks, written=run.written,
        )  # fmt: skip


def _stop_after(sentences: int, deadline: Deadline) -> StopWhen:
    """Stop a streamed turn after its sentences, when it starts repeating itself, or at once
    when the deadline passes."""
    enough = after_sentences(sentences)
    return lambda text: enough(text) or looping(text) or deadline.expired()


def _unborne(reasons: list[ReasonCheck]) -> bool:
    """Reasons are shown and the answer's check bears out none of them (each marked ⚠)."""
    return bool(reasons) and all(r.status != "supported" for r in reasons)


def _no_coverage(record: ToolCallRecord) -> bool:
    """A news search that found nothing about the move: the answer says so, in code's words."""
    return record.name in NEWS_TOOLS and not record.error and not record.sources


def _unsupported(verification: Verification) -> list[Any]:
    return [n for n in verification.numbers if n.status in UNSUPPORTED]
