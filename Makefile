# Two commands set everything up on a fresh machine: `make serve` and `make test`.
# Everything installs into the project: Python packages into .venv/, npm packages into
# node_modules/ (locked in package-lock.json). Browser tests use the system Chromium.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Material's end-of-life notice (2027-05-05) is known and planned for; keep build logs readable.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site serve test check bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

## site: build the site into site/ (into site.new/ first: a failed build leaves the last good site/ as it was)
site: install
	rm -rf site.new
	$(BIN)/python -m mkdocs build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

## serve: build and serve on http://127.0.0.1:8000/, rebuilding on every change
serve: install
	$(BIN)/python -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## test: build and run every test; then the behaviour tests again on a second, small qualification
## (tests/fixtures/other-qualification), so another qualification stays a data edit
FIXTURE := tests/fixtures/other-qualification
test: site
	$(BIN)/python -m pytest
	QUALIFICATION_DIR=$(FIXTURE) $(BIN)/python -m pytest -m "not content"

## bench: measure load times, bytes and engine speed side by side with stock Pyodide (tests/benchmarks/results.md)
bench: install
	$(BIN)/python tests/benchmarks/bench.py

## check: check the data files only (qualification.yaml, glossary.yaml, publisher.yaml)
check: install
	$(BIN)/python -m sitegen check

clean:
	rm -rf site site.new site.old .pytest_cache
