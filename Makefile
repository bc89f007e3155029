# dateline: two commands on a fresh machine.
#   make demo   create .venv, install the lock, ingest the shipped example, print a summary
#   make test   create .venv if needed, run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= dateline.duckdb
EXAMPLE := examples/2025-03-14-trump-putin-kursk.txt

.PHONY: demo test lint typecheck check docs docs-examples lock clean

$(BIN)/dateline: requirements/lock.txt requirements/bootstrap.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# pip itself is pinned: pip 23 cannot see some current wheels in the lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(BIN)/dateline

demo: $(BIN)/dateline
	$(BIN)/dateline ingest $(EXAMPLE) --db $(DB)
	$(BIN)/dateline stats --db $(DB)
	$(BIN)/dateline events --db $(DB)
	$(BIN)/dateline quotes --db $(DB)

test: $(BIN)/dateline
	@test -x /usr/bin/chromium || echo "Browser tests (tests/server/test_server_browser.py) will be SKIPPED: /usr/bin/chromium is absent. Install it with: apt-get install -y chromium"
	# on every core, a test file to a worker (its module fixtures built once): 26 min -> ~15 on 2 cores
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(BIN)/dateline
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	# the layers (contracts in .importlinter)
	$(BIN)/lint-imports --no-cache

typecheck: $(BIN)/dateline
	$(BIN)/mypy

check: test lint typecheck

# The documentation site (mkdocs.yml, docs/), into site/; any warning fails the build. Offline:
# the CLI and API references are rendered from the installed code (scripts/docs_hooks.py).
docs: $(BIN)/dateline
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# Run the docs' examples (docs_src/) again and keep their outputs; review with git diff.
docs-examples: $(BIN)/dateline
	$(BIN)/python scripts/docs_examples.py

# Regenerate the lock after changing dependencies in pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --extra dev --extra dask --extra docs --generate-hashes --python-version 3.11 -o requirements/lock.txt

clean:
	rm -rf $(VENV) $(DB) site .pytest_cache .mypy_cache .ruff_cache
