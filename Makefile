# diaryrec: `make run` starts the app, `make test` runs the whole suite headless.
# Every target sets up what it needs itself (a .venv beside this file).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Reinstall whenever pyproject.toml changes.
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PYTEST_ARGS ?=

.PHONY: run test bench dist frozen windows sysdeps llama venv migration clean

sysdeps:
	@bash packaging/linux/system-deps.sh

# The real llama.cpp server the integration tests talk to (tests/llama/build.py): cmake,
# make and g++ installed with apt when missing, then built once into ~/.cache/diaryrec-llama/
# (minutes on a fresh machine; a cache hit costs nothing). A build that cannot run here
# does not stop make: the tests say why (and fail in CI).
llama: $(STAMP)
	@bash packaging/linux/llama-build-deps.sh
	@$(PY) -m tests.llama.build >/dev/null || echo "llama-server could not be built; its tests will say why"

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

venv: $(STAMP)

# Starts the desktop app; on a Linux machine without a screen it runs under Xvfb.
run: sysdeps $(STAMP)
	@if [ "$$(uname -s)" = "Linux" ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found: starting diaryrec under Xvfb (xvfb-run)."; \
	  xvfb-run -a $(VENV)/bin/diaryrec $(ARGS); \
	else $(VENV)/bin/diaryrec $(ARGS); fi

# lint-imports first: the layers in pyproject.toml ([tool.importlinter]) must hold
test: sysdeps $(STAMP) llama
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/actionlint .github/workflows/installers.yml
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: sysdeps $(STAMP) llama
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -q -s -o addopts="" -o norecursedirs="" -o python_files="bench_*.py" $(PYTEST_ARGS)

dist: $(STAMP)
	$(PY) -m build --wheel --outdir dist .

# The PyInstaller onedir app for this platform (installers: packaging/README.md)
frozen: sysdeps $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist/frozen --workpath build/pyinstaller packaging/pyinstaller/diaryrec.spec

# The Windows installer, built and tested under Wine on Debian/Ubuntu (apt, PyPI, npm):
# packaging/windows/build_under_wine.sh, packaging/README.md
windows: $(STAMP)
	PYTHON=$(abspath $(PY)) bash packaging/windows/build_under_wine.sh

# A new Alembic migration from the changed models: make migration m="what changed"
migration: $(STAMP)
	$(PY) -m diaryrec.store.new_migration "$(m)"

clean:
	rm -rf $(VENV) dist build test-artifacts .pytest_cache
