# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/hall demo

test: $(STAMP)
	bash scripts/install_test_tools.sh
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest -q -n 2 -p no:cacheprovider

# ruff (format and rules), mypy on models/, cli/ and web/, and the import contracts; settings in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
