"""The embedding backend setting, the backend a store records, and the overlapped ingest
pipeline (batch n written while batch n+1 embeds): still atomic per article and idempotent.
No model weights are loaded here (fast embedders stand in)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
import pytest
from news_testkit import Backend, CountingEmbedder, tracker_file
from pydantic import ValidationError

from copilot.errors import ConfigError
from copilot.news import NewsStore
from copilot.news.chroma import ChromaEmbedding, chroma_settings
from copilot.news.embeddings import SentenceTransformerEmbedder, Vector, make_embedder
from copilot.news.onnx_embedder import OnnxEmbedder
from copilot.settings import Settings
from ingest.news import ingest_paths

BODY = "\n\n".join(
    f"Paragraph {i}: small caps rose as traders weighed rate cuts. " * 4 for i in range(6)
)


class BackendEmbedder(CountingEmbedder):
    """A fast embedder that says it is a given backend of the bundled model."""

    def __init__(self, backend: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.name = "all-MiniLM-L6-v2"
        self.backend = backend
        self.preloads = 0

    def preload(self) -> None:
        self.preloads += 1


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    return Backend("embedded").settings(tmp_path / "data", **overrides)


def _corpus(root: Path, n: int = 8) -> Path:
    for i in range(n):
        tracker_file(root / f"a{i}.md", title=f"Story {i}", body=BODY,
                     url=f"https://news.example.com/story-{i}")  # fmt: skip
    return root


def _complete_articles(store: NewsStore) -> dict[str, int]:
    """Stored articles by id with their chunk count; fails if any article is incomplete."""
    found = store.collection.get(include=["metadatas"])
    seen: dict[str, tuple[int, set[int]]] = {}
    for meta in found["metadatas"] or []:
        entry = seen.setdefault(str(meta["article_id"]), (int(str(meta["n_chunks"])), set()))
        entry[1].add(int(str(meta["chunk_index"])))
    for article_id, (n, indexes) in seen.items():
        assert indexes == set(range(n)), f"{article_id} is stored incompletely"
    return {article_id: n for article_id, (n, _) in seen.items()}


# --- the setting ------------------------------------------------------------------------------


def test_backend_setting_accepts_the_three_backends_and_rejects_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for value in ("torch", "onnx", "onnx-int8"):
        monkeypatch.setenv("COPILOT_EMBEDDING_BACKEND", value)
        assert Settings(_env_file=None).embedding_backend == value
    monkeypatch.setenv("COPILOT_EMBEDDING_BACKEND", "tensorrt")
    with pytest.raises(ValidationError, match="embedding_backend"):
        Settings(_env_file=None)


def test_the_setting_picks_the_embedder(tmp_path: Path) -> None:
    int8 = make_embedder(_settings(tmp_path, embedding_model="all-MiniLM-L6-v2",
                                   embedding_backend="onnx-int8"))  # fmt: skip
    assert isinstance(int8, OnnxEmbedder) and (int8.backend, int8.variant) == ("onnx-int8", "int8")
    assert int8.cache_dir == _settings(tmp_path).model_cache_dir
    fp32 = make_embedder(_settings(tmp_path, embedding_model="all-MiniLM-L6-v2",
                                   embedding_backend="onnx"))  # fmt: skip
    assert isinstance(fp32, OnnxEmbedder) and (fp32.backend, fp32.variant) == ("onnx", "fp32")
    torch = make_embedder(_settings(tmp_path, embedding_model="all-MiniLM-L6-v2",
                                    embedding_backend="torch"))  # fmt: skip
    assert isinstance(torch, SentenceTransformerEmbedder) and torch.backend == "torch"


def test_other_models_run_on_torch_unless_onnx_is_asked_for(tmp_path: Path) -> None:
    other = make_embedder(_settings(tmp_path, embedding_model="/models/other-st-model"))
    assert isinstance(other, SentenceTransformerEmbedder)
    with pytest.raises(ConfigError, match="COPILOT_EMBEDDING_BACKEND=torch"):
        make_embedder(_settings(tmp_path, embedding_model="/models/other-st-model",
                                embedding_backend="onnx"))  # fmt: skip


# --- the backend a store records ----------------------------------------------------------------


def test_store_records_its_backend_and_refuses_to_write_int8_among_fp32(tmp_path: Path) -> None:
    settings = _settings(tmp_path, embedding_model="all-MiniLM-L6-v2")
    store = NewsStore.open(settings, BackendEmbedder("onnx-int8"))
    assert (store.collection.metadata or {})["embedding_backend"] == "onnx-int8"
    for other in ("torch", "onnx"):
        with pytest.raises(ConfigError, match="embedded with backend 'onnx-int8'") as refused:
            NewsStore.open(settings, BackendEmbedder(other))
        assert "COPILOT_EMBEDDING_BACKEND=onnx-int8" in str(refused.value)
    NewsStore.open(settings, BackendEmbedder("onnx-int8"))  # the same backend: fine
    # Searching is allowed: int8 queries on fp32 chunks measured within the recall tolerance.
    reader = NewsStore.open(settings, BackendEmbedder("torch"), create=False)
    assert reader.embedder.backend == "torch"


def test_torch_and_onnx_share_a_store(tmp_path: Path) -> None:
    settings = _settings(tmp_path, embedding_model="all-MiniLM-L6-v2")
    NewsStore.open(settings, BackendEmbedder("torch"))
    store = NewsStore.open(settings, BackendEmbedder("onnx"))
    assert (store.collection.metadata or {})["embedding_backend"] == "torch"


def test_a_store_from_before_backends_were_recorded_counts_as_torch(tmp_path: Path) -> None:
    settings = _settings(tmp_path, embedding_model="all-MiniLM-L6-v2")
    client = chromadb.PersistentClient(path=str(settings.news_path), settings=chroma_settings())
    client.create_collection(  # what NewsStore.open made before it recorded backends
        settings.news_collection,
        embedding_function=ChromaEmbedding(BackendEmbedder("torch")),  # type: ignore[arg-type]
        metadata={"embedding_model": "all-MiniLM-L6-v2"},
    )
    NewsStore.open(settings, BackendEmbedder("onnx"))
    with pytest.raises(ConfigError, match=r"backend 'torch'.*COPILOT_EMBEDDING_BACKEND=onnx"):
        NewsStore.open(settings, BackendEmbedder("onnx-int8"))


# --- the overlapped pipeline ----------------------------------------------------------------------


class SignallingEmbedder(CountingEmbedder):
    """Signals when its second batch starts embedding."""

    def __init__(self) -> None:
        super().__init__()
        self.second_started = threading.Event()

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        if self.calls >= 1:
            self.second_started.set()
        return super().embed(texts)


@pytest.mark.parametrize("overlap", [True, False])
def test_batch_n_is_written_while_batch_n_plus_1_embeds(
    tmp_path: Path, overlap: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NewsStore.open(_settings(tmp_path), SignallingEmbedder())
    embedder = store.embedder
    assert isinstance(embedder, SignallingEmbedder)
    add = store.add_chunks
    seen_during_first_write: list[bool] = []

    def add_chunks(chunks: Any, embeddings: Any) -> None:
        if not seen_during_first_write:  # the first write waits a little for the next embed
            seen_during_first_write.append(
                embedder.second_started.wait(timeout=2 if overlap else 0.3)
            )
        add(chunks, embeddings)

    monkeypatch.setattr(store, "add_chunks", add_chunks)
    report = ingest_paths(store, [_corpus(tmp_path / "news")], batch_chunks=4, overlap=overlap)
    assert seen_during_first_write == [overlap]
    assert report.added == 8 and store.count() == report.chunks_written == embedder.texts
    assert len(_complete_articles(store)) == 8


def test_a_failed_write_stops_the_ingest_leaves_whole_articles_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path)
    corpus = _corpus(tmp_path / "news")
    embedder = CountingEmbedder()
    store = NewsStore.open(settings, embedder)
    add = store.add_chunks
    writes = []

    def add_chunks(chunks: Any, embeddings: Any) -> None:
        writes.append(len(chunks))
        if len(writes) == 3:
            raise OSError("disk full")
        add(chunks, embeddings)

    monkeypatch.setattr(store, "add_chunks", add_chunks)
    with pytest.raises(OSError, match="disk full"):
        ingest_paths(store, [corpus], batch_chunks=4)
    partial = _complete_articles(store)
    assert 0 < len(partial) < 8
    assert embedder.calls <= 4  # at most one batch embedded beyond the failed write
    again = CountingEmbedder()
    store = NewsStore.open(settings, again)
    report = ingest_paths(store, [corpus], batch_chunks=4)
    assert (report.unchanged, report.added) == (len(partial), 8 - len(partial))
    assert len(_complete_articles(store)) == 8
    assert again.texts == store.count() - sum(partial.values())


def test_the_model_warms_up_for_new_articles_only(tmp_path: Path) -> None:
    settings = _settings(tmp_path, embedding_model="all-MiniLM-L6-v2")
    corpus = _corpus(tmp_path / "news")
    first = BackendEmbedder("torch")
    ingest_paths(NewsStore.open(settings, first), [corpus])
    assert first.preloads == 1
    again = BackendEmbedder("torch")
    report = ingest_paths(NewsStore.open(settings, again), [corpus])
    assert (report.unchanged, again.preloads, again.calls) == (8, 0, 0)
