#!/usr/bin/env python3
"""Generate the generalization question set (dev.jsonl and test.jsonl) from the raw CSVs.

Standard library only, and nothing imported from the project: the gold values are this
folder's own reading of docs/windows-and-measures.md (see gold_rules.py), an independent check
of the answer engine.

Usage (from the repository root):
    python benchmarks/eval/generalization/make_set.py           # write dev.jsonl and test.jsonl
    python benchmarks/eval/generalization/make_set.py --check   # exit 1 unless both regenerate
                                                                # byte-identically
    python benchmarks/eval/generalization/make_set.py --data /path/to/shared/data

The templates (not the questions) are split into a dev half and a test half with a fixed seed,
balanced across families; the test half is frozen (its sha256 is recorded in README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Ctx, Record, Template  # noqa: E402
from gold_rules import load_market  # noqa: E402
from templates_after_freeze import TEMPLATES as AFTER_FREEZE  # noqa: E402
from templates_counts import TEMPLATES as COUNTS  # noqa: E402
from templates_extremes import TEMPLATES as EXTREMES  # noqa: E402
from templates_levels_moves import TEMPLATES as LEVELS_MOVES  # noqa: E402
from templates_ranks import TEMPLATES as RANKS  # noqa: E402
from templates_unanswerable import TEMPLATES as UNANSWERABLE  # noqa: E402

REPO = HERE.parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SEED = "market-copilot-generalization-v1"
PER_TEMPLATE = {"unanswerable": 12}
DEFAULT_PER_TEMPLATE = 7
MAX_TRIES = 400
TEMPLATES: list[Template] = [
    *LEVELS_MOVES,
    *RANKS,
    *EXTREMES,
    *COUNTS,
    *UNANSWERABLE,
    *AFTER_FREEZE,
]


def generate(template: Template, ctx: Ctx) -> list[Record]:
    """The template's questions, each drawn with the template's own seeded generator."""
    rng = random.Random(f"{SEED}/{template.id}")
    wanted = PER_TEMPLATE.get(template.family, DEFAULT_PER_TEMPLATE)
    records: list[Record] = []
    seen: set[str] = set()
    for _ in range(MAX_TRIES):
        record = template.make(ctx, rng)
        # The same words with the same gold is one question, whatever the as-of date.
        key = json.dumps([record["question"], record["gold"]]) if record else ""
        if record is None or key in seen:
            continue
        seen.add(key)
        ordered = {
            "id": f"{template.id}-{len(records) + 1:02d}",
            "template": template.id,
            "family": template.family,
            **record,
        }
        records.append(ordered)
        if len(records) == wanted:
            return records
    raise SystemExit(f"template {template.id}: only {len(records)} of {wanted} questions drawn")


def split(templates: list[Template]) -> dict[str, str]:
    """Template id -> 'dev' | 'test': within each family, alternately, from a seeded shuffle;
    each family starts with the half that holds fewer templates so far. A pinned template
    (added after the freeze) goes to its half and leaves the others' draw untouched."""
    rng = random.Random(f"{SEED}/split")
    by_family: dict[str, list[str]] = defaultdict(list)
    for template in templates:
        if template.pinned is None:
            by_family[template.family].append(template.id)
    half: dict[str, str] = {}
    for family in sorted(by_family):
        ids = sorted(by_family[family])
        rng.shuffle(ids)
        dev_count = sum(1 for h in half.values() if h == "dev")
        first = "dev" if dev_count <= len(half) - dev_count else "test"
        second = "test" if first == "dev" else "dev"
        for i, template_id in enumerate(ids):
            half[template_id] = first if i % 2 == 0 else second
    for template in templates:
        if template.pinned is not None:
            assert template.pinned == "dev", f"{template.id}: only dev can grow after the freeze"
            half[template.id] = template.pinned
    return half


def render(ctx: Ctx) -> dict[str, str]:
    """File name -> file text for both halves."""
    halves = split(TEMPLATES)
    lines: dict[str, list[str]] = {"dev": [], "test": []}
    for template in TEMPLATES:
        for record in generate(template, ctx):
            lines[halves[template.id]].append(json.dumps(record, ensure_ascii=False))
    return {f"{name}.jsonl": "\n".join(rows) + "\n" for name, rows in lines.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=HERE, help="where dev/test.jsonl live")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file would change")
    args = parser.parse_args()
    market = args.data / "market"
    if not (market / "prices").is_dir():
        print(f"no market data in {market}: pass --data /path/to/shared/data", file=sys.stderr)
        return 2
    data = load_market(market)
    ctx = Ctx(data=data, sessions=[d for d, _ in data["SPY"]])
    files = render(ctx)
    stale = []
    for name, text in files.items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale: {', '.join(stale)} (run make_set.py without --check)", file=sys.stderr)
        return 1
    counts = {name: text.count("\n") for name, text in files.items()}
    print(f"{'checked' if args.check else 'wrote'} {counts} from {len(TEMPLATES)} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
