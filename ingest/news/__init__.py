"""News ingestion: loaders (one registry), normalization, chunking and the ingest pipeline."""

from ingest.news.base import LoadResult, NewsLoader
from ingest.news.pipeline import IngestReport, ingest_articles, ingest_paths, merge_copies
from ingest.news.registry import NEWS_LOADERS, load_sources, loader_for

__all__ = [
    "NEWS_LOADERS",
    "IngestReport",
    "LoadResult",
    "NewsLoader",
    "ingest_articles",
    "ingest_paths",
    "load_sources",
    "loader_for",
    "merge_copies",
]
