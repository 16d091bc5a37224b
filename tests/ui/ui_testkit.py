"""Helpers for the app tests (imported by name: this folder has no __init__)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from copilot.news import HashEmbedder, NewsStore
from copilot.settings import Settings
from ingest.news import ingest_paths

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "ui" / "app.py"
LLM_KEY = "copilot.llm_override"  # ui.resources.LLM_OVERRIDE_KEY

TRACKER = """# {title}

**Source:** [{url}]({url})
**Publisher:** {publisher}
**Published:** {published}
**Scraped (UTC):** 2026-01-23T01:00:00+00:00

## Summary
{summary}

## Full Article
{body}
"""


def app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def article(root: Path, name: str, **fields: str) -> Path:
    values = {
        "title": "Small caps extend winning streak",
        "url": "https://news.example.com/markets/small-caps-streak",
        "publisher": "Example Wire",
        "published": "January 22, 2026",
        "summary": "The Russell 2000 rose again.",
        "body": "Small caps rallied again on Thursday as rate-cut hopes grew.",
    }
    values.update(fields)
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TRACKER.format(**values), encoding="utf-8")
    return path


def build_news(data_dir: Path, files: Path) -> None:
    """Ingest the tracker files under `files` into the news store the app will open (the env's
    COPILOT_* settings, hash embeddings)."""
    settings = Settings(_env_file=None, data_dir=data_dir, embedding_model="hash:64")
    assert os.environ.get("COPILOT_EMBEDDING_MODEL") == "hash:64"
    store = NewsStore.open(settings, HashEmbedder())
    report = ingest_paths(store, [files])
    assert report.added, report


def walk(node: Any) -> Iterator[Any]:
    """Every element under `node` (AppTest's tree), depth first."""
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from walk(child)


def of_type(at: AppTest, kind: str) -> list[Any]:
    return [e for e in walk(at._tree) if getattr(e, "type", "") == kind]


def html_blocks(at: AppTest) -> list[str]:
    """Markdown rendered with raw HTML allowed (must all be sanitized)."""
    return [e.value for e in of_type(at, "markdown") if e.proto.allow_html]


def answer_html(at: AppTest) -> str:
    blocks = [b for b in html_blocks(at) if 'class="mc-answer"' in b]
    assert blocks, "no answer was rendered"
    return blocks[-1]


def texts(at: AppTest) -> list[str]:
    """Every string an element shows (values, labels, bodies)."""
    found = []
    for element in walk(at._tree):
        for attribute in ("value", "label", "body"):
            try:
                value = getattr(element, attribute, None)
            except Exception:  # some elements compute these lazily from absent state
                continue
            if isinstance(value, str):
                found.append(value)
    return found
