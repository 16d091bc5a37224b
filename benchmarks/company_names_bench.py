"""How many of the constituents list's company names resolve to their own ticker in a question.

Run: `.venv/bin/python benchmarks/company_names_bench.py [--data ../shared/data/market] [--write]`
Prints a Markdown report; `--write` also saves it to benchmarks/results/company_names.md.

Each of the list's names is asked about twice, "How did <name> do this year?": once as the list
writes it ("Coca-Cola Company (The)") and once shortened the way people write it, the legal
suffix and class marker dropped ("Coca-Cola"). A name resolves when the question's only company
is that row's ticker. The catalog is built the way tests/understand/test_company_names.py builds
it: the list's names, with SPY as the only stored symbol. The hand-checked sample of 50 names as
people type them is tests/understand/test_company_names_sample.py.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date
from pathlib import Path

from copilot.understand import Catalog, understand
from copilot.understand.catalog import Stored

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "understand"))
from news_bench_lib import machine
from test_company_names_sample import SAMPLE  # type: ignore[import-not-found]  # path above

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 2, 18)
# Legal suffixes and markers people leave out when they write a company's name.
SUFFIX = re.compile(
    r"(\s*\((The|Class [A-Z])\))|(,?\s+(Inc\.|Incorporated|Corporation|Corp\.|Company|Co\.|plc|"
    r"Ltd\.|Limited))+$"
)


def short_name(listed: str) -> str:
    """'Coca-Cola Company (The)' → 'Coca-Cola'; 'Alphabet Inc. (Class A)' → 'Alphabet'."""
    previous = None
    name = listed
    while previous != name:
        previous, name = name, SUFFIX.sub("", name).strip()
    return name


def resolved(catalog: Catalog, name: str) -> list[str | None]:
    got = understand(f"How did {name} do this year?", AS_OF, catalog)
    return [u.symbol for u in got.unknown] + [i.symbol for i in got.instruments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared/data/market")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    path = args.data / "reference" / "sp500_constituents.csv"
    with path.open(newline="") as handle:
        rows = [(r["Symbol"], r["Security"]) for r in csv.DictReader(handle)]
    names = dict(rows)
    stored = {"SPY": Stored("bars", date(2025, 2, 19), date(2026, 2, 18), 251)}
    catalog = Catalog(stored=stored, names=names)
    misses: dict[str, list[str]] = {"listed": [], "short": []}
    for symbol, listed in rows:
        for form, name in (("listed", listed), ("short", short_name(listed))):
            got = resolved(catalog, name)
            if got != [symbol]:
                misses[form].append(f"{name!r} → {got or 'nothing'} (want {symbol})")
    lines = [
        "# Company names → tickers",
        "",
        f"Machine: {machine()}.",
        "Command: `.venv/bin/python benchmarks/company_names_bench.py --write`. "
        f"Date: {date.today().isoformat()}.",
        f"{len(rows)} names of {path.name}; each asked as 'How did <name> do this year?'. "
        "Target (issue 15): ≥ 400 names resolve to their tickers.",
        "",
        "| form of the name | resolve to their ticker |",
        "|---|---|",
    ]
    for form, label in (("listed", "as the list writes it"), ("short", "legal suffix dropped")):
        lines.append(f"| {label} | {len(rows) - len(misses[form])} / {len(rows)} |")
    sample_misses = [f"{w!r} → {resolved(catalog, w) or 'nothing'} (want {s})"
                     for w, s in SAMPLE if resolved(catalog, w) != [s]]  # fmt: skip
    lines += [f"| hand-checked sample of {len(SAMPLE)} names as people type them "
              "(tests/understand/test_company_names_sample.py) | "
              f"{len(SAMPLE) - len(sample_misses)} / {len(SAMPLE)} |", ""]  # fmt: skip
    misses["sample"] = sample_misses
    for form in ("listed", "short", "sample"):
        lines += [f"## Misses ({form})", ""] + [f"- {m}" for m in misses[form]] + [""]
    report = "\n".join(lines)
    print(report)
    if args.write:
        (HERE / "results" / "company_names.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
