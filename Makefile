# One place for the commands the README and CI use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup test lint check run

setup:  ## create .venv and install quotes with its dev tools (torch pinned to CPU via constraints.txt)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 \
		|| echo "note: could not install Debian's chromium (needs root); the HTML report's browser test will be skipped"

test:  ## the test suite
	$(BIN)/python -m pytest -q

lint:  ## ruff and mypy on the package
	$(BIN)/ruff check quotes tests
	$(BIN)/ruff format --check quotes tests
	$(BIN)/mypy

check: lint test

run:  ## the main command on the seed corpus
	$(BIN)/quotes extract seeds/ -o quotes.csv
