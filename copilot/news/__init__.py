"""The news store: Chroma with offline embeddings, dated and filtered search, citations."""

from copilot.news.embeddings import (
    Embedder,
    HashEmbedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from copilot.news.models import Article, Chunk, NewsHit
from copilot.news.present import cite
from copilot.news.search import build_where, search_by_embedding, search_news
from copilot.news.store import NewsStore

__all__ = [
    "Article",
    "Chunk",
    "Embedder",
    "HashEmbedder",
    "NewsHit",
    "NewsStore",
    "SentenceTransformerEmbedder",
    "build_where",
    "cite",
    "make_embedder",
    "search_by_embedding",
    "search_news",
]
