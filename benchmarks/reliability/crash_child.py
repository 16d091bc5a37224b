"""The child the crash corpus kills: the real ingest, acknowledging each write once it returned.

python -m benchmarks.reliability.crash_child news BATCH_CHUNKS FOLDER...   (env: settings)
python -m benchmarks.reliability.crash_child market DB ROOT
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def news(batch_chunks: int, folders: list[Path]) -> None:
    from copilot.news import NewsStore
    from copilot.settings import Settings
    from ingest.news import ingest_paths

    store = NewsStore.open(Settings())
    add = store.add_chunks

    def acknowledged_add(chunks: Sequence[Any], embeddings: Sequence[Any]) -> None:
        add(chunks, embeddings)
        for article, version in dict.fromkeys((c.article_id, c.version) for c in chunks):
            print(f"ACK {article} {version}", flush=True)

    store.add_chunks = acknowledged_add  # type: ignore[method-assign]
    print("START", flush=True)
    ingest_paths(store, folders, batch_chunks=batch_chunks)
    print("DONE", flush=True)


def market(db: Path, root: Path) -> None:
    from copilot.market.store import MarketStore
    from ingest.market.folder import import_folder

    with MarketStore.open(db) as store:
        print("START", flush=True)
        import_folder(store, root, on_file=lambda p: print(f"ACK {p.resolve()}", flush=True))
    print("DONE", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "news":
        news(int(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
    else:
        market(Path(sys.argv[2]), Path(sys.argv[3]))
