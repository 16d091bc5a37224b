"""What the store holds, in the shape question understanding needs (a plain dataclass, so tests
build one by hand and need no store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from copilot.understand.companies import CompanyIndex

if TYPE_CHECKING:  # the store (DuckDB) is needed only to build a catalog from it
    from copilot.market.store import MarketStore

Table = Literal["bars", "series"]


@dataclass(frozen=True)
class Stored:
    """One stored symbol: its table and the dates its data covers."""

    table: Table
    first: date
    last: date
    rows: int = 0


@dataclass
class Catalog:
    """The stored symbols and the constituents list's company names."""

    stored: dict[str, Stored] = field(default_factory=dict)
    # symbol → company name, from the store's symbol table (the S&P 500 list import)
    names: dict[str, str] = field(default_factory=dict)
    _companies: CompanyIndex | None = field(default=None, init=False, repr=False, compare=False)

    def companies(self) -> CompanyIndex:
        """The company-name index, built on first use (about 500 names)."""
        if self._companies is None:
            self._companies = CompanyIndex(self.names)
        return self._companies

    def has(self, symbol: str) -> bool:
        return symbol.upper() in self.stored

    def get(self, symbol: str) -> Stored | None:
        return self.stored.get(symbol.upper())

    def latest(self, symbol: str, as_of: date) -> date | None:
        """The symbol's last observation date on or before `as_of`, as far as the catalog
        knows (its last date, or `as_of` itself while the data runs past it)."""
        meta = self.get(symbol)
        if meta is None or meta.first > as_of:
            return None
        return min(meta.last, as_of)

    @classmethod
    def from_store(cls, store: MarketStore) -> Catalog:
        coverage = store.coverage()
        stored = {
            str(row.symbol): Stored(
                "bars" if row.kind == "bars" else "series",
                _day(row.first),
                _day(row.last),
                int(str(row.rows)),
            )
            for row in coverage.itertuples(index=False)
        }
        return cls(stored=stored, names=store.company_names())


def _day(value: object) -> date:
    if hasattr(value, "date") and callable(value.date):
        result = value.date()
        assert isinstance(result, date)
        return result
    assert isinstance(value, date)
    return value
