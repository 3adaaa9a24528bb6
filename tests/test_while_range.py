"""While loops that count (the compiler's "whilerange" pass): `while i <
E: ...; i += c` runs like a range loop, checking for interruption once
per chunk and adding its sums in a copy without overflow checks when the
counter, the stop and the sums start small enough. Compiled with the pass
and without it, they give CPython's outcome (exceptions included), on
WebAssembly and in the Python fallback; a long one still stops at its
time limit."""

import time
from typing import Any, List

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_like_cpython, needs_native, with_and_without

SOURCE = """\
def wsum(lo: int, n: int, start: int) -> int:
    hi = lo + n
    s = start
    i = lo
    while i < hi:
        s = s + i % 7 - 3
        i = i + 1
    return s

def wstep(lo: int, n: int, c: int) -> int:
    s = 0
    t = c
    i = lo
    while i < n:
        s += i % 1000
        t -= 1
        i += 3
    return s * 1000 + t + i

def wlist(a: list[int], start: int) -> int:
    s = start
    i = 0
    while i < len(a):
        s = s - a[i]
        i = i + 1
    return s

def wbreak(a: list[int], k: int) -> int:
    s = 0
    i = 0
    while i < len(a):
        if a[i] == k:
            break
        s = s + a[i] * a[i]
        i = i + 1
    return s * 100 + i

def wnested(n: int, m: int) -> int:
    s = 0
    i = 0
    while i < n:
        for j in range(m):
            s = (s + i * j) % 1000003
        i += 1
    return s

def wneg(a: list[int], start: int) -> int:
    s = 0
    i = start
    while i < 0:
        s = s + a[i]
        i = i + 1
    return s

def spin(n: int) -> int:
    s = 0
    i = 0
    while i < n:
        s = (s + i) % 7
        i = i + 1
    return s

def escape(cx: float, cy: float, limit: int) -> int:
    zx = 0.0
    zy = 0.0
    k = 0
    while k < limit and zx * zx + zy * zy <= 4.0:
        t = zx * zx - zy * zy + cx
        zy = 2.0 * zx * zy + cy
        zx = t
        k += 1
    return k

def wuntil(a: list[int], k: int, m: int) -> int:
    s = 0
    i = 0
    while i < len(a) and a[i] % m != k:
        s = s + a[i]
        i += 1
    return s * 1000 + i

def spin_and(n: int, p: bool) -> int:
    s = 0
    i = 0
    while i < n and (p or s >= 0):
        s = (s + i) % 7
        i = i + 1
    return s
"""


def _check(name: str, *args: Any) -> None:
    """CPython's outcome, with and without the pass (check_like_cpython)."""
    check_like_cpython(SOURCE, "whilerange", name, *args)


BIG = st.one_of(st.integers(min_value=-3000, max_value=3000),
                st.integers(min_value=-2**64, max_value=2**64),
                st.sampled_from([2**31, -2**31, 2**31 + 1, 2**61, -2**61 - 1, 2**63 - 1, -2**63]))
INTS = st.lists(st.integers(min_value=-2**40, max_value=2**40), max_size=60)


@needs_native
def test_the_pass_changes_the_loops() -> None:
    on, off, _ = with_and_without(SOURCE, "whilerange")
    assert on.wat() != off.wat()


@needs_native
@settings(max_examples=150, deadline=None)
@given(BIG, st.integers(min_value=0, max_value=3000), BIG)
@example(2**31 - 10, 20, 0)
@example(-2**31, 5, 2**61)
@example(0, 2000, 2**61 + 1)
@example(2**63 - 100, 50, 0)
def test_counters_and_sums(lo: int, n: int, start: int) -> None:
    """The sum's copy without checks runs only when the counter, the stop
    and the sum start within bounds; beyond them the checked one gives the
    same outcome (an overflow of lo + n, of the sum, or of the counter)."""
    _check("wsum", lo, n, start)
    _check("wstep", lo, lo + n, start)


@needs_native
@settings(max_examples=150, deadline=None)
@given(INTS, BIG)
def test_over_lists(a: List[int], k: int) -> None:
    """Walks over a list by index, with a break, and with negative
    indexes counting up to 0 (IndexError when the list is too short)."""
    _check("wlist", a, k)
    _check("wbreak", a, k % 7 if a else k)
    _check("wneg", a, -(abs(k) % 70))


@needs_native
@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-5, max_value=300), st.integers(min_value=-2, max_value=20))
def test_nested(n: int, m: int) -> None:
    """A while loop that counts around a range loop."""
    _check("wnested", n, m)


FLOATS = st.one_of(st.floats(min_value=-2.5, max_value=1.5), st.floats(allow_nan=True, allow_infinity=True))


@needs_native
@settings(max_examples=150, deadline=None)
@given(FLOATS, FLOATS, BIG)
@example(-0.75, 0.1, 10**6)
@example(0.0, 0.0, 2**63 - 1)
@example(float("nan"), 0.0, 5)
def test_escape_loops(cx: float, cy: float, limit: int) -> None:
    """`while k < limit and R`: R is tested at the top of each turn where
    the loop tested it, the escape count is CPython's (NaNs and
    infinities, which leave at once or never, included)."""
    _check("escape", cx, cy, limit % 5000 if abs(limit) > 5000 else limit)


@needs_native
@settings(max_examples=120, deadline=None)
@given(INTS, st.integers(min_value=-3, max_value=3), st.integers(min_value=-4, max_value=9))
def test_walks_until(a: List[int], k: int, m: int) -> None:
    """A walk over a list that stops at the first element whose residue is
    k (ZeroDivisionError when m is 0 and the list is not empty)."""
    _check("wuntil", a, k, m)


@needs_native
def test_timeout_stops_a_counting_loop() -> None:
    """The checks once per chunk still stop a loop of 10**15 turns at its
    time limit, with the pass and without it."""
    on, off, _ = with_and_without(SOURCE, "whilerange")
    for prog in (on, off):
        began = time.monotonic()
        with pytest.raises(TimeoutError):
            prog.call("spin", 10**15, timeout=0.05)
        assert time.monotonic() - began < 5
        assert prog.call("spin", 10, timeout=1) == sum(range(10)) % 7
        with pytest.raises(TimeoutError):
            prog.call("spin_and", 10**15, True, timeout=0.05)
        assert time.monotonic() - began < 10
