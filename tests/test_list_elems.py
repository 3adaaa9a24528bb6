"""The elements of a list a function builds itself (the compiler's "elems"
pass): stored values with a known interval let the loops that read them
skip overflow checks, and a loop over a list that adds them up runs a
copy without checks on its sum when the sum starts small enough. Lists
that another name can reach (an alias, a list of lists holding them),
elements that grow in a loop, and products that leave 64 bits must still
give CPython's exact result: compiled with the pass and without it, on
WebAssembly and in the Python fallback."""

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_like_cpython, needs_native, with_and_without

SOURCE = """\
def walk(n: int, k: int) -> int:
    a = []
    for i in range(n):
        a.append((i * 7919) % 1009)
    s = 0
    for r in range(1, 4):
        for x in a:
            s = s + x * k
        i = 0
        while i < len(a):
            s = s - a[i] * r
            i = i + 1
    return s

def tripled(n: int, v: int) -> int:
    a = [1] * (n % 8 + 1)
    a[0] = v % 100
    for i in range(n):
        a[i % len(a)] *= 3
    s = 0
    for x in a:
        s = s + x * x
    return s

def grown(n: int) -> int:
    a = [0]
    for i in range(n):
        a.append(a[-1] * 2 + 1)
    s = 0
    for x in a:
        s += x * 3
    return s

def aliased(n: int, v: int) -> int:
    a = [n % 10, 2]
    b = a
    b.append(v)
    s = 0
    for x in a:
        s = s + x * 1000000007
    return s

def held(n: int, v: int) -> int:
    a = [n % 10, 3]
    m = [a]
    m[0].append(v)
    s = 0
    for x in a:
        s = s + x * x
    return s

def offset(n: int, start: int) -> int:
    a = []
    for i in range(n):
        a.append(i % 1000 - 300)
    s = start
    for x in a:
        s = s + x * 3
    return s

def popped(n: int, v: int) -> int:
    a = [v % 1000, n % 1000, 7]
    a.pop(0)
    s = 0
    for r in range(n % 5):
        for x in a:
            s = s * 3 + x
    return s + max(a) * sum(a)
"""


def _check(name: str, *args: Any) -> None:
    """CPython's outcome, with and without the pass (check_like_cpython)."""
    check_like_cpython(SOURCE, "elems", name, *args)


BIG = st.one_of(st.integers(min_value=-1000, max_value=1000),
                st.integers(min_value=-2**64, max_value=2**64),
                st.sampled_from([2**62, -2**62, 2**63 - 1, -2**63, 3037000499, 9223372036]))


@needs_native
def test_the_pass_changes_the_module() -> None:
    """The pass drops the checks of the loops over the walked list: the
    modules differ with and without it."""
    on, off, _ = with_and_without(SOURCE, "elems")
    assert on.wat() != off.wat()


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=300), BIG)
@example(200, 2**53)
@example(100, 9223372036854775807 // 1008)
def test_bounded_elements(n: int, k: int) -> None:
    """A list of (i * 7919) % 1009 walked with for and while: its products
    with a large k leave 64 bits, its own never do."""
    _check("walk", n, k)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=120), BIG)
@example(41, 99)
@example(80, 5)
def test_growing_elements(n: int, v: int) -> None:
    """Elements multiplied in place, and appended from the last one: they
    grow past 64 bits after enough rounds, and the interval the pass finds
    must say so."""
    _check("tripled", n, v)
    _check("grown", n)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=3000), BIG)
@example(2000, 2**61)
@example(2000, 2**61 + 1)
@example(2000, 2**63 - 1000)
@example(2000, -2**63 + 1000)
def test_accumulator_entry(n: int, start: int) -> None:
    """for x in a: s = s + x * 3 runs its copy without overflow checks
    when s starts within 2**61 in magnitude, and the checked one beyond,
    where the sum may leave 64 bits."""
    _check("offset", n, start)


@needs_native
@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=-1000, max_value=1000), BIG)
@example(3, 2**62)
def test_reachable_lists(n: int, v: int) -> None:
    """A list appended to through another name, or through a list of
    lists holding it, gets no interval: a large v must reach the sums."""
    _check("aliased", n, v)
    _check("held", n, v)
    _check("popped", n, v)
