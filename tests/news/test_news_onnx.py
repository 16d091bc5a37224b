"""The ONNX Runtime backends against the torch path, on the real bundled weights: the same
tokens, the same vectors (fp32) or close ones (int8), and the export cache (built once, reused,
rebuilt when corrupted). The first test builds the ONNX files into a temporary cache (≈ 1 min on
2 busy cores)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from copilot.news import onnx_export
from copilot.news.embeddings import BUNDLED_SHA256, SentenceTransformerEmbedder, bundled_model_dir
from copilot.news.onnx_embedder import OnnxEmbedder
from copilot.news.onnx_export import file_sha256

SENTENCES = [
    "Stocks climb as small caps extend a 13-day winning streak.",
    "The Russell 2000 rose 1.1% to a record close of 2,700 on Thursday.",
    "Utilities were the worst-performing sector as Treasury yields jumped.",
    "Federal Reserve officials signalled patience on interest-rate cuts.",
    "Oil prices fell after OPEC+ agreed to raise output in February.",
    "Nvidia shares slid 3% amid concerns over export restrictions to China.",
    "   Leading and trailing spaces are stripped before tokenizing.   ",
    "Café, naïve, Zürich — accents and punctuation: 10 % vs. 10%!",
]
# Measured on these sentences: int8 cosine to torch 0.9908 lowest, 0.9932 mean (fp32: 1.0000);
# on a fresh install of 2026-12-01 (same torch 2.13.0; onnxruntime 1.31.1 or 1.32.0, onnx 1.22
# or 1.23.2, transformers 5.23 or 5.24 all give it) 0.9829 lowest, 0.9899 mean. The bounds
# leave room for that drift; the neighbours below are what retrieval needs.
INT8_MIN_COSINE = 0.98
INT8_MEAN_COSINE = 0.985


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="module")
def torch_model() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="module")
def torch_vectors(torch_model: SentenceTransformerEmbedder) -> np.ndarray:
    return np.asarray(torch_model.embed(SENTENCES))


def _long_text() -> str:
    return " ".join(f"Sentence {i} about markets, rates and earnings." for i in range(80))


def test_onnx_fp32_gives_torchs_vectors(cache: Path, torch_vectors: np.ndarray) -> None:
    onnx = OnnxEmbedder(cache_dir=cache)
    vectors = np.asarray(onnx.embed(SENTENCES))
    assert vectors.shape == torch_vectors.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (vectors * torch_vectors).sum(axis=1).min() > 0.9999
    query = np.asarray(onnx.embed_query(SENTENCES[1]))
    assert float(query @ torch_vectors[1]) > 0.9999


def test_onnx_int8_stays_close_to_torch(cache: Path, torch_vectors: np.ndarray) -> None:
    int8 = OnnxEmbedder(cache_dir=cache, quantized=True)
    vectors = np.asarray(int8.embed(SENTENCES))
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert cosines.min() > INT8_MIN_COSINE and cosines.mean() > INT8_MEAN_COSINE
    # Neighbours are kept: each sentence's nearest other sentence is the one torch finds.
    assert (_nearest(vectors) == _nearest(torch_vectors)).all()


def _nearest(vectors: np.ndarray) -> np.ndarray:
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1.0)
    return np.asarray(similarity.argmax(axis=1))


def test_a_vector_does_not_depend_on_its_batch(cache: Path) -> None:
    """One text per call: int8's on-the-fly activation scales never mix texts."""
    int8 = OnnxEmbedder(cache_dir=cache, quantized=True)
    alone = int8.embed([SENTENCES[2]])[0]
    in_batch = int8.embed([SENTENCES[0], _long_text(), SENTENCES[2]])[2]
    assert alone == in_batch


def test_tokens_match_the_torch_path(cache: Path, torch_model: SentenceTransformerEmbedder) -> None:
    onnx = OnnxEmbedder(cache_dir=cache)
    onnx.load()
    texts = [*SENTENCES, _long_text(), ""]
    reference = torch_model.load().tokenize(texts)
    for row, text in enumerate(texts):
        mask = reference["attention_mask"][row].tolist()
        expected = [
            int(t) for t, m in zip(reference["input_ids"][row].tolist(), mask, strict=True) if m
        ]
        assert onnx._tokenizer.encode(text.strip()).ids == expected, text
    assert len(onnx._tokenizer.encode(_long_text()).ids) == 256  # truncated as torch truncates


def test_a_second_load_reuses_the_cached_export(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    OnnxEmbedder(cache_dir=cache, quantized=True).load()  # built by now (or here)
    files = sorted(cache.rglob("*.onnx"))
    stamps = [path.stat().st_mtime_ns for path in files]

    def no_build(*args: object) -> None:
        raise AssertionError("the cached ONNX file was rebuilt")

    monkeypatch.setattr(onnx_export, "_build", no_build)
    for quantized in (False, True):
        embedder = OnnxEmbedder(cache_dir=cache, quantized=quantized)
        embedder.load()
        assert embedder.onnx_path in files
    assert [path.stat().st_mtime_ns for path in files] == stamps


def test_a_corrupted_cache_file_is_detected_and_rebuilt(
    cache: Path, torch_vectors: np.ndarray
) -> None:
    int8 = OnnxEmbedder(cache_dir=cache, quantized=True)
    int8.load()
    path = int8.onnx_path
    assert path is not None
    good = int8.embed(SENTENCES[:2])
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64  # flipped bytes, same size
    path.write_bytes(bytes(data))
    assert not onnx_export.is_valid(path, BUNDLED_SHA256)
    rebuilt = OnnxEmbedder(cache_dir=cache, quantized=True)
    assert rebuilt.embed(SENTENCES[:2]) == good
    manifest = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    assert manifest["sha256"] == file_sha256(path)
    assert manifest["source_sha256"] == BUNDLED_SHA256
    assert file_sha256(bundled_model_dir() / "model.safetensors") == BUNDLED_SHA256
