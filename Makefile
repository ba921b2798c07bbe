# Marsad — two commands on a fresh machine:
#   make demo   create .venv, install, analyse the bundled example articles
#   make test   create .venv with the test extras and run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test golden bench bench-store lint places names clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

# The suite also covers the optional Hugging Face path: torch is pinned first, so that
# pip takes the CPU wheel instead of resolving an open range to a CUDA build.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) torch==2.13.0
	$(PIP) -e '.[test,bench,hf,build]'
	touch $@ $(VENV)/.installed-run

demo: $(VENV)/.installed-run
	$(BIN)/marsad analyze examples/ --pretty

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# Regenerate golden outputs after a deliberate change; review the diff like code.
golden: $(VENV)/.installed-test
	MARSAD_REGEN_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py -q

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/pipeline_speed.py --limit 1000 --rounds 1 --clock cpu
	$(BIN)/python benchmarks/text_speed.py
	$(BIN)/python benchmarks/ingest_speed.py
	$(BIN)/python benchmarks/datesquotes_speed.py

# Rebuild src/marsad/resources/gazetteer/places.tsv (pycountry + GeoNames + the overlay).
places: $(VENV)/.installed-test
	$(PIP) -e '.[build]'
	$(BIN)/python scripts/build_places.py

# Rebuild src/marsad/resources/gazetteer/given_names_common.tsv (names-dataset + arramooz).
names: $(VENV)/.installed-test
	$(PIP) -e '.[build]'
	$(BIN)/python scripts/build_given_names.py

# Store: ingest throughput, search latency (SQLite, and PostgreSQL when MARSAD_TEST_PG is set), peak memory.
bench-store: $(VENV)/.installed-test
	$(BIN)/python benchmarks/store_bench.py

lint: $(VENV)/.installed-test
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis
