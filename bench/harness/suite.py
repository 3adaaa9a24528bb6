"""Running the suite: every workload, every backend, one process.

For each workload the harness picks the form the WebAssembly column can
run (the list functions once they compile, else the scalar driver), runs
each backend over the sizes from small to large, extrapolates the sizes
that would exceed the cap, measures a sweep of small sizes on WebAssembly
and CPython for the break-even point, and checks that every backend gave
the same value for every size it ran.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import timeit
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from multilingualprogramming import _native_loader
from . import ckernels as _ckernels
from . import numba_jit as _numba
from .timing import Measurement, break_even, format_seconds, measure, predict
from .workloads import WORKLOADS, Size, Workload

#: The columns, in the order of the tables.
BACKENDS: Tuple[str, ...] = ("wasm", "wasm_driver", "cpython", "reference", "numba", "c")

#: Column headers.
LABELS: Dict[str, str] = {
    "wasm": "WebAssembly",
    "wasm_driver": "WebAssembly, driver",
    "cpython": "CPython",
    "reference": "NumPy/stdlib",
    "numba": "Numba",
    "c": "C -O2",
}

Thunk = Callable[[], Any]


@dataclass
class Cell:
    """One measurement: a backend at a size."""

    seconds: Optional[float] = None
    value: Any = None
    extrapolated: bool = False
    runs: int = 0
    note: str = ""
    error: str = ""

    @property
    def measured(self) -> bool:
        """Whether the backend ran at this size and returned a value."""
        return self.seconds is not None and not self.extrapolated and not self.error


@dataclass
class WorkloadRun:
    """What the suite found for one workload."""

    workload: Workload
    mode: str = "scalar"
    mode_note: str = ""
    columns: Dict[str, str] = field(default_factory=dict)       # backend -> what runs
    unavailable: Dict[str, str] = field(default_factory=dict)   # backend -> why not
    cells: Dict[str, Dict[Size, Cell]] = field(default_factory=dict)
    sweep: Dict[str, Dict[Size, Cell]] = field(default_factory=dict)
    first_call: Dict[str, float] = field(default_factory=dict)
    mismatches: List[str] = field(default_factory=list)
    break_even: Optional[Tuple[str, Optional[Size]]] = None
    seconds_spent: float = 0.0

    def cell(self, backend: str, size: Size) -> Cell:
        """The cell of backend at size (an empty one when it did not run)."""
        return self.cells.get(backend, {}).get(size, Cell())


@dataclass
class Options:
    """What to run and how long to wait."""

    quick: bool = False
    out: str = "bench"
    workloads: Tuple[str, ...] = ()
    backends: Tuple[str, ...] = BACKENDS
    cap_python: float = 20.0
    cap: float = 30.0
    budget: float = 1.0
    chart: bool = True


@dataclass
class Suite:
    """The whole run: options, per-workload results, call overheads."""

    options: Options
    command: str
    started: float
    runs: List[WorkloadRun] = field(default_factory=list)
    overheads: List[Tuple[str, Optional[float], str]] = field(default_factory=list)
    c_version: str = ""
    c_unavailable: str = ""
    numba_version: Optional[str] = None
    elapsed: float = 0.0
    load_start: str = ""
    load_end: str = ""

    @property
    def mismatches(self) -> List[str]:
        """Every disagreement between backends, over all workloads."""
        return [m for r in self.runs for m in r.mismatches]


# ---- programs ----

_programs: Dict[Tuple[str, str], Any] = {}


def load_program(w: Workload) -> Any:
    """The Program of workload w: the shipped corpus build, or the corpus
    source with w's drivers appended, compiled (optimized) here."""
    from multilingualprogramming import _corpus
    from multilingualprogramming import compile_source
    key = (w.program, w.extra_source)
    prog = _programs.get(key)
    if prog is not None:
        return prog
    if not w.extra_source:
        prog = _corpus.load(w.program)
    else:
        path = _corpus.sources()[w.program]
        with open(path, encoding="utf-8") as f:
            source = f.read()
        language = w.program.rsplit(".", 1)[-1]
        prog = compile_source(source + w.extra_source, language=language, filename=path,
                              optimize=True)
    _programs[key] = prog
    return prog


def choose_mode(w: Workload, prog: Any) -> Tuple[str, str]:
    """("list", why) when w's list functions compile and can run, else
    ("scalar", why)."""
    lv = w.list_variant
    if lv is None:
        return "scalar", "the corpus function takes and returns scalars"
    if _native_loader.native is None:
        return "scalar", "no native extension (%s)" % _native_loader.native_reason_code
    missing = [n for n in lv.functions if not prog.functions[n].compilable]
    if not missing:
        return "list", ("%s compiled: lists cross the bridge, and the WebAssembly time "
                        "includes copying them in and out" % ", ".join(lv.functions))
    reason = prog.functions[missing[0]].reason
    return "scalar", ("%s not compiled (%s): the scalar benchmark wrapper %s runs on every "
                      "backend instead" % (", ".join(missing), reason, w.driver))


# ---- backends ----

def _thunks(run: WorkloadRun, prog: Any, backend: str,
            jitted: Dict[str, Any]) -> Optional[Callable[[Size], Thunk]]:
    """A factory of zero-argument calls for one backend, or None."""
    w = run.workload
    lv = w.list_variant
    if backend in ("wasm", "wasm_driver", "cpython"):
        # Backend.WASM callables of the Program, or the generated Python functions.
        get: Callable[[str], Callable[..., Any]] = (
            prog.python_function if backend == "cpython" else (lambda name: wasm_callable(prog, name)))
        if run.mode == "list" and lv is not None and backend != "wasm_driver":
            funcs = {n: get(n) for n in lv.functions}
            lookup = funcs.__getitem__

            def list_thunk(size: Size) -> Thunk:
                data = lv.prepare(size)
                return lambda: lv.run(lookup, *data)
            return list_thunk
        driver = get(w.driver)

        def scalar_thunk(size: Size) -> Thunk:
            args = w.args(size)
            return lambda: driver(*args)
        return scalar_thunk
    if backend == "numba":
        fn = jitted[w.driver]

        def numba_thunk(size: Size) -> Thunk:
            args = w.args(size)
            return lambda: _numba.quiet(fn, *args)
        return numba_thunk
    if backend == "reference" and w.reference is not None:
        ref = w.reference[1]

        def ref_thunk(size: Size) -> Thunk:
            return lambda: ref(size)
        return ref_thunk
    return None


def wasm_callable(prog: Any, name: str) -> Callable[..., Any]:
    """The Program's Backend.WASM callable for name: what ``prog.call(name,
    ..., backend=Backend.WASM)`` calls, without that method's lookup per
    call. A call that WebAssembly cannot complete raises instead of
    silently re-running in Python, so every WebAssembly time is one."""
    from multilingualprogramming import Backend
    cached = getattr(prog, "_callable", None)
    if cached is not None:
        return cached(name, Backend.WASM)  # type: ignore[no-any-return]

    def call(*args: Any) -> Any:
        return prog.call(name, *args, backend=Backend.WASM)
    return call


def _describe(run: WorkloadRun, backend: str) -> str:
    w = run.workload
    if backend == "wasm":
        if run.mode == "list" and w.list_variant is not None:
            return "%s through the Program (Backend.WASM), lists copied in and out" % (
                ", ".join(w.list_variant.functions))
        return "%s through the Program (Backend.WASM)" % w.driver
    if backend == "wasm_driver":
        return ("the scalar driver %s through the Program: builds its data in WebAssembly, "
                "no list crosses the bridge" % w.driver)
    if backend == "cpython":
        if run.mode == "list" and w.list_variant is not None:
            return "the generated Python of %s on lists built beforehand" % (
                ", ".join(w.list_variant.functions))
        return "the generated Python fallback of %s" % w.driver
    if backend == "numba":
        return "numba.njit of the generated Python (%s and its callees)" % w.driver
    if backend == "reference" and w.reference is not None:
        return w.reference[0]
    if backend == "c" and w.c_kernel is not None:
        note = "; " + w.c_note if w.c_note else ""
        return "bench/harness/c/%s.c%s" % (w.c_kernel.stem, note)
    return ""


def _caps(options: Options, backend: str) -> float:
    return options.cap_python if backend == "cpython" else options.cap


def _run_sizes(run: WorkloadRun, backend: str, sizes: Sequence[Size], options: Options,
               timer: Callable[[Size], Measurement], prog: Any) -> Dict[Size, Cell]:
    """Time backend over sizes, small to large, extrapolating past the cap."""
    w = run.workload
    cells: Dict[Size, Cell] = {}
    last: Optional[Tuple[Size, float]] = None
    stop = ""
    for size in sizes:
        if stop:
            cells[size] = Cell(error=stop)
            continue
        if last is not None:
            guess = predict(w.cost, last[0], last[1], size)
            if guess > _caps(options, backend):
                cells[size] = Cell(seconds=guess, extrapolated=True,
                                   note="extrapolated from %s" % w.label(last[0]))
                continue
        try:
            m = timer(size)
        except MemoryError as exc:
            cells[size] = Cell(error="MemoryError: %s" % exc)
            stop = "not run: a smaller size ran out of memory"
            continue
        except Exception as exc:  # noqa: BLE001 - a failing backend is a finding, not a crash
            cells[size] = Cell(error="%s: %s" % (type(exc).__name__, str(exc)[:200]))
            continue
        cell = Cell(seconds=m.seconds, value=m.value, runs=m.runs)
        if prog is not None:
            report = prog.last_report
            if report.get("backend") != "wasm":
                # Not a WebAssembly time: keep it out of the tables and the checks.
                cell = Cell(error="ran on %s (%s) in %s" % (
                    report.get("backend"), report.get("reason"), format_seconds(m.seconds)))
                cells[size] = cell
                continue
        cells[size] = cell
        last = (size, m.seconds)
    return cells


def run_workload(w: Workload, options: Options, ckernels: _ckernels.CKernels,
                 log: Callable[[str], None]) -> WorkloadRun:
    """Every selected backend on workload w, then the checks."""
    started = time.perf_counter()
    run = WorkloadRun(w)
    sizes = w.sizes_for(options.quick)
    budget = options.budget
    try:
        prog = load_program(w)
    except Exception as exc:  # noqa: BLE001 - e.g. no compiler for the appended drivers
        prog = None
        reason = "%s: %s" % (type(exc).__name__, str(exc)[:200])
        run.mode_note = "the program could not be built (%s)" % reason
        for b in ("wasm", "wasm_driver", "cpython", "numba"):
            run.unavailable[b] = "program unavailable: " + reason
    if prog is not None:
        run.mode, run.mode_note = choose_mode(w, prog)
    jitted: Dict[str, Any] = {}
    for backend in options.backends:
        if backend in run.unavailable:
            continue
        if backend == "wasm_driver" and (run.mode != "list" or "wasm" in run.unavailable):
            continue  # the WebAssembly column already runs the driver
        if backend in ("wasm", "wasm_driver") and _native_loader.native is None:
            run.unavailable[backend] = "native extension unavailable (%s)" % (
                _native_loader.native_reason_code)
            continue
        if backend == "wasm" and prog is not None and run.mode == "scalar" \
                and not prog.functions[w.driver].compilable:
            run.unavailable[backend] = "%s is not compiled: %s" % (
                w.driver, prog.functions[w.driver].reason)
            continue
        if backend == "reference" and w.reference is None:
            run.unavailable[backend] = "no hand-written equivalent"
            continue
        if backend == "c":
            if w.c_kernel is None:
                run.unavailable[backend] = "no C kernel"
                continue
            ckernels.build([w.c_kernel.stem])
            if ckernels.error(w.c_kernel.stem):
                run.unavailable[backend] = ckernels.error(w.c_kernel.stem)
                continue
            kernel = w.c_kernel

            def c_timer(size: Size) -> Measurement:
                return ckernels.run(kernel.stem, kernel.args(size), kernel.parse, budget)
            log("  %s ..." % LABELS[backend])
            run.columns[backend] = _describe(run, backend)
            run.cells[backend] = _run_sizes(run, backend, sizes, options, c_timer, None)
            continue
        if backend == "numba":
            if _numba.numba_version() is None:
                run.unavailable[backend] = "numba does not import"
                continue
            try:
                jitted = _numba.jit_program(prog.python_source, w.program)
                t0 = time.perf_counter()
                _numba.quiet(jitted[w.driver], *w.args(sizes[0]))
                run.first_call[backend] = time.perf_counter() - t0
            except Exception as exc:  # noqa: BLE001 - Numba rejecting the code is a finding
                run.unavailable[backend] = "Numba cannot compile it: %s: %s" % (
                    type(exc).__name__, str(exc).splitlines()[0][:200] if str(exc) else "")
                continue
        factory = _thunks(run, prog, backend, jitted)
        if factory is None:
            continue
        if backend in ("wasm", "wasm_driver"):
            t0 = time.perf_counter()
            try:
                factory(sizes[0])()
            except Exception as exc:  # noqa: BLE001
                run.unavailable[backend] = "%s: %s" % (type(exc).__name__, str(exc)[:200])
                continue
            run.first_call[backend] = time.perf_counter() - t0
        log("  %s ..." % LABELS[backend])
        run.columns[backend] = _describe(run, backend)

        def timer(size: Size, factory: Callable[[Size], Thunk] = factory) -> Measurement:
            return measure(factory(size), budget)
        run.cells[backend] = _run_sizes(run, backend, sizes, options, timer,
                                        prog if backend.startswith("wasm") else None)
        sweep = w.sweep_for(options.quick)
        if sweep and backend in ("wasm", "cpython"):
            sweep_budget = min(budget, 0.2)

            def sweep_timer(size: Size, factory: Callable[[Size], Thunk] = factory) -> Measurement:
                return measure(factory(size), sweep_budget)
            run.sweep[backend] = _run_sizes(run, backend, sweep, options, sweep_timer,
                                            prog if backend == "wasm" else None)
    _verify(run)
    if w.sweep_for(options.quick):
        run.break_even = _break_even(run)
    run.seconds_spent = time.perf_counter() - started
    return run


def _verify(run: WorkloadRun) -> None:
    """Every backend that ran a size must have returned the same value."""
    w = run.workload
    sizes: set[Size] = set()
    for table in (run.cells, run.sweep):
        for cells in table.values():
            sizes.update(cells)
    for size in sorted(sizes, key=w.cost):
        seen: List[Tuple[str, Any]] = []
        for table in (run.cells, run.sweep):
            for backend, cells in table.items():
                cell = cells.get(size)
                if cell is not None and cell.measured:
                    seen.append((backend, cell.value))
        if not seen:
            continue
        first_backend, first = seen[0]
        for backend, value in seen[1:]:
            if not _same(value, first):
                run.mismatches.append("%s at %s: %s gave %r, %s gave %r" % (
                    w.title, w.label(size), LABELS[backend], value, LABELS[first_backend], first))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b) and type(a) is type(b)
    if isinstance(a, float) or isinstance(b, float):
        return float(a) == float(b)
    return bool(a == b)


def _break_even(run: WorkloadRun) -> Tuple[str, Optional[Size]]:
    w = run.workload
    fast: Dict[Size, Optional[float]] = {}
    slow: Dict[Size, Optional[float]] = {}
    for table in (run.sweep, run.cells):
        for size, cell in table.get("wasm", {}).items():
            if cell.measured:
                fast[size] = cell.seconds
        for size, cell in table.get("cpython", {}).items():
            if cell.measured:
                slow[size] = cell.seconds
    sizes = sorted(set(fast) | set(slow), key=w.cost)
    return break_even(sizes, fast, slow)


# ---- call overhead ----

def _per_call(stmt: str, globs: Dict[str, Any], quick: bool) -> float:
    # Many short batches: on a busy machine the best one is the call's cost.
    timer = timeit.Timer(stmt, globals=globs)
    number = 2000 if quick else 50_000
    return min(timer.repeat(repeat=3 if quick else 40, number=number)) / number


def call_overheads(options: Options) -> List[Tuple[str, Optional[float], str]]:
    """Per-call cost of tiny functions on each backend, in seconds."""
    from multilingualprogramming import _corpus
    from multilingualprogramming.runtime.backend_selector import BackendSelector
    rows: List[Tuple[str, Optional[float], str]] = []
    js = _corpus.load("json.es")
    num = _corpus.load("numeric.it")
    img = _corpus.load("image.ja")
    native = _native_loader.native is not None and "wasm" in options.backends
    if native:
        globs = {"zero": js.profundidad_maxima, "one": js.es_digito, "two": num.mcd,
                 "three": getattr(img, "輝度"), "num": num, "sel": BackendSelector()}
        for stmt, label in (
                ("zero()", "profundidad_maxima(): no arguments, returns 400"),
                ("one(48)", "es_digito(48): one int in, a bool out"),
                ("two(12, 18)", "mcd(12, 18): two ints, Euclid's loop"),
                ("three(10, 20, 30)", "輝度(10, 20, 30): three ints"),
                ("num.call('mcd', 12, 18)", "prog.call('mcd', 12, 18)"),
                ("sel.call_function('numeric_gcd', 12, 18)",
                 "BackendSelector().call_function('numeric_gcd', 12, 18), the guide's API")):
            try:
                seconds: Optional[float] = _per_call(stmt, globs, options.quick)
                note = ""
            except Exception as exc:  # noqa: BLE001
                seconds, note = None, "%s: %s" % (type(exc).__name__, exc)
            rows.append(("WebAssembly " + label, seconds, note))
        de = _corpus.load("crypto.de")
        if de.functions["adler32"].compilable:
            adler = wasm_callable(de, "adler32")
            data = [i % 256 for i in range(65536)]
            for stmt, label in (("adler([])", "adler32([]): an empty list in"),
                                ("adler(one)", "adler32([7]): a one-element list in")):
                rows.append(("WebAssembly " + label,
                             _per_call(stmt, {"adler": adler, "one": [7]}, options.quick), ""))
            m = measure(lambda: adler(data), 0.05 if options.quick else 0.5)
            rows.append(("WebAssembly adler32(65536 ints), per element", m.seconds / len(data),
                         "copying in and the Adler-32 loop"))
        for prog in (js, num, img):
            report = prog.last_report
            if report and report.get("backend") != "wasm":
                rows.append(("WebAssembly calls of %s" % prog.filename, None,
                             "ran on %s (%s)" % (report.get("backend"), report.get("reason"))))
    else:
        rows.append(("WebAssembly", None, "native extension unavailable (%s)"
                     % _native_loader.native_reason_code))
    pyglobs = {"zero": js.python_function("profundidad_maxima"),
               "two": num.python_function("mcd")}
    rows.append(("CPython profundidad_maxima() (generated Python)",
                 _per_call("zero()", pyglobs, options.quick), ""))
    rows.append(("CPython mcd(12, 18) (generated Python)",
                 _per_call("two(12, 18)", pyglobs, options.quick), ""))
    if "numba" in options.backends and _numba.numba_version() is not None:
        try:
            jitted = _numba.jit_program(num.python_source, "numeric.it overhead")
            jitted["mcd"](12, 18)
            rows.append(("Numba mcd(12, 18) (dispatcher)",
                         _per_call("two(12, 18)", {"two": jitted["mcd"]}, options.quick), ""))
        except Exception as exc:  # noqa: BLE001
            rows.append(("Numba mcd(12, 18)", None, "%s: %s" % (type(exc).__name__, exc)))
    return rows


# ---- entry point ----

PROG = "python bench/bench_corpus.py"


def parse_args(argv: Optional[Sequence[str]], prog: str = PROG) -> Options:
    """Options from the command line."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Run the corpus workloads on WebAssembly, CPython, NumPy/stdlib, Numba "
                    "and C side by side; write results.md and results.png.")
    p.add_argument("--quick", action="store_true",
                   help="tiny sizes and short timings (a smoke run of a few seconds)")
    p.add_argument("--out", default="bench", help="output directory (default: bench)")
    p.add_argument("--workloads", default="",
                   help="comma-separated subset of: " + ",".join(w.key for w in WORKLOADS))
    p.add_argument("--backends", default=",".join(BACKENDS),
                   help="comma-separated subset of: " + ",".join(BACKENDS))
    p.add_argument("--cap-python", type=float, default=None,
                   help="seconds above which a CPython size is extrapolated, not run (default 20)")
    p.add_argument("--cap", type=float, default=None,
                   help="the same for the other backends (default 30)")
    p.add_argument("--budget", type=float, default=None,
                   help="seconds spent repeating one cell for its best time (default 1)")
    p.add_argument("--no-chart", action="store_true", help="skip results.png")
    a = p.parse_args(list(argv) if argv is not None else None)
    keys = [w.key for w in WORKLOADS]
    workloads = tuple(k for k in a.workloads.split(",") if k)
    for k in workloads:
        if k not in keys:
            p.error("unknown workload %r (known: %s)" % (k, ", ".join(keys)))
    backends = tuple(b for b in a.backends.split(",") if b)
    for b in backends:
        if b not in BACKENDS:
            p.error("unknown backend %r (known: %s)" % (b, ", ".join(BACKENDS)))
    quick = bool(a.quick)
    return Options(
        quick=quick, out=a.out, workloads=workloads,
        backends=tuple(b for b in BACKENDS if b in backends),
        cap_python=a.cap_python if a.cap_python is not None else (0.5 if quick else 20.0),
        cap=a.cap if a.cap is not None else (0.5 if quick else 30.0),
        budget=a.budget if a.budget is not None else (0.02 if quick else 1.0),
        chart=not a.no_chart)


def _command(argv: Optional[Sequence[str]], prog: str) -> str:
    """The command line as typed (sys.orig_argv), or prog and argv."""
    import shlex
    orig = getattr(sys, "orig_argv", None)
    if argv is None and orig:
        return shlex.join(orig)
    return " ".join([prog, shlex.join(list(argv or []))]).strip()


def load_average() -> str:
    """The system's load averages, or "" where the OS has none."""
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except (AttributeError, OSError):
        return ""


def run_suite(options: Options, command: str, log: Callable[[str], None]) -> Suite:
    """Run everything the options select."""
    suite = Suite(options=options, command=command, started=time.time())
    suite.load_start = load_average()
    t0 = time.perf_counter()
    ckernels = _ckernels.CKernels()
    suite.c_version = ckernels.version
    suite.c_unavailable = ckernels.unavailable
    suite.numba_version = _numba.numba_version() if "numba" in options.backends else None
    try:
        log("call overhead ...")
        suite.overheads = call_overheads(options)
        for w in WORKLOADS:
            if options.workloads and w.key not in options.workloads:
                continue
            log("%s ..." % w.title)
            suite.runs.append(run_workload(w, options, ckernels, log))
    finally:
        ckernels.close()
    suite.elapsed = time.perf_counter() - t0
    suite.load_end = load_average()
    return suite


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the benchmark suite; write results.md (and results.png) into
    --out. Returns 0, or 1 when two backends disagreed on a value.

    ``argv`` defaults to sys.argv[1:]."""
    from . import report as _report
    options = parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    suite = run_suite(options, _command(argv, PROG), log)
    os.makedirs(options.out, exist_ok=True)
    md_path = os.path.join(options.out, "results.md")
    png_path = os.path.join(options.out, "results.png")
    chart_note = ""
    if options.chart:
        from . import chart as _chart
        chart_note = _chart.write_chart(suite, png_path)
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(_report.render(suite, os.path.basename(png_path) if not chart_note else "",
                               chart_note))
    log("wrote %s%s (%.0f s)" % (md_path, "" if chart_note or not options.chart else
                                 " and " + png_path, suite.elapsed))
    for m in suite.mismatches:
        log("MISMATCH: " + m)
    return 1 if suite.mismatches else 0
