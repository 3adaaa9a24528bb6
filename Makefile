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
# The release wheels: Zig (PyPI's ziglang, pinned in requirements-dev.txt) is
# cgo's C compiler and links against the symbol versions of glibc GLIBC_FLOOR,
# so the extension loads on every Linux with that glibc or a later one: 2.17
# is manylinux2014 (CentOS 7, Ubuntu 14.04, Debian 8, RHEL 7, Amazon Linux 2).
# WHEEL_ARCH is x86_64 or aarch64 (cross-built: `make wheel-aarch64`).
# `make build` (development) keeps the system's C compiler.
GLIBC_FLOOR ?= 2.17
WHEEL_ARCH  ?= x86_64
HOST_ARCH   := $(shell uname -m)
GOARCH_x86_64  := amd64
GOARCH_aarch64 := arm64
WHEEL_PLAT  = manylinux_$(subst .,_,$(GLIBC_FLOOR))_$(WHEEL_ARCH)
# Zig brings its own libunwind, linked statically, instead of libgcc_s.
WHEEL_CC    ?= $(PYTHON_ABS) -m ziglang cc -target $(WHEEL_ARCH)-linux-gnu.$(GLIBC_FLOOR) -mcpu=baseline
WHEEL_LDFLAGS ?= -lunwind
# The CPython 3.10-3.13 interpreters `make test-wheel` installs the wheel
# into (pyenv's where there are some, else python3).
PYENV_ROOT ?= $(HOME)/.pyenv
WHEEL_PYTHONS ?= $(or $(wildcard $(PYENV_ROOT)/versions/3.1[0-3].*/bin/python3),python3)
GOFILES   := $(shell find core fallback wasm pybridge internal/wasmbin -name '*.go' -o -name '*.c' -o -name '*.h' -o -name '*.txt' -o -name '*.ld' 2>/dev/null)

# The venv is a prerequisite only when PYTHON points into it.
ifeq ($(PYTHON),$(VENV)/bin/python)
PYDEPS := $(VENV)/.installed
else
PYDEPS :=
endif

export PYTHONPATH := $(CURDIR)/python

.PHONY: all venv build demo test test-wheel test-go test-py test-fallback bench bench-go bench-py bench-parallel fuzz mutate lint check wheel wheel-aarch64 test-wheel-aarch64 test-sdist clean

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

# On Linux the linker also reads pybridge/hot.ld, which puts the code of a
# call from Python in one place whatever the Go code around it (setup.py
# does the same for wheels).
# HotLayout, the script's digest, makes `go build` relink when it changes.
ifeq ($(shell uname -s),Linux)
HOT_LDFLAGS := -X main.HotLayout=$(shell cksum < pybridge/hot.ld | cut -d' ' -f1) \
	-extldflags '-Wl,-T,$(CURDIR)/pybridge/hot.ld'
endif

$(EXT): $(GOFILES) go.mod go.sum python/multilingualprogramming/_version.py $(PYDEPS)
	CGO_ENABLED=1 CGO_CFLAGS="-O2 -I$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])') -DPy_LIMITED_API=0x030A0000" \
	$(GO) build -tags pyext -buildmode=c-shared -trimpath -ldflags "-s -w -X main.Version=$(VERSION) $(HOT_LDFLAGS)" -o $@ ./pybridge
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
	$(PYTHON) bench/bench_call_paths.py
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
	$(GO) test -run='^$$' -fuzz=FuzzGuessKeyword -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./core/lang
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

# The release wheel for WHEEL_ARCH, built with WHEEL_CC (Zig, for glibc
# GLIBC_FLOOR), its file list checked (tests/wheel/contents.py: the package
# only, no benchmark, no C), then tagged (`wheel tags`) with the
# manylinux tag of GLIBC_FLOOR (manylinux_2_17_x86_64.manylinux2014_x86_64)
# once `auditwheel show` finds the extension satisfies it (its glibc symbol
# versions, the libraries it links, its instruction set: tests/wheel/
# platform_tag.py refuses a wheel that needs more); last, tests/wheel/glibc.py
# reads the newest GLIBC_ version the extension needs and its machine, and
# tests/wheel/layout.py checks that pybridge/hot.ld placed the call path.
# A cross build compiles the corpus with this machine's extension (EXT).
WHEEL_CROSS = $(filter-out $(HOST_ARCH),$(WHEEL_ARCH))

wheel: $(PYDEPS) $(if $(WHEEL_CROSS),$(EXT))
	@$(PYTHON) -c "import ziglang" 2>/dev/null || { echo "make wheel needs Zig:" \
		"the ziglang package of requirements-dev.txt (make venv installs it)" >&2; exit 1; }
	rm -rf build/lib* build/bdist* build/wheel-$(WHEEL_ARCH) dist/*_$(WHEEL_ARCH).whl
	CC="$(WHEEL_CC)" CGO_LDFLAGS="$(WHEEL_LDFLAGS)" GOOS=linux GOARCH=$(GOARCH_$(WHEEL_ARCH)) \
	$(if $(WHEEL_CROSS),MULTILINGUAL_CORPUS_EXT=$(abspath $(EXT))) \
	$(PYTHON) -m build --wheel --no-isolation --outdir build/wheel-$(WHEEL_ARCH)
	$(PYTHON) tests/wheel/contents.py build/wheel-$(WHEEL_ARCH)/*.whl
	tags=$$($(PYTHON) -m auditwheel show --json build/wheel-$(WHEEL_ARCH)/*.whl 2>/dev/null | \
		$(PYTHON) tests/wheel/platform_tag.py --floor $(GLIBC_FLOOR) --arch $(WHEEL_ARCH)) && \
	$(PYTHON) -m wheel tags --remove --platform-tag $$tags build/wheel-$(WHEEL_ARCH)/*.whl
	mkdir -p dist && mv build/wheel-$(WHEEL_ARCH)/*.whl dist/
	$(PYTHON) -m auditwheel show dist/*_$(WHEEL_ARCH).whl
	$(PYTHON) tests/wheel/glibc.py --max $(GLIBC_FLOOR) --arch $(WHEEL_ARCH) dist/*_$(WHEEL_ARCH).whl
	$(PYTHON) tests/wheel/layout.py dist/*_$(WHEEL_ARCH).whl
	@ls -l dist/*_$(WHEEL_ARCH).whl

# The aarch64 wheel, cross-built here (wasmtime-go ships its library for linux-aarch64).
wheel-aarch64:
	$(MAKE) wheel WHEEL_ARCH=aarch64

# The aarch64 wheel's smoke test under qemu, with Debian's arm64 CPython
# (tests/wheel/qemu_aarch64.sh says what it needs).
test-wheel-aarch64: wheel-aarch64
	PYTHON=$(PYTHON_ABS) sh tests/wheel/qemu_aarch64.sh dist/*_aarch64.whl

# Install the x86_64 wheel offline into a fresh venv of each of WHEEL_PYTHONS
# and run the smoke test there, from outside the source tree.
test-wheel: wheel
	set -e; for py in $(WHEEL_PYTHONS); do \
		v=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
		echo "== smoke test on CPython $$v ($$py)"; \
		rm -rf build/wheel-venv-$$v; $$py -m venv build/wheel-venv-$$v; \
		env -u PYTHONPATH build/wheel-venv-$$v/bin/python -m pip install --quiet --no-index \
			dist/*_$(WHEEL_ARCH).whl; \
		(cd /tmp && env -u PYTHONPATH $(CURDIR)/build/wheel-venv-$$v/bin/python \
			$(CURDIR)/tests/wheel/smoke.py); \
	done
	@# Once more with the optional Pygments and IPython (pinned, from PyPI): the
	@# lexer through its entry point and the notebook magic. Skipped offline.
	set -e; py=build/wheel-venv-$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	if [ -d $$py ] && env -u PYTHONPATH $$py/bin/python -m pip install --quiet \
			$$(grep -E '^(pygments|ipython)==' requirements-dev.txt); then \
		(cd /tmp && env -u PYTHONPATH $(CURDIR)/$$py/bin/python $(CURDIR)/tests/wheel/smoke.py); \
	else echo "smoke test with Pygments and IPython skipped (not installable here)"; fi

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
