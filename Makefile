# policygraph — one command per job. Each bootstraps .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: serve build test lint format bench soak clean system-deps screenshots

# Debian packages the browser and remote-engine tests drive for real.
SYSTEM_COMMANDS := chromium chromedriver virtuoso-t isql-vt
SYSTEM_PACKAGES := python3-venv chromium chromium-driver virtuoso-opensource

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "$(PYTHON) cannot create a virtual environment (Debian: the python3-venv package)."; \
	  echo "Chạy lệnh sau rồi thử lại / run this, then try again:"; \
	  echo "  sudo apt-get install -y python3-venv   (or: make system-deps as root)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# What a build reads: `make serve` rebuilds only when one of these changed since the last build.
BUILD_INPUTS := $(shell find data/sources data/curated ontology ingest -type f \
                  -not -name '*.pyc' -not -path '*/__pycache__/*' 2>/dev/null) pyproject.toml
BUILT := data/build/.built-from-inputs

build: $(STAMP)
	$(BIN)/policygraph build
	@touch $(BUILT)

$(BUILT): $(STAMP) $(BUILD_INPUTS)
	$(BIN)/policygraph build
	@touch $@

serve: $(BUILT)
	$(BIN)/policygraph serve --host $(HOST) --port $(PORT)

# Installs what the tests need from Debian when it is missing (as root), or says how and stops.
system-deps:
	@missing=""; for c in $(SYSTEM_COMMANDS); do command -v $$c >/dev/null 2>&1 || missing="$$missing $$c"; done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "Thiếu / missing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Chạy lệnh sau rồi thử lại / run this, then try again:"; \
	    echo "  sudo apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

# system-deps first: on a bare Debian it also brings python3-venv, which the venv needs.
test: system-deps $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

# The browser tests over the real build write screenshots of the pages and views under
# data/build/ (ignored); this refreshes the tracked copies in docs/img/ that README.md and
# docs/views.md show (home, task, agency, document, province scorecard, SPARQL, every view).
SCREENSHOTS := data/build/screenshots
screenshots: $(STAMP) system-deps
	rm -rf $(SCREENSHOTS)
	$(BIN)/python -m pytest -q tests/viz/test_views_real_browser.py \
	  tests/graph_api/test_pages_browser.py tests/graph_api/test_pages_province_browser.py
	cp $(SCREENSHOTS)/view-*.png $(SCREENSHOTS)/page-*.png docs/img/

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench.run

# Longer load run (60 s, 50 clients) than the bounded one in `make test`.
soak: $(STAMP)
	LOAD_SECONDS=60 $(BIN)/python -m pytest tests/load -q -s

clean:
	rm -rf data/build .pytest_cache .ruff_cache
