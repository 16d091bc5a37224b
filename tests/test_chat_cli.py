"""`market-copilot chat` end to end: a real store copied from the shared data, questions on
stdin, the scripted model writing the prose; a follow-up ("and QQQ?") reuses the previous turn's
window and measure with the new instrument; EOF and an exit word end the conversation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.cli import app, chat_commands
from copilot.llm.scripted import ScriptedLLM

# By hand from ../shared/data/market/prices/*.csv: "last week" as of Friday 2026-01-23 is
# Monday 2026-01-12 to Friday 2026-01-16; the base is the close before it, 2026-01-09.
#   IWM 260.23 → 265.76: 265.76 / 260.23 - 1 = +2.125043 % → +2.13 %
#   QQQ 626.65 → 621.26: 621.26 / 626.65 - 1 = -0.860132 % → -0.86 %
IWM_TURN = "IWM returned +2.13% last week [1]."
QQQ_TURN = "QQQ returned -0.86% last week [1]."


@pytest.fixture
def chat_env(tmp_path: Path, shared_market_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(shared_market_path, data / "market.duckdb")
    monkeypatch.setenv("COPILOT_DATA_DIR", str(data))
    monkeypatch.setenv("COPILOT_EMBEDDING_MODEL", "hash:64")
    for name in ("COPILOT_MARKET_DB", "COPILOT_NEWS_DIR", "COPILOT_AS_OF"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    return data


def chat(monkeypatch: pytest.MonkeyPatch, llm: ScriptedLLM, typed: str) -> str:
    """Run `market-copilot chat --as-of 2026-01-23` with `typed` on stdin; its output."""
    monkeypatch.setattr(chat_commands, "make_llm_beside_news", lambda *_a, **_k: llm)
    result = CliRunner().invoke(app, ["chat", "--as-of", "2026-01-23"], input=typed)
    assert result.exit_code == 0, result.output
    return result.output


def test_follow_up_reuses_window_and_measure_with_the_new_instrument(
    chat_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = ScriptedLLM([IWM_TURN, QQQ_TURN])
    output = chat(monkeypatch, llm, "How did IWM do last week?\nand QQQ?\n")  # then EOF
    llm.assert_consumed()
    first, second = output.split("Information, not investment advice.")[:2]
    # What the model was given for the follow-up: QQQ's return over the same week.
    follow_up_prompt = "\n".join(m["content"] for m in llm.calls[1])
    assert "QQQ" in follow_up_prompt and "-0.86" in follow_up_prompt
    assert "2026-01-12" in follow_up_prompt and "2026-01-16" in follow_up_prompt
    assert "IWM" in first.split("Sources")[1]
    sources = second.split("Sources")[1]
    assert "QQQ" in sources and "IWM" not in sources
    assert "2026-01-09 to 2026-01-16" in sources, sources  # base close to the week's last
    assert "(from the previous question)" in second  # the window, said to be carried over
    # Each figure is marked verified (✓) against its source: the right window and instrument.
    assert "IWM returned +2.13%✓ last week [1]." in first, first
    assert "QQQ returned -0.86%✓ last week [1]." in second, second


@pytest.mark.parametrize("word", ["quit", "exit", ""])
def test_an_exit_word_or_empty_line_ends_the_chat(
    chat_env: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    llm = ScriptedLLM([IWM_TURN])
    output = chat(monkeypatch, llm, f"How did IWM do last week?\n{word}\nand QQQ?\n")
    llm.assert_consumed()  # the question after the exit word was never asked
    assert "IWM returned +2.13%✓ last week [1]." in output
    assert "QQQ" not in output.split("Sources")[-1]
    assert output.count("Information, not investment advice.") == 1


def test_eof_at_once_ends_the_chat_without_asking(
    chat_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = ScriptedLLM([])
    output = chat(monkeypatch, llm, "")
    assert llm.calls == [] and "Answer" not in output
