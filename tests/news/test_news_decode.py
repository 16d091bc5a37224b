"""Bad and unusual encodings: each file decodes or fails with a message naming it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from copilot.errors import ImportFileError
from ingest.news.decode import read_text

TEXT = "# Café déjà vu — “quotes”\n\nBody text.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_files_decode_exactly(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(data)
    decoded = read_text(path)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.warnings == []


def test_latin1_file_decodes_with_a_warning_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes("# Café in Zürich\n\nPrix: 5 €\n".encode("cp1252"))
    decoded = read_text(path)
    assert decoded.text == "# Café in Zürich\n\nPrix: 5 €\n"
    assert len(decoded.warnings) == 1 and str(path) in decoded.warnings[0]
    assert "not UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe binary", "binary file"),
        (bytes(range(256)) * 8, "binary file"),
    ],
)
def test_empty_and_binary_files_are_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as info:
        read_text(path)
    assert info.value.path == str(path)
    assert reason in info.value.reason


def test_missing_file_is_an_import_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot read"):
        read_text(tmp_path / "nope.md")
