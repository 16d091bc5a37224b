"""Question understanding in code: instruments, window, measure, direction — with a trace."""

from copilot.understand.catalog import Catalog, Stored
from copilot.understand.core import understand
from copilot.understand.sessions import warm_up

__all__ = ["Catalog", "Stored", "understand", "warm_up"]
