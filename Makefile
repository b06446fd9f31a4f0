# Two commands on a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3

.PHONY: run test lint format clean package package-check bench bench-scale reliability mutation \
	translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,share]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m desktop_app

test: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests packaging $(wildcard bench) $(wildcard reliability) $(wildcard mutation)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto --maxprocesses 4  # a test per core

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests packaging $(wildcard bench) $(wildcard reliability) $(wildcard mutation)
	$(VENV)/bin/ruff format --check desktop_app tests packaging $(wildcard bench) $(wildcard reliability) $(wildcard mutation)

format: $(STAMP)
	$(VENV)/bin/ruff format desktop_app tests packaging $(wildcard bench) $(wildcard reliability) $(wildcard mutation)
	$(VENV)/bin/ruff check --fix desktop_app tests packaging $(wildcard bench) $(wildcard reliability) $(wildcard mutation)

# The interface's catalogues: pyside6-lupdate collects every translate()/tr() string of ui/ and
# charts/ into resources/translations/*.ts (kept translations stay, vanished strings go), then
# pyside6-lrelease compiles each .ts into the .qm the app loads. Translate in the .ts (Qt
# Linguist: .venv/bin/pyside6-linguist), then run this again; commit both files.
LANGUAGES := fr
TS_FILES := $(foreach lang,$(LANGUAGES),resources/translations/commitment_tracker_$(lang).ts)
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete \
		desktop_app/ui desktop_app/charts -ts $(TS_FILES)
	for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

# The one-folder bundle (build/dist/commitment-tracker) and the .deb (build/*.deb).
package: $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	$(PY) packaging/render_icons.py
	$(VENV)/bin/pyinstaller --noconfirm --log-level ERROR --distpath build/dist \
		--workpath build/work packaging/commitment-tracker.spec
	bash packaging/build_deb.sh

package-check: $(STAMP)
	bash packaging/package_check.sh

# Benchmarks against floors measured in the same run (bench/README.md); not part of `make test`.
bench: $(STAMP)
	@command -v sqlite3 >/dev/null || (apt-get update -qq && apt-get install -y -qq sqlite3)
	mkdir -p bench/data
	test -f bench/data/large.db || $(PY) -m bench.generate large bench/data/large.db
	$(PY) -m bench.run

# How open, search, as-of and dashboard times grow with 10k and 100k commitments (bench/scale.py;
# SIZES=10000,100000,1000000 adds a million, generated once into bench/data, which takes long).
SIZES ?= 10000,100000
bench-scale: $(STAMP)
	$(PY) -m bench.run --scale $(SIZES)

# Fault injection (kill -9, two writers, a full disk, hostile files): writes docs/reliability.md
# and reliability/results.json, exits non-zero when a case fails; not part of `make test`.
reliability: $(STAMP)
	$(PY) -m reliability.run

# Mutation testing on a seeded sample of 300 mutants in a copy of HEAD (docs/testing.md, about
# half an hour on two cores): writes docs/testing.md and mutation/results.json; not part of
# `make test`. Options: make mutation MUTATION_ARGS="--sample 50 --seed 7 --no-report".
mutation: $(STAMP)
	$(PY) -m pip install --quiet -e '.[mutation]'
	$(PY) -m mutation.run $(MUTATION_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
