"""The crash-consistency corpus: kill -9 at random moments during a news ingest and a market
import, then check the stores.

A child process runs the real ingest (`ingest_paths`, `import_folder` on a store opened as the
CLI opens it) and prints an acknowledgement once each write has returned: `ACK article version`
after the Chroma `add` holding that article, `ACK file` after that file's transaction commits.
The parent kills the child (SIGKILL) after a random number of acknowledgements plus a random
delay, then checks:

* the store opens;
* news: every stored article is complete (all chunks 0..n-1 of one version), every acknowledged
  article is stored, a search returns only complete articles;
* market: every acknowledged file is recorded, and each recorded file's stored rows equal the
  rows its import recorded (a file is all there or not at all);
* a re-run to completion converges to the counts of one clean run.

    python -m benchmarks.reliability.crash --news 50 --market 50 --seed 1
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
NEWS_DAYS = ("2026-01-20", "2026-01-21", "2026-01-22")
BATCH_CHUNKS = 4  # small batches: many writes, many moments to be killed between and inside


@dataclass
class KillRun:
    kind: str
    after_acks: int
    delay_s: float
    acked: int = 0
    problems: list[str] = field(default_factory=list)
    converged: bool = False

    @property
    def consistent(self) -> bool:
        return not self.problems and self.converged


def _child(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.reliability.crash_child", *args],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip


def run_killed(args: list[str], env: dict[str, str], after: int, delay: float) -> list[str]:
    """Run the child, SIGKILL it `delay` s after its `after`-th acknowledgement (0 = after it
    started); return every acknowledgement it printed."""
    child = _child(args, env)
    acks: list[str] = []
    assert child.stdout is not None
    timer: threading.Timer | None = None
    for line in child.stdout:
        word, _, rest = line.strip().partition(" ")
        if word == "ACK":
            acks.append(rest)
        if timer is None and ((word == "START" and after == 0) or len(acks) == after > 0):
            timer = threading.Timer(delay, lambda: _kill(child))
            timer.start()
    child.wait()
    if timer is not None:
        timer.cancel()
    return acks


def _kill(child: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)


def run_to_end(args: list[str], env: dict[str, str]) -> None:
    child = _child(args, env)
    child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"the re-run failed with exit {child.returncode}: {args}")


# ---- news -------------------------------------------------------------------------------------


def news_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "COPILOT_DATA_DIR": str(data_dir), "COPILOT_EMBEDDING_MODEL": "hash:64",
            "COPILOT_NEWS_COLLECTION": "crash"}  # fmt: skip


def open_news(data_dir: Path) -> Any:
    """The store as a new process would see it. Chroma caches one client per path in a process;
    the children rebuild and rewrite the folder under this one, so that cache goes stale."""
    from chromadb.api.shared_system_client import SharedSystemClient

    from copilot.news import HashEmbedder, NewsStore
    from copilot.settings import Settings

    SharedSystemClient.clear_system_cache()
    settings = Settings(data_dir=data_dir, embedding_model="hash:64", news_collection="crash",
                        _env_file=None)  # fmt: skip
    return NewsStore.open(settings, HashEmbedder())


def news_state(data_dir: Path) -> tuple[dict[tuple[str, str], set[int]], dict[str, int], int]:
    """(chunk indexes stored per (article, version), n_chunks per version, chunk count)."""
    store = open_news(data_dir)
    found = store.collection.get(include=["metadatas"])
    stored: dict[tuple[str, str], set[int]] = {}
    sizes: dict[str, int] = {}
    for meta in found["metadatas"] or []:
        key = (str(meta["article_id"]), str(meta["version"]))
        stored.setdefault(key, set()).add(int(str(meta["chunk_index"])))
        sizes[key[1]] = int(str(meta["n_chunks"]))
    return stored, sizes, store.count()


def check_news(data_dir: Path, acks: list[str]) -> list[str]:
    from copilot.news.search import search_news

    problems = []
    stored, sizes, _ = news_state(data_dir)
    for (article, version), indexes in stored.items():
        if indexes != set(range(sizes[version])):
            problems.append(f"article {article} holds chunks {sorted(indexes)} of {sizes[version]}")
    versions = Counter(article for article, _ in stored)
    problems += [f"article {a} stored in {n} versions" for a, n in versions.items() if n > 1]
    complete = {a for (a, v), indexes in stored.items() if indexes == set(range(sizes[v]))}
    for ack in acks:
        article, version = ack.split()
        if (article, version) not in stored:
            problems.append(f"acknowledged article {article} is not stored")
    store = open_news(data_dir)
    if store.count():
        for query in ("stocks", "small caps rally", "Federal Reserve rates"):
            for hit in search_news(store, query, 10):
                if hit.article_id not in complete:
                    problems.append(f"search returned {hit.article_id}, not a complete article")
    return problems


# ---- market -----------------------------------------------------------------------------------


def market_state(db: Path) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(rows recorded per imported file, rows stored per source, rows per table)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        recorded = dict(con.execute("SELECT source, rows FROM imports").fetchall())
        stored: Counter[str] = Counter()
        totals = {}
        for table in ("bars", "series"):
            for source, rows in con.execute(
                f"SELECT source, count(*) FROM {table} GROUP BY source"
            ).fetchall():
                stored[source] += rows
            (totals[table],) = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
        symbol_rows = dict(
            con.execute("SELECT source, count(*) FROM symbols GROUP BY source").fetchall()
        )
        totals["symbols"] = sum(symbol_rows.values())
        totals["imports"] = len(recorded)
    finally:
        con.close()
    for source, rows in symbol_rows.items():  # a symbol list's rows live in `symbols`
        if source not in stored:
            stored[source] = rows
    return recorded, dict(stored), totals


def check_market(db: Path, acks: list[str]) -> list[str]:
    if not db.exists():
        return [f"acknowledged files but no store at {db}"] if acks else []
    recorded, stored, _ = market_state(db)
    problems = [f"acknowledged file {a} is not recorded" for a in acks if a not in recorded]
    for source, rows in recorded.items():
        if stored.get(source, 0) != rows:
            problems.append(f"{Path(source).name}: {stored.get(source, 0)} rows stored, {rows} "
                            "recorded")  # fmt: skip
    problems += [f"rows of {Path(s).name} stored without an import record"
                 for s in stored if s not in recorded]  # fmt: skip
    return problems


# ---- the corpus -------------------------------------------------------------------------------


def news_folders(days: tuple[str, ...] = NEWS_DAYS) -> list[Path]:
    return [SHARED / "news" / day for day in days if (SHARED / "news" / day).is_dir()]


def run_news(runs: int, workdir: Path, rng: random.Random, days: tuple[str, ...] = NEWS_DAYS
             ) -> tuple[list[KillRun], int]:  # fmt: skip
    folders = [str(f) for f in news_folders(days)]
    args = ["news", str(BATCH_CHUNKS), *folders]
    clean = workdir / "news-clean"
    run_to_end(args, news_env(clean))
    _, _, expected_chunks = news_state(clean)
    expected_articles = len(news_state(clean)[0])
    batches = max(1, expected_chunks // BATCH_CHUNKS)
    data = workdir / "news-killed"
    results = []
    for _ in range(runs):
        run = KillRun("news", rng.randint(0, batches), rng.uniform(0.0, 0.4))
        acks = run_killed(args, news_env(data), run.after_acks, run.delay_s)
        run.acked = len(acks)
        run.problems = _checked(check_news, data, acks)
        try:
            run_to_end(args, news_env(data))
            stored, _, chunks = news_state(data)
            run.converged = (len(stored), chunks) == (expected_articles, expected_chunks)
        except Exception as exc:  # recorded: the corpus reports, it does not stop
            run.problems.append(f"re-run: {type(exc).__name__}: {str(exc)[:200]}")
        results.append(run)
        print(f"news run {len(results)}: {'ok' if run.consistent else run.problems}", flush=True)
        if rng.random() < 0.3:  # sometimes start over, so early kills meet an empty store
            _remove_tree(data)
    return results, expected_chunks


def run_market(runs: int, workdir: Path, rng: random.Random, root: Path | None = None
               ) -> tuple[list[KillRun], dict[str, int]]:  # fmt: skip
    root = root or SHARED / "market"
    files = sum(1 for p in root.rglob("*.csv"))
    clean = workdir / "clean.duckdb"
    run_to_end(["market", str(clean), str(root)], dict(os.environ))
    expected = market_state(clean)[2]
    results = []
    db = workdir / "killed.duckdb"
    for _ in range(runs):
        if rng.random() < 0.5:  # half the runs start from an empty store
            for path in workdir.glob("killed.duckdb*"):
                path.unlink()
        run = KillRun("market", rng.randint(0, files), rng.uniform(0.0, 0.3))
        acks = run_killed(["market", str(db), str(root)], dict(os.environ), run.after_acks,
                          run.delay_s)  # fmt: skip
        run.acked = len(acks)
        run.problems = _checked(check_market, db, acks)
        try:
            run_to_end(["market", str(db), str(root)], dict(os.environ))
            run.converged = market_state(db)[2] == expected
        except Exception as exc:
            run.problems.append(f"re-run: {type(exc).__name__}: {str(exc)[:200]}")
        results.append(run)
        print(f"market run {len(results)}: {'ok' if run.consistent else run.problems}", flush=True)
    return results, expected


def _checked(check: Callable[[Path, list[str]], list[str]], where: Path, acks: list[str]
             ) -> list[str]:  # fmt: skip
    """The check's problems; a store that cannot even be read is one (kept for a post-mortem)."""
    try:
        return check(where, acks)
    except Exception as exc:
        kept = Path(tempfile.mkdtemp(prefix="crash-kept-"))
        if where.is_dir():
            shutil.copytree(where, kept / where.name)
        elif where.exists():
            shutil.copy(where, kept / where.name)
        return [f"store unreadable after the kill ({type(exc).__name__}: {str(exc)[:200]}); "
                f"copy kept in {kept}"]  # fmt: skip


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def markdown(runs: list[KillRun], seconds: float) -> str:
    lines = ["| store | kill -9 runs | consistent | acknowledged writes checked | converged |",
             "|---|---:|---:|---:|---:|"]  # fmt: skip
    for kind in ("news", "market"):
        mine = [r for r in runs if r.kind == kind]
        if mine:
            lines.append(
                f"| {kind} | {len(mine)} | {sum(r.consistent for r in mine)} | "
                f"{sum(r.acked for r in mine)} | {sum(r.converged for r in mine)} |"
            )
    bad = [r for r in runs if not r.consistent]
    for r in bad[:10]:
        lines.append(f"\n- {r.kind} killed {r.delay_s:.2f} s after ack {r.after_acks}: "
                     f"{'; '.join(r.problems[:3]) or 'did not converge'}")  # fmt: skip
    lines.append(f"\n{len(runs)} runs in {seconds:.0f} s.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=int, default=50)
    parser.add_argument("--market", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    runs: list[KillRun] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.news:
            news, chunks = run_news(args.news, Path(tmp), rng)
            runs += news
            print(f"news: {len(news)} runs, clean store {chunks} chunks", flush=True)
        if args.market:
            market, totals = run_market(args.market, Path(tmp), rng)
            runs += market
            print(f"market: {len(market)} runs, clean store {totals}", flush=True)
    print(markdown(runs, time.perf_counter() - started))


if __name__ == "__main__":
    main()
