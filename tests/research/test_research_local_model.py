"""One short report with the real embedded model (`pytest -m local_model tests/research`).

Kept small for CI: a budget of 3 model calls — the plan, the header and the executive summary —
so the report stops early and must say so, while everything it did write is checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from research_script import AS_OF, TOPIC

from copilot.research import Budget, ResearchSession, to_markdown
from copilot.research.bundle import save_bundle
from copilot.research.sections import SENTIMENTS
from copilot.research.session import replay_report
from copilot.tools import TOOLS, ToolDeps

pytestmark = pytest.mark.local_model


@pytest.fixture(scope="module")
def local_llm(bundled_model_path: Path) -> object:
    from copilot.llm.local import LocalLLM

    return LocalLLM(bundled_model_path, n_ctx=4096)


def test_short_report_with_the_embedded_model(
    research_deps: ToolDeps, local_llm: object, tmp_path: Path
) -> None:
    budget = Budget(max_llm_calls=3, max_tokens=12_000, max_tool_calls=12, max_seconds=240)
    session = ResearchSession(research_deps, local_llm, budget)  # type: ignore[arg-type]
    plan = session.propose_plan(TOPIC, AS_OF)
    assert plan.steps and all(s.tool in TOOLS for s in plan.steps)
    assert any(s.tool == "news_drivers" for s in plan.steps)  # the topic's why-evidence
    report = session.run(plan)
    record = report.record
    assert record.usage()["llm_calls"] == 3 and report.partial
    assert "⚠ Partial report" in "\n".join(to_markdown(report).splitlines()[:4])
    header = report.sections["header"]
    assert header.written and header.fields["sentiment"] in SENTIMENTS
    assert report.sections["summary"].written
    # Every citation the model wrote resolves (the verifier removed any that did not).
    sources = len(record.sources)
    assert all(1 <= n <= sources for s in report.sections.values() for n in s.cited)
    bundle = save_bundle(record, tmp_path / "b.json")
    assert to_markdown(replay_report(bundle)) == to_markdown(report)
