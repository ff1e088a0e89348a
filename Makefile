# The two commands of the README: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(abspath $(VENV))/bin/python
MANAGE := cd example_site && $(PY) manage.py
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist); each worker has its own test database.
PYTEST_WORKERS ?= auto

.PHONY: demo test install lint messages bench load clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## Set up and run the demo on http://127.0.0.1:8000 (login printed at the end of setup).
demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) borgerraadgiver_demo
	$(MANAGE) runserver 127.0.0.1:8000

## Set up and run the whole test suite (DATABASE_URL selects PostgreSQL).
test: install node_modules/.installed
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check borgerraadgiver_plugin example_site tests

## Extract and compile the Danish catalogs (needs GNU gettext).
messages: install
	for app in borgerraadgiver_plugin borgerraadgiver_plugin/cases borgerraadgiver_plugin/veterans \
	           borgerraadgiver_plugin/learning borgerraadgiver_plugin/reports; do \
	  (cd $$app && $(PY) $(abspath example_site/manage.py) makemessages -l da --no-obsolete --no-wrap \
	     --ignore 'cases/*' --ignore 'veterans/*' --ignore 'learning/*' --ignore 'reports/*' \
	     --ignore 'wagtail_da/*' \
	   && $(PY) $(abspath example_site/manage.py) compilemessages -l da) || exit 1; \
	done
	# Danish for Wagtail's, modeladmin's and Django's own strings: kept by hand, only compiled.
	cd borgerraadgiver_plugin/wagtail_da && $(PY) $(abspath example_site/manage.py) compilemessages -l da

bench: install
	cd $(CURDIR) && DJANGO_SETTINGS_MODULE=tests.benchmarks.settings PYTHONPATH=example_site:. $(PY) -m tests.benchmarks $(BENCH)

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info

## The load proof: the example site under gunicorn with PostgreSQL and Redis DB 5, on
## loopback (tests/load, docs/resilience.md). LOAD_SUBMISSIONS=50 for a short run.
LOAD_SUBMISSIONS ?= 200
load: install
	cd $(CURDIR) && LOAD_SUBMISSIONS=$(LOAD_SUBMISSIONS) PYTHONPATH=example_site:. $(PY) -m tests.load
