"""Question understanding in code: instruments, window, measure, direction — with a trace.

`understand(question, as_of, catalog)` → `Understanding` (see `model.py`); `Catalog.from_store`
builds the catalog; `warm_up()` builds the NYSE calendar ahead of the first question."""

from copilot.understand.catalog import Catalog, Stored
from copilot.understand.core import understand, warm_up
from copilot.understand.model import Understanding

__all__ = ["Catalog", "Stored", "Understanding", "understand", "warm_up"]
