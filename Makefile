# Borgerbudget developer and operator commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast test-e2e bench bench-quick messages compile migrate demo-data check-course clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
OIDC_PROVIDER := tests/e2e/oidc/node_modules/.package-lock.json

# `make run` installs only what running needs; the test tools come with `make test` (or `make install`).
$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip 'setuptools>=75'
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(RUN_STAMP)

install: $(TEST_STAMP) compile $(OIDC_PROVIDER) ## Create .venv and install the app with its test tools

# The OpenID Connect provider the single sign-on browser test runs (npm's oidc-provider on Node.js).
$(OIDC_PROVIDER): tests/e2e/oidc/package-lock.json
	npm ci --prefix tests/e2e/oidc --no-audit --no-fund --loglevel=error

CATALOGS_MO := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/messages.po))

compile: $(CATALOGS_MO) ## Compile the gettext catalogs (.po -> .mo)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(RUN_STAMP)
	$(BIN)/pybabel compile -d locales -D messages -l $* --statistics

messages: $(TEST_STAMP) ## Extract user-facing text and update the catalogs (Danish is the source)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3 \
	  --add-location=file --sort-by-file --project=Borgerbudget --copyright-holder=Borgerbudget \
	  -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete

migrate: $(RUN_STAMP) compile ## Bring the database up to date (alembic upgrade head)
	$(BIN)/borgerbudget migrate

demo-data: migrate ## Load the demo programme if the database is empty (SQLite only)
	$(BIN)/borgerbudget demo-data --if-empty

run: demo-data ## Install what running needs, migrate, load demo data, serve http://localhost:8501 (demo mode)
	BORGERBUDGET_DEMO=1 $(BIN)/borgerbudget serve --port $(PORT)

test: install ## Install and run the whole test suite (SQLite, PostgreSQL, browser)
	$(BIN)/pytest -n 2 --dist loadgroup --timeout 300

test-fast: install ## Run the suite without the browser tests
	$(BIN)/pytest -n 2 --timeout 300 -m "not e2e"

test-e2e: install ## Run only the real-browser tests
	$(BIN)/pytest --timeout 300 -m e2e

check-course: install ## Validate the course files (dialogs/course/*.toml) and list every error
	$(BIN)/borgerbudget check-course

bench: install ## Run the benchmarks (ratios measured side by side)
	$(BIN)/python scripts/bench.py

bench-quick: install ## A small benchmark run (10 sessions, 100 and 10 000 citizens)
	BENCH_SESSIONS=10 BENCH_TURNS=3 BENCH_CHAT_TURNS=5 BENCH_IDLE_SECONDS=10 BENCH_SIZES=100,10000 BENCH_REPEAT=3 \
	  $(BIN)/python scripts/bench.py

clean: ## Remove the virtual environment, compiled catalogs and build output
	rm -rf $(VENV) locales/*/LC_MESSAGES/*.mo build dist *.egg-info
