"""The provider-fault matrix (benchmarks/reliability/faults.py) in CI: every fault of the
OpenAI-compatible client ends in an answer or a one-line error within its bound."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.reliability.fault_server import FaultServer, fault_server
from benchmarks.reliability.faults import ANSWER, BOUND_S, CASES, Case, run_case


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as srv:
        yield srv


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fault_resolves_within_its_bound(server: FaultServer, case: Case, tmp_path: Path) -> None:
    outcome = run_case(server, case, tmp_path)
    assert outcome.result != "crash", outcome.message
    assert outcome.seconds <= BOUND_S, f"{outcome.seconds:.1f} s"
    if case.expect == "answer":
        assert (outcome.result, outcome.message) == ("answer", ANSWER)
    else:
        assert outcome.result == "error" and case.expect in outcome.message, outcome.message
        assert "\n" not in outcome.message
