"""Every prompt file renders with its declared variables and refuses a missing one."""

from __future__ import annotations

import jinja2
import pytest

from copilot import prompts


@pytest.mark.parametrize("name", prompts.names())
def test_prompt_renders_with_its_variables(name: str) -> None:
    variables = prompts.declared_variables(name)
    text = prompts.render(name, **{v: f"<{v}>" for v in variables})
    assert text.strip()
    for v in variables:  # every declared variable is shown, or is a switch
        assert f"<{v}>" in text or f"{{% if {v} %}}" in prompts.source(name)
    if variables:
        missing = sorted(variables)[0]
        with pytest.raises(jinja2.UndefinedError):
            prompts.render(name, **{v: "x" for v in variables if v != missing})


def test_the_prompts_the_engine_needs_exist() -> None:
    needed = {"system", "slots", "write", "write_reason", "repair", "agent_system"}
    assert needed <= set(prompts.names())
    assert len(prompts.digest("system")) == 64
