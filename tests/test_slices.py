"""Slices x[lo:hi:step] of lists and strs compile (core/check lists.go
types them, core/wasmgen/rt slices.go makes the new list or str with
CPython's index adjustment: negative bounds from the end, bounds clamped,
absent parts defaulted by the step's sign, a step of 0 a ValueError).
A str slice runs on WebAssembly for any text (by bytes for ASCII, by code
points otherwise). Each function gives CPython's outcome, on WebAssembly and in the
Python fallback; assigning to a slice stays in Python."""

from typing import Any, List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def full(xs: list[int], a: int, b: int, c: int) -> list[int]:
    return xs[a:b:c]

def pair(xs: list[float], a: int, b: int) -> list[float]:
    return xs[a:b]

def tail(xs: list[bool], a: int) -> list[bool]:
    return xs[a:]

def head(m: list[list[int]], b: int) -> list[list[int]]:
    return m[:b]

def every(xs: list[str], c: int) -> list[str]:
    return xs[::c]

def backwards(s: str) -> str:
    return s[::-1]

def text(s: str, a: int, b: int, c: int) -> str:
    return s[a:b:c]

def window_sums(xs: list[int], k: int) -> list[int]:
    return [sum(xs[i:i + k]) for i in range(len(xs) - k + 1)]

def after_first(xs: list[int]) -> int:
    s = 0
    for x in xs[1:]:
        s = s * 7 + x
    return s + len(xs[:-1])

def is_palindrome(s: str) -> bool:
    return s == s[::-1]

def store(xs: list[int]) -> list[int]:
    xs[1:] = [0]
    return xs
"""

NAMES = ("full", "pair", "tail", "head", "every", "backwards", "text", "window_sums", "after_first",
         "is_palindrome")

BOUND = st.one_of(st.integers(-12, 12), st.sampled_from([-2**63, -2**63 + 1, 2**63 - 1, 2**40, -2**40]))
INTS = st.lists(st.integers(-1000, 1000), max_size=10)


def check(name: str, *args: Any) -> None:
    check_calls_like_cpython(SOURCE, name, *args)


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable and n in NAMES} == {}
    assert "assigning to a slice" in prog.functions["store"].reason
    assert prog.call("backwards", "abc", timeout=20) == "cba"
    assert prog.last_report["backend"] == "wasm"
    # text beyond ASCII, by code points
    assert prog.backwards("é€😀a") == "a😀€é" and prog.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=300, deadline=None)
@given(INTS, BOUND, BOUND, BOUND)
@example([1, 2, 3], 0, 3, 0)
@example([1, 2, 3], -2**63, 2**63 - 1, -2**63)
@example([1, 2, 3, 4, 5], 4, -10, -2)
@example([], 0, 0, -1)
def test_list_slices(xs: List[int], a: int, b: int, c: int) -> None:
    check("full", xs, a, b, c)
    check("pair", [x / 4 for x in xs], a, b)
    check("tail", [x > 0 for x in xs], a)
    check("head", [xs, xs[:2], []], b)
    check("every", [str(x) for x in xs], c)


@needs_native
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcxyz", max_size=12), st.text(alphabet="aé€😀", max_size=6), BOUND, BOUND, BOUND)
@example("abc", "é", 0, 3, 0)
@example("racecar", "€a€", -1, -8, -1)
def test_str_slices(s: str, u: str, a: int, b: int, c: int) -> None:
    for t in (s, u, s + u, u + s + u):
        check("backwards", t)
        check("text", t, a, b, c)
        check("text", t, a % 7 - 3, b % 9 - 4, c % 5 - 2 or 1)  # bounds inside the text, small steps
        check("is_palindrome", t)


@needs_native
@settings(max_examples=200, deadline=None)
@given(INTS, st.integers(-2, 12))
def test_slices_in_loops(xs: List[int], k: int) -> None:
    check("window_sums", xs, k)
    check("after_first", xs)


@needs_native
def test_store_stays_python() -> None:
    prog, ns = program_and_cpython(SOURCE)
    assert prog.store([1, 2, 3]) == ns["store"]([1, 2, 3]) == [1, 0]
