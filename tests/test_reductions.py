"""sum, any, all, min and max of a generator or a list comprehension
compile (core/check/lowerreduce.go rewrites them into loops) as the whole
value of an assignment, a return or `name op= ...`, and as an if's
condition, and so do those evaluated before anything but names and
literals inside such a value (`sum(xs) / len(xs)`). Each compiled function
gives CPython's outcome, on WebAssembly and in the Python fallback: any
and all stop at the deciding element of a generator (a later IndexError is
never reached) and compute every element of a list comprehension first;
min and max of nothing raise ValueError; a sum of floats adds them as the
running CPython does (compensated from 3.12), and an empty one, CPython's
int 0, re-runs in Python. tests/test_float_sums.py runs the float sums on
every CPython it finds."""

from typing import Any, List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def sumsq(xs: list[int]) -> int:
    return sum(x * x for x in xs)

def sum_pos(xs: list[int]) -> int:
    s = sum([x for x in xs if x > 0])
    return s

def count_neg(xs: list[int], start: int) -> int:
    n = start
    n += sum(x < 0 for x in xs)
    return n

def pairs(xs: list[int], ys: list[int]) -> int:
    return sum(x * y for x, y in zip(xs, ys))

def nested(m: list[list[int]]) -> int:
    return sum(v for row in m for v in row if v % 3)

def codes(s: str) -> int:
    return sum(ord(c) for c in s)

def has_neg(xs: list[int]) -> bool:
    return any(x < 0 for x in xs)

def all_even(xs: list[int]) -> bool:
    return all(x % 2 == 0 for x in xs)

def stops_early(xs: list[int], k: int) -> int:
    if any(xs[i] > k for i in range(len(xs) + 2)):
        return 1
    elif not all(xs[i] != k for i in range(len(xs) + 2)):
        return 2
    return 0

def every_element(xs: list[int], k: int) -> bool:
    return any([xs[i] > k for i in range(len(xs) + 1)])

def biggest(xs: list[float], c: float) -> float:
    return max(x * c for x in xs)

def smallest(xs: list[int]) -> int:
    m = min(i * x for i, x in enumerate(xs, 1))
    return m

def float_sum(xs: list[float]) -> float:
    return sum(x for x in xs)

def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[r[j] for r in m] for j in range(len(m[0]))]

def shadow(m: list[list[int]]) -> list[list[int]]:
    return [[x + 1 for x in x] for x in m]

def row_sums(m: list[list[int]], k: int) -> list[int]:
    return [sum(x * x for x in r) for r in m if any(x > k for x in r)]

def pascal(n: int) -> list[int]:
    row = [1]
    for _ in range(n):
        row = [a + b for a, b in zip([0] + row, row + [0])]
    return row

def zip_grow(xs: list[int], ys: list[int]) -> int:
    s = 0
    for x, y in zip(xs + ys, ys):
        s = s * 3 + x - y
        if len(ys) < 40:
            ys.append(x)
    return s

def grid(r: int, c: int) -> int:
    g = [[i * j for j in range(c)] for i in range(r)]
    return sum(sum(row) for row in g) + len(g)

def joined(xs: list[int], k: int) -> str:
    return ",".join(str(100 // x) for x in xs if x != k)

def table(m: list[list[int]]) -> list[str]:
    out = ["rows"]
    for r in m:
        out.append(" ".join(str(v * v) for v in r))
        out.append(str(sum(v for v in r if v > 0)))
    return out
"""

COMPILED = ("sumsq", "sum_pos", "count_neg", "pairs", "nested", "codes", "has_neg", "all_even",
            "stops_early", "every_element", "biggest", "smallest", "float_sum", "transpose", "shadow",
            "row_sums", "grid", "pascal", "zip_grow", "joined", "table")

INTS = st.lists(st.integers(-10**6, 10**6), max_size=30)
BIG = st.lists(st.one_of(st.integers(-10**6, 10**6), st.integers(-2**63, 2**63 - 1)), max_size=6)
FLOATS = st.lists(st.one_of(st.floats(), st.sampled_from([0.0, -0.0, float("nan")])), max_size=12)


def check(name: str, *args: Any, by_repr: bool = False) -> None:
    check_calls_like_cpython(SOURCE, name, *args, by_repr=by_repr)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable and n in COMPILED} == {}
    assert prog.call("sumsq", [1, 2, 3], timeout=20) == 14
    assert prog.last_report["backend"] == "wasm"
    py = prog.artifact()["python"]
    assert "return sum(x * x for x in xs)" in py and "sum." not in py


@needs_native
@settings(max_examples=150, deadline=None)
@given(INTS, INTS, st.integers(-5, 5))
@example([2**62, 2**62], [2, 2], 0)
def test_sums(xs: List[int], ys: List[int], start: int) -> None:
    for name, args in (("sumsq", (xs,)), ("sum_pos", (xs,)), ("count_neg", (xs, start)),
                       ("pairs", (xs, ys)), ("nested", ([xs, ys, xs[:3]],))):
        check(name, *args)


@needs_native
@settings(max_examples=60, deadline=None)
@given(BIG, BIG)
def test_sums_beyond_64_bits(xs: List[int], ys: List[int]) -> None:
    check("sumsq", xs)
    check("pairs", xs, ys)


@needs_native
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abé€😀", max_size=20))
def test_codes(s: str) -> None:
    check("codes", s)


@needs_native
@settings(max_examples=150, deadline=None)
@given(INTS, st.integers(-10**6, 10**6))
@example([], 0)
@example([5, 1], 3)
@example([1, 3, 2], 3)
def test_any_and_all(xs: List[int], k: int) -> None:
    check("has_neg", xs)
    check("all_even", xs)
    check("stops_early", xs, k)
    check("every_element", xs, k)


@needs_native
@settings(max_examples=150, deadline=None)
@given(FLOATS, st.one_of(st.floats(), st.sampled_from([1.0, -1.0, 0.0])), INTS)
@example([], 1.0, [])
@example([float("nan"), 1.0], 1.0, [3])
@example([1.0, float("nan")], -1.0, [3, -4])
@example([0.0, -0.0], 1.0, [0])
def test_min_and_max(xs: List[float], c: float, ys: List[int]) -> None:
    check("biggest", xs, c, by_repr=True)
    check("smallest", ys)
    prog, ns = program_and_cpython(SOURCE)
    assert repr(prog.float_sum(list(xs))) == repr(ns["float_sum"](list(xs)))
    if xs:
        check("float_sum", xs, by_repr=True)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(-1000, 1000), max_size=5), max_size=5), st.integers(-1000, 1000),
       st.integers(-3, 12), st.integers(-3, 12))
@example([[1, 2], [3, 4], [5, 6]], 3, 2, 3)
@example([[1, 2], [3]], 0, 0, 0)
@example([], 0, 0, 0)
def test_nested_comprehensions(m: List[List[int]], k: int, r: int, c: int) -> None:
    check("transpose", m)
    check("shadow", m)
    check("row_sums", m, k)
    check("grid", r, c)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.integers(-2, 40), st.lists(st.integers(-50, 50), max_size=8),
       st.lists(st.integers(-50, 50), max_size=8))
@example(5, [1, 2], [3])
def test_zip_of_expressions(n: int, xs: List[int], ys: List[int]) -> None:
    check("pascal", n)
    check("zip_grow", xs, ys)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=10), st.integers(-5, 5),
       st.lists(st.lists(st.integers(-10**6, 10**6), max_size=4), max_size=4))
@example([1, 0, 2], 3, [[1, -2], []])
def test_joins_of_generators(xs: List[int], k: int, m: List[List[int]]) -> None:
    """sep.join() of a generator reads it whole first, as CPython does (a
    ZeroDivisionError from any element, before anything is joined); the
    argument of an append is a place where such forms compile."""
    check("joined", xs, k)
    check("table", m)
