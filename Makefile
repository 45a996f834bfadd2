# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
UI_SOURCES := $(wildcard pharmadesk/ui/*.py) pharmadesk/app.py

.PHONY: run test lint typecheck unit bench clean translations lupdate dist dist-check

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev,ocr]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts sources after changing UI strings (then translate what is new).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -no-obsolete -locations relative -ts $(TS)

run: $(STAMP) translations
	$(BIN)/pharmadesk demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/pharmadesk bench

# Regenerate resources/fonts/PharmaDeskSansSC-Regular.otf from Debian's fonts-noto-cjk (or
# NOTO_CJK=path/to/NotoSansCJK-Regular.ttc). Not part of run or test: the font is committed.
.PHONY: font
font: $(STAMP)
	$(BIN)/python installer/subset_font.py $(NOTO_CJK)

# The installable app for this machine (dist/pharmadesk/, see README "Building the
# installer"): PyInstaller from the `dist` extra, on top of the test environment.
DIST_STAMP := $(VENV)/.dist-installed
DIST_APP := dist/pharmadesk/pharmadesk
DIST_INPUTS := pyproject.toml $(QM) $(shell find pharmadesk resources installer -type f \
	-not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null)

$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) translations
	$(BIN)/python installer/build.py

$(DIST_APP): $(DIST_INPUTS) | $(DIST_STAMP)
	$(BIN)/python installer/build.py

# The built app, run: version, a demo made headless, --selftest offscreen, the installer
# script's files; builds first when the sources are newer than the build.
dist-check: $(DIST_APP)
	$(BIN)/python installer/check_dist.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
