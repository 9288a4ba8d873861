# sitrep: `make run` sets everything up and runs the main job; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval bench lint index clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The gazetteer index is built once from the installed GeoNames data and cached.
index: $(STAMP)
	$(BIN)/python -m sitrep.places.build

run: $(STAMP) index
	$(BIN)/sitrep extract examples/ --output out/examples.jsonl --table
	@echo "JSON Lines written to out/examples.jsonl"
	$(BIN)/sitrep serve --store out/sitrep.duckdb --ingest examples/

test: $(STAMP) index
	$(BIN)/pytest -q

eval: $(STAMP) index
	$(BIN)/python -m sitrep.eval.board --data-dir ../shared/data --out eval/scoreboard.md

bench: $(STAMP) index
	$(BIN)/python -m sitrep.bench --dask-articles 100000
	$(BIN)/python -m sitrep.bench_store ingest --n 100000
	$(BIN)/python -m sitrep.bench_store crash --n 20000 --kills 5
	$(BIN)/python -m sitrep.bench_api --store out/bench_api.duckdb

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) out
