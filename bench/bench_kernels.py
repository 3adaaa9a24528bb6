"""Issue 4's kernels side by side (make bench-py): WebAssembly, CPython, Numba, C.

fib(30) recursive, the nested-loop integer kernel, the 200x200 float matrix
product on nested lists and the sieve of 10^6, from
core/wasmgen/testdata/bench (the guide's loop too), each compiled with
--optimize and called through the Python package; the generated Python
fallback on CPython; the same fallback under numba.njit; and the C
versions of bench/harness/c (gcc -O2). Each
backend is timed five times in turn, round robin, and keeps its best
time, so that the ratios compare figures measured side by side.
"""

from __future__ import annotations

import os
import sys
import time
import timeit
from typing import Any, Callable, Dict, List, Tuple

import multilingualprogramming as mp
from multilingualprogramming import _native_loader
from harness import numba_jit
from harness.ckernels import CKernels

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = os.path.join(os.path.dirname(HERE), "core", "wasmgen", "testdata", "bench")

# name, argument, argument for CPython (smaller where CPython takes seconds), C parser
CASES: List[Tuple[str, int, int, Callable[[str], Any]]] = [
    ("fib", 30, 25, int),
    ("loops", 3000, 300, int),
    ("matmul", 200, 60, float),
    ("sieve", 1000000, 1000000, int),
    ("expensive", 1000, 300, int),
]


def best_of(fn: Callable[[], Any], budget: float = 0.3) -> float:
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    number = max(1, int(budget / max(once, 1e-6) / 3))
    return min(once, min(timeit.repeat(fn, number=number, repeat=3)) / number)


def main(argv: List[str]) -> None:
    out = None
    if len(argv) == 2 and argv[0] == "--out":
        out = argv[1]
    elif argv:
        sys.exit("usage: bench_kernels.py [--out FILE.md]")
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    ck = CKernels()
    ck.build([c[0] for c in CASES])
    have_numba = numba_jit.numba_version() is not None
    print("kernel      arg     WebAssembly      CPython        Numba            C   wasm/C  wasm/Numba")
    md = ["| kernel | argument | WebAssembly | CPython | Numba | C -O2 "
          "| WebAssembly / C | WebAssembly / Numba |",
          "|---|---|---|---|---|---|---|---|"]
    for name, arg, py_arg, parse in CASES:
        prog = mp.compile_file(os.path.join(KERNELS, name + ".en.ml"), optimize=True)
        wasm_fn = getattr(prog, name)
        py_fn = prog.python_function(name)
        want = wasm_fn(arg)
        jit = None
        if have_numba:
            jit = numba_jit.jit_program(prog.python_source, name)[name]
            if numba_jit.quiet(jit, arg) != want:
                raise AssertionError("numba %s(%d) differs" % (name, arg))
        times: Dict[str, float] = {}
        for _ in range(5):
            runs = [("wasm", lambda: wasm_fn(arg)), ("cpython", lambda: py_fn(py_arg))]
            if jit is not None:
                runs.append(("numba", lambda: numba_jit.quiet(jit, arg)))
            for label, fn in runs:
                t = best_of(fn)
                times[label] = min(times.get(label, t), t)
            if not ck.error(name):
                m = ck.run(name, [str(arg)], parse, 0.3)
                if m.value != want and abs(m.value - want) > 1e-9 * abs(want):
                    raise AssertionError("C %s(%d) = %r, WebAssembly %r" % (name, arg, m.value, want))
                times["c"] = min(times.get("c", m.seconds), m.seconds)
        cpy = times["cpython"]
        if py_arg != arg:
            cpy = float("nan")  # a smaller size: no ratio
        row = "%-9s %7d %12.3f ms %10.1f ms %10.3f ms %10.3f ms %7.2fx %9.2fx" % (
            name, arg, times["wasm"] * 1e3, cpy * 1e3 if cpy == cpy else times["cpython"] * 1e3,
            times.get("numba", float("nan")) * 1e3, times.get("c", float("nan")) * 1e3,
            times["wasm"] / times.get("c", float("nan")),
            times["wasm"] / times.get("numba", float("nan")))
        if py_arg != arg:
            row += "   (CPython at %d)" % py_arg
        print(row)
        md.append("| %s | %d | %.3f ms | %s | %.3f ms | %.3f ms | %.2fx | %.2fx |" % (
            name, arg, times["wasm"] * 1e3,
            "%.1f ms" % (cpy * 1e3) if cpy == cpy else "%.1f ms at %d" % (times["cpython"] * 1e3, py_arg),
            times.get("numba", float("nan")) * 1e3, times.get("c", float("nan")) * 1e3,
            times["wasm"] / times.get("c", float("nan")), times["wasm"] / times.get("numba", float("nan"))))
    ck.close()
    if out is not None:
        load = " ".join("%.2f" % x for x in os.getloadavg())
        with open(out, "w", encoding="utf-8") as f:
            f.write("# Issue 4's kernels: WebAssembly, CPython, Numba and C side by side\n\n")
            stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
            f.write("Written by `bench/bench_kernels.py --out %s` on %s UTC (load average %s).\n\n"
                    % (out, stamp, load))
            f.write("Each figure is the best time of one call over five rounds that take the "
                    "backends in turn; a ratio below 1 means WebAssembly is faster. CPython runs a "
                    "smaller argument where the full one would take seconds (no ratio is drawn "
                    "from it).\n\n")
            f.write("\n".join(md) + "\n")
        print("wrote %s" % out)


if __name__ == "__main__":
    main(sys.argv[1:])
