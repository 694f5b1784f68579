# termkit: two entry points (see README).
#   make build  - set up .venv, check the glossary and regenerate tmx/ (the main job: termkit build)
#   make test   - set up .venv and run lint, type check and the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test venv lint typecheck pytest clean bench docs

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

build: $(STAMP)
	$(BIN)/termkit fmt --check glossary/
	# (tmx/ is committed undated: a SOURCE_DATE_EPOCH in the environment would date it)
	env -u SOURCE_DATE_EPOCH $(BIN)/termkit build --glossary glossary/ --out tmx/

lint: $(STAMP)
	$(BIN)/ruff check src cli tests bench
	$(BIN)/ruff format --check src cli tests bench

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy cli --explicit-package-bases

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

# The benchmarks of bench/ that the issues' targets name (minutes; not part of CI):
# extraction quality and speed, term alignment quality and speed, lint, TMX.
bench: $(STAMP)
	$(BIN)/python bench/score_extract.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_terms_quality.py
	$(BIN)/python bench/bench_align.py
	$(BIN)/python bench/bench_lint.py
	$(BIN)/python bench/bench_tmx.py --quick

clean:
	rm -rf $(VENV) build *.egg-info

docs: $(STAMP)
	$(BIN)/python -m termkit.cli.docgen > docs/cli.md
