# Two commands for a newcomer:  make demo  (install, run on the bundled seeds, show the result)
#                               make test  (install, then the whole test suite)
VENV ?= .venv
PY := $(VENV)/bin/python
ANNALES := $(VENV)/bin/annales
PYTHON ?= python3

.PHONY: install demo test chromium bench lint typecheck clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(ANNALES) --db demo.db run examples/seeds
	$(ANNALES) --db demo.db documents
	$(ANNALES) --db demo.db timeline
	$(ANNALES) --db demo.db export --format jsonl out
	$(ANNALES) --db demo.db export --format html out
	@echo "Open out/report.html in a browser for the full report."

# The HTML report is tested in headless Chromium (Debian's package).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install chromium (needed by the HTML report test)"; exit 1; fi; }

test: install chromium
	$(PY) -m pytest -q

bench: install
	$(PY) benchmarks/temporal_frtimebank.py
	$(PY) benchmarks/throughput.py

lint: install
	$(PY) -m ruff check annales tests benchmarks

typecheck: install
	$(PY) -m mypy annales

clean:
	rm -rf $(VENV) out demo.db* .pytest_cache
