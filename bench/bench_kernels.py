"""The kernel table (make bench-py): ours against CPython, Numba, mypyc,
Cython and C, every kernel as its users would write it.

The kernels: fib(30) recursive, the nested loops, the 200x200 float matrix
product, the sieve of 10^6 and the guide's loop (expensive_operation) at
n=1000 and n=3000, from core/wasmgen/testdata/bench; the string hash
``h = (h*31 + ord(c)) % 2**32`` over a 1 MiB str (ASCII, and a variant
with a non-ASCII character in every 8) and Mandelbrot 200x200 with limit
100, and the list walk (fill a list of 10^5 ints by append, then ten
passes of ``for x in a`` and of ``while i < len(a)``), from
bench/harness/kernels; and the corpus's str kernels, text_hash
and xor_text of corpus/crypto/crypto.de.multi, called on the corpus
program. Strings are built before any timing starts.

Each program is compiled twice, by default (optimized) and with
``optimize=False``, and called through the Python package; the generated
Python fallback runs on CPython (at a smaller argument where the full one
takes seconds: its answer there is the oracle both of ours agree with);
the same fallback under numba.njit; the typed Python of bench/harness/typed
compiled by mypyc and its cdef twin built by Cython (at bench time, in a
temporary directory); and the natural C of bench/harness/c (gcc -O2, input
from argv, called through a volatile function pointer). A missing tool
leaves its column empty with a note. Each round takes every backend in turn
and each keeps its best time over ROUNDS rounds, so that the ratios
compare figures measured side by side. A second table gives the compile
time of every program, optimized and not, measured interleaved.

    bench_kernels.py [--out FILE.md] [--only ROW[,ROW]] [--note TEXT]

``--note`` adds a sentence about the run to the file (what else the
machine was doing).
"""

from __future__ import annotations

import os
import sys
import sysconfig
import time
import timeit
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

import multilingualprogramming as mp
from multilingualprogramming import _native_loader
from harness import numba_jit
from harness.ckernels import CKernels
from harness.peers import CompiledPeers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KERNELS = os.path.join(ROOT, "core", "wasmgen", "testdata", "bench")
OWN_KERNELS = os.path.join(HERE, "harness", "kernels")
CORPUS = os.path.join(ROOT, "python", "multilingualprogramming", "corpus")
CRYPTO = os.path.join(CORPUS, "crypto", "crypto.de.multi")

MIB = 1 << 20
XOR_KEY = "Geheimnis"


def make_text(n: int, mixed: bool) -> str:
    """The n-character str of the string kernels, as bench/harness/c/strhash.c
    builds it: code point 32 + (i*7) % 95 at i, and with ``mixed`` the
    non-ASCII 0xA0 + (i*7919) % 0x2F60 at every 8th place instead."""
    return "".join(chr(0xA0 + (i * 7919) % 0x2F60) if mixed and i % 8 == 0
                   else chr(32 + (i * 7) % 95) for i in range(n))


def _code_point_sum(text: str) -> int:
    """What bench/harness/c/xor_text.c prints for its result."""
    return sum(map(ord, text))


def _same(value: Any) -> Any:
    return value


class Case(NamedTuple):
    """One row of the table: a kernel of a program at one argument."""

    row: str                               # the kernel column
    source: str                            # the program
    name: str                              # the function, here and in the typed twins
    args: Callable[[], Tuple[Any, ...]]    # built before the timing
    show: str                              # the argument column
    py_args: Optional[Callable[[], Tuple[Any, ...]]]  # CPython's smaller one, or None
    py_show: str                           # how that one reads ("" when the same)
    c: str                                 # the C program of bench/harness/c
    c_argv: Tuple[str, ...]                # its arguments (the repeat count follows)
    parse: Callable[[str], Any] = int      # reads C's printed result
    digest: Callable[[Any], Any] = _same   # our result as C prints it


def _bench(name: str) -> str:
    return os.path.join(KERNELS, name + ".en.ml")


def _own(name: str) -> str:
    return os.path.join(OWN_KERNELS, name + ".en.ml")


def _text_case(row: str, source: str, name: str, n: int, mixed: bool, c: str, py_n: int,
               key: bool = False) -> Case:
    variant = "mixed" if mixed else "ascii"
    extra: Tuple[str, ...] = (XOR_KEY,) if key else ()
    size = "%d KiB" % (n // 1024) if n < MIB else "%d MiB" % (n // MIB)
    show = "%s %s" % (size, "ASCII" if not mixed else "1/8 non-ASCII")
    return Case(row, source, name, lambda: (make_text(n, mixed),) + extra, show,
                None if py_n == n else (lambda: (make_text(py_n, mixed),) + extra),
                "" if py_n == n else "%d KiB" % (py_n // 1024), c, (str(n), variant) + extra,
                int, _code_point_sum if key else _same)


CASES: List[Case] = [
    Case("fib", _bench("fib"), "fib", lambda: (30,), "30", lambda: (25,), "25", "fib", ("30",)),
    Case("nested loops", _bench("loops"), "loops", lambda: (3000,), "3000", lambda: (300,), "300",
         "loops", ("3000",)),
    Case("matmul", _bench("matmul"), "matmul", lambda: (200,), "200", lambda: (60,), "60",
         "matmul", ("200",), float),
    Case("sieve", _bench("sieve"), "sieve", lambda: (1000000,), "1000000", None, "", "sieve",
         ("1000000",)),
    Case("expensive", _bench("expensive"), "expensive", lambda: (1000,), "1000", lambda: (300,),
         "300", "expensive", ("1000",)),
    Case("expensive", _bench("expensive"), "expensive", lambda: (3000,), "3000", lambda: (300,),
         "300", "expensive", ("3000",)),
    Case("list walk", _own("listwalk"), "listwalk", lambda: (100000,), "100000", lambda: (20000,),
         "20000", "listwalk", ("100000",)),
    Case("mandelbrot", _own("mandel"), "mandel", lambda: (200, 200, 100), "200x200, 100",
         lambda: (60, 60, 100), "60x60", "mandel", ("200", "200", "100")),
    _text_case("str hash", _own("strhash"), "strhash", MIB, False, "strhash", 64 * 1024),
    _text_case("str hash", _own("strhash"), "strhash", MIB, True, "strhash", 64 * 1024),
    _text_case("corpus text_hash", CRYPTO, "text_hash", MIB, False, "strhash", 64 * 1024),
    _text_case("corpus text_hash", CRYPTO, "text_hash", MIB, True, "strhash", 64 * 1024),
    _text_case("corpus xor_text", CRYPTO, "xor_text", 64 * 1024, False, "xor_text", 64 * 1024,
               key=True),
    _text_case("corpus xor_text", CRYPTO, "xor_text", 64 * 1024, True, "xor_text", 64 * 1024,
               key=True),
]


def best_of(fn: Callable[[], Any], budget: float = 0.3) -> float:
    """The best time of one call of fn, over about ``budget`` seconds."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    number = max(1, int(budget / max(once, 1e-6) / 3))
    return min(once, min(timeit.repeat(fn, number=number, repeat=3)) / number)


ROUNDS = 5
PEERS = ("numba", "mypyc", "cython", "c")
PEER_TITLES = {"numba": "Numba", "mypyc": "mypyc", "cython": "Cython", "c": "C -O2"}
HEADER = ["kernel", "argument", "ours", "ours optimize=False", "CPython", "Numba", "mypyc",
          "Cython", "C -O2", "ours / C", "ours / best peer"]


def _agrees(got: Any, want: Any) -> bool:
    """got equals want; floats within 1e-9 relative (C may round a sum
    differently from the same operations in another order)."""
    if isinstance(want, float) or isinstance(got, float):
        return bool(got == want or abs(got - want) <= 1e-9 * abs(want))
    return bool(got == want)


def best_peer(times: Dict[str, float]) -> Tuple[str, float]:
    """The fastest of the compilers of Python measured in times (Numba,
    mypyc, Cython: C has its own ratio) as (name, seconds), or ("", nan)
    when none was."""
    got = [(times[p], p) for p in PEERS if p in times and p != "c"]
    if not got:
        return "", float("nan")
    seconds, peer = min(got)
    return peer, seconds


def _ms(times: Dict[str, float], key: str) -> str:
    return "%.3f ms" % (times[key] * 1e3) if key in times else "-"


def _ratio(a: float, b: float) -> str:
    return "%.2fx" % (a / b) if b == b and b > 0 else "-"


class Programs:
    """Each source compiled once per optimize flag, and its Numba copy."""

    def __init__(self, numba: bool) -> None:
        self.numba = numba
        self._progs: Dict[Tuple[str, bool], mp.Program] = {}
        self._jits: Dict[str, Dict[str, Callable[..., Any]]] = {}

    def get(self, source: str, optimize: bool) -> mp.Program:
        """The program of source, compiled with optimize."""
        key = (source, optimize)
        if key not in self._progs:
            self._progs[key] = mp.compile_file(source, optimize=optimize)
        return self._progs[key]

    def jitted(self, source: str, name: str) -> Callable[..., Any]:
        """numba.njit of function name of the generated fallback of source."""
        if source not in self._jits:
            self._jits[source] = numba_jit.jit_program(self.get(source, True).python_source,
                                                       os.path.basename(source))
        return self._jits[source][name]


def run_case(case: Case, programs: Programs, peers: CompiledPeers, ck: CKernels,
             rounds: int = ROUNDS) -> Dict[str, float]:
    """Every backend's best time on case, side by side; AssertionError when
    one disagrees (ours with CPython on the small argument, every peer with
    ours on the full one)."""
    args = case.args()
    py_args = case.py_args() if case.py_args is not None else args
    ours = getattr(programs.get(case.source, True), case.name)
    ours_off = getattr(programs.get(case.source, False), case.name)
    py_fn = programs.get(case.source, True).python_function(case.name)
    oracle = py_fn(*py_args)
    for label, fn in (("ours", ours), ("ours optimize=False", ours_off)):
        if fn(*py_args) != oracle:
            raise AssertionError("%s %s%r = %r, CPython %r"
                                 % (label, case.name, py_args, fn(*py_args), oracle))
    want = ours(*args)
    calls: List[Tuple[str, Callable[[], Any]]] = [
        ("ours", lambda: ours(*args)), ("ours_off", lambda: ours_off(*args)),
        ("cpython", lambda: py_fn(*py_args))]
    if programs.numba:
        jit = programs.jitted(case.source, case.name)
        calls.append(("numba", lambda: numba_jit.quiet(jit, *args)))
    for peer in ("mypyc", "cython"):
        fn = peers.function(peer, case.name)
        if fn is not None:
            calls.append((peer, (lambda f: lambda: f(*args))(fn)))
    for label, fn in calls:
        if label != "cpython" and not _agrees(fn(), want):
            raise AssertionError("%s %s: %r, ours %r" % (label, case.row, fn(), want))
    times: Dict[str, float] = {}
    for _ in range(rounds):
        for label, fn in calls:
            t = best_of(fn)
            times[label] = min(times.get(label, t), t)
        if not ck.error(case.c):
            m = ck.run(case.c, list(case.c_argv), case.parse, 0.3)
            if not _agrees(m.value, case.digest(want)):
                raise AssertionError("C %s %s = %r, ours %r"
                                     % (case.c, case.c_argv, m.value, case.digest(want)))
            times["c"] = min(times.get("c", m.seconds), m.seconds)
    return times


def row_cells(case: Case, times: Dict[str, float]) -> List[str]:
    """The table's cells for case."""
    peer, peer_s = best_peer(times)
    cpy = "%.1f ms" % (times["cpython"] * 1e3)
    if case.py_show:
        cpy += " at %s" % case.py_show  # a smaller size: no ratio
    cells = [case.row, case.show, _ms(times, "ours"), _ms(times, "ours_off"), cpy]
    cells += [_ms(times, k) for k in PEERS]
    cells.append(_ratio(times["ours"], times.get("c", float("nan"))))
    cells.append("%s (%s)" % (_ratio(times["ours"], peer_s), PEER_TITLES.get(peer, "-")))
    return cells


def compile_times(sources: Sequence[str], rounds: int = 15) -> List[Tuple[str, float, float, int]]:
    """(source, best ms optimized, best ms with optimize=False, functions
    compiled to WebAssembly) for each source, both compiles interleaved."""
    out = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        best = {True: float("inf"), False: float("inf")}
        for _ in range(rounds):
            for optimize in (True, False):
                start = time.perf_counter()
                prog = mp.compile_source(text, filename=path, optimize=optimize)
                best[optimize] = min(best[optimize], time.perf_counter() - start)
        compiled = sum(1 for fi in prog.functions.values() if fi.compilable)
        out.append((path, best[True] * 1e3, best[False] * 1e3, compiled))
    return out


def corpus_sources() -> List[str]:
    """Every .multi program of the corpus."""
    found = []
    for folder, _, names in os.walk(CORPUS):
        found += [os.path.join(folder, n) for n in names if n.endswith(".multi")]
    return sorted(found)


def compile_table(rows: List[Tuple[str, float, float, int]]) -> List[str]:
    """The compile-time table as markdown lines, with a total."""
    md = ["| program | compiled functions | optimized (default) | optimize=False | ratio |",
          "|---|---|---|---|---|"]
    for path, on, off, compiled in rows:
        md.append("| %s | %d | %.2f ms | %.2f ms | %.2fx |" % (
            os.path.relpath(path, ROOT), compiled, on, off, on / off))
    on = sum(r[1] for r in rows)
    off = sum(r[2] for r in rows)
    if rows:    # (a run of --only corpus rows compiles no kernel source)
        md.append("| total | %d | %.2f ms | %.2f ms | %.2fx |"
                  % (sum(r[3] for r in rows), on, off, on / off))
    return md


def main(argv: List[str]) -> None:
    out = None
    only: Optional[List[str]] = None
    note = ""
    rest = list(argv)
    while rest:
        if rest[0] == "--out" and len(rest) > 1:
            out = rest[1]
        elif rest[0] == "--only" and len(rest) > 1:
            only = rest[1].split(",")
        elif rest[0] == "--note" and len(rest) > 1:
            note = rest[1]
        else:
            sys.exit("usage: bench_kernels.py [--out FILE.md] [--only ROW[,ROW]] [--note TEXT]")
        rest = rest[2:]
    if _native_loader.native is None:
        sys.exit("the native extension is not available: %s" % _native_loader.native_reason)
    cases = [c for c in CASES if only is None or c.row in only or c.name in only]
    load_before = os.getloadavg()
    notes: List[str] = []
    ck = CKernels()
    ck.build(sorted({c.c for c in cases}))
    if ck.unavailable:
        notes.append(ck.unavailable)
    numba_v = numba_jit.numba_version()
    if numba_v is None:
        notes.append("numba is not installed: no Numba column")
    print("building the mypyc and Cython peers ...", flush=True)
    peers = CompiledPeers()
    peers.build(["mypyc", "cython"])
    notes.extend(peers.notes.values())
    programs = Programs(numba_v is not None)
    md = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    fmt = "%-17s %-20s %10s %10s %17s %10s %10s %10s %10s  %-7s %s"
    print(fmt % tuple(["kernel", "argument", "ours", "ours -O0", "CPython", "Numba", "mypyc",
                       "Cython", "C", "ours/C", "ours/best peer"]))
    for case in cases:
        cells = row_cells(case, run_case(case, programs, peers, ck))
        print(fmt % tuple(cells), flush=True)
        md.append("| " + " | ".join(cells) + " |")
    ck.close()
    peers.close()
    sources = sorted({c.source for c in cases if c.source != CRYPTO})
    print("compile times (best of 15, interleaved) ...", flush=True)
    kernel_times = compile_table(compile_times(sources))
    corpus_times = compile_table(compile_times(corpus_sources(), rounds=7))
    print("\n".join(kernel_times + [""] + corpus_times))
    for note in notes:
        print("note: " + note)
    if out is not None:
        _write(out, md, kernel_times, corpus_times, notes, ck.version, numba_v, peers.versions,
               load_before, note)
        print("wrote %s" % out)


def _opt_level() -> str:
    """The -O flag of this Python's sysconfig CFLAGS (what setuptools gives
    the mypyc and Cython builds), or "its defaults"."""
    flags = [w for w in (sysconfig.get_config_var("CFLAGS") or "").split() if w.startswith("-O")]
    return flags[-1] if flags else "its defaults"


def _write(out: str, md: List[str], kernel_times: List[str], corpus_times: List[str],
           notes: List[str], cc: str, numba_v: Optional[str], versions: Dict[str, str],
           load_before: Tuple[float, float, float], note: str = "") -> None:
    load = " ".join("%.2f" % x for x in load_before) + " at the start, " + \
        " ".join("%.2f" % x for x in os.getloadavg()) + " at the end"
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
        f.write("# The kernel table: ours against CPython, Numba, mypyc, Cython and C\n\n")
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        f.write("Written by `bench/bench_kernels.py --out %s` on %s UTC (load average %s), "
                "with %s.\n\n" % (out, stamp, load, ", ".join(tools)))
        cores = os.cpu_count() or 1
        if max(load_before[0], os.getloadavg()[0]) > cores / 2:
            f.write("The machine (%d cores) was shared while measuring: the figures are noisy, "
                    "rerun on a quiet machine before quoting a ratio.%s\n\n"
                    % (cores, " " + note if note else ""))
        elif note:
            f.write(note + "\n\n")
        f.write("Each figure is the best time of one call over %d rounds that take the backends "
                "in turn. *ours* is the program compiled to WebAssembly by default (optimized), "
                "*ours optimize=False* without the optimization passes; the ratios are the "
                "default's, below 1 means ours is faster; the best peer is the fastest of Numba, "
                "mypyc and Cython. The peers: Numba runs the generated "
                "Python fallback under `numba.njit`; mypyc compiles the typed Python of "
                "`bench/harness/typed/kernels.py`; Cython builds its cdef twin "
                "`bench/harness/typed/kernels.pyx` with Cython's default directives (both built "
                "with this Python's sysconfig compiler flags, %s here); C is `bench/harness/c` "
                "at `gcc -O2`, natural C (no attribute on the kernel, input from argv, called "
                "through a volatile function pointer). Strings are built before the timing "
                "(in C as `char` for ASCII, as `uint32_t` code points otherwise; C's "
                "xor_text frees the previous result inside the timing, as ours and Python "
                "free theirs). CPython runs a smaller argument where the full one would take "
                "seconds (no ratio is drawn from it); its answer there is the oracle both of "
                "ours are checked against, and every peer must give ours's answer on the full "
                "argument.\n\n" % (ROUNDS, _opt_level()))
        f.write("\n".join(md) + "\n")
        f.write("\n## Compile time\n\nThe best of interleaved `compile_source` calls (no disk "
                "cache), optimized and not, per program: the kernels above, then the corpus.\n\n")
        f.write("\n".join(kernel_times) + "\n\n" + "\n".join(corpus_times) + "\n")
        if notes:
            f.write("\n" + "\n".join("- " + n for n in notes) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
