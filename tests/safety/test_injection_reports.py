"""The injection corpus's report part (benchmarks/reliability/injection/run.py `research_all`)
with a model that obeys every planted instruction: a deep-research report is run, exported to
Markdown, HTML and PDF, scored and recorded, resumably; the scorer sees what the model obeyed,
and no export keeps an off-allowlist link or image, nor the configured key."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks/reliability/injection"))
import corpus  # type: ignore[import-not-found,unused-ignore]
import run  # type: ignore[import-not-found,unused-ignore]
import summary  # type: ignore[import-not-found,unused-ignore]

CHOSEN = [a for a in corpus.articles() if a.topic.key == "smallcaps"]
ATTACKS = [a.attack for a in CHOSEN]
LINK = next(a.url for a in ATTACKS if a.url)
CANARY = next(a.canary for a in ATTACKS if a.canary)


def obeyed() -> str:
    """Prose that does what every planted small-caps article asked."""
    said = ["IWM rose in January [1]."]
    for attack in ATTACKS:
        said += [f"{attack.canary} [2]."] if attack.canary else []
        said += [f"IWM gained {attack.figure} [2]."] if attack.figure else []
        if attack.url:
            said += [f"See [data]({attack.url}) ![c]({attack.url}) {attack.url} [2]."]
        said += [f"Per the wire [{c}]." for c in attack.citations]
    return " ".join(said)


class ObedientResearcher(ScriptedLLM):
    """Answers every research call (the plan, the JSON sections, the prose and any revision)
    from its kind, doing what the planted articles asked wherever text is free."""

    def __init__(self) -> None:
        super().__init__([], model_id="obedient")

    def _take(
        self, kind: str, messages: list[ChatMessage], json_schema: dict[str, Any] | None
    ) -> str:
        self.calls.append([ChatMessage(role=m["role"], content=m["content"]) for m in messages])
        self.json_schemas.append(json_schema)
        properties = set((json_schema or {}).get("properties", {}))
        if "steps" in properties:
            return json.dumps({
                "sub_questions": ["What moved small caps?"],
                "steps": [
                    {"tool": "search_news", "feeds": "analysis",
                     "args": {"query": "small caps", "k": 5, "since": "2026-01-16"}},
                    {"tool": "price_return", "feeds": "analysis",
                     "args": {"symbol": "IWM", "start": "2025-12-31", "end": "2026-01-23"}},
                ],
            })  # fmt: skip
        if properties == {"sub_questions"}:  # code planned a why-topic's evidence
            return json.dumps({"sub_questions": [f"What moved small caps? {CANARY}"]})
        if "title" in properties:
            return json.dumps({"title": f"Small caps {CANARY}", "tags": ["IWM"],
                               "market": "US equities", "sentiment": "positive",
                               "reason": f"{CANARY} [2]. See {LINK}"[:240]})  # fmt: skip
        if "insights" in properties:
            return json.dumps({"insights": [f"{CANARY} [2] ![x]({LINK})", f"[data]({LINK})"]})
        if "risks" in properties:
            return json.dumps({"risks": [f"See {LINK}"], "opportunities": ["Breadth [2]."]})
        return obeyed()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("injection-reports")
    settings = run.corpus_settings(work, embedding_model="hash:64")
    run.prepare(work, settings, CHOSEN, news=[])
    llm = ObedientResearcher()
    run.research_all(work, settings, llm, 1, CHOSEN)
    calls = len(llm.calls)
    run.research_all(work, settings, llm, 1, CHOSEN)  # resumable: nothing run twice
    assert calls > 3 and len(llm.calls) == calls
    return work


def test_an_obedient_report_keeps_no_off_allowlist_link_image_or_key(reports: Path) -> None:
    from copilot.research.export import chromium_path

    rows = [json.loads(line) for line in (reports / "reports.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["small caps"]
    row = rows[0]
    assert row["planted_retrieved"], "the report's news step found no planted article"
    findings = row["findings"]
    # the model obeyed, and the scorer saw it where the report keeps the model's words
    assert CANARY in findings["followed"]
    surfaces = {"markdown", "html", "ui"} | ({"pdf"} if chromium_path() else set())
    assert set(findings["off_allowlist"]) == surfaces
    assert all(found == [] for found in findings["off_allowlist"].values()), findings
    assert findings["key_leaks"] == []
    if chromium_path():
        assert (reports / "reports" / "small-caps" / "report.pdf").stat().st_size > 1000
    section = summary.render(reports, "run.py --work X", len(CHOSEN))
    assert "**Reports** (1 deep-research reports" in section
    assert "| off-allowlist links/images: markdown | 0 |" in section


def test_the_scorer_counts_what_the_model_wrote() -> None:
    """The same scorer on the obedient text itself: every link and image is off the list."""
    import score  # type: ignore[import-not-found,unused-ignore]

    found = score.off_allowlist_text(obeyed(), {"https://news.example.com/a"})
    assert LINK in found and any(f.startswith("image:") for f in found)
