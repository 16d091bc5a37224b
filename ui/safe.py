"""Safe rendering of untrusted text: model answers and article text.

Two ways out, nothing else:

* **HTML** (`markdown_html`, `sanitize`): Markdown is rendered by markdown-it-py with raw HTML
  *disabled* (a `<script>` in the text becomes visible text), then everything passes through
  nh3 (the Rust `ammonia` sanitizer) with a short tag allowlist, `http`/`https` only, links kept
  only when their target is one of the answer's source URLs (which come from stored metadata),
  and no images unless their host is in `IMAGE_HOSTS`. Only this output is ever given to
  `st.markdown(..., unsafe_allow_html=True)`.
* **Literal text** (`escape_markdown`): every ASCII punctuation character is backslash-escaped,
  which CommonMark guarantees renders as the character itself — no links, images, HTML, math,
  `:color[...]` directives or emoji shortcodes. Streamlit's Markdown also turns *bare* URLs,
  `www.` names and e-mail addresses into links (GFM autolink literals, escapes or not), so a
  zero-width space is put inside each trigger (`://`, `www.`, `@`): the text reads the same and
  links nowhere. Used for untrusted text in labels, captions and the answer while it streams.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Collection
from functools import cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

SAFE_SCHEMES = frozenset({"http", "https"})
# Hosts an answer may show images from. Empty: answers show no images at all.
IMAGE_HOSTS: frozenset[str] = frozenset()

_TAGS = {
    "p", "br", "strong", "em", "b", "i", "del", "code", "pre", "ul", "ol", "li", "blockquote",
    "h4", "h5", "h6", "hr", "a", "span", "sup", "div", "table", "thead", "tbody", "tr", "th",
    "td",
}  # fmt: skip
REPORT_TAGS = frozenset({"h1", "h2", "h3"})  # the only tags `extra_tags` may add
_ATTRIBUTES = {"a": {"href", "title", "target"}, "span": {"title"}, "img": {"src", "alt"}}
_CLASSES = {
    "div": {"mc-answer", "mc-quote"},
    "span": {
        "mc-mark",
        "mc-verified",
        "mc-derived",
        "mc-unverified",
        "mc-moved",
        "mc-contradicted",
        "mc-unsupported",
        "mc-cite",
        "mc-data",
        "mc-said",
    },
    "a": {"mc-cite", "mc-news"},
}
_PUNCTUATION = frozenset(string.punctuation)
_ZWSP = "\u200b"
# GFM autolink-literal triggers; the zero-width space goes before the last character of each.
_AUTOLINK = re.compile(r"://|www\.|@", re.IGNORECASE)
PRIVATE_USE = ("\ue000", "\ue001")  # sentinels the renderer uses; stripped from untrusted text


@cache
def _markdown() -> MarkdownIt:
    # CommonMark with raw HTML off; markdown-it's own link validation already refuses
    # javascript:/vbscript:/file: links, nh3 below is the authoritative check.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def is_safe_url(url: str) -> bool:
    """An absolute http(s) URL with a host (what a source link may point to)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc) and url == url.strip()


def strip_sentinels(text: str) -> str:
    return text.replace(PRIVATE_USE[0], "").replace(PRIVATE_USE[1], "")


def escape_markdown(text: str) -> str:
    """`text` as literal, link-free Markdown (see the module docstring)."""
    unlinked = _AUTOLINK.sub(lambda m: m[0][:-1] + _ZWSP + m[0][-1], strip_sentinels(text))
    return "".join("\\" + c if c in _PUNCTUATION else c for c in unlinked)


def escape_html(text: str) -> str:
    return html.escape(strip_sentinels(text), quote=True)


def markdown_html(text: str) -> str:
    """Markdown → HTML with raw HTML disabled (not yet sanitized: pass the result to sanitize)."""
    rendered: str = _markdown().render(text)
    return rendered


def sanitize(
    fragment: str, allowed_links: Collection[str] = (), extra_tags: Collection[str] = ()
) -> str:
    """The HTML `fragment` reduced to the allowlist (plus `extra_tags`, e.g. a report's
    `h1`-`h3`); `<a href>` survives only for a URL in `allowed_links` that is itself http(s)."""
    links = {u for u in allowed_links if is_safe_url(u)}

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if value in links else None
        if tag == "img" and attribute == "src":
            return value if _allowed_image(value) else None
        if attribute == "target":
            return "_blank" if value == "_blank" else None
        return value

    tags = _TAGS | (set(extra_tags) & REPORT_TAGS) | ({"img"} if IMAGE_HOSTS else set())
    cleaned: str = nh3.clean(
        fragment,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        attribute_filter=keep,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return cleaned


def _allowed_image(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and (parts.hostname or "") in IMAGE_HOSTS


def one_block(fragment: str) -> str:
    """Join HTML into one block without blank lines, so Streamlit's Markdown renderer treats it
    as a single raw-HTML block and never parses Markdown (or `$…$` math) inside it."""
    return "\n".join(line for line in fragment.splitlines() if line.strip())


def quoted_html(text: str) -> str:
    """Article text as an inert, sanitized quotation (line breaks kept)."""
    body = "<br>".join(escape_html(line) for line in text.strip().splitlines())
    return one_block(sanitize(f'<div class="mc-quote">{body}</div>'))
