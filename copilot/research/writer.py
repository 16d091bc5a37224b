"""Writing: one short model call per section, then one revision round for unverified figures.

Every call is `[fixed system prompt, evidence + task]`: the system prompt and the evidence are
the same for every section, so the local model keeps them in its KV cache and reads only the
task. The budget is checked before each call; a spent budget stops the writing.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Literal

from copilot import prompts
from copilot.llm.base import LLM, ChatMessage, LLMResponse, StopWhen, complete_each
from copilot.llm.json_output import ModelOutputError
from copilot.research.budget import BudgetExhausted, BudgetTracker
from copilot.research.executor import sha256_json
from copilot.research.models import LLMCallRecord, ResearchCallback, ResearchEvent, StepRecord
from copilot.research.sections import SectionSpec, assemble_section
from copilot.sources import SourceLedger
from copilot.tools.market_support import without_definitions

EVIDENCE_CHARS = 6500
BLOCK_CHARS = 1600
# The drivers sheet (several articles' excerpts) gets room for its articles; it and the measured
# move go first, so the model's own extra steps cannot push the why-evidence out.
BLOCK_CHARS_BY_TOOL = {"news_drivers": 3800}
FIRST_TOOLS = ("measure", "news_drivers")


def evidence_text(steps: list[StepRecord], notes: list[str] | None = None) -> str:
    """The successful steps' outputs as numbered evidence, cut to fit a small context; code's
    `notes` on the topic's premise first ("GLD did not fall …: it rose [1].")."""
    blocks: list[str] = [f"Note: {note}" for note in notes or []]
    total = sum(len(block) for block in blocks)
    ordered = sorted(steps, key=lambda s: s.tool not in FIRST_TOOLS)
    for step in ordered:
        gap = step.tool == "news_drivers" and bool(step.data.get("no_coverage"))
        if step.status != "ok" or not (step.sources or gap):  # a gap is evidence too: said
            continue
        most = BLOCK_CHARS_BY_TOOL.get(step.tool, BLOCK_CHARS)
        output = without_definitions(step.output)  # the References keep them
        block = output if len(output) <= most else output[:most] + " …"
        if total + len(block) > EVIDENCE_CHARS:
            continue  # a shorter block further on may still fit
        blocks.append(block)
        total += len(block)
    return "\n\n".join(blocks) if blocks else "(no evidence was found)"


class SectionWriter:
    def __init__(
        self,
        llm: LLM,
        system: ChatMessage,
        budget: BudgetTracker,
        on_event: ResearchCallback,
        calls: list[LLMCallRecord],
    ) -> None:
        self.llm = llm
        self.system = system
        self.budget = budget
        self.on_event = on_event
        self.calls = calls

    def call(
        self,
        section: str,
        purpose: Literal["plan", "draft", "revision"],
        messages: list[ChatMessage],
        spec: SectionSpec | None,
        schema: dict[str, object] | None = None,
        max_tokens: int = 200,
    ) -> LLMResponse:
        """One model call under the budget (raises BudgetExhausted before it when spent)."""
        self.budget.before_llm_call()
        limit = self.budget.max_tokens_for(max_tokens)
        if schema is None and spec is not None and spec.json_schema is not None:
            schema = spec.json_schema
        if schema is not None:
            try:
                response = self.llm.complete(messages, json_schema=schema, max_tokens=limit)
            except ModelOutputError as exc:  # e.g. JSON cut off at max_tokens: nothing usable
                self.on_event(ResearchEvent(kind="phase", name="unusable", detail=str(exc)[:200]))
                response = LLMResponse(text="", model=self.llm.model_id, completion_tokens=limit)
        else:
            emit = self.on_event
            response = self.llm.stream(
                messages, lambda t: emit(ResearchEvent(kind="token", name=section, detail=t)),
                max_tokens=limit,
            )  # fmt: skip
        self.budget.count(response)
        self.calls.append(LLMCallRecord(
            section=section, purpose=purpose,
            prompt_sha256=sha256_json(messages), output=response.text,
            prompt_tokens=response.prompt_tokens, completion_tokens=response.completion_tokens,
            seconds=response.seconds,
        ))  # fmt: skip
        return response

    def call_each(
        self, keyed: list[tuple[str, list[ChatMessage]]], max_tokens: int, stop_when: StopWhen
    ) -> list[LLMResponse]:
        """One draft per (section key, messages), decoded together where the model can; each
        counted and recorded as its own call. The caller sizes the batch to the calls left
        (`BudgetTracker.calls_left`)."""
        self.budget.before_llm_call()
        if len(keyed) > self.budget.calls_left():
            raise BudgetExhausted(f"{self.budget.budget.max_llm_calls} LLM calls")
        limit = self.budget.max_tokens_for(max_tokens)
        answers = complete_each(self.llm, [messages for _, messages in keyed],
                                max_tokens=limit, stop_when=stop_when)  # fmt: skip
        for (key, messages), response in zip(keyed, answers, strict=True):
            self.budget.count(response)
            self.calls.append(LLMCallRecord(
                section=key, purpose="draft", prompt_sha256=sha256_json(messages),
                output=response.text, prompt_tokens=response.prompt_tokens,
                completion_tokens=response.completion_tokens, seconds=response.seconds,
            ))  # fmt: skip
        return answers

    def write(
        self, specs: list[SectionSpec], topic: str, as_of: date, evidence: str,
        ledger: SourceLedger,
    ) -> str | None:  # fmt: skip
        """Draft every section, then revise those with unverified figures. Returns why the
        budget stopped the drafting (None when every section was written)."""
        drafts: dict[str, tuple[list[ChatMessage], str]] = {}
        for spec in specs:
            if spec.by_code:
                continue
            self.on_event(ResearchEvent(kind="section_started", name=spec.key, detail=spec.title))
            prefix = prompts.render(
                "research_evidence",
                topic=topic,
                as_of=as_of,
                evidence=evidence if spec.evidence is None else spec.evidence,
            )
            messages: list[ChatMessage] = [
                self.system,
                {"role": "user", "content": f"{prefix}\n{spec.task()}"},
            ]
            t0 = time.perf_counter()
            try:
                response = self.call(spec.key, "draft", messages, spec, max_tokens=spec.max_tokens)
            except BudgetExhausted as exc:
                self.on_event(ResearchEvent(kind="budget_stop", name=spec.key, detail=str(exc)))
                return str(exc)
            drafts[spec.key] = (messages, response.text)
            self.on_event(ResearchEvent(
                kind="section_finished", name=spec.key,
                detail=f"{response.completion_tokens} tokens, {time.perf_counter() - t0:.1f} s",
            ))  # fmt: skip
        self._revise(specs, drafts, topic, as_of, ledger)
        return None

    def _revise(
        self, specs: list[SectionSpec], drafts: dict[str, tuple[list[ChatMessage], str]],
        topic: str, as_of: date, ledger: SourceLedger,
    ) -> None:  # fmt: skip
        for spec in specs:
            if spec.key not in drafts:  # written by code
                continue
            messages, draft = drafts[spec.key]
            result = assemble_section(spec, draft, None, ledger, as_of, topic)
            if not result.unverified:
                continue
            self.on_event(ResearchEvent(kind="phase", name="revise", detail=spec.key))
            unverified = ", ".join(dict.fromkeys(n.text for n in result.unverified))
            convo: list[ChatMessage] = [
                *messages,
                {"role": "assistant", "content": draft},
                {
                    "role": "user",
                    "content": prompts.render("research_revise", unverified=unverified),
                },
            ]
            try:
                self.call(spec.key, "revision", convo, spec, max_tokens=spec.max_tokens)
            except BudgetExhausted as exc:
                self.on_event(ResearchEvent(kind="budget_stop", name=spec.key, detail=str(exc)))
                return
