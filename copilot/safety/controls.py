"""Control characters out of text shown to a person: a title with `ESC [ …` in it must not
drive the reader's terminal.

C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F) are removed; `\\n` and `\\t` are kept only where
a line break or a tab means something (bodies), never in one-line fields (titles, publishers,
authors), where every whitespace run becomes one space.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps \t and \n


def strip_controls(text: str, keep_layout: bool = False) -> str:
    """`text` without C0/C1 control characters (`keep_layout`: \\n and \\t stay)."""
    pattern = _CONTROLS_BUT_LAYOUT if keep_layout else _CONTROLS
    return pattern.sub("", text.replace("\r\n", "\n") if keep_layout else text)


def one_line(text: str) -> str:
    """A one-line field (title, publisher, author): controls gone, whitespace runs one space.
    Line breaks and tabs become spaces first, so words never run together."""
    return " ".join(strip_controls(re.sub(r"[\t\n\r\v\f]", " ", text)).split())
