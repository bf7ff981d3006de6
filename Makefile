# Borgerbudget developer and operator commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast test-e2e bench bench-quick messages compile migrate demo-data check-course clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) compile ## Create .venv and install the app with its test tools

compile: $(STAMP) ## Compile the gettext catalogs (.po -> .mo)
	$(BIN)/pybabel compile -d locales -D messages --statistics

messages: $(STAMP) ## Extract user-facing text and update the catalogs (Danish is the source)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3 \
	  --add-location=file --sort-by-file --project=Borgerbudget --copyright-holder=Borgerbudget \
	  -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete

migrate: install ## Bring the database up to date (alembic upgrade head)
	$(BIN)/borgerbudget migrate

demo-data: migrate ## Load the demo programme if the database is empty
	$(BIN)/borgerbudget demo-data --if-empty

run: demo-data ## Install, migrate, load demo data and start the app on http://localhost:8501
	$(BIN)/borgerbudget serve --port $(PORT)

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

clean: ## Remove the virtual environment and compiled catalogs
	rm -rf $(VENV) locales/*/LC_MESSAGES/*.mo
