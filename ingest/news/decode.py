"""Read an input file as text, whatever its encoding, or fail with a message naming the file.

UTF-8 (with or without BOM) and UTF-16 (with BOM, or without one when the NUL pattern is
unmistakable) decode silently; bytes that are not UTF-8 decode as Windows-1252/Latin-1 with a
warning; empty and binary files are errors.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from copilot.errors import ImportFileError

MAX_FILE_BYTES = 64 * 1024 * 1024  # beyond this a file is refused rather than read into memory


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> DecodedText:
    """The file's text; `ImportFileError` for unreadable, empty, binary or oversized files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFileError(
                str(path), f"file is {size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode `data` (see the module docstring); `name` is used in messages."""
    if not data.strip():
        raise ImportFileError(name, "empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, name)
    bare16 = _bare_utf16(data)
    if bare16 is not None:
        return _strict(data, bare16, name)
    if b"\x00" in data or _looks_binary(data):
        raise ImportFileError(name, "binary file, not text (is it a PDF, image or archive?)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warning = f"{name}: not UTF-8 (first bad {where}); read as {encoding} (Latin-1 family)"
    return DecodedText(text, encoding, [warning])


def _strict(data: bytes, encoding: str, name: str) -> DecodedText:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(name, f"invalid {encoding} text at byte {exc.start}") from None
    if not text.strip():
        raise ImportFileError(name, "empty file")
    return DecodedText(text, encoding)


def _bare_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte of a text-like prefix is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """More than 10% control bytes (other than tab/newline/CR/form feed) in the first 4 KB."""
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.1 * len(sample)
