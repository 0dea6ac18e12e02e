# Two commands on a fresh machine:  `make demo`  and  `make test`  (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= garante.db
OUT    ?= out

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/garante analyze examples/ --db $(DB)
	$(BIN)/garante export --db $(DB) --out $(OUT)
	$(BIN)/garante list --db $(DB)

test: $(VENV)/.installed
	bash scripts/test-setup.sh
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) $(OUT) $(DB) $(DB)-wal $(DB)-shm
