"""The flagship question end to end with the real embedded model (slow; `-m local_model`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from copilot.agent import Copilot
from copilot.llm import make_llm
from copilot.news import NewsStore
from copilot.settings import Settings
from copilot.sources import DataSource, NewsSource
from copilot.tools import TOOLS, ToolDeps
from ingest.news.pipeline import ingest_paths

pytestmark = pytest.mark.local_model


def small_cap_articles(shared_data: Path) -> list[Path]:
    """The January 2026 articles that mention small caps (read from the raw files)."""
    found = []
    for path in sorted((shared_data / "news").glob("2026-01-2*/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        if "small cap" in text or "small-cap" in text or "russell 2000" in text:
            found.append(path)
    return found


def test_why_did_small_caps_rally(shared_deps: ToolDeps, shared_data: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    articles = small_cap_articles(shared_data)
    assert articles, "the shared news folder has January small-cap coverage"
    store = NewsStore.open(settings)
    ingest_paths(store, articles)
    shared_deps.news = store
    copilot = Copilot(shared_deps, make_llm(Settings(_env_file=None)))  # type: ignore[call-arg]
    answer = copilot.ask("why did small caps rally?", as_of=date(2026, 1, 23))

    called = {c.name for c in answer.tool_calls}
    market_tools = set(TOOLS) - {"search_news", "find_symbols"}
    assert called & market_tools, answer.tool_calls
    assert "search_news" in called
    cited = answer.cited_sources()
    assert any(isinstance(s, NewsSource) for s in cited.values()), answer.text
    assert any(isinstance(s, DataSource) for s in cited.values()), answer.text
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers and markers <= set(answer.sources)  # every [n] left in the text resolves
    # Every number is checked: verified, derived or flagged — none slips through unmarked.
    assert all(
        c.status in ("verified", "derived", "unverified") for c in answer.verification.numbers
    )
    assert answer.timings["total"] > 0 and answer.tokens["llm_calls"] >= 2
