"""Where the Data page may read from: a path a visitor types is confined to the configured
import roots (`COPILOT_UI_IMPORT_ROOTS`, default: the data dir and the shared sample data
folder), resolved first (no `..` or symlink escape), and walked with a bound
(`COPILOT_UI_IMPORT_MAX_FILES` entries), so typing `/` can neither read the disk nor keep the
server busy. Every refusal is one line that says what to do.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from copilot.errors import ConfigError
from copilot.settings import Settings


class ImportPathError(ConfigError):
    """A typed path the Data page will not read."""


def allowed_roots(settings: Settings) -> list[Path]:
    """The configured roots, resolved (a root that does not exist is left out)."""
    roots = []
    for root in settings.import_roots:
        try:
            roots.append(root.resolve(strict=True))
        except (OSError, RuntimeError):
            continue
    return roots


def _roots_label(roots: list[Path]) -> str:
    return ", ".join(str(r) for r in roots) or "(none exist)"


def confined_path(typed: str, settings: Settings) -> Path:
    """The typed file or folder, resolved, if it lies inside an import root."""
    roots = allowed_roots(settings)
    text = typed.strip()
    if not text:
        raise ImportPathError(f"Type a folder or file under {_roots_label(roots)}.")
    try:
        path = Path(text).resolve(strict=True)
    except (OSError, RuntimeError):
        raise ImportPathError(
            f"{text!r} does not exist; type a folder or file under {_roots_label(roots)}."
        ) from None
    if not any(path.is_relative_to(root) for root in roots):
        raise ImportPathError(
            f"{text!r} is outside the import folders ({_roots_label(roots)}); put the files "
            "there or add a folder to COPILOT_UI_IMPORT_ROOTS."
        )
    return path


def confined_files(typed: str, settings: Settings, wanted: Callable[[Path], bool]) -> list[Path]:
    """The `wanted` files at or under the typed path: hidden entries skipped, symlinks that
    lead outside the roots skipped, at most `ui_import_max_files` entries visited."""
    path = confined_path(typed, settings)
    if path.is_file():
        return [path] if wanted(path) else []
    roots = allowed_roots(settings)
    limit = settings.ui_import_max_files
    visited = 0
    found: list[Path] = []
    for folder, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        visited += len(dirs) + len(files)
        if visited > limit:
            raise ImportPathError(
                f"{typed.strip()!r} holds more than {limit:,} files and folders; import a "
                "smaller folder (or raise COPILOT_UI_IMPORT_MAX_FILES)."
            )
        for name in sorted(files):
            if name.startswith("."):
                continue
            candidate = Path(folder) / name
            real = candidate.resolve()
            if any(real.is_relative_to(root) for root in roots) and wanted(candidate):
                found.append(candidate)
    return found
