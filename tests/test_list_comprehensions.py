"""List comprehensions (and list(A)) compile when one is the whole value of an
assignment or a return (core/check/lowercomp.go rewrites them into a loop
that appends): `[E for x in A if C]`, several for and if clauses, names of
the function read inside, math inside. Each gives CPython's outcome on
WebAssembly and in the Python fallback, its variables leave the function's
own untouched, and exceptions raised half-way leave nothing assigned."""

from typing import Any, List

from hypothesis import given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
import math

def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]

def halves(xs: list[int], k: int) -> list[int]:
    r = [x // k for x in xs if x % 2 == 0 if x > -10]
    return r

def pairs(n: int) -> int:
    ps = [i * 10 + j for i in range(n) for j in range(i) if (i + j) % 3 != 0]
    return len(ps) * 100000 + sum(ps)

def norms(xs: list[float], k: float) -> list[float]:
    x = 5.0
    ys = [math.sqrt(x * x + k) for x in xs]
    return ys + [x]

def rows(m: list[list[int]]) -> list[int]:
    return [len(row) * 1000 + row[-1] for row in m if len(row) > 0]

def flat(m: list[list[int]], t: int) -> list[int]:
    out = [v * t for row in m for v in row if v != t]
    return out

def kept(xs: list[int]) -> int:
    x = 7
    i = 3
    ys = [x * i for x in xs for i in range(2)]
    return x * 1000 + i * 100 + len(ys)

def grid(n: int, m: int) -> list[list[int]]:
    g = [[i * m + j for j in range(m)] for i in range(n)] if n > 0 else [[0]]
    return g

def products(a: list[int], b: list[int]) -> list[int]:
    return [x * y for x, y in zip(a, b)]

def indexed(a: list[int], b: list[int]) -> list[int]:
    r = [i * x + y for i, x in enumerate(a, 1) for y, z in zip(b, a) if z > 0]
    return r

def sorted_copy(xs: list[int]) -> list[int]:
    a = list(xs)
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a + xs

def letters(s: str) -> list[str]:
    return list(s)

def chars(s: str) -> list[int]:
    return [ord(c) for c in s if c != " "]
"""


def check(name: str, *args: Any) -> None:
    check_calls_like_cpython(SOURCE, name, *args)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    reasons = {n: f.reason for n, f in prog.functions.items() if not f.compilable}
    # a comprehension inside another expression is not rewritten
    assert list(reasons) == ["grid"], reasons
    assert prog.squares(4) == [0, 1, 4, 9] and prog.last_report["backend"] == "wasm"


INTS = st.lists(st.integers(min_value=-2**40, max_value=2**40), max_size=30)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=-5, max_value=60), INTS, st.integers(min_value=-5, max_value=5))
def test_ints(n: int, xs: List[int], k: int) -> None:
    """Division by k == 0 raises ZeroDivisionError half-way, as in CPython."""
    check("squares", n)
    check("halves", xs, k)
    check("pairs", n)
    check("kept", xs)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(allow_nan=False, min_value=-1e6, max_value=1e6), max_size=20),
       st.floats(allow_nan=False, min_value=-10.0, max_value=1e6))
def test_floats(xs: List[float], k: float) -> None:
    """A negative square root raises ValueError (re-run in Python)."""
    check("norms", xs, k)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=-20, max_value=20), max_size=6), max_size=6),
       st.integers(min_value=-20, max_value=20), st.text(alphabet="ab é€", max_size=15))
def test_rows_and_strings(m: List[List[int]], t: int, s: str) -> None:
    check("rows", m)
    check("flat", m, t)
    check("chars", s)
    check("letters", s)
    check("sorted_copy", [v for row in m for v in row])
    flat_m = [v for row in m for v in row]
    check("products", flat_m, [t, t + 1, -t])
    check("indexed", flat_m[:8], flat_m[-5:])
