"""Per-call cost of each way to call a function from Python
(python bench/bench_call_paths.py).

``add(i, 1)`` in a Python loop, the loop's own cost taken away, for: a plain
Python def, a Program's function bound once (``f = prog.add``), looked up
each time (``prog.add``), ``prog.call`` on each backend, and a raw
WebAssembly module's ``function`` and ``call``. The paths are measured
side by side in one run: each round times every path once, in turn, and
the best round of each is kept, so that a slow moment of the machine hits
every path alike.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "python"))

import multilingualprogramming as mp  # noqa: E402
from multilingualprogramming import _native_loader  # noqa: E402
from multilingualprogramming.wasm.loader import WasmModule  # noqa: E402

from bench_bridge import TINY  # noqa: E402

SOURCE = """\
def add(a: int, b: int) -> int:
    return a + b
"""

#: (label, loop body): names other than i are the loop function's arguments.
PATHS = [
    ("Python def", "py_add(i, 1)"),
    ("f = prog.add; f(i, 1)", "f(i, 1)"),
    ("prog.add(i, 1)", "prog.add(i, 1)"),
    ('prog.call("add", i, 1)  (AUTO)', 'prog.call("add", i, 1)'),
    ('prog.call(..., backend=WASM)', 'prog.call("add", i, 1, backend=WASM)'),
    ('prog.call(..., backend=PYTHON)', 'prog.call("add", i, 1, backend=PYTHON)'),
    ('prog.call(..., backend="wasm")', 'prog.call("add", i, 1, backend="wasm")'),
    ('WasmModule.function("add")', "wf(i, 1)"),
    ('WasmModule.call("add", i, 1)', 'wm.call("add", i, 1)'),
]

NAMES = ("py_add", "f", "prog", "WASM", "PYTHON", "wf", "wm")


def py_add(a: int, b: int) -> int:
    """The plain Python function every path is compared with."""
    return a + b


def make_loop(body: str):
    """A function running ``body`` n times in a for loop over range(n),
    with the objects it names as fast locals."""
    src = "def loop(n, %s):\n    for i in range(n):\n        %s\n" % (", ".join(NAMES), body)
    ns: dict = {}
    exec(compile(src, "<loop %s>" % body, "exec"), ns)
    return ns["loop"]


def measure(n: int, rounds: int) -> list:
    """Best seconds per call of every path (loop subtracted)."""
    prog = mp.compile_source(SOURCE, language="en")
    wm = WasmModule.from_bytes(TINY).instantiate()
    objs = (py_add, prog.add, prog, mp.Backend.WASM, mp.Backend.PYTHON, wm.function("add"), wm)
    empty = make_loop("pass")
    loops = [make_loop(body) for _, body in PATHS]
    for loop in loops:   # warm every cache, check every answer
        loop(1000, *objs)
    for _, body in PATHS:
        got = eval(body.replace("i,", "40,"), dict(zip(NAMES, objs)))
        assert got == 41, (body, got)
    best = [float("inf")] * len(loops)
    best_empty = float("inf")
    clock = time.perf_counter
    for _ in range(rounds):
        start = clock()
        empty(n, *objs)
        best_empty = min(best_empty, clock() - start)
        for k, loop in enumerate(loops):
            start = clock()
            loop(n, *objs)
            best[k] = min(best[k], clock() - start)
    return [max(0.0, b - best_empty) / n for b in best]


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200_000, help="calls per path per round")
    parser.add_argument("--rounds", type=int, default=9, help="rounds (best kept)")
    args = parser.parse_args()
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    print("Python %s; add(i, 1), %d calls x best of %d rounds, loop subtracted"
          % (sys.version.split()[0], args.n, args.rounds))
    per_call = measure(args.n, args.rounds)
    base = per_call[0]
    print("  %-36s %8s %8s" % ("path", "ns/call", "x def"))
    for (label, _), t in zip(PATHS, per_call):
        print("  %-36s %8.1f %8.2f" % (label, t * 1e9, t / base if base else float("nan")))


if __name__ == "__main__":
    main()
