"""sorted(xs) and xs.sort() of lists of ints, floats, bools and strs compile
(core/wasmgen/rt sort.go: a stable merge sort, so equal elements, 0.0 and
-0.0 among them, keep their order as in CPython's stable sort), and so
do sorted(xs, reverse=True) and xs.sort(reverse=True) (reversed, sorted
and reversed again, as CPython keeps them stable). A float list holding
a NaN, which no comparison orders, re-runs in Python; key= stays in
Python. Each
function gives CPython's outcome and leaves its list argument as CPython
does, on WebAssembly and in the Python fallback."""

import math
from typing import List

from hypothesis import example, given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def ints(xs: list[int]) -> list[int]:
    return sorted(xs)

def floats(xs: list[float]) -> list[float]:
    return sorted(xs)

def flags(xs: list[bool]) -> list[bool]:
    return sorted(xs)

def in_place(xs: list[float]) -> int:
    xs.sort()
    return len(xs)

def median(xs: list[int]) -> float:
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return float(s[n // 2])
    return (s[n // 2 - 1] + s[n // 2]) / 2

def top(xs: list[int], k: int) -> list[int]:
    return sorted(xs)[-k:]

def ranking(xs: list[int], k: int) -> list[int]:
    return sorted(xs, reverse=True)[:k]

def down(xs: list[float]) -> list[float]:
    return sorted(xs, reverse=True)

def down_flags(xs: list[bool]) -> list[bool]:
    return sorted(xs, reverse=False) + sorted(xs, reverse=True)

def down_in_place(xs: list[float]) -> int:
    xs.sort(reverse=True)
    return len(xs)

def by_key(xs: list[int]) -> list[int]:
    return sorted(xs, key=abs)

def words(text: str) -> list[str]:
    return sorted(text.split())

def vocabulary(text: str) -> str:
    ws = text.lower().split()
    ws.sort(reverse=True)
    return " ".join(ws)
"""

FLOATS = st.lists(st.one_of(st.sampled_from([0.0, -0.0, 1.5, -1.5, math.inf, -math.inf]),
                            st.floats(allow_nan=False)), max_size=40)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {
        "by_key": "line 38: passes keyword arguments"}
    assert prog.call("ints", [3, -1, 2], backend=mp.Backend.WASM) == [-1, 2, 3]
    # a NaN: the call re-runs in Python
    got = prog.floats([2.0, math.nan, 1.0])
    assert repr(got) == repr(sorted([2.0, math.nan, 1.0])) and prog.last_report["backend"] == "python"


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-2**63, 2**63 - 1), max_size=40), FLOATS, st.lists(st.booleans(), max_size=20),
       st.integers(0, 45))
@example([], [0.0, -0.0, 0.0, -0.0], [True, False], 0)
@example([5, 5, -5], [-0.0, 1.0, 0.0, -1.0], [], 2)
def test_like_cpython(xs: List[int], fs: List[float], bs: List[bool], k: int) -> None:
    check_calls_like_cpython(SOURCE, "ints", xs)
    check_calls_like_cpython(SOURCE, "floats", fs, by_repr=True)
    check_calls_like_cpython(SOURCE, "flags", bs)
    check_calls_like_cpython(SOURCE, "in_place", fs, by_repr=True)
    check_calls_like_cpython(SOURCE, "top", xs, k)
    check_calls_like_cpython(SOURCE, "ranking", xs, k)
    check_calls_like_cpython(SOURCE, "down", fs, by_repr=True)
    check_calls_like_cpython(SOURCE, "down_flags", bs)
    check_calls_like_cpython(SOURCE, "down_in_place", fs, by_repr=True)
    if xs:
        # ints below 2**53, whose true division WebAssembly computes exactly
        check_calls_like_cpython(SOURCE, "median", [x % 10**12 for x in xs], by_repr=True)
    # the list sorted in place, 0.0 and -0.0 in their first order
    prog, ns = program_and_cpython(SOURCE)
    ours, theirs = list(fs), list(fs)
    prog.call("in_place", ours, backend=mp.Backend.WASM)
    ns["in_place"](theirs)
    assert repr(ours) == repr(theirs)

    ours, theirs = list(fs), list(fs)
    prog.call("down_in_place", ours, backend=mp.Backend.WASM)
    ns["down_in_place"](theirs)
    assert repr(ours) == repr(theirs)


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abAB éü€😀日\u3000\x00", max_size=30))
@example("b a B A é e 😀 € 日 ab a")
def test_str_lists(text: str) -> None:
    """Lists of strs sort by code points (their UTF-8 bytes), ascending and
    with reverse=True, whatever the text."""
    check_calls_like_cpython(SOURCE, "words", text)
    check_calls_like_cpython(SOURCE, "vocabulary", text)
