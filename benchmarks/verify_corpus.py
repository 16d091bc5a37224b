"""The verification benchmark's corpus: answers from real `market-copilot eval` runs with the
sources they were checked against.

Articles are copyrighted and never stored in the repository: a news source is kept as a
reference (chunk id, a fingerprint of the chunk's text and the character spans of the excerpt
the model was shown) and rebuilt from the news store when the benchmark runs. A store ingested
again may hold the article under another version id (the version hashes its metadata too): the
chunk at the same place in the stored version is used when its fingerprint matches. Data
sources (the tools' own output) are kept whole.

    python benchmarks/verify_corpus.py RECORDS.jsonl [...] --out benchmarks/data/verify_corpus.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from copilot.news.models import chunk_id_article
from copilot.sources import DataSource, NewsSource


def _spans(chunk: str, shown: str) -> list[list[int]]:
    """Where the pieces of an excerpt lie in its chunk (an excerpt is whole sentences of the
    chunk, with an ellipsis where it was cut)."""
    spans = []
    for piece in shown.split("\n"):
        piece = re.sub(r"^…\s*|\s*…$", "", piece.strip())
        if not piece:
            continue
        at = chunk.find(piece)
        if at >= 0:
            spans.append([at, at + len(piece)])
            continue
        # Whitespace may differ (an excerpt keeps paragraph breaks): anchor on its opening.
        for size in (120, 60, 30):
            at = chunk.find(piece[:size])
            if at >= 0:
                spans.append([at, min(len(chunk), at + len(piece))])
                break
    return spans


_QUOTE = re.compile(r"⟦([^|⟧]+)\|(\d+)\|(\d+)\|(.)⟧")


def quote_references(text: str, chunks: dict[str, str]) -> str:
    """`text` with every article passage it quotes verbatim (after "…, " or "… that ", up to
    its [n]) replaced by a reference ⟦chunk id|start|end⟧, so no article text is stored."""
    pieces = []
    cursor = 0
    for m in re.finditer(r"(?:, |reported that |put it, )(.{30,}?) \[\d+\]", text):
        quoted = m[1]
        for chunk_id, chunk in chunks.items():
            at = chunk.find(quoted[1:])
            if at > 0 and chunk[at - 1].lower() == quoted[0].lower():
                pieces.append(text[cursor : m.start(1)])
                pieces.append(f"⟦{chunk_id}|{at - 1}|{at + len(quoted) - 1}|{quoted[0]}⟧")
                cursor = m.end(1)
                break
    text = "".join(pieces) + text[cursor:]
    # An attributed passage that could not be located is left out rather than stored.
    return re.sub(
        r"(?:According to|As \S+ put it|\S+ reported that)[^⟦\[]{30,}?\[\d+\]\.\s?", "", text
    )


def fingerprint(chunk: str) -> str:
    """A chunk's text, hashed: enough to tell the same text again, none of it stored."""
    return hashlib.sha256(chunk.encode()).hexdigest()[:16]


class StaleReference(LookupError):
    """A referenced chunk is not in the news store with the text it had."""


def stored_chunk(store: Any, chunk_id: str, text_sha: str | None) -> Any:
    """The stored chunk `chunk_id` names: itself, or the chunk at the same index of the
    article's stored version when its text has the fingerprint `text_sha`."""
    found = store.hits([(chunk_id, 0.0)])
    if found and (text_sha is None or fingerprint(found[0].text) == text_sha):
        return found[0]
    index = int(chunk_id.rsplit("-", 1)[1])  # `make_chunk_id`: …-<version>-<index>
    rows = store.collection.get(
        where={"$and": [{"article_id": chunk_id_article(chunk_id)}, {"chunk_index": index}]},
        include=[],
    )
    for hit in store.hits([(other, 0.0) for other in rows["ids"]]):
        if text_sha is not None and fingerprint(hit.text) == text_sha:
            return hit
    raise StaleReference(
        f"chunk {chunk_id} is not stored with the text the corpus was made from; ingest the "
        "shared news folder (market-copilot ingest news ../shared/data/news) or rebuild the "
        "corpus with benchmarks/verify_corpus.py"
    )


def resolve_quotes(text: str, store: Any, fingerprints: dict[str, str]) -> str:
    """The stored answer text with its quoted article sentences read back from the store
    (`fingerprints`: chunk id → text fingerprint, from the answer's sources)."""

    def quote(m: re.Match[str]) -> str:
        hit = stored_chunk(store, m[1], fingerprints.get(m[1]))
        return str(m[4]) + str(
            hit.text[int(m[2]) + 1 : int(m[3])]
        )  # the first letter as the answer had it

    return _QUOTE.sub(quote, text)


def news_reference(source: dict[str, Any], chunk: str) -> dict[str, Any]:
    shown = source.get("excerpt") or source["text"]
    return {
        "kind": "news_ref",
        "chunk_id": source["chunk_id"],
        "text_sha": fingerprint(chunk),
        "spans": _spans(chunk, shown),
        "whole_chunk": shown.strip() == chunk.strip(),
    }


def news_from_reference(ref: dict[str, Any], store: Any) -> NewsSource:
    hit = stored_chunk(store, ref["chunk_id"], ref.get("text_sha"))
    shown = "\n".join(hit.text[a:b] for a, b in ref["spans"])
    return NewsSource(
        article_id=hit.article_id, chunk_id=hit.chunk_id, title=hit.title,
        publisher=hit.publisher, published_at=hit.published_at, url=hit.url, text=hit.text,
        excerpt="" if ref["whole_chunk"] else shown,
    )  # fmt: skip


def fingerprints_of(sources: dict[str, Any]) -> dict[str, str]:
    return {s["chunk_id"]: s["text_sha"] for s in sources.values() if s.get("text_sha")}


def load_sources(sources: dict[str, Any], store: Any) -> dict[int, DataSource | NewsSource]:
    out: dict[int, DataSource | NewsSource] = {}
    for n, source in sorted(sources.items(), key=lambda item: int(item[0])):
        if source["kind"] == "news_ref":
            out[int(n)] = news_from_reference(source, store)
        else:
            out[int(n)] = DataSource.model_validate(source)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/data/verify_corpus.jsonl"))
    parser.add_argument("--data", type=Path, default=Path("data"), help="COPILOT_DATA_DIR")
    args = parser.parse_args()
    from copilot.news.store import NewsStore
    from copilot.runtime import open_news
    from copilot.settings import Settings

    store = open_news(Settings(data_dir=args.data))
    assert isinstance(store, NewsStore) or store is not None, "no news store"
    rows = []
    for path in args.records:
        for line in path.read_text().splitlines():
            record = json.loads(line)
            answer = record.get("answer")
            if not answer or not answer.get("text", "").strip():
                continue
            sources: dict[str, Any] = {}
            chunks: dict[str, str] = {}
            for n, source in answer["sources"].items():
                if source["kind"] == "news":
                    found = store.hits([(source["chunk_id"], 0.0)])
                    chunk = found[0].text if found else ""
                    chunks[source["chunk_id"]] = chunk
                    sources[n] = news_reference(source, chunk)
                else:
                    sources[n] = source
            # Code's own notes appended after checking ("Not computed: …", "(Cut short: …)")
            # are not the model's claims.
            text = "\n\n".join(
                p
                for p in answer["text"].split("\n\n")
                if not p.startswith(("Not computed:", "(Cut short"))
            )
            if not text.strip():
                continue
            text = quote_references(text, chunks)
            rows.append({
                "id": record["result"]["id"], "question": answer["question"],
                "as_of": answer["as_of"], "text": text, "origin": answer["model"],
                "correct": record["result"].get("correct"), "sources": sources,
            })  # fmt: skip
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} answers written to {args.out}")


if __name__ == "__main__":
    main()
