"""Executing the plan: each step runs its tool; evidence goes into the ledger.

A step whose tool answers with an error (or raises) is recorded as failed and the rest continue;
the budget is checked before every step and stops the run when spent.
"""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

from copilot.research.budget import BudgetExhausted, BudgetTracker
from copilot.research.models import PlanStep, ResearchCallback, ResearchEvent, StepRecord
from copilot.tools import ToolDeps, run_tool


def sha256_json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def run_step(deps: ToolDeps, step: PlanStep) -> StepRecord:
    t0 = time.perf_counter()
    try:
        output = run_tool(deps, step.tool, dict(step.args))
        text, data, sources, error = output.text, output.data, output.sources, output.error
    except Exception as exc:  # a step's bug must not lose the report: it is recorded as failed
        text, data, sources, error = f"Error: {type(exc).__name__}: {exc}", {}, [], True
    return StepRecord(
        id=step.id, tool=step.tool, args=step.args, feeds=step.feeds,
        status="failed" if error else "ok", output=text, data=_jsonable(data),
        sources=sources, seconds=time.perf_counter() - t0,
        args_sha256=sha256_json(step.args), output_sha256=sha256_text(text),
    )  # fmt: skip


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


def execute(
    deps: ToolDeps, steps: list[PlanStep], budget: BudgetTracker, on_event: ResearchCallback
) -> tuple[list[StepRecord], str | None]:
    """Run `steps` in order; returns the records and why the budget stopped them (or None)."""
    records: list[StepRecord] = []
    stopped: str | None = None
    for step in steps:
        if stopped is None:
            try:
                budget.before_tool_call()
            except BudgetExhausted as exc:
                stopped = str(exc)
                on_event(ResearchEvent(kind="budget_stop", name=step.id, detail=stopped))
        if stopped is not None:
            records.append(StepRecord(
                id=step.id, tool=step.tool, args=step.args, feeds=step.feeds, status="skipped",
                output=f"not run: the budget ({stopped}) was spent",
                args_sha256=sha256_json(step.args),
            ))  # fmt: skip
            continue
        detail = json.dumps(step.args, default=str)
        on_event(ResearchEvent(kind="step_started", name=f"{step.id} {step.tool}", detail=detail))
        record = run_step(deps, step)
        records.append(record)
        on_event(ResearchEvent(
            kind="step_finished", name=f"{step.id} {step.tool}",
            detail=record.output.splitlines()[0] if record.output else "",
            error=record.status == "failed",
        ))  # fmt: skip
    return records, stopped
