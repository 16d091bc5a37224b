"""Ingestion: market-data providers and news loaders, normalization, validation, pipelines."""
