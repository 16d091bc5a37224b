"""The chat page in `AppTest` with the scripted model over the shared sample market data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import ui_flagship as flagship
from ui_testkit import LLM_KEY, answer_html, app, article, build_news, of_type, texts

from copilot.errors import ProviderError
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM


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
    # Every number carries its mark; [n] became chips revealing the source on hover.
    assert html.count('class="mc-mark mc-verified"') == 5
    assert html.count('class="mc-mark mc-derived"') == 1  # 8.56 = 9.60 - 1.04
    assert 'class="mc-cite mc-data" title="IWM, SPY · streak · 2026-01-02 to 2026-01-22' in html
    assert "[4]" not in html  # no news store here: the unresolvable citation was removed
    assert not at.warning  # nothing unverified
    # The live status ended as a log of the tools and their arguments.
    status = of_type(at, "status")
    assert status and status[0].label.startswith("Used 3 tools")
    assert any('"versus": "SPY"' in c.value for c in of_type(at, "code"))
    # Sources follow the answer: one chip (popover) per cited source, with the values table.
    popovers = of_type(at, "popover")
    assert len(popovers) == 3
    assert "**\\[1\\] IWM\\, SPY** · `streak`" in texts(at)
    assert of_type(at, "dataframe")
    charts = of_type(at, "plotly_chart")
    assert len(charts) == 1  # IWM vs SPY, normalized, streak shaded
    assert "IWM beat SPY 14 sessions in a row" in charts[0].proto.spec
    assert any("not investment advice" in c.value for c in at.caption)


def test_news_citations_link_to_the_stored_url(market_env: Path, tmp_path: Path) -> None:
    article(tmp_path / "articles", "a.md")
    build_news(market_env, tmp_path / "articles")
    llm = ScriptedLLM(flagship.NEWS_TURNS)
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


def test_unverified_number_is_flagged_at_the_top(market_env: Path) -> None:
    wrong = "IWM beat SPY for 14 sessions in a row [1], jumping 42.5% since the end of 2025 [2]."
    llm = ScriptedLLM([flagship.PLAN, wrong, wrong])  # plan, write, repair (no better)
    at = ask(llm, flagship.QUESTION)
    llm.assert_consumed()
    assert len(at.warning) == 1 and "42\\.5\\%" in at.warning[0].value
    # [2] states IWM's return (+9.60%): the wrong figure is contradicted, with the right value.
    assert 'class="mc-mark mc-contradicted" title="Contradicted' in answer_html(at)
    assert "\\+9\\.60\\%" in at.warning[0].value  # escaped Markdown
    assert "1 contradicted ✗" in of_type(at, "expander")[-1].label


def test_follow_up_keeps_the_conversation(market_env: Path) -> None:
    seen: list[str] = []

    def plan(messages: list[ChatMessage]) -> str:
        seen.append(messages[-1]["content"])
        return flagship.PLAN

    llm = ScriptedLLM([plan, flagship.ANSWER, plan, "It lasted 14 sessions [1]."])
    at = ask(llm, flagship.QUESTION, "how long did that last?")
    llm.assert_consumed()
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    assert flagship.QUESTION in seen[1] and "how long did that last?" in seen[1]
    assert len(of_type(at, "plotly_chart")) == 2  # the first answer is still fully there


def test_as_of_picker_sets_the_date_the_engine_sees(market_env: Path) -> None:
    llm = ScriptedLLM(['{"calls": []}', "Nothing to report."])
    at = app()
    at.session_state[LLM_KEY] = llm
    at.run()
    assert at.date_input[0].value == date(2026, 1, 23)  # COPILOT_AS_OF
    at.date_input[0].set_value(date(2026, 1, 21)).run()
    at.chat_input[0].set_value("how are markets?").run()
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
    plan = '{"calls": [{"tool": "sector_returns", "args": {"day": "2026-01-22"}}]}'
    llm = ScriptedLLM([plan, "XLC led with 1.41% [1], while XLRE fell 0.99% [1]."])
    at = ask(llm, "How did sectors do on January 22?")
    llm.assert_consumed()
    charts = of_type(at, "plotly_chart")
    assert len(charts) == 1
    spec = charts[0].proto.spec
    assert '"type":"bar"' in spec.replace(" ", "") and "Sector ETF returns on 2026-01-22" in spec


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
