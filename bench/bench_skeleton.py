"""Side-by-side figures for the walking skeleton (make bench-py).

Per-call cost of a tiny compiled function from Python, next to a plain
Python function, a ctypes call and a Numba dispatcher call when Numba is
installed; then the guide's expensive_operation(1000) on WebAssembly, on the
generated Python fallback, and in C (gcc -O2). Everything runs in one
process, one after the other, so that the ratios are comparable.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import subprocess
import sys
import tempfile
import time
import timeit

import multilingualprogramming as mp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TINY = """\
def add(a: int, b: int) -> int:
    return a + b

def noop() -> None:
    pass
"""


def per_call_us(stmt, number=1_000_000, repeat=5, globs=None):
    t = timeit.Timer(stmt, globals=globs)
    return min(t.repeat(repeat=repeat, number=number)) / number * 1e6


def best_ms(fn, repeat):
    best = float("inf")
    value = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return value, best * 1e3


def c_expensive(n):
    src = os.path.join(HERE, "harness", "c", "expensive.c")
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "expensive")
        subprocess.check_call(["gcc", "-O2", "-o", exe, src])
        out = subprocess.check_output([exe, str(n), "5"], text=True).split()
    return int(out[0]), float(out[1])


def main() -> None:
    print("# multilingualprogramming %s benchmark, %s, %s, Python %s" % (
        mp.__version__, time.strftime("%Y-%m-%d"), platform.machine(), platform.python_version()))
    tiny = mp.compile_source(TINY, language="en")
    add = tiny.add

    def py_add(a, b):
        return a + b

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    labs = libc.labs
    labs.argtypes = [ctypes.c_long]
    labs.restype = ctypes.c_long
    globs = {"add": add, "py_add": py_add, "labs": labs, "tiny": tiny, "noop": tiny.noop}
    rows = [
        ("prog.add(2, 3)  (WebAssembly, AUTO)", per_call_us("add(2, 3)", globs=globs)),
        ("prog.noop()     (WebAssembly, AUTO)", per_call_us("noop()", globs=globs)),
        ("prog.call('add', 2, 3)", per_call_us("tiny.call('add', 2, 3)", number=200_000, globs=globs)),
        ("plain Python add(2, 3)", per_call_us("py_add(2, 3)", globs=globs)),
        ("ctypes libc labs(-3)", per_call_us("labs(-3)", number=300_000, globs=globs)),
    ]
    try:
        import numba

        nb_add = numba.njit("int64(int64, int64)")(lambda a, b: a + b)
        nb_add(2, 3)
        globs["nb_add"] = nb_add
        rows.append(("numba njit add(2, 3)", per_call_us("nb_add(2, 3)", globs=globs)))
    except ImportError:
        rows.append(("numba njit add(2, 3)", float("nan")))
    print("\n## Per-call cost (best of 5, µs per call)\n")
    print("| call | µs |\n|---|---|")
    for name, us in rows:
        print("| %s | %.3f |" % (name, us))

    prog = mp.compile_file(os.path.join(ROOT, "examples", "myfunction.multi"))
    n = 1000
    wasm_value, wasm_ms = best_ms(lambda: prog.expensive_operation(n), 5)
    pyfn = prog.python_function("expensive_operation")
    py_value, py_ms = best_ms(lambda: pyfn(n), 1)
    c_value, c_ms = c_expensive(n)
    assert wasm_value == py_value == c_value, (wasm_value, py_value, c_value)
    print("\n## expensive_operation(%d) (the guide's example, %d iterations)\n" % (n, n * n))
    print("| backend | ms | vs CPython | vs C |\n|---|---|---|---|")
    for name, ms in (("WebAssembly (Wasmtime, overflow-checked)", wasm_ms),
                     ("generated Python fallback (CPython)", py_ms),
                     ("C, gcc -O2 (unchecked)", c_ms)):
        print("| %s | %.2f | %.1fx faster | %.2fx |" % (name, ms, py_ms / ms, ms / c_ms))


if __name__ == "__main__":
    sys.exit(main())
