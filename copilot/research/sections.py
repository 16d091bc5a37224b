"""The model-written parts of a report: what each asks, its output format, how it is checked.

A section's output is a dict of fields (strings or lists of strings). Prose sections have one
field, `text`; JSON sections (header, insights) are grammar-constrained. Every string is checked
with `verify_answer`; unverified figures are marked where they stand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from copilot import prompts
from copilot.answer import FLAGGED, NumberCheck, ReasonCheck, Verification
from copilot.claims.cause_judge import CauseJudge
from copilot.claims.extract import citations_in
from copilot.news.present import without_fence_labels
from copilot.safety import LinkPolicy
from copilot.safety.answers import source_urls
from copilot.sources import SourceLedger
from copilot.verify import verify_answer

Fields = dict[str, str | list[str]]
UNCITED_FIELDS = ("title", "tags", "market")
SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+(?:\s*,\s*\d+)*\])*(?=\s|$)")
CITATION = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
UNVERIFIED_MARK = " _(unverified)_"
CONTRADICTED_MARK = " _(contradicted)_"
SENTIMENTS = ("positive", "negative", "neutral")

# String lengths are capped in the grammar: an unbounded field can run the JSON past
# max_tokens, and a cut-off header is unusable (seen with the embedded model).
HEADER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "maxLength": 100},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 30},
                 "minItems": 1, "maxItems": 5},
        "market": {"type": "string", "maxLength": 40},
        "sentiment": {"enum": list(SENTIMENTS)},
        "reason": {"type": "string", "maxLength": 240},
    },
    "required": ["title", "tags", "market", "sentiment", "reason"],
}  # fmt: skip


def _items(most: int) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "minItems": 1,
            "maxItems": most}  # fmt: skip


INSIGHTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"insights": _items(3)},
    "required": ["insights"],
}
RISKS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"risks": _items(2), "opportunities": _items(2)},
    "required": ["risks", "opportunities"],
}


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    prompt: str
    variables: dict[str, Any] = field(default_factory=dict)
    json_schema: dict[str, Any] | None = None
    max_tokens: int = 200
    # The section's own evidence, in place of the report's (the summary of a move's reasons).
    evidence: str | None = None
    # Code's lines that open the section before the model's text: the tool's figures copied
    # exactly, so they are not counted among the model's figures.
    opening: str = ""

    @property
    def by_code(self) -> bool:
        """Written by code alone (its `opening`): the model is not asked."""
        return bool(self.opening) and not self.prompt

    def task(self) -> str:
        return prompts.render(self.prompt, **self.variables)


def section_specs(
    sub_questions: list[str], analysis_focus: str, summary: SectionSpec | None = None
) -> list[SectionSpec]:
    """The report's model-written parts in writing order (one model call each). A `summary`
    with evidence of its own is written last, so the sections sharing the report's evidence
    are written one after another (the model keeps that prefix cached)."""
    specs = [
        SectionSpec("header", "Header", "research_header", json_schema=HEADER_SCHEMA,
                    max_tokens=240),
    ]  # fmt: skip
    if summary is None:
        specs.append(SectionSpec("summary", "Executive Summary", "research_summary",
                                 {"sentences": "3 to 4"}, max_tokens=200))  # fmt: skip
    for i, question in enumerate(sub_questions, start=1):
        variables = {"sentences": "2 to 3", "focus": analysis_focus, "sub_question": question}
        specs.append(SectionSpec(f"analysis:{i}", question, "research_analysis", variables,
                                 max_tokens=200))  # fmt: skip
    specs += [
        SectionSpec("insights", "Key Insights", "research_insights",
                    json_schema=INSIGHTS_SCHEMA, max_tokens=220),
        SectionSpec("risks", "Risks and Opportunities", "research_risks",
                    json_schema=RISKS_SCHEMA, max_tokens=240),
    ]  # fmt: skip
    # The Time Sensitivity Assessment is code's (`copilot.research.freshness`).
    return specs if summary is None else [*specs, summary]


def complete_sentences(text: str) -> str:
    """`text` without a trailing fragment cut off by the token cap (kept if it is all there is)."""
    text = text.strip()
    if not text or text[-1] in ".!?)]\"'”":
        return text
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    return text[: ends[-1]].strip() if ends else text


def parse_fields(spec: SectionSpec, raw: str | None) -> Fields | None:
    """The output's fields, or None when there is none or it is not the JSON asked for."""
    if raw is None:
        return None
    if spec.json_schema is None:
        text = complete_sentences(raw)
        return {"text": text} if text else None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    fields: Fields = {}
    seen: set[str] = set()  # the small model repeats items across lists: keep the first
    for name in spec.json_schema["properties"]:
        value = data.get(name)
        if isinstance(value, list):
            kept: list[str] = []
            for item in (str(v).strip() for v in value):
                if item and item.casefold() not in seen:
                    seen.add(item.casefold())
                    kept.append(item)
            fields[name] = kept
        elif value is not None:
            fields[name] = str(value).strip()
    return fields


class SectionResult(BaseModel):
    key: str
    title: str
    written: bool = False
    fields: dict[str, str | list[str]] = Field(default_factory=dict)
    numbers: list[NumberCheck] = Field(default_factory=list)
    cited: list[int] = Field(default_factory=list)
    invalid_citations: list[int] = Field(default_factory=list)
    revised: bool = False
    attempted: bool = Field(False, description="The model was asked (its output may be unusable).")
    withheld: list[str] = Field(
        default_factory=list, description="Drafted reasons that did not hold up (drivers only)."
    )
    reasons: list[ReasonCheck] = Field(
        default_factory=list, description="Each field item's reason check (drivers only)."
    )

    @property
    def unverified(self) -> list[NumberCheck]:
        return [n for n in self.numbers if n.status in FLAGGED]

    @property
    def unsupported_reasons(self) -> set[str]:
        """The reason sentences (drivers) whose article does not support them."""
        return {r.text.strip() for r in self.reasons if r.status == "unsupported"}


def mark(text: str, verification: Verification) -> str:
    """`text` with each unverified figure, and each verdict its source contradicts ("gold did
    better" where silver ranks first), followed by a visible mark."""
    flags = [(check.end, UNVERIFIED_MARK if check.status == "unverified" else CONTRADICTED_MARK)
             for check in verification.unverified]  # fmt: skip
    flags += [(r.end, CONTRADICTED_MARK) for r in verification.reasons if r.contradicted]
    out, cursor = [], 0
    for end, flag in sorted(flags):
        out += [text[cursor:end], flag]
        cursor = end
    return "".join(out) + text[cursor:]


def check_fields(
    spec: SectionSpec, fields: Fields, ledger: SourceLedger, as_of: date, topic: str,
    judge: CauseJudge | None = None,
) -> SectionResult:  # fmt: skip
    result = SectionResult(key=spec.key, title=spec.title, written=True)
    # Links and images the report may not show go first: read as text, a URL's digits were
    # checked as figures, and a mark placed inside the URL split it past the export's policy.
    policy = LinkPolicy.of(source_urls(source for _, source in ledger.items()))
    for name, value in fields.items():
        if name in ("sentiment",):  # an enum, not prose
            result.fields[name] = value
            continue
        items = value if isinstance(value, list) else [value]
        checked = []
        for item in map(without_fence_labels, items):
            if not CITATION.sub("", item).strip():  # nothing but a copied label and its [n]
                continue
            cleaned, verification = verify_answer(policy.clean(item), ledger, as_of, topic,
                                                  judge=judge)  # fmt: skip
            result.numbers += verification.numbers
            result.cited += [n for n in verification.cited if n not in result.cited]
            result.invalid_citations += verification.invalid_citations
            if spec.key == "drivers":  # one reason per item: its support is shown beside it
                result.reasons += verification.reasons
            marked = mark(cleaned, verification)
            if name in UNCITED_FIELDS:  # its figures are checked, but it shows no [n]
                marked = CITATION.sub("", marked).strip()
            checked.append(marked)
        result.fields[name] = checked if isinstance(value, list) else "".join(checked[:1])
    return result


def assemble_section(
    spec: SectionSpec,
    draft: str | None,
    revision: str | None,
    ledger: SourceLedger,
    as_of: date,
    topic: str,
) -> SectionResult:
    """Check the draft and, when there is one, the revision; keep the revision only if it has
    fewer unverified figures. Pure: replay calls it with the recorded outputs."""
    fields = parse_fields(spec, draft)
    if fields is None:
        empty = SectionResult(key=spec.key, title=spec.title, attempted=draft is not None)
        return _opened(spec, empty)
    result = check_fields(spec, fields, ledger, as_of, topic)
    revised_fields = parse_fields(spec, revision)
    if revised_fields is not None:
        revised = check_fields(spec, revised_fields, ledger, as_of, topic)
        if len(revised.unverified) < len(result.unverified):
            return _opened(spec, revised.model_copy(update={"revised": True}))
    return _opened(spec, result)


def _opened(spec: SectionSpec, result: SectionResult) -> SectionResult:
    """The section with code's opening lines before the model's text (and their [n] cited)."""
    if not spec.opening:
        return result
    text = result.fields.get("text", "")
    body = text if isinstance(text, str) else " ".join(text)
    cited = citations_in(spec.opening)
    return result.model_copy(update={
        "written": True,
        "fields": {**result.fields, "text": "\n\n".join(p for p in (spec.opening, body) if p)},
        "cited": list(dict.fromkeys([*cited, *result.cited])),
    })  # fmt: skip
