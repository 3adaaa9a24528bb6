"""What the wheel ships: the checker of tests/wheel/contents.py (run by
`make wheel` on the built wheel) on made-up file lists, and the files the
packaging configuration (pyproject.toml, MANIFEST.in, setup.py) collects
from this source tree, collected by setuptools' build_py."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONTENTS = os.path.join(ROOT, "tests", "wheel", "contents.py")
_spec = importlib.util.spec_from_file_location("wheel_contents", CONTENTS)
assert _spec is not None and _spec.loader is not None
contents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(contents)

GOOD = list(contents.REQUIRED) + [
    "multilingualprogramming/_native.abi3.so",
    "multilingualprogramming/corpus/numeric/numeric.it.multi",
    "multilingualprogramming-0.1.0.dist-info/METADATA",
    "multilingualprogramming-0.1.0.dist-info/RECORD",
]


@pytest.mark.parametrize("extra, why", [
    ("multilingualprogramming/_bench/__init__.py", "benchmark code"),
    ("multilingualprogramming/_bench/c/fib.c", "benchmark code"),
    ("harness/suite.py", "outside the package"),
    ("bench/bench_corpus.py", "outside the package"),
    ("multilingualprogramming/bench/harness.py", "benchmark code"),
    ("multilingualprogramming/kernels/fib.c", "a C source"),
    ("multilingualprogramming/_native.h", "a C source"),
])
def test_forbidden_names(extra, why):
    assert contents.forbidden(GOOD) == []
    bad = contents.forbidden(GOOD + [extra])
    assert len(bad) == 1 and bad[0].startswith(extra + ": " + why), bad


@pytest.mark.parametrize("drop, want", [
    ("multilingualprogramming/_native.abi3.so", "the extension is missing"),
    ("multilingualprogramming/py.typed", "multilingualprogramming/py.typed: missing"),
    ("multilingualprogramming/corpus_build/numeric.it.wasm", "numeric.it.wasm: missing"),
])
def test_missing_names(drop, want):
    assert contents.missing(GOOD) == []
    lacks = contents.missing([n for n in GOOD if n != drop])
    assert len(lacks) == 1 and want in lacks[0], lacks


def test_windows_extension_counts():
    names = [n for n in GOOD if not n.endswith(".so")] + ["multilingualprogramming/_native.pyd"]
    assert contents.missing(names) == []


def _zip(path, names):
    with zipfile.ZipFile(path, "w") as z:
        for n in names:
            z.writestr(n, b"x")
    return str(path)


def test_main_on_wheel_files(tmp_path, capsys):
    good = _zip(tmp_path / "good.whl", GOOD)
    bad = _zip(tmp_path / "bad.whl", GOOD + ["multilingualprogramming/_bench/c/sieve.c"])
    assert contents.main([good]) == 0
    assert contents.main([good, bad]) == 1
    err = capsys.readouterr().err
    assert "bad.whl: multilingualprogramming/_bench/c/sieve.c: benchmark code" in err
    assert "good.whl" not in err
    assert contents.main([]) == 2


def test_the_packaging_configuration_collects_no_benchmark_and_no_c(tmp_path):
    """setuptools' build_py copies what the wheel's package holds (all but
    the extension and the compiled corpus, which build_ext makes) from a
    copy of this source tree."""
    src = tmp_path / "src"
    shutil.copytree(os.path.join(ROOT, "python"), src / "python",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "corpus_build", "*.so"))
    for name in ("setup.py", "pyproject.toml", "MANIFEST.in", "README.md"):
        shutil.copy(os.path.join(ROOT, name), src / name)
    out = tmp_path / "lib"
    r = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(out)],
                       cwd=src, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    names = sorted(os.path.relpath(os.path.join(d, f), out).replace(os.sep, "/")
                   for d, _, files in os.walk(out) for f in files)
    assert contents.forbidden(names) == []
    for want in ("multilingualprogramming/cli.py", "multilingualprogramming/py.typed",
                 "multilingualprogramming/corpus/numeric/numeric.it.multi"):
        assert want in names
