"""The labelled why-sets are sound: every move has the stated direction in the raw data, every
labelled article is a real shared article, every key fact is in its gold articles."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from copilot.evaluation.scoring import EvalQuestion
from copilot.market.symbols import lookup

REPO = Path(__file__).resolve().parents[2]
WHY_QUERIES = REPO / "benchmarks" / "data" / "why_queries.jsonl"
WHY_EXTENDED = REPO / "benchmarks" / "eval" / "why_extended.jsonl"
TUNED = REPO / "benchmarks" / "eval" / "questions.jsonl"
SOURCE = re.compile(r"\*\*Source:\*\*\s*\[?([^\]\s]+)")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _articles(shared_data: Path) -> dict[str, str]:
    """Every shared article's text by its `**Source:**` URL (copies joined)."""
    texts: dict[str, str] = {}
    for path in sorted((shared_data / "news").glob("*/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        match = SOURCE.search(text)
        if match:
            texts[match.group(1)] = texts.get(match.group(1), "") + "\n" + text
    return texts


def _move(shared_data: Path, symbol: str, start: date, end: date) -> float:
    """close(last on/before end) / close(last strictly before start) − 1, from the raw CSV."""
    if symbol == "WTI":
        path, day_key, value_key = shared_data / "market/series/WTI.csv", "Date", "Price"
    else:
        path, day_key, value_key = shared_data / f"market/prices/{symbol}.csv", "date", "close"
    rows = [(r[day_key], float(r[value_key])) for r in csv.DictReader(path.open()) if r[value_key]]
    base = [v for d, v in rows if d < start.isoformat()][-1]
    last = [v for d, v in rows if d <= end.isoformat()][-1]
    return last / base - 1


def test_why_queries_are_well_formed() -> None:
    rows = _rows(WHY_QUERIES)
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    assert sum(1 for r in rows if not r["relevant"]) >= 5  # some with no coverage
    assert {r["direction"] for r in rows} == {"up", "down"}
    for row in rows:
        start, end, as_of = (date.fromisoformat(str(row[k])) for k in ("start", "end", "as_of"))
        assert start <= end <= as_of, row["id"]
        assert all(lookup(str(s)) is not None for s in row["symbols"]), row["id"]


def test_why_queries_moves_have_their_direction_and_articles_exist(shared_data: Path) -> None:
    articles = _articles(shared_data)
    for row in _rows(WHY_QUERIES):
        start, end = date.fromisoformat(str(row["start"])), date.fromisoformat(str(row["end"]))
        move = _move(shared_data, str(row["symbols"][0]), start, end)
        assert (move > 0) == (row["direction"] == "up"), (row["id"], move)
        missing = [u for u in row["relevant"] if u not in articles]
        assert not missing, (row["id"], missing)


def test_why_extended_is_a_separate_valid_eval_set(shared_data: Path) -> None:
    rows = _rows(WHY_EXTENDED)
    questions = [EvalQuestion.model_validate(row) for row in rows]
    assert len(questions) >= 30 and all(q.kind == "why" for q in questions)
    tuned = [EvalQuestion.model_validate(row) for row in _rows(TUNED)]
    assert not {q.id for q in questions} & {q.id for q in tuned}
    assert not {q.question for q in questions} & {q.question for q in tuned}
    articles = _articles(shared_data)
    uncovered = [q for q in questions if not q.gold_articles]
    assert len(uncovered) >= 5
    assert all(any("no stored article" in a for a in q.key_facts[0]) for q in uncovered)
    for question in questions:
        if not question.gold_articles:
            continue
        text = " ".join(articles[url] for url in question.gold_articles).lower()
        for fact in question.key_facts:
            assert any(alt.lower() in text for alt in fact), (question.id, fact)
