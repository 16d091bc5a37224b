"""The console entry point leaves a finished `ask` at once, and only then: real subprocesses,
since what is skipped (the interpreter's finalization) only exists at a process's end."""

from __future__ import annotations

import subprocess
import sys

# Each script stands in for a command: it prints, registers an exit hook that finalization
# would run, and exits through `copilot.cli.run` as `market-copilot` does.
SCRIPT = """
import atexit, sys
import copilot.cli as cli
atexit.register(lambda: print("finalized"))
def command():
    sys.stdout.write("the answer")  # no newline: stays in Python's buffer until flushed
    {request}
    sys.exit({code})
cli.main = command
cli.run()
"""


def run_script(request: str, code: int) -> subprocess.CompletedProcess[str]:
    source = SCRIPT.format(request=request, code=code)
    return subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=False
    )


def test_a_finished_command_that_asked_leaves_without_finalizing_and_loses_no_output() -> None:
    done = run_script("cli.quick_exit.request()", 0)
    assert done.returncode == 0
    assert done.stdout == "the answer"  # flushed; the exit hook never ran


def test_without_the_request_the_process_finalizes_as_usual() -> None:
    done = run_script("pass", 0)
    assert done.returncode == 0 and done.stdout == "the answerfinalized\n"


def test_a_failed_command_keeps_its_exit_code_and_finalizes() -> None:
    done = run_script("cli.quick_exit.request()", 1)
    assert done.returncode == 1 and done.stdout == "the answerfinalized\n"
