"""Checking a model's JSON answer against the schema it was asked to follow.

Constrained decoding (llama.cpp grammars, OpenAI `json_schema`) makes the text parse, but a
grammar built from a schema does not enforce every keyword (formats, bounds), and a server's
plain JSON mode enforces none, so every `complete(json_schema=…)` result is validated here.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from copilot.errors import ProviderError


class ModelOutputError(ProviderError):
    """The model's answer does not have the shape it was required to have."""


def validate_json_output(text: str, schema: dict[str, Any]) -> Any:
    """Parse `text` and validate it against `schema`; return the parsed value."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        msg = f"the model's answer is not valid JSON ({exc}): {text[:200]!r}"
        raise ModelOutputError(msg) from exc
    # jsonschema ships without type information; it is used through `Any` on purpose.
    jsonschema: Any = importlib.import_module("jsonschema")
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(value), key=lambda e: list(e.path)
    )
    if errors:
        problems = "; ".join(
            f"{'/'.join(str(p) for p in e.path) or '(root)'}: {e.message}" for e in errors[:5]
        )
        raise ModelOutputError(f"the model's JSON answer does not match the schema: {problems}")
    return value


def schema_instruction(schema: dict[str, Any]) -> str:
    """A system-prompt line asking for JSON matching `schema` (for servers' plain JSON mode)."""
    compact = json.dumps(schema, separators=(",", ":"))
    return f"Answer with only a JSON object that matches this JSON schema: {compact}"
