"""The bundled all-MiniLM-L6-v2 on ONNX Runtime: the same weights and the same vectors as the
torch path (fp32), or its int8 dynamically quantized variant — about twice the chunks per
CPU-second on a 2-core machine (benchmarks/results/news.md).

Tokenization uses the model's own `tokenizer.json` through `tokenizers` (what
sentence-transformers' fast tokenizer runs): the input is stripped, truncated to 256 tokens and
padded per batch. Texts are sorted by token count first, so each batch pads to a similar length.
Neither torch nor transformers is imported once the ONNX file is cached.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from copilot.errors import ConfigError
from copilot.news.embeddings import (
    BUNDLED_MODEL,
    BUNDLED_NAMES,
    BUNDLED_SHA256,
    Embedder,
    Vector,
    bundled_model_dir,
)
from copilot.news.onnx_export import INPUT_NAMES, Variant, cached_onnx

DEFAULT_CACHE_DIR = Path.home() / ".cache" / "market-copilot"


class OnnxEmbedder(Embedder):
    """`quantized=False`: backend `onnx`, fp32; `quantized=True`: backend `onnx-int8`."""

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        *,
        quantized: bool = False,
        cache_dir: Path | None = None,
        batch_size: int = 1,
        max_seq_length: int = 256,
        threads: int | None = None,
    ) -> None:
        if model not in BUNDLED_NAMES:
            raise ConfigError(
                f"the onnx backends run the bundled {BUNDLED_MODEL} only, not {model!r}; "
                "set COPILOT_EMBEDDING_BACKEND=torch"
            )
        self.name = BUNDLED_MODEL
        self.backend = "onnx-int8" if quantized else "onnx"
        self.variant: Variant = "int8" if quantized else "fp32"
        self.cache_dir = cache_dir or DEFAULT_CACHE_DIR
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.threads = threads  # calls run side by side (default: all cores; CLI --threads)
        self.onnx_path: Path | None = None
        self._session: Any = None
        self._tokenizer: Any = None
        self._loading = threading.Lock()  # a background preload and a query may race

    def preload(self) -> None:
        self.load()

    def load(self) -> Any:
        """Build or verify the cached ONNX file (once) and open the session."""
        if self._session is None:
            with self._loading:
                if self._session is None:
                    model_dir = bundled_model_dir()
                    self.onnx_path = cached_onnx(
                        model_dir, BUNDLED_SHA256, self.cache_dir, self.variant
                    )
                    self._tokenizer = _tokenizer(model_dir / "tokenizer.json", self.max_seq_length)
                    self._session = _session(self.onnx_path)
        return self._session

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        return self._embed(texts, self.threads or os.cpu_count() or 1)

    def embed_query(self, text: str) -> Vector:
        """One text on one thread."""
        return self._embed([text], 1)[0]

    def _embed(self, texts: Sequence[str], workers: int) -> list[Vector]:
        import numpy as np

        session = self.load()
        encodings = self._tokenizer.encode_batch([text.strip() for text in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]

        def run(picked: list[int]) -> Any:
            return session.run(None, _padded([encodings[i] for i in picked]))[0]

        if workers > 1 and len(batches) > 1:
            with ThreadPoolExecutor(workers) as pool:  # Run() is thread-safe and frees the GIL
                outputs = list(pool.map(run, batches))
        else:
            outputs = [run(picked) for picked in batches]
        vectors = np.zeros((len(texts), outputs[0].shape[1]), dtype=np.float32)
        for picked, out in zip(batches, outputs, strict=True):
            vectors[picked] = out
        return [[float(x) for x in row] for row in vectors]


def _padded(encodings: Sequence[Any]) -> dict[str, Any]:
    """The three int64 input arrays, padded with 0 (BERT's [PAD] id) to the longest."""
    import numpy as np

    width = max(len(e.ids) for e in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in INPUT_NAMES}
    for row, encoding in enumerate(encodings):
        n = len(encoding.ids)
        arrays["input_ids"][row, :n] = encoding.ids
        arrays["attention_mask"][row, :n] = encoding.attention_mask
        arrays["token_type_ids"][row, :n] = encoding.type_ids
    return arrays


def _tokenizer(path: Path, max_length: int) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()  # padded per batch, after sorting by length
    tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
    return tokenizer


def _session(path: Path) -> Any:
    """One thread per call: `threads` calls run side by side, one text each, which keeps both
    cores busy better than splitting one small matrix product across them."""
    import onnxruntime as ort  # type: ignore[import-untyped]

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Threads that spin while waiting burn the cores other work needs on a shared machine.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # warnings about fused ops' shape inference are noise
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
