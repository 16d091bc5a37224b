"""The console entry point: `ask` alone is built for a question (the other commands are not
imported), and a finished `ask` leaves at once, and only then. Real subprocesses: what is
skipped (imports, the interpreter's finalization) only exists in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Each script stands in for a command: it prints, registers an exit hook that finalization
# would run, and exits through `copilot.cli.run` as `market-copilot` does.
SCRIPT = """
import atexit, sys
import copilot.cli as cli
import copilot.cli.commands as commands
atexit.register(lambda: print("finalized"))
def command():
    sys.stdout.write("the answer")  # no newline: stays in Python's buffer until flushed
    {request}
    sys.exit({code})
commands.main = command
sys.argv = ["market-copilot", "market"]
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


ASK_ONLY = """
import sys
from copilot.cli import run
sys.argv = ["market-copilot", *sys.argv[1:]]
try:
    run()
except SystemExit as done:
    others = [m for m in sys.modules if m.startswith("copilot.cli.") and m.endswith("_commands")]
    print("CODE", done.code, "LOADED", sorted(others))
"""


def test_a_question_builds_the_ask_command_alone(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ASK_ONLY, "ask", "--help"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert "--as-of" in done.stdout and "Usage:" in done.stdout
    assert "CODE 0 LOADED ['copilot.cli.ask_commands']" in done.stdout


def test_the_ask_command_alone_still_reports_errors_meant_for_users(tmp_path: Path) -> None:
    # No market store: `ask` stops with the message and exit code 1, as in the full app (an
    # OpenAI-compatible provider, so that no local model starts loading meanwhile).
    env = {
        **os.environ,
        "COPILOT_DATA_DIR": str(tmp_path / "empty"),
        "COPILOT_LLM_PROVIDER": "openai",
        "COPILOT_OPENAI_BASE_URL": "http://127.0.0.1:9",
    }
    done = subprocess.run(
        [sys.executable, "-c", ASK_ONLY, "ask", "why did small caps rally?"],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert "Error:" in done.stderr, done.stderr
    assert "CODE 1 LOADED ['copilot.cli.ask_commands']" in done.stdout


def test_other_commands_get_the_full_command_set(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ASK_ONLY, "--help"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert "research" in done.stdout and "ingest" in done.stdout
    assert "copilot.cli.research_commands" in done.stdout.split("LOADED", 1)[1]
