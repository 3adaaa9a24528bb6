# multilingualprogramming: Go core, CPython extension, Python package.
#
# PYTHON names the interpreter everything Python runs with. By default it is
# the virtual environment .venv, made by `make venv` from PyPI with the pinned
# tools of requirements-dev.txt. Where PyPI is not reachable, install the
# Debian packages listed in README.md and run e.g. `make test PYTHON=/usr/bin/python3`.

VENV      ?= .venv
PYTHON    ?= $(VENV)/bin/python
GO        ?= go
FUZZTIME  ?= 2m
EXT       := python/multilingualprogramming/_native.abi3.so
# PYTHON as an absolute path (or a bare command name), for recipes that cd.
PYTHON_ABS = $(if $(findstring /,$(PYTHON)),$(abspath $(PYTHON)),$(PYTHON))
VERSION   := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' python/multilingualprogramming/_version.py)
GOFILES   := $(shell find core fallback wasm pybridge internal/wasmbin -name '*.go' -o -name '*.c' -o -name '*.h' -o -name '*.txt' 2>/dev/null)

# The venv is a prerequisite only when PYTHON points into it.
ifeq ($(PYTHON),$(VENV)/bin/python)
PYDEPS := $(VENV)/.installed
else
PYDEPS :=
endif

export PYTHONPATH := $(CURDIR)/python

.PHONY: all venv build demo test test-wheel test-go test-py test-fallback bench bench-go bench-py bench-parallel fuzz mutate lint check wheel test-sdist clean

all: build

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# The extension: cgo, -buildmode=c-shared, CPython's stable ABI (3.10+);
# then the corpus compiled with it, as the wheel ships it.
CORPUS_SRC   := $(shell find python/multilingualprogramming/corpus -name '*.multi')
CORPUS_STAMP := python/multilingualprogramming/corpus_build/.built

build: $(EXT) $(CORPUS_STAMP)

$(CORPUS_STAMP): $(EXT) $(CORPUS_SRC)
	rm -rf python/multilingualprogramming/corpus_build
	$(PYTHON) -m multilingualprogramming build --all --optimize > /dev/null
	touch $@

$(EXT): $(GOFILES) go.mod go.sum python/multilingualprogramming/_version.py $(PYDEPS)
	CGO_ENABLED=1 CGO_CFLAGS="-O2 -I$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])') -DPy_LIMITED_API=0x030A0000" \
	$(GO) build -tags pyext -buildmode=c-shared -trimpath -ldflags "-s -w -X main.Version=$(VERSION)" -o $@ ./pybridge
	rm -f $(basename $@).h

# The guide's French example, compiled, run on WebAssembly and on the Python fallback.
demo: build
	$(PYTHON) examples/demo.py

test: test-go test-py test-fallback

test-go:
	$(GO) test ./...

test-py: build
	$(PYTHON) -m pytest -q --doctest-modules --ignore=python/multilingualprogramming/corpus_build python/multilingualprogramming tests

# The same suite with the extension hidden: what a user without it gets.
test-fallback: build
	MULTILINGUAL_NO_NATIVE=1 $(PYTHON) -m pytest -q tests

bench: bench-go bench-py bench-parallel

bench-go:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

bench-py: build
	$(PYTHON) bench/bench_skeleton.py
	$(PYTHON) bench/bench_bridge.py
	$(PYTHON) bench/bench_strings.py
	$(PYTHON) bench/bench_python_backend.py
	$(PYTHON) bench/bench_kernels.py --out bench/kernels.md
	$(PYTHON) bench/bench_corpus.py --out bench

bench-parallel: build
	$(PYTHON) bench/bench_parallel.py

# Long runs: the lexer and parser fuzzers, the compile-time fuzzer (64 KB
# programs of many shapes, each under a second), and the differential tests
# with many more generated inputs.
fuzz: build
	MULTILINGUAL_DIFF_EXAMPLES=3000 $(PYTHON) -m pytest -q tests/test_differential.py
	$(GO) test -run='^$$' -fuzz=FuzzLex -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/lexer
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/parser
	$(GO) test -run='^$$' -fuzz=FuzzPrintRoundTrip -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/parser
	$(GO) test -run='^$$' -fuzz=FuzzCheck -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/check
	$(GO) test -run='^$$' -fuzz=FuzzGenerate -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./fallback
	$(GO) test -run='^$$' -fuzz=FuzzCompile -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/wasmgen
	$(GO) test -run='^$$' -fuzz=FuzzCompileTime -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/compiler
	$(GO) test -run='^$$' -fuzz=FuzzCompile -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./wasm
	$(GO) test -run='^$$' -fuzz=FuzzBounded -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./wasm
	$(GO) test -run='^$$' -fuzz=FuzzDecode -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./internal/wasmbin
	$(GO) test -run='^$$' -fuzz=FuzzDifferential -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./internal/difftest

# Mutation testing of the differential harnesses (tools/mutate): in a copy
# of the tree, each of a fixed set of compiler bugs (floor division that
# truncates, an overflow check removed, every overflow check trapping, a
# right-associative parser, < emitted as <=, a bounds check off by one)
# must make TestDifferential or tests/test_differential.py fail.
mutate: $(PYDEPS)
	$(GO) run ./tools/mutate -python $(PYTHON_ABS)

lint: $(PYDEPS)
	@test -z "$$(gofmt -l core fallback wasm pybridge)" || (gofmt -l core fallback wasm pybridge; exit 1)
	$(GO) vet ./...
	$(PYTHON) -m flake8 --max-line-length=110 --exclude corpus_build,tests/language,tests/whole_language python tests bench examples
	$(PYTHON) -m mypy python/multilingualprogramming bench/harness

check: lint
	CGO_ENABLED=0 $(GO) build ./core/... ./fallback/...
	$(GO) mod tidy
	git diff --exit-code go.mod go.sum

# The wheel, its file list checked (tests/wheel/contents.py: the package
# only, no benchmark, no C), then (where auditwheel is installed) retagged
# with the manylinux tag its glibc symbol versions truly satisfy.
wheel: $(PYDEPS)
	rm -rf dist build/lib* build/bdist*
	$(PYTHON) -m build --wheel --no-isolation --outdir dist
	$(PYTHON) tests/wheel/contents.py dist/*.whl
	@if $(PYTHON) -c "import auditwheel" 2>/dev/null; then \
		tag=$$($(PYTHON) -m auditwheel show --json dist/*.whl 2>/dev/null | \
			$(PYTHON) -c "import json, sys; print(json.load(sys.stdin)['overall_tag'])") && \
		echo "auditwheel: the extension satisfies $$tag" && \
		$(PYTHON) -m wheel tags --remove --platform-tag $$tag dist/*.whl; \
	else echo "auditwheel not installed: keeping the linux_* tag"; fi
	@ls -l dist/*.whl

# Install the wheel offline into a fresh venv and run the smoke test from
# outside the source tree.
test-wheel: wheel
	rm -rf build/wheel-venv
	python3 -m venv build/wheel-venv
	env -u PYTHONPATH build/wheel-venv/bin/python -m pip install --quiet --no-index dist/*.whl
	cd /tmp && env -u PYTHONPATH $(CURDIR)/build/wheel-venv/bin/python $(CURDIR)/tests/wheel/smoke.py

# Build a wheel from the sdist, as pip does from a source release.
test-sdist: $(PYDEPS)
	rm -rf build/sdist && mkdir -p build/sdist
	$(PYTHON) -m build --sdist --outdir build/sdist
	cd build/sdist && tar xzf *.tar.gz && cd multilingualprogramming-$(VERSION) && \
		env -u PYTHONPATH $(PYTHON_ABS) -m build --wheel --no-isolation --outdir ../wheel
	$(PYTHON) tests/wheel/contents.py build/sdist/wheel/*.whl

clean:
	rm -f $(EXT) $(basename $(EXT)).h
	rm -rf python/multilingualprogramming/corpus_build
	rm -rf build dist python/*.egg-info
