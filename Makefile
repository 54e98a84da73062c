# Everything runs from a local virtualenv (.venv) that `make` creates on first use:
# a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV)/bin)
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
# The generator's post hooks call `ruff`; the venv's one keeps the output identical everywhere.
export PATH := $(BIN):$(PATH)

SPEC := openapi.yaml
GENERATOR_INPUT := build/generator-input.yaml
GENERATED := korusticket_client
FACADE_TABLES := hand_written/korusticket/_generated
CHECK_DIR := build/check-generated
SITE := build/site
DIST := build/dist

.PHONY: help install demo bench test generate check-generated update-spec lint typecheck pytest docs dist clean

help:
	@echo "make demo             a booking flow against the built-in sandbox (no credentials, no network)"
	@echo "make bench            pagination speed and memory ratios, measured side by side on the sandbox"
	@echo "make test             install into .venv, check the generated client, lint, type-check, run the tests"
	@echo "make generate         regenerate $(GENERATED)/ from $(SPEC) and generator-config.yaml"
	@echo "make check-generated  fail if $(GENERATED)/ differs from what make generate produces"
	@echo "make update-spec NEW_SPEC=path/to/openapi.yaml   take a new vendor bundle and regenerate"
	@echo "make docs             build the reference site into $(SITE)/ (strict: a broken reference fails)"
	@echo "make dist             build the wheel and sdist into $(DIST)/ and check them with twine"

# The package with its extras, editable, and the development tools of pyproject.toml's `dev` dependency
# group (PEP 735: pinned with ==, and not in the published metadata; pip reads groups from 25.1 on).
$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade 'pip>=25.1'
	$(PY) -m pip install --quiet -e '.[cli,serve,postgres]' --group dev
	@touch $@

install: $(INSTALLED)

demo: $(INSTALLED)
	@$(BIN)/korusticket demo

bench: $(INSTALLED)
	@PYTHONPATH=. $(PY) -m benchmarks.run_all

# $(call generate_into,DIR): prepare the spec, run openapi-python-client into DIR/korusticket_client,
# then write the facade's operation tables for that client into DIR/facade.
define generate_into
	@rm -rf $(1)
	PYTHONPATH=hand_written $(PY) -m codegen prepare $(SPEC) $(GENERATOR_INPUT)
	$(BIN)/openapi-python-client generate --path $(GENERATOR_INPUT) --config generator-config.yaml \
		--custom-template-path hand_written/codegen/templates \
		--meta none --output-path $(1)/$(GENERATED) --fail-on-warning
	@touch $(1)/$(GENERATED)/py.typed
	PYTHONPATH=hand_written $(PY) -m codegen facade $(GENERATOR_INPUT) $(1)/$(GENERATED) $(1)/facade
	@$(BIN)/ruff check --no-cache --fix-only --quiet $(1)/facade
	@$(BIN)/ruff format --no-cache --quiet $(1)/facade
endef

generate: $(INSTALLED)
	$(call generate_into,build/generated)
	rm -rf $(GENERATED) $(FACADE_TABLES)
	mv build/generated/$(GENERATED) $(GENERATED)
	mv build/generated/facade $(FACADE_TABLES)

check-generated: $(INSTALLED)
	$(call generate_into,$(CHECK_DIR))
	@diff -r -x __pycache__ $(GENERATED) $(CHECK_DIR)/$(GENERATED) > build/generated.diff \
		&& diff -r -x __pycache__ $(FACADE_TABLES) $(CHECK_DIR)/facade >> build/generated.diff \
		|| { cat build/generated.diff; echo "generated code is stale or edited by hand: run make generate"; exit 1; }
	@echo "$(GENERATED)/ and $(FACADE_TABLES)/ match $(SPEC)"

# The previous spec and generated client are kept in build/previous/ for the Python-name report; if generation
# fails, `cp build/previous/openapi.yaml openapi.yaml` (or git checkout) puts the old spec back.
PREVIOUS := build/previous
VERSION_FILE := hand_written/korusticket/_version.py
CHANGELOG := CHANGELOG.md

update-spec: $(INSTALLED)
	@test -n "$(NEW_SPEC)" || { echo "usage: make update-spec NEW_SPEC=path/to/openapi.yaml"; exit 2; }
	@rm -rf $(PREVIOUS) && mkdir -p $(PREVIOUS)
	PYTHONPATH=hand_written $(PY) -m codegen diff $(SPEC) "$(NEW_SPEC)" | tee build/spec-diff.txt
	@cp $(SPEC) $(PREVIOUS)/$(SPEC) && cp -R $(GENERATED) $(PREVIOUS)/$(GENERATED)
	cp "$(NEW_SPEC)" $(SPEC)
	$(MAKE) generate
	@PYTHONPATH=hand_written $(PY) -m codegen bump $(PREVIOUS)/$(SPEC) $(SPEC) \
		--old-package $(PREVIOUS)/$(GENERATED) --new-package $(GENERATED) \
		--version-file $(VERSION_FILE) --changelog $(CHANGELOG) --report build/spec-diff.txt
	@echo; echo "Changed and new files:"
	@git status --short --untracked-files=all -- $(SPEC) $(GENERATED) $(FACADE_TABLES) $(VERSION_FILE) $(CHANGELOG) \
		2>/dev/null || echo "  (not a git checkout: compare with $(PREVIOUS)/)"

lint: $(INSTALLED)
	$(BIN)/ruff check hand_written tests benchmarks
	$(BIN)/ruff format --check hand_written tests benchmarks

typecheck: $(INSTALLED)
	$(BIN)/mypy

pytest: $(INSTALLED)
	$(PY) -m pytest

# Strict: a warning (a reference to a name that does not exist, a page missing from the nav) fails the build.
docs: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(SITE)
	@echo "reference site in $(SITE)/index.html"

dist: $(INSTALLED)
	@rm -rf $(DIST)
	$(PY) -m hatchling build --target wheel --target sdist -d $(DIST)
	$(BIN)/twine check --strict $(DIST)/*

test: check-generated lint typecheck docs pytest

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
