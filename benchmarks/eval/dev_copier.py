"""The whole dev half of the generalization set through the real answer engine with the
faithful-copier scripted model of `tests/test_eval_slice.py`, scored by the eval's own scorer.

The copier settles no slot and writes only the first line of each evidence block, verbatim, so
every failure it shows is the code's: question understanding, the window, the measure, or the
headline lines the tools print. It runs in seconds, where the real model takes an hour.

    python benchmarks/eval/dev_copier.py                      # summary + one line per failure
    python benchmarks/eval/dev_copier.py --records /tmp/dev-copier.jsonl --all
    python benchmarks/eval/dev_copier.py --template drawdown --all

Development figures only: the frozen test half is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from copilot.agent import Copilot  # noqa: E402
from copilot.evaluation import EvalQuestion, QuestionResult, load_questions, summarize  # noqa: E402
from copilot.evaluation.runner import evaluate  # noqa: E402
from copilot.llm.scripted import ScriptedLLM  # noqa: E402
from copilot.market.store import MarketStore  # noqa: E402
from copilot.settings import Settings  # noqa: E402
from copilot.sources import SourceLedger  # noqa: E402
from copilot.tools import ToolDeps  # noqa: E402
from tests.test_eval_slice import TURNS_PER_QUESTION, copier  # noqa: E402

DEV = REPO / "benchmarks" / "eval" / "generalization" / "dev.jsonl"
SHARED_MARKET = REPO.parent / "shared" / "data" / "market"


def build_store(folder: Path) -> Path:
    """A DuckDB store with ../shared/data/market imported (as the tests' fixture builds it)."""
    from ingest.market.folder import import_folder

    path = folder / "market.duckdb"
    with MarketStore.open(path) as store:
        failed = [r.error for r in import_folder(store, SHARED_MARKET) if r.status == "failed"]
    if failed:
        raise SystemExit(f"import failed: {failed}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, help="write every answer as JSON lines here")
    parser.add_argument("--template", action="append", default=[], help="only these templates")
    parser.add_argument("--all", action="store_true", help="print every failure's answer text")
    args = parser.parse_args()
    questions = [q for q in load_questions(DEV) if not args.template or q.template in args.template]
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(Path(tmp))
        settings = Settings(data_dir=Path(tmp) / "data", _env_file=None)
        with MarketStore.open(db, read_only=True) as store:
            deps = ToolDeps(settings=settings, ledger=SourceLedger(), market=store)
            box: list[ScriptedLLM] = []
            llm = ScriptedLLM(
                [copier(box)] * (TURNS_PER_QUESTION * len(questions)), model_id="copier"
            )
            box.append(llm)
            records = args.records or Path(tmp) / "records.jsonl"
            results = evaluate(Copilot(deps, llm), questions, records=records)
        answers = [json.loads(line)["answer"] for line in records.open(encoding="utf-8")]
    report(questions, results, answers if args.all else None)


def report(
    questions: list[EvalQuestion], results: list[QuestionResult], answers: list[Any] | None
) -> None:
    """The scores, then one line per failed question (with its answer and tool calls when
    `answers` is given)."""
    summary = summarize(results)
    print("development figures (dev half, copier model):")
    for key in ("numeric_accuracy", "instrument_named", "unanswerable_accuracy",
                "zero_untraced_share", "questions"):  # fmt: skip
        value = summary.get(key)
        print(f"  {key}: {value:.3f}" if isinstance(value, float) else f"  {key}: {value}")
    by_id = {q.id: q for q in questions}
    for i, r in enumerate(results):
        if r.correct and r.instrument_named is not False and not r.untraced_figures:
            continue
        q = by_id[r.id]
        gold = f"{q.gold.value} {q.gold.unit}" if q.gold else q.reason
        flags = f"correct={r.correct} named={r.instrument_named} untraced={r.untraced_figures}"
        print(f"- {r.id} [{flags}] {q.question!r} as of {q.as_of} gold {gold} {q.expected_symbols}")
        if r.error:
            print(f"    error: {r.error}")
        if answers is not None and answers[i]:
            show_answer(answers[i])


def show_answer(answer: dict[str, Any]) -> None:
    print("    understood: " + " | ".join(answer.get("understanding") or []))
    for call in answer.get("tool_calls") or []:
        print(f"    {call['name']} {json.dumps(call['arguments'])}")
    print("    text: " + answer["text"].replace("\n", " / ")[:600])


if __name__ == "__main__":
    main()
