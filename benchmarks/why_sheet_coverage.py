"""Key facts in what the why-answer's writer is shown, without the model.

Every development why-question goes through the real answer engine and the stores in `data/`
(run `make demo`'s two ingests first) with the faithful-copier scripted model of
`tests/test_eval_slice.py`. A key fact counts as shown when it occurs in the answer's text, or in
an excerpt or title of a source it cites: the most the writer could have written. It takes about
a minute on 2 cores, where the model's run takes twenty, so retrieval and excerpt changes can be
tried here first (the model's run still decides whether they stay).

    .venv/bin/python benchmarks/why_sheet_coverage.py                # every development set
    .venv/bin/python benchmarks/why_sheet_coverage.py --questions benchmarks/eval/why_dev6.jsonl -v

The held-out sets are never read here. Development figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from copilot.agent import Copilot  # noqa: E402
from copilot.evaluation import EvalQuestion, load_questions  # noqa: E402
from copilot.evaluation.runner import evaluate  # noqa: E402
from copilot.evaluation.scoring import facts_covered  # noqa: E402
from copilot.llm.scripted import ScriptedLLM  # noqa: E402
from copilot.runtime import open_deps  # noqa: E402
from copilot.settings import Settings  # noqa: E402
from tests.test_eval_slice import TURNS_PER_QUESTION, copier  # noqa: E402

EVAL = REPO / "benchmarks" / "eval"
DEVELOPMENT = [EVAL / "questions.jsonl", EVAL / "why_extended.jsonl", EVAL / "why_holdout.jsonl",
               EVAL / "why_holdout2.jsonl", *sorted(EVAL.glob("why_dev*.jsonl"))]  # fmt: skip
REASON_TURNS = 3  # a why-answer's turns beyond the question's own: one per article read


def shown_text(answer: dict[str, object]) -> str:
    """The answer's text and every cited source's excerpt and title."""
    sources = answer.get("sources")
    parts = [str(answer.get("text", ""))]
    if isinstance(sources, dict):
        parts += [f"{s.get('excerpt') or ''} {s.get('title') or ''}" for s in sources.values()]
    return " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, action="append", help="a why-question file")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per question")
    args = parser.parse_args()
    files = args.questions or DEVELOPMENT
    if any("holdout3" in f.name or "holdout4" in f.name or "holdout5" in f.name for f in files):
        raise SystemExit("the held-out sets are never read here")
    questions: list[EvalQuestion] = [q for f in files for q in load_questions(f) if q.kind == "why"]
    turns = (TURNS_PER_QUESTION + REASON_TURNS) * len(questions)
    with tempfile.TemporaryDirectory() as tmp, open_deps(Settings()) as deps:
        box: list[ScriptedLLM] = []
        llm = ScriptedLLM([copier(box)] * turns, model_id="copier")
        box.append(llm)
        records = Path(tmp) / "records.jsonl"
        evaluate(Copilot(deps, llm), questions, records=records)
        answers = [json.loads(line)["answer"] for line in records.open(encoding="utf-8")]
    covered = total = 0
    for question, answer in zip(questions, answers, strict=True):
        found, facts = facts_covered(shown_text(answer or {}), question.key_facts)
        covered, total = covered + found, total + facts
        if args.verbose:
            print(f"{question.id:40} {found}/{facts}")
    print(f"key facts shown to the writer: {covered} of {total} ({len(questions)} questions, "
          f"{len(files)} files)")  # fmt: skip


if __name__ == "__main__":
    main()
