"""Settings, calendar, symbol registry and the citation ledger."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from copilot.errors import NotASessionError
from copilot.market.calendar import is_session, nearest_sessions, require_session, sessions_between
from copilot.market.symbols import lookup, resolve_concept, sector_symbols
from copilot.settings import Settings
from copilot.sources import DataSource, NewsSource, SourceLedger


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPILOT_DATA_DIR", "/srv/copilot")
    monkeypatch.setenv("COPILOT_YAHOO_SYMBOLS", "SPY, IWM")
    monkeypatch.setenv("COPILOT_FRED_SERIES", '["DGS10"]')
    monkeypatch.setenv("COPILOT_AS_OF", "2026-01-23")
    settings = Settings()
    assert settings.market_db_path == Path("/srv/copilot/market.duckdb")
    assert settings.news_path == Path("/srv/copilot/news")
    assert settings.yahoo_symbols == ["SPY", "IWM"] and settings.fred_series == ["DGS10"]
    assert settings.as_of == date(2026, 1, 23)


def test_settings_from_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("COPILOT_LLM_PROVIDER=openai\nCOPILOT_OPENAI_MODEL=qwen\n")
    settings = Settings()
    assert settings.llm_provider == "openai" and settings.openai_model == "qwen"


def test_default_universe_has_sectors_indices_and_macro(tmp_path: Path) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert set(sector_symbols()) <= set(settings.yahoo_symbols)
    assert {"SPY", "IWM", "QQQ", "DIA", "^GSPC", "^RUT"} <= set(settings.yahoo_symbols)
    assert {"DGS10", "DGS2", "CPIAUCSL", "PCEPI", "GDP"} <= set(settings.fred_series)


def test_nyse_sessions_and_holidays() -> None:
    assert is_session(date(2026, 1, 16)) and not is_session(date(2026, 1, 19))  # MLK day
    assert not is_session(date(2025, 12, 25)) and not is_session(date(2026, 1, 17))
    assert nearest_sessions(date(2026, 1, 19)) == (date(2026, 1, 16), date(2026, 1, 20))
    # January 2026 has 20 sessions: 21 weekdays minus New Year's Day, minus MLK day, plus 0.
    assert len(sessions_between(date(2026, 1, 1), date(2026, 1, 31))) == 20
    with pytest.raises(NotASessionError, match=r"weekend.*2026-01-16.*2026-01-20"):
        require_session(date(2026, 1, 18))


def test_symbol_registry_maps_phrases() -> None:
    assert resolve_concept("Why did small caps rally?") == ["IWM"]
    # The monthly-average series is the same measure: offered after the daily one.
    assert resolve_concept("utilities lagged while the 10-year yield rose") == [
        "XLU",
        "DGS10",
        "US10Y",
    ]
    assert resolve_concept("The Russell 2000 index hit a record") == ["^RUT"]
    assert resolve_concept("nothing relevant here") == []
    info = lookup("xlu")
    assert info is not None and info.sector == "Utilities"
    assert len(sector_symbols()) == 11


def test_ledger_numbers_sources_and_keeps_repeats() -> None:
    ledger = SourceLedger()
    data = DataSource(tool="streak", metric="m", symbols=["IWM"], text="IWM up 3")
    news = NewsSource(
        article_id="a1", chunk_id="a1:0", title="Small caps rally", publisher="AP",
        published_at=datetime(2026, 1, 22, 21, tzinfo=UTC),
        url="https://example.org/a", text="chunk",
    )  # fmt: skip
    assert ledger.register(data) == 1 and ledger.register(news) == 2
    assert ledger.register(data.model_copy()) == 1
    assert ledger.get(3) is None and ledger.get(0) is None
    listing = ledger.render_list()
    assert "[2] Small caps rally — AP, 2026-01-22. https://example.org/a" in listing
    assert ledger.render_list({2}).startswith("[2]")
