"""The news store: article chunks and their embeddings in one Chroma collection.

Every chunk id carries its article's content version, and all chunks of one article version are
written in a single `add` call, so an article is either entirely visible or not at all. A
changed article's new version is written before its old one is deleted; an ingest interrupted
in between leaves both complete versions, and the next ingest removes the stale one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from chromadb.api import ClientAPI
from chromadb.api.collection_configuration import CreateHNSWConfiguration
from chromadb.api.models.Collection import Collection
from chromadb.base_types import Where
from chromadb.errors import NotFoundError

from copilot.errors import ConfigError
from copilot.news.chroma import ChromaEmbedding, NewsStoreMissingError, make_client
from copilot.news.embeddings import Embedder, Vector, make_embedder
from copilot.news.filters import day_start_ts
from copilot.news.lock import WriterLock
from copilot.news.models import Chunk, NewsHit, chunk_text
from copilot.settings import Settings

HNSW: CreateHNSWConfiguration = {
    "space": "cosine",
    "ef_construction": 128,
    "ef_search": 64,
    "max_neighbors": 16,
}


@dataclass(frozen=True)
class StoredVersion:
    """One stored version of an article, read from its first chunk."""

    article_id: str
    version: str
    n_chunks: int
    summary_only: bool


class NewsStore:
    """Open with `NewsStore.open(settings)`; write inside `with store.writer(): …`."""

    def __init__(
        self,
        client: ClientAPI,
        collection: Collection,
        embedder: Embedder,
        lock_path: Path,
        where: str,
    ) -> None:
        self.client = client
        self.collection = collection
        self.embedder = embedder
        self.lock_path = lock_path
        self.where = where

    @classmethod
    def open(
        cls, settings: Settings, embedder: Embedder | None = None, *, create: bool = True
    ) -> NewsStore:
        """The configured store. `create=False` (searching) fails clearly when it is empty."""
        embedder = embedder or make_embedder(settings)
        client, where = make_client(settings, create=create)
        function = ChromaEmbedding(embedder)
        name = settings.news_collection
        if create:
            collection = client.get_or_create_collection(
                name,
                embedding_function=function,  # type: ignore[arg-type]
                configuration={"hnsw": HNSW},
                metadata={"embedding_model": embedder.name, "embedding_backend": embedder.backend},
            )
        else:
            collection = _existing(client, name, function, where)
        stored_model = (collection.metadata or {}).get("embedding_model")
        if stored_model != embedder.name:
            raise ConfigError(
                f"collection {name!r} in {where} was built with embedding model "
                f"{stored_model!r} but settings select {embedder.name!r}; set "
                "COPILOT_EMBEDDING_MODEL back, or use another COPILOT_NEWS_COLLECTION"
            )
        if create:  # writing; a search may query with either (measured: within tolerance)
            _check_backend(collection.metadata or {}, embedder, name, where)
        if settings.chroma_host:
            lock_name = f"chroma-{settings.chroma_host}-{settings.chroma_port}-{name}.lock"
        else:
            lock_name = f"writer-{name}.lock"
        return cls(client, collection, embedder, settings.news_path / lock_name, where)

    def writer(self, timeout_s: float = 60.0, on_wait: Any = None) -> WriterLock:
        """The exclusive writer lock of this store (see `copilot.news.lock`)."""
        return WriterLock(self.lock_path, timeout_s, on_wait, what=self.where)

    @property
    def max_batch_size(self) -> int:
        return int(self.client.get_max_batch_size())

    def count(self) -> int:
        """Number of stored chunks."""
        return int(self.collection.count())

    def stored_versions(self) -> dict[str, list[StoredVersion]]:
        """Every stored article version, by article id."""
        found = self.collection.get(where={"chunk_index": 0}, include=["metadatas"])
        versions: dict[str, list[StoredVersion]] = {}
        for meta in found["metadatas"] or []:
            article_id = str(meta["article_id"])
            versions.setdefault(article_id, []).append(
                StoredVersion(
                    article_id=article_id,
                    version=str(meta["version"]),
                    n_chunks=int(str(meta["n_chunks"])),
                    summary_only=bool(meta.get("summary_only", False)),
                )
            )
        return versions

    def add_chunks(self, chunks: Sequence[Chunk], embeddings: Sequence[Vector]) -> None:
        """Store whole articles' chunks in ONE call (Chroma applies a call all or nothing)."""
        if not chunks:
            return
        if len(chunks) != len(embeddings):
            raise ValueError("one embedding per chunk")
        self.collection.add(
            ids=[c.chunk_id for c in chunks],
            embeddings=[list(e) for e in embeddings],  # type: ignore[arg-type]
            documents=[c.embed_text for c in chunks],
            metadatas=[c.metadata() for c in chunks],
        )

    def delete_other_versions(self, article_id: str, keep_version: str) -> None:
        where = {"$and": [{"article_id": article_id}, {"version": {"$ne": keep_version}}]}
        self.collection.delete(where=cast(Where, where))

    def chunks_of(self, article_id: str) -> list[tuple[str, dict[str, Any]]]:
        """(chunk text, metadata) of every stored chunk of an article, in chunk order."""
        found = self.collection.get(
            where={"article_id": article_id}, include=["documents", "metadatas"]
        )
        rows = [
            (chunk_text(doc, str(meta["title"])), dict(meta))
            for doc, meta in zip(found["documents"] or [], found["metadatas"] or [], strict=True)
        ]
        return sorted(rows, key=lambda row: (str(row[1]["version"]), int(row[1]["chunk_index"])))

    def article_chunks(
        self, article_ids: Sequence[str]
    ) -> dict[str, list[tuple[str, str, dict[str, Any], Vector]]]:
        """(chunk id, stored document, metadata, embedding) of every stored chunk of each
        article, by article id: one read for all, for choosing among an article's chunks the
        one that carries its reason."""
        if not article_ids:
            return {}
        where: dict[str, Any] = {"article_id": {"$in": list(article_ids)}}
        found = self.collection.get(
            where=cast(Where, where),
            include=["documents", "metadatas", "embeddings"],
        )
        documents, metadatas = found["documents"] or [], found["metadatas"] or []
        vectors = found["embeddings"] if found["embeddings"] is not None else []
        chunks: dict[str, list[tuple[str, str, dict[str, Any], Vector]]] = {}
        for chunk_id, document, meta, vector in zip(
            found["ids"], documents, metadatas, vectors, strict=True
        ):
            row = (chunk_id, document, dict(meta), [float(x) for x in vector])
            chunks.setdefault(str(meta["article_id"]), []).append(row)
        return chunks

    def nearest(
        self, embedding: Vector, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine distance) of the `n` chunks nearest `embedding` that `where`
        admits, nearest first. Ids only: reading documents and metadata is the costly part."""
        found = self.collection.query(
            query_embeddings=[embedding],  # type: ignore[arg-type]
            n_results=n,
            where=cast(Where | None, where),
            include=["distances"],
        )
        distances = (found["distances"] or [[]])[0]
        return list(zip(found["ids"][0], distances, strict=True))

    def first_chunks(
        self, since: date, until: date
    ) -> list[tuple[str, str, dict[str, Any], Vector]]:
        """(chunk id, stored document, metadata, embedding) of the first chunk of every article
        published from `since` to `until` (UTC days, both included): a few days' headlines,
        read whole. One metadata-filtered read (the costly kind on a large store), so only for
        a window of days."""
        low = day_start_ts(since)
        high = day_start_ts(until + timedelta(days=1))
        where = {"$and": [{"published_ts": {"$gte": low}}, {"published_ts": {"$lt": high}},
                          {"chunk_index": 0}]}  # fmt: skip
        found = self.collection.get(
            where=cast(Where, where), include=["documents", "metadatas", "embeddings"]
        )
        documents, metadatas = found["documents"] or [], found["metadatas"] or []
        vectors = found["embeddings"] if found["embeddings"] is not None else []
        return [
            (chunk_id, document, dict(meta), [float(x) for x in vector])
            for chunk_id, document, meta, vector in zip(
                found["ids"], documents, metadatas, vectors, strict=True
            )
        ]

    def documents(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        """Stored documents (title, then chunk text) by chunk id, without metadata (cheaper)."""
        if not chunk_ids:
            return {}
        found = self.collection.get(ids=list(chunk_ids), include=["documents"])
        return dict(zip(found["ids"], found["documents"] or [], strict=True))

    def embeddings(self, chunk_ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored embeddings by chunk id (for diversity re-ranking); missing ids are left out."""
        if not chunk_ids:
            return {}
        found = self.collection.get(ids=list(chunk_ids), include=["embeddings"])
        vectors = found["embeddings"]
        if vectors is None:
            return {}
        return {
            chunk_id: [float(x) for x in vector]
            for chunk_id, vector in zip(found["ids"], vectors, strict=True)
        }

    def hits(self, scored: Sequence[tuple[str, float]]) -> list[NewsHit]:
        """The chunks behind (chunk id, distance) pairs, in the same order, with their text and
        metadata; ids that are no longer stored are left out."""
        if not scored:
            return []
        found = self.collection.get(
            ids=[chunk_id for chunk_id, _ in scored], include=["documents", "metadatas"]
        )
        rows = {
            chunk_id: (document, dict(meta))
            for chunk_id, document, meta in zip(
                found["ids"], found["documents"] or [], found["metadatas"] or [], strict=True
            )
        }
        return [
            NewsHit.from_chroma(chunk_id, *rows[chunk_id], distance)
            for chunk_id, distance in scored
            if chunk_id in rows
        ]


def vector_family(backend: str) -> str:
    """Backends whose vectors can share one store: torch and onnx give the same vectors
    (cosine > 0.9999); int8 ones drift (cosine ≈ 0.99, benchmarks/results/news.md)."""
    return "int8" if backend == "onnx-int8" else "fp32"


def _check_backend(metadata: dict[str, Any], embedder: Embedder, name: str, where: str) -> None:
    """Refuse to write int8 vectors into an fp32 store or the reverse, so a store's recorded
    backend stays true (stores from before backends were recorded were embedded by torch)."""
    stored = str(metadata.get("embedding_backend") or "torch")
    if vector_family(stored) == vector_family(embedder.backend):
        return
    if vector_family(stored) == "int8":
        fix = "COPILOT_EMBEDDING_BACKEND=onnx-int8"
    else:
        fix = "COPILOT_EMBEDDING_BACKEND=onnx (the same vectors as torch, faster)"
    raise ConfigError(
        f"collection {name!r} in {where} was embedded with backend {stored!r}, whose vectors "
        f"differ from those of {embedder.backend!r}; to add to it set {fix}, or ingest into "
        "another COPILOT_NEWS_COLLECTION"
    )


def _existing(client: ClientAPI, name: str, function: ChromaEmbedding, where: str) -> Collection:
    try:
        return client.get_collection(name, embedding_function=function)  # type: ignore[arg-type]
    except NotFoundError:
        raise NewsStoreMissingError(
            f"no news collection {name!r} in {where}; run `market-copilot ingest news PATH` first"
        ) from None
