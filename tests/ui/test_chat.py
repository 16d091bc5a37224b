"""The chat page in `AppTest` with the scripted model over the shared sample market data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import ui_flagship as flagship
from ui_testkit import LLM_KEY, answer_html, app, article, build_news, of_type, texts

from copilot.errors import ContextOverflowError, ProviderError
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from tests.raw import close_on, raw_closes


def ask(llm: ScriptedLLM, *questions: str):  # type: ignore[no-untyped-def]
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    assert not at.exception, at.exception
    for question in questions:
        at.chat_input[0].set_value(question).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def test_flagship_answer_with_sources_marks_and_chart(market_env: Path) -> None:
    llm = ScriptedLLM(flagship.TURNS)
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    html = answer_html(at)
    # Every figure carries its mark; [n] became chips revealing the source on hover.
    for figure in ("+8.77%", "+0.29%", "14"):
        assert f'{figure}<span class="mc-mark mc-verified"' in html.replace("</span>", "")
    assert "mc-unverified" not in html
    assert 'class="mc-cite mc-data" title="IWM, SPY · measure · 2025-12-30 to 2026-01-22' in html
    assert not at.warning  # nothing unverified
    # The live status ended as a log of the tools and their arguments.
    status = of_type(at, "status")
    assert status and status[0].label.startswith("Used 2 tools")
    assert any('"versus": "SPY"' in c.value for c in of_type(at, "code"))
    # Sources follow the answer: one chip (popover) per cited source, with the values table.
    popovers = of_type(at, "popover")
    assert len(popovers) == 2
    assert "**\\[1\\] IWM\\, SPY** · `measure`" in texts(at)
    assert of_type(at, "dataframe")
    charts = of_type(at, "plotly_chart")
    assert len(charts) == 1  # IWM vs SPY, normalized, streak shaded
    spec = charts[0].proto.spec
    assert "IWM beat SPY 14 sessions in a row" in spec  # the streak, shaded from its first
    assert '"x0":"2026-01-02","x1":"2026-01-22"' in spec  # session to its last
    assert any("not investment advice" in c.value for c in at.caption)


def test_news_citations_link_to_the_stored_url(market_env: Path, tmp_path: Path) -> None:
    article(tmp_path / "articles", "a.md")
    build_news(market_env, tmp_path / "articles")
    llm = ScriptedLLM(flagship.NEWS_TURNS[:1])  # one stored article: one reasons turn
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    html = answer_html(at)
    assert (
        '<a class="mc-cite mc-news" href="https://news.example.com/markets/small-caps-streak" '
        'target="_blank" title="Small caps extend winning streak — Example Wire, 2026-01-22"'
    ) in html
    assert [b.label for b in of_type(at, "link_button")] == ["Open the article"]
    quote = [b for b in texts(at) if 'class="mc-quote"' in b]
    assert quote and "rate-cut hopes" in quote[0]


def test_an_unsupported_figure_leaves_the_answer_and_is_listed(market_env: Path) -> None:
    wrong = "IWM beat SPY 14 sessions in a row [2]. It jumped 42.5% since the end of 2025 [1]."
    llm = ScriptedLLM([wrong, wrong])  # write, repair (no better)
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    assert "42.5" not in answer_html(at)
    removed = [c.value for c in at.caption if c.value.startswith("Removed, did not hold up")]
    assert removed and "42\\.5\\%" in removed[0]


def test_a_false_premise_is_corrected_and_listed(market_env: Path, shared_data: Path) -> None:
    rows = raw_closes(shared_data / "market" / "prices", "XLE")
    january = max(d for d, _ in rows if d <= "2026-01-23")  # the app's as-of date (conftest)
    right = f"{(close_on(rows, january) / close_on(rows, '2025-12-31') - 1) * 100:.2f}%"
    llm = ScriptedLLM([f"XLE rose {right} in January 2026 [1]."])
    at = ask(llm, "Why did XLE gain 3% in January 2026?")
    llm.assert_consumed()
    assert f"Correction: XLE rose {right}" in answer_html(at)
    listed = [c.value for c in at.caption if c.value.startswith("The question's figure")]
    assert listed and listed[0].startswith("The question's figure, corrected: 3\\%")


def test_follow_up_keeps_the_conversation(market_env: Path) -> None:
    seen: list[str] = []

    def write(messages: list[ChatMessage]) -> str:
        seen.append(messages[-1]["content"])
        return "QQQ moved too [1]."

    llm = ScriptedLLM([flagship.ANSWER, write])
    at = ask(llm, flagship.QUESTION, "and QQQ?")
    llm.assert_consumed()
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    second = at.session_state["copilot.history"][1].answer
    assert second.tool_calls[0].arguments["symbols"][0] == "QQQ"  # the why, for QQQ now
    assert "Earlier in this conversation" in seen[0] and flagship.QUESTION in seen[0]
    assert len(of_type(at, "plotly_chart")) >= 1  # the first answer is still fully there


def test_as_of_picker_sets_the_date_the_engine_sees(market_env: Path) -> None:
    llm = ScriptedLLM(["SPY moved [1]."])
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    assert at.date_input[0].value == date(2026, 1, 23)  # COPILOT_AS_OF
    at.date_input[0].set_value(date(2026, 1, 21)).run()
    at.chat_input[0].set_value("how did SPY do?").run()
    llm.assert_consumed()
    turn = at.session_state["copilot.history"][0]
    assert turn.as_of == date(2026, 1, 21) and turn.answer.as_of == date(2026, 1, 21)
    assert "2026-01-21" in llm.calls[0][0]["content"] + llm.calls[0][-1]["content"]


def test_provider_error_is_a_readable_message(market_env: Path) -> None:
    failure = ProviderError("cannot reach http://127.0.0.1:9/v1: connection refused")
    llm = ScriptedLLM([failure])
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    assert not at.exception
    assert len(at.error) == 1 and "connection refused" in at.error[0].value
    assert any("Check the model settings" in c.value for c in at.caption)


def test_a_context_overflow_says_to_ask_for_less_not_to_check_the_server(
    market_env: Path,
) -> None:
    # Found in the app (session 59): a prompt too long for the embedded model's context was
    # told "could not be reached … is the server running?".
    failure = ContextOverflowError(
        "the prompt does not fit the local model's context (4096 tokens): Requested tokens "
        "(4809) exceed context window of 4096"
    )
    llm = ScriptedLLM([failure])
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    assert len(at.error) == 1 and "4809" in at.error[0].value
    hints = " ".join(c.value for c in at.caption)
    assert "evidence was too long for the model" in hints
    assert hints.count("evidence was too long for the model") == 1  # said once
    assert "is the server running" not in hints


def test_empty_stores_show_a_first_run_state(app_env: Path) -> None:
    llm = ScriptedLLM([])  # never asked: there is nothing to answer from
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    assert not at.exception
    assert "no market data here yet" in at.info[0].value
    assert any("market-copilot ingest market" in c.value for c in of_type(at, "code"))
    assert of_type(at, "page_link")
    at.chat_input[0].set_value(flagship.QUESTION).run()  # asking anyway gets the same guidance
    assert not at.exception and not at.error
    assert "no market data here yet" in at.info[0].value
    assert [m.name for m in at.chat_message] == ["user"]
    llm.assert_consumed()


@pytest.mark.parametrize("registered", [False, True])
def test_research_slot_is_hidden_until_a_feature_registers(
    market_env: Path, registered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import actions

    monkeypatch.setattr(actions, "_ACTIONS", {})
    monkeypatch.setattr(actions, "_loaded", True)  # not ui.research's own registration
    if registered:
        action = actions.AnswerAction("research", "Research this in depth", lambda turn: None)
        actions.register_answer_action(action)
    at = ask(ScriptedLLM(flagship.TURNS), flagship.QUESTION)
    labels = [b.label for b in at.button]
    assert ("Research this in depth" in labels) is registered


def test_unreachable_openai_server_is_a_readable_message(
    market_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real OpenAI-compatible provider, chosen in the sidebar, against a closed port."""
    monkeypatch.setenv("COPILOT_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("COPILOT_LLM_TIMEOUT_S", "5")
    monkeypatch.setenv("COPILOT_UI_ALLOW_CUSTOM_ENDPOINT", "true")  # the Server URL box
    at = app()
    at.run()
    at.selectbox(key="copilot.provider").select("openai").run()
    at.text_input(key="copilot.base_url").set_value("http://127.0.0.1:9/v1").run()
    at.chat_input[0].set_value(flagship.QUESTION).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and "127\\.0\\.0\\.1" in at.error[0].value
    assert any("Check the model settings" in c.value for c in at.caption)


@pytest.mark.local_model
def test_flagship_with_the_embedded_model(market_env: Path) -> None:
    """The real local model end to end in the app (slow): an answer with checked numbers."""
    at = app()
    at.default_timeout = 1800  # ~2 min on 2 idle cores; far more on a busy machine
    at.run()
    at.chat_input[0].set_value(flagship.QUESTION).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    html = answer_html(at)
    assert 'class="mc-mark mc-' in html and 'class="mc-cite' in html
    assert of_type(at, "plotly_chart")


def test_sector_table_becomes_a_bar_chart(market_env: Path) -> None:
    llm = ScriptedLLM(["XLC led with +1.41% [1], while XLRE fell 0.99% [1]."])
    at = ask(llm, "Which sector did best on January 22?")
    llm.assert_consumed()
    charts = [c.proto.spec for c in of_type(at, "plotly_chart")]
    bars = [spec for spec in charts if '"type":"bar"' in spec.replace(" ", "")]
    assert len(bars) == 1 and "Ranked returns, 2026-01-22" in bars[0]
    assert bars[0].count('"y"') >= 1 and "XLRE" in bars[0] and "XLC" in bars[0]


def test_a_running_import_is_a_message_not_an_error(
    market_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.market_gate import MarketGate

    monkeypatch.setattr(MarketGate, "acquire_read", _busy)
    at = app()
    at.run()
    assert not at.exception
    assert "an import is writing" in at.warning[0].value


def _busy(self: object, timeout_s: float = 0) -> None:
    from ui.market_gate import StoreBusyError

    raise StoreBusyError(
        "an import is writing to the market store; try again when it has finished."
    )
