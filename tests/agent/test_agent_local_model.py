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

from copilot.agent import NEWS_TOOLS, Copilot
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

    return LocalLLM(
        bundled_model_path, n_ctx=4096, snapshot_dir=tmp_path_factory.mktemp("kv"), parallel=3
    )  # as the app loads it: the reason drafts decoded together


@pytest.fixture
def deps(shared_market_path: Path, news_store: object, settings: Settings) -> Iterator[ToolDeps]:
    with MarketStore.open(shared_market_path, read_only=True) as store:
        yield ToolDeps(settings=settings, ledger=SourceLedger(), market=store, news=news_store)


def test_flagship_question_with_the_embedded_model(deps: ToolDeps, local_llm: object) -> None:
    answer = Copilot(deps, local_llm).ask("why did small caps rally?", as_of=AS_OF)  # type: ignore[arg-type]

    called = [r for r in answer.tool_calls if not r.error]
    assert any(r.name in TOOLS and r.name not in NEWS_TOOLS for r in called), answer.tool_calls
    assert any(r.name in NEWS_TOOLS for r in called), answer.tool_calls
    # The move is measured first and stated: a percentage verified against the measure.
    move = next(n for n in answer.verification.numbers if n.unit == "%")
    assert move.status == "verified" and move.source == called[0].sources[0], answer.text

    markers = {int(n) for group in re.findall(r"\[([\d,\s]+)\]", answer.text)
               for n in group.split(",")}  # fmt: skip
    assert markers, answer.text
    assert markers <= set(answer.sources), "every [n] in the text resolves to a source"
    cited = [answer.sources[n] for n in markers]
    # At least two distinct articles, cited by the model itself (its own text, before the
    # verifier added any citation).
    by_model = {int(n) for n in re.findall(r"\[(\d+)\]", answer.written)}
    assert by_model <= set(answer.sources), answer.written
    articles = {
        answer.sources[n].article_id for n in by_model if isinstance(answer.sources[n], NewsSource)
    }  # type: ignore[union-attr]
    assert len(articles) >= 2, answer.text
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


# Mixed questions, in words not used in the evaluation sets. Each numeric one must state the
# figure the measure computed (its fact, as shown) with a check that holds; each unanswerable
# one must say it cannot, with no figure.
MIXED = [
    ("How did the chip stocks do in November 2025?", "figure"),
    ("what was XLF's best day this year?", "figure"),
    ("how high did the VIX get last month?", "figure"),
    ("which did best since the start of the year: XLE, XLK or XLF?", "figure"),
    ("where did gold close yesterday?", "figure"),
    ("How far is SMH below its peak?", "figure"),
    ("what did IWM do over the last two sessions combined?", "figure"),
    ("how many days in a row has XLE gone up?", "figure"),
    ("average 10-year yield in 2025?", "figure"),
    ("How did Nvidia do this year?", "cannot"),
    ("What will SPY do next week?", "cannot"),
    ("How did XLU do in March 2024?", "cannot"),
]


@pytest.mark.parametrize(("question", "kind"), MIXED)
def test_mixed_questions_with_the_embedded_model(
    deps: ToolDeps, local_llm: object, question: str, kind: str
) -> None:
    answer = Copilot(deps, local_llm).ask(question, as_of=AS_OF)  # type: ignore[arg-type]
    figures = [n for n in answer.verification.numbers if n.unit not in ("date", "year")]
    if kind == "cannot":
        assert answer.text.startswith("I cannot answer that"), answer.text
        assert not figures, answer.text
        return
    shown = {f.shown for r in answer.tool_calls if not r.error for n in r.sources
             for f in getattr(answer.sources[n], "facts", [])}  # fmt: skip
    # A figure as the measure shows it ("+5.05%", or "3" of "3 sessions").
    assert any(f.text.lstrip("+") in s for f in figures for s in shown), answer.text
    assert all(n.status in ("verified", "derived") for n in figures), answer.text
