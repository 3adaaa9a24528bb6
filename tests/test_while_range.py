"""While loops that count (the compiler's "whilerange" pass): `while i <
E: ...; i += c` runs like a range loop, checking for interruption once
per chunk and adding its sums in a copy without overflow checks when the
counter, the stop and the sums start small enough. Compiled with the pass
and without it, they give CPython's outcome (exceptions included), on
WebAssembly and in the Python fallback; a long one still stops at its
time limit."""

import time
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import needs_native

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
"""

_CACHE: Dict[str, Any] = {}


def _programs() -> Tuple[Any, Any, Dict[str, Any]]:
    """The program compiled with every pass, without whilerange, and the
    source run by CPython (compiled once per session)."""
    if not _CACHE:
        from multilingualprogramming import compile_source
        _CACHE["on"] = compile_source(SOURCE, language="en")
        _CACHE["off"] = compile_source(SOURCE, language="en", disable=["whilerange"])
        ns: Dict[str, Any] = {}
        exec(SOURCE, ns)
        _CACHE["py"] = ns
    return _CACHE["on"], _CACHE["off"], _CACHE["py"]


def _outcome(fn: Any, *args: Any) -> Tuple[str, Any]:
    """A call's value, or the type of the exception it raised."""
    try:
        return "value", fn(*args)
    except Exception as exc:  # the exception's type is the outcome
        return "raise", type(exc).__name__


def _check(name: str, *args: Any) -> None:
    """Both builds give CPython's outcome for name(*args), by default and
    in the Python fallback; forced onto WebAssembly, they give it or raise
    OverflowError (a value beyond 64 bits on the way), never another
    value."""
    from multilingualprogramming import Backend
    on, off, py = _programs()
    want = _outcome(py[name], *[list(a) if isinstance(a, list) else a for a in args])
    for prog in (on, off):
        for backend in (Backend.AUTO, Backend.PYTHON):
            got = _outcome(lambda *a: prog.call(name, *a, backend=backend), *args)
            assert got == want, (name, args, prog is on, backend)
        got = _outcome(lambda *a: prog.call(name, *a, backend=Backend.WASM), *args)
        assert got in (want, ("raise", "OverflowError")), (name, args, prog is on)


BIG = st.one_of(st.integers(min_value=-3000, max_value=3000),
                st.integers(min_value=-2**64, max_value=2**64),
                st.sampled_from([2**31, -2**31, 2**31 + 1, 2**61, -2**61 - 1, 2**63 - 1, -2**63]))
INTS = st.lists(st.integers(min_value=-2**40, max_value=2**40), max_size=60)


@needs_native
def test_the_pass_changes_the_loops() -> None:
    on, off, _ = _programs()
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


@needs_native
def test_timeout_stops_a_counting_loop() -> None:
    """The checks once per chunk still stop a loop of 10**15 turns at its
    time limit, with the pass and without it."""
    on, off, _ = _programs()
    for prog in (on, off):
        began = time.monotonic()
        with pytest.raises(TimeoutError):
            prog.call("spin", 10**15, timeout=0.05)
        assert time.monotonic() - began < 5
        assert prog.call("spin", 10, timeout=1) == sum(range(10)) % 7
