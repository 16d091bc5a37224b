"""The concurrency corpus: two imports at once, and questions (tool calls) during an import,
through the real command line.

* two `ingest market` (or two `ingest news`) started together: both must end well (the second
  waits for the first's writer lock) or the second with the one-line "locked" message — never a
  traceback — and the store must end with the counts of one clean import;
* `tool …` (what `ask` runs against the market store) during an import: each answers, or says in
  one line that the store is busy — never DuckDB's lock error.

    python -m benchmarks.reliability.concurrency --pairs 20 --questions 20
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.reliability.crash import REPO, SHARED, market_state, news_folders, news_state

CLI = [sys.executable, "-m", "copilot"]


@dataclass
class Outcome:
    what: str
    exits: list[int]
    seconds: float
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def env_for(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "COPILOT_DATA_DIR": str(data_dir), "COPILOT_EMBEDDING_MODEL": "hash:64",
            "COPILOT_NEWS_COLLECTION": "crash", "COLUMNS": "200"}  # fmt: skip


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([*CLI, *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def judge(children: list[subprocess.Popen[str]], outcome: Outcome) -> None:
    """Every child ends with 0, or 1 and one `Error:` line; never a traceback."""
    for child in children:
        out, err = child.communicate(timeout=600)
        outcome.exits.append(child.returncode)
        said = out + err
        if "Traceback" in said or "IOException" in said or "duckdb." in said:
            outcome.problems.append(f"exit {child.returncode}: {said.strip()[-300:]}")
        elif child.returncode not in (0, 1):
            outcome.problems.append(f"exit {child.returncode}: {said.strip()[-200:]}")
        elif child.returncode == 1 and "locked" not in " ".join(err.split()):
            outcome.problems.append(f"exit 1 without the lock message: {said.strip()[-200:]}")


def two_imports(kind: str, source: list[str], workdir: Path, expected: object,
                fresh: bool) -> Outcome:  # fmt: skip
    data = workdir / f"{kind}-pair"
    if fresh:
        shutil.rmtree(data, ignore_errors=True)
    args = ["ingest", kind, *source]
    started = time.perf_counter()
    outcome = Outcome(f"two `ingest {kind}` at once ({'empty' if fresh else 'filled'} store)",
                      [], 0.0)  # fmt: skip
    judge([start(args, env_for(data)), start(args, env_for(data))], outcome)
    outcome.seconds = time.perf_counter() - started
    state = _state(kind, data)
    if state != expected:
        outcome.problems.append(f"store ended with {state}, one clean import gives {expected}")
    return outcome


def _state(kind: str, data: Path) -> object:
    if kind == "market":
        return market_state(data / "market.duckdb")[2]
    stored, _, chunks = news_state(data)
    return (len(stored), chunks)


def questions_during_import(root: Path, workdir: Path, count: int, rng: random.Random
                            ) -> list[Outcome]:  # fmt: skip
    """Start an import into an empty store, and ask tool questions while it runs."""
    data = workdir / "question-store"
    shutil.rmtree(data, ignore_errors=True)
    env = env_for(data)
    importer = start(["ingest", "market", str(root)], env)
    time.sleep(rng.uniform(0.5, 3.0))  # the import is starting or writing
    outcomes = []
    for _ in range(count):
        started = time.perf_counter()
        symbol = rng.choice(["SPY", "IWM", "XLU"])
        window = f'{{"symbol": "{symbol}", "start": "2026-01-02", "end": "2026-01-22"}}'
        args = ["tool", "price_return", "--args", window]
        child = start(args, env)
        outcome = Outcome("`tool price_return` during an import", [], 0.0)
        out, err = child.communicate(timeout=600)
        outcome.exits.append(child.returncode)
        outcome.seconds = time.perf_counter() - started
        said = " ".join((out + err).split())
        if "Traceback" in said or "IOException" in said:
            outcome.problems.append(said[-300:])
        elif child.returncode != 0 and not any(
            phrase in said for phrase in ("busy (an import is running)", "no market store",
                                          "not in the store", "unknown symbol", "Unknown symbol")
        ):  # fmt: skip
            outcome.problems.append(f"exit {child.returncode}: {said[-200:]}")
        outcomes.append(outcome)
        if importer.poll() is not None:  # the import ended: start another one
            importer.communicate()
            shutil.rmtree(data, ignore_errors=True)
            importer = start(["ingest", "market", str(root)], env)
    importer.kill()
    importer.communicate()
    return outcomes


def clean_counts(workdir: Path, market_root: Path, news: list[str]) -> tuple[object, object]:
    market_dir, news_dir = workdir / "clean-market", workdir / "clean-news"
    subprocess.run([*CLI, "ingest", "market", str(market_root)], cwd=REPO,
                   env=env_for(market_dir), capture_output=True, check=True)  # fmt: skip
    subprocess.run([*CLI, "ingest", "news", *news], cwd=REPO, env=env_for(news_dir),
                   capture_output=True, check=True)  # fmt: skip
    return _state("market", market_dir), _state("news", news_dir)


def markdown(outcomes: list[Outcome]) -> str:
    lines = ["| scenario | runs | ok | exit codes seen | median s | max s |",
             "|---|---:|---:|---|---:|---:|"]  # fmt: skip
    for what in dict.fromkeys(o.what for o in outcomes):
        mine = [o for o in outcomes if o.what == what]
        times = sorted(o.seconds for o in mine)
        exits = sorted({e for o in mine for e in o.exits})
        lines.append(f"| {what} | {len(mine)} | {sum(o.ok for o in mine)} | {exits} | "
                     f"{times[len(times) // 2]:.1f} | {times[-1]:.1f} |")  # fmt: skip
    for o in [o for o in outcomes if not o.ok][:10]:
        lines.append(f"\n- {o.what}: {'; '.join(o.problems)[:300]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20, help="pairs of imports, per store kind")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = SHARED / "market"
    news = [str(f) for f in news_folders(("2026-01-21", "2026-01-22"))]
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        market_expected, news_expected = clean_counts(workdir, root, news)
        for i in range(args.pairs):
            outcomes.append(
                two_imports("market", [str(root)], workdir, market_expected, i % 2 == 0)
            )
            outcomes.append(two_imports("news", news, workdir, news_expected, i % 2 == 0))
            print(f"pair {i + 1}: {[o.ok for o in outcomes[-2:]]}", flush=True)
        outcomes += questions_during_import(root, workdir, args.questions, rng)
    print(markdown(outcomes))


if __name__ == "__main__":
    main()
