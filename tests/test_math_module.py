"""Functions of the math module in compiled code, read as math.name or
imported by name (from math import sqrt) (core/check/mathmod.go,
core/wasmgen/mathmod.go): math.sqrt, fabs, floor, ceil, trunc, copysign,
isnan, isinf, isfinite and the constants pi, e, tau, inf, nan give
CPython's outcome on WebAssembly and in the Python fallback, for floats
(infinities, NaN, -0.0, huge values included), ints and bools; where
CPython raises (a negative square root, the floor of a NaN or an infinity)
AUTO re-runs the call in Python, which raises CPython's own error."""

import math
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native

SOURCE = """\
import math
from math import sqrt as root2, floor, pi, inf

def root(x: float) -> float:
    return math.sqrt(x)

def signs(x: float, y: float) -> float:
    return math.copysign(math.fabs(x) + 1.0, y)

def floors(x: float) -> int:
    return math.floor(x) * 9 + math.ceil(x) * 3 + math.trunc(x)

def int_floors(n: int, b: bool) -> int:
    return math.floor(n) + math.ceil(b) + math.trunc(n) + math.floor(math.sqrt(n * n))

def kinds(x: float) -> int:
    return math.isnan(x) + 2 * math.isinf(x) + 4 * math.isfinite(x)

def circle(r: float) -> float:
    return math.pi * r * r + math.tau + math.e - math.inf * (r > 1e308)

def imported(x: float) -> float:
    return root2(x) + floor(x) * pi - inf * (x > 1e307)

def dist(a: list[float], b: list[float]) -> float:
    s = 0.0
    for x, y in zip(a, b):
        s += (x - y) * (x - y)
    return math.sqrt(s)
"""


def check(name: str, *args: Any) -> None:
    """CPython's outcome (check_calls_like_cpython), values compared by
    repr so that -0.0 and NaN count."""
    check_calls_like_cpython(SOURCE, name, *args, by_repr=True)


FLOATS = st.one_of(st.floats(), st.sampled_from([0.0, -0.0, 0.5, -0.5, 2.5, -2.5, 1e300, -1e300, 2.0**63,
                                                 -2.0**63, 2.0**63 - 1024, math.inf, -math.inf, math.nan]))


FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e150, max_value=1e150)


@needs_native
def test_they_compile() -> None:
    import multilingualprogramming as mp
    prog = mp.compile_source(SOURCE, language="en")
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {}
    assert prog.root(2.25) == 1.5 and prog.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=300, deadline=None)
@given(FLOATS, FLOATS)
@example(-0.0, -0.0)
@example(math.nan, -1.0)
def test_floats(x: float, y: float) -> None:
    check("root", x)
    check("signs", x, y)
    check("floors", x)
    check("kinds", x)
    check("circle", x)
    check("imported", x)


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-2**62, max_value=2**62), st.booleans())
@example(2**53 + 1, True)
@example(-3037000499, False)
def test_ints_and_bools(n: int, b: bool) -> None:
    """An int argument is converted as CPython converts it; floor, ceil and
    trunc of an int are the int."""
    check("int_floors", n, b)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.lists(FINITE, max_size=12), st.lists(FINITE, max_size=12))
def test_distance(a: list, b: list) -> None:
    check("dist", a, b)
