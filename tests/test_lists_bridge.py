"""Lists across the bridge: list arguments and results of compiled functions.

Every function of PROGRAM takes or returns list[int], list[float],
list[bool] or nested lists. Each call runs on Backend.PYTHON (the
reference), Backend.AUTO and Backend.WASM, each on its own deep copy of the
arguments, and what the caller can see afterwards must agree:

* the result, compared by value (floats bit for bit, every nan equal to
  every nan, bool distinct from int);
* the argument lists after the call: Python passes lists by reference, so
  a function that appends, pops or assigns must leave the caller's lists
  exactly as Python does;
* object identity: a returned argument is that argument object, an inner
  list that came in goes back as the same object, and two references to one
  list (an argument passed twice, rows shared as in ``[row] * 2``) stay one
  list. ``snapshot`` numbers the lists it meets so that the pattern of
  sharing is part of what is compared.

AUTO must agree with PYTHON exactly. WASM must agree, or refuse a call it
cannot run as Python would (OverflowError for an int outside 64 bits,
TypeError for an argument of another type) and then leave the arguments
untouched. The corpus functions with list signatures must run on
WebAssembly and agree with the registry's Python implementations.
"""

import copy
import gc
import math
import struct
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from support import needs_native

pytestmark = needs_native

I64_MIN, I64_MAX = -(2 ** 63), 2 ** 63 - 1

PROGRAM = '''
def total(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x
    return s

def ftotal(a: list[float]) -> float:
    s = 0.0
    for x in a:
        s = s + x
    return s

def count_true(a: list[bool]) -> int:
    n = 0
    for x in a:
        if x:
            n = n + 1
    return n

def negated(a: list[bool]) -> list[bool]:
    out = []
    for x in a:
        out.append(not x)
    return out

def flip_in_place(a: list[bool]) -> None:
    for i in range(len(a)):
        a[i] = not a[i]

def reversed_copy(a: list[int]) -> list[int]:
    out = []
    i = len(a) - 1
    while i >= 0:
        out.append(a[i])
        i = i - 1
    return out

def push(a: list[int], x: int) -> None:
    a.append(x)

def push_return(a: list[int], x: int) -> list[int]:
    a.append(x)
    return a

def set_first(a: list[float], v: float) -> int:
    a[0] = v
    return len(a)

def popped(a: list[int]) -> int:
    return a.pop()

def double_all(a: list[int]) -> list[int]:
    for i in range(len(a)):
        a[i] = a[i] * 2
    return a

def same(a: list[float]) -> list[float]:
    return a

def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0.0
            for t in range(k):
                s = s + a[i][t] * b[t][j]
            row.append(s)
        out.append(row)
    return out

def row_sums(m: list[list[float]]) -> list[float]:
    out = []
    for r in m:
        s = 0.0
        for x in r:
            s = s + x
        out.append(s)
    return out

def scale_rows(m: list[list[float]], k: float) -> int:
    for r in m:
        for j in range(len(r)):
            r[j] = r[j] * k
    return len(m)

def add_row(m: list[list[float]], r: list[float]) -> list[list[float]]:
    m.append(r)
    return m

def first_row(m: list[list[float]]) -> list[float]:
    return m[0]

def swap_rows(m: list[list[float]]) -> None:
    t = m[0]
    m[0] = m[1]
    m[1] = t

def drop_first_then_grow(m: list[list[int]]) -> int:
    r = m.pop(0)
    r.append(99)
    return len(r)

def twin_rows(n: int) -> list[list[int]]:
    row = []
    for i in range(n):
        row.append(i)
    return [row, row]

def total3(a: list[list[list[int]]]) -> int:
    s = 0
    for b in a:
        for c in b:
            for x in c:
                s = s + x
    return s

def append_to_both(a: list[int], b: list[int]) -> int:
    a.append(1)
    b.append(2)
    return len(a) + len(b)

def mix(a: list[int], b: list[float]) -> int:
    a.append(1)
    b.append(2.0)
    return len(a)

def clear_all(a: list[int]) -> None:
    while len(a) > 0:
        a.pop()

def bump_first_row(m: list[list[int]]) -> list[int]:
    r = m[0]
    r[0] = r[0] + 1
    return r

def make_empty() -> list[float]:
    return []

def square_sum(a: list[int]) -> int:
    s = 0
    for x in a:
        s = s + x * x
    return s

def halve_then_fail(a: list[int], d: int) -> int:
    a.append(7)
    for i in range(len(a)):
        a[i] = a[i] // d
    return a[100]

def make_big(n: int) -> list[int]:
    out = []
    for i in range(n):
        out.append(i)
    return out
'''

SIGNATURES = {
    "total": "I:i", "ftotal": "F:f", "count_true": "B:i", "negated": "B:B",
    "flip_in_place": "B:n", "reversed_copy": "I:I", "push": "Ii:n", "push_return": "Ii:I",
    "set_first": "Ff:i", "popped": "I:i", "double_all": "I:I", "same": "F:F",
    "matmul": "LFLF:LF", "row_sums": "LF:F", "scale_rows": "LFf:i", "add_row": "LFF:LF",
    "first_row": "LF:F", "swap_rows": "LF:n", "drop_first_then_grow": "LI:i",
    "twin_rows": "i:LI", "total3": "LLI:i", "append_to_both": "II:i", "mix": "IF:i",
    "clear_all": "I:n", "bump_first_row": "LI:I", "make_empty": ":F", "square_sum": "I:i",
    "halve_then_fail": "Ii:i", "make_big": "i:I",
}


@pytest.fixture(scope="module")
def prog():
    return mp.compile_source(PROGRAM, language="en", filename="lists.multi")


# ---------------------------------------------------------------- helpers

def snapshot(*values):
    """A comparable picture of values: lists numbered in order of first
    appearance (a list met again is a reference to its number), floats by
    their bits with every nan alike, bools apart from ints."""
    seen = {}

    def walk(x):
        if isinstance(x, list):
            if id(x) in seen:
                return ("ref", seen[id(x)])
            seen[id(x)] = len(seen)
            return ("list", seen[id(x)], tuple(walk(e) for e in x))
        if isinstance(x, bool):
            return ("bool", x)
        if isinstance(x, float):
            return ("float", "nan" if math.isnan(x) else struct.pack("<d", x))
        if isinstance(x, int):
            return ("int", x)
        if isinstance(x, tuple):
            return ("tuple", tuple(walk(e) for e in x))
        return ("other", repr(x))
    return tuple(walk(v) for v in values)


def outcome(prog, name, args, backend):
    """(snapshot of (result, *args) after the call, exception type or None,
    report) for one call on its own deep copy of args."""
    args = copy.deepcopy(args)  # keeps the sharing between and inside arguments
    try:
        res = prog.call(name, *args, backend=backend)
        exc = None
    except Exception as e:  # noqa: BLE001 - the type is what is compared
        res, exc = None, type(e)
    return snapshot(res, *args), exc, prog.last_report


def check(prog, name, *args):
    """AUTO equals PYTHON; WASM equals PYTHON or refuses with the arguments
    untouched."""
    want, want_exc, _ = outcome(prog, name, args, mp.Backend.PYTHON)
    got, got_exc, report = outcome(prog, name, args, mp.Backend.AUTO)
    assert (got, got_exc) == (want, want_exc), (name, args, report)
    forced, forced_exc, report = outcome(prog, name, args, mp.Backend.WASM)
    if (forced, forced_exc) != (want, want_exc):
        assert forced_exc in (OverflowError, TypeError, MemoryError), (name, args, forced_exc, report)
        assert forced == snapshot(None, *args), (name, args, "arguments changed by a refused call")
    return report


# ------------------------------------------------------------ strategies

EDGE_INTS = [0, 1, -1, 2, -7, 100, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 3037000499, 3037000500,
             I64_MAX, I64_MIN, I64_MAX - 1, I64_MIN + 1]
BEYOND = [2 ** 63, -(2 ** 63) - 1, 2 ** 64, -(2 ** 70), 10 ** 30]
EDGE_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 1e308, -1e308, 5e-324, float("inf"),
               float("-inf"), float("nan"), 0.1, 1 / 3]

ints = st.one_of(st.sampled_from(EDGE_INTS), st.integers(I64_MIN, I64_MAX),
                 st.integers(-1000, 1000))
wide_ints = st.one_of(ints, st.sampled_from(BEYOND))
floats = st.one_of(st.sampled_from(EDGE_FLOATS), st.floats(), st.floats(-1e6, 1e6))
small_ints = st.integers(-1000, 1000)

int_lists = st.lists(wide_ints, max_size=8)
float_lists = st.lists(floats, max_size=8)
bool_lists = st.lists(st.booleans(), max_size=8)
ragged = st.lists(st.lists(floats, max_size=4), max_size=4)
ragged_ints = st.lists(st.lists(small_ints, max_size=4), max_size=4)


@st.composite
def matrices(draw, elems=floats):
    n = draw(st.integers(0, 4))
    m = draw(st.integers(1, 4))
    return [draw(st.lists(elems, min_size=m, max_size=m)) for _ in range(n)]


@st.composite
def shared_rows(draw):
    """A matrix whose rows may be one list repeated (``[row] * k``)."""
    row = draw(st.lists(floats, min_size=1, max_size=3))
    k = draw(st.integers(1, 3))
    rows = [row] * k
    if draw(st.booleans()):
        rows.append(list(draw(st.lists(floats, min_size=1, max_size=3))))
    return rows


FAST = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])


# ---------------------------------------------------------------- tests

def test_signatures(prog):
    got = {name: (f.compilable, f.signature, f.reason) for name, f in prog.functions.items()}
    assert got == {name: (True, sig, "") for name, sig in SIGNATURES.items()}


def test_type_key_collision():
    # (i32, f64) -> () and (i32) -> f64 once shared a type index.
    src = ("def ftotal(a: list[float]) -> float:\n    return a[0]\n\n"
           "def set_first(a: list[float], v: float) -> None:\n    a[0] = v\n")
    p = mp.compile_source(src, language="en")
    a = [1.0]
    p.call("set_first", a, 2.5, backend=mp.Backend.WASM)
    assert a == [2.5]


def test_docstring_names_list_types(prog):
    doc = prog._native_module().function("scale_rows", "LFf:i").__doc__
    assert doc.startswith("scale_rows(list[list[float]], f64) -> i64")
    assert prog._native_module().function("twin_rows", "i:LI").__doc__.startswith(
        "twin_rows(i64) -> list[list[int]]")


@pytest.mark.parametrize("sig", ["I:i", "i:i", "II:i", "I:", "I:n", "LX:i", "L:i", "I:ii", "I:LLLLLLLL",
                                 "I:iI", ":i"])
def test_signature_mismatch_refused(prog, sig):
    module = prog._native_module()
    with pytest.raises(ValueError, match="does not match"):
        module.function("reversed_copy", sig)


@FAST
@given(a=int_lists)
def test_int_lists(prog, a):
    for name in ("total", "reversed_copy", "double_all", "clear_all", "square_sum", "popped"):
        check(prog, name, a)


@FAST
@given(a=int_lists, x=wide_ints)
def test_append_in_place(prog, a, x):
    check(prog, "push", a, x)
    check(prog, "push_return", a, x)


@FAST
@given(a=float_lists, v=floats)
def test_float_lists(prog, a, v):
    check(prog, "ftotal", a)
    check(prog, "set_first", a, v)
    check(prog, "same", a)


@FAST
@given(a=bool_lists)
def test_bool_lists(prog, a):
    for name in ("count_true", "negated", "flip_in_place"):
        check(prog, name, a)


@FAST
@given(a=st.one_of(matrices(), ragged), b=st.one_of(matrices(), ragged))
def test_matmul(prog, a, b):
    check(prog, "matmul", a, b)


@FAST
@given(m=st.one_of(ragged, matrices(), shared_rows()), k=floats, r=float_lists)
def test_nested_float_lists(prog, m, k, r):
    check(prog, "row_sums", m)
    check(prog, "scale_rows", m, k)
    check(prog, "add_row", m, r)
    check(prog, "first_row", m)
    check(prog, "swap_rows", m)


@FAST
@given(m=st.lists(st.lists(wide_ints, max_size=3), max_size=3))
def test_nested_int_lists(prog, m):
    check(prog, "drop_first_then_grow", m)
    check(prog, "bump_first_row", m)


@FAST
@given(a=st.lists(st.lists(st.lists(wide_ints, max_size=3), max_size=3), max_size=3))
def test_three_levels(prog, a):
    check(prog, "total3", a)


@FAST
@given(n=st.integers(-3, 20))
def test_new_nested_result_keeps_sharing(prog, n):
    check(prog, "twin_rows", n)
    res = prog.call("twin_rows", n, backend=mp.Backend.WASM)
    assert res[0] is res[1]


@FAST
@given(a=int_lists, d=st.integers(-3, 3))
def test_mutation_before_an_exception_is_kept(prog, a, d):
    # ZeroDivisionError or IndexError after the list changed: Python leaves
    # it changed, and so must the bridge.
    check(prog, "halve_then_fail", a, d)


def test_returned_argument_is_the_same_object(prog):
    for backend in (mp.Backend.AUTO, mp.Backend.WASM):
        a = [1, 2]
        assert prog.call("push_return", a, 3, backend=backend) is a
        assert a == [1, 2, 3]
        f = [0.5]
        assert prog.call("same", f, backend=backend) is f
        m, r = [[1.0]], [2.0, 3.0]
        res = prog.call("add_row", m, r, backend=backend)
        assert res is m and res[1] is r and m == [[1.0], [2.0, 3.0]]
        row = [4.0]
        assert prog.call("first_row", [row, [5.0]], backend=backend) is row
        assert prog.last_report["backend"] == "wasm"


def test_inner_lists_keep_their_identity(prog):
    r0, r1 = [1.0], [2.0, 3.0]
    m = [r0, r1]
    prog.call("swap_rows", m, backend=mp.Backend.WASM)
    assert m[0] is r1 and m[1] is r0
    # A row dropped from the matrix but changed afterwards is still updated.
    first, second = [1, 2], [3]
    m = [first, second]
    assert prog.call("drop_first_then_grow", m, backend=mp.Backend.WASM) == 3
    assert m == [[3]] and m[0] is second and first == [1, 2, 99]
    row = [10, 20]
    got = prog.call("bump_first_row", [row], backend=mp.Backend.WASM)
    assert got is row and row == [11, 20]


def test_unchanged_elements_keep_their_objects(prog):
    big = 10 ** 12 + 1  # not a cached small int
    a = [big, 3]
    prog.call("push", a, 4, backend=mp.Backend.WASM)
    assert a[0] is big and a == [big, 3, 4]


def test_aliased_arguments(prog):
    for backend in (mp.Backend.AUTO, mp.Backend.WASM):
        a = [5]
        assert prog.call("append_to_both", a, a, backend=backend) == 6
        assert a == [5, 1, 2]
        assert prog.last_report["backend"] == "wasm"
        row = [1.0, 2.0]
        m = [row, row]
        prog.call("scale_rows", m, 3.0, backend=backend)
        assert m[0] is m[1] is row and row == [9.0, 18.0]


def test_alias_across_list_types_falls_back(prog):
    a = []
    assert prog.call("mix", a, a) == 2
    assert a == [1, 2.0] and type(a[1]) is float
    assert prog.last_report == {"function": "mix", "backend": "python",
                                "reason": "wasm-argument-fallback"}
    with pytest.raises(TypeError, match="also passed as a list of another type"):
        prog.call("mix", a, a, backend=mp.Backend.WASM)
    assert a == [1, 2.0]


@pytest.mark.parametrize("name,args,message", [
    ("total", ((1, 2),), "must be list\\[int\\]: found tuple"),
    ("total", ([True, 2],), "found bool where an int is needed"),
    ("ftotal", ([1.0, 2],), "found int where a float is needed"),
    ("count_true", ([1, 0],), "found int where a bool is needed"),
    ("row_sums", ([[1.0], (2.0,)],), "found tuple where a list"),
    ("total", (type("L", (list,), {})([1]),), "found L where a list"),
    ("total", (None,), "found NoneType"),
])
def test_other_types_fall_back(prog, name, args, message):
    want = outcome(prog, name, args, mp.Backend.PYTHON)[:2]
    got, exc, report = outcome(prog, name, args, mp.Backend.AUTO)
    assert (got, exc) == want
    assert report["reason"] == "wasm-argument-fallback"
    with pytest.raises(TypeError, match=message):
        prog.call(name, *args, backend=mp.Backend.WASM)


def test_ints_beyond_64_bits(prog):
    a = [1, 2 ** 63, 3]
    assert prog.call("push_return", a, 4) is a and a == [1, 2 ** 63, 3, 4]
    assert prog.last_report["reason"] == "wasm-overflow-fallback"
    b = [1, 2 ** 63]
    with pytest.raises(OverflowError, match="does not fit in a 64-bit integer"):
        prog.call("push", b, 4, backend=mp.Backend.WASM)
    assert b == [1, 2 ** 63]


def test_overflow_inside_reruns_from_the_original_arguments(prog):
    a = [3037000500, 1]
    assert prog.call("square_sum", a) == 3037000500 ** 2 + 1
    assert prog.last_report["reason"] == "wasm-overflow-fallback"
    with pytest.raises(OverflowError):
        prog.call("square_sum", a, backend=mp.Backend.WASM)
    assert a == [3037000500, 1]


def test_empty_lists(prog):
    assert prog.call("make_empty", backend=mp.Backend.WASM) == []
    assert prog.call("total", [], backend=mp.Backend.WASM) == 0
    with pytest.raises(IndexError):
        prog.call("popped", [], backend=mp.Backend.WASM)
    assert prog.call("matmul", [], [[1.0]], backend=mp.Backend.WASM) == []


def test_memory_limit(prog):
    native = prog._native_module().__class__
    small = native(prog.wasm_bytes, memory_limit=1 << 20)
    fallback = prog.python_function("make_big")
    auto = small.function("make_big", "i:I", fallback)
    forced = small.function("make_big", "i:I")
    assert auto(1000) == list(range(1000))
    assert small.last_call()[2] == "wasm"
    assert auto(200_000) == list(range(200_000))
    assert small.last_call()[2] == "wasm-memory-fallback"
    with pytest.raises(MemoryError):
        forced(200_000)
    # Arguments that do not fit: the allocator cannot grow the memory.
    total = small.function("total", "I:i", prog.python_function("total"))
    big = list(range(200_000))
    assert total(big) == sum(big)
    assert small.last_call()[2] == "wasm-memory-fallback"
    with pytest.raises(MemoryError):
        small.function("total", "I:i")(big)
    assert forced(10) == list(range(10))  # still usable


def test_reentrant_call_during_conversion_falls_back(prog):
    # A garbage collection while the bridge builds the result's lists may
    # run Python code that calls the same module on the same thread; that
    # call must not reset the memory being read: it runs in Python.
    a, b = [[float(i)] for i in range(60)], [[2.0]]
    want = prog.call("matmul", a, b, backend=mp.Backend.PYTHON)
    matmul, twin_rows = prog.matmul, prog.twin_rows
    seen = []

    def during_gc(phase, info):
        if phase == "start" and len(seen) < 1000:
            seen.append((twin_rows(2), prog.last_report["reason"]))

    old, enabled = gc.get_threshold(), gc.isenabled()
    gc.enable()
    gc.callbacks.append(during_gc)
    gc.set_threshold(1)
    try:
        got = matmul(a, b)
    finally:
        gc.set_threshold(*old)
        gc.callbacks.remove(during_gc)
        if not enabled:
            gc.disable()
    assert got == want
    assert all(rows == [[0, 1], [0, 1]] for rows, _ in seen)
    assert "wasm-reentrant-fallback" in {reason for _, reason in seen}


def test_threads(prog):
    inputs = [([float(i)] * (i % 7), float(i)) for i in range(200)]
    got = prog.map("add_row", [([list(r)], r) for r, _ in inputs], workers=4)
    assert [len(m) for m in got] == [2] * 200
    results = {}

    def work(k):
        mine = [k]
        for _ in range(200):
            prog.push(mine, k)
        results[k] = mine

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {k: [k] * 201 for k in range(4)}


def test_timeout_with_lists(prog):
    a = [1, 2]
    assert prog.call("push_return", a, 3, timeout=5) is a
    assert a == [1, 2, 3]


# ---------------------------------------------------------------- corpus

from multilingualprogramming.runtime import python_fallbacks  # noqa: E402
from multilingualprogramming.runtime.backend_selector import (  # noqa: E402
    Backend, BackendRegistry, BackendSelector)

CORPUS_CASES = {
    "fibonacci": [(n,) for n in (-1, 0, 1, 2, 3, 10, 30, 90)],
    "prime_factors": [(n,) for n in (-5, 0, 1, 2, 12, 97, 360, 1001, 2 ** 31 - 1, 600851475143)],
    "binary_search": [([], 3), ([1], 1), ([1, 3, 5, 7], 5), ([1, 3, 5, 7], 4), ([2, 2, 2, 3], 2),
                      (list(range(0, 1000, 3)), 999), (list(range(0, 1000, 3)), 300)],
    "linear_search": [([], 1), ([4, 1, 4], 4), ([4, 1, 4], 9), ([I64_MIN, I64_MAX], I64_MAX)],
    "matrix_multiply": [([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]),
                        ([[0.5, -1.5, 2.0]], [[1.0], [2.0], [3.0]]),
                        ([[1e308]], [[10.0]])],
    "matrix_transpose": [([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],), ([[1.0]],)],
    "matrix_determinant": [([[1.0, 2.0], [3.0, 4.0]],), ([[2.0, 0.0, 1.0], [1.0, 3.0, 2.0],
                                                          [1.0, 1.0, 1.0]],),
                           ([[0.0, 1.0], [1.0, 0.0]],), ([[1.0, 2.0], [2.0, 4.0]],)],
    "image_blur": [([[10, 20, 30], [40, 50, 60], [70, 80, 90]], 3),
                   ([[1, 2], [3, 4]], 2), ([[5, 6, 7]], 1), ([[0] * 5 for _ in range(4)], 5)],
}


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_corpus_list_functions_run_on_wasm(name):
    sel = BackendSelector(prefer_backend=Backend.WASM,
                          registry=BackendRegistry(private=True))
    reference = python_fallbacks.get_fallback(name)
    for args in CORPUS_CASES[name]:
        want = reference(*copy.deepcopy(args))
        got = sel.call_function(name, *copy.deepcopy(args))
        assert snapshot(got) == snapshot(want), (name, args)
        report = sel.get_last_call_report()
        assert report["backend"] == "wasm" and report["reason"] == "wasm", (name, args, report)


def test_selector_fibonacci_30_runs_wasm():
    sel = BackendSelector(prefer_backend=Backend.WASM)
    got = sel.call_function("fibonacci", 30)
    assert got == python_fallbacks.get_fallback("fibonacci")(30)
    assert sel.get_last_call_report()["backend"] == "wasm"


def test_corpus_auto_fills_registry_defaults():
    # The registry's blur has kernel_size=3 by default; the compiled corpus
    # function takes both arguments, so AUTO runs a one-argument call in Python.
    sel = BackendSelector(registry=BackendRegistry(private=True))
    pixels = [[10, 20, 30], [40, 50, 60]]
    assert sel.call_function("image_blur", pixels) == python_fallbacks.get_fallback("image_blur")(pixels)
    assert sel.call_function("image_blur", pixels, 3) == python_fallbacks.get_fallback("image_blur")(pixels)
    assert sel.get_last_call_report()["backend"] == "wasm"


def test_corpus_auto_past_64_bits():
    # Past 64 bits the compiled loop overflows: AUTO gives Python's big ints.
    sel = BackendSelector(registry=BackendRegistry(private=True))
    got = sel.call_function("fibonacci", 100)
    assert got == python_fallbacks.get_fallback("fibonacci")(100)
    assert sel.get_last_call_report()["backend"] == "python"


def test_corpus_auto_takes_registry_types():
    # The registry takes int matrices too; the compiled corpus takes floats,
    # so AUTO runs such calls in Python and gives the registry's answer.
    sel = BackendSelector(registry=BackendRegistry(private=True))
    a, b = [[1, 2], [3, 4]], [[5, 6], [7, 8]]
    assert sel.call_function("matrix_multiply", a, b) == [[19, 22], [43, 50]]
    assert sel.get_last_call_report()["backend"] == "python"
    assert sel.call_function("matrix_multiply", [[1.0]], [[2.0]]) == [[2.0]]
    assert sel.get_last_call_report()["backend"] == "wasm"


def test_float_lists_cross_exactly_and_subclasses_fall_back():
    # The bridge reads a list[float]'s items and values in place (lists.c,
    # ml_fast_lists): every bit of each float goes in, and an element of a
    # float subclass makes the call run in Python, as any other type does.
    class Meters(float):
        pass

    prog = mp.compile_source("def same(xs: list[float]) -> list[float]:\n    return xs[:]\n"
                             "def bits(xs: list[float]) -> float:\n    return xs[-1]\n", language="en")
    values = [0.0, -0.0, 1.5, -2.75, float("inf"), float("-inf"), float("nan"), 5e-324,
              1.7976931348623157e308]
    got = prog.call("same", values, backend=mp.Backend.WASM)
    assert [repr(x) for x in got] == [repr(x) for x in values]
    assert repr(prog.bits([1.0, -0.0])) == "-0.0" and prog.last_report["backend"] == "wasm"
    assert prog.bits([1.0, Meters(2.0)]) == 2.0
    assert prog.last_report["reason"] == "wasm-argument-fallback"


def test_int_lists_cross_exactly():
    # Small ints (one 30-bit digit) are read in place too, by the layout of
    # the running CPython's version; others, and a bool among ints, as before.
    prog = mp.compile_source("def same(xs: list[int]) -> list[int]:\n    return xs[:]\n", language="en")
    values = [0, 1, -1, 7, -9, 2**30 - 1, -(2**30 - 1), 2**30, -2**30, 2**40, -2**62, 2**63 - 1, -2**63]
    assert prog.call("same", values, backend=mp.Backend.WASM) == values
    assert prog.same([1, True]) == [1, True]
    assert prog.last_report["reason"] == "wasm-argument-fallback"
    with pytest.raises(OverflowError):
        prog.call("same", [2**63], backend=mp.Backend.WASM)
