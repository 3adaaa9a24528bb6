"""A function annotated `-> tuple[...]` of ints, floats and bools compiles
when it returns displays of as many values (`return lo, hi`): one
WebAssembly result per value, which the bridge gives Python as a tuple.
Each function gives CPython's outcome, on WebAssembly and in the Python
fallback. A compiled caller may unpack such a tuple into names and
elements (`lo, hi = minmax(xs)`) or return it as it is; any other use
stays in Python."""

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

def scaled(xs: list[float], k: float) -> float:
    m, v = stats(xs)
    return m * k + v

def quotients(a: int, bs: list[int]) -> list[int]:
    out = [0, 0]
    t = 0
    for b in bs:
        out[1], out[0], ok = divide(a, b)
        if ok:
            t, t, ok = divide(t + a, b)
        out.append(t)
    return out

def passed(a: int, b: int) -> tuple[int, int, bool]:
    return divide(a + 1, b)

def kept(xs: list[int]) -> int:
    t = minmax(xs)
    return t[0]
"""


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    for name in ("minmax", "stats", "divide", "spread", "scaled", "quotients", "passed"):
        assert prog.functions[name].compilable, prog.functions[name].reason
    # a tuple kept whole stays in Python
    assert "using the tuple minmax() returns" in prog.functions["kept"].reason
    assert prog.call("divide", 7, 2, backend=mp.Backend.WASM) == (3, 1, True)
    assert prog.minmax([3, -1, 2]) == (-1, 3) and prog.last_report["backend"] == "wasm"
    assert prog.spread([3, -1, 2]) == 4 and prog.last_report["backend"] == "wasm"
    assert prog.kept([3, -1, 2]) == -1


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-2**63, 2**63 - 1), max_size=8), st.lists(st.floats(-1e6, 1e6), max_size=8),
       st.integers(-10**6, 10**6), st.integers(-10, 10))
@example([], [], 1, 0)
@example([5], [1e16, 1.0, -1e16], -7, 2)
def test_like_cpython(xs: List[int], fs: List[float], a: int, b: int) -> None:
    check_calls_like_cpython(SOURCE, "minmax", xs)
    check_calls_like_cpython(SOURCE, "divide", a, b)
    check_calls_like_cpython(SOURCE, "spread", xs)
    check_calls_like_cpython(SOURCE, "passed", a, b)
    check_calls_like_cpython(SOURCE, "quotients", a, [b, b + 1, b - 3, 0, 2])
    if fs:
        check_calls_like_cpython(SOURCE, "stats", fs, by_repr=True)
        check_calls_like_cpython(SOURCE, "scaled", fs, float(b), by_repr=True)
