"""Loop nests over lists of lists (the compiler's "rowdata" and "rowhoist"
passes): while a loop that cannot change the rows runs, the fast copy of
its innermost loop reads m[k][j] through a table of the rows' data
pointers instead of each row's header, and reads a row m[r][k] whose r
the loop does not change once, before it. Each function gives CPython's
outcome (IndexError on a short row or a row out of range included, rows
from the end for a negative r), with and without each pass, on
WebAssembly and in the Python fallback, and leaves its list arguments as
CPython leaves them."""

from typing import Any, List

from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import check_calls_like_cpython, check_like_cpython, needs_native, with_and_without

SOURCE = """\
def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    c = []
    for i in range(len(a)):
        row = [0.0] * len(b[0])
        for j in range(len(b[0])):
            s = 0.0
            for k in range(len(b)):
                s = s + a[i][k] * b[k][j]
            row[j] = s
        c.append(row)
    return c

def colsums(m: list[list[int]], cols: int) -> list[int]:
    out = [0] * cols
    for j in range(cols):
        s = 0
        for k in range(len(m)):
            s += m[k][j]
        out[j] = s
    return out

def window(m: list[list[int]], start: int, stop: int, cols: int) -> int:
    total = 0
    for r in range(2):
        for j in range(cols):
            for k in range(start, stop):
                total = total + k * m[k][j]
    return total

def bump(m: list[list[int]], cols: int, d: int) -> int:
    for r in range(2):
        for j in range(cols):
            for k in range(len(m)):
                m[k][j] += d
    return len(m)

def rowdot(m: list[list[float]], r: int, v: list[float], stop: int) -> float:
    s = 0.0
    for t in range(2):
        for k in range(stop):
            s = s + m[r][k] * v[k]
    return s

def scale_row(m: list[list[int]], r: int, d: int) -> int:
    for t in range(2):
        for k in range(len(m[r])):
            m[r][k] = m[r][k] * d + k
    return len(m[r])

def marked(m: list[list[bool]], cols: int) -> int:
    n = 0
    for r in range(2):
        for j in range(cols):
            for k in range(len(m)):
                if m[k][j]:
                    n = n + k + 1
    return n
"""

NAMES = ("matmul", "colsums", "window", "bump", "rowdot", "scale_row", "marked")

small = st.integers(-1000, 1000)
floats = st.floats(-1e6, 1e6, allow_nan=False)


def grid(elems: Any, max_rows: int = 8) -> Any:
    """Lists of lists, ragged or not, of elems."""
    return st.lists(st.lists(elems, max_size=6), max_size=max_rows)


@needs_native
def test_every_nest_compiles_and_uses_tables() -> None:
    hoisted, _, _ = with_and_without(SOURCE, "rowhoist")
    assert hoisted.wat() != with_and_without(SOURCE, "rowhoist")[1].wat()
    on, off, _ = with_and_without(SOURCE, "rowdata")
    assert {n: f.reason for n, f in on.functions.items() if not f.compilable} == {}
    assert set(on.functions) == set(NAMES)
    assert on.wat() != off.wat()
    assert on.call("colsums", [[1, 2], [3, 4]], 2, timeout=20) == [4, 6]
    assert on.last_report["backend"] == "wasm"


@needs_native
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 6), st.integers(1, 6), st.integers(0, 6), st.data())
def test_matmul(n: int, p: int, m: int, data: Any) -> None:
    a = data.draw(st.lists(st.lists(floats, min_size=p, max_size=p), min_size=n, max_size=n))
    b = data.draw(st.lists(st.lists(floats, min_size=m, max_size=m), min_size=p, max_size=p))
    check_like_cpython(SOURCE, "rowdata", "matmul", a, b)
    check_like_cpython(SOURCE, "rowhoist", "matmul", a, b)
    check_calls_like_cpython(SOURCE, "matmul", a, b, by_repr=True)


@needs_native
@settings(max_examples=80, deadline=None)
@given(grid(small), st.integers(0, 8))
@example([[1, 2, 3], [4, 5, 6]], 3)
@example([[1, 2, 3], [4]], 2)
def test_colsums(m: List[List[int]], cols: int) -> None:
    check_like_cpython(SOURCE, "rowdata", "colsums", m, cols)
    check_calls_like_cpython(SOURCE, "colsums", m, cols)


@needs_native
@settings(max_examples=80, deadline=None)
@given(grid(small), st.integers(-2, 9), st.integers(-2, 10), st.integers(0, 7))
@example([[1, 2], [3, 4], [5, 6]], 1, 3, 2)
def test_window(m: List[List[int]], start: int, stop: int, cols: int) -> None:
    check_like_cpython(SOURCE, "rowdata", "window", m, start, stop, cols)
    check_calls_like_cpython(SOURCE, "window", m, start, stop, cols)


@needs_native
@settings(max_examples=80, deadline=None)
@given(grid(small), st.integers(0, 7), small)
@example([[1, 2], [3, 4]], 2, 5)
def test_bump_stores_through_the_rows(m: List[List[int]], cols: int, d: int) -> None:
    check_like_cpython(SOURCE, "rowdata", "bump", m, cols, d)
    check_calls_like_cpython(SOURCE, "bump", m, cols, d)


@needs_native
@settings(max_examples=60, deadline=None)
@given(grid(st.booleans()), st.integers(0, 7))
def test_marked(m: List[List[bool]], cols: int) -> None:
    check_like_cpython(SOURCE, "rowdata", "marked", m, cols)
    check_calls_like_cpython(SOURCE, "marked", m, cols)


@needs_native
@settings(max_examples=100, deadline=None)
@given(grid(floats), st.integers(-10, 10), st.lists(floats, max_size=8), st.integers(-1, 8))
@example([[1.0, 2.0], [3.0, 4.0]], -1, [1.0, 1.0], 2)
@example([[1.0, 2.0], [3.0]], 1, [1.0, 1.0], 2)
@example([[1.0]], 3, [1.0], 0)
def test_rowdot_reads_one_row(m: List[List[float]], r: int, v: List[float], stop: int) -> None:
    check_like_cpython(SOURCE, "rowhoist", "rowdot", m, r, v, stop)
    check_calls_like_cpython(SOURCE, "rowdot", m, r, v, stop, by_repr=True)


@needs_native
@settings(max_examples=100, deadline=None)
@given(grid(small), st.integers(-10, 10), small)
@example([[1, 2], [3, 4]], -2, 3)
def test_scale_row_stores_through_one_row(m: List[List[int]], r: int, d: int) -> None:
    check_like_cpython(SOURCE, "rowhoist", "scale_row", m, r, d)
    check_calls_like_cpython(SOURCE, "scale_row", m, r, d)
