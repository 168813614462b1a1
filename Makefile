# Spoorboek: the two commands are `make run` and `make test`; the rest are their parts.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST := $(BIN)/pytest -p no:cacheprovider
# Coverage is measured on the SQLite run only: tracing roughly doubles the time of the figure
# calculations, and the few PostgreSQL-only paths (row locks, statement timeouts) are small.
COVERAGE := --cov=api --cov-report=
# Browsers come from the system (Debian's chromium); never download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Set by `make test` for its stages, so that nothing is done twice: the spa stage builds the SPA
# once (generate, tsc and vite build), so the typecheck stage leaves tsc to it and the budget and
# browser stages reuse its frontend/dist; the contract stage leaves out the contract test that
# the SQLite run includes. Each target on its own (WITHIN_TEST empty) still does all its work.
WITHIN_TEST ?=
.PHONY: help install install-python install-node run serve spa test lint typecheck test-python test-sqlite test-postgres \
        test-sqlite-properties test-postgres-properties coverage contract test-frontend test-e2e bench-smoke screenshots openapi bench \
        bench-postgres clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

PY_DEPS := $(BIN)/.installed
JS_DEPS := frontend/node_modules/.installed

install: $(PY_DEPS) $(JS_DEPS) ## Install Python and front-end dependencies

# The halves of install, for `make test`, whose two lanes run them side by side (both are mostly
# downloading) and start the stages that need only one half as soon as it is there.
install-python: $(PY_DEPS)
install-node: $(JS_DEPS)

spa: $(JS_DEPS) ## Build the SPA into frontend/dist
	cd frontend && npm run build

# `make run` is a demo: demo accounts need no second factor there (see docs/accounts.md).
run: export SPOORBOEK_ENVIRONMENT ?= demo
# The scheduler of the jobs (docs/jobs.md) runs beside the server and stops with it: Ctrl-C
# reaches both; a SIGTERM to make reaches this shell, which passes it on; and when the server
# ends by itself the scheduler is stopped too. So no process is left behind.
run: spa ## Install, migrate, seed, load demo data, build the SPA, serve on http://127.0.0.1:8000 with the scheduler
	$(BIN)/spoorboek migrate
	$(BIN)/spoorboek seed
	$(BIN)/spoorboek demo
	$(BIN)/spoorboek jobs scheduler & scheduler=$$!; \
	$(BIN)/spoorboek serve --host $(HOST) --port $(PORT) & server=$$!; \
	trap 'kill $$server $$scheduler 2>/dev/null || true' TERM; \
	trap 'kill $$scheduler 2>/dev/null || true; wait' EXIT; \
	trap : INT; \
	wait $$server

serve: ## Serve without reinstalling or rebuilding
	$(BIN)/spoorboek serve --host $(HOST) --port $(PORT)

# The stages install what they need first (scripts/test_stages.py), so the runner is the system's
# Python: it uses the standard library only.
# Bytecode is written during the run, whatever the environment says (PYTHONDONTWRITEBYTECODE):
# the run starts dozens of Python processes (the suites, live servers, the CLI, the bench), and
# without it each compiles the app again, about 1.3 s of CPU each.
test: export PYTHONDONTWRITEBYTECODE :=
test: ## Install, then run every check and test (SQLite and PostgreSQL, contract, front end, browser, bench)
	$(PYTHON) scripts/test_stages.py $(if $(SERIAL),--serial,) $(if $(LANES),--lanes $(LANES),)

lint: install ## ruff, the layers (import-linter, .importlinter) and eslint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	cd frontend && npm run lint

typecheck: $(PY_DEPS) $(if $(WITHIN_TEST),,$(JS_DEPS)) ## mypy --strict on api/ and tsc on the SPA
	$(BIN)/mypy
	$(if $(WITHIN_TEST),,cd frontend && npm run typecheck)

test-python: test-sqlite test-postgres ## The Python suite on both databases

PROPERTIES := tests/test_property_based.py
# Within `make test` the property-based runs are stages of their own: short stages that either
# lane can take, so that the two lanes end close together.

test-sqlite: $(PY_DEPS)
	@echo "== Python tests on SQLite =="
	env -u TEST_DATABASE_URL $(PYTEST) -q $(if $(WITHIN_TEST),--ignore=$(PROPERTIES),)

test-sqlite-properties: $(PY_DEPS)
	@echo "== The property-based run on SQLite =="
	env -u TEST_DATABASE_URL $(PYTEST) -q $(PROPERTIES)

# Tracing every line costs half again the SQLite run's time, more than `make test` can spend
# within its twelve minutes on two cores; the floor in pyproject.toml still holds here.
coverage: install ## The Python suite on SQLite with line and branch coverage, and its report
	rm -f .coverage
	env -u TEST_DATABASE_URL $(PYTEST) $(COVERAGE) -q
	$(BIN)/python -m coverage report --skip-covered --sort=cover

# On PostgreSQL: the server of TEST_DATABASE_URL, or a throwaway cluster of the installed one.
on_postgres = if [ -n "$${TEST_DATABASE_URL:-}" ]; then $(1); \
	else $(BIN)/python scripts/with_throwaway_postgres.py -- $(1); fi

test-postgres: $(PY_DEPS)
	@echo "== Python tests on PostgreSQL =="
	$(call on_postgres,$(PYTEST) -q $(if $(WITHIN_TEST),--ignore=$(PROPERTIES),))

test-postgres-properties: $(PY_DEPS)
	@echo "== The property-based run on PostgreSQL =="
	$(call on_postgres,$(PYTEST) -q $(PROPERTIES))

contract: install ## The committed OpenAPI document matches the app and lints clean
	$(if $(WITHIN_TEST),,$(BIN)/pytest -p no:cacheprovider -q tests/test_openapi_contract.py)
	cd frontend && npm run lint:openapi

test-frontend: $(JS_DEPS) ## Unit tests of the SPA, and the public pages' JavaScript budget (200 KB gzipped)
	cd frontend && npm test && npm run $(if $(WITHIN_TEST),budget:only,budget)

test-e2e: install ## Browser tests (Playwright in Debian's Chromium, with axe)
	cd frontend && npm run $(if $(WITHIN_TEST),e2e:only,e2e)

screenshots: install ## Screenshots of the dashboard, the map and a municipality page into docs/screenshots/
	cd frontend && npm run build && SPOORBOEK_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts

openapi: $(BIN)/.installed ## Regenerate openapi/openapi.json and the SPA's typed client
	$(BIN)/spoorboek openapi --output openapi/openapi.json
	if [ -d frontend/node_modules ]; then cd frontend && npm run generate; fi

bench: $(BIN)/.installed ## Benchmarks: throughput, latency and query counts against a bare baseline
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# A throwaway cluster of the installed PostgreSQL (its URL in TEST_DATABASE_URL), which the bench
# may change: bulk writes, single cells, a copy filled with questions, a 10× copy.
bench-postgres: $(BIN)/.installed ## Benchmarks on a throwaway PostgreSQL cluster (BENCH_ARGS= passes options)
	$(BIN)/python scripts/with_throwaway_postgres.py -- sh -c \
		'exec $(BIN)/python -m bench.run --database-url "$$TEST_DATABASE_URL" --throwaway-database "$$@"' \
		bench $(BENCH_ARGS)

bench-smoke: $(BIN)/.installed ## Every bench section once, briefly, so a broken one fails the tests
	$(BIN)/python -m bench.run --smoke

clean: ## Remove build output and local databases
	rm -rf var frontend/dist .coverage htmlcov
