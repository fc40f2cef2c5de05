# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install dev run test lint bench screenshot docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the packaging changes; the editable install sees code edits at once.
# `make run` needs the tool alone; tests, lint and the benchmark need the dev extras too.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP)

install: $(STAMP)

dev: $(DEV_STAMP)

run: install
	$(BIN)/talkclaims extract corpus/

test: dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest

# The README's picture of the report of corpus/ (needs Debian's chromium).
screenshot: install
	$(BIN)/talkclaims report corpus/ -o build/report.html --jobs 1
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=build/chromium-profile \
	  --window-size=1200,1500 --screenshot=docs/report.png file://$(CURDIR)/build/report.html

# The documentation site (docs/, mkdocs.yml) into build/site; --strict: no broken link.
docs: dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir build/site

# Speed and memory figures (a few minutes): talkclaims against the bare model.
bench: dev
	$(BIN)/python benchmarks/bench.py

lint: dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests tools

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
