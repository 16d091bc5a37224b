"""Reason-support pairs drawn from real answers.

Every sentence of a real answer that cites a news source [n] is paired with (a) the excerpt of
the source it cites and (b) the excerpt of another news source shown in the same answer (a
realistic wrong candidate: the next news source of the answer's ledger). The pairs are labelled
by hand in `benchmarks/data/reason_pairs_real.jsonl` and scored by `verify_bench.py`.

Articles are copyrighted, so a pair stores the model's sentence (our own output) and only a
reference to the excerpt, from which it is rebuilt on any machine with the shared data: the
article's file under the shared news folder, its canonical URL and a hash of its heading (title,
publisher, date: one URL is often saved on several scrape dates under different titles; both
find the file if it moved), the character spans of the excerpt in the article text as the
project's loader parses it (whitespace collapsed) and a hash of the excerpt. Both hashes are
checked when the excerpt is rebuilt. No chunk id: those change whenever the news store is
re-ingested.

    # candidates from `market-copilot eval --records` files (the news store they were answered
    # from is not needed; the articles are read from the shared news folder)
    python benchmarks/reason_pairs_real.py extract RECORDS.jsonl [...] --out CANDIDATES.jsonl
    # print pairs with their rebuilt excerpts, to label them (or to review the labels)
    python benchmarks/reason_pairs_real.py show benchmarks/data/reason_pairs_real.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from copilot.claims.extract import citations_in, sentences
from copilot.claims.statements import news_text
from copilot.news.models import Article
from copilot.sources import NewsSource
from ingest.news.tracker import TrackerMarkdownLoader

NEWS_ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
LEAD, TRAIL = "… ", " …"
# The code's own notes appended after checking are not the model's sentences.
CODE_NOTES = ("Not computed:", "(Cut short")


def collapse(text: str) -> str:
    """Whitespace collapsed: the chunker and the excerpt joiner re-space paragraphs."""
    return " ".join(text.split())


def digest(text: str) -> str:
    return hashlib.sha256(collapse(text).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1024)
def load_article(path: Path) -> Article:
    (article,) = TrackerMarkdownLoader().load(str(path)).articles
    return article


@lru_cache(maxsize=4)
def articles_by_url(news_root: Path) -> dict[str, list[Path]]:
    """Every shared article file by its canonical URL (one article is often saved on several
    scrape dates)."""
    found: dict[str, list[Path]] = {}
    for path in sorted(news_root.rglob("*.md")):
        try:
            article = load_article(path)
        except Exception:  # a file the loader rejects is no article to cite
            continue
        found.setdefault(article.url, []).append(path)
    return found


def _pieces(excerpt: str) -> list[tuple[str, bool, bool, bool]]:
    """The excerpt's passages (several, joined by new lines, when more than one query returned
    the chunk, or by " … " within a line when lines of one chunk were picked), each without its
    ellipses, with whether it had them and whether it went on the line before it."""
    found = []
    for line in excerpt.split("\n"):
        line = line.strip()
        lead, trail = line.startswith("…"), line.endswith("…")
        parts = [p.strip() for p in line.removeprefix("…").removesuffix("…").split(" … ")]
        parts = [p for p in parts if p]
        for i, body in enumerate(parts):
            found.append((body, lead and i == 0, trail and i == len(parts) - 1, i > 0))
    return found


def heading(title: str, publisher: str, published: str) -> str:
    """A digest of the line the model was shown above the excerpt ("[n] Publisher, date:
    Title"): one URL is often saved on several scrape dates under different titles."""
    return digest(f"{publisher}|{published[:10]}|{title}")


def _heading_of(article: Article) -> str:
    return heading(article.title, article.publisher, article.published_at.date().isoformat())


def excerpt_reference(source: dict[str, Any], news_root: Path) -> dict[str, Any] | None:
    """Where the excerpt a news source showed lies in the shared article file it came from
    (same URL, title, publisher and date); None when no such file holds it."""
    shown = source.get("excerpt") or source["text"]
    wanted = heading(source["title"], source["publisher"], source["published_at"])
    for path in articles_by_url(news_root).get(source["url"], []):
        article = load_article(path)
        if _heading_of(article) != wanted:
            continue
        body = collapse(article.text)
        spans = []
        for piece, lead, trail, joined in _pieces(shown):
            # A headline that gives the cause is shown before its excerpt ("Title. Text"), and
            # the article's text does not hold it: the piece keeps a flag, not the title.
            titled = not lead and piece.startswith(f"{article.title.strip()}. ")
            if titled:
                piece = piece.removeprefix(f"{article.title.strip()}. ")
            at = body.find(collapse(piece))
            if at < 0:
                break
            spans.append(
                {
                    "span": [at, at + len(collapse(piece))],
                    "lead": lead,
                    "trail": trail,
                    **({"titled": True} if titled else {}),
                    **({"joined": True} if joined else {}),
                }
            )
        else:
            return {
                "kind": "article_ref",
                "file": path.relative_to(news_root).as_posix(),
                "url": source["url"],
                "heading_sha256": wanted,
                "pieces": spans,
                "sha256": digest(shown),
            }
    return None


def _find_file(ref: dict[str, Any], news_root: Path) -> Path:
    """The referenced file, or (moved) the file with its URL and heading."""
    path = news_root / str(ref["file"])
    if path.is_file() and _heading_of(load_article(path)) == ref["heading_sha256"]:
        return path
    for moved in articles_by_url(news_root).get(ref["url"], []):
        if _heading_of(load_article(moved)) == ref["heading_sha256"]:
            return moved
    raise FileNotFoundError(
        f"article {ref['url']} ({ref['file']}) not found under {news_root}: point --news at "
        "the shared news folder"
    )


def rebuild(ref: dict[str, Any], news_root: Path = NEWS_ROOT) -> NewsSource:
    """The news source as the model was shown it, read back from the shared article file."""
    path = _find_file(ref, news_root)
    article = load_article(path)
    body = collapse(article.text)
    lines: list[str] = []
    for piece in ref["pieces"]:
        a, b = piece["span"]
        title = f"{article.title.strip()}. " if piece.get("titled") else ""
        lead, trail = LEAD if piece["lead"] else "", TRAIL if piece["trail"] else ""
        text = lead + title + body[a:b] + trail
        if piece.get("joined"):  # the line before it went on after " … "
            lines[-1] += f" … {text}"
        else:
            lines.append(text)
    excerpt = "\n".join(lines)
    if digest(excerpt) != ref["sha256"] or _heading_of(article) != ref["heading_sha256"]:
        raise ValueError(
            f"{path}: the excerpt read back differs from the one labelled (the article file or "
            "its loader changed); re-extract the pairs"
        )
    return NewsSource(
        article_id=article.article_id, chunk_id=f"{article.article_id}-{ref['sha256']}",
        title=article.title, publisher=article.publisher, published_at=article.published_at,
        url=article.url, text=excerpt, excerpt=excerpt,
    )  # fmt: skip


@dataclass(frozen=True)
class RealPair:
    id: str
    sentence: str
    passage: str  # what the checker scores: title, publisher, date and excerpt (news_text)
    label: int
    group: str  # the answer it comes from (cross-validation keeps an answer in one fold)
    role: str  # "cited": the source the sentence cites; "other": another one the answer showed
    split: str = ""  # "dev" or "test" (frozen before tuning), where a set is split


def load_pairs(path: Path, news_root: Path = NEWS_ROOT) -> list[RealPair]:
    """The labelled pairs with their excerpts rebuilt from the shared articles."""
    pairs = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") is None:
            continue
        source = rebuild(row["excerpt_ref"], news_root)
        pairs.append(RealPair(row["id"], row["sentence"], news_text(source), int(row["label"]),
                              row["question_id"], row["role"], row.get("split", "")))  # fmt: skip
    return pairs


def _answer_text(answer: dict[str, Any]) -> str:
    return "\n\n".join(p for p in answer["text"].split("\n\n") if not p.startswith(CODE_NOTES))


def candidates(record: dict[str, Any], news_root: Path) -> list[dict[str, Any]]:
    """The record's (sentence, cited excerpt) and (sentence, another shown excerpt) pairs."""
    answer = record.get("answer") or {}
    news = {int(n): s for n, s in (answer.get("sources") or {}).items() if s["kind"] == "news"}
    if not news:
        return []
    refs = {n: excerpt_reference(s, news_root) for n, s in news.items()}
    order = sorted(news)
    text = _answer_text(answer)
    rows = []
    for body in claim_sentences(text):
        citations = citations_in(body)
        for n in (n for n in citations if n in news):
            rows.append(_row(record, body, n, "cited", refs[n]))
            later = order[order.index(n) + 1 :] + order[: order.index(n)]
            other = next((m for m in later if m not in citations), None)
            if other is not None:
                rows.append(_row(record, body, other, "other", refs[other], cited=n))
    return rows


def claim_sentences(text: str) -> list[str]:
    """The checker's sentences, each line on its own: a list of "Publisher, date: title [n]"
    lines has no full stops, and the splitter reads it as one sentence citing every line's
    source."""
    found = []
    for sentence in sentences(text):
        found += [line.strip() for line in text[sentence.start : sentence.end].split("\n")]
    return [line for line in found if line]


def _row(record: dict[str, Any], sentence: str, n: int, role: str, ref: dict[str, Any] | None,
         cited: int | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "question_id": record["result"]["id"], "question": record["answer"]["question"],
        "sentence": sentence, "n": n, "role": role, "cited_n": cited if cited else n,
        "excerpt_ref": ref, "label": None, "note": "",
    }  # fmt: skip


def extract(records: list[Path], out: Path, news_root: Path) -> None:
    seen: set[tuple[str, str]] = set()
    rows: list[dict[str, Any]] = []
    missing = 0
    for path in records:
        for line in path.read_text().splitlines():
            record = json.loads(line)
            for row in candidates(record, news_root):
                if row["excerpt_ref"] is None:
                    missing += 1
                    continue
                key = (row["sentence"], row["excerpt_ref"]["sha256"])
                if key not in seen:
                    seen.add(key)
                    rows.append({"id": f"r{len(rows) + 1:03d}", **row})
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"{len(rows)} pairs written to {out}; {missing} whose article was not found")


def show(path: Path, news_root: Path) -> None:
    for line in path.read_text().splitlines():
        row = json.loads(line)
        source = rebuild(row["excerpt_ref"], news_root)
        label = "?" if row.get("label") is None else row["label"]
        print(f"== {row['id']} [{row['role']} {row['n']}] label {label} {row.get('note', '')}")
        print(f"S: {row['sentence']}")
        print(f"E: {news_text(source)}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS_ROOT, help="the shared news folder")
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("extract", help="candidate pairs from eval records")
    take.add_argument("records", nargs="+", type=Path)
    take.add_argument("--out", type=Path, required=True)
    look = commands.add_parser("show", help="print pairs with their rebuilt excerpts")
    look.add_argument("pairs", type=Path)
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.records, args.out, args.news)
    else:
        show(args.pairs, args.news)


if __name__ == "__main__":
    main()
