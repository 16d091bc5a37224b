"""What the question's words settle, said to a model that plans tool calls itself (the research
planner and the LangChain agent mode), and the one-line tool menu they read."""

from __future__ import annotations

from datetime import date

from copilot.tools import TOOLS, ToolDeps


def tool_menu(names: list[str]) -> str:
    """One line per tool: name(arguments) - what it does. Short: the model reads every token."""
    lines = []
    for name in names:
        spec = TOOLS[name]
        schema = spec.args_model.model_json_schema()
        required = set(schema.get("required", []))
        args = ", ".join(a if a in required else f"{a}?" for a in schema.get("properties", {}))
        summary = spec.description.split(". ")[0].splitlines()[0].rstrip(".")
        lines.append(f"- {name}({args}): {summary}")
    return "\n".join(lines)


def concept_hints(deps: ToolDeps, question: str, as_of: date | None = None) -> str:
    """The understanding layer's trace as one line ("instruments: small caps → IWM; window: …"),
    or "" without a market store."""
    if deps.market is None:
        return ""
    from copilot.understand import Catalog, understand

    day = as_of or deps.as_of or deps.market.latest_date() or date.today()
    settled = understand(question, day, Catalog.from_store(deps.market))
    return "; ".join(settled.trace)
