"""The fuzzing corpus: thousands of generated inputs per loader and for the CLI's arguments.

Each target's property: no unhandled exception; every rejection is one line naming what to fix;
nothing is stored from a rejected file (market: the store is unchanged; news: a rejected file
yields no article), and what is accepted goes through the next stage (chunking) too.

    python -m benchmarks.reliability.fuzz --examples 2000          # every target
    python -m benchmarks.reliability.fuzz --examples 300 --only csv
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from benchmarks.reliability import fuzz_inputs as inputs
from copilot.errors import CopilotError
from copilot.market.store import MarketStore
from ingest.market.folder import import_file
from ingest.news.chunking import chunk_article
from ingest.news.pipeline import merge_copies
from ingest.news.registry import load_sources

SHARED_MARKET = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "market"
_names = itertools.count()


@dataclass
class Tally:
    """What one target saw."""

    name: str
    examples: int = 0
    accepted: int = 0
    rejected: int = 0
    seconds: float = 0.0
    failure: str | None = None
    samples: list[str] = field(default_factory=list)  # a few rejection messages, as shown

    def reject(self, message: str) -> None:
        if "\n" in message.strip():
            raise AssertionError(f"a rejection of more than one line: {message!r}")
        if not message.strip():
            raise AssertionError("an empty rejection message")
        self.rejected += 1
        if len(self.samples) < 3 and message not in self.samples:
            self.samples.append(message[:160])


def check_csv(
    data: bytes, workdir: Path, tally: Tally, skip_bad_rows: bool, store: MarketStore
) -> None:
    """One market CSV through `import_file` into the target's store."""
    path = workdir / f"F{next(_names)}.csv"
    path.write_bytes(data)
    before = store.coverage().to_dict("records")
    result = import_file(store, path, skip_bad_rows=skip_bad_rows)
    if result.status == "failed":
        tally.reject(result.error or "")
        assert store.coverage().to_dict("records") == before, "rows stored from a rejected file"
        assert store.imported_hash(str(path.resolve())) is None, "a rejected file recorded"
        return
    tally.accepted += 1
    assert store.imported_hash(str(path.resolve())) is not None, "an import not recorded"


def check_news(data: bytes, suffix: str, workdir: Path, tally: Tally) -> None:
    """One news file through the loader registry, then merging and chunking."""
    path = workdir / f"n{next(_names)}{suffix}"
    path.write_bytes(data)
    loaded = load_sources([path])
    for problem in loaded.problems:
        tally.reject(str(problem))
    whole_file_rejected = any(p.path == str(path) for p in loaded.problems)
    if whole_file_rejected:
        assert not loaded.articles, "articles kept from a rejected file"
    for article in merge_copies(loaded.articles):
        assert chunk_article(article), "an accepted article with no chunk"
        tally.accepted += 1


@dataclass
class CliWorld:
    """A data folder with a small market store and news store, and the environment for it."""

    root: Path
    env: dict[str, str]
    small_csv: Path
    runner: CliRunner = field(default_factory=CliRunner)


@contextmanager
def cli_world() -> Iterator[CliWorld]:
    from copilot.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {"COPILOT_DATA_DIR": str(root / "data"), "COPILOT_EMBEDDING_MODEL": "hash:64",
               "COPILOT_LLM_PROVIDER": "local"}  # fmt: skip
        world = CliWorld(root, env, root / "small.csv")
        world.small_csv.write_text("Date,Price\n2026-01-02,10\n2026-01-05,11\n")
        market = [SHARED_MARKET / "prices" / f"{s}.csv" for s in ("SPY", "IWM", "XLU")]
        market = [p for p in market if p.is_file()] or [world.small_csv]
        for path in market:
            world.runner.invoke(app, ["ingest", "market", str(path)], env=env)
        news = root / "news.jsonl"
        news.write_text("\n".join(json.dumps({
            "title": f"Small caps story {i}", "url": f"https://e.org/{i}", "publisher": "P",
            "published_at": f"2026-01-{10 + i:02d}", "text": "Small caps rose; IWM beat SPY.",
        }) for i in range(5)))  # fmt: skip
        world.runner.invoke(app, ["ingest", "news", str(news)], env=env)
        yield world


def cli_arguments() -> st.SearchStrategy[list[str]]:
    from copilot.tools import TOOLS

    day, sym, js = inputs.date_text(), inputs.symbols, inputs.json_arguments
    search = st.tuples(st.text(max_size=20), st.sampled_from(["--as-of", "--since", "--until"]),
                       day, sym).map(lambda t: ["news", "search", t[0] or "x", t[1], t[2],
                                                "--symbol", t[3]])  # fmt: skip
    tool = st.tuples(st.sampled_from(sorted(TOOLS)), js, day).map(
        lambda t: ["tool", t[0], "--args", t[1], "--as-of", t[2]]
    )
    market = sym.map(lambda s: ["ingest", "market", "{small_csv}", "--symbol", s])
    return st.one_of(search, tool, market)  # (`ingest online` would reach the network)


def check_cli(args: list[str], world: CliWorld, tally: Tally) -> None:
    from copilot.cli import app

    args = [a.replace("{small_csv}", str(world.small_csv)) for a in args]
    result = world.runner.invoke(app, args, env=world.env)
    error = result.exception
    assert "Traceback" not in result.output
    if error is None or isinstance(error, SystemExit):
        if result.exit_code == 0:
            tally.accepted += 1
        else:
            words = [ln.strip(" │╭╮╰╯─") for ln in result.output.splitlines()]
            said = [w for w in words if any(ch.isalpha() for ch in w)]
            tally.reject(said[-1] if said else f"exit {result.exit_code}")
        return
    if isinstance(error, CopilotError):  # `main()` prints these as one line, exit 1
        tally.reject(str(error))
        return
    raise error


FAST = settings(deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))  # fmt: skip


def run_target(name: str, examples: int, workdir: Path, world: CliWorld | None = None) -> Tally:
    """Run one target for `examples` generated inputs; a property failure is recorded."""
    tally = Tally(name)
    chosen = settings(FAST, max_examples=examples)
    bodies: dict[str, Callable[[], None]] = {}

    store = MarketStore.in_memory()  # one store: a rejected file must leave it as it was

    @chosen
    @given(inputs.csv_bytes(), st.booleans())
    def csv(data: bytes, skip: bool) -> None:
        tally.examples += 1
        check_csv(data, workdir, tally, skip, store)

    def news(strategy: st.SearchStrategy[bytes], suffix: str) -> Callable[[], None]:
        @chosen
        @given(strategy)
        def body(data: bytes) -> None:
            tally.examples += 1
            check_news(data, suffix, workdir, tally)

        return body

    bodies["csv"] = csv
    bodies["jsonl"] = news(inputs.jsonl_bytes(), ".jsonl")
    bodies["rss"] = news(inputs.feed_bytes(), ".rss")
    bodies["html"] = news(inputs.html_bytes(), ".html")
    if world is not None:

        @chosen
        @given(cli_arguments())
        def cli(args: list[str]) -> None:
            tally.examples += 1
            check_cli(args, world, tally)

        bodies["cli"] = cli
    started = time.perf_counter()
    try:
        bodies[name]()
    except Exception as exc:  # the corpus reports what it found instead of stopping
        tally.failure = f"{type(exc).__name__}: {str(exc)[:300]}"
    tally.seconds = time.perf_counter() - started
    store.close()
    return tally


TARGETS = ("csv", "jsonl", "rss", "html", "cli")


def markdown(tallies: list[Tally]) -> str:
    lines = ["| target | inputs | accepted | rejections (one line each) | unhandled | seconds |",
             "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for t in tallies:
        lines.append(f"| {t.name} | {t.examples} | {t.accepted} | {t.rejected} | "
                     f"{0 if t.failure is None else 1} | {t.seconds:.0f} |")  # fmt: skip
    for t in tallies:
        if t.failure:
            lines.append(f"\n**{t.name}: {t.failure}**")
    lines.append("\nSample rejections, as shown to the user:\n")
    for t in tallies:
        for sample in t.samples[:2]:
            lines.append(f"- {t.name}: `{sample}`")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--only", choices=TARGETS, action="append")
    args = parser.parse_args()
    tallies = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or TARGETS:
            if name == "cli":
                with cli_world() as world:
                    tallies.append(run_target(name, args.examples, Path(tmp), world))
            else:
                tallies.append(run_target(name, args.examples, Path(tmp)))
            print(f"{name}: {tallies[-1].examples} inputs, failure: {tallies[-1].failure}",
                  flush=True)  # fmt: skip
    print(markdown(tallies))


if __name__ == "__main__":
    main()
