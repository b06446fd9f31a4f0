# Two commands on a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3

.PHONY: run test lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m desktop_app

test: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests packaging $(wildcard bench)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests packaging $(wildcard bench)
	$(VENV)/bin/ruff format --check desktop_app tests packaging $(wildcard bench)

format: $(STAMP)
	$(VENV)/bin/ruff format desktop_app tests packaging $(wildcard bench)
	$(VENV)/bin/ruff check --fix desktop_app tests packaging $(wildcard bench)

clean:
	rm -rf $(VENV) build dist *.egg-info
