"""A function annotated `-> tuple[...]` of ints, floats and bools compiles
when it returns displays of as many values (`return lo, hi`): one
WebAssembly result per value, which the bridge gives Python as a tuple.
Each function gives CPython's outcome, on WebAssembly and in the Python
fallback; a compiled caller that uses such a tuple stays in Python."""

from typing import List

from hypothesis import example, given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def minmax(xs: list[int]) -> tuple[int, int]:
    return min(xs), max(xs)

def stats(xs: list[float]) -> tuple[float, float]:
    m = sum(xs) / len(xs)
    return m, sum((x - m) * (x - m) for x in xs) / len(xs)

def divide(a: int, b: int) -> tuple[int, int, bool]:
    if b == 0:
        return 0, 0, False
    return a // b, a % b, True

def spread(xs: list[int]) -> int:
    lo, hi = minmax(xs)
    return hi - lo
"""


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    for name in ("minmax", "stats", "divide"):
        assert prog.functions[name].compilable, prog.functions[name].reason
    # a compiled caller cannot unpack it: that caller runs in Python
    assert "unpacks a value into several targets" in prog.functions["spread"].reason
    assert prog.call("divide", 7, 2, backend=mp.Backend.WASM) == (3, 1, True)
    assert prog.minmax([3, -1, 2]) == (-1, 3) and prog.last_report["backend"] == "wasm"
    assert prog.spread([3, -1, 2]) == 4


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-2**63, 2**63 - 1), max_size=8), st.lists(st.floats(-1e6, 1e6), max_size=8),
       st.integers(-10**6, 10**6), st.integers(-10, 10))
@example([], [], 1, 0)
@example([5], [1e16, 1.0, -1e16], -7, 2)
def test_like_cpython(xs: List[int], fs: List[float], a: int, b: int) -> None:
    check_calls_like_cpython(SOURCE, "minmax", xs)
    check_calls_like_cpython(SOURCE, "divide", a, b)
    if fs:
        check_calls_like_cpython(SOURCE, "stats", fs, by_repr=True)
