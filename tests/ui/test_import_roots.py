"""The Data page reads only under the configured import roots: a typed `/`, a `..` escape or a
symlink out of a root is refused (or skipped) with one line, and the walk is bounded."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from ui_testkit import REPO, article

from copilot.settings import Settings
from ui.import_paths import ImportPathError, confined_files, confined_path


def data_page() -> None:
    from ui.data_page import page

    page()


def settings_with(roots: list[Path], **extra: Any) -> Settings:
    return Settings(_env_file=None, ui_import_roots=roots, **extra)


def csv(path: Path) -> bool:
    return path.suffix == ".csv"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/{a.csv, sub/b.csv, .hidden/c.csv, out -> ../outside}; outside/secret.csv."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    outside.mkdir()
    for path in (root / "a.csv", root / "sub" / "b.csv", root / ".hidden" / "c.csv",
                 outside / "secret.csv"):  # fmt: skip
        path.write_text("date,close\n2026-01-02,1\n")
    (root / "out").symlink_to(outside, target_is_directory=True)
    (root / "leak.csv").symlink_to(outside / "secret.csv")
    return root


@pytest.mark.parametrize("typed", ["/", "/etc", "{root}/..", "{root}/../outside", "{root}/out"])
def test_paths_outside_the_roots_are_refused_in_one_line(tree: Path, typed: str) -> None:
    with pytest.raises(ImportPathError) as caught:
        confined_path(typed.format(root=tree), settings_with([tree]))
    message = str(caught.value)
    assert "\n" not in message and ("outside the import folders" in message)


def test_missing_and_empty_paths_say_what_to_type(tree: Path) -> None:
    with pytest.raises(ImportPathError, match="does not exist"):
        confined_path(str(tree / "nope"), settings_with([tree]))
    with pytest.raises(ImportPathError, match="Type a folder or file under"):
        confined_path("  ", settings_with([tree]))


def test_the_walk_skips_hidden_entries_and_symlinks_that_leave_the_roots(tree: Path) -> None:
    found = confined_files(str(tree), settings_with([tree]), csv)
    assert sorted(p.relative_to(tree).as_posix() for p in found) == ["a.csv", "sub/b.csv"]


def test_the_walk_is_bounded(tree: Path) -> None:
    for i in range(30):
        (tree / "sub" / f"x{i}.csv").write_text("x")
    with pytest.raises(ImportPathError, match="more than 10 files and folders"):
        confined_files(str(tree), settings_with([tree], ui_import_max_files=10), csv)


def test_default_roots_are_the_data_dir_and_the_shared_data(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "d", shared_data_dir=tmp_path / "s")
    assert settings.import_roots == [tmp_path / "d", tmp_path / "s"]
    monkey = Settings(_env_file=None, ui_import_roots="/a,/b")
    assert monkey.import_roots == [Path("/a"), Path("/b")]


def test_typing_slash_in_the_data_page_imports_nothing(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPILOT_UI_IMPORT_ROOTS", str(tmp_path / "articles"))
    article(tmp_path / "articles", "a.md")
    at = AppTest.from_function(data_page, default_timeout=120)
    at.run()
    at.text_input[0].set_value("/")
    at.button[0].click().run()  # market folder
    assert not at.exception and len(at.error) == 1
    assert "outside the import folders" in at.error[0].value
    at.text_input[3].set_value(str(REPO))
    at.button[2].click().run()  # news folder: the checkout is outside the roots too
    assert len(at.error) == 1 and "outside the import folders" in at.error[0].value
    assert not (app_env / "market.duckdb").exists() and not os.path.exists(app_env / "news")
