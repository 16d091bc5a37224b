"""Choosing the provider from settings, and validating JSON answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import copilot.llm as llm_package
from copilot.errors import ConfigError
from copilot.llm import OpenAICompatLLM, make_llm
from copilot.llm.json_output import ModelOutputError, schema_instruction, validate_json_output
from copilot.settings import Settings


def settings(tmp_path: Path, **values: Any) -> Settings:
    return Settings(data_dir=tmp_path, _env_file=None, **values)


def test_openai_provider(tmp_path: Path) -> None:
    llm = make_llm(settings(tmp_path, llm_provider="openai", openai_model="m"))
    assert isinstance(llm, OpenAICompatLLM)
    assert llm.model_id == "m"
    assert llm.base_url == "https://api.openai.com/v1"


def test_scripted_provider_is_not_built_from_settings(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="scripted"):
        make_llm(settings(tmp_path, llm_provider="scripted"))


def test_local_provider_with_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    with pytest.raises(ConfigError, match="local model file not found"):
        make_llm(settings(tmp_path, llm_provider="local", local_model_path=missing))


def test_lazy_exports() -> None:
    assert llm_package.OpenAICompatLLM is OpenAICompatLLM
    with pytest.raises(AttributeError):
        _ = llm_package.NoSuchThing


SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}


def test_validate_json_output() -> None:
    assert validate_json_output('{"n": 3}', SCHEMA) == {"n": 3}
    with pytest.raises(ModelOutputError, match="not valid JSON"):
        validate_json_output("{n: 3}", SCHEMA)
    with pytest.raises(ModelOutputError, match=r"n: '3' is not of type 'integer'"):
        validate_json_output('{"n": "3"}', SCHEMA)
    assert '"required":["n"]' in schema_instruction(SCHEMA)
