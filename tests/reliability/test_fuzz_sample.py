"""The fuzzing corpus (benchmarks/reliability/fuzz.py) in CI, a few hundred inputs a target:
no unhandled exception, each rejection one line, nothing stored from a rejected file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.reliability.fuzz import CliWorld, cli_world, run_target

SAMPLE = {"csv": 150, "jsonl": 200, "rss": 200, "html": 100}


@pytest.mark.parametrize("target", sorted(SAMPLE))
def test_loader_fuzz_sample(target: str, tmp_path: Path) -> None:
    tally = run_target(target, SAMPLE[target], tmp_path)
    assert tally.failure is None, tally.failure
    assert tally.examples >= SAMPLE[target]
    assert tally.accepted > 0 and tally.rejected > 0  # the inputs reach both outcomes


@pytest.fixture(scope="module")
def world() -> Iterator[CliWorld]:
    with cli_world() as made:
        yield made


def test_cli_arguments_fuzz_sample(world: CliWorld, tmp_path: Path) -> None:
    tally = run_target("cli", 60, tmp_path, world)
    assert tally.failure is None, tally.failure
    assert tally.examples >= 60 and tally.accepted > 0 and tally.rejected > 0
