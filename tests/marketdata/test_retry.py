"""Network retries (tenacity): transient failures are tried again, the rest fail at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from copilot.errors import NoDataError, ProviderError
from copilot.news.embeddings import OpenAIEmbedder
from ingest.market.providers import FetchRequest, FredProvider

CSV = (Path(__file__).parents[1] / "fixtures" / "market" / "fred_DGS10.csv").read_bytes()


def flaky(statuses: list[int]) -> tuple[httpx.Client, list[httpx.Request]]:
    """Answers each request with the next status (then 200 with the recorded DGS10 CSV)."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) <= len(statuses):
            return httpx.Response(statuses[len(seen) - 1], text="busy")
        return httpx.Response(200, content=CSV, headers={"content-type": "text/csv"})

    return httpx.Client(transport=httpx.MockTransport(handle)), seen


def test_fred_retries_a_503_and_a_429_then_succeeds() -> None:
    client, seen = flaky([503, 429])
    fetched = FredProvider(client=client).fetch(FetchRequest("DGS10", date(2026, 1, 1)))
    assert len(seen) == 3 and fetched.frame["value"].iloc[0] == 4.19


def test_fred_gives_up_after_the_configured_tries() -> None:
    client, seen = flaky([503, 503, 503, 503])
    with pytest.raises(ProviderError):
        FredProvider(client=client).fetch(FetchRequest("DGS10"))
    assert len(seen) == 3  # the default policy: 3 tries


def test_a_404_is_not_retried() -> None:
    client, seen = flaky([404])
    with pytest.raises((NoDataError, ProviderError)):
        FredProvider(client=client).fetch(FetchRequest("NOPE"))
    assert len(seen) == 1


def test_remote_embeddings_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def post(url: str, **kwargs: object) -> httpx.Response:
        calls.append(1)
        request = httpx.Request("POST", url)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        body = {"data": [{"index": 0, "embedding": [3.0, 4.0]}]}
        return httpx.Response(200, json=body, request=request)

    monkeypatch.setattr(httpx, "post", post)
    vectors = OpenAIEmbedder("m", base_url="http://127.0.0.1:9/v1").embed(["x"])
    assert len(calls) == 2 and vectors == [[0.6, 0.8]]
