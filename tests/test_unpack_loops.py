"""Tuple assignments (`a, b = b, a % b`, `xs[i], xs[j] = xs[j], xs[i]`) and
loops over enumerate(), zip() and reversed() compile (core/check/lower.go rewrites them
into plain assignments and loops over one name). Each compiled function
gives CPython's outcome, on WebAssembly and in the Python fallback, and
leaves its list arguments as CPython leaves them, exceptions included."""

from typing import Any, List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a

def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def rotate(x: int, y: int, z: int, n: int) -> int:
    for _ in range(n):
        x, y, z = y, z - x, x
    return x * 1000000 + y * 1000 + z

def bubble(xs: list[int]) -> list[int]:
    n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs

def swap(xs: list[int], i: int, j: int) -> int:
    xs[i], xs[j] = xs[j], xs[i] + 1
    return xs[i] - xs[j]

def store_two(xs: list[int], i: int, k: int) -> int:
    xs[i], xs[k] = 7, 9
    return len(xs)

def weighted(xs: list[int]) -> int:
    s = 0
    for i, x in enumerate(xs):
        s = s + i * x
    return s

def first_at_least(xs: list[float], t: float) -> int:
    i = -1
    x = 0.0
    for i, x in enumerate(xs, 1):
        if x >= t:
            break
    return i

def skip_negative(xs: list[int], start: int) -> int:
    s = 0
    i = 0
    for i, x in enumerate(xs, -3):
        if x < 0:
            continue
        s = s + i * x
    return s * 1000 + i

def grow(xs: list[int], limit: int) -> int:
    s = 0
    for i, x in enumerate(xs):
        if len(xs) < limit:
            xs.append(x + i)
        s = s + x
    return s

def dot(a: list[float], b: list[float]) -> float:
    s = 0.0
    for x, y in zip(a, b):
        s = s + x * y
    return s

def last_pair(a: list[int], b: list[int], c: list[int]) -> int:
    x = -1
    y = -1
    z = -1
    for x, y, z in zip(a, b, c):
        if x + y + z == 0:
            break
    return x * 1000000 + y * 1000 + z

def hamming(s: str, t: str) -> int:
    d = 0
    for c, e in zip(s, t):
        if c != e:
            d += 1
    for i, c in enumerate(s):
        if c == "x":
            d += i
    return d

def count_near_max(xs: list[int]) -> int:
    i = 9223372036854775707
    for x in xs:
        if x > 0:
            i += 1
    return i

def count_chars(s: str, k: int) -> int:
    n = k
    m = 0
    for c in s:
        m = m + 3
        n = n + m
    return n * 7 + m

def horner(cs: list[float], x: float) -> float:
    r = 0.0
    for c in reversed(cs):
        r = r * x + c
    return r

def shrink(xs: list[int], k: int) -> int:
    s = 0
    for x in reversed(xs):
        if len(xs) > k:
            xs.pop()
            xs.pop()
        s = s * 3 + x
    return s

def backwards(s: str) -> str:
    r = ""
    for c in reversed(s):
        r = r + c
    return r

def zip_grow(a: list[int], b: list[int]) -> int:
    s = 0
    for x, y in zip(a, b):
        if len(b) < 20:
            b.append(x)
        s = s * 3 + x - y
    return s
"""


def _programs() -> Any:
    return program_and_cpython(SOURCE)


def check(name: str, *args: Any) -> None:
    check_calls_like_cpython(SOURCE, name, *args)


@needs_native
def test_the_forms_compile() -> None:
    prog, _ = _programs()
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {}
    assert prog.call("gcd", 12, 18, timeout=20) == 6
    assert prog.last_report["backend"] == "wasm"
    assert prog.call("hamming", "abc", "abd", timeout=20) == 1
    assert prog.last_report["backend"] == "wasm"


SMALL = st.integers(min_value=-10**6, max_value=10**6)
BIG = st.one_of(SMALL, st.integers(min_value=-2**70, max_value=2**70),
                st.sampled_from([2**63 - 1, -2**63, 2**62]))
INTS = st.lists(st.integers(min_value=-50, max_value=50), max_size=25)


@needs_native
@settings(max_examples=200, deadline=None)
@given(BIG, BIG)
@example(0, 0)
@example(-2**63, -1)
def test_gcd(a: int, b: int) -> None:
    check("gcd", a, b)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-3, max_value=120), SMALL, SMALL, SMALL)
def test_fib_and_rotate(n: int, x: int, y: int, z: int) -> None:
    """fib overflows 64 bits past 92 (AUTO re-runs in Python)."""
    check("fib", n)
    check("rotate", x, y, z, n % 40)


@needs_native
@settings(max_examples=150, deadline=None)
@given(INTS, st.integers(min_value=-30, max_value=30), st.integers(min_value=-30, max_value=30))
@example([1, 2, 3], 0, 5)
@example([1, 2, 3], 5, 0)
@example([1, 2, 3], -1, -3)
def test_element_swaps(xs: List[int], i: int, j: int) -> None:
    """Each value is read before any store; a store out of range raises
    IndexError after the stores before it."""
    check("bubble", xs)
    check("swap", xs, i, j)
    check("store_two", xs, i, j)


FLOATS = st.lists(st.floats(allow_nan=False, min_value=-1e6, max_value=1e6), max_size=20)


@needs_native
@settings(max_examples=150, deadline=None)
@given(INTS, FLOATS, st.floats(allow_nan=False, min_value=-1e6, max_value=1e6),
       st.integers(min_value=0, max_value=40))
def test_enumerate(xs: List[int], fs: List[float], t: float, limit: int) -> None:
    check("weighted", xs)
    check("first_at_least", fs, t)
    check("skip_negative", xs, 0)
    check("grow", xs, limit)


@needs_native
@settings(max_examples=150, deadline=None)
@given(FLOATS, st.floats(allow_nan=False, min_value=-10, max_value=10), INTS,
       st.integers(min_value=0, max_value=30), st.text(alphabet="ab é€😀", max_size=12))
def test_reversed(cs: List[float], x: float, xs: List[int], k: int, s: str) -> None:
    """reversed() stops at the first index past the end of a list that
    shrinks while it is walked, as CPython's iterator does."""
    check("horner", cs, x)
    check("shrink", xs, k)
    check("backwards", s)


@needs_native
@settings(max_examples=150, deadline=None)
@given(FLOATS, FLOATS, INTS, INTS, INTS)
def test_zip(a: List[float], b: List[float], x: List[int], y: List[int], z: List[int]) -> None:
    check("dot", a, b)
    check("last_pair", x, y, z)
    check("zip_grow", x, y)


@needs_native
@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abxé€😀", max_size=12), st.text(alphabet="abxé€😀", max_size=12), BIG)
def test_strings(s: str, t: str, k: int) -> None:
    check("hamming", s, t)
    check("count_chars", s + t, k)


@needs_native
@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=1), min_size=700, max_size=1200))
def test_turn_counter_past_64_bits(xs: List[int]) -> None:
    """A counter of the turns of a list loop starts 100 below 2**63 - 1:
    its bound by the turns does not drop the increment's check, which traps
    past 64 bits (AUTO re-runs in Python)."""
    check("count_near_max", xs)


@needs_native
def test_python_fallback_is_the_source_as_written() -> None:
    """The generated Python keeps the user's statements (the rewriting is
    the compiler's), and binds each compiled function."""
    prog, _ = _programs()
    py = prog.artifact()["python"]
    assert "a, b = b, a % b" in py
    assert "for i, x in enumerate(xs):" in py and "for x, y in zip(a, b):" in py
    assert "unpack." not in py and "zip." not in py
    assert py.count("__ml_bind__(") >= SOURCE.count("\ndef ") + 1
