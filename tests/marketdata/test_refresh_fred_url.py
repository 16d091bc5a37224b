"""`COPILOT_FRED_CSV_URL`: `market-copilot refresh` asks FRED at the configured endpoint — here a
server on 127.0.0.1 serving the recorded response tests/fixtures/market/fred_DGS10.csv."""

from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.market.store import MarketStore

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "market" / "fred_DGS10.csv"


class RecordedFred(http.server.BaseHTTPRequestHandler):
    asked: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        type(self).asked.append(query)
        body = RECORDED.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fred_url() -> Iterator[str]:
    RecordedFred.asked = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordedFred)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/graph/fredgraph.csv"
    finally:
        server.shutdown()
        server.server_close()


def test_refresh_asks_the_configured_fred_endpoint(
    tmp_path: Path, fred_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    recorded = pd.read_csv(RECORDED).dropna()
    recorded["date"] = [date.fromisoformat(d) for d in recorded["observation_date"]]
    early = recorded[recorded["date"] <= date(2026, 1, 9)]
    with MarketStore.open(data / "market.duckdb") as store:
        frame = pd.DataFrame({"symbol": "DGS10", "date": early["date"], "value": early["DGS10"]})
        store.upsert_series(frame, "fred:DGS10")
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("COPILOT_DATA_DIR", str(data))
    monkeypatch.setenv("COPILOT_FRED_CSV_URL", fred_url)
    monkeypatch.setenv("COPILOT_HTTP_RETRIES", "1")
    monkeypatch.delenv("COPILOT_MARKET_DB", raising=False)

    result = CliRunner().invoke(app, ["refresh", "--only", "market"])
    assert result.exit_code == 0, result.output
    assert RecordedFred.asked == [{"id": ["DGS10"], "cosd": ["2026-01-10"]}]
    assert "1 updated" in result.output and "6 new rows" in result.output, result.output
    with MarketStore.open(data / "market.duckdb", read_only=True) as store:
        stored = store.values("DGS10", start=date(2026, 1, 10))
    # The recording's values after 2026-01-09, read by hand (2026-01-19 is blank there).
    assert [round(float(v), 2) for v in stored] == [4.18, 4.17, 4.14, 4.17, 4.23, 4.29]
