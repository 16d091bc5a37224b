"""Export to Markdown, sanitized self-contained HTML and PDF (rendered back to PNG); replay."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from research_script import AS_OF, RISKS, TOPIC, Reasons, header, insights, plan_json
from typer.testing import CliRunner

from copilot.cli.research_commands import research
from copilot.errors import ConfigError
from copilot.llm.scripted import ScriptedLLM
from copilot.research import (
    Report,
    ResearchSession,
    export,
    load_bundle,
    replay_report,
    to_html,
    to_markdown,
)
from copilot.research.export import chromium_path
from copilot.tools import ToolDeps

HOSTILE = (
    'Small caps rallied [1]. <script>alert("x")</script><img src=x onerror="alert(1)"> '
    "[click](javascript:alert(1)) ![px](https://evil.example/p.png)"
)


@pytest.fixture
def made(research_deps: ToolDeps, tmp_path: Path) -> tuple[ResearchSession, Report, Path]:
    llm = ScriptedLLM(
        [
            plan_json(),
            header("Small caps rallied [1]."),
            HOSTILE,
            "IWM led SPY [1] [2].",
            insights("Small caps led [1]."),
            RISKS,
            # no revision: the javascript: link goes before the figure check, so its
            # "alert(1)" no longer reads as a figure no source supports
        ],
        # one draft withheld: the replay must withhold it too
        routes=[Reasons(bad="Small caps rallied on a 13-day winning streak [{n}].",
                        bad_first=1).route()],
    )  # fmt: skip
    session = ResearchSession(research_deps, llm)
    report = session.run(session.propose_plan(TOPIC, AS_OF))
    llm.assert_consumed()
    bundle = session.save_bundle(tmp_path / "bundle.json")
    return session, report, bundle


def test_html_is_sanitized_self_contained_with_the_chart(
    made: tuple[ResearchSession, Report, Path],
) -> None:
    _, report, _ = made
    html = to_html(report)
    # The model's markup arrives as inert text: no live tag, handler or javascript: link.
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html and 'src="https://evil' not in html
    assert "Small caps rallied [1]." in html and "<h2>Executive Summary</h2>" in html
    assert html.count("<svg") == 1 and "<polyline" in html and ">IWM " in html and ">SPY " in html
    assert 'src="http' not in html and 'href="http' not in html.split("<body>")[0]
    assert "default-src 'none'" in html  # nothing external can load


def test_export_three_formats_and_pdf_page_is_not_blank(
    made: tuple[ResearchSession, Report, Path], tmp_path: Path
) -> None:
    _, report, _ = made
    md = export(report, tmp_path / "r.md").read_text(encoding="utf-8")
    assert md == to_markdown(report) and md.startswith("# Small caps lead the January rally")
    assert export(report, tmp_path / "r.html").read_text(encoding="utf-8") == to_html(report)
    with pytest.raises(ConfigError, match=r"\.md, \.html or \.pdf"):
        export(report, tmp_path / "r.docx")
    if chromium_path() is None:
        pytest.skip("PDF export needs Chromium (/usr/bin/chromium); not installed here")
    pdf = export(report, tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found (Debian package poppler-utils): PDF page not rendered")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "r.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    from PIL import Image

    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(page.histogram()[:200])  # pixels darker than light grey
    assert dark > 0.01 * page.width * page.height  # text and chart, not a blank page


def test_replay_is_byte_identical_without_a_model(
    made: tuple[ResearchSession, Report, Path], tmp_path: Path
) -> None:
    _, report, bundle = made
    original = to_markdown(report)
    assert to_markdown(replay_report(bundle)) == original
    record = load_bundle(bundle)
    payload = json.loads(bundle.read_text())
    # What the bundle holds: plan, tool inputs/outputs with hashes, chunk ids, model, prompts.
    assert record.plan == report.record.plan
    news_step = next(s for s in record.steps if s.tool == "search_news")
    assert len(news_step.args_sha256) == 64 and len(news_step.output_sha256) == 64
    chunk_ids = payload["retrieved_chunk_ids"]
    assert chunk_ids and all(c in json.dumps(payload["record"]) for c in chunk_ids)
    assert record.model_id == "scripted" and record.model_settings["llm_provider"] == "local"
    assert set(record.prompt_digests) >= {"research_system", "research_summary", "write_reason"}
    summary = next(c.output for c in record.llm_calls if c.section == "summary")
    assert summary == HOSTILE
    # The drivers' drafts are recorded, and the replay keeps and withholds the same ones.
    drafts = [c.output for c in record.llm_calls if c.section.startswith("drivers:")]
    assert len(drafts) == 5 and "13-day winning streak" in drafts[0]
    assert replay_report(bundle).sections["drivers"] == report.sections["drivers"]
    assert len(report.sections["drivers"].withheld) == 1
    # Through the CLI: `research --replay FILE` prints the same Markdown, no model built.
    app = typer.Typer()
    app.command()(research)
    result = CliRunner().invoke(app, ["--replay", str(bundle)])
    assert result.exit_code == 0, result.output
    assert result.stdout == original
    out = tmp_path / "again.md"
    assert CliRunner().invoke(app, ["--replay", str(bundle), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == original
    # A bundle edited by hand is refused rather than replayed as if genuine.
    payload["record"]["llm_calls"][2]["output"] = "Small caps rose 50% [1]."
    bundle.write_text(json.dumps(payload))
    with pytest.raises(ConfigError, match="sha256"):
        replay_report(bundle)
