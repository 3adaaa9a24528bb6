"""Issue 4's kernels against every peer (make bench-py): ours, CPython,
Numba, mypyc, Cython and C.

fib(30) recursive, the nested-loop integer kernel, the 200x200 float matrix
product, the sieve of 10^6 and the guide's loop, from
core/wasmgen/testdata/bench, each compiled twice (the default compile and
optimize=True) and called through the Python package; the generated Python
fallback on CPython; the same fallback under numba.njit; the typed Python
of bench/harness/typed compiled by mypyc and its cdef twin built by Cython
(both at bench time, in a temporary directory); and the natural C versions
of bench/harness/c (gcc -O2). A missing tool leaves its column empty with a
note. Each round takes every backend in turn and each keeps its best time
over ROUNDS rounds, so that the ratios compare figures measured side by
side.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import time
import timeit
from typing import Any, Callable, Dict, List, Optional, Tuple

import multilingualprogramming as mp
from multilingualprogramming import _native_loader
from harness import numba_jit
from harness.ckernels import CKernels
from harness.peers import CompiledPeers

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


ROUNDS = 5
PEERS = ("numba", "mypyc", "cython", "c")
PEER_TITLES = {"numba": "Numba", "mypyc": "mypyc", "cython": "Cython", "c": "C -O2"}


def _agrees(got: Any, want: Any) -> bool:
    """got equals want; floats within 1e-9 relative (C may round a sum
    differently from the same operations in another order)."""
    if isinstance(want, float) or isinstance(got, float):
        return bool(got == want or abs(got - want) <= 1e-9 * abs(want))
    return bool(got == want)


def best_peer(times: Dict[str, float]) -> Tuple[str, float]:
    """The fastest of the peers measured in times (name, seconds), or
    ("", nan) when none was."""
    got = [(times[p], p) for p in PEERS if p in times]
    if not got:
        return "", float("nan")
    seconds, peer = min(got)
    return peer, seconds


def _ms(times: Dict[str, float], key: str) -> str:
    return "%.3f ms" % (times[key] * 1e3) if key in times else "-"


def _ratio(a: float, b: float) -> str:
    return "%.2fx" % (a / b) if b == b and b > 0 else "-"


def main(argv: List[str]) -> None:
    out = None
    if len(argv) == 2 and argv[0] == "--out":
        out = argv[1]
    elif argv:
        sys.exit("usage: bench_kernels.py [--out FILE.md]")
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    notes: List[str] = []
    ck = CKernels()
    ck.build([c[0] for c in CASES])
    if ck.unavailable:
        notes.append(ck.unavailable)
    numba_v = numba_jit.numba_version()
    if numba_v is None:
        notes.append("numba is not installed: no Numba column")
    print("building the mypyc and Cython peers ...", flush=True)
    peers = CompiledPeers()
    peers.build(["mypyc", "cython"])
    notes.extend(peers.notes.values())
    header = ["kernel", "argument", "ours", "ours optimize=True", "CPython", "Numba", "mypyc",
              "Cython", "C -O2", "ours / C", "ours / best peer"]
    md = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    print("%-9s %7s %11s %11s %11s %11s %11s %11s %11s  %-13s %s" % tuple(
        ["kernel", "arg", "ours", "ours opt", "CPython", "Numba", "mypyc", "Cython", "C"] +
        ["ours/C", "ours/best peer"]))
    for name, arg, py_arg, parse in CASES:
        path = os.path.join(KERNELS, name + ".en.ml")
        prog = mp.compile_file(path)
        prog_opt = mp.compile_file(path, optimize=True)
        ours, ours_opt = getattr(prog, name), getattr(prog_opt, name)
        py_fn = prog_opt.python_function(name)
        want = ours_opt(arg)
        calls: List[Tuple[str, Callable[[], Any]]] = [
            ("ours", lambda: ours(arg)), ("ours_opt", lambda: ours_opt(arg)),
            ("cpython", lambda: py_fn(py_arg))]
        if numba_v is not None:
            jit = numba_jit.jit_program(prog_opt.python_source, name)[name]
            calls.append(("numba", lambda: numba_jit.quiet(jit, arg)))
        for peer in ("mypyc", "cython"):
            fn = peers.function(peer, name)
            if fn is not None:
                calls.append((peer, (lambda f: lambda: f(arg))(fn)))
        for label, fn in calls:
            if label != "cpython" and not _agrees(fn(), want):
                raise AssertionError("%s %s(%d) = %r, ours %r" % (label, name, arg, fn(), want))
        times: Dict[str, float] = {}
        for _ in range(ROUNDS):
            for label, fn in calls:
                t = best_of(fn)
                times[label] = min(times.get(label, t), t)
            if not ck.error(name):
                m = ck.run(name, [str(arg)], parse, 0.3)
                if not _agrees(m.value, want):
                    raise AssertionError("C %s(%d) = %r, ours %r" % (name, arg, m.value, want))
                times["c"] = min(times.get("c", m.seconds), m.seconds)
        peer, peer_s = best_peer(times)
        c_s = times.get("c", float("nan"))
        to_c = "%s, %s" % (_ratio(times["ours"], c_s), _ratio(times["ours_opt"], c_s))
        to_best = "%s, %s (%s)" % (_ratio(times["ours"], peer_s), _ratio(times["ours_opt"], peer_s),
                                   PEER_TITLES.get(peer, "-"))
        cpy = "%.1f ms" % (times["cpython"] * 1e3)
        if py_arg != arg:
            cpy += " at %d" % py_arg  # a smaller size: no ratio
        cells = [_ms(times, k) for k in ("ours", "ours_opt")] + [cpy] + \
            [_ms(times, k) for k in PEERS]
        print("%-9s %7d %11s %11s %11s %11s %11s %11s %11s  %-13s %s" % tuple(
            [name, arg] + cells + [to_c, to_best]), flush=True)
        md.append("| " + " | ".join([name, str(arg)] + cells + [to_c, to_best]) + " |")
    ck.close()
    peers.close()
    for note in notes:
        print("note: " + note)
    if out is not None:
        _write(out, md, notes, ck.version, numba_v, peers.versions)
        print("wrote %s" % out)


def _opt_level() -> str:
    """The -O flag of this Python's sysconfig CFLAGS (what setuptools gives
    the mypyc and Cython builds), or "its defaults"."""
    flags = [w for w in (sysconfig.get_config_var("CFLAGS") or "").split() if w.startswith("-O")]
    return flags[-1] if flags else "its defaults"


def _write(out: str, md: List[str], notes: List[str], cc: str, numba_v: Optional[str],
           versions: Dict[str, str]) -> None:
    load = " ".join("%.2f" % x for x in os.getloadavg())
    tools = ["CPython %s" % sys.version.split()[0]]
    if numba_v:
        tools.append("Numba %s" % numba_v)
    if "mypyc" in versions:
        tools.append("mypyc (mypy %s)" % versions["mypyc"])
    if "cython" in versions:
        tools.append("Cython %s" % versions["cython"])
    if cc:
        tools.append(cc)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Issue 4's kernels: ours against CPython, Numba, mypyc, Cython and C\n\n")
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        f.write("Written by `bench/bench_kernels.py --out %s` on %s UTC (load average %s), "
                "with %s.\n\n" % (out, stamp, load, ", ".join(tools)))
        cores = os.cpu_count() or 1
        if os.getloadavg()[0] > cores:
            f.write("The load average was above the %d cores: the machine was shared while "
                    "measuring, so the figures are noisy (rerun on a quiet machine before "
                    "quoting a ratio).\n\n" % cores)
        f.write("Each figure is the best time of one call over %d rounds that take the backends "
                "in turn. *ours* is the program compiled to WebAssembly by default, *ours "
                "optimize=True* with `optimize=True`; the ratios give both (default, optimize), "
                "below 1 means ours is faster. The peers: Numba runs the generated Python "
                "fallback under `numba.njit`; mypyc compiles the typed Python of "
                "`bench/harness/typed/kernels.py`; Cython builds its cdef twin "
                "`bench/harness/typed/kernels.pyx` with Cython's default directives (both built "
                "with this Python's sysconfig compiler flags, %s here); C is "
                "`bench/harness/c` at `gcc -O2`, natural C (no attribute on the kernel, called "
                "through a volatile function pointer). CPython runs a smaller argument where "
                "the full one would take seconds (no ratio is drawn from it).\n\n" % (ROUNDS, _opt_level()))
        f.write("\n".join(md) + "\n")
        if notes:
            f.write("\n" + "\n".join("- " + n for n in notes) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
