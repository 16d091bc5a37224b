"""Prompts are files: `prompts/<name>.md`, Jinja2 with StrictUndefined, loaded by name.

A prompt's variables are whatever it references; rendering with one missing is an error, and
`declared_variables` lists them so a test can render every prompt.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from jinja2 import meta

_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # prompts are plain text for a model, never HTML
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


@cache
def source(name: str) -> str:
    """The raw text of prompt `name` (without the .md suffix)."""
    return (resources.files("prompts") / f"{name}.md").read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(
        p.name.removesuffix(".md")
        for p in resources.files("prompts").iterdir()
        if p.name.endswith(".md")
    )


def declared_variables(name: str) -> set[str]:
    return set(meta.find_undeclared_variables(_ENV.parse(source(name))))


@cache
def _template(name: str) -> jinja2.Template:
    return _ENV.from_string(source(name))


def render(name: str, **variables: Any) -> str:
    """Render prompt `name`; a variable it uses but that is not given raises an error."""
    return _template(name).render(**variables).strip()


def digest(name: str) -> str:
    """sha256 of the prompt file, for replay bundles and eval records."""
    return hashlib.sha256(source(name).encode()).hexdigest()
