"""Timing: best-of-n measurements, extrapolation and the break-even point.

A cell's time is the best of several runs, the way timeit reports it:
noise only ever adds time. Calls shorter than about 0.2 ms are timed in
batches so that the clock's resolution does not count; calls longer than a
second run once. A size whose predicted time exceeds the cap is not run:
its time is extrapolated from the largest size measured with the
workload's cost model and marked as such.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

Size = Tuple[int, ...]


@dataclass
class Measurement:
    """The value a call returned and the best time of one call."""

    value: Any
    seconds: float
    runs: int


def measure(fn: Callable[[], Any], budget: float) -> Measurement:
    """Run fn until about ``budget`` seconds are spent (at least once, at
    most 1000 batches); return its value and the best time per call."""
    start = time.perf_counter()
    value = fn()
    first = time.perf_counter() - start
    best = first
    runs = 1
    if first >= budget:
        return Measurement(value, first, runs)
    if first < 2e-4:
        # Batches of `number` calls, each batch about 2 ms long.
        number = max(1, int(2e-3 / max(first, 1e-7)))
        spent = first
        batches = 0
        while batches < 5 or (spent < budget and batches < 1000):
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            elapsed = time.perf_counter() - t0
            spent += elapsed
            best = min(best, elapsed / number)
            runs += number
            batches += 1
        return Measurement(value, best, runs)
    spent = first
    while spent + best <= budget and runs < 50:
        t0 = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - t0
        spent += elapsed
        best = min(best, elapsed)
        runs += 1
    return Measurement(value, best, runs)


def predict(cost: Callable[[Size], float], known: Size, seconds: float, target: Size) -> float:
    """The time of ``target``, scaled from the time of ``known`` by the cost
    model."""
    return seconds * cost(target) / cost(known)


def break_even(sizes: Sequence[Size], fast: Dict[Size, Optional[float]],
               slow: Dict[Size, Optional[float]]) -> Tuple[str, Optional[Size]]:
    """Where ``fast`` starts to beat ``slow`` for good over the sweep.

    Returns ("at", size) for the smallest size from which fast is quicker at
    every larger size, ("below", smallest) when fast wins everywhere,
    ("above", largest) when it never wins for good, ("unknown", None)
    without data.
    """
    points = [s for s in sizes if fast.get(s) is not None and slow.get(s) is not None]
    if not points:
        return "unknown", None
    first_win: Optional[Size] = None
    for s in points:
        f, w = fast[s], slow[s]
        assert f is not None and w is not None
        if f < w:
            if first_win is None:
                first_win = s
        else:
            first_win = None
    if first_win is None:
        return "above", points[-1]
    if first_win == points[0]:
        return "below", first_win
    return "at", first_win


def format_seconds(seconds: Optional[float]) -> str:
    """A time with a unit that keeps three significant digits."""
    if seconds is None or math.isnan(seconds):
        return "-"
    if seconds >= 100:
        return "%.0f s" % seconds
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 1e-3:
        return "%.3g ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.3g µs" % (seconds * 1e6)
    return "%.3g ns" % (seconds * 1e9)


def format_ratio(ratio: Optional[float]) -> str:
    """A ratio such as 12x or 0.31x."""
    if ratio is None or math.isnan(ratio) or ratio <= 0:
        return "-"
    if ratio >= 100:
        return "%.0fx" % ratio
    if ratio >= 10:
        return "%.1fx" % ratio
    if ratio >= 0.01:
        return "%.2fx" % ratio
    return "%.2gx" % ratio
