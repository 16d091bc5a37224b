"""Guessed causes ("was it the jobs report that lifted stocks?"): how often the understanding
reads the guess out of the question, and how often what the answer then says about it — "mentioned
in [n] …" or "none of the N stored articles … mentions it" — agrees with a helper's labels of the
stored articles.

Run: `.venv/bin/python benchmarks/why_guess_bench.py [--show] [--write]` over the market and news
stores of the settings (`make demo`, or the ingest commands on ../shared/data, first). `--show`
lists the development list's misses; the test list's questions are never printed. `--write`
saves the report to benchmarks/results/why_guesses.md.

The lists (benchmarks/eval/why_guesses/) were written by a helper from the shared data, with the
move, the guess and whether a stored article of the move's days mentions it, before the
feature was measured on them: `dev` was read and tuned on, `test` is reported in aggregate only.
Each move is first the labelled one (symbols, direction, sessions), so the statement is
measured apart from how the question's window is read; then the whole question is answered (its
own window and instruments, a scripted writer in place of the model) and the answer's own
sentence on the guess is read.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from news_bench_lib import machine, publish

from copilot.agent import Copilot
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.market.store import MarketStore
from copilot.news.evidence import gather_evidence
from copilot.news.store import NewsStore
from copilot.runtime import open_deps
from copilot.settings import Settings
from copilot.understand import Catalog, understand

HERE = Path(__file__).resolve().parent
LISTS = HERE / "eval" / "why_guesses"
FROZEN = "test"


@dataclass
class Tally:
    questions: int = 0
    why: int = 0
    extracted: int = 0
    no_coverage: int = 0  # …of which the move has no stored coverage (said beside the gap)
    said: int = 0  # a statement about the guess was made
    right: int = 0  # …and it agrees with the label
    said_mentioned: int = 0
    mentioned_labelled: int = 0  # "mentioned in [n]" with [n] among the labelled articles
    answered: int = 0  # whole answers that say something of the guess
    answered_right: int = 0  # …agreeing with the label
    misses: list[str] = field(default_factory=list)


def _same(got: str | None, want: str) -> bool:
    if got is None:
        return False
    a, b = (s.lower().removeprefix("the ").strip() for s in (got, want))
    return a == b or a in b or b in a


def _writer(messages: list[ChatMessage]) -> str:
    """A reasons turn that cites the article it was shown (the model's place)."""
    shown = re.search(r"<<<ARTICLE \[(\d+)\]", messages[-1]["content"])
    return f"The article reports a reason [{shown.group(1)}]." if shown else ""


def _answer_says(settings: Settings, news: NewsStore, question: str, as_of: date) -> str | None:
    """What the whole answer says of the guess: "mentioned", "none", or None (nothing)."""
    with open_deps(settings, as_of, news=news) as deps:
        answer = Copilot(deps, ScriptedLLM([_writer] * 12)).ask(question, as_of)
    for part in answer.text.split("\n\n"):
        if part.startswith("The question's guess"):
            return "mentioned" if "mentioned in [" in part else "none"
    return None


def score(path: Path, catalog: Catalog, news: NewsStore, settings: Settings, show: bool) -> Tally:
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        tally.questions += 1
        as_of = date.fromisoformat(row["as_of"])
        settled = understand(row["q"], as_of, catalog)
        tally.why += settled.why
        said = _answer_says(settings, news, row["q"], as_of)
        tally.answered += said is not None
        tally.answered_right += said == ("mentioned" if row["mentioned"] else "none")
        extracted = _same(settled.guess, row["guess"])
        tally.extracted += extracted
        if show and not extracted:
            tally.misses.append(f"guess {settled.guess!r}, labelled {row['guess']!r}: {row['q']}")
        if settled.guess is None or not settled.why:  # a figure question: nothing said on it
            continue
        found = gather_evidence(
            news, row["symbols"], row["direction"], date.fromisoformat(row["start"]),
            date.fromisoformat(row["end"]), as_of, budget_tokens=1000, max_drivers=5,
            guess=settled.guess,
        )  # fmt: skip
        tally.no_coverage += found.no_coverage
        tally.said += 1
        says_mentioned = bool(found.mentions)
        tally.right += says_mentioned == row["mentioned"]
        if says_mentioned:
            tally.said_mentioned += 1
            urls = {d.url for d in found.mentioning}
            tally.mentioned_labelled += bool(urls & set(row["articles"]))
        if show and says_mentioned != row["mentioned"]:
            quoted = list(found.mentions.values())[:1]
            tally.misses.append(f"said {'mentioned' if says_mentioned else 'none'}, labelled "
                                f"{row['mentioned']} {quoted}: {row['q']}")  # fmt: skip
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list the development misses")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    news = NewsStore.open(settings, create=False)
    t0 = time.perf_counter()
    with MarketStore.open(settings.market_db_path, read_only=True) as store:
        catalog = Catalog.from_store(store)
        lines = [
            "# Guessed causes: read from the question, checked against the stored articles",
            "Command: `.venv/bin/python benchmarks/why_guess_bench.py --write`",
            f"Machine: {machine()}. News store: {news.count()} chunks "
            f"({settings.embedding_model}, {settings.embedding_backend}).",
            "",
            "| list | role | read as why | guess read | said about the guess (of them, the move "
            "without coverage) | agrees with the label | 'mentioned' with a labelled article | "
            "whole answer: says something of it | …agreeing with the label |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        shown: list[str] = []
        for path in sorted(LISTS.glob("*.jsonl")):
            frozen = path.stem == FROZEN
            t = score(path, catalog, news, settings, args.show and not frozen)
            role = "frozen test (aggregate only)" if frozen else "development (tuned on)"
            lines.append(
                f"| {path.stem} | {role} | {t.why}/{t.questions} | {t.extracted}/{t.questions} "
                f"| {t.said} ({t.no_coverage}) | {t.right}/{t.said} "
                f"| {t.mentioned_labelled}/{t.said_mentioned} | {t.answered}/{t.questions} "
                f"| {t.answered_right}/{t.answered} |"
            )
            shown += [f"{path.stem}: {m}" for m in t.misses]
    lines.append(f"\n{time.perf_counter() - t0:.0f} s in all.")
    report = "\n".join(lines) + "\n"
    publish(report, shown, HERE / "results" / "why_guesses.md", args.write)


if __name__ == "__main__":
    main()
