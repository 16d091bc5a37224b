"""The news search as a LangChain retriever; every document it returns is cited in the ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from copilot.news.present import cite
from copilot.news.search import search_news
from copilot.sources import SourceLedger


class NewsRetriever(BaseRetriever):
    """`NewsRetriever(store=…, ledger=…, k=5, as_of=…)`; `metadata["citation"]` is the `[n]`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any  # copilot.news.store.NewsStore
    ledger: SourceLedger
    k: int = 5
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    publisher: str | None = None
    symbols: list[str] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = search_news(
            self.store,
            query,
            self.k,
            since=self.since,
            until=self.until,
            as_of=self.as_of,
            publisher=self.publisher,
            symbols=self.symbols,
        )
        documents = []
        for hit in hits:
            metadata = hit.model_dump(mode="json", exclude={"text"})
            metadata["citation"] = cite(self.ledger, hit)
            documents.append(Document(page_content=hit.text, metadata=metadata))
        return documents
