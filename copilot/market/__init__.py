"""Market data: the DuckDB store, the NYSE calendar, symbol knowledge and pure metrics."""
