"""One registry of tools, shared by the agent (as LangChain tools) and `market-copilot tool`.

A tool is a plain function `(deps, args) -> ToolOutput` plus a pydantic model of its arguments.
Errors a model can fix (`ModelFixableError`) become the tool's text answer; bugs propagate.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, Field, ValidationError

from copilot.errors import ModelFixableError
from copilot.settings import Settings
from copilot.sources import SourceLedger

if TYPE_CHECKING:  # LangChain loads only for the agent mode (it costs ~0.4 s of every start)
    from langchain_core.tools import BaseTool

ArgsT = TypeVar("ArgsT", bound=BaseModel)


@dataclass
class ToolDeps:
    """What tools need, passed in (never module globals) so every test is a plain call."""

    settings: Settings
    ledger: SourceLedger
    market: Any = None  # copilot.market.store.MarketStore (Any keeps this module import-light)
    news: Any = None  # copilot.news store, when the news side is available
    as_of: date | None = None  # nothing after this date is visible to any tool


class ToolOutput(BaseModel):
    """A tool's answer: short text for the model, structured data for code and UI."""

    text: str
    data: dict[str, Any] = Field(default_factory=dict)
    sources: list[int] = Field(default_factory=list, description="Ledger numbers it registered.")
    error: bool = False
    note: str = Field(
        "", description="Code's own sentence on the result, said in the answer as written."
    )


@dataclass(frozen=True)
class ToolSpec(Generic[ArgsT]):
    name: str
    args_model: type[ArgsT]
    run: Callable[[ToolDeps, ArgsT], ToolOutput]

    @property
    def description(self) -> str:
        return (self.run.__doc__ or "").strip()


TOOLS: dict[str, ToolSpec[Any]] = {}


def register_tool(
    name: str, args_model: type[ArgsT]
) -> Callable[[Callable[[ToolDeps, ArgsT], ToolOutput]], Callable[[ToolDeps, ArgsT], ToolOutput]]:
    """Decorator: add a tool function to `TOOLS` under `name`."""

    def decorate(
        func: Callable[[ToolDeps, ArgsT], ToolOutput],
    ) -> Callable[[ToolDeps, ArgsT], ToolOutput]:
        if name in TOOLS:
            raise ValueError(f"tool {name!r} registered twice")
        TOOLS[name] = ToolSpec(name, args_model, func)
        return func

    return decorate


def run_tool(deps: ToolDeps, name: str, arguments: dict[str, Any]) -> ToolOutput:
    """Validate `arguments` and run tool `name`; fixable mistakes come back as error text."""
    spec = TOOLS.get(name)
    if spec is None:
        known = ", ".join(sorted(TOOLS))
        return ToolOutput(text=f"Error: no tool named {name!r}. Tools: {known}.", error=True)
    try:
        args = spec.args_model.model_validate(arguments)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'arguments'}: {err['msg']}"
            for err in exc.errors()
        )
        return ToolOutput(text=f"Error: invalid arguments for {name}: {problems}.", error=True)
    try:
        return spec.run(deps, args)
    except ModelFixableError as exc:
        return ToolOutput(text=f"Error: {exc}", error=True)


def build_langchain_tools(deps: ToolDeps, names: list[str] | None = None) -> list[BaseTool]:
    """The registered tools bound to `deps` as LangChain tools (content: text; artifact: output)."""
    tools: list[BaseTool] = []
    for spec in TOOLS.values():
        if names is not None and spec.name not in names:
            continue
        tools.append(_as_langchain(deps, spec))
    return tools


def _as_langchain(deps: ToolDeps, spec: ToolSpec[Any]) -> BaseTool:
    from langchain_core.tools import StructuredTool

    def call(**kwargs: Any) -> tuple[str, ToolOutput]:
        output = run_tool(deps, spec.name, kwargs)
        return output.text, output

    return StructuredTool.from_function(
        func=call,
        name=spec.name,
        description=spec.description,
        args_schema=spec.args_model,
        response_format="content_and_artifact",
    )


def describe_tools() -> str:
    """Name, arguments schema and description of every tool, as JSON text (for `tool --list`)."""
    return json.dumps(
        {
            name: {"description": spec.description, "args": spec.args_model.model_json_schema()}
            for name, spec in sorted(TOOLS.items())
        },
        indent=2,
    )
