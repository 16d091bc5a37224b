# Market Copilot — one-command setup, demo and tests. See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
COPILOT := $(VENV)/bin/market-copilot
SHARED ?= ../shared/data
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

# torch first, pinned to the CPU build: a plain `torch` requirement pulled in by
# sentence-transformers would otherwise fetch a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install torch==2.13.0
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## The main job: import the sample market data and news, query them, answer the flagship
## question, then serve the browser app on http://127.0.0.1:8501 (Ctrl-C stops it).
demo: setup
	$(COPILOT) ingest market $(SHARED)/market
	$(COPILOT) ingest news $(SHARED)/news
	$(COPILOT) tool streak --args '{"symbol": "IWM", "versus": "SPY", "end": "2026-01-22"}'
	$(COPILOT) tool sector_returns --args '{"day": "2026-01-22"}'
	$(COPILOT) news search "small caps rally winning streak" --as-of 2026-01-23
	$(COPILOT) ask "why did small caps rally?" --as-of 2026-01-23
	$(COPILOT) ui

## The test suite, exactly as CI runs it.
test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy copilot ingest ui

bench: setup
	$(PY) benchmarks/market_bench.py --write
	$(PY) benchmarks/news_bench.py --write

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
