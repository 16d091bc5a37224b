"""The single-stock target of issue 15: "≥ 400 constituent names resolve to their tickers in a
hand-checked sample of 50". Fifty names as people type them (lower case, possessives, short and
long forms), each ticker checked by hand against ../shared/data/market/reference/
sp500_constituents.csv; none repeats a name of test_company_names.py. 400 of the list's 503 names
is 79.5 %, so the sample must resolve at least 40 of 50. The count over all 503 names is
benchmarks/company_names_bench.py (results: benchmarks/results/company_names.md)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from copilot.understand import Catalog, understand
from copilot.understand.catalog import Stored

A = date(2026, 2, 18)
# (as typed, ticker): the listed name is in the comment where it differs beyond case.
SAMPLE = [
    ("microsoft", "MSFT"), ("Microsoft's", "MSFT"), ("Broadcom", "AVGO"),
    ("Costco Wholesale", "COST"),  # listed: Costco
    ("Walmart", "WMT"), ("Walmart's", "WMT"), ("netflix", "NFLX"), ("Salesforce's", "CRM"),
    ("Oracle", "ORCL"),  # Oracle Corporation
    ("Advanced Micro Devices", "AMD"), ("Intel Corp", "INTC"), ("QUALCOMM", "QCOM"),
    ("Micron", "MU"),  # Micron Technology
    ("Adobe", "ADBE"), ("Cisco Systems", "CSCO"), ("IBM", "IBM"), ("Palantir", "PLTR"),
    ("Crowdstrike", "CRWD"), ("starbucks", "SBUX"), ("Nike's", "NKE"), ("Pfizer Inc.", "PFE"),
    ("Merck", "MRK"),  # Merck & Co.
    ("AbbVie", "ABBV"), ("UnitedHealth", "UNH"), ("Boeing's", "BA"), ("Caterpillar", "CAT"),
    ("Lockheed", "LMT"), ("GE Aerospace", "GE"), ("Chevron", "CVX"), ("ConocoPhillips", "COP"),
    ("Morgan Stanley", "MS"), ("Citi", "C"), ("Wells Fargo & Co", "WFC"), ("Blackrock", "BLK"),
    ("Visa Inc.", "V"), ("MasterCard", "MA"), ("Paypal", "PYPL"),
    ("Walt Disney", "DIS"),  # Walt Disney Company (The)
    ("Comcast", "CMCSA"), ("Pepsi", "PEP"), ("Ford Motor", "F"), ("General Motors", "GM"),
    ("Uber Technologies", "UBER"), ("AirBnB", "ABNB"),
    ("Schwab", "SCHW"),  # Charles Schwab Corporation
    ("Texas Instruments", "TXN"), ("Exxon Mobil", "XOM"),  # ExxonMobil
    ("Amazon.com", "AMZN"),  # Amazon
    ("Verizon Communications", "VZ"),  # Verizon
    ("Thermo Fisher", "TMO"),  # Thermo Fisher Scientific
]  # fmt: skip
# Misses measured on 2026-11-30, kept visible: a strict xfail turns into a failure once fixed.
KNOWN_MISSES = {
    "Amazon.com": "the '.com' form is not matched to 'Amazon'",
    "Verizon Communications": "'Communications' also names the communication-services ETF XLC",
    "Thermo Fisher": "a leading part of 'Thermo Fisher Scientific' is not matched",
}


@pytest.fixture(scope="module")
def catalog(shared_data: Path) -> Catalog:
    path = shared_data / "market" / "reference" / "sp500_constituents.csv"
    with path.open(newline="") as handle:
        names = {row["Symbol"]: row["Security"] for row in csv.DictReader(handle)}
    stored = {"SPY": Stored("bars", date(2025, 2, 19), date(2026, 2, 18), 251)}
    return Catalog(stored=stored, names=names)


def resolved(catalog: Catalog, written: str) -> list[str | None]:
    got = understand(f"How did {written} do this year?", A, catalog)
    return [u.symbol for u in got.unknown] + [i.symbol for i in got.instruments]


def test_the_sample_is_fifty_distinct_names_of_listed_tickers(catalog: Catalog) -> None:
    assert len(SAMPLE) == 50 and len({w for w, _ in SAMPLE}) == 50
    assert all(symbol in catalog.names for _, symbol in SAMPLE)


@pytest.mark.parametrize(
    ("written", "symbol"),
    [
        pytest.param(w, s, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[w]))
        if w in KNOWN_MISSES
        else (w, s)
        for w, s in SAMPLE
    ],
)
def test_sample_name_resolves_to_its_ticker(written: str, symbol: str, catalog: Catalog) -> None:
    assert resolved(catalog, written) == [symbol]


def test_at_least_forty_of_the_fifty_resolve(catalog: Catalog) -> None:
    hits = sum(resolved(catalog, written) == [symbol] for written, symbol in SAMPLE)
    assert hits >= 40, f"{hits}/50 resolve (target: ≥ 400 of 503, i.e. ≥ 40 of 50)"
    assert hits == 50 - len(KNOWN_MISSES)  # the per-name results above, counted
