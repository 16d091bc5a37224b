"""`market-copilot research "TOPIC"`: plan → confirm/edit → execute → write → verify → export."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from copilot.cli.common import load_settings, parse_day
from copilot.research import (
    Report,
    ResearchEvent,
    ResearchPlan,
    ResearchSession,
    export,
    replay_report,
    to_markdown,
)
from copilot.research.bundle import changed_prompts, load_bundle
from copilot.runtime import open_deps

console = Console()
err = Console(stderr=True)


def research(
    topic: str = typer.Argument("", help="What to research, e.g. 'why did small caps rally?'"),
    auto_accept: bool = typer.Option(False, "--auto-accept", help="Run the plan unasked."),
    as_of: str | None = typer.Option(None, "--as-of", help="Research as of YYYY-MM-DD."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write FILE.md|.html|.pdf"),
    replay: Path | None = typer.Option(None, "--replay", help="Re-render a bundle (no model)."),
    bundle: Path | None = typer.Option(None, "--bundle", help="Save the replay bundle here."),
) -> None:
    """Write a deep-research report whose every figure is cited and checked."""
    if replay is not None:
        _replay(replay, output)
        return
    if not topic.strip():
        raise typer.BadParameter("give a TOPIC (or --replay FILE).", param_hint="TOPIC")
    if output is not None and output.suffix.lower() not in (".md", ".markdown", ".html", ".pdf"):
        raise typer.BadParameter("use a .md, .html or .pdf file.", param_hint="-o")
    from copilot.cli.ask_commands import make_llm_with_progress

    settings = load_settings()
    day = parse_day(as_of, "--as-of") or settings.as_of
    llm = make_llm_with_progress(settings, quiet=False)
    with open_deps(settings, day) as deps:
        session = ResearchSession(deps, llm)
        err.print("[dim]planning…[/]")
        plan = session.propose_plan(topic, day)
        accepted = plan if auto_accept else confirm_plan(plan)
        if accepted is None:
            err.print("Cancelled.")
            raise typer.Exit(1)
        if auto_accept:
            show_plan(accepted)
        report = session.run(accepted, on_event=print_event)
        if bundle is not None:
            session.save_bundle(bundle)
            err.print(f"[dim]bundle: {bundle}[/]")
    _emit(to_markdown(report), report, output)


def _replay(path: Path, output: Path | None) -> None:
    changed = changed_prompts(load_bundle(path))
    if changed:
        names = escape(", ".join(changed))
        err.print(f"[yellow]note: prompts changed since this bundle: {names}[/]")
    report = replay_report(path)
    _emit(to_markdown(report), report, output)


def _emit(markdown: str, report: Report, output: Path | None) -> None:
    if output is None:
        typer.echo(markdown, nl=False)
        return
    export(report, output)
    share = report.share_verified * 100
    err.print(f"[green]wrote {escape(str(output))}[/] · {len(report.numbers)} figures, "
              f"{share:.0f}% verified")  # fmt: skip


def show_plan(plan: ResearchPlan) -> None:
    table = Table(title=escape(f"Research plan: {plan.topic} (as of {plan.as_of})"))
    for column in ("id", "tool", "arguments", "feeds", "why"):
        table.add_column(column)
    for step in plan.steps:
        cells = (step.id, step.tool, json.dumps(step.args), step.feeds, step.why)
        table.add_row(*(escape(cell) for cell in cells))  # model and user text
    err.print(table)
    for i, question in enumerate(plan.sub_questions, start=1):
        err.print(f"  sub-question {i}: {question}", highlight=False, markup=False)
    for rejected in plan.rejected:
        detail = escape(f"{json.dumps(rejected.raw)}: {rejected.problem}")
        err.print(f"  [yellow]rejected[/] {detail}", highlight=False)
    b = plan.budget
    err.print(f"  budget: {b.max_llm_calls} LLM calls, {b.max_tokens} tokens, "
              f"{b.max_tool_calls} tool calls, {b.max_seconds:.0f} s")  # fmt: skip


def confirm_plan(plan: ResearchPlan) -> ResearchPlan | None:
    """Show the plan; accept, edit (drop/add/change steps) or quit. None means quit."""
    while True:
        show_plan(plan)
        choice = typer.prompt("[a]ccept, [e]dit or [q]uit", default="a").strip().lower()
        if choice.startswith("a"):
            return plan
        if choice.startswith("q"):
            return None
        if choice.startswith("e"):
            plan = edit_plan(plan)


def edit_plan(plan: ResearchPlan) -> ResearchPlan:
    """One edit: `drop s2`, `add TOOL {json args} [feeds]`, `change s1 {json args}`."""
    command = typer.prompt("drop ID | add TOOL {args} [feeds] | change ID {args}").strip()
    verb, _, rest = command.partition(" ")
    try:
        if verb == "drop":
            return plan.drop(rest.strip())
        if verb == "add":
            tool, _, tail = rest.strip().partition(" ")
            args_text, feeds = _args_and_feeds(tail)
            return plan.add(tool, json.loads(args_text or "{}"), feeds or "analysis")
        if verb == "change":
            step_id, _, args_text = rest.strip().partition(" ")
            return plan.change(step_id, args=json.loads(args_text or "{}"))
        err.print("[yellow]use drop, add or change[/]")
    except (KeyError, ValueError) as exc:  # a typo: say so and show the plan again
        err.print(f"[yellow]not changed: {escape(str(exc))}[/]", highlight=False)
    return plan


def _args_and_feeds(text: str) -> tuple[str, str]:
    text = text.strip()
    if text.endswith("}") or not text:
        return text, ""
    args, _, feeds = text.rpartition(" ")
    return args, feeds


def print_event(event: ResearchEvent) -> None:
    if event.kind == "step_started":
        err.print(f"[dim]→ {event.name} {event.detail}[/]", highlight=False, markup=False)
    elif event.kind == "step_finished":
        style = "yellow" if event.error else "dim"
        err.print(f"[{style}]  {escape(event.detail[:160])}[/]", highlight=False)
    elif event.kind == "section_started":
        err.print(f"[dim]writing {escape(event.detail)}…[/]", highlight=False)
    elif event.kind == "section_finished":
        err.print(f"[dim]  done ({escape(event.detail)})[/]", highlight=False)
    elif event.kind == "phase" and event.name == "revise":
        err.print(f"[dim]revising {escape(event.detail)} (unverified figures)…[/]", highlight=False)
    elif event.kind == "budget_stop":
        detail = escape(event.detail)
        err.print(f"[bold yellow]budget spent ({detail}): stopping[/]", highlight=False)
