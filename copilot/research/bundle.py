"""The replay bundle: the `ResearchRecord` as JSON, plus integrity hashes.

It holds the plan, every tool input/output with sha256 hashes, the sources (with the retrieved
chunk ids), the model id and settings, the prompt files' hashes and every model output — all a
report is rendered from, so `load_bundle` + `build_report` re-renders it without any model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from copilot import prompts
from copilot.errors import ConfigError
from copilot.research.executor import sha256_text
from copilot.research.models import ResearchRecord

# The drivers section's turns are the why-answer's own (`copilot.research.drivers`).
ANSWER_PROMPTS = ("system", "write_reason")


def prompt_digests() -> dict[str, str]:
    return {name: prompts.digest(name) for name in prompts.names()
            if name.startswith("research_") or name in ANSWER_PROMPTS}  # fmt: skip


def bundle_json(record: ResearchRecord) -> str:
    payload: dict[str, Any] = {
        "kind": "market-copilot research bundle",
        "record": record.model_dump(mode="json"),
        "retrieved_chunk_ids": record.retrieved_chunk_ids(),
    }
    payload["record_sha256"] = sha256_text(json.dumps(payload["record"], sort_keys=True))
    return json.dumps(payload, indent=1, ensure_ascii=False) + "\n"


def save_bundle(record: ResearchRecord, path: Path) -> Path:
    path.write_text(bundle_json(record), encoding="utf-8")
    return path


def load_bundle(path: Path) -> ResearchRecord:
    """Read a bundle; a file edited by hand (hash mismatch) or of another kind is refused."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        record_json = payload["record"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path} is not a research bundle ({exc})") from exc
    digest = sha256_text(json.dumps(record_json, sort_keys=True))
    if digest != payload.get("record_sha256"):
        raise ConfigError(f"{path}: the bundle's record does not match its sha256 (edited?)")
    return ResearchRecord.model_validate(record_json)


def changed_prompts(record: ResearchRecord) -> list[str]:
    """Prompt files that changed since the bundle was made (replay still renders it)."""
    now = prompt_digests()
    return [name for name, digest in record.prompt_digests.items() if now.get(name) != digest]
