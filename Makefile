# One place for the commands the README and CI use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup test lint check run bench fuzz eval weights weights-cjk screenshots

setup:  ## create .venv and install quotes with its dev tools (torch pinned to CPU via constraints.txt)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 \
		|| echo "note: could not install Debian's chromium (needs root); the HTML report's browser test will be skipped"

test:  ## the test suite
	$(BIN)/python -m pytest -q

lint:  ## ruff and mypy on the package
	$(BIN)/ruff check quotes tests benchmarks
	$(BIN)/ruff format --check quotes tests benchmarks
	$(BIN)/mypy

check: lint test

run:  ## the main command on the seed corpus
	$(BIN)/quotes extract seeds/ -o quotes.csv

screenshots:  ## refresh docs/datasette.png, taken by the browser test of tests/test_database.py
	QUOTES_SCREENSHOT_DIR=docs $(BIN)/python -m pytest -q tests/test_database.py -k browser

bench:  ## corpus-scale benchmarks against the targets of issue 11, JSON report (benchmarks/bench.py)
	$(BIN)/python benchmarks/bench.py

fuzz:  ## 100,000 generated documents: crashes, hangs, lost documents, offset mismatches (benchmarks/fuzz.py)
	$(BIN)/python benchmarks/fuzz.py

eval:  ## quality gate on the annotated dev data, where it exists (benchmarks/eval_gate.py)
	$(BIN)/python benchmarks/eval_gate.py

EVAL ?= ../shared/eval
weights:  ## refit the attribution rankers on the annotated training data (quotes/attribution/weights/README.md)
	$(BIN)/python -m quotes.attribution.fit $(EVAL)/polnear_train.jsonl $(EVAL)/gernews_train.jsonl \
		--lang de -o quotes/attribution/weights/latin.json
	$(BIN)/python -m quotes.attribution.fit $(EVAL)/polnear_train.jsonl $(EVAL)/gernews_train.jsonl \
		--lang de --kinds -o quotes/attribution/weights/kinds.json
weights-cjk:  ## refit the Chinese/Japanese/Korean ranker on the develop half of multilingual_dev (odd doc numbers)
	$(BIN)/python -m quotes.attribution.fit $(EVAL)/multilingual_dev.jsonl --only '^[jzk]d-[0-9]*[13579]$$' \
		-o quotes/attribution/weights/cjk.json
