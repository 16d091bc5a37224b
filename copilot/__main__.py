"""`python -m copilot` is the same as the `market-copilot` command."""

from copilot.cli import run

run()
