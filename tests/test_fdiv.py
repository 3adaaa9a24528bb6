"""Integer ``//`` and ``%`` through the float unit (the compiler's "fdiv"
pass): the guide's ``expensive_operation`` and ``%`` variants, compiled to
WebAssembly with the pass and without it, give CPython's results for
arguments on both sides of the bound where ``i * i`` reaches 2**53 (the
loop versioning runs the float copy below it and the integer copy above).
CPython runs the same functions written in Python as the oracle."""

from typing import Any, Dict, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import needs_native

# The guide's function (WASM_DEVELOPMENT_GUIDE, in French), a % variant
# and segments of the same sums over range(a, b), which reach the bound
# (94906266 ** 2 > 2 ** 53 > 94906265 ** 2) in a few iterations.
SOURCE = """\
déf expensive_operation(n: entier) -> entier:
    result = 0
    pour i dans intervalle(n * n):
        result = result + (i * i) // (i + 1)
    retour result

déf expensive_mod(n: entier) -> entier:
    result = 0
    pour i dans intervalle(n * n):
        result = result + (i * i) % (i + 3)
    retour result

déf segment(a: entier, b: entier) -> entier:
    s = 0
    pour i dans intervalle(a, b):
        s = s + (i * i) // (i + 1) - (i * i) % (i + 7)
    retour s

déf linear(a: entier, b: entier, m: entier) -> entier:
    s = 0
    pour i dans intervalle(a, b):
        s = s + i // (m % 1000 + 1) + i % (i % 5 + 2)
    retour s
"""

# The same functions in Python: CPython's results are the expected ones.
PYTHON = """\
def expensive_operation(n):
    result = 0
    for i in range(n * n):
        result = result + (i * i) // (i + 1)
    return result

def expensive_mod(n):
    result = 0
    for i in range(n * n):
        result = result + (i * i) % (i + 3)
    return result

def segment(a, b):
    s = 0
    for i in range(a, b):
        s = s + (i * i) // (i + 1) - (i * i) % (i + 7)
    return s

def linear(a, b, m):
    s = 0
    for i in range(a, b):
        s = s + i // (m % 1000 + 1) + i % (i % 5 + 2)
    return s
"""

BOUND = 94906266  # the first i whose square reaches 2**53

_CACHE: Dict[str, Any] = {}


def _programs() -> Tuple[Any, Any, Dict[str, Any]]:
    """The program compiled with every pass, without fdiv, and CPython's
    functions (compiled once per session)."""
    if not _CACHE:
        from multilingualprogramming import compile_source
        _CACHE["on"] = compile_source(SOURCE, language="fr", optimize=True)
        _CACHE["off"] = compile_source(SOURCE, language="fr", optimize=True, disable=["fdiv"])
        ns: Dict[str, Any] = {}
        exec(PYTHON, ns)
        _CACHE["py"] = ns
    return _CACHE["on"], _CACHE["off"], _CACHE["py"]


def _outcome(fn: Any, *args: int) -> Tuple[str, Any]:
    """A call's value, or the type of the exception it raised."""
    try:
        return "value", fn(*args)
    except Exception as exc:  # the exception's type is the outcome
        return "raise", type(exc).__name__


def _check(name: str, *args: int) -> None:
    """Both WebAssembly builds give CPython's outcome for name(*args)."""
    from multilingualprogramming import Backend
    on, off, py = _programs()
    want = _outcome(py[name], *args)
    for prog in (on, off):
        got = _outcome(lambda *a: prog.call(name, *a, backend=Backend.WASM), *args)
        assert got == want, (name, args, prog is on)


@needs_native
def test_the_pass_reaches_the_guides_kernel() -> None:
    """The functions divide in f64 with the pass (behind the loop test
    against the bound for the squares), and only in i64 without it."""
    on, off, _ = _programs()
    text, plain = on.wat(), off.wat()
    assert "f64.div" in text and "i64.const %d" % BOUND in text
    assert "f64.div" not in plain


@needs_native
@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=300))
def test_expensive_operation(n: int) -> None:
    """The guide's function and its % variant for n * n up to 90000."""
    _check("expensive_operation", n)
    _check("expensive_mod", n)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.one_of(st.integers(min_value=BOUND - 400, max_value=BOUND + 50),
                 st.integers(min_value=-50, max_value=1 << 31)),
       st.integers(min_value=-5, max_value=400))
def test_segment_across_the_bound(a: int, width: int) -> None:
    """range(a, a + width) below, across and above the bound, and over
    negative values (a zero divisor raises ZeroDivisionError)."""
    _check("segment", a, a + width)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.one_of(st.integers(min_value=(1 << 53) - 300, max_value=(1 << 53) + 20),
                 st.integers(min_value=-30, max_value=1 << 40)),
       st.integers(min_value=0, max_value=200),
       st.integers(min_value=-3, max_value=1 << 20))
def test_linear_up_to_two_to_the_53(a: int, width: int, m: int) -> None:
    """Dividends up to and beyond 2**53 (the float copy runs only while
    the range stays below it), by m % 1000 + 1 and by i % 5 + 2."""
    _check("linear", a, a + width, m)


@needs_native
@pytest.mark.parametrize("n", [9742, 9743])
def test_expensive_operation_at_the_bound(n: int) -> None:
    """n * n = 94906264 runs the float copy, 9743 * 9743 the integer one.
    CPython would take minutes here: the expected value is the closed form
    (i * i) // (i + 1) = i - 1 for i >= 1, a sum of (N - 1)(N - 2) / 2 for
    N = n * n, which the test checks against CPython for small n first."""
    from multilingualprogramming import Backend
    on, off, py = _programs()
    for small in (0, 1, 2, 3, 17, 100):
        assert py["expensive_operation"](small) == _closed(small)
    for prog in (on, off):
        assert prog.call("expensive_operation", n, backend=Backend.WASM) == _closed(n)


def _closed(n: int) -> int:
    """expensive_operation(n) in closed form: the sum of i - 1 for i in
    [1, n * n)."""
    return (n * n - 1) * (n * n - 2) // 2 if n else 0
