"""One writer per news store: the shared `WriterLock` (see `copilot.locks`)."""

from copilot.locks import WriterLock

__all__ = ["WriterLock"]
