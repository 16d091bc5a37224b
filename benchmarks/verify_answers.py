"""Correct answers written from the real tool outputs, for the verification benchmark.

The real engine runs each question (understanding, the measure tool, news drivers over the real
stores); where the model would write, a template writer composes sentences from the typed facts
of the sources it was given (the tools' own computed values, shown as the tools show them) and,
for articles, a sentence of the excerpt the model was shown. Phrasing varies (names, verbs,
rounding, windows) by a seeded choice. Used beside real model answers where the local model is
too slow on a shared 2-core machine; the results keep the two apart.

    COPILOT_DATA_DIR=... python benchmarks/verify_answers.py --set legacy --out FILE
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

from copilot.facts import Fact
from copilot.llm.base import ChatMessage
from copilot.llm.scripted import ScriptedLLM
from copilot.market.symbols import lookup
from copilot.sources import DataSource, NewsSource, SourceLedger

_UP = ("rose", "gained", "climbed", "advanced", "was up")
_DOWN = ("fell", "lost", "slid", "declined", "was down")


def _name(symbol: str, rng: random.Random) -> str:
    info = lookup(symbol)
    if info is None or not info.aliases or rng.random() < 0.5:
        return symbol
    alias = info.aliases[0].replace("s&p", "S&P").replace("vix", "VIX")
    return "the " + alias if alias.startswith("S&P") and rng.random() < 0.5 else alias


def _day(d: date | None) -> str:
    return f"{d:%B} {d.day}" if d else ""


def _pct(value: float, rng: random.Random) -> str:
    return f"{abs(value):.2f}%" if rng.random() < 0.7 else f"{abs(value):.1f}%"


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def fact_sentence(fact: Fact, n: int, source: DataSource, rng: random.Random) -> str | None:
    """One sentence stating `fact` as the source shows it, cited [n]."""
    who = _name(fact.subject, rng)
    measure = fact.measure
    if fact.unit == "%" and measure in ("return", "change"):
        verb = rng.choice(_UP if fact.value >= 0 else _DOWN)
        since = ""
        if fact.base and rng.random() < 0.6:
            since = rng.choice([f" since {_day(fact.base)}", f" from {_day(fact.base)} to "
                                f"{_day(fact.end)}"])  # fmt: skip
        return f"{who} {verb} {_pct(fact.value, rng)}{since} [{n}]."
    if fact.unit == "bp":
        verb = rng.choice(("rose", "climbed")) if fact.value >= 0 else rng.choice(("fell", "eased"))
        return f"{who} {verb} {abs(fact.value):.0f} bp [{n}]."
    if fact.unit in ("$", "level") and measure in ("level", "close"):
        shown = f"${fact.value:,.2f}" if fact.unit == "$" else f"{fact.value:,.2f}"
        on = f" on {_day(fact.end)}" if fact.end else ""
        return f"{who} closed at {shown}{on} [{n}]."
    if fact.unit == "sessions" and "streak" in measure:
        if measure == "beat_streak":
            named = re.search(r"greater than (\S+?)'s", source.text)
            other = fact.versus or (named[1] if named else None)
            if other is None:
                return None
            return (f"{who} beat {_name(other, rng)} for {int(fact.value)} sessions in a row "
                    f"through {_day(fact.end)} [{n}].")  # fmt: skip
        word = "higher" if "down" not in measure else "lower"
        return f"{who} closed {word} {int(fact.value)} sessions in a row [{n}]."
    if fact.unit == "rank":
        of = f" of {fact.of}" if fact.of else ""
        return f"{who} ranked {_ordinal(int(fact.value))}{of} [{n}]."
    if fact.unit == "%" and measure == "sma_distance":
        side = "above" if fact.value >= 0 else "below"
        return f"{who} closed {abs(fact.value):.2f}% {side} its moving average [{n}]."
    if fact.unit == "%" and measure in ("distance_from_peak", "drawdown"):
        what = "below its peak" if measure == "distance_from_peak" else "at its worst drawdown"
        return f"{who} stood {abs(fact.value):.2f}% {what} [{n}]."
    if fact.unit == "count" and measure == "new_highs":
        return f"{who} set {int(fact.value)} new closing highs [{n}]."
    if fact.unit == "count" and measure in ("up_days", "down_days"):
        kind = "up" if measure == "up_days" else "down"
        return f"{who} had {int(fact.value)} {kind} days [{n}]."
    return None


_CAUSE = re.compile(r"\b(as|after|amid|because|on|following|driven|boost|weigh|lift|hope|bet|"
                    r"expect|fear|rate|tariff|earning)\w*", re.I)  # fmt: skip


def news_sentence(source: NewsSource, n: int, rng: random.Random) -> str | None:
    """A sentence of the excerpt the model was shown that gives a cause, attributed."""
    shown = source.excerpt or source.text
    candidates = [s.strip(" …") for s in re.split(r"(?<=[.!?])\s+", shown)
                  if 40 < len(s) < 260 and _CAUSE.search(s)]  # fmt: skip
    if not candidates:
        return None
    picked = rng.choice(candidates).rstrip(".")
    lead = rng.choice(("According to {p}, ", "{p} reported that ", "As {p} put it, "))
    text = picked[0].lower() + picked[1:] if not picked[:2].isupper() else picked
    return lead.format(p=source.publisher) + text + f" [{n}]."


def writer(ledger_ref: list[SourceLedger], seed: str) -> Any:
    """A scripted model turn that writes from the sources cited in the prompt."""
    rng = random.Random(seed)

    def write(messages: list[ChatMessage]) -> str:
        prompt = messages[-1]["content"]
        if '"calls"' in prompt or "JSON" in prompt[:400]:
            return "{}"
        ledger = ledger_ref[0]
        numbers = sorted({int(x) for x in re.findall(r"\[(\d+)\]", prompt)})
        sentences: list[str] = []
        for n in numbers:
            source = ledger.get(n)
            if isinstance(source, DataSource):
                facts = [f for f in source.facts if f.unit != "date"]
                rng.shuffle(facts)
                for fact in facts[:2]:
                    made = fact_sentence(fact, n, source, rng)
                    if made:
                        sentences.append(made)
            elif isinstance(source, NewsSource) and len(sentences) < 6:
                made = news_sentence(source, n, rng)
                if made:
                    sentences.append(made)
        sentences = [x[0].upper() + x[1:] for x in sentences]
        return " ".join(sentences) or "The sources give no figure to report."

    return write


def run(questions: list[dict[str, Any]], out: Path, data_dir: Path) -> None:
    from copilot.agent import Copilot
    from copilot.runtime import open_deps
    from copilot.settings import Settings

    settings = Settings(data_dir=data_dir)
    rows = []
    with open_deps(settings) as deps:
        for q in questions:
            deps.ledger = SourceLedger()
            deps.as_of = None
            ref = [deps.ledger]
            turns = [writer(ref, q["id"]) for _ in range(6)]
            llm = ScriptedLLM(turns, model_id="template-writer")
            engine = Copilot(deps, llm)
            try:
                answer = engine.ask(q["question"], as_of=date.fromisoformat(q["as_of"]))
            except Exception as exc:
                print(f"{q['id']}: skipped ({type(exc).__name__}: {exc})")
                continue
            rows.append({"result": {"id": q["id"], "correct": None},
                         "answer": answer.model_dump(mode="json")})  # fmt: skip
            print(f"{q['id']}: {answer.text[:100]!r}")
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args()
    questions = []
    for path in args.questions:
        lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        questions += lines[: args.limit] if args.limit else lines
    run(questions, args.out, args.data)


if __name__ == "__main__":
    main()
