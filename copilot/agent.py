"""The answer engine: plan → execute → write → verify, on the same tools the model can call.

Why a pipeline rather than a free tool loop: with the embedded 1.5B model, prompt processing
and decoding on 2 cores dominate, so the model is asked as little as possible — once for a JSON
plan (grammar-constrained, so it is always well-formed; skipped for the one question shape code
can plan, see `copilot.quick_plan`), then to write, stopped after the sentences it was asked
for. Every prompt shares the system prefix, which llama.cpp keeps in its KV cache.
`copilot.agent_langchain` runs the same tools through LangChain's `create_agent`;
`benchmarks/results/eval_agent.md` compares the two.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from copilot import prompts
from copilot.answer import AgentEvent, Answer, EventCallback, ToolCallRecord, Verification
from copilot.errors import UnknownSymbolError
from copilot.llm.base import LLM, ChatMessage, LLMResponse, SupportsPrime
from copilot.market.symbols import lookup, resolve_concept, sector_symbols
from copilot.numbers import Number, find_dates, on_or_before
from copilot.plan_checks import align_with_question, usable_symbols
from copilot.quick_plan import quick_plan
from copilot.sentences import after_sentences
from copilot.tools import TOOLS, ToolDeps, run_tool
from copilot.tools.market_support import normalize_symbol
from copilot.verify import verify_answer

WHY = re.compile(
    r"\b(why|what drove|reason|behind|explain|cause|driv(?:e|es|ing)|react(?:ed|ion)?|"
    r"happen(?:ed)?)\b",
    re.I,
)
_COMPARES = re.compile(r"\b(beat|versus|vs\.?|compared|outperform\w*|underperform\w*|than)\b", re.I)
NEWS_TOOL = "search_news"
_WINDOW = re.compile(r"\b((\d+)[- ](?:day|session|trading-day))s?\b", re.I)


@dataclass
class AgentConfig:
    max_tool_calls: int = 5
    sentences: int = 4  # asked for, and where the answer is stopped (copilot.sentences)
    data_sentences: int = 2  # a two-part answer: market data first, then the news's reasons
    news_sentences: int = 2
    quick_plan: bool = True  # plan "why did X move?" in code (see copilot.quick_plan)
    news_k: int = 3
    news_days: int = 21  # a "why" question looks at news from this many days before as-of
    repair: bool = True
    plan_max_tokens: int = 220
    answer_max_tokens: int = 320


@dataclass
class _Run:
    question: str
    as_of: date
    data_latest: date | None
    on_event: EventCallback
    started: float = field(default_factory=time.perf_counter)
    planned_by: str = "model"
    records: list[ToolCallRecord] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    tokens: dict[str, int] = field(default_factory=lambda: {"prompt": 0, "completion": 0})
    llm_calls: int = 0
    write_messages: list[ChatMessage] = field(default_factory=list)  # kept for the repair turn

    def count(self, response: LLMResponse) -> None:
        self.tokens["prompt"] += response.prompt_tokens
        self.tokens["completion"] += response.completion_tokens
        self.llm_calls += 1


def tool_menu(names: list[str]) -> str:
    """One line per tool: name(arguments) - what it does. Short: the model reads every token."""
    lines = []
    for name in names:
        spec = TOOLS[name]
        schema = spec.args_model.model_json_schema()
        required = set(schema.get("required", []))
        args = ", ".join(a if a in required else f"{a}?" for a in schema.get("properties", {}))
        summary = spec.description.split(". ")[0].splitlines()[0].rstrip(".")
        lines.append(f"- {name}({args}): {summary}")
    return "\n".join(lines)


def plan_schema(names: list[str], max_calls: int) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "calls": {
                "type": "array",
                "maxItems": max_calls,
                "items": {
                    "type": "object",
                    "properties": {"tool": {"enum": names}, "args": {"type": "object"}},
                    "required": ["tool", "args"],
                },
            }
        },
        "required": ["calls"],
    }


def concept_hints(deps: ToolDeps, question: str, as_of: date | None = None) -> str:
    """What the question's words mean in stored symbols, and the dates it names."""
    parts = []
    named = resolve_concept(question)
    for symbol in usable_symbols(deps.market, named, as_of) if deps.market is not None else []:
        info = lookup(symbol)
        parts.append(f"{symbol} = {info.represents if info else symbol}")
    # The benchmark only where the question compares or explains: beside "the S&P 500 index"
    # it would offer the 1.5B model the ETF in place of the index.
    compares = WHY.search(question) or _COMPARES.search(question)
    if parts and compares and "SPY" not in {p.split(" ")[0] for p in parts}:
        parts.append("SPY = S&P 500 benchmark")
    # Written out in full: "December 31" in a January question otherwise comes back as the
    # wrong year from a 1.5B model.
    dates = [_dated(d, as_of) for d in find_dates(question)]
    if dates:
        parts.append("dates mentioned: " + ", ".join(dates))
    # "200-day average" is a window of 200 sessions: a small model otherwise guesses one.
    parts += [f"{m[0]} = {m[1]} sessions" for m in _WINDOW.findall(question)]
    return "; ".join(parts)


def _dated(found: Number, as_of: date | None) -> str:
    day = on_or_before(found, as_of) if as_of else found.day
    return (
        f"{found.text} = {day.isoformat()}" if day and day.isoformat() != found.text else found.text
    )


class Copilot:
    """Answers questions with cited, verified figures."""

    mode = "pipeline"

    def __init__(self, deps: ToolDeps, llm: LLM, config: AgentConfig | None = None) -> None:
        self.deps = deps
        self.llm = llm
        self.config = config or AgentConfig()

    def tool_names(self) -> list[str]:
        names = [n for n in TOOLS if n != "find_symbols"]
        return [n for n in names if n != NEWS_TOOL or self.deps.news is not None]

    def ask(
        self, question: str, as_of: date | None = None, on_event: EventCallback | None = None
    ) -> Answer:
        run = self._start(question, as_of, on_event)
        started = run.started
        primed = time.perf_counter()
        self.warm_up()
        run.timings["prime"] = time.perf_counter() - primed
        quick = self._quick_plan(run)
        if quick is not None:
            messages: list[ChatMessage] = [self.system_message()]
            calls = quick
        else:
            messages, calls = self._plan(run)
        self._execute(run, calls)
        text = self._write(run, messages)
        checked = time.perf_counter()
        text, verification = verify_answer(text, self.deps.ledger, run.as_of, question)
        run.timings["verify"] = time.perf_counter() - checked
        if self.config.repair and verification.unverified:
            text, verification = self._repair(run, text, verification)
        run.timings["total"] = time.perf_counter() - started
        return Answer(
            question=question, as_of=run.as_of, data_latest=run.data_latest, text=text,
            sources=dict(self.deps.ledger.items()), verification=verification,
            tool_calls=run.records, model=self.llm.model_id, mode=self.mode,
            timings=run.timings, tokens={**run.tokens, "llm_calls": run.llm_calls},
            planned_by=run.planned_by,
        )  # fmt: skip

    # ---- phases ---------------------------------------------------------------------------

    def _start(self, question: str, as_of: date | None, on_event: EventCallback | None) -> _Run:
        store = self.deps.market
        latest = store.latest_date(as_of) if store is not None else None
        effective = as_of or self.deps.as_of or latest or date.today()
        self.deps.as_of = effective
        return _Run(question.strip(), effective, latest, on_event or (lambda _event: None))

    def system_message(self) -> ChatMessage:
        """The fixed system prompt (rules + tool menu): identical for every question, so the
        local model keeps it in its KV cache and never re-reads it."""
        text = prompts.render(
            "system", tools=tool_menu(self.tool_names()), max_calls=self.config.max_tool_calls
        )
        return {"role": "system", "content": text}

    def warm_up(self) -> str | None:
        """Have the model hold the system prompt before the question: from memory, from a
        snapshot on disk, or computed (and snapshotted) once. None for remote providers."""
        if isinstance(self.llm, SupportsPrime):
            return self.llm.prime([self.system_message()])
        return None

    def _quick_plan(self, run: _Run) -> list[dict[str, Any]] | None:
        """The code-made plan for "why did X move?", or None (then the model plans)."""
        store = self.deps.market
        if not self.config.quick_plan or store is None:
            return None
        priced = [s for s in store.stored_symbols() if store.table_of(s) == "bars"]
        t0 = time.perf_counter()
        calls = quick_plan(run.question, run.as_of, priced, self.deps.news is not None,
                           self.config.news_days)  # fmt: skip
        if calls is None:
            return None
        run.on_event(AgentEvent(kind="phase", name="plan", text="quick"))
        run.planned_by = "rules"
        calls = self._with_safeguards(run, calls)
        run.timings["plan"] = time.perf_counter() - t0
        return calls

    def _plan(self, run: _Run) -> tuple[list[ChatMessage], list[dict[str, Any]]]:
        """Ask for the JSON plan. Returns the conversation so far — the write turn extends it, so
        the plan's tokens stay in the local model's KV cache — and the validated calls."""
        run.on_event(AgentEvent(kind="phase", name="plan"))
        t0 = time.perf_counter()
        names = self.tool_names()
        user = prompts.render(
            "plan", as_of=run.as_of, data_latest=run.data_latest,
            hints=concept_hints(self.deps, run.question, run.as_of), question=run.question,
        )  # fmt: skip
        convo: list[ChatMessage] = [self.system_message(), {"role": "user", "content": user}]
        schema = plan_schema(names, self.config.max_tool_calls)
        limit = self.config.plan_max_tokens
        response = self.llm.complete(convo, json_schema=schema, max_tokens=limit)
        run.count(response)
        calls, errors = self._parse_plan(response.text)
        if errors:  # a malformed plan executes nothing and goes back to the model once
            convo += [
                {"role": "assistant", "content": response.text},
                {"role": "user", "content": prompts.render("plan_fix", errors="\n".join(errors))},
            ]
            response = self.llm.complete(convo, json_schema=schema, max_tokens=limit)
            run.count(response)
            calls, errors = self._parse_plan(response.text)
        calls = [c for c in calls if c.get("_ok")]
        convo.append({"role": "assistant", "content": response.text})
        run.timings["plan"] = time.perf_counter() - t0
        return convo, self._with_safeguards(run, calls)

    def _parse_plan(self, text: str) -> tuple[list[dict[str, Any]], list[str]]:
        """Plan JSON → calls; each call is validated against its tool's argument model."""
        try:
            payload = json.loads(text)
            raw_calls = payload["calls"] if isinstance(payload, dict) else payload
            assert isinstance(raw_calls, list)
        except (ValueError, KeyError, AssertionError):
            return [], [f'the plan is not JSON of the form {{"calls": [...]}}: {text[:200]!r}']
        calls: list[dict[str, Any]] = []
        errors: list[str] = []
        for raw in raw_calls[: self.config.max_tool_calls]:
            name = raw.get("tool") if isinstance(raw, dict) else None
            args = raw.get("args", {}) if isinstance(raw, dict) else {}
            if name not in TOOLS or not isinstance(args, dict):
                errors.append(f"{raw!r}: unknown tool or arguments not an object")
                continue
            problem = _validation_problem(name, args) or self._unknown_symbol(args)
            if problem:
                errors.append(f"{name}({json.dumps(args)}): {problem}")
                calls.append({"tool": name, "args": args, "_ok": False})
            else:
                calls.append({"tool": name, "args": args, "_ok": True})
        return calls, errors

    def _unknown_symbol(self, args: dict[str, Any]) -> str | None:
        """A symbol the store cannot resolve (a stock ticker the data lacks) goes back to the
        model with the list of stored ones, rather than running into an error."""
        if self.deps.market is None:
            return None
        for key in ("symbol", "versus"):
            if isinstance(args.get(key), str):
                try:
                    normalize_symbol(self.deps, args[key])
                except UnknownSymbolError as exc:
                    return f"{key}: {exc}"
        return None

    def _with_safeguards(self, run: _Run, calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Correct what the question settles, ensure a why-question reads the news, keep the
        cap."""
        calls = align_with_question(calls, run.question, run.as_of, self.deps.market)
        names = {c["tool"] for c in calls}
        if self.deps.news is not None and NEWS_TOOL not in names and WHY.search(run.question):
            since = run.as_of - timedelta(days=self.config.news_days)
            args = {"query": run.question, "k": self.config.news_k, "since": since.isoformat(),
                    "until": run.as_of.isoformat()}  # fmt: skip
            calls.append({"tool": NEWS_TOOL, "args": args, "_ok": True})
        sectors = [s for s in resolve_concept(run.question) if s in sector_symbols()]
        for call in calls:
            if call["tool"] == NEWS_TOOL:
                call["args"].setdefault("k", self.config.news_k)
            if call["tool"] == "sector_returns" and len(sectors) == 1:
                call["args"].setdefault("focus", sectors[0])  # its rank, said up front
        return calls[: self.config.max_tool_calls + 1]

    def _execute(self, run: _Run, calls: list[dict[str, Any]]) -> None:
        t0 = time.perf_counter()
        for call in calls:
            name, args = call["tool"], call["args"]
            run.on_event(AgentEvent(kind="tool_started", name=name, arguments=args))
            t1 = time.perf_counter()
            output = run_tool(self.deps, name, args)
            record = ToolCallRecord(
                name=name, arguments=args, output=output.text, error=output.error,
                sources=output.sources, seconds=time.perf_counter() - t1,
            )  # fmt: skip
            run.records.append(record)
            run.on_event(
                AgentEvent(kind="tool_finished", name=name, text=output.text, error=output.error)
            )
        run.timings["tools"] = time.perf_counter() - t0

    def _evidence(self, records: list[ToolCallRecord]) -> str:
        """The tool outputs the model writes from. Metric definitions stay in the Sources (the
        user sees them; the verifier reads them) but are left out here: the model copies
        figures, not definitions, and every token read costs ~20 ms on 2 cores."""
        blocks = ["\n".join(line for line in r.output.splitlines()
                            if not line.startswith("Definition:"))
                  for r in records if not r.error]  # fmt: skip
        # Said plainly: given nothing, the model otherwise cites a [1] that does not exist.
        return "\n\n".join(blocks) if blocks else "(no evidence was found: there is no [n] to cite)"

    def _write(self, run: _Run, messages: list[ChatMessage]) -> str:
        """One answer turn; or, for the code-made why-plan (market data and news), two: the
        data part first (its evidence is short, so the first words come seconds after the
        tools), then the news part, whose articles are read while the reader reads part one.
        (The two-part turn is kept to that plan: after a model-made plan, whose conversation
        already differs, the 1.5B model wrote better answers in one turn.)"""
        run.on_event(AgentEvent(kind="phase", name="write"))
        t0 = time.perf_counter()
        ok = [r for r in run.records if not r.error]
        news = [r for r in ok if r.name == NEWS_TOOL]
        data = [r for r in ok if r.name != NEWS_TOOL]
        intro = run.planned_by == "rules"  # no plan turn: the write prompt says what day it is
        common = {"question": run.question, "as_of": run.as_of, "data_latest": run.data_latest,
                  "intro": intro}  # fmt: skip
        if news and data and run.planned_by == "rules":
            outline, sentences = _outline(data, self.config.data_sentences)
            turns = [
                (prompts.render("write_data", evidence=self._evidence(data),
                                sentences=sentences, outline=outline, **common),
                 sentences),
                (prompts.render("write_news", evidence=self._evidence(news),
                                sentences=self.config.news_sentences),
                 self.config.news_sentences),
            ]  # fmt: skip
        else:
            turns = [
                (prompts.render("write", evidence=self._evidence(run.records),
                                sentences=self.config.sentences, **common),
                 self.config.sentences)
            ]  # fmt: skip
        convo = list(messages)
        parts: list[str] = []
        for user, sentences in turns:
            if parts:
                run.on_event(AgentEvent(kind="token", text="\n\n"))
            convo.append({"role": "user", "content": user})
            response = self.llm.stream(
                convo, lambda token: self._token(run, token),
                max_tokens=self.config.answer_max_tokens, stop_when=after_sentences(sentences),
            )  # fmt: skip
            run.count(response)
            convo.append({"role": "assistant", "content": response.text})
            parts.append(response.text.strip())
        run.timings["write"] = time.perf_counter() - t0
        run.write_messages = convo
        return "\n\n".join(p for p in parts if p)

    def _token(self, run: _Run, token: str) -> None:
        if "first_token" not in run.timings:
            run.timings["first_token"] = time.perf_counter() - run.started
        run.on_event(AgentEvent(kind="token", text=token))

    def _repair(self, run: _Run, text: str, verification: Verification) -> tuple[str, Verification]:
        """One round asking the model to drop figures that trace to nothing; kept if better."""
        run.on_event(AgentEvent(kind="phase", name="repair"))
        t0 = time.perf_counter()
        unverified = ", ".join(n.text for n in verification.unverified)
        convo: list[ChatMessage] = [
            *run.write_messages,
            {"role": "user", "content": prompts.render("repair", unverified=unverified)},
        ]
        response = self.llm.complete(convo, max_tokens=self.config.answer_max_tokens)
        run.count(response)
        run.timings["repair"] = time.perf_counter() - t0
        fixed, fixed_check = verify_answer(
            response.text.strip(), self.deps.ledger, run.as_of, run.question
        )
        # Better means fewer untraced figures, still cited, and no citation newly made up.
        fewer = len(fixed_check.unverified) < len(verification.unverified)
        no_new_bad = len(fixed_check.invalid_citations) <= len(verification.invalid_citations)
        if fewer and fixed_check.cited and no_new_bad:
            fixed_check.repaired = True
            return fixed, fixed_check
        return text, verification


# What a sentence about each tool's blocks is about, for the data part's outline.
_TOPICS = {"price_return": "the returns", "ytd_return": "the returns",
           "streak": "the streak", "sector_returns": "the sectors",
           "yield_change": "the yields"}  # fmt: skip


def _outline(records: list[ToolCallRecord], default: int) -> tuple[str, int]:
    """ "one sentence on the returns [1] [2], one on the run of sessions [3]": a small model
    asked for two sentences about three blocks otherwise spends both on the first two."""
    groups: dict[str, list[int]] = {}
    for record in records:
        groups.setdefault(_TOPICS.get(record.name, record.name), []).extend(record.sources)
    if not 1 < len(groups) <= default + 1 or not all(groups.values()):
        return "", default
    parts = [f"one sentence on {topic} {' '.join(f'[{n}]' for n in ns)}"
             for topic, ns in groups.items()]  # fmt: skip
    return ", ".join(parts), len(groups)


def _validation_problem(name: str, args: dict[str, Any]) -> str | None:
    from pydantic import ValidationError

    try:
        TOOLS[name].args_model.model_validate(args)
    except ValidationError as exc:
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return None
