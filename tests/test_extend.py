"""xs.extend(ys) of two lists of the same element type compiles
(core/wasmgen/rt lists.go: ys's count read first, xs's data grown, ys's
slots copied after xs's; xs.extend(xs) doubles the list as CPython does).
Extending by any other iterable stays in Python. Each function gives
CPython's outcome and leaves its list arguments as CPython does, on
WebAssembly and in the Python fallback."""

from typing import List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, needs_native, program_and_cpython

SOURCE = """\
def joined(xs: list[int], ys: list[int]) -> list[int]:
    out = [0]
    out.extend(xs)
    out.extend(ys)
    return out

def doubled(xs: list[float], k: int) -> int:
    for i in range(k):
        xs.extend(xs)
    return len(xs)

def rows(m: list[list[int]]) -> list[int]:
    flat = []
    for r in m:
        flat.extend(r)
    return flat

def words(lines: list[str]) -> list[str]:
    ws = []
    for line in lines:
        ws.extend(line.split())
    return ws

def by_text(xs: list[str], s: str) -> list[str]:
    xs.extend(s)
    return xs
"""


@needs_native
def test_they_compile() -> None:
    prog, _ = program_and_cpython(SOURCE)
    assert {n: f.reason for n, f in prog.functions.items() if not f.compilable} == {
        "by_text": "line 25: this extend() runs only in Python"}


@needs_native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-2**63, 2**63 - 1), max_size=20), st.lists(st.integers(-5, 5), max_size=20),
       st.lists(st.floats(allow_nan=False), max_size=5), st.integers(0, 6),
       st.lists(st.lists(st.integers(-9, 9), max_size=5), max_size=5),
       st.lists(st.text(" ab\u3000é", max_size=8), max_size=5))
@example([], [], [], 0, [], [])
@example([1, 2, 3], [4], [0.5, -0.0, 2.0], 5, [[1], [], [2, 3]], ["a b", "", "é\u3000x"])
def test_like_cpython(xs: List[int], ys: List[int], fs: List[float], k: int, m: List[List[int]],
                      lines: List[str]) -> None:
    check_calls_like_cpython(SOURCE, "joined", xs, ys)
    check_calls_like_cpython(SOURCE, "doubled", fs, k)
    check_calls_like_cpython(SOURCE, "rows", m)
    check_calls_like_cpython(SOURCE, "words", lines)
