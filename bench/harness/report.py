"""results.md: the machine, the headline figures and every table.

Each workload gets one table, a row per size and a column per backend.
A cell holds the best time, then two ratios: how many times faster than
CPython (the generated Python fallback) and how many times the time of C.
Extrapolated times carry a ``~`` and were not run; their values were not
checked.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
from typing import Any, Dict, List, Optional, Tuple

from .suite import BACKENDS, LABELS, Cell, Suite, WorkloadRun
from .timing import format_ratio, format_seconds
from .workloads import Size

GUIDE_CALL_OVERHEAD = 31e-6  # seconds, as the guide states it


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def cpu_model() -> str:
    """The CPU model from /proc/cpuinfo, else what platform knows."""
    for line in _read("/proc/cpuinfo").splitlines():
        if line.lower().startswith(("model name", "hardware", "cpu model")):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def memory_total() -> str:
    """Physical memory from /proc/meminfo, or ""."""
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            kib = int(line.split()[1])
            return "%.1f GiB" % (kib / 1024 / 1024)
    return ""


def _version(module: str) -> str:
    try:
        return str(importlib.import_module(module).__version__)
    except Exception:  # noqa: BLE001 - not installed
        return "not installed"


def machine_rows(suite: Suite) -> List[Tuple[str, str]]:
    """(what, value) rows describing where the suite ran."""
    from multilingualprogramming import __version__, _native_loader
    rows = [
        ("CPU", cpu_model()),
        ("cores", str(os.cpu_count() or "?")),
    ]
    mem = memory_total()
    if mem:
        rows.append(("memory", mem))
    rows += [
        ("system", platform.platform()),
        ("Python", "%s %s" % (platform.python_implementation(), platform.python_version())),
        ("multilingualprogramming", __version__),
        ("native extension", "loaded" if _native_loader.native is not None
         else "unavailable (%s)" % _native_loader.native_reason_code),
        ("NumPy", _version("numpy")),
        ("Numba", suite.numba_version or _version("numba")),
        ("C compiler", suite.c_version or suite.c_unavailable or "?"),
        ("load average (1, 5, 15 min)", "%s at the start, %s at the end" % (
            suite.load_start or "?", suite.load_end or "?")),
    ]
    return rows


def _ratio_text(cell: Cell, cpython: Optional[float], c: Optional[float]) -> str:
    if cell.seconds is None:
        return ""
    speed = cpython / cell.seconds if cpython else None
    vs_c = cell.seconds / c if c else None
    return "%s / %s" % (format_ratio(speed), format_ratio(vs_c))


def _cell_text(cell: Cell, cpython: Optional[float], c: Optional[float]) -> str:
    if cell.error:
        short = cell.error.split(":", 1)[0]
        if cell.error.startswith("not run"):
            short = "not run"
        return short
    if cell.seconds is None:
        return ""
    mark = "~" if cell.extrapolated else ""
    text = mark + format_seconds(cell.seconds)
    ratios = _ratio_text(cell, cpython, c)
    if ratios:
        text += "<br>" + ratios
    if cell.note and not cell.extrapolated:
        text += " (%s)" % cell.note
    return text


def _time_of(run: WorkloadRun, backend: str, size: Size) -> Optional[float]:
    cell = run.cell(backend, size)
    return cell.seconds if not cell.error else None


def _workload_table(run: WorkloadRun, backends: Tuple[str, ...]) -> List[str]:
    w = run.workload
    cols = [b for b in backends if b in run.cells]
    lines = ["| size | " + " | ".join(LABELS[b] for b in cols) + " |",
             "|---|" + "---|" * len(cols)]
    sizes = sorted({s for b in cols for s in run.cells[b]}, key=w.cost)
    for size in sizes:
        cpy = _time_of(run, "cpython", size)
        c = _time_of(run, "c", size)
        cells = [_cell_text(run.cell(b, size), cpy, c) for b in cols]
        lines.append("| %s | %s |" % (w.label(size), " | ".join(cells)))
    return lines


def _headline_size(run: WorkloadRun) -> Optional[Size]:
    """The largest size at which WebAssembly was measured."""
    w = run.workload
    sizes = [s for s, cell in run.cells.get("wasm", {}).items() if cell.measured]
    if not sizes:
        sizes = [s for s, cell in run.cells.get("cpython", {}).items() if cell.measured]
    return max(sizes, key=w.cost) if sizes else None


def _break_even_text(run: WorkloadRun) -> str:
    if run.break_even is None:
        return ""
    kind, size = run.break_even
    w = run.workload
    if kind == "unknown" or size is None:
        return "not measured"
    if kind == "below":
        return "WebAssembly is faster from the smallest size measured, %s" % w.label(size)
    if kind == "above":
        return "WebAssembly never beats CPython for good up to %s" % w.label(size)
    return "WebAssembly beats CPython from %s on" % w.label(size)


def _sweep_table(run: WorkloadRun) -> List[str]:
    w = run.workload
    wasm = run.sweep.get("wasm", {})
    cpy = run.sweep.get("cpython", {})
    lines = ["| size | WebAssembly | CPython | CPython / WebAssembly |", "|---|---|---|---|"]
    for size in sorted(set(wasm) | set(cpy), key=w.cost):
        a, b = wasm.get(size, Cell()), cpy.get(size, Cell())
        ratio = b.seconds / a.seconds if a.measured and b.measured and a.seconds and b.seconds else None
        lines.append("| %s | %s | %s | %s |" % (
            w.label(size), format_seconds(a.seconds) if a.measured else (a.error or "-"),
            format_seconds(b.seconds) if b.measured else (b.error or "-"), format_ratio(ratio)))
    return lines


def _overhead_lines(suite: Suite) -> List[str]:
    lines = ["| call | per call | note |", "|---|---|---|"]
    for label, seconds, note in suite.overheads:
        lines.append("| %s | %s | %s |" % (label, format_seconds(seconds), note))
    return lines


def _versus(base: float, other: float, name: str, extrapolated: bool = False) -> str:
    mark = "~" if extrapolated else ""
    if 0.95 <= other / base <= 1.05:
        return "about as fast as %s (%s%s)" % (name, mark, format_seconds(other))
    if other >= base:
        return "%s faster than %s (%s%s)" % (format_ratio(other / base), name, mark,
                                             format_seconds(other))
    return "%s slower than %s (%s%s)" % (format_ratio(base / other), name, mark,
                                         format_seconds(other))


def _headlines(suite: Suite) -> List[str]:
    out: List[str] = []
    zero = next((s for label, s, _ in suite.overheads
                 if label.startswith("WebAssembly profundidad_maxima") and s is not None), None)
    if zero is not None:
        out.append("- **Call overhead**: a WebAssembly call with no arguments costs %s from "
                   "Python (the guide quotes %s for its bridge: %s lower; our goal is under "
                   "0.3 µs: %s)." % (
                       format_seconds(zero), format_seconds(GUIDE_CALL_OVERHEAD),
                       format_ratio(GUIDE_CALL_OVERHEAD / zero),
                       "met" if zero < 0.3e-6 else "NOT met"))
    from multilingualprogramming import _native_loader
    if _native_loader.native is None:
        out.append("- **No WebAssembly column**: the native extension is unavailable (%s: %s)."
                   % (_native_loader.native_reason_code, _native_loader.native_reason))
    for run in suite.runs:
        size = _headline_size(run)
        if size is None:
            continue
        w = run.workload
        wasm = run.cell("wasm", size)
        if not wasm.measured or wasm.seconds is None:
            continue
        what = "lists copied in and out" if run.mode == "list" else "scalar driver"
        parts = []
        for b, name in (("cpython", "CPython"), ("numba", "Numba"), ("c", "C"),
                        ("reference", w.reference[0] if w.reference else "")):
            cell = run.cell(b, size)
            if cell.seconds is None or cell.error:
                continue
            parts.append(_versus(wasm.seconds, cell.seconds, name, cell.extrapolated))
        line = "- **%s** at %s: WebAssembly %s (%s): %s." % (
            w.title, w.label(size), format_seconds(wasm.seconds), what, ", ".join(parts))
        driver = run.cell("wasm_driver", size)
        if driver.measured and driver.seconds is not None:
            line += " The driver %s on WebAssembly, no list crossing: %s." % (
                w.driver, format_seconds(driver.seconds))
        be = _break_even_text(run)
        if be:
            line += " Break-even: %s." % be
        out.append(line)
    return out


def render(suite: Suite, png_name: str, chart_note: str) -> str:
    """The whole results.md."""
    opts = suite.options
    lines: List[str] = []
    lines.append("# Benchmarks: the corpus on WebAssembly, CPython, NumPy/stdlib, Numba and C")
    lines.append("")
    lines.append("Written by `bench/bench_corpus.py` on %s%s; the run took %.0f s." % (
        time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(suite.started)),
        " (**quick mode: tiny sizes, not figures to quote**)" if opts.quick else "",
        suite.elapsed))
    lines.append("")
    lines.append("```sh\n%s\n```" % suite.command)
    lines.append("")
    lines.append("| machine | |")
    lines.append("|---|---|")
    for k, v in machine_rows(suite):
        lines.append("| %s | %s |" % (k, v))
    lines.append("")
    busy = _busy(suite)
    if busy:
        lines.append(busy)
        lines.append("")
    lines.append("## Headlines")
    lines.append("")
    lines.append("At the largest size WebAssembly ran; `~` marks a time extrapolated from a "
                 "smaller size (not run).")
    lines.append("")
    lines += _headlines(suite)
    mism = suite.mismatches
    lines.append("- **Agreement**: %s" % (
        "every backend returned the same value for every size it ran."
        if not mism else "%d MISMATCHES, listed at the end: each is a bug." % len(mism)))
    lines.append("")
    if png_name:
        lines.append("![time against size, log-log, one panel per workload](%s)" % png_name)
        lines.append("")
    elif chart_note:
        lines.append("No chart: %s." % chart_note)
        lines.append("")
    lines.append("## How to read the tables")
    lines.append("")
    lines.append("Each cell is the best time of one call (best of several runs; calls under "
                 "0.2 ms are timed in batches), then *speed-up over CPython / time relative "
                 "to C*: `5.2x / 12x` is 5.2 times faster than the generated Python and 12 "
                 "times slower than C. Columns:")
    lines.append("")
    lines.append("- **WebAssembly**: the corpus function called from Python through the "
                 "Program with `Backend.WASM` (the callable `prog.call(name, ..., "
                 "backend=Backend.WASM)` uses), call and argument conversion included: when "
                 "the list-taking functions compile, the lists built beforehand in Python are "
                 "copied into WebAssembly memory and the results copied back inside the timed "
                 "call. `Backend.WASM` never re-runs a call in Python, so a size that does not "
                 "fit the 256 MiB memory cap shows `MemoryError`; `prog.last_report` is "
                 "checked after each cell. The Program's first call loads the module (from the "
                 "disk cache) and is not counted.")
    lines.append("- **WebAssembly, driver** (when the list form runs): the program's scalar "
                 "driver on WebAssembly, which builds its data in WebAssembly memory: the same "
                 "work as the Numba and C columns, with no list crossing the bridge.")
    lines.append("- **CPython**: the generated Python fallback of the same function, "
                 "called directly. Sizes whose predicted time exceeds %g s are not run "
                 "but extrapolated (`~`) with the workload's cost model "
                 "from the largest size measured; the other backends use a %g s cap." % (
                     opts.cap_python, opts.cap))
    lines.append("- **NumPy/stdlib**: what one would write by hand instead (NumPy, zlib, "
                 "json), building the same data inside the timed call.")
    lines.append("- **Numba**: `numba.njit` of the same generated Python, every function of "
                 "the program jitted, running the program's scalar driver (it builds its own "
                 "data: Numba takes no list of lists from Python without copying it); the "
                 "first call (compilation) is not counted and is listed per workload.")
    lines.append("- **C -O2**: the kernels of `bench/harness/c`, built with "
                 "`gcc -O2 -ffp-contract=off` at run time and timed inside the process.")
    lines.append("")
    for run in suite.runs:
        w = run.workload
        lines.append("## %s" % w.title)
        lines.append("")
        lines.append("`%s` in `%s`: %s. Form measured: **%s** (%s)." % (
            w.driver, w.program, w.what, run.mode, run.mode_note))
        lines.append("")
        lines += _workload_table(run, opts.backends)
        lines.append("")
        details = []
        for b in BACKENDS:
            if b in run.columns:
                details.append("%s runs %s" % (LABELS[b], run.columns[b]))
            elif b in run.unavailable:
                details.append("%s: none (%s)" % (LABELS[b], run.unavailable[b]))
        for b, secs in run.first_call.items():
            details.append("%s first call at %s: %s%s" % (
                LABELS[b], w.label(w.sizes_for(opts.quick)[0]), format_seconds(secs),
                " (includes compiling)" if b == "numba" else " (includes loading the module)"))
        notes = _cell_notes(run)
        for d in details + notes:
            lines.append("- " + d)
        if run.sweep:
            lines.append("")
            lines.append("Break-even sweep (WebAssembly against CPython, small sizes): %s." %
                         _break_even_text(run))
            lines.append("")
            lines += _sweep_table(run)
        lines.append("")
    lines.append("## Per-call overhead")
    lines.append("")
    lines.append("Tiny functions of the corpus, best of %s (timeit). The guide quotes "
                 "31 µs per call for its bridge. A plain Python call is the floor any bridge "
                 "adds to." % ("3 batches of 2,000 calls" if opts.quick
                               else "40 batches of 50,000 calls"))
    lines.append("")
    lines += _overhead_lines(suite)
    lines.append("")
    lines.append("## Checks")
    lines.append("")
    if mism:
        lines.append("The backends disagreed (each line is a bug to fix):")
        lines.append("")
        for m in mism:
            lines.append("- " + m)
    else:
        checked = sum(1 for r in suite.runs for t in (r.cells, r.sweep)
                      for cells in t.values() for c in cells.values() if c.measured)
        lines.append("%d measured cells; in every row, every backend returned the same "
                     "value (floats compared bit for bit)." % checked)
    lines.append("")
    return "\n".join(lines)


def _busy(suite: Suite) -> str:
    """A warning when other processes shared the CPUs during the run."""
    cores = os.cpu_count() or 1
    loads = []
    for text in (suite.load_start, suite.load_end):
        try:
            loads.append(float(text.split()[0]))
        except (IndexError, ValueError):
            pass
    if loads and max(loads) > 0.5 * cores:
        return ("**The machine was busy**: the load average reached %.1f on %d core(s) while the "
                "suite ran (other processes competed for the CPUs), so single figures may be "
                "off by tens of percent; the ratios between columns measured close together "
                "are steadier than the absolute times." % (max(loads), cores))
    return ""


def _cell_notes(run: WorkloadRun) -> List[str]:
    w = run.workload
    out: List[str] = []
    for b, cells in run.cells.items():
        for size, cell in sorted(cells.items(), key=lambda kv: w.cost(kv[0])):
            if cell.error and not cell.error.startswith("not run"):
                out.append("%s at %s: %s" % (LABELS[b], w.label(size), cell.error))
            elif cell.extrapolated:
                out.append("%s at %s: ~%s, %s" % (LABELS[b], w.label(size),
                                                  format_seconds(cell.seconds), cell.note))
    return out


def values_table(run: WorkloadRun) -> Dict[Size, Any]:
    """Size -> the value every backend agreed on (for tests)."""
    out: Dict[Size, Any] = {}
    for cells in run.cells.values():
        for size, cell in cells.items():
            if cell.measured:
                out.setdefault(size, cell.value)
    return out


def python_version() -> str:
    """The running interpreter's version line."""
    return sys.version.split()[0]
