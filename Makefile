# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
UI_SOURCES := $(wildcard pharmadesk/ui/*.py) pharmadesk/app.py

.PHONY: run test lint typecheck unit bench clean translations lupdate

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

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
