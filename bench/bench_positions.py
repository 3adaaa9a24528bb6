"""What the position tables of tracebacks cost when a program loads.

For each corpus program and for a program of about 100 KB (the Spanish
JSON program repeated, its functions renamed per copy), prints:

- compile: the native compiler (parse, check, WebAssembly, generated Python);
- module:  _compile_module, the generated Python parsed, renumbered to the
  user's lines and columns and compiled to a code object (a cache miss);
- warm:    marshal.loads of the cached code object (a cache hit);
- python:  the generated module's size, and code: the marshaled code's.

The least CPU time of several runs, in milliseconds, and sizes in
kilobytes. Run it before and after a change to the generator or to
_program._module_tree:

    PYTHONPATH=python python bench/bench_positions.py
"""

from __future__ import annotations

import glob
import marshal
import os
import re
import time

from multilingualprogramming import _native_loader
from multilingualprogramming._program import _compile_module

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "python", "multilingualprogramming", "corpus")


def best_ms(fn, runs):
    """The least CPU time of runs calls (the process's, all threads): the
    machine may be shared, and CPU time is what other processes disturb
    least."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append((time.process_time() - t) * 1e3)
    return min(times)


def big_program(target=100_000):
    """The Spanish JSON program, copied until about target bytes, each
    copy's functions renamed (name_2, ...) so that every copy is code."""
    with open(os.path.join(CORPUS, "json", "json.es.multi"), encoding="utf-8") as f:
        src = f.read()
    names = re.findall(r"^def (\w+)\(", src, flags=re.M)
    parts = []
    k = 0
    while sum(len(p) for p in parts) < target:
        k += 1
        copy = src
        for n in names:
            copy = re.sub(r"\b%s\b" % re.escape(n), "%s_%d" % (n, k), copy)
        parts.append(copy)
    return "\n".join(parts), k


def measure(name, source, runs):
    native = _native_loader.require_native("the benchmark")
    compile_ms = best_ms(lambda: native.compile(source, name, None, False), runs)
    python = native.compile(source, name, None, False)["python"]
    module_ms = best_ms(lambda: _compile_module(python, name, source), runs)
    code = marshal.dumps(_compile_module(python, name, source))
    warm_ms = best_ms(lambda: marshal.loads(code), runs * 4)
    print("%-26s %8.2f %8.2f %8.3f %9.1f %8.1f" % (
        name, compile_ms, module_ms, warm_ms, len(python.encode()) / 1e3, len(code) / 1e3))


def main():
    print("%-26s %8s %8s %8s %9s %8s" % ("program", "compile", "module", "warm", "python KB",
                                         "code KB"))
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.multi"))):
        with open(path, encoding="utf-8") as f:
            measure(os.path.basename(path), f.read(), 21)
    big, copies = big_program()
    measure("json.es x%d (%d KB)" % (copies, len(big.encode()) // 1000), big, 7)


if __name__ == "__main__":
    main()
