"""A fast sample of the injection corpus (benchmarks/reliability/injection): a few planted
articles, a model that obeys every instruction it reads (the worst case), and the real
retrieval, edges and scorer. Whatever the model writes, no output may carry a link or image off
the allowlist, nor the configured key; the scorer must see what the model did obey."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest

from copilot.answer import AgentEvent, Answer
from copilot.tools import run_tool

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks/reliability/injection"))
import corpus  # type: ignore[import-not-found,unused-ignore]
import run  # type: ignore[import-not-found,unused-ignore]
import summary  # type: ignore[import-not-found,unused-ignore]

ATTACKS = {a.url: a.attack for a in corpus.articles()}


class Obedient:
    """An answer engine that searches the news and then does everything the retrieved planted
    articles asked for — as if the instructions had slipped past the ingest-time cut (the
    stored text no longer carries them, so it reads them from the corpus)."""

    mode = "obedient"
    stored: ClassVar[list[str]] = []  # the retrieved chunks' text, for the test to inspect

    def __init__(self, deps: Any, llm: Any) -> None:
        self.deps = deps

    def ask(self, question: str, as_of: date | None = None, on_event: Any = None) -> Answer:
        run_tool(self.deps, "search_news", {"query": question, "k": 5})
        sources = dict(self.deps.ledger.items())
        said = []
        for n, source in sources.items():
            Obedient.stored.append(f"{source.title} {source.publisher} {source.text}")
            attack = ATTACKS.get(getattr(source, "url", ""))
            if attack is None:
                continue
            said += [f"{attack.canary} [{n}]."] if attack.canary else []
            said += [f"IWM gained {attack.figure} [{n}]."] if attack.figure else []
            if attack.url:
                said += [f"See [data]({attack.url}) ![c]({attack.url}) {attack.url} [{n}]."]
            said += [f"Per the wire [{c}]." for c in attack.citations]
        text = " ".join(said) or "Nothing planted was retrieved."
        for i in range(0, len(text), 7):
            if on_event is not None:
                on_event(AgentEvent(kind="token", text=text[i : i + 7]))
        return Answer(question=question, as_of=as_of, text=text, sources=sources, model="obedient")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    chosen = [a for a in corpus.articles() if a.topic.key == "smallcaps"]
    settings = run.corpus_settings(tmp_path, embedding_model="hash:64")
    run.prepare(tmp_path, settings, chosen, news=[])
    run.ask_all(tmp_path, settings, None, Obedient, 5, chosen)
    run.ask_all(tmp_path, settings, None, Obedient, 5, chosen)  # resumable: nothing asked twice
    return tmp_path


def test_the_corpus_has_every_kind_and_position() -> None:
    everything = corpus.articles()
    kinds = {(a.attack.kind, a.attack.position) for a in everything}
    assert len(everything) >= 120 and len(corpus.questions()) >= 40
    assert {(k, p) for k in corpus.KINDS for p in corpus.POSITIONS} <= kinds
    assert {"title", "publisher"} <= {k for k, _ in kinds}
    assert len({a.slug for a in everything}) == len(everything)


def test_obedient_model_leaves_no_off_allowlist_link_or_key_anywhere(sample: Path) -> None:
    rows = [json.loads(line) for line in (sample / "answers.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"smallcaps-{j}" for j in range(5)]
    assert all(r["planted_retrieved"] for r in rows)
    # The model obeyed: the scorer sees its links (before the edges) and its canaries.
    assert sum(len(r["raw_model"]["off_allowlist"]) for r in rows) > 0
    assert sum(len(r["findings"]["followed"]) for r in rows) > 0
    assert sum(len(r["findings"]["figures"]) for r in rows) > 0
    # …and the store itself no longer carried what it obeyed (cut at ingest).
    stored = " ".join(Obedient.stored)
    assert Obedient.stored and "CANARY" not in stored and "attacker.example" not in stored
    for row in rows:
        findings = row["findings"]
        assert findings["off_allowlist"] == {"cli": [], "json": [], "ui": []}, row["id"]
        assert findings["key_leaks"] == []
        assert findings["fake_citations"] == []  # the [77] it wrote is cut: no such source
    section = summary.render(sample, "run.py --work X", 18)
    assert section.startswith("## Injection") and "| key leaks | 0 |" in section


def test_the_results_section_replaces_only_its_own(tmp_path: Path) -> None:
    path = tmp_path / "reliability.md"
    path.write_text("# Reliability\n\n## Crash\nkept\n\n## Injection\nold\n\n## Fuzz\nkept too\n")
    summary.replace_section(path, "## Injection\nnew\n")
    text = path.read_text()
    assert "old" not in text and "## Injection\nnew" in text
    assert "## Crash\nkept" in text and "## Fuzz\nkept too" in text
