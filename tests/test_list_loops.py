"""Loops over lists (the compiler's "listloops" pass): ``for x in lst``,
nested loops over rows, ``while i < len(a)`` and outer range loops that
index a list, some of which append to, pop from or alias the list they
iterate. Compiled to WebAssembly with the pass and without it, they give
the Python fallback's results, and CPython's (the same source run as
Python), exceptions included."""

import copy
from typing import Any, Dict, List, Tuple

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import needs_native

SOURCE = """\
def total(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x
    return s

def grow(a: list[int], k: int) -> int:
    s = 0
    w = 0
    for x in a:
        w += 1
        if w > k:
            break
        if x % 3 == 0:
            a.append(x + 1)
        s = s + x
    return s * 1000 + len(a)

def shrink(a: list[int]) -> int:
    s = 0
    for x in a:
        s = (s * 3 + x) % 1000003
        if x % 2 == 0:
            a.pop()
    return s * 1000 + len(a)

def alias(a: list[int], k: int) -> int:
    b = a
    s = 0
    w = 0
    for x in a:
        w += 1
        if w > k:
            break
        b.append(x - 1)
        s = s + x
    return s * 1000 + len(a)

def rowsum(m: list[list[int]]) -> int:
    s = 0
    for row in m:
        for x in row:
            s = s + x
    return s

def rowgrow(m: list[list[int]], k: int) -> int:
    s = 0
    w = 0
    for row in m:
        for x in row:
            w += 1
            if w > k:
                break
            if x > 0:
                m[0].append(x - 1)
            s = s + x
    return s * 1000 + len(m[0])

def scale(m: list[list[int]], k: int) -> int:
    for r in m:
        for j in range(len(r)):
            r[j] = r[j] * k % 1000
    s = 0
    for r in m:
        for x in r:
            s = s * 3 % 1000003 + x
    return s

def wsum(a: list[float]) -> float:
    s = 0.0
    i = 0
    while i < len(a):
        s = s + a[i]
        i = i + 1
    return s

def wlen(a: list[int], start: int) -> int:
    n = len(a)
    i = start
    s = 0
    while i < n:
        s = s * 7 % 1000003 + a[i]
        i += 1
    return s

def wpop(a: list[int]) -> int:
    i = 0
    s = 0
    while i < len(a):
        s = (s * 5 + a[i]) % 1000003
        if a[i] % 2 != 0:
            a.pop()
        i += 1
    return s * 1000 + len(a)

def outer(a: list[int], extra: int) -> int:
    s = 0
    for i in range(len(a) + extra):
        s = s + a[i]
        for j in range(2):
            s = s + j
    return s

def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count = count + 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count
"""

_CACHE: Dict[str, Any] = {}


def _programs() -> Tuple[Any, Any, Dict[str, Any]]:
    """The program compiled with every pass, without listloops, and the
    source run by CPython (compiled once per session)."""
    if not _CACHE:
        from multilingualprogramming import compile_source
        _CACHE["on"] = compile_source(SOURCE, language="en", optimize=True)
        _CACHE["off"] = compile_source(SOURCE, language="en", optimize=True, disable=["listloops"])
        ns: Dict[str, Any] = {}
        exec(SOURCE, ns)
        _CACHE["py"] = ns
    return _CACHE["on"], _CACHE["off"], _CACHE["py"]


def _exact(value: Any) -> Any:
    """value with each float replaced by its repr, so that a NaN equals a
    NaN and 0.0 differs from -0.0, as CPython's results are compared."""
    if isinstance(value, float):
        return ("float", repr(value))
    if isinstance(value, (list, tuple)):
        return type(value).__name__, [_exact(v) for v in value]
    return value


def _outcome(fn: Any, *args: Any) -> Tuple[str, Any]:
    """A call's value (floats exact, see _exact), or the type of the
    exception it raised."""
    try:
        return "value", _exact(fn(*args))
    except Exception as exc:  # the exception's type is the outcome
        return "raise", type(exc).__name__


def _fresh(args: Tuple[Any, ...]) -> List[Any]:
    """A deep copy of the arguments, sharing kept (aliased rows stay
    aliased): each run may change them."""
    return list(copy.deepcopy(args))


def _check(name: str, *args: Any) -> None:
    """Both WebAssembly builds and the Python fallback give CPython's
    outcome for name(*args)."""
    from multilingualprogramming import Backend
    on, off, py = _programs()
    want = _outcome(py[name], *_fresh(args))
    for prog in (on, off):
        for backend in (Backend.WASM, Backend.PYTHON):
            got = _outcome(lambda *a: prog.call(name, *a, backend=backend), *_fresh(args))
            assert got == want, (name, args, prog is on, backend)


INTS = st.lists(st.integers(min_value=-1000, max_value=1000), max_size=40)


@needs_native
def test_the_pass_changes_the_loops() -> None:
    """The modules differ with and without the pass, and the loop over a
    list reads its length once with it."""
    on, off, _ = _programs()
    assert on.wat() != off.wat()


@needs_native
@settings(max_examples=120, deadline=None)
@given(INTS, st.integers(min_value=0, max_value=60))
def test_for_in(a: List[int], k: int) -> None:
    """for x in a: plain, appending to a, popping from it, appending
    through another name."""
    _check("total", a)
    _check("grow", a, k)
    _check("shrink", a)
    _check("alias", a, k)


@needs_native
@settings(max_examples=120, deadline=None)
@given(st.lists(INTS, max_size=6), st.integers(min_value=0, max_value=60))
def test_nested_rows(m: List[List[int]], k: int) -> None:
    """for row in m: for x in row, the same appending to the first row
    (IndexError on an empty m), and rows scaled by index, one of them
    twice when m holds it twice."""
    _check("rowsum", m)
    _check("rowgrow", m, k)
    _check("scale", m, k)
    if m:
        _check("scale", m + [m[0]], k)  # a row twice: scaled twice
        _check("rowgrow", [m[0]] + m, k)


@needs_native
@settings(max_examples=120, deadline=None)
@given(st.lists(st.floats(allow_nan=False, width=64), max_size=40), INTS,
       st.integers(min_value=-45, max_value=45))
# A sum that overflows to inf, then inf + -inf: NaN on every backend.
@example([-8.988465674311579e+307, -8.98846567431158e+307, float("inf")], [], 0)
def test_while(f: List[float], a: List[int], start: int) -> None:
    """while i < len(a), while i < n with n = len(a) from any start
    (negative indexes), and popping while indexing."""
    _check("wsum", f)
    _check("wlen", a, start)
    _check("wpop", a)


@needs_native
@settings(max_examples=120, deadline=None)
@given(INTS, st.integers(min_value=-3, max_value=2), st.integers(min_value=-2, max_value=300))
def test_outer_range(a: List[int], extra: int, n: int) -> None:
    """An outer range loop over a's indexes (one too far: IndexError),
    and the sieve's outer loop."""
    _check("outer", a, extra)
    _check("sieve", n)
