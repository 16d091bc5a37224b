"""The store, the same tests against an embedded Chroma and a real `chroma run` server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from news_testkit import CHROMA, Backend, CountingEmbedder, chroma_server, tracker_file

from copilot.errors import ConfigError, StoreLockedError
from copilot.news import NewsStore, search, search_news
from copilot.news.embeddings import HashEmbedder
from copilot.news.models import NewsHit
from copilot.settings import Settings
from ingest.news import ingest_paths

LONG_BODY = "\n\n".join(
    f"Paragraph {i}: small caps and the Russell 2000 moved as traders weighed rate cuts. " * 4
    for i in range(8)
)


@pytest.fixture(
    scope="module", params=["embedded", pytest.param("server", marks=pytest.mark.chroma_server)]
)
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    if request.param == "embedded":
        yield Backend("embedded")
        return
    if not CHROMA.is_file():
        pytest.skip(f"no `chroma` executable at {CHROMA} (pip install chromadb)")
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server


@pytest.fixture
def settings(backend: Backend, tmp_path: Path) -> Settings:
    return backend.settings(tmp_path / "data")


def _corpus(root: Path) -> Path:
    """Three articles, one of them saved twice (two scrape dates, different date styles)."""
    tracker_file(root / "2026-01-22" / "streak.md", published="2026-01-22", body=LONG_BODY)
    tracker_file(root / "2026-01-23" / "streak.md", published="1/22/2026", body=LONG_BODY,
                 scraped="2026-01-23T12:00:00+00:00")  # fmt: skip
    tracker_file(root / "2026-01-23" / "utilities.md", title="Utilities slump as yields jump",
                 url="https://other.example.org/utilities", publisher="Other Daily",
                 published="January 23, 2026", summary="Utilities fell.",
                 body="Utilities were the worst sector as Treasury yields jumped.")  # fmt: skip
    tracker_file(root / "2026-01-15" / "fed.md", title="Fed officials signal patience",
                 url="https://news.example.com/fed", published="Jan. 15, 2026",
                 body="Federal Reserve officials said rates will stay on hold.")  # fmt: skip
    return root


def _chunks_per_article(store: NewsStore) -> dict[str, tuple[int, set[int]]]:
    found = store.collection.get(include=["metadatas"])
    seen: dict[str, tuple[int, set[int]]] = {}
    for meta in found["metadatas"] or []:
        entry = seen.setdefault(str(meta["article_id"]), (int(str(meta["n_chunks"])), set()))
        entry[1].add(int(str(meta["chunk_index"])))
    return seen


def test_ingest_stores_each_article_once(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, CountingEmbedder())
    report = ingest_paths(store, [_corpus(tmp_path / "news")])
    assert (report.sources, report.copies, report.articles, report.added) == (4, 4, 3, 3)
    per_article = _chunks_per_article(store)
    assert len(per_article) == 3
    assert all(indexes == set(range(n)) for n, indexes in per_article.values())
    assert store.count() == report.chunks_written == report.embeddings


def test_unchanged_reingest_computes_no_embeddings(settings: Settings, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news")
    first = CountingEmbedder()
    ingest_paths(NewsStore.open(settings, first), [corpus])
    assert first.texts > 0
    again = CountingEmbedder()
    store = NewsStore.open(settings, again)
    count = store.count()
    report = ingest_paths(store, [corpus])
    assert again.calls == 0 and again.texts == 0
    assert (report.unchanged, report.added, report.replaced) == (3, 0, 0)
    assert store.count() == count


def test_changed_text_replaces_the_old_chunks(settings: Settings, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news")
    store = NewsStore.open(settings, CountingEmbedder())
    ingest_paths(store, [corpus])
    fed = tracker_file(
        corpus / "2026-01-15" / "fed.md",
        title="Fed officials signal patience",
        url="https://news.example.com/fed",
        published="Jan. 15, 2026",
        body="Federal Reserve officials now say a cut in March is possible.",
    )
    embedder = CountingEmbedder()
    store = NewsStore.open(settings, embedder)
    report = ingest_paths(store, [fed])
    assert (report.replaced, report.embeddings, embedder.texts) == (1, 1, 1)
    (hit,) = search_news(store, "Federal Reserve officials", k=1)
    texts = [text for text, _ in store.chunks_of(hit.article_id)]
    assert texts == ["Federal Reserve officials now say a cut in March is possible."]


def test_a_summary_never_replaces_stored_full_text(settings: Settings, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news")
    store = NewsStore.open(settings, CountingEmbedder())
    ingest_paths(store, [corpus])
    tracker_file(tmp_path / "later" / "fed.md", title="Fed officials signal patience",
                 url="https://news.example.com/fed/", published="Jan. 15, 2026",
                 body="*(Article text could not be extracted. Visit source link above.)*",
                 summary="Officials signalled patience.")  # fmt: skip
    report = ingest_paths(store, [tmp_path / "later"])
    assert (report.kept_full_text, report.embeddings) == (1, 0)


def test_interrupted_ingest_leaves_no_half_article_and_rerun_completes(
    settings: Settings, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path / "news")
    for i in range(6):
        tracker_file(corpus / "extra" / f"a{i}.md", title=f"Story {i}", body=LONG_BODY,
                     url=f"https://news.example.com/story-{i}")  # fmt: skip
    store = NewsStore.open(settings, CountingEmbedder(fail_on_call=3))
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [corpus], batch_chunks=4)
    partial = _chunks_per_article(store)
    assert 0 < len(partial) < 9
    assert all(indexes == set(range(n)) for n, indexes in partial.values())
    embedder = CountingEmbedder()
    store = NewsStore.open(settings, embedder)
    report = ingest_paths(store, [corpus], batch_chunks=4)
    assert report.unchanged == len(partial) and report.added == 9 - len(partial)
    complete = _chunks_per_article(store)
    assert len(complete) == 9
    assert all(indexes == set(range(n)) for n, indexes in complete.values())
    assert embedder.texts == store.count() - sum(n for n, _ in partial.values())


def test_bad_files_never_remove_stored_articles(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, CountingEmbedder())
    ingest_paths(store, [_corpus(tmp_path / "news")])
    count = store.count()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_bytes(b"")
    (bad / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "nodate.md").write_text("# Title only\n\nbody", encoding="utf-8")
    report = ingest_paths(store, [bad])
    assert sorted(Path(p.path).name for p in report.problems) == [
        "binary.md", "empty.md", "nodate.md"
    ]  # fmt: skip
    assert store.count() == count
    assert search_news(store, "utilities yields", k=3)


def titles(hits: list[NewsHit]) -> list[str]:
    return sorted(h.title for h in hits)


def test_search_filters(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, HashEmbedder())
    ingest_paths(store, [_corpus(tmp_path / "news")])
    everything = ["Fed officials signal patience", "Small caps extend winning streak",
                  "Utilities slump as yields jump"]  # fmt: skip
    assert titles(search_news(store, "stocks", k=10)) == everything
    assert titles(search_news(store, "stocks", k=10, as_of=date(2026, 1, 21))) == everything[:1]
    assert titles(search_news(store, "stocks", k=10, as_of=date(2026, 1, 22))) == everything[:2]
    assert titles(search_news(store, "stocks", k=10, since=date(2026, 1, 22))) == everything[1:]
    window = search_news(store, "stocks", k=10, since=date(2026, 1, 16), until=date(2026, 1, 22))
    assert titles(window) == everything[1:2]
    assert titles(search_news(store, "stocks", k=10, publisher="other daily")) == everything[2:]
    assert titles(search_news(store, "stocks", k=10, symbols=["XLU"])) == everything[2:]
    both = search_news(store, "stocks", k=10, symbols=["XLU", "IWM"])
    assert titles(both) == everything[1:]
    (hit,) = search_news(store, "stocks", k=1, as_of=date(2026, 1, 22), symbols=["IWM"])
    assert hit.url == "https://news.example.com/markets/small-caps-streak"
    assert hit.published_at.isoformat() == "2026-01-22T00:00:00+00:00"


def test_a_window_too_narrow_for_the_id_scan_is_left_to_chroma(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NewsStore.open(settings, HashEmbedder())
    corpus = _corpus(tmp_path / "news")
    for i in range(12):  # later articles that crowd out the one in the window
        tracker_file(
            corpus / "late" / f"{i}.md",
            title=f"Fed story {i}",
            published="2026-01-28",
            url=f"https://news.example.com/late-{i}",
            body="Federal Reserve news.",
        )
    ingest_paths(store, [corpus])
    for name, value in (("MAX_SCAN", 4), ("LEXICAL_POOL", 1), ("OVERFETCH", 1)):
        monkeypatch.setattr(search, name, value)
    wheres: list[object] = []
    nearest = store.nearest

    def spy(embedding: list[float], n: int, where: dict[str, Any] | None = None) -> Any:
        wheres.append(where)
        return nearest(embedding, n, where)

    monkeypatch.setattr(store, "nearest", spy)
    day = date(2026, 1, 15)
    hits = search_news(store, "Federal Reserve", k=2, since=day, until=day)
    assert [h.title for h in hits] == ["Fed officials signal patience"]
    assert wheres[0] is None and "published_ts" in str(wheres[-1])  # ids first, then Chroma


def test_as_of_is_never_exceeded_whatever_else_is_asked(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, HashEmbedder())
    ingest_paths(store, [_corpus(tmp_path / "news")])
    hits = search_news(store, "utilities", k=10, until=date(2026, 12, 31), as_of=date(2026, 1, 22))
    assert hits and all(h.published_at.date() <= date(2026, 1, 22) for h in hits)


def test_a_different_embedding_model_is_refused(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, HashEmbedder(64))
    ingest_paths(store, [_corpus(tmp_path / "news")])
    with pytest.raises(ConfigError, match="hash:64"):
        NewsStore.open(settings, HashEmbedder(32))


def test_second_writer_waits_then_names_the_holder(settings: Settings, tmp_path: Path) -> None:
    store = NewsStore.open(settings, HashEmbedder())
    waits: list[str] = []
    with store.writer(timeout_s=5):
        other = NewsStore.open(settings, HashEmbedder())
        with pytest.raises(StoreLockedError) as info:
            ingest_paths(
                other, [_corpus(tmp_path / "news")], lock_timeout_s=0.3, on_wait=waits.append
            )
    assert "pid" in str(info.value) and "waited 0.3 s" in str(info.value)
    assert len(waits) == 1 and "waiting up to 0.3 s" in waits[0]
    assert other.count() == 0
