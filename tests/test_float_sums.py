"""sum() of floats on WebAssembly gives the running CPython's answer: the
module adds as the interpreter that loads it does (plain addition on 3.10
and 3.11, Neumaier's compensated summation from 3.12; the extension tells
each instance, core/abi FloatSumExport). Checked by hypothesis in this
interpreter, and in a subprocess under every other CPython 3.10-3.13 found
(pyenv's), each against its own sum()."""

import glob
import os
import subprocess
import sys
from typing import Any, List

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import ROOT, check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def total(xs: list[float]) -> float:
    return sum(xs)

def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)

def dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))

def variance(xs: list[float]) -> float:
    m = sum(xs) / len(xs)
    return sum((x - m) * (x - m) for x in xs) / len(xs)

def shifted(xs: list[float], k: float) -> float:
    s = k
    s += sum(x + k for x in xs if x > 0)
    return s
"""

NAMES = ("total", "mean", "dot", "variance", "shifted")
SPECIAL = st.sampled_from([1e16, -1e16, 1.0, -0.0, 0.0, 0.1, 1e-16, 2.0**53, 1e308, -1e308,
                           float("inf"), float("-inf"), float("nan"), 5e-324])
FLOATS = st.lists(st.one_of(SPECIAL, st.floats(allow_nan=True), st.floats(-1e3, 1e3)), max_size=12)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {}
    assert prog.total([1e16, 1.0, -1e16]) == sum([1e16, 1.0, -1e16])
    assert prog.last_report["backend"] == "wasm"
    # CPython's empty sum is the int 0: the call re-runs in Python
    assert repr(prog.total([])) == "0" and prog.last_report["backend"] == "python"


@needs_native
@settings(max_examples=300, deadline=None)
@given(FLOATS, FLOATS, st.one_of(SPECIAL, st.floats(-10, 10)))
@example([1e16, 1.0, -1e16], [1.0, 1.0, 1.0], 0.5)
@example([1e308, 1e308, 1.0], [], 1.0)
@example([-0.0], [-0.0], -0.0)
def test_like_this_cpython(xs: List[float], ys: List[float], k: float) -> None:
    # each call, and whether its sums add something (an empty sum is
    # CPython's int 0, which forced WebAssembly refuses)
    for name, args, some in (("total", (xs,), xs), ("mean", (xs,), xs), ("dot", (xs, ys), xs and ys),
                             ("variance", (xs,), xs), ("shifted", (xs, k), [x for x in xs if x > 0])):
        prog, ns = program_and_cpython(SOURCE)
        want = repr(_outcome(ns[name], *args))
        assert repr(_outcome(getattr(prog, name), *args)) == want, (name, args)
        if some:
            check_calls_like_cpython(SOURCE, name, *args, by_repr=True)


def _outcome(fn: Any, *args: Any) -> Any:
    try:
        return fn(*[list(a) if isinstance(a, list) else a for a in args])
    except Exception as exc:  # the exception's type is the outcome
        return type(exc).__name__


# Run by each other interpreter: random and tricky lists, compared with
# that interpreter's own sum(); prints the number of disagreements and
# of calls served by WebAssembly.
CHILD = """
import random, sys
import multilingualprogramming as mp
src = sys.stdin.read()
prog = mp.compile_source(src, language="en")
ns = {}
exec(src, ns)
rng = random.Random(7)
pool = [1e16, -1e16, 1.0, -0.0, 0.0, 0.1, 1e-16, 2.0**53, 1e308, -1e308, float("inf"),
        float("-inf"), float("nan"), 5e-324]
bad = wasm = 0
for _ in range(3000):
    xs = [rng.choice(pool) if rng.random() < 0.5 else rng.uniform(-1e6, 1e6)
          for _ in range(rng.randrange(1, 10))]
    for name, args in (("total", (xs,)), ("mean", (xs,)), ("dot", (xs, xs[::-1])),
                       ("variance", (xs,)), ("shifted", (xs, 0.5))):
        outs = []
        for fn in (ns[name], getattr(prog, name)):
            try:
                outs.append(repr(fn(*args)))
            except Exception as exc:
                outs.append(type(exc).__name__)
        bad += outs[0] != outs[1]
        wasm += prog.last_report["backend"] == "wasm"
print(bad, wasm)
"""


def _interpreters() -> List[str]:
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", "3.1[0-3].*", "bin", "python3")))
    return [p for p in found if os.path.realpath(p) != os.path.realpath(sys.executable)]


@needs_native
@pytest.mark.parametrize("python", _interpreters() or ["none"])
def test_every_cpython(python: str) -> None:
    if python == "none":
        pytest.skip("no other CPython 3.10-3.13 on this machine (pyenv's)")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    r = subprocess.run([python, "-c", CHILD], input=SOURCE, capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    bad, wasm = map(int, r.stdout.split())
    assert bad == 0
    assert wasm > 10000  # most calls ran on WebAssembly
