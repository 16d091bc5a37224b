"""The full `market-copilot` command set (`app`), and `main`, its entry with the errors meant for
users caught once (`copilot.cli.launch`)."""

from __future__ import annotations

from copilot.cli import (
    ask_commands,
    chat_commands,
    check_commands,
    eval_commands,
    ingest_commands,
    market_commands,
    refresh_commands,
    research_commands,
    tool_commands,
    ui_commands,
)
from copilot.cli.launch import launch, new_app

app = new_app()
app.add_typer(ingest_commands.app, name="ingest")
app.add_typer(market_commands.app, name="market")
app.command("tool")(tool_commands.tool)
app.command("ask")(ask_commands.ask)
app.command("chat")(chat_commands.chat)
app.command("eval")(eval_commands.eval_command)
app.command("research")(research_commands.research)
app.command("refresh")(refresh_commands.refresh)
app.command("ui")(ui_commands.ui)
app.command("check")(check_commands.check)

_news_loaded = False
try:  # the news side registers its commands when its module is present
    from copilot.cli import news_commands

    ingest_commands.app.command("news")(news_commands.ingest_news)
    app.add_typer(news_commands.news_app, name="news")
    _news_loaded = True
except ImportError:  # pragma: no cover - only while the news module is absent
    pass


def main() -> None:
    """Run the app; expected errors become a message and exit code 1."""
    launch(app)
