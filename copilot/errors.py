"""The project's exception hierarchy.

Two families, handled differently (DESIGN.md convention 5):

* `ModelFixableError` — a mistake a model (or user) can correct: an unknown symbol, a date outside
  the data. Tools turn these into text that says what *is* available.
* everything else under `CopilotError` — user-facing problems (bad input file, unreachable
  network) caught once at the CLI/UI edge and shown with what to do about them.

Bugs are not wrapped: they propagate as ordinary exceptions.
"""

from __future__ import annotations


class CopilotError(Exception):
    """Base of every error the project raises on purpose."""


class ConfigError(CopilotError):
    """Settings are missing or contradictory."""


class ModelFixableError(CopilotError):
    """An error in a request that whoever made it can fix; the message says how."""


class UnknownSymbolError(ModelFixableError):
    """A symbol that is not in the store."""


class DateOutOfRangeError(ModelFixableError):
    """A date before the data starts or after it ends (or after the as-of date)."""


class NotASessionError(ModelFixableError):
    """A date that is not an NYSE trading session."""


class InvalidArgumentError(ModelFixableError):
    """An argument with an impossible value (a negative window, an unknown metric …)."""


class NoDataError(CopilotError):
    """A provider had no data for the request (never signalled by an empty frame)."""


class ProviderError(CopilotError):
    """A data provider failed: network down, unexpected response."""


class ContextOverflowError(ProviderError):
    """The prompt is longer than the language model's context window."""


class ImportFileError(CopilotError):
    """An input file cannot be imported; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnknownLayoutError(ImportFileError):
    """A CSV whose header matches none of the known layouts."""


class StoreLockedError(CopilotError):
    """Another process holds the writer lock of a store."""


class NoEvidenceError(CopilotError):
    """Nothing could be measured or retrieved for a report: it is not written."""
