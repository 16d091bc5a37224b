"""Retries with exponential backoff and jitter for every network call (tenacity).

Providers (Yahoo, FRED), feeds and the remote embeddings client call `retrying`: a transient
failure — a connection error, a timeout, HTTP 429 or 5xx, a rate limit — is tried again up to
`attempts` times in all, waiting `initial_s`, then twice that, … at most `max_s` (plus jitter);
anything else (404, a bad ticker) fails at once. The policy comes from the settings
(`COPILOT_HTTP_RETRIES`, `COPILOT_HTTP_RETRY_MAX_S`) through `configure`, at the entry point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

T = TypeVar("T")
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    initial_s: float = 0.5
    max_s: float = 8.0


_policy = RetryPolicy()


def configure(policy: RetryPolicy) -> None:
    """Set the process-wide policy (the CLI and the app do, from the settings)."""
    global _policy
    _policy = policy


def current_policy() -> RetryPolicy:
    return _policy


class TransientStatusError(httpx.HTTPStatusError):
    """An HTTP answer worth retrying (429, 5xx)."""


def raise_transient(response: httpx.Response) -> httpx.Response:
    """The response, or `TransientStatusError` when its status says 'try again later'."""
    if response.status_code in RETRY_STATUS:
        raise TransientStatusError(
            f"HTTP {response.status_code} from {response.request.url.host}",
            request=response.request,
            response=response,
        )
    return response


def transient_http(exc: BaseException) -> bool:
    """Connection trouble, timeouts and retryable statuses."""
    return isinstance(exc, httpx.TransportError | TransientStatusError)


def retrying(
    call: Callable[[], T],
    what: str,
    transient: Callable[[BaseException], bool] = transient_http,
    policy: RetryPolicy | None = None,
    on_retry: Callable[[str], None] | None = None,
) -> T:
    """`call()`, tried again on transient failures; the last failure is re-raised as is."""
    chosen = policy or _policy

    def tell(state: RetryCallState) -> None:
        if on_retry is not None and state.outcome is not None:
            on_retry(f"{what}: {state.outcome.exception()}; retry {state.attempt_number}")

    retryer = Retrying(
        stop=stop_after_attempt(max(1, chosen.attempts)),
        wait=wait_exponential_jitter(
            multiplier=chosen.initial_s, max=chosen.max_s, jitter=chosen.initial_s
        ),
        retry=retry_if_exception(transient),
        before_sleep=tell,
        reraise=True,
    )
    return retryer(call)
