# The developer and CI interface. `make run` and `make test` work from a clean clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
# PostgreSQL used for the second test pass; .ci/run starts one on loopback.
PPSP_TEST_DATABASE_URL ?= postgres://ppsp:ppsp@127.0.0.1:5432/ppsp
export PPSP_TEST_DATABASE_URL

.PHONY: run test test-sqlite test-postgres test-production e2e bench check fix migrate messages makemessages lock worker clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.lock
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

venv: $(STAMP)

messages: $(STAMP)
	@$(BIN)/python scripts/compile_messages.py

migrate: venv messages
	@mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable

run: export PPSP_DEMO = 1
run: migrate
	$(BIN)/python manage.py load_regions
	$(BIN)/python manage.py load_boundaries --levels provinsi,kabkota  # load_demo adds the kecamatan and desa of province 15
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "PPSP Planner (mode demo) berjalan di http://$(HOST):$(PORT)/  — masuk dengan salah satu akun di atas."
	@echo "Pekerja latar (impor, optimasi, penyusunan dokumen) ikut berjalan. Hentikan dengan Ctrl+C."
	@# the task worker runs beside the server, so imports, optimiser runs and documents finish
	$(BIN)/python manage.py ppsp_worker --interval 1 -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: test-sqlite test-postgres test-production

test-sqlite: venv messages
	PPSP_TESTING=1 DATABASE_URL= $(BIN)/python -m pytest

test-postgres: venv messages
	@if $(BIN)/python scripts/db_available.py "$(PPSP_TEST_DATABASE_URL)"; then \
		echo "== PostgreSQL pass ($(PPSP_TEST_DATABASE_URL)) =="; \
		PPSP_TESTING=1 DATABASE_URL="$(PPSP_TEST_DATABASE_URL)" $(BIN)/python -m pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is required in CI but not reachable at $(PPSP_TEST_DATABASE_URL)"; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(PPSP_TEST_DATABASE_URL): PostgreSQL pass skipped (.ci/run starts one)."; \
	fi

# Production settings, collectstatic, gunicorn on loopback, login/kab-kota/404 and
# check --deploy (scripts/smoke_production.py; about a minute).
test-production: venv messages
	$(BIN)/python scripts/smoke_production.py

e2e: venv messages
	PPSP_TESTING=1 DATABASE_URL= $(BIN)/python -m pytest -m functional

bench: venv messages
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

check: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PPSP_TESTING=1 $(BIN)/mypy ppsp
	PPSP_TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run

fix: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

makemessages: venv
	cd ppsp && ../$(BIN)/python ../manage.py makemessages -l en --no-obsolete --ignore=compute

# Re-resolve the lock file from pyproject.toml (needs the network).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q ".[dev]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^ppsp-planner' > requirements.lock
	rm -rf .lock-venv

worker: venv
	$(BIN)/python manage.py ppsp_worker

clean:
	rm -rf $(VENV) var test-artifacts
