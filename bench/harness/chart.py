"""results.png: time against size, log-log, one panel per workload.

Measured points are filled markers joined by solid lines; extrapolated
points are hollow markers joined by dashed lines. The break-even sweeps
(WebAssembly and CPython at small sizes) are drawn in the same colours and
the break-even size as a dotted vertical line. matplotlib runs with the Agg
backend, so no display is needed.
"""

from __future__ import annotations

import importlib
import math
import os
from typing import Any, Dict, List, Tuple

from .suite import BACKENDS, LABELS, Suite, WorkloadRun

COLORS = {"wasm": "#1f77b4", "wasm_driver": "#17becf", "cpython": "#d62728", "reference": "#2ca02c",
          "numba": "#9467bd", "c": "#444444"}
MARKERS = {"wasm": "o", "wasm_driver": "P", "cpython": "s", "reference": "^", "numba": "D", "c": "v"}


def _points(run: WorkloadRun, backend: str) -> List[Tuple[float, float, bool]]:
    """(x, seconds, extrapolated) of backend, sweep and main sizes merged
    (the best time where both measured a size)."""
    w = run.workload
    best: Dict[float, Tuple[float, bool]] = {}
    for table in (run.sweep, run.cells):
        for size, cell in table.get(backend, {}).items():
            if cell.seconds is None or cell.error:
                continue
            x = w.x_value(size)
            old = best.get(x)
            if old is None or (old[1] and not cell.extrapolated) or \
                    (old[1] == cell.extrapolated and cell.seconds < old[0]):
                best[x] = (cell.seconds, cell.extrapolated)
    return sorted((x, s, e) for x, (s, e) in best.items())


def _panel(ax: Any, run: WorkloadRun) -> None:
    w = run.workload
    for b in BACKENDS:
        pts = _points(run, b)
        if not pts:
            continue
        color, marker = COLORS[b], MARKERS[b]
        measured = [(x, y) for x, y, e in pts if not e]
        if measured:
            ax.plot([p[0] for p in measured], [p[1] for p in measured], color=color,
                    marker=marker, markersize=4, linewidth=1.4, label=LABELS[b])
        extra = [(x, y) for x, y, e in pts if e]
        if extra:
            last = measured[-1:] if measured else []
            line = last + extra
            ax.plot([p[0] for p in line], [p[1] for p in line], color=color, linestyle="--",
                    linewidth=1.0)
            ax.plot([p[0] for p in extra], [p[1] for p in extra], color=color, marker=marker,
                    markersize=5, linestyle="none", markerfacecolor="white")
        failed = [w.x_value(size) for size, cell in run.cells.get(b, {}).items()
                  if cell.error.startswith("MemoryError")]
        if failed and measured:
            ax.plot(failed, [measured[-1][1]] * len(failed), color=color, marker="x",
                    markersize=7, linestyle="none")
            ax.annotate("MemoryError", xy=(failed[0], measured[-1][1]), fontsize=7, color=color,
                        xytext=(4, -10), textcoords="offset points")
    if run.break_even is not None and run.break_even[1] is not None \
            and run.break_even[0] in ("at", "below"):
        x = w.x_value(run.break_even[1])
        ax.axvline(x, color=COLORS["wasm"], linestyle=":", linewidth=1.2)
        ax.annotate("break-even\n%s" % w.label(run.break_even[1]), xy=(x, 0.97),
                    xycoords=("data", "axes fraction"), fontsize=7, va="top", ha="left",
                    color=COLORS["wasm"])
    ax.set_xscale("log" if w.x_log else "linear")
    ax.set_yscale("log")
    ticker = importlib.import_module("matplotlib.ticker")
    ax.xaxis.set_minor_formatter(ticker.NullFormatter())
    ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    ax.set_title(w.title, fontsize=9)
    ax.set_xlabel(w.x_label, fontsize=8)
    ax.set_ylabel("seconds per call", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(True, which="major", alpha=0.3)


def write_chart(suite: Suite, path: str) -> str:
    """Draw the chart into path; returns "" or why there is no chart."""
    try:
        matplotlib = importlib.import_module("matplotlib")
        matplotlib.use("Agg")
        plt = importlib.import_module("matplotlib.pyplot")
        lines_mod = importlib.import_module("matplotlib.lines")
    except Exception as exc:  # noqa: BLE001 - no matplotlib: no chart
        return "matplotlib does not import (%s)" % exc
    runs = [r for r in suite.runs if r.cells]
    if not runs:
        return "nothing was measured"
    cols = 3
    rows = int(math.ceil(len(runs) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5.0 * cols, 3.6 * rows + 1.2), squeeze=False)
    for i, run in enumerate(runs):
        _panel(axes[i // cols][i % cols], run)
    for j in range(len(runs), rows * cols):
        axes[j // cols][j % cols].axis("off")
    handles = [lines_mod.Line2D([], [], color=COLORS[b], marker=MARKERS[b], label=LABELS[b])
               for b in BACKENDS if any(b in r.cells for r in runs)]
    handles.append(lines_mod.Line2D([], [], color="gray", linestyle="--", marker="o",
                                    markerfacecolor="white", label="extrapolated (not run)"))
    top = 1.0 - 1.0 / (3.6 * rows + 1.2)
    handles.append(lines_mod.Line2D([], [], color="gray", marker="x", linestyle="none",
                                    label="out of WebAssembly memory"))
    fig.legend(handles=handles, loc="upper center", ncol=len(handles), fontsize=9,
               frameon=False, bbox_to_anchor=(0.5, top + 0.02))
    from .report import cpu_model
    fig.suptitle("multilingualprogramming benchmarks, %s, %s core(s)%s" % (
        cpu_model(), os.cpu_count(),
        " (quick mode)" if suite.options.quick else ""), fontsize=11, y=0.997)
    fig.tight_layout(rect=(0, 0, 1, top - 0.01))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return ""
