"""The one link policy for model-written text, applied at every edge (CLI, JSON, UI, exports).

Model text may carry what an article told the model to write: a link or an image to an outside
host with data in its URL. The policy: a link survives only when its target is one of the URLs
of the stored sources behind the text (the ledger: articles the tools returned); an image never
survives; every other URL-bearing construct is cut out. What is cut is replaced by a short,
visible marker, so a reader sees that something was removed.

Constructs handled (Markdown as CommonMark/GFM read it, plus what a terminal or a viewer would
turn into a link): images `![alt](url)` / `![alt][ref]`, inline links `[text](url)`, reference
definitions `[ref]: url`, autolinks `<scheme:…>`, raw `<a …>`/`<img …>` tags, and bare URLs
(`scheme://…`, `www.…`, `data:…`, `javascript:…`, `mailto:…`).

`LinkPolicy.edits` returns the replacements as spans of the original text, so a caller that
keeps offsets into the text (the verification marks) can move them (`apply_edits`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

LINK_REMOVED = "(link removed)"
IMAGE_REMOVED = "(image removed)"

_LABEL = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"  # link text: one level of nested brackets ([1] etc.)
_DEST = (
    r"\(\s*(?:<(?P<{name}_angle>[^<>\n]*)>|(?P<{name}_bare>(?:[^\s()]|\([^\s()]*\))*))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_BARE_URL = (
    r"(?:[a-z][a-z0-9+.\-]{1,31}://|www\.|data:[a-z]+/|javascript:|vbscript:|mailto:|file:)"
    r"[^\s<>\"'`]*"
)
_PATTERN = re.compile(
    "|".join(
        (
            rf"(?P<image>!\[{_LABEL}\](?:{_DEST.format(name='img')}|\[(?!\d)[^\[\]\n]+\]))",
            rf"(?P<link>\[(?P<text>{_LABEL})\]{_DEST.format(name='lnk')})",
            r"(?P<refdef>^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*(?P<ref_dest><[^<>\n]*>|\S+)"
            r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$)",
            r"(?P<autolink><(?P<auto_url>[a-z][a-z0-9+.\-]{1,31}:[^\s<>]*)>)",
            r"(?P<tag></?(?:a|img|image)\b[^>]*>)",
            rf"(?P<bare>{_BARE_URL})",
        )
    ),
    re.IGNORECASE | re.MULTILINE,
)
_TRAILING = ".,:;!?'\"*_~"


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class LinkPolicy:
    """Links allowed only to `allowed` (exact URLs of stored sources); no images at all."""

    allowed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, urls: Iterable[str]) -> LinkPolicy:
        return cls(frozenset(u.strip() for u in urls if is_web_url(u)))

    def allows(self, url: str) -> bool:
        return url.strip() in self.allowed

    def edits(self, text: str) -> list[Edit]:
        """Every replacement the policy makes in `text`, in order, non-overlapping."""
        return [edit for m in _PATTERN.finditer(text) if (edit := self._edit(m)) is not None]

    def clean(self, text: str) -> str:
        """`text` with every construct the policy refuses replaced."""
        return apply_edits(text, self.edits(text))[0]

    def _edit(self, match: re.Match[str]) -> Edit | None:
        start, end = match.span()
        if match["image"] is not None:
            return Edit(start, end, IMAGE_REMOVED)
        if match["link"] is not None:
            url = match["lnk_angle"] if match["lnk_angle"] is not None else match["lnk_bare"]
            if self.allows(url or ""):
                return None
            return Edit(start, end, self.clean(match["text"]))
        if match["refdef"] is not None:
            dest = match["ref_dest"].strip("<>")
            if self.allows(dest) or not _looks_like_url(dest):
                return None
            return Edit(start, end, LINK_REMOVED)
        if match["autolink"] is not None:
            return None if self.allows(match["auto_url"]) else Edit(start, end, LINK_REMOVED)
        if match["tag"] is not None:  # the tag goes; a link's text stays
            is_image = not match["tag"].lower().startswith(("<a", "</a"))
            return Edit(start, end, IMAGE_REMOVED if is_image else "")
        return self._bare_edit(match)

    def _bare_edit(self, match: re.Match[str]) -> Edit | None:
        url = _trim_url(match["bare"])
        if self.allows(url):
            return None
        start = match.start()
        return Edit(start, start + len(url), LINK_REMOVED)


def _trim_url(url: str) -> str:
    """A bare URL without the punctuation that ends the sentence around it (as GFM does)."""
    while url and (url[-1] in _TRAILING or _unbalanced_close(url)):
        url = url[:-1]
    return url


def _unbalanced_close(url: str) -> bool:
    last = url[-1]
    opener = {")": "(", "]": "["}.get(last)
    return opener is not None and url.count(opener) < url.count(last)


def _looks_like_url(dest: str) -> bool:
    return bool(re.search(r"[:/.@]", dest))


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host (what a stored source URL must be to be linked)."""
    return bool(re.fullmatch(r"https?://[^\s/?#<>\"'`]+[^\s<>\"'`]*", url.strip(), re.IGNORECASE))


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int, int]]]:
    """`text` with `edits` applied, and the shifts: (start, end, delta) of each edit, in order,
    for `moved`."""
    out: list[str] = []
    shifts: list[tuple[int, int, int]] = []
    cursor = 0
    for edit in edits:
        out.append(text[cursor : edit.start])
        out.append(edit.replacement)
        shifts.append((edit.start, edit.end, len(edit.replacement) - (edit.end - edit.start)))
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out), shifts


def moved(span: tuple[int, int], shifts: list[tuple[int, int, int]]) -> tuple[int, int] | None:
    """Where the span `[start, end)` of the original text is after the edits; None when an edit
    cut into it (the thing it pointed at is gone)."""
    start, end = span
    delta = 0
    for edit_start, edit_end, change in shifts:
        if edit_end <= start:
            delta += change
        elif edit_start >= end:
            break
        else:
            return None
    return start + delta, end + delta
