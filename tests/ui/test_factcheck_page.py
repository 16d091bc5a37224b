"""The Fact-check page in AppTest over the shared sample market data: paste → check → verdict,
the claims table with marks, right values and sources, the downloads; hostile article text stays
text; the navigation entry."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from ui_testkit import app, html_blocks, of_type

from ui.factcheck_page import TEXT_KEY

ARTICLE = """# Thursday [wrap](javascript:alert(1)) <img src=x onerror=alert(1)>

**Published:** January 22, 2026

Utilities fell 0.7% on Thursday. Industrials rose 0.5% on Thursday. Nvidia jumped 4%.
"""
# By hand from prices/*.csv: XLU 43.02 → 42.71 = -0.72 %; XLI 166.36 → 165.50 = -0.52 %.


def factcheck_script() -> None:
    from ui.factcheck_page import page

    page()


def checked(text: str) -> AppTest:
    at = AppTest.from_function(factcheck_script, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_area(key=TEXT_KEY).set_value(text)
    at.button[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_pasted_article_gets_verdict_marks_and_downloads(market_env: Path) -> None:
    at = checked(ARTICLE)
    assert at.subheader[0].value.replace("\\", "") == "3 claims: 1 ✓, 1 ✗, 1 ?"
    table = at.dataframe[0].value
    assert list(table["mark"]) == ["✓", "✗", "?"]
    assert table["instrument"].tolist()[:2] == ["XLU", "XLI"]
    assert table["right value"].iloc[1] == "-0.52% [2]"
    assert "wrong direction" in table["why"].iloc[1]
    assert "NVDA" in table["why"].iloc[2]
    labels = [b.proto.label for b in of_type(at, "download_button")]
    assert labels == ["Download Markdown", "Download HTML"]
    assert at.expander and "Sources (2)" in at.expander[0].label


def test_article_text_is_never_rendered_as_markup(market_env: Path) -> None:
    at = checked(ARTICLE)
    caption = " ".join(c.value for c in at.caption)
    assert "\\[wrap\\]" in caption and "\\<img" in caption  # escaped, shown as text
    assert not any("<img" in block or "javascript:" in block for block in html_blocks(at))


def test_empty_input_says_what_to_do(market_env: Path) -> None:
    at = checked("   ")
    assert "Paste an article" in at.info[0].value
    assert not at.dataframe


def test_no_store_says_to_import(app_env: Path) -> None:
    at = checked(ARTICLE)
    assert "No market data yet" in at.info[0].value


def test_the_app_registers_the_page(app_env: Path) -> None:
    at = app()
    at.run()
    registered = {p["page_name"]: p["url_pathname"] for p in at._registered_pages.values()}
    assert registered.get("Fact-check") == "factcheck"
