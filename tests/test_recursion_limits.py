"""Recursive functions that the compiler inlines into themselves (the
"selfinline" pass, three levels for fib) still stop at their time limit:
in fib's shape the copies no longer check for interruption themselves,
and the real calls they make must be enough. Their results are CPython's,
with the pass and without it."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import check_like_cpython, needs_native, with_and_without

SOURCE = """\
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def walk(s: int, n: int) -> int:
    if n <= 0:
        return s
    return walk(s, n - 1) + walk(s + 1, n - 2)

def shaped(n: int) -> int:
    if n < 2:
        return n
    if n == 10:
        return 55
    return shaped(n - 1) + shaped(n - 2)
"""


@needs_native
@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-5, max_value=22), st.integers(min_value=-2**62, max_value=2**62))
def test_results_are_cpythons(n: int, s: int) -> None:
    """Small arguments, and sums that overflow 64 bits (CPython's big int)."""
    for name, args in (("fib", (n,)), ("walk", (s, n)), ("shaped", (n,))):
        check_like_cpython(SOURCE, "selfinline", name, *args)


@needs_native
@pytest.mark.parametrize("name,args", [("fib", (90,)), ("walk", (1, 90)), ("shaped", (90,))])
def test_timeout_stops_deep_recursion(name: str, args: tuple) -> None:
    """fib(90) would run for centuries: the time limit stops it within a
    fraction of a second, with the pass and without it, and the program
    stays usable."""
    on, off, _ = with_and_without(SOURCE, "selfinline")
    for prog in (on, off):
        began = time.monotonic()
        with pytest.raises(TimeoutError):
            prog.call(name, *args, timeout=0.05)
        assert time.monotonic() - began < 2
    assert on.call("fib", 20) == 6765
