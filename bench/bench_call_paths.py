"""Per-call cost of each way to call a function from Python
(python bench/bench_call_paths.py).

``add(i, 1)`` in a Python loop, the loop's own cost taken away, for: a plain
Python def, a Program's function bound once (``f = prog.add``), looked up
each time (``prog.add``), ``prog.call`` on each backend, and a raw
WebAssembly module's ``function`` and ``call``; and, as a reference,
CPython's own C code calling the def (``functools.partial``), the least a
call from C into Python costs (backend=PYTHON makes one). The paths are measured
side by side in one run: each round times every path once, in turn, and
the best round of each is kept, so that a slow moment of the machine hits
every path alike.

``--instructions`` counts instructions instead (valgrind's callgrind, which
must be installed): the script runs again under valgrind, which dumps its
counts at each call of ``os.getppid()``, the marker between two loops; a
path's figure is its loop's count minus the empty loop's, per call. Counts
do not depend on the other work of the machine (nor, with PYTHONHASHSEED=0,
on the run), though they weigh every instruction alike (a cache miss, a
mispredicted branch count as one).
"""

from __future__ import annotations

import argparse
import functools
import glob
import os
import shutil
import subprocess
import sys
import tempfile
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
    # A reference, not a path of ours: CPython's own C code calling the
    # same def (what backend=PYTHON must do too), as functools.partial does.
    ("(CPython) partial(py_add)(i, 1)", "part(i, 1)"),
]

NAMES = ("py_add", "f", "prog", "WASM", "PYTHON", "wf", "wm", "part")


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


def prepare() -> tuple:
    """The objects the loops name, the empty loop and each path's loop,
    every cache warmed and every answer checked."""
    prog = mp.compile_source(SOURCE, language="en")
    wm = WasmModule.from_bytes(TINY).instantiate()
    objs = (py_add, prog.add, prog, mp.Backend.WASM, mp.Backend.PYTHON, wm.function("add"), wm,
            functools.partial(py_add))
    empty = make_loop("pass")
    loops = [make_loop(body) for _, body in PATHS]
    for loop in [empty] + loops:
        loop(1000, *objs)
    for _, body in PATHS:
        got = eval(body.replace("i,", "40,"), dict(zip(NAMES, objs)))
        assert got == 41, (body, got)
    return objs, empty, loops


def measure(n: int, rounds: int) -> list:
    """Best seconds per call of every path (loop subtracted)."""
    objs, empty, loops = prepare()
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


def run_marked(n: int) -> None:
    """Under valgrind (see count_instructions): the empty loop, then each
    path's, every one between two markers."""
    objs, empty, loops = prepare()
    mark = os.getppid
    mark()
    for loop in [empty] + loops:
        loop(n, *objs)
        mark()


def count_instructions(n: int) -> list:
    """Instructions per call of every path (loop subtracted), counted by
    callgrind in a run of this script under valgrind."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=getppid",
                        "--callgrind-out-file=" + out, sys.executable, os.path.abspath(__file__),
                        "--marked", "-n", str(n)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL,
                       # Go preempts goroutines with signals, which callgrind does not survive;
                       # str hashes, hence the probes of a dict lookup, vary with the seed.
                       env=dict(os.environ, GODEBUG="asyncpreemptoff=1", PYTHONHASHSEED="0"))
        totals = {}
        for path in glob.glob(out + ".*"):
            with open(path) as f:
                total = next(int(line.split()[1]) for line in f if line.startswith("totals:"))
            totals[int(path.rsplit(".", 1)[1])] = total
    # Dump 1 is everything before the first marker; then the empty loop, the paths.
    counts = [totals[k] for k in range(2, 3 + len(PATHS))]
    return [(c - counts[0]) / n for c in counts[1:]]


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None,
                        help="calls per path per round (default 200,000; 20,000 counted)")
    parser.add_argument("--rounds", type=int, default=9, help="rounds (best kept)")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under valgrind instead of timing")
    parser.add_argument("--marked", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    if args.marked:
        run_marked(args.n)
        return
    if args.instructions:
        n = args.n or 20_000
        print("Python %s; add(i, 1), %d calls under callgrind, loop subtracted"
              % (sys.version.split()[0], n))
        per_call = count_instructions(n)
        unit = "instr/call"
        scale = 1.0
    else:
        n = args.n or 200_000
        print("Python %s; add(i, 1), %d calls x best of %d rounds, loop subtracted"
              % (sys.version.split()[0], n, args.rounds))
        per_call = measure(n, args.rounds)
        unit = "ns/call"
        scale = 1e9
    base = per_call[0]
    print("  %-36s %10s %8s" % ("path", unit, "x def"))
    for (label, _), t in zip(PATHS, per_call):
        print("  %-36s %10.1f %8.2f" % (label, t * scale, t / base if base else float("nan")))


if __name__ == "__main__":
    main()
