"""Building the configured model with a progress bar for the one-time assembly of its file.

Kept apart from the command modules (and light to import) so that the console entry point can
start the load before the command line's own imports (`copilot.entry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

if TYPE_CHECKING:
    from copilot.llm.base import LLM
    from copilot.settings import Settings


def make_llm_with_progress(settings: Settings, quiet: bool) -> LLM:
    from copilot.llm import make_llm

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
                        console=Console(stderr=True), transient=True)  # fmt: skip
    task = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            progress.start()
            task = progress.add_task("Preparing the local model (first run)", total=total)
        progress.update(task, completed=done)
        if done >= total:
            progress.stop()

    return make_llm(settings, on_model_progress=None if quiet else on_progress)
