"""Every edge that shows an answer applies the link policy: the CLI's streamed and final text,
`--json`, and the UI's rendering. The engine here is a stand-in that returns a fixed answer (the
edges are what is tested; the corpus test drives real retrieval)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from copilot.answer import AgentEvent, Answer, NumberCheck, Verification
from copilot.cli import ask_commands, quick_exit
from copilot.safety.answers import safe_answer
from copilot.sources import NewsSource

STORED = "https://apnews.com/article/small-caps-3f2a"
EVIL_LINK = "https://evil.example/c?d=IWM+4.1%25"
EVIL_IMAGE = "https://img.evil.example/p.png?k=42"
TEXT = (
    f"Small caps rose 4.1% [1]. As [AP]({STORED}) said, read [more]({EVIL_LINK}) "
    f"![chart]({EVIL_IMAGE}) and {EVIL_LINK} — IWM gained 2.5% [1, 99]. Per the wire [99]."
)


def hostile_answer() -> Answer:
    first, second = TEXT.index("4.1%"), TEXT.rindex("2.5%")
    in_url = TEXT.index("4.1%25")  # a "number" the verifier found inside the evil URL
    checks = [
        NumberCheck(text="4.1%", value=4.1, unit="%", start=first, end=first + 4,
                    status="verified", source=1),
        NumberCheck(text="4.1", value=4.1, unit="level", start=in_url, end=in_url + 3,
                    status="unverified"),
        NumberCheck(text="2.5%", value=2.5, unit="%", start=second, end=second + 4,
                    status="verified", source=1),
    ]  # fmt: skip
    source = NewsSource(
        article_id="a", chunk_id="a:0", title="Small caps \x1b[31mrally\x1b[0m\x9b", publisher="AP",
        published_at=datetime(2026, 1, 22, tzinfo=UTC), url=STORED, text="IWM rose 4.1%.",
    )  # fmt: skip
    return Answer(
        question="why?", as_of=date(2026, 1, 23), text=TEXT, sources={1: source},
        verification=Verification(numbers=checks, cited=[1]), model="stand-in",
    )  # fmt: skip


def assert_clean(out: str) -> None:
    assert "evil.example" not in out and "\x1b" not in out and "\x9b" not in out, out


def test_safe_answer_cuts_links_and_moves_the_number_marks() -> None:
    answer = safe_answer(hostile_answer())
    assert_clean(answer.text + answer.model_dump_json())
    assert f"[AP]({STORED})" in answer.text  # the stored source stays linked
    assert "[99]" not in answer.text and "2.5% [1]." in answer.text  # no source 99: cut
    for check in answer.verification.numbers:
        assert answer.text[check.start : check.end] == check.text
    assert [c.text for c in answer.verification.numbers] == ["4.1%", "2.5%"]
    assert answer.sources[1].title == "Small caps [31mrally[0m"


class StandIn:
    mode = "stand-in"
    deps: Any = None

    def ask(self, question: str, as_of: date | None = None, on_event: Any = None) -> Answer:
        for i in range(0, len(TEXT), 5):  # streamed in pieces that split the links
            if on_event is not None:
                on_event(AgentEvent(kind="token", text=TEXT[i : i + 5]))
        return hostile_answer()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    @contextmanager
    def no_stores(*_args: Any, **_kwargs: Any) -> Iterator[SimpleNamespace]:
        yield SimpleNamespace(news=None)

    monkeypatch.setattr(ask_commands, "open_deps", no_stores)
    monkeypatch.setattr(ask_commands, "make_llm_in_background", lambda *a, **k: None)
    monkeypatch.setattr(ask_commands, "make_engine", lambda *a, **k: StandIn())
    app = typer.Typer()
    app.command()(ask_commands.ask)
    return app


def test_cli_text_streamed_and_final_carry_no_off_policy_link(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["why?"])
    assert result.exit_code == 0, result.output
    assert_clean(result.output)
    assert "Small caps rose 4.1%" in result.output and STORED in result.output


def test_cli_json_carries_no_off_policy_link(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["why?", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert_clean(payload["text"] + payload["sources"]["1"]["title"])
    text = payload["text"]
    assert [text[n["start"] : n["end"]] for n in payload["verification"]["numbers"]] == [
        "4.1%", "2.5%",
    ]  # fmt: skip


def test_ui_rendering_uses_the_same_policy() -> None:
    from ui.answer_html import answer_html

    html = answer_html(hostile_answer())
    assert_clean(html)
    assert f'href="{STORED}"' in html


def test_a_finished_ask_asks_the_entry_point_for_the_quick_exit(
    cli: typer.Typer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quick_exit, "_requested", False)
    result = CliRunner().invoke(cli, ["why?", "--json"])
    assert result.exit_code == 0, result.output
    assert quick_exit.requested()
