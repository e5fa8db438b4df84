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

# The engine that renders what sitegen makes (README, "Which engine"):
#   mkdocs     MkDocs 1.6.1 + Material 9.8.x from requirements.txt in .venv, through hooks/qualification.py
#   mkdocs-ng  MkDocs NG + MkDocs NG Material from requirements-mkdocs-ng.txt in their own venv, from the
#              folder `python -m sitegen stage` writes (no hooks), then `python -m sitegen finish`
ENGINES := mkdocs mkdocs-ng
ENGINE  ?= mkdocs
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE): choose one of $(ENGINES))
endif
NG_VENV := .venv-mkdocs-ng
STAGE   := site.stage
# What each engine needs installed, and how it builds into the folder $(1).
engine_install_mkdocs    :=
engine_install_mkdocs-ng := $(NG_VENV)/.installed
engine_build_mkdocs      = $(BIN)/python -m mkdocs build --strict --site-dir $(1)
engine_build_mkdocs-ng   = $(BIN)/python -m sitegen stage $(STAGE) \
	&& $(NG_VENV)/bin/python -m mkdocs build --strict --config-file $(STAGE)/mkdocs.yml --site-dir $(abspath $(1)) \
	&& $(BIN)/python -m sitegen finish $(1)

.PHONY: install site serve test check bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(NG_VENV)/.installed: requirements-mkdocs-ng.txt
	$(PYTHON) -m venv $(NG_VENV)
	$(NG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(NG_VENV)/bin/python -m pip install --quiet -r requirements-mkdocs-ng.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

## site: build the site into site/ with ENGINE (default mkdocs; make site ENGINE=mkdocs-ng), into
## site.new/ first: a failed build leaves the last good site/ as it was
site: install $(engine_install_$(ENGINE))
	rm -rf site.new
	$(call engine_build_$(ENGINE),site.new) || { rm -rf site.new; exit 1; }
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

## serve: build and serve on http://127.0.0.1:8000/, rebuilding on every change
serve: install
	$(BIN)/python -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## test: build and run every test with the default engine (and the comparison of both engines'
## sites, tests/test_engines.py); then the site's browser tests again on a site built by the second
## engine; then the behaviour tests again on a second, small qualification
## (tests/fixtures/other-qualification), so another qualification stays a data edit; then the page,
## search, accessibility, self-check and no-other-hosts tests on each qualification of a catalog
## (tests/fixtures/catalog: both of them, each in its subtree, under the served sub-path)
FIXTURE := tests/fixtures/other-qualification
CATALOG := tests/fixtures/catalog
# On the second engine: what it renders (pages, links, no other hosts, accessibility, the search box and
# its results) and the pages that run Python (self-check, practical tasks). Data checks, the CLI, Pyodide and the screenshots do not depend on the
# engine; keyboard, HTML validity and the remaining browser suites read the same theme templates.
ENGINE_TESTS := tests/test_site_content.py tests/test_browser_pages.py tests/test_no_other_hosts.py \
	tests/test_accessibility.py tests/test_selfcheck_browser.py tests/test_crm_browser.py \
	tests/test_search.py tests/test_search_browser.py
# In a catalog (CATALOG_QUALIFICATION names the qualification under test, tests/data.py): what a
# qualification's pages show and load, its search, axe, its self-check, no other hosts; once, the
# catalog's own checks across qualifications (storage keys, progress files, practical tasks, runtime).
CATALOG_TESTS := tests/test_site_content.py tests/test_browser_pages.py tests/test_no_other_hosts.py \
	tests/test_accessibility.py tests/test_selfcheck_browser.py tests/test_search.py tests/test_search_browser.py
test: site $(engine_install_mkdocs-ng)
	ENGINE=mkdocs $(BIN)/python -m pytest
	ENGINE=mkdocs-ng $(BIN)/python -m pytest $(ENGINE_TESTS)
	ENGINE=mkdocs QUALIFICATION_DIR=$(FIXTURE) $(BIN)/python -m pytest -m "not content"
	ENGINE=mkdocs QUALIFICATION_DIR=$(CATALOG) CATALOG_QUALIFICATION=. $(BIN)/python -m pytest \
		$(CATALOG_TESTS) tests/test_catalog_records_browser.py
	ENGINE=mkdocs QUALIFICATION_DIR=$(CATALOG) CATALOG_QUALIFICATION=$(FIXTURE) $(BIN)/python -m pytest \
		-m "not content" $(CATALOG_TESTS)

## bench: measure load times, bytes and engine speed side by side with stock Pyodide, and the site with 1, 10
## and 100 synthetic qualifications (tests/benchmarks/scale.py); writes tests/benchmarks/results.md
bench: install
	$(BIN)/python tests/benchmarks/bench.py

## check: check the data files only (qualification.yaml, glossary.yaml, publisher.yaml)
check: install
	$(BIN)/python -m sitegen check

clean:
	rm -rf site site.new site.old $(STAGE) .pytest_cache
