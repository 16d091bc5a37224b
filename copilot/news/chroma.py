"""Chroma plumbing: the client (embedded or server) and our embedding function adapter.

Chroma's own default embedding function downloads a model and fails offline, so every
collection is opened with `ChromaEmbedding` wrapping one of our embedders.
"""

from __future__ import annotations

from typing import Any

import chromadb
import httpx
from chromadb.api import ClientAPI
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import register_embedding_function

from copilot.errors import ConfigError, CopilotError
from copilot.news.embeddings import Embedder, embedder_from_name
from copilot.settings import Settings


class NewsStoreMissingError(CopilotError):
    """Nothing has been ingested into the configured news store yet."""


@register_embedding_function
class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Adapts an `Embedder` to Chroma's embedding-function protocol."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in self.embedder.embed(list(input))]

    @staticmethod
    def name() -> str:
        return "market_copilot"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    def get_config(self) -> dict[str, Any]:
        return {"model": self.embedder.name, "backend": self.embedder.backend}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        backend = str(config.get("backend") or "torch")
        return ChromaEmbedding(embedder_from_name(str(config.get("model", "")), backend=backend))


def chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False)


def make_client(settings: Settings, create: bool = True) -> tuple[ClientAPI, str]:
    """A `HttpClient` when settings name a Chroma server, else a `PersistentClient` on
    `settings.news_path`; also a description of where that is, for messages."""
    if settings.chroma_host:
        where = f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings()
            )
            client.heartbeat()
        except (ValueError, OSError, httpx.HTTPError) as exc:  # ValueError: connection refused
            raise ConfigError(
                f"cannot reach {where}: {exc}. Is `chroma run` up? Or unset COPILOT_CHROMA_HOST."
            ) from None
        return client, where
    path = settings.news_path
    where = f"news store {path}"
    if not create and not (path / "chroma.sqlite3").exists():
        raise NewsStoreMissingError(
            f"no news store at {path}; run `market-copilot ingest news PATH` first"
        )
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings()), where
