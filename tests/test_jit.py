"""@mp.jit: Python functions compiled to WebAssembly, against CPython.

The oracle is always the undecorated function (``f.__wrapped__``) run by
CPython on the same arguments: the differential inputs of
test_differential (64-bit limits, nan, infinities, -0.0), with the same
value and type (floats bit for bit) or the same exception expected.
"""

import functools
import importlib.util
import inspect
import linecache
import logging
import math
import os
import struct
import sys
import textwrap
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import multilingualprogramming as mp
from multilingualprogramming import _jit, _program
from support import HAVE_NATIVE, needs_native
from test_differential import EDGE_INTS, I64_MAX, I64_MIN, floats, ints

LIMIT = 1000
SCALE = 0.5
PREFIX = "né"
LOUD = True
FAR = float("inf")
LOWEST = I64_MIN
WEIGHTS = [1, 2, 3]


@mp.jit
def poly(n: int) -> int:
    """A polynomial that leaves 64 bits near 2**32 and 2**63."""
    return n * n * 3 - 7 * n + 1


@mp.jit
def idiv(a: int, b: int) -> int:
    return a // b + a % b


@mp.jit
def fmix(x: float, y: float) -> float:
    return x * y - x / y


@mp.jit
def fcmp(x: float, y: float) -> bool:
    return x < y or x != x


@mp.jit
def steps(n: int) -> int:
    count = 0
    while n > 1 and count < 500:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        count += 1
    return count


@mp.jit
def with_constants(n: int) -> int:
    s = PREFIX * 2
    if LOUD and n < LIMIT:
        return n + len(s) + LOWEST // LIMIT
    return n - LIMIT


@mp.jit
def with_float_constants(x: float) -> float:
    if x > FAR:
        return 0.0
    return x * SCALE


@mp.jit
def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


@mp.jit
def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


@mp.jit
def weighted(n: int) -> int:
    return n * len(WEIGHTS)


@mp.jit
def one_line(n: int) -> int: return n + LIMIT


KERNELS = [poly, idiv, fmix, fcmp, steps, with_constants, with_float_constants, is_even, is_odd,
           one_line]


def same(a, b):
    """Equal values of one type; floats bit for bit (any nan equals any nan)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or struct.pack("<d", a) == struct.pack("<d", b)
    return a == b


def outcome(fn, *args, **kwargs):
    try:
        return ("value", fn(*args, **kwargs))
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome
        return ("raises", type(exc), str(exc))


def check_same(jitted, *args, **kwargs):
    got = outcome(jitted, *args, **kwargs)
    want = outcome(jitted.__wrapped__, *args, **kwargs)
    if got[0] == "value" and want[0] == "value":
        assert same(got[1], want[1]), (jitted.__name__, args, got, want)
    else:
        assert got == want, (jitted.__name__, args)


@needs_native
def test_kernels_run_on_webassembly():
    for fn in KERNELS:
        assert fn.report == {"function": fn.__name__, "backend": "wasm", "reason": "wasm",
                             "detail": ""}, fn.report
    # One module, one program: the functions call each other inside it.
    assert len({id(fn.program) for fn in KERNELS}) == 1


@settings(max_examples=200)
@given(ints)
def test_int_kernels_against_python(n):
    for fn in (poly, with_constants, one_line, steps):
        check_same(fn, n)


@settings(max_examples=200)
@given(ints, ints)
def test_integer_division_against_python(a, b):
    check_same(idiv, a, b)
    check_same(idiv, a, b % 5 - 2)   # zero divisors, often


@settings(max_examples=200)
@given(floats, floats)
def test_float_kernels_against_python(x, y):
    check_same(fmix, x, y)
    check_same(fcmp, x, y)
    check_same(with_float_constants, x)


@given(st.one_of(st.none(), st.text(max_size=3), st.lists(st.integers(), max_size=2), floats, ints))
def test_arguments_of_other_types_behave_as_in_python(x):
    check_same(poly, x)
    check_same(fmix, x, 2.0)
    check_same(idiv, 7, x)


def test_edge_ints_near_the_64_bit_limits():
    for n in EDGE_INTS + [2 ** 62, 2 ** 63, -(2 ** 63) - 1, 2 ** 100]:
        check_same(poly, n)
        check_same(idiv, n, 3)
        check_same(idiv, n, -1)


@needs_native
def test_an_int_leaving_64_bits_reruns_in_python():
    assert poly(3037000500) == poly.__wrapped__(3037000500)
    assert poly.last_report["reason"] == "wasm-overflow-fallback"
    assert poly(10) == 231
    assert poly.last_report == {"function": "poly", "backend": "wasm", "reason": "wasm"}
    assert idiv(I64_MIN, -1) == idiv.__wrapped__(I64_MIN, -1)


def test_mutual_recursion():
    for n in range(0, 60):
        assert is_even(n) is (n % 2 == 0)
        assert is_odd(n) is (n % 2 == 1)
    if HAVE_NATIVE:
        assert is_even.program is is_odd.program
        assert is_even.report["backend"] == "wasm"


def test_module_constants_are_compiled_in():
    for n in (-5, 0, 999, 1000, 10 ** 6):
        check_same(with_constants, n)
        check_same(one_line, n)
    for x in (1.0, -0.0, float("inf"), float("nan")):
        check_same(with_float_constants, x)


def test_constants_keep_the_value_of_the_compile_until_recompile(monkeypatch):
    module = sys.modules[__name__]
    with_constants.recompile()
    before = with_constants(5)
    monkeypatch.setattr(module, "LIMIT", 3)
    if HAVE_NATIVE:
        # The compiled code holds LIMIT = 1000 (documented): recompile() reads it again.
        assert with_constants(5) == before
    with_constants.recompile()
    assert with_constants(5) == with_constants.__wrapped__(5) == 5 - 3
    monkeypatch.undo()
    with_constants.recompile()
    assert with_constants(5) == before


def test_a_global_that_is_no_constant_keeps_the_function_in_python():
    assert weighted(4) == 12
    report = weighted.report
    assert report["backend"] == "python" and report["reason"] in (
        "not-compilable", "native-disabled", "native-unavailable", "unsupported-platform")
    if HAVE_NATIVE:
        line = inspect.getsourcelines(weighted.__wrapped__)[1] + 2
        assert report["detail"] == ("line %d: reads WEIGHTS, a global of type list (mp.jit copies "
                                    "only constants of type int, float, bool and str into "
                                    "compiled code)" % line)


WARM = 2


def test_not_compilable_falls_back_with_a_warning(caplog):
    def shout(word: str, n: int) -> str:
        out = ""
        for _ in range(n):
            out = out + word.swapcase()
        return out

    def scaled(n: int) -> int:
        return n * WARM

    with caplog.at_level(logging.WARNING, logger="multilingualprogramming.jit"):
        f = mp.jit(shout)
        assert f("ab", 3) == "ABABAB"
        assert f("x", 2) == "XX"
        g = mp.jit(scaled)
        assert g(4) == 8
    if not HAVE_NATIVE:
        return
    assert f.report["backend"] == "python"
    line = inspect.getsourcelines(shout)[1] + 3
    assert f.report["detail"] == "line %d: the method call .swapcase() on a str runs only in Python" % line
    assert g.report["backend"] == "wasm"
    records = [r for r in caplog.records if r.name == "multilingualprogramming.jit"]
    # One warning, at the compile, not one per call.
    assert len(records) == 1
    assert "shout" in records[0].getMessage() and "runs in Python" in records[0].getMessage()


def test_closures_stay_in_python():
    k = 5

    @mp.jit
    def add_k(n: int) -> int:
        return n + k

    assert add_k(1) == 6
    assert add_k.report["backend"] == "python"
    if HAVE_NATIVE:
        assert add_k.report["detail"] == "reads k of the enclosing function: closures are not compiled"


def test_wraps_metadata():
    assert poly.__name__ == "poly" and poly.__qualname__ == "poly"
    assert poly.__doc__ == "A polynomial that leaves 64 bits near 2**32 and 2**63."
    assert poly.__module__ == __name__
    assert isinstance(poly.__wrapped__, types.FunctionType)
    assert inspect.signature(poly) == inspect.signature(poly.__wrapped__)
    assert isinstance(poly, mp.JitFunction)
    assert "poly" in repr(poly)


def test_keyword_arguments():
    check_same(idiv, a=7, b=2)
    check_same(idiv, 7, b=2)
    check_same(idiv, 7, a=2)          # TypeError: multiple values
    check_same(idiv, 7, c=2)          # TypeError: unexpected keyword
    check_same(idiv, 7)               # TypeError: missing
    check_same(idiv, 1, 2, 3)         # TypeError: too many


def test_eager_compiles_at_decoration():
    def twice(n: int) -> int:
        return 2 * n

    f = mp.jit(eager=True)(twice)
    assert f._target is not None
    assert f(21) == 42
    g = mp.jit(twice)
    assert g._target is None
    assert g(2) == 4


def test_methods_bind_self():
    class Box:
        @mp.jit
        def add(self, n: int) -> int:
            return n + 1

    assert Box().add(2) == 3
    assert Box.add.report["backend"] == "python"


def test_bad_uses_raise_the_right_errors():
    with pytest.raises(TypeError, match="function written with def"):
        mp.jit(len)
    with pytest.raises(TypeError, match="function written with def"):
        mp.jit(functools.partial(idiv, 1))
    with pytest.raises(TypeError, match="eager must be True or False"):
        mp.jit(eager="yes")
    with pytest.raises(ValueError, match="lambda"):
        mp.jit(lambda n: n)

    @functools.wraps(idiv.__wrapped__)
    def wrapper(*args):
        return args

    with pytest.raises(TypeError, match="innermost decorator"):
        mp.jit(wrapper)


def test_code_without_source_raises_oserror():
    ns = {}
    exec(compile("def hidden(n: int) -> int:\n    return n\n", "<nowhere>", "exec"), ns)
    with pytest.raises(OSError, match="cannot find the source text of hidden"):
        mp.jit(ns["hidden"])


def test_functions_typed_at_a_prompt_that_keeps_their_text():
    # IPython, Jupyter and the REPL of Python 3.13 keep each input's text in
    # linecache under a name of their own: that is what jit reads there.
    src = textwrap.dedent("""\
        import multilingualprogramming as mp

        @mp.jit
        def cube(n: int) -> int:
            return n * n * n
        """)
    name = "<python-input-jit-test>"
    linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    try:
        ns = {"__name__": "__main__"}
        exec(compile(src, name, "exec"), ns)
        cube = ns["cube"]
        assert cube(3) == 27
        assert cube(2 ** 40) == 2 ** 120
        if HAVE_NATIVE:
            assert cube.report["backend"] == "wasm"
    finally:
        del linecache.cache[name]


def load_module(tmp_path, name, text):
    path = tmp_path / (name + ".py")
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_function_decorated_later_recompiles_the_module(tmp_path):
    module = load_module(tmp_path, "jit_later", """\
        import multilingualprogramming as mp

        @mp.jit
        def first(n: int) -> int:
            return second(n) + 1

        BEFORE = first.report

        @mp.jit
        def second(n: int) -> int:
            return n * 2
        """)
    assert module.BEFORE["backend"] == "python"
    if HAVE_NATIVE:
        assert "'second' is not defined" in module.BEFORE["detail"]
    assert module.first(20) == 41
    if HAVE_NATIVE:
        assert module.first.report["backend"] == "wasm"
        assert module.first.program is module.second.program
        assert sorted(module.first.program.functions) == ["first", "second"]


@needs_native
def test_the_compiler_rejecting_one_function_leaves_the_others(tmp_path):
    # Calls nested 190 deep: CPython takes them, the compiler stops at 180
    # (its margin below CPython's limit for the generated Python).
    deep = "abs(" * 190 + "n" + ")" * 190
    module = load_module(tmp_path, "jit_reject", """\
        import multilingualprogramming as mp

        @mp.jit
        def good(n: int) -> int:
            return n + 1

        @mp.jit
        def deep(n: int) -> int:
            m = n
            return %s
        """ % deep)
    assert module.deep(-4) == 4
    assert module.good(4) == 5
    assert module.good.report["backend"] == "wasm"
    report = module.deep.report
    assert report["backend"] == "python"
    prefix = "the compiler rejects it: line 10, column "
    assert report["detail"].startswith(prefix), report
    col, msg = report["detail"][len(prefix):].split(": ", 1)
    assert msg == "the expression is nested too deeply for Python (more than 180 levels)"
    line = (tmp_path / "jit_reject.py").read_text(encoding="utf-8").split("\n")[9]
    assert line[int(col) - 1:].startswith("abs(") and int(col) > len("    return ") + 4 * 180


def test_a_redefinition_takes_the_place_of_the_old_one(tmp_path):
    module = load_module(tmp_path, "jit_redef", """\
        import multilingualprogramming as mp

        @mp.jit
        def f(n: int) -> int:
            return n + 1

        OLD = f

        @mp.jit
        def f(n: int) -> int:
            return n + 2
        """)
    assert module.f(1) == 3
    assert module.OLD(1) == 2
    assert "replaced" in module.OLD.report["detail"]


@needs_native
def test_programs_come_from_the_disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", str(tmp_path))

    def make():
        def hashed(n: int) -> int:
            return (n * 2654435761) % 4294967296
        return hashed

    assert mp.jit(make())(3) == (3 * 2654435761) % 4294967296
    assert os.listdir(tmp_path / "programs")

    def no_compiler(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(_program, "compile_source", no_compiler)
    f = mp.jit(make())
    assert f(5) == (5 * 2654435761) % 4294967296
    assert f.report["backend"] == "wasm"


def test_literals_of_constants():
    assert _jit._literal(True) == "True"
    assert _jit._literal(I64_MIN) == "(-9223372036854775807 - 1)"
    assert eval(_jit._literal(I64_MIN)) == I64_MIN
    assert _jit._literal(I64_MAX + 1) is None
    assert _jit._literal(float("-inf")) == "-1e999" and eval("-1e999") == float("-inf")
    assert _jit._literal(float("nan")) is None
    assert _jit._literal(-0.0) == "-0.0"
    assert _jit._literal("a'\"\n") == repr("a'\"\n")
    assert _jit._literal(None) is None and _jit._literal((1,)) is None
