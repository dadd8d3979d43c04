# Cobranças — `make run` serves the app with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: setup run test test-backend test-frontend check schema migrations frontend bench race documents postgres browser wrk clean fuzz faults

setup: $(VENV)/.synced frontend/dist/index.html

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(shell find frontend/src frontend/*.html frontend/*.ts -type f 2>/dev/null)
	cd frontend && npm run build

frontend: frontend/dist/index.html

run: setup
	$(BIN)/cobrancas migrate
	$(BIN)/cobrancas demo --if-empty
	$(BIN)/cobrancas serve

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL não respondeu" >&2; exit 1

test: test-backend test-frontend

browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# The load tool of the race; tests/bench/test_race.py drives the race's mix with it.
wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)

# The zone guard: no test or business date may depend on the machine's zone or hour. Kiritimati
# (UTC+14) and Pago Pago (UTC-11) are more than a day apart, so at every hour one of them is on
# another date than São Paulo; tests/zone_guard.py runs the suite under the one that stays so the
# longest (and once more under the other if the date caught up during the run), so a date read
# from the machine fails a test whatever the time.
# Two pytest processes (one per core; each has its own databases and free ports), a file each.
PYTEST_PARALLEL ?= -n 2 --dist loadfile
test-backend: setup postgres browser wrk
	$(BIN)/python -m tests.zone_guard $(PYTEST_PARALLEL)

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test --silent

# Schemathesis against a real server on each engine: ≈ 10,000 cases per engine (tests/fuzz);
# `make test` runs the same with ≈ 1,000.
fuzz: setup postgres
	FUZZ_EXAMPLES=300 $(BIN)/pytest tests/fuzz -q -s

# Fault injection (README, Recovery guarantees): the fast scenarios (tests/faults, also in
# `make test`) and the slow ones with real processes and a private PostgreSQL (bench/faults);
# the table goes to bench/results/faults.md.
faults: setup postgres
	rm -f bench/results/faults.jsonl
	FAULTS_REPORT=bench/results/faults.jsonl $(BIN)/pytest tests/faults bench/faults -q \
		--basetemp=/tmp/cobrancas-faults-$$$$
	$(BIN)/python -m bench.faults.table bench/results/faults.jsonl > bench/results/faults.md
	@cat bench/results/faults.md

check: $(VENV)/.synced frontend/dist/index.html
	$(BIN)/ruff check backend tests bench
	$(BIN)/ruff format --check backend tests bench
	$(BIN)/mypy
	# The frontend: ESLint (React hooks rules), generated GraphQL types up to date with
	# schema.graphql (codegen, then no diff in src/gql), first-screen JS <= 100 kB gzip.
	cd frontend && npm run --silent lint
	cd frontend && npm run --silent check-codegen >/dev/null || (echo "frontend/src/gql difere do gerado por schema.graphql: rode 'cd frontend && npm run codegen'" >&2; exit 1)
	cd frontend && npm run --silent check-bundle

schema: $(VENV)/.synced
	$(BIN)/python -m backend.api.export > schema.graphql
	@echo 'after npm run codegen: $(BIN)/python -m backend.api.documents > backend/api/trusted_documents.json'

documents: $(VENV)/.synced
	$(BIN)/python -m backend.api.documents > backend/api/trusted_documents.json.new
	mv backend/api/trusted_documents.json.new backend/api/trusted_documents.json

migrations: $(VENV)/.synced
	$(BIN)/tortoise makemigrations

bench: setup postgres
	$(BIN)/python -m bench

# The race against PostGraphile 5 (bench/race): report in bench/results/race.md.
bench/race/node_modules/.installed: bench/race/package.json bench/race/package-lock.json
	cd bench/race && npm ci --no-audit --no-fund
	touch $@

race: setup postgres wrk bench/race/node_modules/.installed
	$(BIN)/python -m bench.race

clean:
	rm -rf $(VENV) $(TOOLS) frontend/node_modules frontend/dist
