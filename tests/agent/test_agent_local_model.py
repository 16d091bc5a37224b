"""The flagship question end to end with the real embedded model (slow: `-m local_model`).

Real market data, real articles of 2026-01-15 … 2026-01-23 embedded with the real
all-MiniLM-L6-v2, the real Qwen 1.5B model in-process: the answer must come from the tools, cite
an article and a data source, and every figure must be checked.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from copilot.agent import NEWS_TOOL, Copilot
from copilot.market.store import MarketStore
from copilot.render import marked_text
from copilot.settings import Settings
from copilot.sources import DataSource, NewsSource, SourceLedger
from copilot.tools import TOOLS, ToolDeps

pytestmark = pytest.mark.local_model

DAYS = [f"2026-01-{d:02d}" for d in range(15, 24)]
AS_OF = date(2026, 1, 23)


@pytest.fixture(scope="module")
def news_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    from copilot.news import NewsStore
    from ingest.news import ingest_paths

    folders = [shared_data / "news" / day for day in DAYS if (shared_data / "news" / day).is_dir()]
    if not folders:
        pytest.skip(f"no shared news folders for {DAYS[0]}..{DAYS[-1]} in {shared_data}")
    root = tmp_path_factory.mktemp("flagship-news")
    settings = Settings(data_dir=root, news_collection=f"n-{uuid.uuid4().hex[:8]}", _env_file=None)
    store = NewsStore.open(settings)  # the real embedding model from settings
    ingest_paths(store, folders)
    return store


@pytest.fixture(scope="module")
def local_llm(bundled_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    from copilot.llm.local import LocalLLM

    return LocalLLM(bundled_model_path, n_ctx=4096, snapshot_dir=tmp_path_factory.mktemp("kv"))


@pytest.fixture
def deps(shared_market_path: Path, news_store: object, settings: Settings) -> Iterator[ToolDeps]:
    with MarketStore.open(shared_market_path, read_only=True) as store:
        yield ToolDeps(settings=settings, ledger=SourceLedger(), market=store, news=news_store)


def test_flagship_question_with_the_embedded_model(deps: ToolDeps, local_llm: object) -> None:
    answer = Copilot(deps, local_llm).ask("why did small caps rally?", as_of=AS_OF)  # type: ignore[arg-type]

    called = [r for r in answer.tool_calls if not r.error]
    assert any(r.name in TOOLS and r.name != NEWS_TOOL for r in called), answer.tool_calls
    assert any(r.name == NEWS_TOOL for r in called), answer.tool_calls

    markers = {int(n) for group in re.findall(r"\[([\d,\s]+)\]", answer.text)
               for n in group.split(",")}  # fmt: skip
    assert markers, answer.text
    assert markers <= set(answer.sources), "every [n] in the text resolves to a source"
    cited = [answer.sources[n] for n in markers]
    assert any(isinstance(s, NewsSource) for s in cited), answer.text
    assert any(isinstance(s, DataSource) for s in cited), answer.text
    # Nothing published after the as-of date was used.
    assert all(s.published_at.date() <= AS_OF for s in cited if isinstance(s, NewsSource))

    # Every figure is checked: a verified one appears in the evidence it names, and every
    # unverified one carries its flag in what the user sees.
    assert answer.verification.numbers, answer.text
    for check in answer.verification.numbers:
        if check.status == "verified" and check.unit not in ("date", "year"):
            digits = re.sub(r"[^\d.]", "", check.text).rstrip(".")
            assert digits in check.evidence.replace(",", ""), check
    shown = marked_text(answer).plain
    flags = shown.count("?") - answer.text.count("?")
    assert flags == len(answer.verification.unverified)
